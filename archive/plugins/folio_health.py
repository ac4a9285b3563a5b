"""Datasette plugin: SQL functions the crawl-health dashboard uses.

folio_next_run(site): the site's next scheduled crawl (UTC, "YYYY-MM-DD HH:MM") when Folio is
served with a schedule file (`folio serve --schedule FILE`, i.e. plugins.folio.schedule), else NULL.
folio_escape(text): text made safe for the dashboard's HTML tables, which insert cells as markup.
"""
from __future__ import annotations

import logging
from datetime import datetime, timezone
from html import escape
from pathlib import Path

from datasette import hookimpl

logger = logging.getLogger(__name__)
_schedules: dict[tuple[str, float], tuple] = {}  # (path, mtime) -> (tz, {site: cron}); read once per change


def schedule_crons(path: str | None) -> tuple:
    """The schedule file's timezone and each site's cron expression ((None, {}) when unset or unreadable)."""
    if not path:
        return None, {}
    from crawler.schedule import ScheduleError, load_schedule

    try:
        key = (path, Path(path).stat().st_mtime)
    except OSError:
        return None, {}
    if key not in _schedules:
        try:
            schedule = load_schedule(Path(path))
        except ScheduleError as error:
            logger.warning("crawl-health: %s", error)
            _schedules[key] = (None, {})
        else:
            _schedules[key] = (schedule.tz, {entry.site: entry.cron for entry in schedule.entries})
    return _schedules[key]


def next_run(path: str | None, site: str | None) -> str | None:
    """When `site` runs next according to the schedule file, in UTC, or None."""
    from crawler.schedule import next_fire

    tz, crons = schedule_crons(path)
    if site not in crons:
        return None
    when = next_fire(crons[site], datetime.now(tz))
    return when.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")


@hookimpl
def prepare_connection(conn, datasette):
    """Register folio_next_run() and folio_escape() on every connection."""
    path = (datasette.plugin_config("folio") or {}).get("schedule")
    conn.create_function("folio_next_run", 1, lambda site: next_run(path, site), deterministic=False)
    conn.create_function("folio_escape", 1, lambda text: None if text is None else escape(str(text)),
                         deterministic=True)
