"""Incremental recrawls through Scrapy's HTTP cache, with the archive itself as the cache.

Known pages are re-requested with If-None-Match / If-Modified-Since from the stored response;
on 304 Scrapy's HttpCacheMiddleware hands the stored page on, so nothing is re-downloaded and,
the body being identical, the store writes nothing.
"""
from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from scrapy.http import Headers, Request, Response
from scrapy.responsetypes import responsetypes
from scrapy.settings import Settings
from scrapy.extensions.httpcache import RFC2616Policy

from archive.bodies import Bodies, CorruptBody
from archive.store import DEFAULT_DB

logger = logging.getLogger(__name__)


class ArchiveCache:
    """HTTPCACHE_STORAGE reading the latest stored body of each page; the Store pipeline writes."""

    def __init__(self, settings: Settings):
        self.path = Path(settings.get("ARCHIVE_DB") or DEFAULT_DB)
        self.conn: sqlite3.Connection | None = None
        self.bodies: Bodies | None = None

    def open_spider(self, spider) -> None:
        if self.path.is_file():
            self.conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self.bodies = Bodies(self.conn)

    def close_spider(self, spider) -> None:
        if self.conn:
            self.conn.close()

    def retrieve_response(self, spider, request: Request) -> Response | None:
        if self.conn is None:
            return None
        try:
            row = self.conn.execute(
                "select pages.status, pages.final_url, captures.headers, captures.site, captures.body_zst, "
                "captures.dict_id from pages "
                "join captures on captures.id = pages.capture_id where pages.url = ? and pages.error is null "
                "and captures.body_zst is not null", (request.url,),
            ).fetchone()
        except sqlite3.DatabaseError as exc:  # a damaged archive: fetched whole, as a page never stored
            logger.warning("%s: the archive could not be read (%s); fetching it whole", request.url, exc)
            return None
        if row is None:
            return None
        status, final_url, headers, site, body_zst, dict_id = row
        try:
            headers = Headers(self.bodies.headers(headers, site))
            body = self.bodies.decompress(body_zst, dict_id)
        except CorruptBody as exc:  # fetched again unconditionally, as a page never stored
            logger.warning("%s: the stored body is corrupt (%s); fetching it whole", request.url, exc)
            return None
        url = final_url or request.url
        cls = responsetypes.from_args(headers=headers, url=url, body=body)
        return cls(url=url, status=status or 200, headers=headers, body=body)

    def store_response(self, spider, request: Request, response: Response) -> None:
        """Nothing to do: pages reach the archive through the pipelines, with their article."""


class AlwaysRevalidate(RFC2616Policy):
    """Never trust a stored page as fresh: always ask the server, conditionally when possible."""

    def is_cached_response_fresh(self, cachedresponse: Response, request: Request) -> bool:
        etag = cachedresponse.headers.get(b"ETag")
        modified = cachedresponse.headers.get(b"Last-Modified")
        if etag:
            request.headers.setdefault(b"If-None-Match", etag)
        if modified:
            request.headers.setdefault(b"If-Modified-Since", modified)
        return False
