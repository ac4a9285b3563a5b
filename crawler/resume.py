"""`folio crawl --resume DIR`: the archive, not a scheduler queue, says what an interrupted crawl still lacks.

Scrapy's JOBDIR keeps its request queue and its seen-requests filter in separate files; a crawl killed
with SIGKILL leaves them out of step (or half written), and the resumed crawl then filters listing
pages whose articles were never fetched. Instead, DIR holds one small file naming the moment the
interrupted crawl began: the resumed crawl fetches the listings again and skips every article the
archive recorded a visit of since then. Articles in flight when the crawl died were not stored, so
they are fetched again whole; a transaction either committed or left nothing behind.
"""
from __future__ import annotations

import json
import logging
import os
from datetime import datetime, timezone
from pathlib import Path

logger = logging.getLogger(__name__)

STATE_FILE = "folio-resume.json"


class ResumeState:
    """The state folder of one crawl job: when its interrupted run started, if one was interrupted."""

    def __init__(self, folder: Path | str):
        self.folder = Path(folder)
        self.path = self.folder / STATE_FILE

    def begin(self) -> str | None:
        """The start of the interrupted crawl this one resumes, or None after writing a fresh start."""
        since = self._read()
        if since:
            return since
        self.folder.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(timezone.utc).isoformat(timespec="seconds")
        partial = self.path.with_suffix(".tmp")
        partial.write_text(json.dumps({"since": stamp}))
        os.replace(partial, self.path)  # atomic: a kill leaves the old file or the new one, never half of it
        return None

    def finish(self) -> None:
        """The crawl ran to its end: the next run with this folder starts afresh."""
        self.path.unlink(missing_ok=True)

    def _read(self) -> str | None:
        try:
            since = json.loads(self.path.read_text()).get("since")
        except FileNotFoundError:
            return None
        except (OSError, ValueError, AttributeError) as exc:
            logger.warning("%s is unreadable (%s); the crawl starts afresh", self.path, exc)
            return None
        return since if isinstance(since, str) and since else None
