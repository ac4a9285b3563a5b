"""Scheduled crawls: a TOML file of cron expressions; each run is its own process, one at a time per site."""
from __future__ import annotations

import fcntl
import logging
import os
import subprocess
import sys
import time
import urllib.parse
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from archive.store import Archive
from crawler.schedule_file import (  # noqa: F401 - the schedule's names, importable from here as before
    ENTRY_KEYS, Entry, Schedule, ScheduleError, is_due, last_fire, load_schedule, next_fire,
)
from crawler.scrapyd_api import call_scrapyd, setting_value
from crawler.scrapyd_workers import launch_workers, workers_done

logger = logging.getLogger(__name__)

POLL_SECONDS = 0.5  # how often running crawls (and scrapyd jobs) are checked
SCRAPYD_GIVE_UP_SECONDS = 600  # a dispatched run is given up when scrapyd has not listed it this long


def last_runs(archive: Archive) -> dict[str, tuple[datetime, str]]:
    """Each site's latest scheduled run (or skipped run): when it started, and its outcome."""
    sql = "select site, max(id), started, outcome from crawls where trigger = 'schedule' group by site"
    return {site: (datetime.fromisoformat(started), outcome) for site, _, started, outcome in archive.db.execute(sql)}


def listing(schedule: Schedule, archive: Archive, now: datetime) -> list[str]:
    """One line per site: its cron expression, its next run, and how its last scheduled run went."""
    lines, runs = [], last_runs(archive)
    for entry in schedule.entries:
        last, outcome = runs.get(entry.site, (None, None))
        when = "due now" if is_due(entry.cron, last, now) else f"{next_fire(entry.cron, now):%Y-%m-%d %H:%M:%S %Z}"
        where = f" via scrapyd {entry.scrapyd_url}" if entry.dispatch == "scrapyd" else ""
        previous = f"last {last.astimezone(schedule.tz):%Y-%m-%d %H:%M:%S} {outcome}" if last else "never run"
        lines.append(f"{entry.site:<14} {entry.cron:<16} next {when}{where}  ({previous})")
    return lines


def lock_path(db_path: Path, site: str) -> Path:
    """The lock file that keeps two crawls of one site apart, beside the archive."""
    return db_path.with_name(f"{db_path.name}.{site}.lock")


def try_lock(path: Path) -> int | None:
    """An open descriptor holding an exclusive flock on ``path``, or None if another holder has it."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        return None
    return fd


@dataclass
class Run:
    """A crawl the scheduler started and is waiting for."""

    entry: Entry
    crawl_id: int
    lock: int
    started: float
    process: subprocess.Popen | None = None
    job: str | None = None  # scrapyd job id
    jobs: list[tuple[str, str]] = field(default_factory=list)  # (scrapyd URL, job id) of a shared crawl's workers
    unseen_since: float | None = None  # when scrapyd stopped answering for the job


class Scheduler:
    """Starts due crawls (a process each, or a scrapyd job), waits for them and records how they ended."""

    def __init__(self, schedule: Schedule, db_path: Path, *, report: Callable[[str], None] = logger.info):
        self.schedule = schedule
        self.db_path = Path(db_path).resolve()
        self.report = report
        self.archive = Archive(self.db_path)
        self.last = {site: started for site, (started, _) in last_runs(self.archive).items()}
        self.running: dict[str, Run] = {}
        self.started = 0
        self.failed: list[str] = []

    def now(self) -> datetime:
        """The current time in the schedule's timezone."""
        return datetime.now(self.schedule.tz)

    def run(self, *, once: bool = False, max_runs: int | None = None) -> None:
        """Start what is due; with ``once`` wait for those runs and return, else go on until ``max_runs``."""
        try:
            while True:
                self.start_due(max_runs)
                self.poll()
                if not self.running and (once or (max_runs is not None and self.started >= max_runs)):
                    return
                time.sleep(self.pause())
        finally:
            for run in list(self.running.values()):
                self.end(run, run.process.wait() if run.process else None, "scheduler stopped")
            self.archive.close()

    def pause(self) -> float:
        now = self.now()
        upcoming = min(next_fire(e.cron, now) for e in self.schedule.entries)
        return min(max((upcoming - now).total_seconds(), 0.05), POLL_SECONDS if self.running else 60.0)

    def start_due(self, max_runs: int | None = None) -> None:
        now = self.now()
        for entry in self.schedule.entries:
            if (max_runs is None or self.started < max_runs) and is_due(entry.cron, self.last.get(entry.site), now):
                self.last[entry.site] = now
                self.start(entry)

    def start(self, entry: Entry) -> None:
        """Start one run of ``entry``, unless a crawl of its site holds the lock (then record a skip)."""
        lock = try_lock(lock_path(self.db_path, entry.site))
        if lock is None:
            reason = f"a crawl of {entry.site} is already running"
            crawl_id = self.archive.skip_crawl(entry.site, f"skipped: {reason}", trigger="schedule")
            self.report(f"skip  {entry.site} (crawl {crawl_id}): {reason} (lock {lock_path(self.db_path, entry.site)})")
            return
        self.started += 1
        run = Run(entry, self.archive.start_crawl(entry.site, trigger="schedule"), lock, time.monotonic())
        try:
            if entry.redis_url:
                where = launch_workers(self, run)
            else:
                where = self.launchcall_scrapyd(run) if entry.dispatch == "scrapyd" else self.launch_local(run)
        except OSError as exc:  # scrapyd unreachable or answering an error: recorded, the schedule goes on
            self.report(f"start {entry.site} (crawl {run.crawl_id}) failed: {exc}")
            self.end(run, None, f"failed to start: {exc}")
            return
        self.running[entry.site] = run
        self.report(f"start {entry.site} (crawl {run.crawl_id}, {where})")

    def launch_local(self, run: Run) -> str:
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
        log = self.db_path.parent / "logs" / run.entry.site / f"{stamp}-{run.crawl_id}.log"
        log.parent.mkdir(parents=True, exist_ok=True)
        command = [sys.executable, "-m", "crawler.cli", "crawl", run.entry.site, "--db", str(self.db_path),
                   "--log-file", str(log), "-s", f"FOLIO_CRAWL_ID={run.crawl_id}"]
        command += ["--base-url", run.entry.base_url] if run.entry.base_url else []
        command += [arg for name, value in run.entry.settings.items() for arg in ("-s", f"{name}={setting_value(value)}")]
        self.archive.update_crawl(run.crawl_id, log_file=str(log))
        with open(log, "ab") as output:  # tracebacks of a crash land beside Scrapy's log
            # The child shares the lock, so it stays held even if this scheduler dies first.
            run.process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=output, stderr=output,
                                           pass_fds=(run.lock,))
        return f"pid {run.process.pid}, log {log}"

    def launchcall_scrapyd(self, run: Run) -> str:
        entry = run.entry
        fields = [("project", entry.project), ("spider", "article"), ("site", entry.site),
                  ("setting", f"ARCHIVE_DB={self.db_path}"), ("setting", f"FOLIO_CRAWL_ID={run.crawl_id}")]
        fields += [("base_url", entry.base_url)] if entry.base_url else []
        fields += [("setting", f"{name}={setting_value(value)}") for name, value in entry.settings.items()]
        answer = call_scrapyd(entry.scrapyd_url, "schedule.json", data=urllib.parse.urlencode(fields).encode())
        run.job = answer["jobid"]
        log = urllib.parse.urljoin(entry.scrapyd_url, f"logs/{entry.project}/article/{run.job}.log")
        where = f"scrapyd {entry.scrapyd_url} job {run.job}"
        self.archive.update_crawl(run.crawl_id, dispatched_to=where, log_file=log)
        return where

    def poll(self) -> None:
        """Record the runs that have ended."""
        for run in list(self.running.values()):
            if run.jobs:
                if (outcome := workers_done(self, run)) is not None:
                    self.end(run, run.process.returncode if run.process else None, outcome)
            elif run.process is not None:
                if (code := run.process.poll()) is not None:
                    self.end(run, code, f"crashed (exit {code})")
            elif state := self.job_state(run):
                self.end(run, None, state)

    def job_state(self, run: Run) -> str | None:
        """None while a scrapyd job is queued or running; the outcome to record if its crawl did not finish."""
        try:
            jobs = call_scrapyd(run.entry.scrapyd_url, f"listjobs.json?project={run.entry.project}")
            listed = {job["id"]: state for state in ("pending", "running", "finished") for job in jobs.get(state, [])}
        except OSError as exc:
            listed, problem = {}, f"scrapyd unreachable ({exc})"
        else:
            problem = "scrapyd no longer lists the job (restarted?)"
        if run.job in listed:
            run.unseen_since = None
            return "crashed (scrapyd job ended before the crawl finished)" if listed[run.job] == "finished" else None
        run.unseen_since = run.unseen_since or time.monotonic()
        return f"lost: {problem}" if time.monotonic() - run.unseen_since > SCRAPYD_GIVE_UP_SECONDS else None

    def end(self, run: Run, code: int | None, crash: str) -> None:
        row = self.archive.end_crawl_process(run.crawl_id, code, crash=crash)
        os.close(run.lock)
        self.running.pop(run.entry.site, None)
        if row["outcome"] != "finished":
            self.failed.append(f"{run.entry.site} {row['outcome']}")
        self.report(f"end   {run.entry.site} (crawl {run.crawl_id}): {row['outcome']}, {row['articles_stored'] or 0} "
                    f"stored, {row['articles_unchanged'] or 0} unchanged, {row['pages_fetched'] or 0} pages, exit "
                    f"{'-' if code is None else code}, {time.monotonic() - run.started:.1f}s")
