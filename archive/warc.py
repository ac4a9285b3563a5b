"""WARC in and out: the archive's raw captures as WARC records, and the responses a WARC holds.

Export writes what `captures` keeps (every distinct body a URL returned, with its headers, status and
fetch time) as request/response pairs any WARC tool reads. Reading returns plain response dicts; the
import pipeline (pipelines/importing.py) groups them into articles.
"""
from __future__ import annotations

import json
import zlib
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from http import HTTPStatus
from importlib.metadata import PackageNotFoundError, version
from io import BytesIO
from pathlib import Path
from urllib.parse import urlsplit

from sqlite_utils import Database

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.limitreader import LimitReader
from warcio.recordloader import ArcWarcRecordLoader
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from archive.bodies import Bodies, CorruptBody

# Not a WARC field: where the capture's body came from after redirects, when that differs from its URL.
FINAL_URL_FIELD = "Folio-Final-URL"
# Headers that describe a transfer or an encoding that the stored body no longer has: Scrapy stores
# bodies de-chunked and decompressed, so repeating these would make WARC readers decode them again.
TRANSFER_HEADERS = {"transfer-encoding", "content-encoding"}

CAPTURES_SQL = """
select id, url, final_url, fetched_at, status, headers, site, body_zst, dict_id from captures
where body_zst is not null {where} order by id
"""


# No record body is read beyond the crawler's own cap: a 600 KB gzip bomb must not inflate to gigabytes.
MAX_BODY = 8 * 1024 * 1024  # crawler/settings.py DOWNLOAD_MAXSIZE


class _RecordLoader(ArcWarcRecordLoader):
    """warcio's record loader, except that a record without WARC-Target-URI is read (to be skipped), not fatal."""

    def load_http_headers(self, rec_type, uri, stream, length):
        return super().load_http_headers(rec_type, uri or "", stream, length)


class WarcError(Exception):
    """The WARC file cannot be read or written; the message says why in one line."""


def export_warc(db: Database, out: Path, *, site: str | None = None) -> Counter:
    """Write every capture with a body (of ``site``) to ``out`` as gzipped WARC; counts of records."""
    where, params = ("and url in (select url from pages where site = ?)", [site]) if site else ("", [])
    counts: Counter = Counter()
    try:
        with open(out, "wb") as stream:
            writer = WARCWriter(stream, gzip=True)
            writer.write_record(writer.create_warcinfo_record(out.name, {
                "software": f"Folio {_folio_version()} (folio export-warc)",
                "format": "WARC File Format 1.0",
                "description": f"captures of the Folio archive{f' for site {site}' if site else ''}",
            }))
            counts["warcinfo"] += 1
            bodies = Bodies(db.conn)
            for row in db.query(CAPTURES_SQL.format(where=where), params):
                try:
                    row["headers"] = bodies.headers(row["headers"], row["site"])
                    response = response_record(writer, row, bodies.decompress(row["body_zst"], row["dict_id"]))
                except CorruptBody:
                    counts["corrupt"] += 1  # the others are still exported; the command says how many
                    continue
                writer.write_record(response)
                writer.write_record(request_record(writer, row, response.rec_headers.get_header("WARC-Record-ID")))
                counts["response"] += 1
                counts["request"] += 1
                counts["body_bytes"] += int(response.length or 0)
    except OSError as exc:
        raise WarcError(f"cannot write {out}: {exc.strerror or exc}") from None
    return counts


def response_record(writer: WARCWriter, row: dict, body: bytes):
    """A response record: the status line, every stored header (a dict, or JSON text), the exact stored ``body``."""
    status = row["status"] or 200
    try:
        reason = HTTPStatus(status).phrase
    except ValueError:
        reason = ""
    # The reason phrase is not stored; the standard one for the status is written.
    headers = [(name, str(len(body)) if name.lower() == "content-length" else value)
               for name, value in _headers(row["headers"]).items() if name.lower() not in TRANSFER_HEADERS]
    if not any(name.lower() == "content-length" for name, _ in headers):
        headers.append(("Content-Length", str(len(body))))
    http_headers = StatusAndHeaders(f"{status} {reason}".strip(), headers, protocol="HTTP/1.1")
    fields = {"WARC-Date": warc_date(row["fetched_at"])}
    if row["final_url"] and row["final_url"] != row["url"]:
        fields[FINAL_URL_FIELD] = row["final_url"]
    return writer.create_warc_record(row["url"], "response", payload=BytesIO(body), length=len(body),
                                     http_headers=http_headers, warc_headers_dict=fields)


def _headers(stored: dict | str | None) -> dict:
    return stored if isinstance(stored, dict) else json.loads(stored or "{}")


def request_record(writer: WARCWriter, row: dict, response_id: str):
    """The GET that fetched a capture (request headers are not stored, so only Host is given)."""
    parts = urlsplit(row["url"])
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    http_headers = StatusAndHeaders(f"GET {target} HTTP/1.1", [("Host", parts.netloc)], is_http_request=True)
    return writer.create_warc_record(row["url"], "request", http_headers=http_headers, warc_headers_dict={
        "WARC-Date": warc_date(row["fetched_at"]), "WARC-Concurrent-To": response_id})


def warc_date(fetched_at: str | None) -> str:
    """ISO 8601 as the archive stores it -> WARC-Date (UTC, seconds, Z)."""
    moment = datetime.fromisoformat(fetched_at) if fetched_at else datetime.now(timezone.utc)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def fetched_at(warc_date_value: str) -> str:
    """WARC-Date -> the archive's ISO 8601 form ("2024-06-12T09:30:00+00:00")."""
    moment = datetime.fromisoformat(warc_date_value.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).isoformat(timespec="seconds")


@dataclass
class WarcContents:
    """What a WARC file held: its HTTP responses, counts of the other records, and what failed."""

    responses: list[dict] = field(default_factory=list)  # {url, final_url, status, headers, body, fetched_at}
    counts: Counter = field(default_factory=Counter)  # records, "<type> records" skipped, unreadable
    errors: list[str] = field(default_factory=list)  # one line per record that failed to parse
    stopped: str | None = None  # why reading ended before the end of the file (a corrupt tail)


def read_responses(path: Path) -> WarcContents:
    """The HTTP responses of a WARC in file order; raises WarcError when the file is missing or not a WARC."""
    if not path.is_file():
        raise WarcError(f"{path}: no such file")
    found = WarcContents()
    counts = found.counts
    with open(path, "rb") as stream:
        records = ArchiveIterator(stream, arc2warc=True)
        records.loader = _RecordLoader(verify_http=False, arc2warc=True)  # as ArchiveIterator makes it
        try:
            for record in records:
                counts["records"] += 1
                if record.rec_type == "response" and not record.rec_headers.get_header("WARC-Target-URI"):
                    counts["URI-less records"] += 1
                    continue
                if record.rec_type != "response" or not record.http_headers:
                    counts[f"{record.rec_type} records"] += 1
                    continue
                try:
                    found.responses.append(_response(record))
                except TooLarge:
                    counts["oversized records"] += 1
                except (ValueError, TypeError, KeyError, EOFError, zlib.error) as exc:
                    counts["unreadable"] += 1
                    found.errors.append(f"{record.rec_headers.get_header('WARC-Target-URI')}: {_one_line(exc)}")
        except (ArchiveLoadFailed, EOFError, OSError, zlib.error, ValueError) as exc:
            reason = _reason(path, exc)
            if not counts["records"]:
                raise WarcError(f"{path}: not a readable WARC file ({reason})") from None
            found.stopped = f"stopped after {counts['records']} records: {reason}"
    if not counts["records"]:
        raise WarcError(f"{path}: not a WARC file (it holds no records)")
    return found


class TooLarge(Exception):
    """A record whose body is larger than MAX_BODY once decompressed: skipped and counted."""


def _response(record) -> dict:
    url = record.rec_headers.get_header("WARC-Target-URI")
    if not url or not urlsplit(url).scheme:
        raise ValueError("no WARC-Target-URI")
    status = int(record.http_headers.get_statuscode())
    headers: dict[str, str] = {}
    for name, value in record.http_headers.headers:
        headers.setdefault(name, value)  # the first value of a repeated header, as the spider keeps it
    response = {
        "url": url,
        "final_url": record.rec_headers.get_header(FINAL_URL_FIELD) or url,
        "status": status,
        "headers": headers,
        "body": record.content_stream().read(MAX_BODY + 1),  # de-chunked and decompressed, as Scrapy hands bodies on
        "fetched_at": fetched_at(record.rec_headers.get_header("WARC-Date") or ""),
    }
    if len(response["body"]) > MAX_BODY:
        raise TooLarge(url)
    # A cut-off file ends inside a record without a gzip or parse error: its block is shorter than it says.
    if isinstance(record.raw_stream, LimitReader) and record.raw_stream.limit > 0:
        raise EOFError(f"record cut off: {record.raw_stream.limit} bytes missing")
    return response


def _reason(path: Path, exc: Exception) -> str:
    """Why reading failed, in words: warcio's own message quotes the raw bytes it could not parse."""
    with open(path, "rb") as stream:
        gzipped = stream.read(2) == b"\x1f\x8b"
    if isinstance(exc, ArchiveLoadFailed) and "Unknown archive format" in str(exc):
        return "corrupt gzip data, or gzip that does not hold a WARC" if gzipped else \
            "it does not start with a WARC/1.x record header"
    if isinstance(exc, zlib.error) or (gzipped and isinstance(exc, (EOFError, OSError))):
        return f"corrupt gzip data: {_one_line(exc)}"
    return _one_line(exc)


def _one_line(exc: Exception) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) < 160 else text[:157] + "..."


def _folio_version() -> str:
    try:
        return version("folio")
    except PackageNotFoundError:
        return "(source)"
