"""Fixtures shared by every test folder: where the repo and ../shared are, processes that never outlive a test."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus"
# The one reason every test that needs the shared corpus gives when it skips.
CORPUS_SKIP = "needs the shared corpus at ../shared/corpus beside the repo (present in CI)"


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The shared corpus of real pages; tests that need it skip when it is absent."""
    if not (CORPUS / "readability-pages").is_dir():
        pytest.skip(CORPUS_SKIP)
    return CORPUS


def rows(db: Path, sql: str, params=()) -> list[dict]:
    """Query a SQLite file, rows as dicts."""
    with sqlite3.connect(db) as conn:
        conn.row_factory = sqlite3.Row
        return [dict(r) for r in conn.execute(sql, params)]


def damage_table(db: Path, table: str) -> None:
    """Overwrite ``table``'s root page with garbage, as a bad disk would (the file stays an SQLite file)."""
    with sqlite3.connect(db) as conn:
        conn.execute("pragma wal_checkpoint(TRUNCATE)")
        conn.execute("pragma journal_mode=delete")
        size = conn.execute("pragma page_size").fetchone()[0]
        root = conn.execute("select rootpage from sqlite_master where name = ?", (table,)).fetchone()[0]
    conn.close()
    with open(db, "r+b") as stream:
        stream.seek((root - 1) * size)
        stream.write(b"\xff" * size)


@pytest.fixture(scope="session")
def crawled(tmp_path_factory) -> Path:
    """The three sample publishers crawled once with their profiles; the sample site is stopped
    before any test runs, so nothing can fetch. Read it, or copy it before changing it."""
    from crawler.samplesite import SampleSite

    db = tmp_path_factory.mktemp("sample") / "crawl.db"
    with SampleSite() as site:
        result = subprocess.run(
            [sys.executable, "-m", "crawler.cli", "crawl", "dailyhealth", "medwire", "wellbeing",
             "--base-url", site.base_url, "--db", str(db)],
            cwd=REPO, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    return db


@pytest.fixture(scope="session")
def demo_runs(tmp_path_factory) -> tuple[Path, list[subprocess.CompletedProcess], list[dict]]:
    """`folio demo --no-serve` run twice on one archive (the real command, each run its own sample-site port):
    the archive, both runs, and the table sizes after each. Read it, or copy it before changing it."""
    db = tmp_path_factory.mktemp("demo") / "folio.db"
    runs, sizes = [], []
    for _ in range(2):
        runs.append(subprocess.run([sys.executable, "-m", "crawler.cli", "demo", "--no-serve", "--db", str(db)],
                                   cwd=REPO, capture_output=True, text=True, timeout=600))
        assert runs[-1].returncode == 0, runs[-1].stdout[-2000:] + runs[-1].stderr[-3000:]
        sizes.append({table: rows(db, f"select count(*) as n from {table}")[0]["n"]
                      for table in ("articles", "article_versions", "pages", "captures")})
    return db, runs, sizes


@pytest.fixture
def redis_url():
    """A fresh redis-server on 127.0.0.1 for one test (CI installs the Debian package)."""
    from tests.redis_server import REDIS_SERVER, RedisServer

    if REDIS_SERVER is None:
        pytest.skip("redis-server is not installed (apt-get install redis-server)")
    with RedisServer() as server:
        yield server.url


def stop_group(process: subprocess.Popen) -> None:
    """Kill ``process`` (started in its own session) and whatever it started, then reap it."""
    try:
        # Its children share its process group, also once it has ended: they are killed with it.
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:  # the whole group has ended already
        pass
    process.wait()


def run_group(args: list[str], *, timeout: float, **kwargs) -> subprocess.CompletedProcess:
    """``subprocess.run(args, capture_output=True, text=True)`` in its own process group, which is killed however
    the run ends: a timeout or an interrupted test leaves nothing it started running (workers, writer)."""
    with subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
                          **kwargs) as process:
        try:
            stdout, stderr = process.communicate(timeout=timeout)
        finally:
            stop_group(process)
    return subprocess.CompletedProcess(args, process.returncode, stdout, stderr)


@pytest.fixture
def spawn():
    """``subprocess.Popen``, each process in its own group; every group is killed when the test ends, however."""
    started: list[subprocess.Popen] = []

    def start(args: list[str], **kwargs) -> subprocess.Popen:
        started.append(subprocess.Popen(args, start_new_session=True, **kwargs))
        return started[-1]

    yield start
    for process in started:
        stop_group(process)
