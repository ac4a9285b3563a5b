"""Crawl throughput and memory: Folio's full pipeline against a bare Scrapy fetch of the same pages.

Usage: python bench/crawl.py [--articles 2000,20000] [--runs 3] [--workers N] [--profile DIR]

For each size it serves a generated sample site (1-5 pages per article) on 127.0.0.1, then runs
1. a bare Scrapy spider that fetches the same pages and does nothing (bench/bare_spider.py),
2. the same spider running trafilatura.extract on each article page, in a process pool as large as Folio's
   extraction pool (FOLIO_EXTRACT_WORKERS): what any tool that extracts text pays on top of the fetch, and
3. `folio crawl bulk` into a fresh SQLite file (extract, reassemble, normalize, store),
each as its own process, and prints pages/s, the CPU time per page of all processes of the run (the
crawl and its extraction workers; ``crawl``: the crawl process alone) and the peak RSS of the process
tree. All three use the same Scrapy settings, AutoThrottle off; the site's server runs in this process.
``--profile DIR``: each extraction worker leaves a cProfile dump in DIR (FOLIO_WORKER_PROFILE) and the
functions with the most cumulative time over all of them are printed (the profiler slows the workers).
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from crawler.samplesite import SampleSite  # noqa: E402
from crawler.settings import FOLIO_EXTRACT_WORKERS  # noqa: E402

TICKS = os.sysconf("SC_CLK_TCK")

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


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds a live process has used so far, from /proc/PID/stat."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (FileNotFoundError, ProcessLookupError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / TICKS


def measure(command: list[str], env: dict | None = None) -> dict:
    """Wall seconds, peak tree RSS (KiB) and CPU seconds of a command: all its processes, and its main one."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=REPO, stdout=subprocess.DEVNULL, env={**os.environ, **(env or {})})
    peak, main_cpu = 0, 0.0
    while process.poll() is None:
        peak = max(peak, tree_rss_kib(process.pid))
        main_cpu = max(main_cpu, cpu_seconds(process.pid))  # the last sample before it exits
        time.sleep(0.05)
    elapsed = time.perf_counter() - started
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed with exit code {process.returncode}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    # A process's children's times reach its parent when it waits for them, so this counts the workers too.
    total = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return {"seconds": elapsed, "rss": peak, "cpu": total, "main_cpu": main_cpu}


def bare_run(site, tmp: Path, extract: int) -> tuple[dict, int]:
    """A baseline spider's measures and its page count: a bare fetch, or one that extracts with trafilatura."""
    out = tmp / f"bare-{extract}.json"
    measured = measure([sys.executable, "-m", "scrapy", "runspider", "bench/bare_spider.py",
                        "-a", f"base_url={site.base_url}", "-a", f"out={out}", "-a", f"extract={extract}", *COMMON,
                        "-s", "ITEM_PIPELINES={}", "-s", "EXTENSIONS={}", "-s", "HTTPCACHE_ENABLED=False"])
    counts = json.loads(out.read_text())
    if extract and counts["extracted"] != counts["pages"]:
        print(f"warning: trafilatura extracted no text from {counts['pages'] - counts['extracted']} pages")
    return measured, counts["pages"]


def run_size(articles: int, workers: int | None, profile: Path | None = None) -> dict:
    """One side-by-side run: the bare fetch, the fetch with trafilatura, then Folio's crawl, of one generated site."""
    with SampleSite(bulk_articles=articles) as site, tempfile.TemporaryDirectory() as tmp:
        bare, bare_pages = bare_run(site, Path(tmp), 0)
        # trafilatura in as many processes as Folio's extraction has
        traf, traf_pages = bare_run(site, Path(tmp), workers if workers is not None else FOLIO_EXTRACT_WORKERS)
        db = Path(tmp) / "bench.db"
        pool = ["-s", f"FOLIO_EXTRACT_WORKERS={workers}"] if workers is not None else []
        folio = measure([sys.executable, "-m", "crawler.cli", "crawl", "bulk", "--base-url", site.base_url,
                         "--db", str(db), *COMMON, *pool, "-s", "FOLIO_PROGRESS=False"],
                        {"FOLIO_WORKER_PROFILE": str(profile)} if profile else None)
        with sqlite3.connect(db) as conn:
            stored = conn.execute("select count(*) from articles where complete = 1").fetchone()[0]
            pages = conn.execute("select count(*) from pages where error is null").fetchone()[0]
    rate = {"bare": bare_pages / bare["seconds"], "traf": traf_pages / traf["seconds"], "folio": pages / folio["seconds"]}
    return {
        "articles": articles, "pages": pages, "stored": stored, "bare_pages": bare_pages, "traf_pages": traf_pages,
        "bare_pages_s": rate["bare"], "bare_ms": 1000 * bare["cpu"] / bare_pages, "bare_rss_mib": bare["rss"] / 1024,
        "traf_pages_s": rate["traf"], "traf_ms": 1000 * traf["cpu"] / traf_pages,
        "folio_pages_s": rate["folio"], "folio_ms": 1000 * folio["cpu"] / pages,
        "crawl_ms": 1000 * folio["main_cpu"] / pages, "folio_rss_mib": folio["rss"] / 1024,
        "ratio": rate["folio"] / rate["bare"], "ratio_traf": rate["folio"] / rate["traf"],
        "traf_ratio": rate["traf"] / rate["bare"],
    }


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    return f"{os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, {platform.system()}"


HEADER = (f"{'articles':>8} {'pages':>6} | {'bare pages/s':>12} {'CPU/page':>8} {'RSS':>6} | {'+trafilatura':>12} "
          f"{'CPU/page':>8} | {'folio pages/s':>13} {'CPU/page':>8} {'crawl':>6} {'RSS':>6} | {'f/bare':>6} {'f/traf':>6} "
          f"{'t/bare':>6}")


def row(r: dict) -> str:
    """One table line; CPU/page counts every process of the run, ``crawl`` the crawl process alone; the ratios are
    of pages/s: Folio's to the bare fetch's and to trafilatura's, and trafilatura's to the bare fetch's."""
    return (f"{r['articles']:>8} {r['pages']:>6} | {r['bare_pages_s']:>12.0f} {r['bare_ms']:>6.2f}ms "
            f"{r['bare_rss_mib']:>4.0f}Mi | {r['traf_pages_s']:>12.0f} {r['traf_ms']:>6.2f}ms | "
            f"{r['folio_pages_s']:>13.0f} {r['folio_ms']:>6.2f}ms {r['crawl_ms']:>4.2f}ms {r['folio_rss_mib']:>4.0f}Mi | "
            f"{r['ratio']:>6.2f} {r['ratio_traf']:>6.2f} {r['traf_ratio']:>6.2f}")


def demand(r: dict) -> str:
    """What 0.9 of the bare fetch asks of a tool that extracts text, against what trafilatura and Folio reach."""
    return (f"0.9 x bare fetch = {0.9 * r['bare_pages_s']:.0f} pages/s; extracting with trafilatura alone reaches "
            f"{r['traf_ratio']:.2f} x, Folio {r['ratio']:.2f} x ({r['ratio_traf']:.2f} x trafilatura's rate)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", default="2000", help="comma-separated site sizes (default 2000)")
    parser.add_argument("--runs", type=int, default=3, help="side-by-side runs per size; the median is reported")
    parser.add_argument("--workers", type=int, default=None,
                        help="extraction processes (FOLIO_EXTRACT_WORKERS; default: the crawl's own default)")
    parser.add_argument("--profile", type=Path, default=None, metavar="DIR",
                        help="leave each extraction worker's cProfile dump in DIR and print the top functions")
    args = parser.parse_args()
    if args.profile:
        args.profile.mkdir(parents=True, exist_ok=True)
    print(f"machine: {machine()}")
    print(HEADER)
    for size in (int(s) for s in args.articles.split(",")):
        runs = []
        for _ in range(args.runs):
            r = run_size(size, args.workers, args.profile)
            if r["stored"] != size or not r["pages"] == r["bare_pages"] == r["traf_pages"]:
                print(f"warning: stored {r['stored']}/{size} articles, {r['pages']} pages vs bare {r['bare_pages']}"
                      f" and {r['traf_pages']} with trafilatura")
            print(row(r), flush=True)
            runs.append(r)
        median = {key: statistics.median(r[key] for r in runs) for key in runs[0]}
        if len(runs) > 1:
            print(row(median).replace(f"{size:>8}", f"{'median':>8}", 1), flush=True)
        print(demand(median), flush=True)
    if args.profile:
        print_profile(args.profile)


def print_profile(directory: Path, top: int = 30) -> None:
    """The functions with the most cumulative time in the workers' dumps, all runs together."""
    import pstats

    dumps = sorted(directory.glob("worker-*.prof"))
    if dumps:
        pstats.Stats(*map(str, dumps)).sort_stats("cumulative").print_stats(top)


if __name__ == "__main__":
    main()
