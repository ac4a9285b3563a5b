"""The progress-based wait: it outlasts any fixed deadline while work progresses, and fails once it stalls."""
from __future__ import annotations

import itertools
import subprocess
import sys
import time

import pytest

from tests.waiting import cpu_seconds, wait_for


def test_a_wait_goes_on_past_its_stall_interval_while_progress_is_made():
    ticks = itertools.count()
    started = time.monotonic()
    wait_for(lambda: time.monotonic() - started > 3, "three seconds", progress=lambda: next(ticks), stall=0.5)


def test_a_wait_without_progress_fails_saying_what_it_waited_for_and_last_saw():
    with pytest.raises(pytest.fail.Exception, match=r"gave up waiting for the impossible: no progress for 1 s "
                                                    r"\(last seen: 7\)\nthe log's tail"):
        wait_for(lambda: False, "the impossible", progress=lambda: 7, stall=1, explain=lambda: "the log's tail")


def test_cpu_seconds_counts_a_busy_child_and_not_a_sleeping_one():
    busy = subprocess.Popen([sys.executable, "-c", "import time; t = time.process_time()\n"
                                                   "while time.process_time() - t < 0.5: pass\n"
                                                   "time.sleep(600)"])
    try:
        wait_for(lambda: cpu_seconds([busy.pid]) >= 0.5, "the child to spend 0.5 s of CPU",
                 progress=lambda: cpu_seconds([busy.pid]))
        time.sleep(1)  # asleep now: a waiting process adds no CPU time, so its wait can stall
        assert 0.5 <= cpu_seconds([busy.pid]) < 1.5
    finally:
        busy.kill()
        busy.wait()
