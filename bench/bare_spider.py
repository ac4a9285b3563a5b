"""Baselines for bench/crawl.py: fetch the same listing and article pages as Folio, and do nothing with them,
or (``-a extract=N``) also run trafilatura.extract on each article page in a pool of N processes."""
import asyncio
import json
from concurrent.futures import ProcessPoolExecutor
from urllib.parse import urlsplit

import scrapy


def extract_text(body: bytes, url: str) -> int:
    """trafilatura's text of one page (its length: the text itself is not what is measured)."""
    import trafilatura

    return len(trafilatura.extract(body, url=url) or "")


def _load() -> None:
    import trafilatura  # noqa: F401  (each pool process imports it before the first page, as Folio's workers do)


class BareSpider(scrapy.Spider):
    """Follows listings, article links and next-page links with fixed selectors; keeps nothing."""

    name = "bare"

    def __init__(self, base_url: str, out: str, profile: str = "bulk", extract: str = "0", **kwargs):
        super().__init__(**kwargs)
        from crawler import sites

        self.site = self.profile = sites.load(profile).with_base_url(base_url)  # SiteGuard reads .profile
        self.article_urls: list[str] = []  # SiteGuard reads them too
        self.allowed_domains = sorted({urlsplit(u).hostname for u in self.site.start_urls})
        self.out = out
        workers = int(extract)
        self.pool = ProcessPoolExecutor(workers, initializer=_load) if workers > 0 else None

    async def start(self):
        for url in self.site.start_urls:
            yield scrapy.Request(url, callback=self.parse_listing)

    def parse_listing(self, response):
        for href in response.css(self.site.article_links).xpath("@href").getall():
            yield response.follow(href, callback=self.parse_article, priority=10)
        for href in response.css(self.site.listing_next).xpath("@href").getall()[:1]:
            yield response.follow(href, callback=self.parse_listing)

    async def parse_article(self, response):
        self.crawler.stats.inc_value("bare/pages")
        if self.pool is not None:
            chars = await asyncio.wrap_future(self.pool.submit(extract_text, response.body, response.url))
            self.crawler.stats.inc_value("bare/extracted" if chars else "bare/empty")
        for href in response.css(self.site.next_page).xpath("@href").getall()[:1]:
            yield response.follow(href, callback=self.parse_article, priority=20)

    def closed(self, reason):
        if self.pool is not None:
            self.pool.shutdown(wait=True)  # its processes' CPU reaches this one's children's only once reaped
        stats = self.crawler.stats
        with open(self.out, "w") as handle:
            json.dump({"pages": stats.get_value("bare/pages", 0), "extracted": stats.get_value("bare/extracted", 0),
                       "reason": reason}, handle)
