"""Pages of other articles of a site, read for the short texts their template prints (its chrome).

A one-page article has no other page to compare its blocks with; a page of another article of the same site
does. Which one is the article's own choice, read from its first page alone, so what it learns never depends
on which article of the crawl arrived first.
"""
from __future__ import annotations

from typing import Iterable
from urllib.parse import urlsplit

from crawler.chain import Rules, reject, tried
from crawler.identity import fetch_url
from crawler.items import ArticleCapture
from crawler.verify import identity_reason, template_share

PARKED = "parked"  # SiteTemplates.plan: the article waits for a page another article (or request) brings
USABLE = 2  # sibling pages an article compares itself with, at most (the second only from the crawl's own)
FREE = 2  # pages of the crawl's own articles an article may compare itself with, beyond its paid requests
# The longest list of articles whose pages 1 serve each other: an article may wait for any of them (which one
# it picks must not depend on where the list puts it), so this bounds the articles parked at once. A longer
# list fetches its siblings as a crawl of one article does.
MOST_SHARED = 500
KEPT = ("identity", "template", "lines", "listing")  # what a sibling's report is read for


class SiteTemplates:
    """Per crawl: the sibling pages read so far, and the articles waiting for one.

    An article asks first for the links of its page 1 that are page 1 of another article of this crawl
    (``crawl``, known before the first page arrives: those pages are fetched whatever happens), then for
    other links, each set shaped most like its URL first. A crawl's own page costs nothing: the article waits
    for it. Another link is fetched once per crawl and counts against the article's extra requests; articles
    that choose one already on its way wait for it, and one already read costs nothing.
    """

    def __init__(self, crawl: Iterable[str] = ()) -> None:
        crawl = frozenset(crawl)  # page-1 URLs (as fetched) of this crawl's articles
        self.crawl = crawl if len(crawl) <= MOST_SHARED else frozenset()
        self.pages: dict[str, dict | None] = {}  # sibling URL -> what its report says (None: no usable page)
        self.waiting: dict[str, list[ArticleCapture]] = {}  # sibling URL -> articles waiting for it

    def plan(self, capture: ArticleCapture, rules: Rules) -> str | None:
        """The sibling URL to fetch for this article, PARKED, or None (its template lines are then attached)."""
        report = _first_report(capture)
        if report is None or report.get("profile"):
            return None
        walked = {r["url"] for r in capture.rejected if r["reason"].startswith("sibling")}
        found: list[list[int]] = []
        for url in self.choices(capture, report, rules):
            if found and (url not in self.crawl or len(found) == USABLE):
                break  # a second page only when it costs nothing
            if url not in self.pages:
                fetch = url not in self.waiting and url not in self.crawl
                self.waiting.setdefault(url, []).append(capture)
                return url if fetch else PARKED
            lines = self._lines(capture, self.pages[url], rules)
            if lines is not None:
                found.append(lines)
            elif url not in walked:
                reject(capture, {"url": url, "why": "another article of the site"}, "sibling page not usable")
        capture.template_lines = sorted(set().union(*found))
        return None

    def choices(self, capture: ArticleCapture, report: dict, rules: Rules) -> list[str]:
        """The siblings the article may look at, in order: the crawl's own pages, then pages to fetch."""
        spent = sum(not r["reason"].startswith("sibling") for r in capture.rejected) + (capture.single_view is not None)
        ordered = choices(capture, report)
        return [u for u in ordered if u in self.crawl][:FREE] + \
            [u for u in ordered if u not in self.crawl][:max(0, rules.extra_requests - spent)]

    def _lines(self, capture: ArticleCapture, report: dict | None, rules: Rules) -> list[int] | None:
        """The sibling's lines when it proves to be another article in the asker's template, else None."""
        read = [p.extract["report"] for p in capture.pages if p.ok and p.extract]
        usable = bool(report and read) and not report.get("listing") and \
            identity_reason(read, report, urls=[p.url for p in capture.pages], url_evidence=False) is not None and \
            template_share(read[0]["template"], report["template"]) >= rules.template
        return report["lines"] if usable else None

    def learn(self, url: str, report: dict | None) -> list[ArticleCapture]:
        """Keep what the sibling page's report says; return the articles that waited for it, to be finished."""
        self.pages[url] = {key: report.get(key) for key in KEPT} if report else None
        return self.waiting.pop(url, [])

    def arrived(self, url: str, report: dict | None) -> list[ArticleCapture]:
        """Page 1 of one of the crawl's articles was read (``report``, None when unusable): learn it when it is
        one of the crawl's pages; the articles that waited for it."""
        return self.learn(url, report) if url in self.crawl and url not in self.pages else []

    def stranded(self) -> list[str]:
        """The crawl's pages articles still wait for when nothing is left to do (their request was dropped)."""
        return [url for url in self.waiting if url in self.crawl]


def choices(capture: ArticleCapture, report: dict) -> list[str]:
    """The article's siblings in the order it asks for them: links shaped most like its URL, then page order."""
    done = tried(capture) | set(capture.known_pages)
    others = list(dict.fromkeys(fetch_url(u) for u in report.get("others", [])))
    others = [u for u in others if u not in done]
    return sorted(others, key=lambda u: -_same_shape(u, capture.url))  # stable: page order breaks ties


def _first_report(capture: ArticleCapture) -> dict | None:
    first = capture.pages[0] if capture.pages else None
    return first.extract["report"] if first is not None and first.ok and first.extract else None


def _same_shape(url: str, other: str) -> int:
    """How alike two URLs' paths are: a site's article URLs share their depth and leading folders."""
    a, b = urlsplit(url).path.strip("/").split("/"), urlsplit(other).path.strip("/").split("/")
    common = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    return 10 * (len(a) == len(b)) + common
