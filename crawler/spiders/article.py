"""The one generic article spider: listings -> articles -> every page of each article."""
from __future__ import annotations

import logging
import re
from urllib.parse import urlsplit

import scrapy
from scrapy import signals
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from archive.index import ArchiveIndex
from archive.store import DEFAULT_DB
from crawler import sites
from crawler.identity import fetch_url
from crawler.items import ArticleCapture, Page
from crawler import chain
from crawler.siblings import PARKED, SiteTemplates
from crawler.pagination import page_number
from crawler.spiders.discovery import ARTICLE_PRIORITY, LISTING_PRIORITY, PAGE_PRIORITY, Discovery
from crawler.spiders.pages import asked, now, page_of
from crawler.spiders.revisit import not_due
from crawler.spiders.sibling_pages import SiblingPages
from pipelines.extract import extract_page
from pipelines.workers import Workers

logger = logging.getLogger(__name__)

def split_urls(text: str) -> list[str]:
    """URLs given one per line, or comma-separated where the next one starts with a scheme."""
    # A comma is a legal URL character (`story,12345.html`), so it separates only before "http(s)://".
    return [u.strip() for line in text.splitlines() for u in re.split(r",(?=\s*https?://)", line) if u.strip()]


def _referer(capture: ArticleCapture) -> dict:
    """The article's last page read as Referer: a request made after another page's answer (a rejected
    candidate, a sibling page that released the articles waiting for it) still comes from this article."""
    last = next((p for p in reversed(capture.pages) if p.ok), None)
    return {"Referer": last.final_url or last.url} if last else {}


class ArticleSpider(Discovery, SiblingPages, scrapy.Spider):
    """Crawl one site profile (``-a site=SLUG``) or given article URLs (``-a url=U1,U2``)."""

    name = "article"

    def __init__(self, site: str | None = None, url: str | None = None, base_url: str | None = None, **kwargs):
        super().__init__(**kwargs)
        self.article_urls = split_urls(url or "")
        if site and self.article_urls:
            raise sites.ProfileError("give either a site or article URLs, not both")
        if self.article_urls:
            bad = [u for u in self.article_urls if urlsplit(u).scheme not in ("http", "https") or not urlsplit(u).hostname]
            if bad:
                raise sites.ProfileError(f"not an absolute http(s) URL: {bad[0]}")
            self.profile = sites.SiteProfile.generic(self.article_urls)
        elif site:
            self.profile = sites.load(site)
            if base_url:
                self.profile = self.profile.with_base_url(base_url)
            self.profile.check_runnable()
        else:
            raise sites.ProfileError("give a site (-a site=SLUG) or article URLs (-a url=URL)")
        self.allowed_domains = list(self.profile.allowed_domains) or sorted(
            {urlsplit(u).hostname for u in self.profile.start_urls + self.profile.sitemap_urls}
        )
        self.listing_pages = 0
        self.index: ArchiveIndex | None = None
        self.revisit_all = False
        self.resume_since: str | None = None  # --resume: articles visited since then are already done
        self.queued: set[str] = set()  # article URLs decided on in this crawl (the dupefilter keeps as many)
        self.rules = chain.Rules()
        # Articles given by URL only: one sibling page per host shows the site's chrome to one-page articles
        # (a profile names its site's parts; its waiting articles would not survive a shared Redis frontier).
        self.templates = SiteTemplates() if self.article_urls else None

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.index = ArchiveIndex(crawler.settings.get("ARCHIVE_DB") or DEFAULT_DB)
        spider.revisit_all = crawler.settings.getbool("FOLIO_REVISIT_ALL")
        spider.resume_since = crawler.settings.get("FOLIO_RESUME_SINCE") or None
        spider.rules = chain.Rules.from_settings(crawler.settings)
        crawler.signals.connect(spider.idle, signal=signals.spider_idle)
        crawler.signals.connect(spider.dropped, signal=signals.request_dropped)
        return spider

    def closed(self, reason):
        if self.index:
            self.index.close()

    async def start(self):
        requests = [self.article_request(url) for url in self.article_urls]  # URLs given by hand are always fetched
        if self.templates:  # decided before any page arrives: their pages 1 serve as siblings, whatever comes first
            self.templates = SiteTemplates(crawl=[r.cb_kwargs["capture"].url for r in requests if r])
        for request in requests:
            yield request
        for url in self.profile.sitemap_urls:
            yield scrapy.Request(url, callback=self.parse_sitemap, priority=LISTING_PRIORITY)
        for url in self.profile.feeds:
            yield scrapy.Request(url, callback=self.parse_feed, priority=LISTING_PRIORITY)
        for url in self.profile.start_urls:
            yield scrapy.Request(url, callback=self.parse_listing, priority=LISTING_PRIORITY)

    def article_request(self, url: str, lastmod: str | None = None) -> scrapy.Request | None:
        """The request for an article's first page, or None when already queued or not due yet."""
        url = fetch_url(url)  # utm_* and fragments name no other article
        if url in self.queued:
            return None  # listed twice (listing and feed, say): the first decision stands
        self.queued.add(url)
        if self.resume_since and self.index and (self.index.last_visit(url) or "") >= self.resume_since:
            self.crawler.stats.inc_value("folio/articles/done_before_resume")
            return None
        reason = None if self.revisit_all or self.index is None else not_due(self.profile, self.index, url, lastmod)
        if reason:
            self.crawler.stats.inc_value("folio/articles/not_due")
            logger.debug("%s: not revisited (%s)", url, reason)
            return None
        capture = ArticleCapture(site=self.profile.slug, url=url)
        return scrapy.Request(
            url, callback=self.parse_article, errback=self.page_failed, priority=ARTICLE_PRIORITY,
            cb_kwargs={"capture": capture},
        )

    async def parse_article(self, response: Response, capture: ArticleCapture, candidate: dict | None = None):
        """Analyse this page in a worker; keep it when it proves to be the article's next page, then go on."""
        page = page_of(response, len(capture.pages) + 1, self.crawler.stats)
        self.crawler.stats.inc_value("folio/pages/fetched")
        if "cached" in response.flags:  # revalidated: the server answered 304 Not Modified
            self.crawler.stats.inc_value("folio/pages/not_modified")
        if not page.ok:
            for result in self._failed(capture, page, candidate):
                yield result
            return
        reason = await self._analyse(page, capture, candidate)
        if reason:
            for result in self._rejected(capture, candidate, reason):
                yield result
            return
        if candidate and candidate["kind"] == "single":
            capture.single_view = page  # the whole text on one page; the paged URLs stay the article's pages
            for result in self._advance(capture):
                yield result
            return
        capture.pages.append(page)
        if page.extract is None:
            for result in self._first_read(capture, None) if len(capture.pages) == 1 else ():
                yield result
            yield capture
            return
        if len(capture.pages) == 1:
            capture.known_pages = page.extract.get("page_urls") or []
            report = page.extract["report"]
            capture.expected_pages = None if report.get("profile") else report.get("expected")
            for result in self._first_read(capture, report):
                yield result
        capture.pending = chain.proposals(capture, page.extract["report"], self.rules)
        for result in self._advance(capture):
            yield result

    async def _analyse(self, page: Page, capture: ArticleCapture, candidate: dict | None) -> str | None:
        """Extract the page in a worker; why a candidate is not the article's next page, or None."""
        url = page.final_url  # the response's own URL, after any redirect
        try:
            page.extract = await Workers.of(self.crawler).run(extract_page, page.body, url, self.profile, page.headers)
            return chain.check(capture, page.extract["report"], candidate, self.rules) if candidate else None
        except Exception:  # a bug in page analysis must not lose the pages already fetched
            logger.exception("%s: page analysis failed; the article is kept as fetched so far", url)
            self.crawler.stats.inc_value("folio/pagination/failed")
            capture.stopped = "pagination failed: see the log"
            page.extract = None
            return None

    def dropped(self, request: scrapy.Request, spider: scrapy.Spider) -> None:
        """An article request the scheduler refused as a request already made: said when the URL was given by hand."""
        if "capture" in request.cb_kwargs:  # an article's own later pages are never filtered: this is a page 1
            self.crawler.stats.inc_value("folio/articles/duplicate_request")
            # A listing's article queued by another worker or an earlier run of the job is expected; a URL given is not.
            log = logger.warning if self.article_urls else logger.debug
            log("%s: not crawled on its own: the same request was already made (the URL given twice, its query "
                "in another order, or a resumed job)", request.url)

    def page_failed(self, failure: Failure):
        """A page that could not be fetched is recorded; the rest of the article is kept."""
        request = failure.request
        capture: ArticleCapture = request.cb_kwargs["capture"]
        status = failure.value.response.status if failure.check(HttpError) else None
        message = failure.getErrorMessage()
        reason = f"HTTP {status}" if status else f"{failure.type.__name__}: {message}".rstrip(": ")
        if failure.check(IgnoreRequest) and not status:  # robots.txt, off-site, loops: not fetched on purpose
            reason = f"not fetched: {message}"
            self.crawler.stats.inc_value("folio/pages/ignored")
        # A page is recorded under the URL asked for, not a redirect hop's (a hop's number is not the page's).
        page = Page(url=asked(request), number=len(capture.pages) + 1, status=status, fetched_at=now(), error=reason)
        yield from self._failed(capture, page, request.cb_kwargs.get("candidate"))

    def _failed(self, capture: ArticleCapture, page: Page, candidate: dict | None):
        """A page that is surely the article's is missing; a mere candidate that fails is rejected."""
        if candidate and not candidate.get("strong"):
            yield from self._rejected(capture, candidate, page.error or "not usable")
            return
        capture.pages.append(page)
        if candidate is None and len(capture.pages) == 1:
            yield from self._first_read(capture, None)
        self.crawler.stats.inc_value("folio/pages/failed")
        logger.warning("%s: page %d of %s not usable (%s)", capture.site, len(capture.pages), capture.url, page.error)
        yield from self._after_failure(capture)

    def _rejected(self, capture: ArticleCapture, candidate: dict, reason: str):
        """Record why a candidate is not the next page, then try the next candidate within the budget."""
        chain.reject(capture, candidate, reason)
        self.crawler.stats.inc_value("folio/pagination/rejected")
        logger.info("%s: %s is not its next page: %s", capture.url, candidate["url"], reason)
        yield from self._advance(capture)

    def _after_failure(self, capture: ArticleCapture):
        """Skip to the next page the article is known to have, or finish it incomplete."""
        tried = {p.url for p in capture.pages}
        failed_number = page_number(capture.pages[-1].url)
        remaining = [u for u in capture.known_pages if u not in tried and page_number(u) > failed_number]
        if remaining:
            capture.pending = [{"url": remaining[0], "score": 100, "kind": "known", "why": "page list", "strong": True}]
        else:
            capture.pending = []
        yield from self._advance(capture)

    def _advance(self, capture: ArticleCapture):
        """Fetch the best candidate not tried yet, or hand the finished article on."""
        seen = {p.url for p in capture.pages} | {p.final_url for p in capture.pages if p.final_url}
        limit = min(self.profile.max_pages, self.settings.getint("FOLIO_MAX_PAGES"))
        while capture.pending:
            candidate = capture.pending.pop(0)
            if not candidate.get("strong") and (candidate["url"] in seen or not chain.budget_left(capture, self.rules)):
                continue  # already read, or no extra request left for a candidate this unsure
            if candidate["url"] in seen:
                capture.stopped = f"loop: next page {candidate['url']} was already fetched"
            elif urlsplit(candidate["url"]).hostname != urlsplit(capture.url).hostname:
                capture.stopped = "off-site: the next page is on another host, not followed"
            elif len(capture.pages) >= limit:
                capture.stopped = f"page limit: stopped after {limit} pages (FOLIO_MAX_PAGES)"
            else:
                self.crawler.stats.inc_value("folio/pagination/requests")
                yield self._page_request(capture, candidate)  # loops are caught above, not by the filter
                return
            break
        else:
            if (yield from self._after_chain(capture)):
                return
            capture.stopped = chain.shortfall(capture, self.rules)
            candidate = {"url": chain.missing_url(capture, self.rules)} if capture.stopped else None
            if candidate and not candidate["url"]:
                capture.stopped += "; no link to the next one"
        yield from self._finish(capture, candidate)

    def _after_chain(self, capture: ArticleCapture):
        """With no candidate left: request a single-page view or a sibling page and return True, else False."""
        view = chain.single_view(capture, self.rules)
        if view:  # not filtered: the same URL asked for as an article, or as another's view, is not this article's answer
            yield self._page_request(capture, view)
            return True
        sibling = self.templates.plan(capture, self.rules) if self.templates else None
        if sibling and sibling != PARKED:
            self.crawler.stats.inc_value("folio/pagination/sibling_requests")
            yield self.sibling_request(sibling, capture, headers=_referer(capture))
        return bool(sibling)  # parked: the article is finished when the sibling page another one asked for arrives

    def _page_request(self, capture: ArticleCapture, candidate: dict) -> scrapy.Request:
        """The request for a candidate page of the article, never filtered (the chain itself knows what it read)."""
        return scrapy.Request(candidate["url"], callback=self.parse_article, errback=self.page_failed,
                              priority=PAGE_PRIORITY, cb_kwargs={"capture": capture, "candidate": candidate},
                              dont_filter=True, headers=_referer(capture))

    def _finish(self, capture: ArticleCapture, candidate: dict | None):
        """Record a next page known and not fetched, count why the chain stopped, and hand the article on."""
        if capture.stopped and candidate and candidate["url"] and not capture.stopped.startswith("loop"):
            # A page that exists but is not fetched is recorded, so the article shows as incomplete.
            capture.pages.append(Page(url=candidate["url"], number=len(capture.pages) + 1,
                                      error=f"not fetched: {capture.stopped}"))
        if capture.stopped:
            self.crawler.stats.inc_value(f"folio/pagination/{capture.stopped.split(':')[0].replace(' ', '_')}")
            logger.warning("%s: %s", capture.url, capture.stopped)
        yield capture
