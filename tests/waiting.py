"""Waits that survive a busy machine: they go on while the awaited work progresses, never by the clock alone.

A fixed deadline fails a test on a loaded CI machine although nothing is wrong. Here a wait gives up only
once the work it waits on has shown no progress at all (rows stored, pages fetched, CPU time spent) for a
generous interval, and then says what it waited for and what it last saw.
"""
from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest

STALL = 300  # seconds without any progress before a wait gives up: far beyond any pause a busy machine makes
PROGRESS_EVERY = 1.0  # seconds between looks at progress (it may cost a query or a scan of /proc)


def wait_for(done: Callable[[], object], what: str, *, progress: Callable[[], object], stall: float = STALL,
             poll: float = 0.05, explain: Callable[[], str] = str) -> None:
    """Return once ``done()`` holds; fail, adding ``explain()``, if ``progress()`` stays equal for ``stall`` s first."""
    last, since, looked = progress(), time.monotonic(), time.monotonic()
    while not done():
        time.sleep(poll)
        now = time.monotonic()
        if now - looked < PROGRESS_EVERY:
            continue
        looked, seen = now, progress()
        if seen != last:
            last, since = seen, now
        elif now - since > stall:
            pytest.fail(f"gave up waiting for {what}: no progress for {stall:.0f} s (last seen: {seen})\n{explain()}")


def _stat(pid: int) -> list[str] | None:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):  # gone meanwhile
        return None


def descendants(pids: Iterable[int]) -> set[int]:
    """``pids`` and every live process started under them."""
    parents = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit() and (fields := _stat(int(entry))):
            parents[int(entry)] = int(fields[1])
    found = frontier = set(pids)
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found = found | frontier
    return found


def cpu_seconds(pids: Iterable[int]) -> float:
    """CPU time spent by ``pids``, their live descendants and the children they reaped: a process that
    starts up or works slowly on a busy machine still spends it; one that hangs does not."""
    ticks = 0
    for pid in descendants(pids):
        fields = _stat(pid)
        if fields and fields[0] != "Z":
            ticks += sum(int(n) for n in fields[11:15])  # utime, stime, cutime, cstime
    return ticks / os.sysconf("SC_CLK_TCK")
