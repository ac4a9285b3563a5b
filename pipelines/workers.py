"""The worker processes that CPU-heavy steps share, so parsing never stalls Scrapy's downloads.

Each worker is a child process that reads calls from its stdin and writes results to its stdout,
framed as a length and a pickle. The reactor thread only writes and reads those pipes, through the
event loop, so no thread of the crawl process moves calls or results (a process pool would run two).
A worker whose crawl dies reads the end of its stdin and leaves.
"""
from __future__ import annotations

import asyncio
import gc
import itertools
import os
import pickle
import signal
import struct
import subprocess
import sys
import traceback
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from scrapy import signals

FRAME = struct.Struct("!I")  # the length of the pickle that follows
ROOT = Path(__file__).resolve().parent.parent
SHUTDOWN_SECONDS = 10
# Full collections run after this many younger ones (Python's default 10): a crawl holds a few hundred thousand
# objects in flight (responses awaiting a worker, Scrapy's middleware chains), and walking them all every ten
# younger collections cost a quarter of the crawl process's CPU. Young cycles are still freed by the younger
# collections; the full ones still run, ten times less often.
FULL_COLLECTION_EVERY = 100


class RemoteError(Exception):
    """The traceback of an exception raised in a worker process (set as the re-raised exception's cause)."""


class WorkerGone(RuntimeError):
    """A worker process ended while calls waited for it."""


class Worker:
    """One worker process and its calls in flight; its pipes join the event loop on first use."""

    def __init__(self):
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
        self.process = subprocess.Popen([sys.executable, "-m", "pipelines.workers"], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, env=env)
        self.pending: dict[int, asyncio.Future] = {}
        self.writer: asyncio.StreamWriter | None = None
        self.connecting: asyncio.Future | None = None

    async def call(self, key: int, message: bytes) -> object:
        if self.writer is None:
            await self._connect()
        future = self.pending[key] = asyncio.get_running_loop().create_future()
        self.writer.write(FRAME.pack(len(message)) + message)
        await self.writer.drain()  # the pipe's buffer is full only when the worker lags far behind
        return await future

    async def _connect(self) -> None:
        if self.connecting is None:  # the first caller connects, later ones wait for it
            self.connecting = asyncio.ensure_future(self._open_pipes())
        await asyncio.shield(self.connecting)

    async def _open_pipes(self) -> None:
        loop = asyncio.get_running_loop()
        reader = asyncio.StreamReader(limit=2**31)
        await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), self.process.stdout)
        transport, protocol = await loop.connect_write_pipe(asyncio.streams.FlowControlMixin, self.process.stdin)
        self.writer = asyncio.StreamWriter(transport, protocol, None, loop)
        self.reading = asyncio.ensure_future(self._read(reader))

    async def _read(self, reader: asyncio.StreamReader) -> None:
        """Hand each result to the call waiting for it; when the worker ends, fail the calls still waiting."""
        try:
            while True:
                (size,) = FRAME.unpack(await reader.readexactly(FRAME.size))
                key, ok, value = pickle.loads(await reader.readexactly(size))
                future = self.pending.pop(key)
                if future.done():  # its caller was cancelled
                    continue
                if ok:
                    future.set_result(value)
                else:
                    exc, remote = value
                    exc.__cause__ = RemoteError(remote)  # the worker's traceback, for the log
                    future.set_exception(exc)
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        for future in self.pending.values():
            if not future.done():
                future.set_exception(WorkerGone(f"worker process {self.process.pid} ended"))
        self.pending.clear()

    def end_calls(self) -> None:
        """Close the worker's stdin (on the reactor thread): it finishes its calls and leaves."""
        if self.writer is not None:
            self.writer.close()
        else:
            self.process.stdin.close()

    def wait(self) -> None:
        """Wait for the worker to leave, killing it if it hangs (blocks: run in a thread)."""
        try:
            self.process.wait(timeout=SHUTDOWN_SECONDS)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


class Workers:
    """One set of workers per crawl (FOLIO_EXTRACT_WORKERS processes, 0: one thread), stopped with the engine."""

    def __init__(self, workers: int):
        self.keys = itertools.count()
        self.thread = ThreadPoolExecutor(1, thread_name_prefix="folio-worker") if workers <= 0 else None
        self.processes = [Worker() for _ in range(max(0, workers))]  # started now, while the first pages download

    @classmethod
    def of(cls, crawler) -> "Workers":
        """The crawl's workers, started by the first step that asks for them."""
        pool = getattr(crawler, "_folio_workers", None)
        if pool is None:
            pool = crawler._folio_workers = cls(crawler.settings.getint("FOLIO_EXTRACT_WORKERS"))
            crawler.signals.connect(pool.shutdown, signal=signals.engine_stopped, weak=False)
            crawler.signals.connect(settle_heap, signal=signals.engine_started, weak=False)
        return pool

    async def run(self, function, /, *args, **kwargs):
        """Run a plain function (picklable arguments and result) in the least busy worker and await its result."""
        if self.thread is not None:
            return await asyncio.wrap_future(self.thread.submit(function, *args, **kwargs))
        key = next(self.keys)
        message = pickle.dumps((key, function, args, kwargs), protocol=pickle.HIGHEST_PROTOCOL)
        worker = min(self.processes, key=lambda w: len(w.pending))
        return await worker.call(key, message)

    async def shutdown(self) -> None:
        """Stop the workers; waited for in a thread, since a worker still warming up would block the reactor."""
        from scrapy.utils.defer import maybe_deferred_to_future
        from twisted.internet import threads

        if self.thread is not None:
            await maybe_deferred_to_future(threads.deferToThread(self.thread.shutdown, wait=True))
        for worker in self.processes:
            worker.end_calls()
        for worker in self.processes:
            await maybe_deferred_to_future(threads.deferToThread(worker.wait))


def settle_heap() -> None:
    """Once a process has loaded what it needs: its modules' objects leave the garbage collector's walks."""
    gc.freeze()  # they live as long as the process, so walking them again finds nothing to free
    young, middle, _ = gc.get_threshold()
    gc.set_threshold(young, middle, FULL_COLLECTION_EVERY)


class WorkerStep:
    """Base of the pipeline steps whose plain function runs in the crawl's worker processes."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.workers = Workers.of(crawler)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)


def serve() -> None:
    """A worker's life: load what the first article needs, then answer calls until stdin ends."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the crawl, which then ends the calls itself
    calls, results = sys.stdin.buffer, os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # anything a library prints goes to stderr, not into the results
    from pipelines.normalize import parse_date

    parse_date("April 17, 2015 9:30 AM", timezone="UTC")
    settle_heap()
    profile_dir = os.environ.get("FOLIO_WORKER_PROFILE")  # a directory: each worker leaves its cProfile there
    if profile_dir:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    try:
        _answer(calls, results)
    finally:
        if profile_dir:
            profiler.disable()
            profiler.dump_stats(Path(profile_dir) / f"worker-{os.getpid()}.prof")


def _answer(calls, results) -> None:
    """Run each call read from ``calls`` and write its framed result to ``results``, until ``calls`` ends."""
    while header := calls.read(FRAME.size):
        (size,) = FRAME.unpack(header)
        key, function, args, kwargs = pickle.loads(calls.read(size))
        try:
            reply = (key, True, function(*args, **kwargs))
        except Exception as exc:  # handed to the caller, which decides what a failed call means
            reply = (key, False, (exc, traceback.format_exc()))
        try:
            message = pickle.dumps(reply, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception as exc:  # an unpicklable result or exception: its text still reaches the caller
            message = pickle.dumps((key, False, (RuntimeError(f"{type(exc).__name__}: {exc}"), traceback.format_exc())))
        results.write(FRAME.pack(len(message)) + message)
        results.flush()


if __name__ == "__main__":
    try:
        serve()
    except BrokenPipeError:  # the crawl is gone
        pass
