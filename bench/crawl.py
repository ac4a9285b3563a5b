"""Crawl throughput and memory: Folio's full pipeline against a bare Scrapy fetch of the same pages.

Usage: python bench/crawl.py [--articles 500,2000] [--workers 1]

For each size it serves a generated sample site (1-5 pages per article) on 127.0.0.1, then runs
1. a bare Scrapy spider that fetches the same pages and does nothing (bench/bare_spider.py), and
2. `folio crawl bulk` into a fresh SQLite file (extract, reassemble, normalize, store),
each as its own process, and prints pages/s, articles/s and the peak RSS of the whole process tree
(the crawl and its extraction worker). Both runs use the same Scrapy settings, AutoThrottle off.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from crawler.samplesite import SampleSite  # noqa: E402

COMMON = ["-s", "AUTOTHROTTLE_ENABLED=False", "-s", "LOG_LEVEL=WARNING", "-s", "CONCURRENT_REQUESTS=16",
          "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=16"]


def tree_rss_kib(pid: int) -> int:
    """Resident memory of a process and all its descendants, from /proc."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS:")))
            for task in Path(f"/proc/{current}/task").iterdir():
                stack.extend(int(c) for c in (task / "children").read_text().split())
        except (FileNotFoundError, ProcessLookupError, StopIteration):
            continue
    return total


def measure(command: list[str]) -> tuple[float, int]:
    """Wall seconds and peak tree RSS (KiB) of a command, sampled every 50 ms."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=REPO, stdout=subprocess.DEVNULL)
    peak = 0
    while process.poll() is None:
        peak = max(peak, tree_rss_kib(process.pid))
        time.sleep(0.05)
    elapsed = time.perf_counter() - started
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed with exit code {process.returncode}")
    return elapsed, peak


def run_size(articles: int, workers: int) -> dict:
    with SampleSite(bulk_articles=articles) as site, tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "bare.json"
        bare_s, bare_rss = measure([sys.executable, "-m", "scrapy", "runspider", "bench/bare_spider.py",
                                    "-a", f"base_url={site.base_url}", "-a", f"out={out}", *COMMON,
                                    "-s", "ITEM_PIPELINES={}", "-s", "EXTENSIONS={}",
                                    "-s", "HTTPCACHE_ENABLED=False"])
        bare_pages = json.loads(out.read_text())["pages"]
        db = Path(tmp) / "bench.db"
        folio_s, folio_rss = measure([sys.executable, "-m", "crawler.cli", "crawl", "bulk", "--base-url",
                                      site.base_url, "--db", str(db), *COMMON,
                                      "-s", f"FOLIO_EXTRACT_WORKERS={workers}", "-s", "FOLIO_PROGRESS=False"])
        with sqlite3.connect(db) as conn:
            stored = conn.execute("select count(*) from articles where complete = 1").fetchone()[0]
            pages = conn.execute("select count(*) from pages where error is null").fetchone()[0]
    return {
        "articles": articles, "pages": pages, "stored": stored,
        "bare_pages_s": bare_pages / bare_s, "bare_rss_mib": bare_rss / 1024, "bare_pages": bare_pages,
        "folio_pages_s": pages / folio_s, "folio_articles_s": stored / folio_s, "folio_rss_mib": folio_rss / 1024,
    }


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    return f"{os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, {platform.system()}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", default="500,2000", help="comma-separated site sizes (default 500,2000)")
    parser.add_argument("--workers", type=int, default=1, help="extraction processes (FOLIO_EXTRACT_WORKERS)")
    args = parser.parse_args()
    print(f"machine: {machine()}")
    print(f"{'articles':>8} {'pages':>6} | {'bare pages/s':>12} {'bare RSS':>9} | {'folio pages/s':>13} "
          f"{'articles/s':>10} {'peak RSS':>9} | {'ratio':>5}")
    for size in (int(s) for s in args.articles.split(",")):
        r = run_size(size, args.workers)
        if r["stored"] != size or r["pages"] != r["bare_pages"]:
            print(f"warning: stored {r['stored']}/{size} articles, {r['pages']} pages vs bare {r['bare_pages']}")
        print(f"{size:>8} {r['pages']:>6} | {r['bare_pages_s']:>12.0f} {r['bare_rss_mib']:>7.0f}Mi | "
              f"{r['folio_pages_s']:>13.0f} {r['folio_articles_s']:>10.0f} {r['folio_rss_mib']:>7.0f}Mi | "
              f"{r['folio_pages_s'] / r['bare_pages_s']:>5.2f}")


if __name__ == "__main__":
    main()
