"""The worker processes that CPU-heavy pipeline steps share, so parsing never stalls Scrapy's downloads."""
from __future__ import annotations

import asyncio
import os
import threading
import time
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from multiprocessing import get_context

from scrapy import signals

PARENT_CHECK_SECONDS = 0.5


def make_executor(workers: int) -> Executor:
    """``workers`` processes (started fresh, not forked from the reactor); 0 means one thread instead."""
    if workers <= 0:
        return ThreadPoolExecutor(max_workers=1, thread_name_prefix="folio-worker")
    return ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn"), initializer=warm_up)


def warm_up() -> None:
    """Watch the parent crawl, then load what the first article would otherwise wait for (parsers, dateparser)."""
    from pipelines.normalize import parse_date

    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), name="folio-parent-watch", daemon=True).start()
    parse_date("April 17, 2015 9:30 AM", timezone="UTC")


def _exit_with_parent(parent: int) -> None:
    # A crawl killed with SIGKILL cannot shut its pool down, and the worker would wait on its task
    # queue forever: once the parent is gone the worker is re-parented, so it leaves too.
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(1)


class Workers:
    """One pool per crawl (FOLIO_EXTRACT_WORKERS processes), shut down when the engine stops."""

    def __init__(self, workers: int):
        self.executor = make_executor(workers)
        self.executor.submit(int)  # start the workers now, while the first listing pages download

    @classmethod
    def of(cls, crawler) -> "Workers":
        """The crawl's pool, created by the first pipeline step that asks for it."""
        pool = getattr(crawler, "_folio_workers", None)
        if pool is None:
            pool = crawler._folio_workers = cls(crawler.settings.getint("FOLIO_EXTRACT_WORKERS"))
            crawler.signals.connect(pool.shutdown, signal=signals.engine_stopped, weak=False)
        return pool

    async def run(self, function, /, *args, **kwargs):
        """Run a plain function (picklable arguments and result) in a worker and await its result."""
        return await asyncio.wrap_future(self.executor.submit(function, *args, **kwargs))

    async def shutdown(self) -> None:
        """Stop the workers; waited for in a thread, since a worker still warming up would block the reactor."""
        from scrapy.utils.defer import maybe_deferred_to_future
        from twisted.internet import threads

        await maybe_deferred_to_future(threads.deferToThread(self.executor.shutdown, wait=True))


class WorkerStep:
    """Base of the pipeline steps whose plain function runs in the crawl's worker processes."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.workers = Workers.of(crawler)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)
