"""An interrupted crawl (Ctrl-C) resumes with --resume to the same archive as an uninterrupted one."""
from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from crawler.samplesite import SampleSite
from tests.conftest import REPO, run_group
from tests.waiting import cpu_seconds, wait_for

pytestmark = pytest.mark.slow
ARTICLES = 120
SLOW = ["-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0.02", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=2"]


def crawl_command(site: SampleSite, db: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "crawler.cli", "crawl", "bulk", "--base-url", site.base_url, "--db", str(db),
            *SLOW, *extra]


def count(db: Path, sql: str) -> int:
    if not db.exists():
        return 0
    with sqlite3.connect(db) as conn:
        try:
            return conn.execute(sql).fetchone()[0]
        except sqlite3.OperationalError:  # the schema is not there yet
            return 0


def snapshot(db: Path) -> set[tuple]:
    with sqlite3.connect(db) as conn:
        return set(conn.execute("select url, content_hash, page_count, complete, body_text from articles"))


def test_a_crawl_interrupted_with_ctrl_c_resumes_to_the_same_archive(tmp_path, spawn):
    with SampleSite(bulk_articles=ARTICLES) as site:
        whole = tmp_path / "whole.db"
        done = run_group(crawl_command(site, whole), cwd=REPO, timeout=600)
        assert done.returncode == 0, done.stderr[-2000:]

        resumed, job = tmp_path / "resumed.db", tmp_path / "job"
        process = spawn(crawl_command(site, resumed, "--resume", str(job)), cwd=REPO,
                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

        def stored() -> tuple[int, int]:
            return count(resumed, "select count(*) from articles"), count(resumed, "select count(*) from pages")

        wait_for(lambda: stored()[0] >= ARTICLES // 4 or process.poll() is not None, "a quarter of the articles",
                 progress=stored)
        assert process.poll() is None, "the crawl ended before it could be interrupted"
        process.send_signal(signal.SIGINT)  # one Ctrl-C: Scrapy stops gracefully and keeps its queue
        # Stopping writes what is in flight and spends CPU; whole seconds, so that a hang's timers do not count.
        wait_for(lambda: process.poll() is not None, "the interrupted crawl to stop",
                 progress=lambda: (stored(), int(cpu_seconds([process.pid]))))
        _, stderr = process.communicate()
        assert process.returncode != 0 and "run the same command again to resume" in stderr, stderr[-2000:]
        partial = count(resumed, "select count(*) from articles")
        partial_pages = count(resumed, "select count(*) from pages")
        assert ARTICLES // 4 <= partial < ARTICLES

        again = run_group(crawl_command(site, resumed, "--resume", str(job)), cwd=REPO, timeout=600)
        assert again.returncode == 0, again.stderr[-2000:]

    assert snapshot(resumed) == snapshot(whole)
    assert count(resumed, "select count(*) from articles") == ARTICLES
    assert count(resumed, "select count(*) from pages") == count(whole, "select count(*) from pages")
    with sqlite3.connect(resumed) as conn:
        runs = conn.execute("select outcome, pages_fetched, stats from crawls order by id").fetchall()
    assert [r[0] for r in runs] == ["shutdown", "finished"]
    # A real resume fetches only what the archive lacked: no stored page again, nothing revalidated.
    # (Pages of articles still in flight at the interruption were not stored, so they are fetched again.)
    assert runs[1][1] == count(whole, "select count(*) from pages") - partial_pages
    assert '"folio/pages/not_modified"' not in runs[1][2]
