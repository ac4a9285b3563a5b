"""The `crawls` row of a crawl shared by several workers: gathered in Redis, written by the archive writer.

A single-process crawl records its own row. Workers of a shared crawl must not write the archive, so
each adds its part to one Redis hash per site (when it started, pages fetched, errors, how it ended)
and the writer adds the articles it saved. Once no worker of the site is alive and its frontier and
the article list are empty, the writer turns the hash into one `crawls` row (or fills in the row that
`folio schedule` made for the run) and deletes it.
"""
from __future__ import annotations

import json

import redis

from archive.rows import now
from archive.store import Archive

COUNTS = ("pages_fetched", "errors", "articles_stored", "articles_unchanged", "articles_incomplete")


def run_key(site: str) -> str:
    """The Redis hash holding the figures of ``site``'s shared crawl until the writer records them."""
    return f"folio:{site}:run"


def note_start(server: redis.Redis, site: str, *, crawl_id: int | None = None) -> None:
    """A worker joined (or `folio schedule` started) the crawl of ``site``: the run starts now unless it has."""
    server.hsetnx(run_key(site), "started", now())
    if crawl_id:
        server.hset(run_key(site), "crawl_id", crawl_id)


def note_worker_end(server: redis.Redis, site: str, stats: dict, reason: str) -> None:
    """Add one worker run's pages and errors; a worker that did not finish marks the crawl with its reason."""
    errors = stats.get("folio/pages/failed", 0) + stats.get("log_count/ERROR", 0)  # as the Store counts them
    with server.pipeline() as pipe:
        pipe.hincrby(run_key(site), "pages_fetched", stats.get("folio/pages/fetched", 0))
        pipe.hincrby(run_key(site), "errors", errors)
        pipe.hincrby(run_key(site), "workers", 1)
        if reason != "finished":
            pipe.hset(run_key(site), "outcome", reason)
        pipe.execute()


def note_saved(server: redis.Redis, counts: dict[str, dict[str, int]]) -> None:
    """Add the articles the writer just committed, per site: {site: {column: n}}."""
    with server.pipeline() as pipe:
        for site, columns in counts.items():
            for column, n in columns.items():
                pipe.hincrby(run_key(site), column, n)
        pipe.execute()


def record_finished(server: redis.Redis, archive: Archive) -> list[int]:
    """Write the `crawls` row of every shared crawl that is over; their ids."""
    from crawler.frontier import frontier_state  # here: crawler.frontier imports this module

    ids = []
    for key in server.scan_iter(match=run_key("*"), count=100):
        site = key.decode().split(":")[1]
        state = frontier_state(server, site)
        if state["queued"] or state["parked"] or next(server.scan_iter(match=f"folio:alive:{site}:*"), None):
            continue
        run = {k.decode(): v.decode() for k, v in server.hgetall(key).items()}
        row = {"finished": now(), "outcome": run.get("outcome", "finished"),
               **{c: int(run.get(c, 0)) for c in COUNTS}, "stats": json.dumps({"workers": int(run.get("workers", 0))})}
        if run.get("crawl_id"):  # made by `folio schedule`, which records how its jobs ended
            crawl_id = int(run["crawl_id"])
            archive.update_crawl(crawl_id, **{c: row[c] for c in COUNTS})
        else:
            crawl_id = archive.start_crawl(site, started=run.get("started", row["finished"]), trigger="redis")
            archive.update_crawl(crawl_id, **row)
        server.delete(key)
        ids.append(crawl_id)
    return ids
