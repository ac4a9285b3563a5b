"""Opening the archive file: checked, migrated, in WAL mode; and the write transaction every writer uses."""
from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from pathlib import Path

from sqlite_utils import Database

from archive.schema import SchemaError, migrate

DEFAULT_DB = Path(__file__).parent / "folio.db"

BUSY_TIMEOUT = 60.0


class ArchiveError(Exception):
    """The archive file cannot be opened or written; the message says why in one line."""


@contextmanager
def write_transaction(db: Database):
    """One transaction that takes the write lock first (BEGIN IMMEDIATE).

    A deferred transaction that reads and then writes fails at once in WAL mode when another
    process committed in between; taking the lock up front makes the other writers wait instead.
    sqlite-utils' own writes inside it become savepoints.
    """
    if db.conn.in_transaction:  # inside a batch (archive/batch_writer.py): the batch's transaction holds the lock
        yield db
        return
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        if db.conn.in_transaction:
            db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def open_archive(path: Path | str) -> Database:
    """Open (creating if needed) and migrate the archive at ``path``, or raise ArchiveError."""
    path = Path(path)
    if path.is_dir():
        raise ArchiveError(f"{path} is a folder; give a file path such as {path / 'folio.db'}")
    if not path.parent.exists():
        raise ArchiveError(f"cannot create the archive {path}: folder {path.parent} does not exist")
    try:
        # Several processes may write one archive (scheduled crawls of different sites): a writer
        # waits up to BUSY_TIMEOUT seconds for another's transaction instead of failing at once.
        db = Database(sqlite3.connect(path, timeout=BUSY_TIMEOUT))
        db.execute("PRAGMA synchronous=NORMAL")  # safe in WAL mode, and far fewer fsyncs
        migrate(db)
    except SchemaError as exc:
        db.close()
        raise ArchiveError(f"cannot use {path}: {exc}") from None
    except sqlite3.DatabaseError as exc:
        raise ArchiveError(f"cannot use {path} as an archive: {exc}") from None
    except OSError as exc:
        raise ArchiveError(f"cannot write the archive {path}: {exc.strerror or exc}") from None
    return db

