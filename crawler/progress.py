"""A live progress line on stderr while a crawl runs: articles, pages, errors, rate."""
from __future__ import annotations

import sys
import time

from scrapy import signals
from scrapy.exceptions import NotConfigured
from twisted.internet import task


class Progress:
    """Scrapy extension, on when FOLIO_PROGRESS is set (the `folio` command sets it)."""

    def __init__(self, crawler, interval: float = 0.5):
        self.crawler = crawler
        self.interval = interval
        self.started = time.monotonic()
        self.loop: task.LoopingCall | None = None
        self.tty = sys.stderr.isatty()
        self.last = ""

    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.getbool("FOLIO_PROGRESS"):
            raise NotConfigured  # a message would be logged as a warning on every plain `scrapy crawl`
        ext = cls(crawler)
        crawler.signals.connect(ext.opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.closed, signal=signals.spider_closed)
        return ext

    def opened(self, spider):
        self.started = time.monotonic()
        self.loop = task.LoopingCall(self.show)
        self.loop.start(self.interval if self.tty else 5.0, now=False)

    def line(self) -> str:
        """The progress summary, e.g. ``articles 12 (1 incomplete) · pages 31 · 0 failed · 40 pages/s``."""
        get = self.crawler.stats.get_value
        articles = sum(get(f"folio/articles/{k}", 0) for k in ("new", "changed", "unchanged"))
        pages = get("folio/pages/fetched", 0)
        elapsed = max(time.monotonic() - self.started, 1e-6)
        return (
            f"{self.crawler.spider.profile.slug}: articles {articles} ({get('folio/articles/new', 0)} new, {get('folio/articles/incomplete', 0)} incomplete)"
            f" · pages {pages} ({get('folio/pages/not_modified', 0)} not modified) · {get('folio/pages/failed', 0)} failed"
            f" · {pages / elapsed:.0f} pages/s"
        )

    def show(self):
        text = self.line()
        if text == self.last:
            return
        self.last = text
        sys.stderr.write(f"\r\x1b[K{text}" if self.tty else f"{text}\n")
        sys.stderr.flush()

    def closed(self, spider, reason):
        if self.loop and self.loop.running:
            self.loop.stop()
        sys.stderr.write(("\r\x1b[K" if self.tty else "") + self.line() + "\n")
        sys.stderr.flush()
