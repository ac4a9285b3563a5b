"""Read-only questions the crawler asks the archive: when was this article last seen or captured?"""
from __future__ import annotations

import sqlite3
from pathlib import Path


class ArchiveIndex:
    """A read-only view of an archive file; every answer is None for a file that does not exist yet."""

    def __init__(self, path: Path | str):
        path = Path(path)
        self.conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True) if path.is_file() else None

    def close(self) -> None:
        if self.conn:
            self.conn.close()

    def _one(self, sql: str, *args):
        if self.conn is None:
            return None
        try:
            row = self.conn.execute(sql, args).fetchone()
        except sqlite3.OperationalError:  # an archive made before the table existed
            return None
        return row[0] if row else None

    def last_visit(self, url: str) -> str | None:
        """When a crawl last handled the article at ``url`` with success (ISO 8601 UTC); failures and store errors don't count."""
        return self._one("select checked_at from visits where url = ? and outcome not in ('failed', 'error')", url)

    def last_capture(self, url: str) -> str | None:
        """When the newest stored body of ``url`` was received."""
        return self._one("select max(fetched_at) from captures where url = ?", url)

    def published(self, url: str) -> str | None:
        """The stored article's published date (ISO 8601), if any."""
        return self._one("select published from articles where url = ?", url)
