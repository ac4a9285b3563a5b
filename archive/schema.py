"""The archive's schema as ordered sqlite-utils migrations; `migrate()` brings any file up to date.

The migrations live in archive/migrations.py (tables) and archive/storage_migrations.py (later changes),
registered in that order on one `Migrations("folio")`.
"""
from __future__ import annotations

from sqlite_utils import Database

import archive.storage_migrations  # noqa: F401 - registers the later migrations after the first ones
from archive.migrations import migrations

__all__ = ["SchemaError", "check_schema", "known_migrations", "migrate", "migrations"]


class SchemaError(Exception):
    """The file is not an archive this Folio may change; the message says why in one line."""


def known_migrations() -> list[str]:
    """The names of this Folio's migrations, in order (``pending`` on an empty database only reads)."""
    return [m.name for m in migrations.pending(Database(memory=True))]


def check_schema(db: Database) -> None:
    """Refuse, before anything is written, another application's SQLite file or an archive of a newer Folio."""
    tables = set(db.table_names())
    applied = {m.name for m in migrations.applied(db)} if migrations.migrations_table in tables else set()
    if tables and not applied:
        shown = ", ".join(sorted(tables)[:3]) + (", …" if len(tables) > 3 else "")
        raise SchemaError(f"not a Folio archive (it has tables {shown} but no Folio migrations); left unchanged")
    known = known_migrations()
    unknown = sorted(applied - set(known))
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if unknown or version > len(known):
        what = f"migration {unknown[0]!r}" if unknown else f"schema version {version}"
        raise SchemaError(f"made by a newer Folio ({what} is unknown to this one); upgrade Folio to use it. "
                          "Left unchanged")


def migrate(db: Database) -> None:
    """Check the file is ours, apply every pending migration, and switch it to WAL for readers during a crawl."""
    check_schema(db)
    db.enable_wal()
    pending = [m.name for m in migrations.pending(db)]
    for following in [*pending[1:], None] if pending else []:
        migrations.apply(db, stop_before=following)  # one at a time: the next is `following`
        # Each migration's pages go into the file before the next: the log of a new archive would otherwise
        # grow to about a megabyte (every table rewritten by later migrations), room a small disk needs.
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    version = len(known_migrations())
    if db.execute("PRAGMA user_version").fetchone()[0] != version:
        db.execute(f"PRAGMA user_version = {version}")  # lets an older Folio see the file is newer
