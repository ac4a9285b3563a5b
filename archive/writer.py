"""The one archive writer of a distributed crawl: finished articles come through a Redis list.

Crawl workers push each finished ArticleCapture (pickled, pages and all) to the list; the writer
moves a batch into its own processing list (LMOVE, atomic), saves the batch with the Store's own
code in one transaction (Archive.save_many, as the crawl's writer thread does), then empties the processing list. Killed between the two, it finds the
batch there on start and puts it back, so an article is never lost; it may be saved twice, which
the store makes harmless (upserts by article id and page URL; a version only for a new content hash).
"""
from __future__ import annotations

import logging
import os
import pickle
import signal
import socket
import time
from pathlib import Path

import redis

from archive import crawl_runs
from archive.store import Archive, capture_record, save_capture
from crawler.items import ArticleCapture

logger = logging.getLogger(__name__)

LOCK_TTL = 15  # seconds: a writer that stops refreshing its lock for this long is taken for dead


class WriterError(Exception):
    """The writer cannot start or go on; the message says why in one line."""


class ItemQueue:
    """The Redis list of finished articles and the writer's processing list beside it."""

    def __init__(self, url: str, key: str = "folio:items"):
        self.server = redis.Redis.from_url(url, socket_timeout=60)
        self.key = key
        self.processing = f"{key}:processing"
        self.failed = f"{key}:failed"

    def push(self, item: ArticleCapture) -> None:
        """Hand a finished article to the writer."""
        self.server.lpush(self.key, pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL))

    def recover(self) -> int:
        """Put back a batch a killed writer had taken but not committed; how many articles."""
        moved = 0
        while self.server.lmove(self.processing, self.key, "RIGHT", "RIGHT") is not None:
            moved += 1
        return moved

    def take(self, size: int, wait: float) -> list[bytes]:
        """Move up to ``size`` articles into the processing list, waiting ``wait`` s for the first."""
        first = self.server.blmove(self.key, self.processing, wait, "RIGHT", "LEFT")
        if first is None:
            return []
        batch = [first]
        while len(batch) < size:
            more = self.server.lmove(self.key, self.processing, "RIGHT", "LEFT")
            if more is None:
                break
            batch.append(more)
        return batch

    def done(self) -> None:
        """The taken batch is committed: forget it."""
        self.server.delete(self.processing)

    def park_failed(self, data: bytes) -> None:
        """Keep an article the archive refused, for a person to look at; it is not retried."""
        self.server.lpush(self.failed, data)
        self.server.lrem(self.processing, 1, data)

    def pending(self) -> int:
        return self.server.llen(self.key) + self.server.llen(self.processing)


class Writer:
    """Drain the item list into the archive in batched transactions; only one runs per list."""

    def __init__(self, queue: ItemQueue, archive: Archive, *, batch: int = 50):
        self.queue = queue
        self.archive = archive
        self.batch = batch
        self.lock = f"{queue.key}:writer"
        self.holder = f"{socket.gethostname()}:{os.getpid()}"
        self.counts: dict[str, int] = {}
        self.stopping = False

    def claim(self) -> None:
        """Become the list's only writer, or raise WriterError naming the one that is."""
        if self.queue.server.set(self.lock, self.holder, nx=True, ex=LOCK_TTL):
            return
        other = (self.queue.server.get(self.lock) or b"").decode()
        host, _, pid = other.partition(":")
        if host == socket.gethostname() and pid.isdigit() and not _alive(int(pid)):
            self.queue.server.set(self.lock, self.holder, ex=LOCK_TTL)  # it was killed on this machine
            return
        raise WriterError(f"another archive writer ({other}) drains {self.queue.key}; one writer per archive")

    def run(self, *, until_done: bool = False, idle_seconds: float = 1.0) -> dict[str, int]:
        """Write articles until stopped (SIGTERM/SIGINT) or, with ``until_done``, until the crawl is over."""
        self.claim()
        back = self.queue.recover()
        if back:
            logger.warning("%d article(s) a stopped writer had taken were put back in the queue", back)
        signal.signal(signal.SIGTERM, self._stop)
        started = back > 0
        try:
            while not self.stopping:
                self.queue.server.set(self.lock, self.holder, ex=LOCK_TTL)
                taken = self.queue.take(self.batch, idle_seconds)
                if taken:
                    self.write(taken)
                    started = True
                else:
                    over = until_done and crawl_over(self.queue)  # before recording: no run ends unrecorded
                    if not self.queue.pending():
                        crawl_runs.record_finished(self.queue.server, self.archive)
                    if until_done:
                        if over and started:
                            break
                        started = started or not over  # before any worker has joined, keep waiting
        finally:
            self.queue.server.delete(self.lock)
        return self.counts

    def write(self, taken: list[bytes]) -> None:
        """Save one batch in one transaction; an article that fails alone is parked, not lost."""
        items = [pickle.loads(data) for data in taken]
        try:
            outcomes = self.archive.save_many([(item, capture_record(item)) for item in items])
        except Exception:  # noqa: BLE001 - the whole batch refused: retry one by one
            logger.exception("a batch of %d failed; writing its articles one at a time", len(items))
            outcomes = []
            for data, item in zip(taken, items):
                try:
                    outcomes.append(save_capture(self.archive, item))
                except Exception:  # noqa: BLE001 - recorded in the failed list with the log line above
                    logger.exception("%s: not written; kept in %s", item.url, self.queue.failed)
                    outcomes.append("error")
        saved: dict[str, dict[str, int]] = {}
        for data, item, outcome in zip(taken, items, outcomes):
            if outcome == "error":  # save_many logged why and recorded an 'error' visit
                logger.error("%s: kept in %s", item.url, self.queue.failed)
                self.queue.park_failed(data)
                continue
            self.counts[outcome] = self.counts.get(outcome, 0) + 1
            _count(saved.setdefault(item.site, {}), item, outcome)
        self.queue.done()
        crawl_runs.note_saved(self.queue.server, saved)

    def _stop(self, signum, frame) -> None:
        self.stopping = True


def _count(columns: dict[str, int], item: ArticleCapture, outcome: str) -> None:
    """Count one saved article in the `crawls` columns a single-process crawl fills."""
    column = {"new": "articles_stored", "changed": "articles_stored", "unchanged": "articles_unchanged"}.get(outcome)
    if column:
        columns[column] = columns.get(column, 0) + 1
    record = capture_record(item)
    if record and not record.get("complete"):
        columns["articles_incomplete"] = columns.get("articles_incomplete", 0) + 1


def crawl_over(queue: ItemQueue) -> bool:
    """No article waits and no crawl worker of any site is alive any more."""
    if queue.pending():
        return False
    return next(queue.server.scan_iter(match="folio:alive:*", count=100), None) is None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def run_writer(redis_url: str, db_path: Path, *, key: str = "folio:items", batch: int = 50,
               until_done: bool = False) -> dict[str, int]:
    """Open the archive and drain ``key`` into it; the outcome counts."""
    archive = Archive(db_path)
    try:
        writer = Writer(ItemQueue(redis_url, key), archive, batch=batch)
        started = time.monotonic()
        counts = writer.run(until_done=until_done)
        logger.info("wrote %d article(s) in %.1f s: %s", sum(counts.values()), time.monotonic() - started, counts)
        return counts
    finally:
        archive.close()
