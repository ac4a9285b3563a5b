"""Raw page bodies in the archive: zstd, with a dictionary per site trained from the site's first pages.

Pages of one site share most of their markup, so a dictionary trained on a few dozen of them lets zstd
store each further page in a fraction of gzip's size. Dictionaries live in the archive (`zstd_dicts`),
so any reader can decompress: every reader of a stored body goes through `Bodies.decompress`.

A capture's headers (JSON) are zstd-compressed too, with a dictionary per site that is simply the
site's first stored headers (`header_dicts`): the names and most values repeat from page to page, so
a few dozen bytes per capture remain. Every reader of them goes through `Bodies.headers`.
"""
from __future__ import annotations

import gzip
import json
import logging
import sqlite3
import zlib

import zstandard

from archive.rows import now

logger = logging.getLogger(__name__)

LEVEL = 6  # zstd level: near level 19's size on these pages at a fraction of its time
TRAIN_AFTER = 64  # a site's dictionary is trained once it has this many captures stored without one
DICT_BYTES = 32 * 1024
HEADERS_LEVEL = 3  # headers are a few hundred bytes: higher levels save a byte or two at many times the time


class CorruptBody(Exception):
    """A stored body that no longer decompresses; the message says why in one line."""


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


def inflate(blob: bytes | None) -> bytes:
    """The body a gzip blob of an archive from before store_bytes_once holds (b"" for none), or CorruptBody."""
    if not blob:
        return b""
    try:
        return gzip.decompress(blob)
    except (OSError, EOFError, zlib.error) as exc:  # BadGzipFile is an OSError; a cut blob an EOFError
        raise CorruptBody(_one_line(exc)) from None


class Bodies:
    """Compresses and decompresses raw bodies for one connection; dictionaries are read once and cached."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self._dicts: dict[int, zstandard.ZstdCompressionDict] = {}
        self._compressors: dict[int | None, zstandard.ZstdCompressor] = {}
        self._decompressors: dict[int | None, zstandard.ZstdDecompressor] = {}
        self._site_dict: dict[str, int | None] = {}
        self._untrained: dict[str, int] = {}  # captures stored without a dictionary, per site
        self._header_dicts: dict[str, zstandard.ZstdCompressionDict | None] = {}
        self._header_codecs: dict[str, tuple[zstandard.ZstdCompressor, zstandard.ZstdDecompressor]] = {}

    def compress(self, site: str, body: bytes) -> tuple[bytes, int | None]:
        """(zstd frame, dictionary id or None) for ``body`` of ``site``."""
        dict_id = self.site_dictionary(site)
        if dict_id is None and site is not None:
            self._untrained[site] = self._untrained.get(site, 0) + 1
        return self._compressor(dict_id).compress(body), dict_id

    def decompress(self, blob: bytes | None, dict_id: int | None) -> bytes:
        """The body exactly as received, or CorruptBody when the stored blob no longer decompresses."""
        if blob is None:
            return b""
        try:
            if dict_id not in self._decompressors:
                self._decompressors[dict_id] = zstandard.ZstdDecompressor(
                    dict_data=self._dictionary(dict_id) if dict_id is not None else None)
            return self._decompressors[dict_id].decompress(blob)
        except (zstandard.ZstdError, LookupError) as exc:
            raise CorruptBody(_one_line(exc)) from None

    def site_dictionary(self, site: str) -> int | None:
        """Id of the newest dictionary of ``site``, or None while it has none."""
        if site not in self._site_dict:
            row = self.conn.execute("select max(id) from zstd_dicts where site = ?", [site]).fetchone()
            self._site_dict[site] = row[0]
            if row[0] is None:
                self._untrained[site] = self.conn.execute(
                    "select count(*) from captures where site = ? and dict_id is null", [site]).fetchone()[0]
        return self._site_dict[site]

    def sites_to_train(self) -> list[str]:
        """Sites with enough captures stored without a dictionary to train one."""
        return [site for site, count in self._untrained.items()
                if count >= TRAIN_AFTER and self._site_dict.get(site) is None]

    def train(self, site: str) -> int | None:
        """Train ``site``'s dictionary from its first captures and recompress those with it; no commit."""
        self._site_dict.pop(site, None)
        if self.site_dictionary(site) is not None:  # another process trained one meanwhile
            return self._site_dict[site]
        samples = [self.decompress(blob, None) for (blob,) in self.conn.execute(
            "select body_zst from captures where site = ? and dict_id is null and body_zst is not null "
            "order by id limit ?", [site, TRAIN_AFTER * 2])]
        try:
            trained = zstandard.train_dictionary(DICT_BYTES, samples)
        except zstandard.ZstdError as exc:  # too few or too small samples: try again after as many more
            logger.info("%s: no zstd dictionary yet (%s)", site, exc)
            self._untrained[site] = 0
            return None
        dict_id = self.conn.execute("insert into zstd_dicts (site, trained_at, samples, dict) values (?, ?, ?, ?)",
                                    [site, now(), len(samples), trained.as_bytes()]).lastrowid
        self._dicts[dict_id], self._site_dict[site] = trained, dict_id
        self._recompress(site, dict_id)
        self._untrained.pop(site, None)
        return dict_id

    def _recompress(self, site: str, dict_id: int) -> None:
        """The site's captures stored without a dictionary, compressed again with ``dict_id``, a chunk at a time."""
        compressor, last = self._compressor(dict_id), 0
        while True:
            rows = self.conn.execute("select id, body_zst from captures where site = ? and dict_id is null and "
                                     "body_zst is not null and id > ? order by id limit 500", [site, last]).fetchall()
            if not rows:
                return
            self.conn.executemany("update captures set body_zst = ?, dict_id = ? where id = ?",
                                  [(compressor.compress(self.decompress(blob, None)), dict_id, capture_id)
                                   for capture_id, blob in rows])
            last = rows[-1][0]

    def forget(self) -> None:
        """Drop cached site -> dictionary choices (after a rolled-back training)."""
        self._site_dict.clear()
        self._untrained.clear()
        self._header_dicts.clear()
        self._header_codecs.clear()

    def pack_headers(self, site: str | None, headers: dict) -> str | bytes:
        """The `captures.headers` value: zstd with the site's headers dictionary, the JSON text while it has none."""
        text = json.dumps(headers, ensure_ascii=False)
        if site is None or self._header_dictionary(site) is None:
            return text
        return self._header_codec(site)[0].compress(text.encode())

    def headers(self, value: str | bytes | None, site: str | None) -> dict:
        """A capture's headers exactly as received, from JSON text or a zstd frame of its site; CorruptBody if damaged."""
        if value is None:
            return {}
        if isinstance(value, bytes):
            if site is not None and self._header_dicts.get(site, False) is None:
                del self._header_dicts[site]  # cached before another connection made it: look again
            if site is None or self._header_dictionary(site) is None:
                raise CorruptBody(f"compressed headers of site {site!r}, which has no headers dictionary")
            try:
                value = self._header_codec(site)[1].decompress(value).decode()
            except (zstandard.ZstdError, UnicodeDecodeError) as exc:
                raise CorruptBody(_one_line(exc)) from None
        return json.loads(value)

    def needs_headers_dictionary(self, site: str | None) -> bool:
        return site is not None and self._header_dictionary(site) is None

    def start_headers_dictionary(self, site: str, headers: dict) -> None:
        """Store ``headers`` (JSON) as ``site``'s headers dictionary and compress its headers stored as text; no commit."""
        self.conn.execute("insert or ignore into header_dicts (site, created_at, dict) values (?, ?, ?)",
                          [site, now(), json.dumps(headers, ensure_ascii=False).encode()])
        self._header_dicts.pop(site, None)
        self._header_codecs.pop(site, None)
        last = 0
        while True:
            rows = self.conn.execute("select id, headers from captures where site = ? and typeof(headers) = 'text' "
                                     "and id > ? order by id limit 500", [site, last]).fetchall()
            if not rows:
                return
            self.conn.executemany("update captures set headers = ? where id = ?",
                                  [(self.pack_headers(site, json.loads(text)), capture_id) for capture_id, text in rows])
            last = rows[-1][0]

    def _header_dictionary(self, site: str) -> zstandard.ZstdCompressionDict | None:
        if site not in self._header_dicts:
            try:
                row = self.conn.execute("select dict from header_dicts where site = ?", [site]).fetchone()
            except sqlite3.OperationalError:  # an archive from before compact_captures: headers are text
                row = None
            self._header_dicts[site] = None if row is None else zstandard.ZstdCompressionDict(
                row[0], dict_type=zstandard.DICT_TYPE_RAWCONTENT)
        return self._header_dicts[site]

    def _header_codec(self, site: str) -> tuple[zstandard.ZstdCompressor, zstandard.ZstdDecompressor]:
        if site not in self._header_codecs:
            dictionary = self._header_dictionary(site)
            self._header_codecs[site] = (
                zstandard.ZstdCompressor(level=HEADERS_LEVEL, dict_data=dictionary, write_dict_id=False),
                zstandard.ZstdDecompressor(dict_data=dictionary))
        return self._header_codecs[site]

    def _compressor(self, dict_id: int | None) -> zstandard.ZstdCompressor:
        if dict_id not in self._compressors:
            self._compressors[dict_id] = zstandard.ZstdCompressor(
                level=LEVEL, dict_data=self._dictionary(dict_id) if dict_id is not None else None)
        return self._compressors[dict_id]

    def _dictionary(self, dict_id: int) -> zstandard.ZstdCompressionDict:
        if dict_id not in self._dicts:
            row = self.conn.execute("select dict from zstd_dicts where id = ?", [dict_id]).fetchone()
            if row is None:
                raise LookupError(f"zstd dictionary {dict_id} is not in the archive")
            self._dicts[dict_id] = zstandard.ZstdCompressionDict(row[0])
        return self._dicts[dict_id]
