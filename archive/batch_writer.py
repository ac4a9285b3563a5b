"""The archive's one writer: a thread that owns the write connection and stores articles in batches.

The crawl hands it (capture, record) pairs through a bounded queue, so storing never runs on the
reactor thread and a slow disk slows the crawl down (back-pressure) instead of filling memory. A batch
is one transaction of up to ``batch`` articles or whatever arrived within ``batch_ms``; each article in
it is whole or not at all (Archive.save_many). A kill loses at most the uncommitted batch: those
articles have no visit recorded, so `folio crawl --resume` fetches them again.
"""
from __future__ import annotations

import logging
import queue
import threading
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from archive.store import Archive
from crawler.items import ArticleCapture

logger = logging.getLogger(__name__)

Item = tuple[ArticleCapture, "dict | None"]
_STOP = object()


class ArchiveWriter:
    """A writer thread fed by a bounded queue; ``on_saved(outcomes)`` runs in that thread after each commit."""

    def __init__(self, path: Path | str, *, batch: int = 50, batch_ms: int = 500, queue_size: int = 0,
                 on_saved: Callable[[list[str]], None] | None = None):
        self.path = Path(path)
        self.batch, self.batch_ms = max(1, batch), max(0, batch_ms)
        self.queue: queue.Queue = queue.Queue(maxsize=queue_size or 2 * self.batch)
        self.on_saved = on_saved
        self.outcomes: Counter = Counter()
        self.failure: BaseException | None = None  # what stopped the thread, if anything did
        self._thread = threading.Thread(target=self._run, name="folio-archive-writer", daemon=True)

    def start(self) -> ArchiveWriter:
        self._thread.start()
        return self

    def full(self) -> bool:
        return self.queue.full()

    def put(self, capture: ArticleCapture, record: dict | None) -> None:
        """Queue one article; blocks while the queue is full, raises what stopped the writer if it stopped."""
        while True:
            if self.failure is not None:
                raise self.failure
            try:
                self.queue.put((capture, record), timeout=0.5)
                return
            except queue.Full:
                continue

    def close(self) -> Counter:
        """Store what is queued, stop the thread; outcome counts of every article it stored."""
        if self._thread.is_alive():
            self.queue.put(_STOP)
            self._thread.join()
        return self.outcomes

    def _run(self) -> None:
        try:
            archive = Archive(self.path)  # its own connection: sqlite3 connections stay in their thread
        except BaseException as exc:  # noqa: BLE001 - handed to the crawl, which reports it
            self.failure = exc
            self._drain()
            return
        try:
            stopping = False
            while not stopping:
                items, stopping = self._next_batch()
                if items:
                    outcomes = archive.save_many(items)
                    self.outcomes.update(outcomes)
                    if self.on_saved:
                        self.on_saved(outcomes)
        except BaseException as exc:  # noqa: BLE001 - a whole batch refused (disk full, lock timeout)
            logger.error("the archive writer stopped: %s: %s", type(exc).__name__, exc)
            self.failure = exc
            self._drain()
        finally:
            archive.close()

    def _next_batch(self) -> tuple[list[Item], bool]:
        """Up to ``batch`` items: the first waits as long as needed, the rest until ``batch_ms`` after it."""
        first = self.queue.get()
        if first is _STOP:
            return [], True
        items, deadline = [first], time.monotonic() + self.batch_ms / 1000
        while len(items) < self.batch:
            try:
                item = self.queue.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                break
            if item is _STOP:
                return items, True
            items.append(item)
        return items, False

    def _drain(self) -> None:
        """Unblock producers after a failure: what is queued cannot be stored."""
        while True:
            try:
                if self.queue.get_nowait() is _STOP:
                    return
            except queue.Empty:
                return
