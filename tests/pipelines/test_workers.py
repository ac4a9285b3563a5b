"""Workers: plain functions run in real child processes over pipes, results and errors come back."""
from __future__ import annotations

import asyncio
import os

import pytest

from pipelines.workers import Workers, WorkerGone


def _fail(message: str) -> None:
    raise ValueError(message)


def _exit_now() -> None:
    os._exit(3)  # the worker dies mid-call, as one killed by the OOM killer would


async def _close(pool: Workers) -> None:
    for worker in pool.processes:
        worker.end_calls()
    await asyncio.to_thread(lambda: [worker.wait() for worker in pool.processes])


def test_calls_run_in_another_process_and_return_their_results():
    async def run():
        pool = Workers(2)
        try:
            pids = await asyncio.gather(*(pool.run(os.getpid) for _ in range(6)))
            lengths = await asyncio.gather(*(pool.run(len, b"x" * n) for n in (0, 10, 200_000)))
        finally:
            await _close(pool)
        return set(pids), lengths, [w.process.returncode for w in pool.processes]

    pids, lengths, codes = asyncio.run(run())
    assert os.getpid() not in pids and 1 <= len(pids) <= 2
    assert lengths == [0, 10, 200_000]  # a body larger than a pipe's buffer goes through whole
    assert codes == [0, 0]  # closing the pipe lets each worker leave on its own


def test_an_error_in_a_worker_is_raised_in_the_crawl_with_the_workers_traceback():
    async def run():
        pool = Workers(1)
        try:
            with pytest.raises(ValueError, match="no title") as raised:
                await pool.run(_fail, "no title")
            after = await pool.run(sum, [1, 2, 3])  # the worker goes on after a failed call
        finally:
            await _close(pool)
        return raised.value, after

    error, after = asyncio.run(run())
    assert "_fail" in str(error.__cause__)
    assert after == 6


def test_a_worker_that_dies_fails_its_waiting_calls_instead_of_hanging():
    async def run():
        pool = Workers(1)
        try:
            with pytest.raises(WorkerGone):
                await asyncio.wait_for(pool.run(_exit_now), timeout=120)  # a bound on hanging, not on speed
        finally:
            await _close(pool)
        return pool.processes[0].process.returncode

    assert asyncio.run(run()) == 3


def test_a_worker_leaves_when_its_crawl_closes_the_pipe_without_a_goodbye():
    pool = Workers(1)
    worker = pool.processes[0]
    worker.process.stdin.close()  # what the kernel does for a crawl killed with SIGKILL
    worker.wait()
    assert worker.process.returncode == 0


def test_the_default_number_of_workers_leaves_one_core_to_the_reactor():
    from crawler import settings

    assert settings.FOLIO_EXTRACT_WORKERS == max(1, (os.cpu_count() or 2) - 1)


def test_a_worker_leaves_its_profile_where_folio_worker_profile_points(tmp_path, monkeypatch):
    monkeypatch.setenv("FOLIO_WORKER_PROFILE", str(tmp_path))

    async def run():
        pool = Workers(1)
        try:
            await pool.run(sorted, [3, 1, 2])
        finally:
            await _close(pool)
        return pool.processes[0].process.pid

    import pstats

    pid = asyncio.run(run())
    stats = pstats.Stats(str(tmp_path / f"worker-{pid}.prof"))
    assert any(name == "<built-in method builtins.sorted>" for _, _, name in stats.stats)  # the call it ran


def _heap_state() -> tuple[int, int]:
    import gc

    return gc.get_freeze_count(), gc.get_threshold()[2]


def test_a_worker_settles_its_loaded_heap_before_its_first_call():
    async def run():
        pool = Workers(1)
        try:
            return await pool.run(_heap_state)
        finally:
            await _close(pool)

    frozen, full_every = asyncio.run(run())
    assert frozen > 10000  # the modules it loaded (dateparser's, lxml's) no longer walked by full collections
    assert full_every == 100


def test_the_crawl_process_settles_its_heap_once_its_engine_starts():
    import gc

    from scrapy import signals
    from scrapy.utils.test import get_crawler

    crawler = get_crawler(settings_dict={"FOLIO_EXTRACT_WORKERS": 0})
    pool = Workers.of(crawler)
    before = gc.get_threshold()
    try:
        assert gc.get_freeze_count() == 0
        crawler.signals.send_catch_log(signals.engine_started)
        assert gc.get_freeze_count() > 0 and gc.get_threshold()[2] == 100
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)
        pool.thread.shutdown()
