"""Captures of the generated bulk site, as the crawl hands them to the Store, built with no network.

Pages come from the sample site's router (the same bytes its HTTP server sends), records from the
crawl's own Extract -> Reassemble -> Normalize functions. Shared by bench/store.py and bench/storage.py.
"""
from __future__ import annotations

import pickle
import sys
from email.utils import format_datetime
from datetime import timezone
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from crawler import sites  # noqa: E402
from crawler.items import ArticleCapture, Page  # noqa: E402
from crawler.samplesite import bulk  # noqa: E402
from crawler.samplesite.server import Router  # noqa: E402
from pipelines.rebuild import article_record  # noqa: E402

BASE_URL = "http://127.0.0.1:8001"
FETCHED_AT = "2026-01-05T10:00:00+00:00"


def page(router: Router, url: str, number: int) -> Page:
    """One page with the headers the sample site's HTTP server sends."""
    response = router.get(url[len(BASE_URL):])
    headers = {"Server": "SimpleHTTP/0.6 Python/3.11", "Date": "Mon, 05 Jan 2026 10:00:00 GMT",
               "Content-Type": response.content_type, "Content-Length": str(len(response.body)),
               "ETag": response.etag}
    if response.modified is not None:
        headers["Last-Modified"] = format_datetime(response.modified.astimezone(timezone.utc), usegmt=True)
    return Page(url=url, number=number, status=response.status, final_url=url, fetched_at=FETCHED_AT,
                headers=headers, body=response.body)


def bulk_captures(count: int, cache: Path | None = None) -> list[tuple[ArticleCapture, dict | None]]:
    """(capture, record) for bulk articles 1..count; cached in ``cache`` when given (extraction is slow)."""
    if cache and cache.exists():
        return pickle.loads(cache.read_bytes())
    router, profile = Router(BASE_URL, bulk_articles=count), sites.load("bulk")
    made = []
    for number in range(1, count + 1):
        first = BASE_URL + bulk.article_path(number)
        urls = [first] + [f"{first}?page={n}" for n in range(2, bulk.page_count(number) + 1)]
        capture = ArticleCapture(site="bulk", url=first, pages=[page(router, u, n) for n, u in enumerate(urls, 1)])
        record = article_record(capture, profile)
        capture.extracted, capture.article = [], {}  # the Store reads only pages and the record
        made.append((capture, record))
    if cache:
        cache.write_bytes(pickle.dumps(made))
    return made
