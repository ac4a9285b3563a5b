"""Store: hand each article to the archive's writer thread (archive/batch_writer.py) and record the crawl run.

In a crawl worker of a distributed crawl (FOLIO_REDIS_URL set) articles go to Redis instead, for
`folio archive-writer` (archive/writer.py), the only process that writes that archive.
"""
from __future__ import annotations

import logging
import os
import sqlite3

from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.threads import deferToThread

from archive.batch_writer import ArchiveWriter
from archive.store import DEFAULT_DB, Archive, capture_record
from crawler.items import ArticleCapture

logger = logging.getLogger(__name__)


class Store:
    """Scrapy pipeline: articles go to the archive named by ARCHIVE_DB through one writer thread, in batches."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.archive: Archive | None = None  # the reactor's own connection: the `crawls` row only
        self.writer: ArchiveWriter | None = None
        self.crawl_id: int | None = None
        self.queue = None  # set in a crawl worker: articles go to Redis for the writer
        self.failed: str | None = None  # why the archive cannot be written, once a write failed

    @classmethod
    def from_crawler(cls, crawler):
        from scrapy import signals

        store = cls(crawler)
        crawler.signals.connect(store.spider_closed, signal=signals.spider_closed)
        return store

    def open_spider(self):
        settings = self.crawler.settings
        if settings.get("FOLIO_REDIS_URL"):
            from archive.writer import ItemQueue

            self.queue = ItemQueue(settings["FOLIO_REDIS_URL"], settings["FOLIO_REDIS_ITEMS"])
            return
        path = settings.get("ARCHIVE_DB") or DEFAULT_DB
        self.archive = Archive(path)
        try:
            self.archive.close_stale_crawls()
            # `folio schedule` makes the row before it starts the process, and names it in FOLIO_CRAWL_ID.
            self.crawl_id = settings.getint("FOLIO_CRAWL_ID")
            if self.crawl_id:
                self.archive.update_crawl(self.crawl_id, pid=os.getpid())
            else:
                self.crawl_id = self.archive.start_crawl(self.crawler.spider.profile.slug, pid=os.getpid())
        except sqlite3.DatabaseError as exc:
            self._stop(exc)
            return
        self.writer = ArchiveWriter(path, batch=settings.getint("FOLIO_STORE_BATCH", 50),
                                    batch_ms=settings.getint("FOLIO_STORE_BATCH_MS", 500),
                                    on_saved=self._count).start()

    async def process_item(self, item: ArticleCapture) -> ArticleCapture:
        """Queue the article; when the queue is full, the item waits (in a pool thread) for room."""
        stats = self.crawler.stats
        if self.queue:
            self.queue.push(item)
            stats.inc_value("folio/articles/queued")
            return item
        if self.failed is None and self.writer.failure is not None:
            self._stop(self.writer.failure)
        if self.failed:  # counted, not logged one by one: the error line already said why
            stats.inc_value("folio/articles/not_stored")
            return item
        record = capture_record(item)
        if record and not record.get("complete"):
            stats.inc_value("folio/articles/incomplete")
        if not self.writer.full():  # only this (reactor) thread adds to the queue: put() returns at once
            self.writer.put(item, record)
            return item
        try:
            await maybe_deferred_to_future(deferToThread(self.writer.put, item, record))
        except Exception:  # what stopped the writer, raised again by put(); _lost reports it once
            return self._lost(item)
        return item

    def _lost(self, item: ArticleCapture) -> ArticleCapture:
        """The writer stopped while this article waited for room in its queue."""
        if self.failed is None:
            self._stop(self.writer.failure)
        self.crawler.stats.inc_value("folio/articles/not_stored")
        return item

    def _count(self, outcomes: list[str]) -> None:
        """In the writer thread, after each commit: only it touches these keys."""
        for outcome in outcomes:
            self.crawler.stats.inc_value(f"folio/articles/{outcome}")

    def _stop(self, exc: BaseException) -> None:
        """Stop the crawl at the first failed write: fetching on would only lose more pages."""
        from scrapy.utils.defer import deferred_from_coro

        self.failed = str(exc)
        logger.error("cannot write the archive %s: %s; the crawl stops, the articles written so far are kept",
                     self.archive.path, exc)
        deferred_from_coro(self.crawler.engine.close_spider_async(reason=f"archive not writable: {exc}"))

    def close_spider(self):
        """Before spider_closed: every queued article is stored (or its failure logged) before anyone counts."""
        if self.writer:
            self.writer.close()

    def spider_closed(self, spider, reason):
        if self.queue:
            return  # a worker's run is one of many: the archive has no row for it
        stats = self.crawler.stats
        if self.writer and self.writer.failure is not None and self.failed is None:
            self.failed = str(self.writer.failure)  # the last batch failed after the last article came
            logger.error("cannot write the archive %s: %s; the articles written before are kept",
                         self.archive.path, self.failed)
            reason = f"archive not writable: {self.failed}"
        counts = {
            "articles_stored": stats.get_value("folio/articles/new", 0) + stats.get_value("folio/articles/changed", 0),
            "articles_unchanged": stats.get_value("folio/articles/unchanged", 0),
            "articles_incomplete": stats.get_value("folio/articles/incomplete", 0),
            "pages_fetched": stats.get_value("folio/pages/fetched", 0),
            "errors": stats.get_value("folio/pages/failed", 0) + stats.get_value("log_count/ERROR", 0),
        }
        if self.failed:
            logger.warning("%d fetched article(s) were not stored: the archive could not be written (%s)",
                           stats.get_value("folio/articles/not_stored", 0), self.failed)
        try:
            if self.crawl_id:
                self.archive.finish_crawl(self.crawl_id, outcome=reason, counts=counts, stats=stats.get_stats())
        except sqlite3.DatabaseError as exc:  # the disk is still full: the next run closes the row as crashed
            logger.warning("the crawl's outcome could not be recorded in the archive: %s", exc)
        self.archive.close()
