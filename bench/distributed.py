"""Distributed crawl cost: 1, 2 and 3 workers on a shared Redis frontier against one `folio crawl` process.

Usage: python bench/distributed.py [--articles 1000] [--workers 1,2,3]

Starts its own redis-server (Debian package redis-server) and the generated sample site on 127.0.0.1.
For each worker count it runs `folio crawl bulk --redis URL --workers N` (N workers and the writer)
into a fresh archive and prints pages/s, the ratio to the single process, and CPU-seconds per page
(all processes of the run: workers, their extraction processes, the writer). Then it fills the
article list with three workers and no writer, and times `folio archive-writer` draining it alone.
"""
from __future__ import annotations

import argparse
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import redis  # noqa: E402

from crawler.samplesite import SampleSite  # noqa: E402
from tests.redis_server import RedisServer  # noqa: E402

FOLIO = [sys.executable, "-m", "crawler.cli"]
FAST = ["-s", "AUTOTHROTTLE_ENABLED=False", "-s", "LOG_LEVEL=WARNING"]


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(command: list[str]) -> tuple[float, float, str]:
    """Wall seconds, CPU seconds of the whole process tree, and stdout+stderr of a command."""
    cpu, started = children_cpu(), time.perf_counter()
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True)
    wall = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr[-3000:]}")
    return wall, children_cpu() - cpu, done.stdout + done.stderr


def crawl(site: SampleSite, server: RedisServer, workers: int, db: Path) -> dict:
    """One crawl of the bulk site; workers=0 is the plain single-process `folio crawl`."""
    redis.Redis.from_url(server.url).flushdb()
    before = Counter(site.fetches())
    extra = ["--redis", server.url, "--workers", str(workers)] if workers else []
    wall, cpu, _ = run([*FOLIO, "crawl", "bulk", "--base-url", site.base_url, "--db", str(db), *extra, *FAST])
    pages = sum((Counter(site.fetches()) - before).values())
    return {"workers": workers, "pages": pages, "wall": wall, "cpu": cpu}


def writer_rate(site: SampleSite, server: RedisServer, db: Path) -> tuple[int, float]:
    """Articles and seconds `folio archive-writer` takes to drain a list filled by three workers."""
    redis.Redis.from_url(server.url).flushdb()
    fill = [subprocess.Popen([*FOLIO, "worker", "bulk", "--redis", server.url, "--base-url", site.base_url,
                              "--worker-id", f"fill{n}", *FAST], cwd=REPO) for n in (1, 2, 3)]
    if any(process.wait() for process in fill):
        raise SystemExit("a worker filling the list failed")
    waiting = redis.Redis.from_url(server.url).llen("folio:items")
    _, _, output = run([*FOLIO, "archive-writer", "--redis", server.url, "--db", str(db), "--until-done", "-v"])
    match = re.search(r"wrote (\d+) article\(s\) in ([\d.]+) s", output)
    if not match or int(match.group(1)) != waiting:
        raise SystemExit(f"the writer did not write the {waiting} waiting articles:\n{output[-2000:]}")
    return waiting, float(match.group(2))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--workers", default="1,2,3")
    args = parser.parse_args()
    counts = [int(n) for n in args.workers.split(",")]
    print(f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}; {args.articles} bulk articles")
    with RedisServer() as server, SampleSite(bulk_articles=args.articles) as site, tempfile.TemporaryDirectory() as tmp:
        rows = [crawl(site, server, n, Path(tmp) / f"w{n}.db") for n in [0, *counts]]
        single = rows[0]["pages"] / rows[0]["wall"]
        print(f"{'run':<22} {'pages':>6} {'wall s':>7} {'pages/s':>8} {'ratio':>6} {'CPU ms/page':>11}")
        for row in rows:
            rate = row["pages"] / row["wall"]
            name = f"{row['workers']} worker(s) + writer" if row["workers"] else "one process (no Redis)"
            print(f"{name:<22} {row['pages']:>6} {row['wall']:>7.1f} {rate:>8.1f} {rate / single:>6.2f} "
                  f"{row['cpu'] / row['pages'] * 1000:>11.2f}")
        articles, seconds = writer_rate(site, server, Path(tmp) / "writer.db")
        print(f"writer alone: {articles} articles from Redis in {seconds:.1f} s = {articles / seconds:.0f} articles/s")


if __name__ == "__main__":
    main()
