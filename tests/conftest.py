"""Fixtures shared by every test folder: where the repo and ../shared are."""
from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus"


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The shared corpus of real pages; tests that need it skip when it is absent."""
    if not (CORPUS / "readability-pages").is_dir():
        pytest.skip(f"shared corpus not found at {CORPUS} (it sits beside the repo in CI)")
    return CORPUS


def rows(db: Path, sql: str, params=()) -> list[dict]:
    """Query a SQLite file, rows as dicts."""
    with sqlite3.connect(db) as conn:
        conn.row_factory = sqlite3.Row
        return [dict(r) for r in conn.execute(sql, params)]


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


@pytest.fixture
def redis_url():
    """A fresh redis-server on 127.0.0.1 for one test (CI installs the Debian package)."""
    from tests.redis_server import REDIS_SERVER, RedisServer

    if REDIS_SERVER is None:
        pytest.skip("redis-server is not installed (apt-get install redis-server)")
    with RedisServer() as server:
        yield server.url
