"""Incremental recrawls through Scrapy's HTTP cache, with the archive itself as the cache.

Known pages are re-requested with If-None-Match / If-Modified-Since from the stored response;
on 304 Scrapy's HttpCacheMiddleware hands the stored page on, so nothing is re-downloaded and,
the body being identical, the store writes nothing.
"""
from __future__ import annotations

import gzip
import json
import logging
import sqlite3
from pathlib import Path

from scrapy.http import Headers, Request, Response
from scrapy.responsetypes import responsetypes
from scrapy.settings import Settings
from scrapy.extensions.httpcache import RFC2616Policy

from archive.store import DEFAULT_DB

logger = logging.getLogger(__name__)


class ArchiveCache:
    """HTTPCACHE_STORAGE reading the latest stored body of each page; the Store pipeline writes."""

    def __init__(self, settings: Settings):
        self.path = Path(settings.get("ARCHIVE_DB") or DEFAULT_DB)
        self.conn: sqlite3.Connection | None = None

    def open_spider(self, spider) -> None:
        if self.path.is_file():
            self.conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)

    def close_spider(self, spider) -> None:
        if self.conn:
            self.conn.close()

    def retrieve_response(self, spider, request: Request) -> Response | None:
        if self.conn is None:
            return None
        row = self.conn.execute(
            "select status, final_url, headers, html_gz from pages where url = ? and error is null "
            "and html_gz is not null", (request.url,),
        ).fetchone()
        if row is None:
            return None
        status, final_url, headers, body_gz = row
        headers = Headers(json.loads(headers or "{}"))
        body = gzip.decompress(body_gz)
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
