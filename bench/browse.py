"""Datasette on a large archive: p50/p95 of the requests readers make, served in-process.

Usage: python bench/browse.py [--articles 100000] [--db /tmp/folio-bench.db] [--repeat 7]

Builds (once; an existing --db is migrated and reused) an archive of generated articles through the real schema,
FTS triggers included: five sites, sections, authors, ten years of dates, 5% of articles with a
second version, 2% incomplete, and a rare word in ten articles. Then times each request with
Datasette's own in-process client (no HTTP), after one warm-up request.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import quote

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from archive.publish import datasette_app  # noqa: E402
from archive.rows import text_of_html  # noqa: E402
from archive.store import Archive  # noqa: E402
from crawler.samplesite import bulk  # noqa: E402

SITES = ("medwire", "dailyhealth", "wellbeing", "bulk", "web")
SECTIONS = ("Health News", "Heart Health", "Nutrition", "Sleep", "Children's Health", "Mental Health")
RARE = "zymurgy"
# sorts whose second page has to read an index in the first page's order
SECOND_PAGES = {"sort by title desc, page 2": "_sort_desc=title", "sort by site, page 2": "_sort=site",
                "sort by published asc, page 2": "_sort=published"}


def article(number: int, rng: random.Random) -> dict:
    words = [rng.choice(bulk._WORDS) for _ in range(rng.randint(250, 600))]
    if number % 10_000 == 7:
        words[5] = RARE
    body = "\n".join(f"<p>{' '.join(words[i:i + 40]).capitalize()}.</p>" for i in range(0, len(words), 40))
    site, missing = SITES[number % 5], rng.random() < 0.02
    url = f"https://{site}.example/news/{number}"
    return {
        "id": f"{number:016x}", "site": site, "url": url, "canonical_url": url,
        "title": " ".join(rng.choice(bulk._WORDS) for _ in range(7)).title(),
        "authors": json.dumps(rng.sample(bulk._AUTHORS, rng.randint(1, 2))), "section": rng.choice(SECTIONS),
        "published": (date(2016, 1, 1) + timedelta(days=rng.randrange(3650))).isoformat(), "language": "en",
        "body_html": body, "word_count": len(words), "page_count": 3, "complete": 0 if missing else 1,
        "missing_pages": json.dumps([url + "?page=3"] if missing else []), "content_hash": f"h{number}",
        "first_seen": "2026-01-01T00:00:00+00:00", "updated": "2026-01-01T00:00:00+00:00",
        "version_count": 2 if number % 20 == 0 else 1,
    }


def build(path: Path, count: int) -> None:
    """Articles, versions and a few crawls, 5,000 articles per transaction, FTS triggers firing.

    As the store writes them: body_html stored, body_text generated from it (archive.rows).
    """
    archive = Archive(path)
    conn, rng = archive.conn, random.Random(13)
    columns = None
    for start in range(0, count, 5000):
        rows = [article(n, rng) for n in range(start, min(count, start + 5000))]
        columns = columns or list(rows[0])
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany(f"insert into articles ({', '.join(columns)}) values ({', '.join('?' * len(columns))})",
                         [[r[c] for c in columns] for r in rows])
        conn.executemany("insert into article_versions (article_id, version, captured_at, title, body_text, "
                         "content_hash) values (?, ?, ?, ?, ?, ?)",
                         [(r["id"], v, f"2026-0{v}-01T00:00:00+00:00", r["title"],
                           text_of_html(r["body_html"]) if v < r["version_count"] else None, f"{r['content_hash']}-{v}")
                          for r in rows for v in range(1, r["version_count"] + 1)])
        conn.execute("COMMIT")
    conn.execute("BEGIN IMMEDIATE")
    conn.executemany("insert into crawls (site, started, finished, outcome, pages_fetched) values (?, ?, ?, ?, ?)",
                     [(s, f"2026-01-{d:02d}T00:00:00+00:00", f"2026-01-{d:02d}T01:00:00+00:00", "finished", 100)
                      for s in SITES for d in range(1, 29)])
    conn.execute("COMMIT")
    archive.close()


def requests(db: str, article_id: str, next_page: str, pages: dict[str, str]) -> dict[str, str]:
    """The requests the issue lists, on database ``db`` (the file's stem), and second pages (``pages``: their tokens)."""
    return {
        f"rare _search ({RARE})": f"/{db}/articles?_search={RARE}",
        "common _search (patients)": f"/{db}/articles?_search=patients",
        "common _search, counted all": f"/{db}/articles?_search=patients&_count_rows=1",
        "articles list + facets": f"/{db}/articles",
        "articles.json + facets": f"/{db}/articles.json",
        "one article page": f"/{db}/articles/{article_id}",
        "sort by published, 50": f"/{db}/articles?_sort=published&_size=50",
        "sort by title, 50": f"/{db}/articles?_sort=title&_size=50",
        "common _search by title": f"/{db}/articles?_search=patients&_sort=title",
        "common _search, page 2": f"/{db}/articles?_search=patients&_next={next_page}",
        **{name: f"/{db}/articles?{SECOND_PAGES[name]}&_size=50&_next={token}" for name, token in pages.items()},
        "latest_per_site": f"/{db}/latest_per_site",
        "articles_by_section": f"/{db}/articles_by_section?section=Nutrition",
        "incomplete_articles": f"/{db}/incomplete_articles",
        "crawl_history": f"/{db}/crawl_history",
        "changed_articles": f"/{db}/changed_articles",
        f"articles_mentioning ({RARE})": f"/{db}/articles_mentioning?term={RARE}",
    }


async def measure(path: Path, repeat: int) -> None:
    """p50/p95 wall time per request, and the p50 CPU time the process spent on it (all its threads):
    on a shared machine the wall time follows the load, the CPU time much less."""
    ds = datasette_app(path)
    print(f"{'request':<32} {'status':>6} {'p50 ms':>8} {'p95 ms':>8} {'cpu ms':>8}")
    first = await ds.client.get(f"/{path.stem}/articles.json?_search=patients&_col=id")
    pages = {name: quote((await ds.client.get(f"/{path.stem}/articles.json?{sort}&_size=50&_col=id")).json()["next"])
             for name, sort in SECOND_PAGES.items()}
    for name, url in requests(path.stem, f"{50:016x}", quote(first.json()["next"]), pages).items():
        status = (await ds.client.get(url)).status_code  # warm-up
        times, cpu = [], []
        for _ in range(repeat):
            started, used = time.perf_counter(), time.process_time()
            status = (await ds.client.get(url)).status_code
            times.append(1000 * (time.perf_counter() - started))
            cpu.append(1000 * (time.process_time() - used))
        times.sort()
        p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
        print(f"{name:<32} {status:>6} {statistics.median(times):>8.1f} {p95:>8.1f} {statistics.median(cpu):>8.1f}",
              flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--db", type=Path, default=Path("/tmp/folio-bench.db"))
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    started = time.perf_counter()
    if not args.db.exists():
        build(args.db, args.articles)
        print(f"built {args.articles:,} articles in {time.perf_counter() - started:.0f} s: "
              f"{args.db.stat().st_size / 2**20:,.0f} MiB")
    else:  # an archive built by an older schema: its pending migrations first, as `folio` would apply them
        Archive(args.db).close()
        print(f"opened and migrated in {time.perf_counter() - started:.0f} s")
    asyncio.run(measure(args.db, args.repeat))


if __name__ == "__main__":
    main()
