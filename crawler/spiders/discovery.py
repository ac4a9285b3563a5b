"""Where articles come from: listing pages, sitemaps and feeds, each link handed to the spider's article request."""
from __future__ import annotations

import logging
from urllib.parse import urlsplit

import scrapy
from scrapy.http import Response, TextResponse
from scrapy.utils.sitemap import Sitemap

from crawler.pagination import find_next_page

logger = logging.getLogger(__name__)

# Article pages outrank new articles, which outrank listing pages: the scheduler's queue
# stays small because each listing page is worked off before the next one is fetched.
LISTING_PRIORITY, ARTICLE_PRIORITY, PAGE_PRIORITY = 0, 10, 20


class Discovery:
    """The article spider's listing, sitemap and feed callbacks (it provides ``article_request`` and ``profile``)."""

    def parse_listing(self, response: Response):
        """Queue the articles a listing page links to, then the next listing page."""
        if not isinstance(response, TextResponse):
            logger.warning("listing %s is not HTML; skipped", response.url)
            return
        self.listing_pages += 1
        for href in response.css(self.profile.article_links or "article a, h2 a, h3 a").xpath("@href").getall():
            url = response.urljoin(href).split("#", 1)[0]
            if urlsplit(url).scheme in ("http", "https"):
                yield from _some(self.article_request(url))
        limit = self.settings.getint("FOLIO_MAX_LISTING_PAGES")
        next_url = find_next_page(response.selector, response.url, self.profile.listing_next)
        if next_url and self.listing_pages < limit:
            yield scrapy.Request(next_url, callback=self.parse_listing, priority=LISTING_PRIORITY)

    def parse_sitemap(self, response: Response):
        """Articles from a sitemap (or the sitemaps of a sitemap index)."""
        try:
            sitemap = Sitemap(response.body)
        except Exception as exc:  # lxml raises several types on broken XML; the crawl goes on
            logger.error("sitemap %s could not be read: %s", response.url, exc)
            return
        for entry in sitemap:
            loc = entry.get("loc")
            if not loc:
                continue
            if sitemap.type == "sitemapindex":
                yield scrapy.Request(loc, callback=self.parse_sitemap, priority=LISTING_PRIORITY)
            else:
                yield from _some(self.article_request(loc, entry.get("lastmod")))

    def parse_feed(self, response: Response):
        """Articles from an RSS or Atom feed."""
        links = response.xpath(
            "//*[local-name()='item']/*[local-name()='link']/text()"
            " | //*[local-name()='entry']/*[local-name()='link'][not(@rel) or @rel='alternate']/@href"
        ).getall()
        if not links:
            logger.warning("feed %s lists no article links", response.url)
        for link in links:
            url = response.urljoin(link.strip())
            if urlsplit(url).scheme in ("http", "https"):
                yield from _some(self.article_request(url))


def _some(request):
    """Yield the request unless the revisit policy returned None."""
    if request is not None:
        yield request
