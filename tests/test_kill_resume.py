"""A crawl killed with SIGKILL (early, midway, late) resumes, or reruns, to the archive an uninterrupted crawl makes."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from crawler.resume import STATE_FILE, ResumeState
from crawler.samplesite import SampleSite
from tests.conftest import REPO, run_group
from tests.waiting import cpu_seconds, wait_for

pytestmark = pytest.mark.slow
ARTICLES = int(os.environ.get("FOLIO_KILL_TEST_ARTICLES", "1000"))
MOMENTS = {"early": ARTICLES // 20, "middle": ARTICLES // 2, "late": ARTICLES * 9 // 10}


def crawl(site: SampleSite, db: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "crawler.cli", "crawl", "bulk", "--base-url", site.base_url, "--db", str(db), *extra]


def articles(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
            return conn.execute("select count(*) from articles").fetchone()[0]
    except sqlite3.OperationalError:  # no file or no schema yet
        return 0


def snapshot(db: Path) -> tuple[set, set]:
    with sqlite3.connect(db) as conn:
        return (set(conn.execute("select id, url, content_hash, page_count, complete from articles")),
                set(conn.execute("select url, article_id, number, body_sha256, error from pages")))


def children(pid: int) -> set[int]:
    """Every process descended from ``pid`` (read from /proc)."""
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue  # the process ended while we looked
    found, frontier = set(), {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def alive(pids: set[int]) -> set[int]:
    return {pid for pid in pids if Path(f"/proc/{pid}").exists()
            and Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"}


def kill_at(spawn, command: list[str], db: Path, stored: int) -> None:
    """Start a crawl, SIGKILL it once the archive holds ``stored`` articles, and check nothing it started lives on."""
    process = spawn(command, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_for(lambda: articles(db) >= stored or process.poll() is not None, f"{stored} articles stored",
             progress=lambda: articles(db), poll=0.02)
    assert process.poll() is None, "the crawl ended before it could be killed"
    spawned = children(process.pid)
    assert spawned, "the crawl runs its extract worker in a child process"
    process.send_signal(signal.SIGKILL)  # the crawl alone, not its group: its workers must end by themselves
    process.wait()
    # A worker may first finish the page it was given; one that outlives its crawl stops spending CPU.
    wait_for(lambda: not alive(spawned), "the processes the crawl started to end with it",
             progress=lambda: (alive(spawned), int(cpu_seconds(alive(spawned)))), poll=0.1)
    assert articles(db) < ARTICLES


def crawl_outcomes(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        return [row[0] for row in conn.execute("select outcome from crawls order by id")]


@pytest.fixture(scope="module")
def site():
    with SampleSite(bulk_articles=ARTICLES) as running:
        yield running


@pytest.fixture(scope="module")
def whole(site, tmp_path_factory) -> tuple[set, set]:
    db = tmp_path_factory.mktemp("whole") / "whole.db"
    done = run_group(crawl(site, db), cwd=REPO, timeout=900)
    assert done.returncode == 0, done.stderr[-2000:]
    assert articles(db) == ARTICLES
    return snapshot(db)


@pytest.mark.parametrize("moment", MOMENTS)
def test_a_killed_crawl_resumes_to_the_uninterrupted_archive(site, whole, tmp_path, moment, spawn):
    db, job = tmp_path / "killed.db", tmp_path / "job"
    kill_at(spawn, crawl(site, db, "--resume", str(job)), db, MOMENTS[moment])
    assert (job / "bulk" / STATE_FILE).is_file()

    again = run_group(crawl(site, db, "--resume", str(job)), cwd=REPO, timeout=900)
    assert again.returncode == 0, again.stderr[-2000:]
    assert snapshot(db) == whole
    assert crawl_outcomes(db) == ["crashed", "finished"]
    assert not (job / "bulk" / STATE_FILE).exists()  # the next --resume with this folder starts afresh
    with sqlite3.connect(db) as conn:
        stats = conn.execute("select stats from crawls where outcome = 'finished'").fetchone()[0]
    assert '"folio/articles/done_before_resume"' in stats  # what the killed run stored was not fetched again


def test_a_killed_crawl_run_again_without_resume_completes_the_archive(site, whole, tmp_path, spawn):
    db = tmp_path / "killed.db"
    kill_at(spawn, crawl(site, db), db, MOMENTS["middle"])
    again = run_group(crawl(site, db), cwd=REPO, timeout=900)
    assert again.returncode == 0, again.stderr[-2000:]
    assert snapshot(db) == whole
    assert crawl_outcomes(db) == ["crashed", "finished"]


def test_an_unreadable_resume_file_starts_the_crawl_afresh(tmp_path):
    state = ResumeState(tmp_path)
    (tmp_path / STATE_FILE).write_bytes(b'{"since": "2026-')  # cut off mid-write by an older version
    assert state.begin() is None
    since = ResumeState(tmp_path).begin()
    assert since and since[:4].isdigit()
    state.finish()
    assert not (tmp_path / STATE_FILE).exists()
