"""Baseline for bench/crawl.py: fetch the same listing and article pages as Folio, and do nothing with them."""
import json
from urllib.parse import urlsplit

import scrapy


class BareSpider(scrapy.Spider):
    """Follows listings, article links and next-page links with fixed selectors; keeps nothing."""

    name = "bare"

    def __init__(self, base_url: str, out: str, profile: str = "bulk", **kwargs):
        super().__init__(**kwargs)
        from crawler import sites

        self.site = self.profile = sites.load(profile).with_base_url(base_url)  # SiteGuard reads .profile
        self.article_urls: list[str] = []
        self.allowed_domains = sorted({urlsplit(u).hostname for u in self.site.start_urls})
        self.out = out

    async def start(self):
        for url in self.site.start_urls:
            yield scrapy.Request(url, callback=self.parse_listing)

    def parse_listing(self, response):
        for href in response.css(self.site.article_links).xpath("@href").getall():
            yield response.follow(href, callback=self.parse_article, priority=10)
        for href in response.css(self.site.listing_next).xpath("@href").getall()[:1]:
            yield response.follow(href, callback=self.parse_listing)

    def parse_article(self, response):
        self.crawler.stats.inc_value("bare/pages")
        for href in response.css(self.site.next_page).xpath("@href").getall()[:1]:
            yield response.follow(href, callback=self.parse_article, priority=20)

    def closed(self, reason):
        with open(self.out, "w") as handle:
            json.dump({"pages": self.crawler.stats.get_value("bare/pages", 0), "reason": reason}, handle)
