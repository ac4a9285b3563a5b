"""Store: hand each article to the archive's writer thread (archive/writer.py) and record the crawl run."""
from __future__ import annotations

import logging
import os

from scrapy.exceptions import DropItem
from twisted.internet.threads import deferToThread

from archive.store import DEFAULT_DB, Archive
from archive.writer import ArchiveWriter
from crawler.items import ArticleCapture

logger = logging.getLogger(__name__)


class Store:
    """Scrapy pipeline: articles go to the archive named by ARCHIVE_DB through one writer thread, in batches."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.archive: Archive | None = None  # the reactor's own connection: the `crawls` row only
        self.writer: ArchiveWriter | None = None
        self.crawl_id: int | None = None

    @classmethod
    def from_crawler(cls, crawler):
        from scrapy import signals

        store = cls(crawler)
        crawler.signals.connect(store.spider_closed, signal=signals.spider_closed)
        return store

    def open_spider(self):
        path = self.crawler.settings.get("ARCHIVE_DB") or DEFAULT_DB
        self.archive = Archive(path)
        self.archive.close_stale_crawls()
        # `folio schedule` makes the row before it starts the process, and names it in FOLIO_CRAWL_ID.
        self.crawl_id = self.crawler.settings.getint("FOLIO_CRAWL_ID")
        if self.crawl_id:
            self.archive.update_crawl(self.crawl_id, pid=os.getpid())
        else:
            self.crawl_id = self.archive.start_crawl(self.crawler.spider.profile.slug, pid=os.getpid())
        settings = self.crawler.settings
        self.writer = ArchiveWriter(path, batch=settings.getint("FOLIO_STORE_BATCH", 50),
                                    batch_ms=settings.getint("FOLIO_STORE_BATCH_MS", 500),
                                    on_saved=self._count).start()

    def process_item(self, item: ArticleCapture):
        """Queue the article; when the queue is full, the item waits (in a pool thread) for room."""
        record = item.article if item.article.get("title") or item.article.get("body_text") else None
        if item.extracted and record is None:
            logger.warning("%s: no title and no text found; pages kept, no article stored", item.url)
        if self.writer.failure is not None:
            raise DropItem(f"{item.url}: not stored, the archive writer stopped ({self.writer.failure})")
        if record and not record.get("complete"):
            self.crawler.stats.inc_value("folio/articles/incomplete")
        payload = (item, record if item.extracted else None)
        if not self.writer.full():  # only this (reactor) thread adds to the queue: put() returns at once
            self.writer.put(*payload)
            return item
        return deferToThread(self.writer.put, *payload).addCallback(lambda _: item)

    def _count(self, outcomes: list[str]) -> None:
        """In the writer thread, after each commit: only it touches these keys."""
        for outcome in outcomes:
            self.crawler.stats.inc_value(f"folio/articles/{outcome}")

    def close_spider(self):
        """Before spider_closed: every queued article is stored (or its failure logged) before anyone counts."""
        self.writer.close()

    def spider_closed(self, spider, reason):
        if self.writer.failure is not None:
            reason = "archive_error"
        stats = self.crawler.stats
        counts = {
            "articles_stored": stats.get_value("folio/articles/new", 0) + stats.get_value("folio/articles/changed", 0),
            "articles_unchanged": stats.get_value("folio/articles/unchanged", 0),
            "articles_incomplete": stats.get_value("folio/articles/incomplete", 0),
            "pages_fetched": stats.get_value("folio/pages/fetched", 0),
            "errors": stats.get_value("folio/pages/failed", 0) + stats.get_value("log_count/ERROR", 0),
        }
        self.archive.finish_crawl(self.crawl_id, outcome=reason, counts=counts, stats=stats.get_stats())
        self.archive.close()
