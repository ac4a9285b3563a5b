"""The whole pipeline on saved pages, with no Scrapy running: `folio extract` and re-extraction use it."""
from __future__ import annotations

from crawler.items import ArticleCapture, Page
from crawler.sites import SiteProfile
from crawler import chain
from pipelines.extract import extract_capture, extract_page
from pipelines.normalize import normalize
from pipelines.reassemble import assemble_capture

OUTPUT_KEYS = (
    "url", "canonical_url", "title", "subtitle", "authors", "reviewer", "reviewed", "published", "published_raw",
    "modified", "description", "section", "language", "body_text", "references", "page_count", "next_page_url",
    "page_urls", "single_page_url", "rejected_pages",
)


def process_pages(pages: list[tuple[bytes, str]], profile: SiteProfile | None = None) -> dict:
    """One article record from (raw HTML, URL) pairs given in page order."""
    profile = profile or SiteProfile.generic([url for _, url in pages])
    capture = ArticleCapture(site=profile.slug, url=pages[0][1])
    given = [Page(url=url, number=n, status=200, body=body) for n, (body, url) in enumerate(pages, 1)]
    for page in given:  # one page alone is checked against no other: its report is only what reassembly reads
        page.extract = extract_page(page.body, page.url, profile, continuation=len(given) > 1)
    capture.pages = given[:1]
    for page in given[1:]:  # the crawl's rule: a page joins the article only when it proves it belongs
        reason = None if profile.next_page else chain.check(capture, page.extract["report"], given_page(capture, page),
                                                             chain.Rules())
        if reason:
            chain.reject(capture, {"url": page.url}, reason)
        else:
            page.number = len(capture.pages) + 1
            capture.pages.append(page)
    capture.extracted = extract_capture(capture, profile)
    article = assemble_capture(capture)
    # As in a crawl, pages that name a page after the last one given are not the whole article.
    article["complete"] = article["complete"] and not chain.stored_shortfall(capture, capture.extracted)
    record = normalize(article, languages=profile.date_languages, timezone=profile.timezone)
    record["rejected_pages"] = [{"url": r["url"], "reason": r["reason"]} for r in capture.rejected]
    return record


def given_page(capture: ArticleCapture, page: Page) -> dict:
    """A page given by hand, as a candidate: linked from the page before it counts as URL evidence."""
    report = capture.pages[-1].extract["report"]
    linked = {c["url"] for c in report["candidates"]} | set(report.get("numbered", {}).values())
    return {"url": page.url, "kind": "rel" if page.url in linked else "given", "why": "given"}


def public_view(record: dict) -> dict:
    """The keys `folio extract` prints, in a stable order."""
    return {key: record.get(key) for key in OUTPUT_KEYS}
