"""Sibling pages: another article's page 1, read for the chrome its template prints, for the articles waiting on it."""
from __future__ import annotations

import scrapy
from scrapy.exceptions import DontCloseSpider
from scrapy.http import Response
from twisted.python.failure import Failure

from crawler.items import ArticleCapture
from crawler.spiders.discovery import PAGE_PRIORITY
from crawler.spiders.pages import asked, page_of
from pipelines.extract import extract_page
from pipelines.workers import Workers


class SiblingPages:
    """The article spider's sibling-page requests and callbacks (it provides ``templates`` and ``_advance``)."""

    def sibling_request(self, url: str, capture: ArticleCapture, headers: dict | None = None) -> scrapy.Request:
        """The request for a sibling page on ``capture``'s behalf."""
        # Never filtered and never redirected: each sibling page costs one request, whoever else waits for it.
        return scrapy.Request(url, callback=self.parse_sibling, errback=self.sibling_failed, priority=PAGE_PRIORITY,
                              cb_kwargs={"capture": capture}, dont_filter=True, headers=headers,
                              meta={"dont_redirect": True})

    async def parse_sibling(self, response: Response, capture: ArticleCapture):
        """Another article of the site, read for the chrome its template prints; then finish who waited for it."""
        page = page_of(response, len(capture.pages) + 1, self.crawler.stats)
        report = None
        if page.ok:
            extract = await Workers.of(self.crawler).run(extract_page, page.body, response.url, self.profile, page.headers)
            report = extract["report"]
        for waiting in self.templates.learn(asked(response.request), report):
            for result in self._advance(waiting):
                yield result

    def sibling_failed(self, failure: Failure):
        """No sibling page: the articles that waited for it are finished without it."""
        for waiting in self.templates.learn(asked(failure.request), None):
            yield from self._advance(waiting)

    def _first_read(self, capture: ArticleCapture, report: dict | None):
        """An article's page 1 was read (``report``; None: not usable): go on with the articles that waited for it."""
        for waiting in self.templates.arrived(capture.url, report) if self.templates else ():
            yield from self._advance(waiting)

    def idle(self) -> None:
        """Pages of the crawl that articles wait for and that will not come (their request was dropped as a
        duplicate): fetched as sibling pages, so no article waits forever."""
        stranded = self.templates.stranded() if self.templates else []
        for url in stranded:
            self.crawler.engine.crawl(self.sibling_request(url, self.templates.waiting[url][0]))
        if stranded:
            raise DontCloseSpider
