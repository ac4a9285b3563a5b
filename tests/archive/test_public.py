"""Publishing to anyone: `folio serve --public` on a read-only disk, and SQL that cannot exhaust memory."""
from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from archive.publish import PUBLIC_SETTINGS, datasette_app, load_settings
from tests.archive.conftest import REPO, serve_command, serving

HUGE_BLOB = "select length(randomblob(900000000))"  # 858 MiB: took an unprotected server to 917 MiB


def get(url: str) -> tuple[int, str]:
    """Status and body of a GET, errors included."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def peak_rss_kb(pid: int) -> int:
    """The process's peak resident set size (VmHWM) so far, in KiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    raise AssertionError("no VmHWM in /proc")


def test_a_huge_value_is_refused_and_memory_stays_bounded(archive_db):
    with serving(serve_command(archive_db)) as (url, proc):
        assert get(f"{url}/folio/articles")[0] == 200
        before = peak_rss_kb(proc.pid)
        status, body = get(f"{url}/folio.json?" + urllib.parse.urlencode({"sql": HUGE_BLOB}))
        after = peak_rss_kb(proc.pid)
        assert status == 400 and json.loads(body)["error"] == "string or blob too big"
        # Unprotected, this query added ~880 MiB; the cap refuses it before allocating anything big.
        assert after - before < 64 * 1024, (before, after)
        assert get(f"{url}/folio.json?sql=select+length(randomblob(1000))")[1].count("1000") >= 1


def test_a_query_over_the_heap_limit_is_a_400_with_a_reason(tmp_path, archive_db):
    # In its own process: SQLite's heap limit is process-wide.
    script = """
import asyncio, json, sys
from pathlib import Path
from archive.publish import datasette_app
ds = datasette_app(Path(sys.argv[1]))
ds._metadata_local["plugins"]["folio"]["heap_limit_bytes"] = 16 * 1024 * 1024
async def main():
    huge = await ds.client.get("/folio.json?sql=select+length(randomblob(30000000))")
    fine = await ds.client.get("/folio/articles.json?_shape=array&_size=1")
    print(json.dumps([huge.status_code, huge.json()["error"], fine.status_code]))
asyncio.run(main())
"""
    result = subprocess.run([sys.executable, "-c", script, str(archive_db)], cwd=REPO, capture_output=True,
                            text=True, timeout=120)
    status, error, then = json.loads(result.stdout.strip().splitlines()[-1])
    assert (status, then) == (400, 200) and "more memory than this server allows" in error


def _read_only_prefix(folder: Path) -> list[str]:
    """A command prefix under which `folder` is read-only even for root (a private read-only bind mount)."""
    if os.geteuid() != 0:
        for path in folder.iterdir():
            path.chmod(0o444)
        folder.chmod(0o555)
        return []
    probe = subprocess.run(["unshare", "--mount", "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip("running as root without mount namespaces: cannot make a read-only disk to test on")
    # Inside its own mount namespace the folder is bind-mounted read-only; exit 97 if writing still works.
    return ["unshare", "--mount", "sh", "-c",
            'mount --bind -o ro "$0" "$0" && ! touch "$0/probe" 2>/dev/null || exit 97; shift; exec "$@"',
            str(folder), "--"]


def test_public_serves_a_wal_archive_from_a_read_only_disk(tmp_path, archive_db):
    folder = tmp_path / "published"
    folder.mkdir()
    db = Path(shutil.copy(archive_db, folder / "folio.db"))
    conn = sqlite3.connect(db)
    journal_mode = conn.execute("pragma journal_mode").fetchone()[0]
    conn.close()  # no -wal or -shm left beside it, as after a finished crawl
    assert journal_mode == "wal" and sorted(p.name for p in folder.iterdir()) == ["folio.db"]
    prefix = _read_only_prefix(folder)

    plain = subprocess.run([*prefix, *serve_command(db)], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert plain.returncode == 1 and "Traceback" not in plain.stderr
    assert plain.stderr.strip().splitlines()[-1].endswith("on a read-only disk, publish it with --public")

    with serving([*prefix, *serve_command(db, "--public")]) as (url, _):
        status, body = get(f"{url}/folio/articles.json?_shape=array&_col=title")
        assert status == 200 and len(json.loads(body)) == 8
        assert get(f"{url}/")[0] == 200 and get(f"{url}/-/dashboards/crawl-health")[0] == 200
        assert get(f"{url}/robots.txt") == (200, "User-agent: *\nDisallow: /\n")
        assert get(f"{url}/folio.db")[0] in (403, 404)  # no whole-file download
        settings = json.loads(get(f"{url}/-/settings.json")[1])
        assert {k: settings[k] for k in PUBLIC_SETTINGS} == PUBLIC_SETTINGS
        listed = {t["name"] for t in json.loads(get(f"{url}/folio.json")[1])["tables"] if not t["hidden"]}
        assert listed == {"articles", "pages", "crawls", "article_versions"}
        assert get(f"{url}/folio.json?" + urllib.parse.urlencode({"sql": HUGE_BLOB}))[0] == 400
    assert not (folder / "folio.db-shm").exists() and not (folder / "probe").exists()


def test_public_refuses_an_archive_whose_changes_are_still_in_the_wal(tmp_path, archive_db):
    db = Path(shutil.copy(archive_db, tmp_path / "folio.db"))
    writer = sqlite3.connect(db)
    writer.execute("pragma wal_autocheckpoint = 0")
    writer.execute("update articles set title = 'Changed' where rowid = 1")
    writer.commit()  # the change now sits in folio.db-wal only
    try:
        copy = tmp_path / "copy"
        copy.mkdir()
        for name in ("folio.db", "folio.db-wal"):
            shutil.copy(tmp_path / name, copy / name)
    finally:
        writer.close()
    result = subprocess.run(serve_command(copy / "folio.db", "--public"), cwd=REPO, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "sqlite-utils disable-wal folio.db" in result.stderr.strip().splitlines()[-1]


def test_local_serving_keeps_datasettes_defaults(archive_db):
    ds = datasette_app(archive_db)
    assert ds.setting("allow_download") is True and ds.setting("allow_csv_stream") is True
    assert ds.setting("sql_time_limit_ms") == load_settings()["sql_time_limit_ms"] == 2000
    assert not (ds.plugin_config("folio") or {}).get("block_robots")
