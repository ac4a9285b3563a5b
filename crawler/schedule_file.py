"""The schedule file: one cron expression (and how to run the crawl) per site, checked before anything runs."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from croniter import croniter

from crawler import sites

ENTRY_KEYS = {"cron", "base_url", "settings", "dispatch", "scrapyd_url", "project", "redis_url", "workers",
              "scrapyd_urls"}


class ScheduleError(Exception):
    """The schedule file cannot be used; the message says why in one line."""


@dataclass(frozen=True)
class Entry:
    """One site's place in the schedule: when to crawl it, and how."""

    site: str
    cron: str
    base_url: str | None = None
    settings: dict = field(default_factory=dict)
    dispatch: str = "local"  # or "scrapyd"
    scrapyd_url: str | None = None
    project: str = "folio"  # the scrapyd project the egg was deployed as
    redis_url: str | None = None  # set: `workers` scrapyd jobs share the crawl (crawler/scrapyd_workers.py)
    workers: int = 1
    scrapyd_urls: tuple[str, ...] = ()  # the scrapyds the workers are spread over (default: scrapyd_url)


@dataclass(frozen=True)
class Schedule:
    """The parsed schedule file: entries in file order and the timezone cron times are read in."""

    entries: tuple[Entry, ...]
    tz: timezone | ZoneInfo


def load_schedule(path: Path) -> Schedule:
    """Read and check a schedule file, or raise ScheduleError naming the first problem."""
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise ScheduleError(f"cannot read the schedule file {path}: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ScheduleError(f"{path}: not valid TOML: {exc}") from None
    if unknown := sorted(set(data) - {"sites", "timezone"}):
        raise ScheduleError(f"{path}: unknown key(s) {', '.join(unknown)}; sites go in [sites.SLUG] tables")
    try:
        tz = ZoneInfo(data["timezone"]) if "timezone" in data else datetime.now().astimezone().tzinfo
    except (ZoneInfoNotFoundError, ValueError):
        raise ScheduleError(f"{path}: unknown timezone {data['timezone']!r}") from None
    tables = data.get("sites")
    if not isinstance(tables, dict) or not tables:
        raise ScheduleError(f"{path}: no sites; add a [sites.SLUG] table with a cron expression")
    return Schedule(tuple(_entry(path, slug, table) for slug, table in tables.items()), tz)


def _entry(path: Path, slug: str, table) -> Entry:
    where = f"{path}: [sites.{slug}]"
    if not isinstance(table, dict) or not isinstance(table.get("settings", {}), dict):
        raise ScheduleError(f"{where} must be a table (with settings a table of Scrapy settings)")
    if unknown := sorted(set(table) - ENTRY_KEYS):
        raise ScheduleError(f"{where}: unknown key(s) {', '.join(unknown)}")
    cron = table.get("cron")
    if not isinstance(cron, str) or not croniter.is_valid(cron):
        raise ScheduleError(f"{where}: cron {cron!r} is not a cron expression (e.g. \"0 */6 * * *\")")
    entry = Entry(site=slug, **table)
    if entry.dispatch not in ("local", "scrapyd"):
        raise ScheduleError(f"{where}: dispatch must be \"local\" or \"scrapyd\", not {entry.dispatch!r}")
    if entry.dispatch == "scrapyd" and not (entry.scrapyd_url or entry.scrapyd_urls):
        raise ScheduleError(f"{where}: dispatch = \"scrapyd\" needs scrapyd_url")
    if entry.redis_url and (entry.dispatch != "scrapyd" or not isinstance(entry.workers, int) or entry.workers < 1):
        raise ScheduleError(f"{where}: redis_url needs dispatch = \"scrapyd\" and workers = a number from 1")
    try:
        profile = sites.load(slug)
        (profile.with_base_url(entry.base_url) if entry.base_url else profile).check_runnable()
    except sites.ProfileError as exc:
        raise ScheduleError(f"{where}: {str(exc).replace('--base-url', 'base_url')}") from None
    return entry


def last_fire(cron: str, now: datetime) -> datetime:
    """The latest time at or before ``now`` that ``cron`` names."""
    return croniter(cron, now.replace(microsecond=0) + timedelta(seconds=1)).get_prev(datetime)


def next_fire(cron: str, now: datetime) -> datetime:
    """The first time after ``now`` that ``cron`` names."""
    return croniter(cron, now).get_next(datetime)


def is_due(cron: str, last_start: datetime | None, now: datetime) -> bool:
    """Due when the site has not run since its latest scheduled time (never run: due at once)."""
    return last_start is None or last_fire(cron, now) > last_start
