"""The whole pipeline on saved pages, with no Scrapy running: `folio extract` and re-extraction use it."""
from __future__ import annotations

from crawler.items import ArticleCapture, Page
from crawler.sites import SiteProfile
from pipelines.extract import extract_capture
from pipelines.normalize import normalize
from pipelines.reassemble import assemble_capture

OUTPUT_KEYS = (
    "url", "canonical_url", "title", "subtitle", "authors", "reviewer", "reviewed", "published", "published_raw",
    "modified", "description", "section", "language", "body_text", "references", "page_count", "next_page_url",
    "page_urls", "single_page_url",
)


def process_pages(pages: list[tuple[bytes, str]], profile: SiteProfile | None = None) -> dict:
    """One article record from (raw HTML, URL) pairs given in page order."""
    profile = profile or SiteProfile.generic([url for _, url in pages])
    capture = ArticleCapture(site=profile.slug, url=pages[0][1])
    capture.pages = [Page(url=url, number=n, status=200, body=body) for n, (body, url) in enumerate(pages, 1)]
    capture.extracted = extract_capture(capture, profile)
    article = assemble_capture(capture)
    return normalize(article, languages=profile.date_languages, timezone=profile.timezone)


def public_view(record: dict) -> dict:
    """The keys `folio extract` prints, in a stable order."""
    return {key: record.get(key) for key in OUTPUT_KEYS}
