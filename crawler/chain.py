"""One article's pagination as the spider walks it: what to fetch next, and whether a fetched page belongs.

Plain functions over an ArticleCapture and page reports (``crawler.verify``), so the spider stays a small
state machine and the rules are tested without Scrapy.
"""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from crawler.continuation import next_step, url_step
from crawler.items import ArticleCapture
from crawler.pagelist import listed_page
from crawler.verify import NEW_TEXT_MIN, TEMPLATE_MIN, covers, identity_reason, verify

STRONG = 70  # a candidate this sure is a page of the article even when its fetch fails (it is then missing)
# Rejections that settle a link: the fetched page showed what else it is. A failed fetch settles nothing.
SETTLED = ("another article", "a listing page", "no new text", "another template", "does not hold",
           "sibling page", "its text is elsewhere", "no running text")


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
    done = tried(capture)
    host = urlsplit(capture.url).hostname
    found = [dict(c) for c in report["candidates"] if c["score"] >= rules.propose or c["kind"] == "profile"]
    urls = [p.final_url or p.url for p in capture.pages if p.ok]
    if report.get("profile"):
        return [{**c, "strong": True} for c in found]  # the profile's selector alone decides
    numbered = report.get("numbered", {}).get(len(capture.pages) + 1)
    if numbered:
        _add(found, numbered, 45, "numbered", f"page number {len(capture.pages) + 1} in a pager")
    listed = listed_page(report, len(capture.pages), len(capture.pages) + 1)
    if listed:
        _add(found, listed, 40, "listed", "the item after this page in its page list")
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


def proposed_by_words_alone(candidate: dict, evidence: bool) -> bool:
    """Only a link's words proposed ``candidate``: no URL numbering, no pager, no rel=next, no sure score."""
    return candidate["kind"] == "text" and not evidence and candidate["score"] < STRONG


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
                  words_only=proposed_by_words_alone(candidate, evidence),
                  template_min=rules.template, new_text_min=rules.new_text)


def reject(capture: ArticleCapture, candidate: dict, reason: str) -> None:
    """Record a candidate that is not a page of the article."""
    capture.rejected.append({"url": candidate["url"], "reason": reason, "why_proposed": candidate.get("why", "")})


def budget_left(capture: ArticleCapture, rules: Rules) -> bool:
    """Whether another weak candidate may still be fetched for this article."""
    return len(capture.rejected) < rules.extra_requests


def tried(capture: ArticleCapture) -> set[str]:
    """The URLs the article has asked for: its pages (as asked and as answered), its rejected candidates, page 1."""
    return {p.url for p in capture.pages} | {p.final_url for p in capture.pages if p.final_url} | \
        {r["url"] for r in capture.rejected} | {capture.url}


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
    done = tried(capture)
    views = [url for url in first["report"].get("single_views", []) if url not in done]
    return {"url": views[0], "score": 0, "kind": "single", "why": "single-page view"} if views else None


def shortfall(capture: ArticleCapture, rules: Rules) -> str | None:
    """Why an article that ended here is short of the pages it shows, or None when nothing says it goes on
    (a count whose next page proved to be something else is then dropped from the capture)."""
    expected, have = capture.expected_pages or 0, len(capture.pages)
    if capture.stopped or capture.single_view:
        return None
    if have < expected:
        if not _count_refuted(capture):
            return f"short: page 1 announces {expected} pages, {have} verified"
        capture.expected_pages = None  # the count numbers something else: it announces none of the article's pages
    url = unsettled(capture, rules)
    failed = next((r["reason"] for r in capture.rejected if r["url"] == url), "not fetched")
    return f"short: {url} continues it and was not verified ({failed})" if url else None


def _count_refuted(capture: ArticleCapture) -> bool:
    """Whether the page the pages read number next, or a link printed with page 1's count, was fetched and showed
    it is something else (the article again, comments, a listing, another article): then their count numbers
    steps, comments or a series, not this text."""
    read = [p.extract["report"] for p in capture.pages if p.ok and p.extract]
    if not read:
        return False
    named = {r.get("numbered", {}).get(len(capture.pages) + 1) for r in (read[0], read[-1])} | set(_listed(capture))
    named |= set(read[0].get("count_links", ()))  # "Part 1 of 2 [>]": the count's own link forward
    return any(r["url"] in named and r["reason"].startswith(SETTLED) for r in capture.rejected)


def unsettled(capture: ArticleCapture, rules: Rules) -> str | None:
    """A link forward on the pages read that nothing settled: its fetch failed or was never made.

    The links forward are the pager link numbered after the pages read (on page 1 and on the last page) and the
    last page's best proposal. A rejection settles a link when the fetched page showed what else it is; the
    weaker proposals after a settled best one are read the same way.
    """
    read = [p.extract["report"] for p in capture.pages if p.ok and p.extract]
    if not read or read[0].get("profile"):
        return None  # a profile's selector alone says where an article goes on
    settled = {r["url"] for r in capture.rejected if r["reason"].startswith(SETTLED)}
    done = tried(capture) - {r["url"] for r in capture.rejected}
    pages = len(capture.pages)
    # The next number only: a pager whose next number leads elsewhere is not the article's, and a stray "Top 5"
    # link is no page list.
    numbered = [r.get("numbered", {}).get(pages + 1) for r in (read[0], read[-1])] + _listed(capture)
    forward = [c["url"] for c in read[-1]["candidates"] if c["score"] >= rules.propose and c["url"] not in done]
    host = urlsplit(capture.url).hostname
    return next((url for url in numbered + forward[:1]
                 if url and url not in done and url not in settled and urlsplit(url).hostname == host), None)


def missing_url(capture: ArticleCapture, rules: Rules) -> str | None:
    """The URL of the first announced page not read, when the pages read name it."""
    first = capture.pages[0].extract if capture.pages and capture.pages[0].extract else {}
    wanted = len(capture.pages) + 1
    named = (first.get("report") or {}).get("numbered", {}).get(wanted) or next(iter(_listed(capture)), None)
    return named or next((u for u in capture.known_pages if u not in tried(capture)), None) or unsettled(capture, rules)


def stored_shortfall(capture: ArticleCapture, extracted: list[dict], *, links: bool = True) -> str | None:
    """Why stored pages fall short of their article with no crawl to ask, or None: a page not analysed, or (``links``) fewer
    pages than page 1 announces or (``links``) a pager or page list naming a page after the last one stored.

    What a crawl fetched and rejected is not stored: where its verdict is known, pass ``links=False`` and keep
    it, since a link it settled by fetching would count here as a page not stored.
    """
    ok = [p for p in capture.pages if p.ok]
    if len(extracted) != len(ok) or not all(e.get("report") for e in extracted):
        return "short: a stored page was not analysed"
    read = [e["report"] for e in extracted]
    if read[0].get("profile"):
        return None  # a profile's selector alone says where an article goes on
    if not links:
        return None  # the crawl's verdict read the count too, and knows when fetching refuted it
    if len(capture.pages) < (read[0].get("expected") or 0):
        return f"short: page 1 announces {read[0]['expected']} pages, {len(capture.pages)} stored"
    stored = {p.url for p in capture.pages} | {p.final_url for p in capture.pages if p.final_url}
    for page, extract in zip(ok, extracted):
        page.extract = page.extract or extract
    wanted = len(capture.pages) + 1
    named = [r.get("numbered", {}).get(wanted) for r in (read[0], read[-1])] + _listed(capture)
    missing = next((url for url in named if url and url not in stored), None)
    return f"short: {missing} is named as page {wanted} and not stored" if missing else None


def recorded_shortfall(capture: ArticleCapture, extracted: list[dict], rules: Rules) -> str | None:
    """Why stored pages fall short of their article, judged as the crawl judged it: ``capture.rejected`` holds
    the candidates the crawl fetched and rejected (as recorded), which settle the links they answered.

    A stored page that is not usable already makes the article incomplete; so does a crawl that stopped.
    """
    short = stored_shortfall(capture, extracted, links=False)
    if short or not extracted or extracted[0]["report"].get("profile") or not all(p.ok for p in capture.pages):
        return short
    for page, extract in zip(capture.pages, extracted):
        page.extract = page.extract or extract
    capture.expected_pages = extracted[0]["report"].get("expected")
    capture.known_pages = extracted[0].get("page_urls") or []
    return shortfall(capture, rules)


def _listed(capture: ArticleCapture) -> list[str]:
    """The URLs the page lists of the pages read name after the last page read (in the list of page 1 or of
    the last page: each list counted where its current item is that page's number)."""
    numbered = [(n, p.extract["report"]) for n, p in enumerate(capture.pages, 1) if p.ok and p.extract]
    ends = numbered[:1] + numbered[-1:]
    have = len(capture.pages)
    read = [{_bare(p.url), _bare(p.final_url)} for p in capture.pages]
    # A list whose items for the pages read since name other URLs (tags beside the article's own) is no page list.
    return [url for n, report in ends if (url := listed_page(report, n, have + 1))
            and all(_bare(listed_page(report, n, k)) in read[k - 1] | {""} for k in range(n + 1, have + 1))]


def _bare(url: str | None) -> str:
    return (url or "").split("#", 1)[0]


def _add(found: list[dict], url: str, score: int, kind: str, why: str) -> None:
    """Add a candidate, or raise the score of the same URL proposed for another reason."""
    for candidate in found:
        if candidate["url"] == url:
            candidate["score"] += 20
            candidate["why"] += f", {why}"
            return
    found.append({"url": url, "score": score, "kind": kind, "why": why})
