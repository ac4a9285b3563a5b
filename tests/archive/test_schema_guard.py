"""Files Folio must not change are refused before anything is written: another application's, a newer Folio's."""
from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from archive.schema import known_migrations
from archive.store import ArchiveError, open_archive
from crawler.cli import main


def fingerprint(path: Path) -> tuple:
    """The file's bytes, its journal mode, and which side files exist."""
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        mode = conn.execute("pragma journal_mode").fetchone()[0]
    conn.close()
    sides = tuple(Path(f"{path}{s}").exists() for s in ("-wal", "-shm", "-journal"))
    return hashlib.sha256(path.read_bytes()).hexdigest(), mode, sides


@pytest.fixture
def foreign(tmp_path) -> Path:
    path = tmp_path / "shop.db"
    with sqlite3.connect(path) as conn:
        conn.execute("create table articles (sku text primary key, price real)")
        conn.execute("insert into articles values ('A-1', 9.5)")
    conn.close()
    return path


@pytest.fixture
def newer(tmp_path) -> Path:
    path = tmp_path / "newer.db"
    open_archive(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("insert into _sqlite_migrations (migration_set, name, applied_at) "
                     "values ('folio', 'add_summary_column', '2030-01-01')")
        conn.execute("alter table articles add column summary text")
    conn.close()
    return path


def test_another_applications_file_is_refused_untouched(foreign):
    before = fingerprint(foreign)
    with pytest.raises(ArchiveError, match="not a Folio archive .*articles"):
        open_archive(foreign)
    assert fingerprint(foreign) == before
    assert before[1] == "delete"  # never switched to WAL


def test_a_newer_folios_archive_is_refused_untouched(newer):
    before = fingerprint(newer)
    with pytest.raises(ArchiveError, match="newer Folio .*'add_summary_column'"):
        open_archive(newer)
    assert fingerprint(newer) == before


def test_a_higher_schema_version_is_refused(tmp_path):
    path = tmp_path / "later.db"
    open_archive(path).close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("pragma user_version").fetchone()[0] == len(known_migrations())
        conn.execute(f"pragma user_version = {len(known_migrations()) + 1}")
    conn.close()
    with pytest.raises(ArchiveError, match="newer Folio .*schema version"):
        open_archive(path)


def test_an_up_to_date_archive_and_an_empty_file_open(tmp_path):
    path = tmp_path / "folio.db"
    open_archive(path).close()
    open_archive(path).close()
    empty = tmp_path / "empty.db"
    empty.touch()
    open_archive(empty).close()


@pytest.mark.parametrize("command", [["rebuild"], ["crawl", "--url", "http://127.0.0.1:9/a"], ["export-warc", "OUT"]])
def test_commands_say_so_in_one_line(foreign, newer, tmp_path, command):
    for path in (foreign, newer):
        before = fingerprint(path)
        args = [str(tmp_path / "out.warc.gz") if a == "OUT" else a for a in command]
        result = CliRunner().invoke(main, [*args, "--db", str(path)])
        assert result.exit_code != 0
        lines = result.output.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("Error: cannot use"), result.output
        assert "Traceback" not in result.output
        assert fingerprint(path) == before and not (tmp_path / "out.warc.gz").exists()
