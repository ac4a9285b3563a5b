"""The `crawls` table: one row per crawl run, opened, updated and closed by the process that runs it."""
from __future__ import annotations

import json
import logging
import os
from pathlib import Path

from sqlite_utils import Database

from archive.opening import write_transaction
from archive.rows import now

logger = logging.getLogger(__name__)


class CrawlLog:
    """Records crawl runs in `crawls`; mixed into Archive, which provides ``db``."""

    db: Database

    def start_crawl(self, site: str, **details) -> int:
        """Insert a running `crawls` row; ``details``: trigger, log_file, dispatched_to."""
        with write_transaction(self.db):
            return self.db["crawls"].insert({"site": site, "started": now(), "outcome": "running", **details}).last_pk

    def skip_crawl(self, site: str, reason: str, **details) -> int:
        """Record a run that was due but not started (``reason`` becomes its outcome)."""
        with write_transaction(self.db):
            stamp = now()
            return self.db["crawls"].insert({"site": site, "started": stamp, "finished": stamp, "outcome": reason,
                                             **details}).last_pk

    def update_crawl(self, crawl_id: int, **columns) -> None:
        """Set columns of a `crawls` row, e.g. where its log is or where it was dispatched."""
        with write_transaction(self.db):
            self.db["crawls"].update(crawl_id, columns)

    def end_crawl_process(self, crawl_id: int, exit_code: int | None, *, crash: str) -> dict:
        """Record how a run's process ended; a row still "running" (it crashed) gets ``crash`` as outcome."""
        with write_transaction(self.db):
            self.db.execute(
                "update crawls set exit_code = ?, finished = coalesce(finished, ?),"
                " outcome = case when outcome = 'running' then ? else outcome end where id = ?",
                [exit_code, now(), crash, crawl_id],
            )
        return self.db["crawls"].get(crawl_id)

    def close_stale_crawls(self) -> list[int]:
        """Close the "running" rows of crawl processes that are gone (killed or crashed); their ids."""
        # Runs dispatched to scrapyd may live on another machine; the scheduler closes those itself.
        rows = self.db.execute("select id, pid from crawls where outcome = 'running' and pid is not null"
                               " and dispatched_to is null").fetchall()
        stale = [crawl_id for crawl_id, pid in rows if not process_alive(pid)]
        if stale:
            with write_transaction(self.db):
                self.db.execute(
                    f"update crawls set outcome = 'crashed', finished = ? where id in ({','.join('?' * len(stale))})"
                    " and outcome = 'running'", [now(), *stale])
            logger.warning("crawl run(s) %s ended without recording an outcome (killed or crashed); "
                           "closed as 'crashed'", ", ".join(map(str, stale)))
        return stale

    def finish_crawl(self, crawl_id: int, *, outcome: str, counts: dict, stats: dict) -> None:
        """Close a run's row with its outcome, counters and Scrapy's stats."""
        row = {"finished": now(), "outcome": outcome, **counts, "stats": json.dumps(stats, default=str, sort_keys=True)}
        with write_transaction(self.db):
            self.db["crawls"].update(crawl_id, row)


def process_alive(pid: int) -> bool:
    """Whether process ``pid`` still runs on this machine (a zombie awaiting its parent does not)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process: alive
        return True
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):  # no /proc (not Linux): trust the signal check
        return True

