"""A scheduled crawl shared by several scrapyd jobs: `redis_url` and `workers` in a schedule entry.

The scheduler starts the crawl on the frontier, asks the entry's scrapyds (round robin) for one job
per worker with FOLIO_REDIS_URL set, and runs the archive writer beside the archive unless one is
already running there. The run ends when every job has finished and the writer has exited.
"""
from __future__ import annotations

import subprocess
import sys
import urllib.parse

from crawler.frontier import connect, prepare_frontier
from crawler.scrapyd_api import call_scrapyd, setting_value


def launch_workers(scheduler, run) -> str:
    """Start the shared crawl of ``run``; where it went, for the log. OSError when it cannot start."""
    entry = run.entry
    try:
        server = connect(entry.redis_url)
    except ValueError as exc:
        raise OSError(str(exc)) from None
    prepare_frontier(server, entry.site)
    urls = list(entry.scrapyd_urls) or [entry.scrapyd_url]
    for n in range(entry.workers):
        url = urls[n % len(urls)]
        fields = [("project", entry.project), ("spider", "article"), ("site", entry.site),
                  ("setting", f"FOLIO_REDIS_URL={entry.redis_url}"),
                  ("setting", f"FOLIO_WORKER_ID={entry.site}-{run.crawl_id}-{n + 1}"),
                  ("setting", f"FOLIO_CRAWL_ID={run.crawl_id}"),  # the writer fills in this row's counts
                  ("setting", f"ARCHIVE_DB={scheduler.db_path}")]  # read only, where the host has it
        fields += [("base_url", entry.base_url)] if entry.base_url else []
        fields += [("setting", f"{name}={setting_value(value)}") for name, value in entry.settings.items()]
        answer = call_scrapyd(url, "schedule.json", data=urllib.parse.urlencode(fields).encode())
        run.jobs.append((url, answer["jobid"]))
    if not server.get("folio:items:writer"):
        log = scheduler.db_path.parent / "logs" / entry.site / f"writer-{run.crawl_id}.log"
        log.parent.mkdir(parents=True, exist_ok=True)
        with open(log, "ab") as output:
            run.process = subprocess.Popen(
                [sys.executable, "-m", "crawler.cli", "archive-writer", "--redis", entry.redis_url,
                 "--db", str(scheduler.db_path), "--until-done"], stdin=subprocess.DEVNULL, stdout=output,
                stderr=output, pass_fds=(run.lock,))
    where = ", ".join(f"scrapyd {url} job {job}" for url, job in run.jobs)
    scheduler.archive.update_crawl(run.crawl_id, dispatched_to=where)
    return f"{entry.workers} worker(s) on {entry.redis_url}: {where}"


def workers_done(scheduler, run) -> str | None:
    """None while a worker job or the writer runs; else the outcome to record (the row is finished here)."""
    states: dict[str, dict[str, str]] = {}
    for url, job in run.jobs:
        if url not in states:
            try:
                listed = call_scrapyd(url, f"listjobs.json?project={run.entry.project}")
            except OSError:
                return None  # unreachable for now: keep waiting (the writer waits for live workers too)
            states[url] = {j["id"]: state for state in ("pending", "running", "finished") for j in listed.get(state, [])}
        if states[url].get(job) != "finished":
            return None
    if run.process is not None and run.process.poll() is None:
        return None
    code = run.process.returncode if run.process else 0
    outcome = "finished" if code == 0 else f"crashed (archive writer exit {code})"
    scheduler.archive.finish_crawl(run.crawl_id, outcome=outcome, counts={}, stats={"jobs": run.jobs})
    return outcome
