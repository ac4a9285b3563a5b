"""What goes wrong around the archive ends in one clear line and a recorded state, never a traceback."""
from __future__ import annotations

import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from archive.store import Archive
from crawler.cli import main
from crawler.samplesite import SampleSite
from tests.conftest import REPO, damage_table, rows
from tests.pipelines.test_decode import WORDS, capture
from tests.waiting import wait_for


def folio(*args) -> tuple[int, str]:
    result = CliRunner().invoke(main, [str(a) for a in args])
    return result.exit_code, result.output


def one_error_line(output: str) -> str:
    assert "Traceback" not in output and "Aborted" not in output, output
    errors = [line for line in output.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1, output
    return errors[0]


@pytest.fixture
def archive(tmp_path) -> Path:
    """Four stored articles of two pages each, made without a crawl."""
    db = tmp_path / "folio.db"
    store = Archive(db)
    for charset in WORDS:
        from crawler.sites import SiteProfile
        from pipelines.rebuild import article_record

        found = capture(charset)
        store.save(found, article_record(found, SiteProfile.generic([found.url])))
    store.close()
    return db


def test_a_corrupt_stored_body_is_left_out_and_said(archive, tmp_path):
    with sqlite3.connect(archive) as conn:
        conn.execute("update captures set body_zst = x'28b52ffddeadbeef' where id = 1")  # a damaged zstd frame
        total = conn.execute("select count(*) from captures").fetchone()[0]
    conn.close()
    code, output = folio("export-warc", tmp_path / "out.warc.gz", "--db", archive)
    assert code == 1 and "1 capture(s) left out" in one_error_line(output)
    assert f"{total - 1} responses" in output  # the others are all exported
    before = rows(archive, "select id, body_text from articles order by id")
    code, output = folio("rebuild", "--db", archive)
    assert code == 1 and "1 article(s) not rebuilt" in one_error_line(output)
    assert rows(archive, "select id, body_text from articles order by id") == before


def test_a_damaged_pages_table_is_one_line(archive):
    damage_table(archive, "pages")
    code, output = folio("rebuild", "--db", archive)
    assert code == 1 and "it is damaged" in one_error_line(output)


def test_an_unreachable_host_is_recorded_without_a_traceback(tmp_path):
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    db = tmp_path / "folio.db"
    result = subprocess.run([sys.executable, "-m", "crawler.cli", "crawl", "--url", f"http://127.0.0.1:{port}/a",
                             "--db", str(db)], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert "Traceback" not in result.stderr
    assert "robots.txt of 127.0.0.1" in result.stderr
    [page] = rows(db, "select error from pages")
    assert "robots.txt of 127.0.0.1" in page["error"]


def stored_articles(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
            return conn.execute("select count(*) from articles").fetchone()[0]
    except sqlite3.OperationalError:  # no file or no schema yet
        return 0


@pytest.mark.slow
def test_ctrl_c_stops_a_crawl_with_one_line(tmp_path):
    db = tmp_path / "folio.db"
    with SampleSite(bulk_articles=300) as site:
        process = subprocess.Popen([sys.executable, "-m", "crawler.cli", "crawl", "bulk", "--base-url", site.base_url,
                                    "--db", str(db)], cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   text=True)
        wait_for(lambda: stored_articles(db) >= 5 or process.poll() is not None, "5 articles stored",
                 progress=lambda: stored_articles(db))
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=300)
    assert process.returncode == 1
    assert "Traceback" not in stderr and "ReactorNotRunning" not in stderr
    assert "crawl ended early: shutdown" in one_error_line(stderr)
    assert rows(db, "select outcome from crawls") == [{"outcome": "shutdown"}]


def mount_tiny_fs(folder: Path) -> bool:
    """Mount a 1 MiB tmpfs on ``folder`` (root only); False when this machine does not allow it."""
    if os.geteuid() != 0 or not shutil.which("mount"):
        return False
    return subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(folder)],
                          capture_output=True).returncode == 0


@pytest.mark.slow
def test_a_full_disk_stops_the_crawl_and_keeps_what_was_written(tmp_path):
    full = tmp_path / "full"
    full.mkdir()
    if not mount_tiny_fs(full):
        pytest.skip("needs root and a tmpfs mount to fill a real filesystem")
    try:
        db = full / "folio.db"
        with SampleSite(bulk_articles=1000) as site:
            result = subprocess.run([sys.executable, "-m", "crawler.cli", "crawl", "bulk", "--base-url",
                                     site.base_url, "--db", str(db)], cwd=REPO, capture_output=True, text=True,
                                    timeout=600)
        assert result.returncode == 1
        assert "Traceback" not in result.stderr
        assert "archive not writable: database or disk is full" in one_error_line(result.stderr)
        assert result.stderr.count("cannot write the archive") == 1
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
            assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
            stored = conn.execute("select count(*) from articles where complete = 1").fetchone()[0]
        conn.close()
        assert 0 < stored < 1000  # what fitted is kept, whole
    finally:
        subprocess.run(["umount", str(full)], check=False)
