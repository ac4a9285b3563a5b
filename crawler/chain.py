"""One article's pagination as the spider walks it: what to fetch next, and whether a fetched page belongs.

Plain functions over an ArticleCapture and page reports (``crawler.verify``), so the spider stays a small
state machine and the rules are tested without Scrapy.
"""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from crawler.continuation import next_step, url_step
from crawler.items import ArticleCapture
from crawler.verify import NEW_TEXT_MIN, TEMPLATE_MIN, covers, identity_reason, verify

STRONG = 70  # a candidate this sure is a page of the article even when its fetch fails (it is then missing)


@dataclass(frozen=True)
class Rules:
    """The tunable numbers (Scrapy settings FOLIO_PAGINATION_*)."""

    extra_requests: int = 2  # candidates fetched and rejected per article, at most
    propose: int = 30  # least score of a proposed link
    template: float = TEMPLATE_MIN
    new_text: float = NEW_TEXT_MIN

    @classmethod
    def from_settings(cls, settings) -> "Rules":
        """The rules a crawl's settings give."""
        return cls(extra_requests=settings.getint("FOLIO_PAGINATION_EXTRA_REQUESTS", 2),
                   propose=settings.getint("FOLIO_PAGINATION_PROPOSE", 30),
                   template=settings.getfloat("FOLIO_PAGINATION_TEMPLATE", TEMPLATE_MIN),
                   new_text=settings.getfloat("FOLIO_PAGINATION_NEW_TEXT", NEW_TEXT_MIN))


def proposals(capture: ArticleCapture, report: dict, rules: Rules) -> list[dict]:
    """Candidates for the page after the last one read, best first: its own links plus the learned URL."""
    done = _tried(capture)
    host = urlsplit(capture.url).hostname
    found = [dict(c) for c in report["candidates"] if c["score"] >= rules.propose or c["kind"] == "profile"]
    urls = [p.final_url or p.url for p in capture.pages if p.ok]
    if report.get("profile"):
        return [{**c, "strong": True} for c in found]  # the profile's selector alone decides
    numbered = report.get("numbered", {}).get(len(capture.pages) + 1)
    if numbered:
        _add(found, numbered, 45, "numbered", f"page number {len(capture.pages) + 1} in a pager")
    predicted = next_step(urls[0], urls[1], urls[-1]) if len(urls) >= 2 else None
    if predicted:
        expected = capture.expected_pages or 0
        if len(urls) < expected:
            _add(found, predicted, 50, "predicted", "the URL pattern of pages 1 and 2")
    # A profile's link is followed as given (a loop or another host is then recorded); others are filtered.
    found = [c for c in found if c["kind"] == "profile" or (c["url"] not in done and urlsplit(c["url"]).hostname == host)]
    found.sort(key=lambda c: -c["score"])
    for candidate in found:
        candidate["strong"] = candidate["kind"] in ("profile", "rel") or candidate["score"] >= STRONG
    return found


def check(capture: ArticleCapture, report: dict, candidate: dict, rules: Rules) -> str | None:
    """Why the fetched candidate is not the article's next page, or None when its report proves it is."""
    if candidate["kind"] == "profile":
        return None  # the profile says so
    if candidate["kind"] == "single":
        return check_single_view(capture, report)
    read = [p.extract["report"] for p in capture.pages if p.ok and p.extract]
    urls = [p.final_url or p.url for p in capture.pages if p.ok]
    if not read:
        return None
    step = url_step(urls[-1], candidate["url"]) or url_step(urls[0], candidate["url"])
    evidence = candidate["kind"] in ("rel", "predicted") or bool(step and step[1] > step[0])
    return verify(read, report, urls=urls + [capture.url], url_evidence=evidence,
                  template_min=rules.template, new_text_min=rules.new_text)


def reject(capture: ArticleCapture, candidate: dict, reason: str) -> None:
    """Record a candidate that is not a page of the article."""
    capture.rejected.append({"url": candidate["url"], "reason": reason, "why_proposed": candidate.get("why", "")})


def budget_left(capture: ArticleCapture, rules: Rules) -> bool:
    """Whether another weak candidate may still be fetched for this article."""
    return len(capture.rejected) < rules.extra_requests


def check_single_view(capture: ArticleCapture, report: dict) -> str | None:
    """Why a fetched single-page view is not the whole article, or None when it holds every page read."""
    read = [p.extract["report"] for p in capture.pages if p.ok and p.extract]
    if not read or report.get("listing") or not covers(read, report):
        return "does not hold the text of the pages read"
    urls = [p.final_url or p.url for p in capture.pages if p.ok]
    return identity_reason(read, report, urls=urls, url_evidence=True)  # its text is the evidence


def single_view(capture: ArticleCapture, rules: Rules) -> dict | None:
    """A single-page view of a paged article to fetch and verify, when page 1 links one and budget is left."""
    first = capture.pages[0].extract if capture.pages and capture.pages[0].extract else None
    if not first or first["report"].get("profile") or capture.single_view or not budget_left(capture, rules):
        return None
    if len(capture.pages) < 2 and len(capture.pages) >= (capture.expected_pages or 0):
        return None  # one page and no sign of more: a print view would only repeat it
    done = _tried(capture)
    views = [url for url in first["report"].get("single_views", []) if url not in done]
    return {"url": views[0], "score": 0, "kind": "single", "why": "single-page view"} if views else None


def shortfall(capture: ArticleCapture) -> str | None:
    """Why an article that ended here is short of the pages its first page announced, or None."""
    expected, have = capture.expected_pages or 0, len(capture.pages)
    if have >= expected or capture.stopped or capture.single_view:
        return None
    return f"short: page 1 announces {expected} pages, {have} verified"


def missing_url(capture: ArticleCapture) -> str | None:
    """The URL of the first announced page not read, when page 1 names it."""
    first = capture.pages[0].extract if capture.pages and capture.pages[0].extract else {}
    wanted = len(capture.pages) + 1
    named = (first.get("report") or {}).get("numbered", {}).get(wanted)
    return named or next((u for u in capture.known_pages if u not in _tried(capture)), None)


def _add(found: list[dict], url: str, score: int, kind: str, why: str) -> None:
    """Add a candidate, or raise the score of the same URL proposed for another reason."""
    for candidate in found:
        if candidate["url"] == url:
            candidate["score"] += 20
            candidate["why"] += f", {why}"
            return
    found.append({"url": url, "score": score, "kind": kind, "why": why})


def _tried(capture: ArticleCapture) -> set[str]:
    return {p.url for p in capture.pages} | {p.final_url for p in capture.pages if p.final_url} | \
        {r["url"] for r in capture.rejected} | {capture.url}
