"""Does `folio rebuild` call the same articles complete as the crawl that stored them?

Usage: python bench/rebuild_agreement.py [--family dev|heldout|fresh|blind|fifth|sixth|seventh ...] [--seed N]

Crawls every article of a conventions-site family (`folio crawl --url ...`, as bench/pagination_eval.py does),
then rebuilds copies of the archive with what the crawl left about each article: its verdict (`complete`) and
its recorded rejected candidates (`rejected_pages`), each kept or cleared, and counts the articles whose
rebuilt `complete` equals the crawl's.
"""
from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from archive.store import Archive  # noqa: E402
from pagination_eval import crawl  # noqa: E402
from crawler.samplesite.conventions import ConventionServer, build  # noqa: E402
from pipelines.rebuild import rebuild  # noqa: E402

MODES = {  # what each copy keeps of the crawl's record
    "verdict and rejections": "",
    "verdict only": "update articles set rejected_pages = null",
    "rejections only": "update articles set complete = null",
    "neither": "update articles set complete = null, rejected_pages = null",
}


def completeness(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        return dict(conn.execute("select url, complete from articles"))


def agreement(family: str, seed: int, tmp: Path) -> dict[str, tuple[int, int]]:
    """Per mode: (articles whose rebuilt verdict is the crawl's, articles)."""
    site = build(seed, family)
    db = tmp / f"{family}.db"
    with ConventionServer(site=site) as server:
        crawl(server, [c.page_urls[0] for c in site.cases], db, [])
    crawled = completeness(db)
    result = {}
    for mode, change in MODES.items():
        copy = tmp / f"{family}-{len(result)}.db"
        shutil.copy(db, copy)
        if change:
            with sqlite3.connect(copy) as conn:
                conn.execute(change)
        archive = Archive(copy)
        try:
            rebuild(archive)
        finally:
            archive.close()
        rebuilt = completeness(copy)
        result[mode] = (sum(rebuilt.get(url) == value for url, value in crawled.items()), len(crawled))
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--family", action="append", help="family to crawl (repeatable; default: all seven)")
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args()
    families = args.family or ["dev", "heldout", "fresh", "blind", "fifth", "sixth", "seventh"]
    print(f"{'family':10}" + "".join(f"{mode:>24}" for mode in MODES))
    with tempfile.TemporaryDirectory() as tmp:
        for family in families:
            found = agreement(family, args.seed, Path(tmp))
            print(f"{family:10}" + "".join(f"{f'{same}/{total}':>24}" for same, total in found.values()), flush=True)


if __name__ == "__main__":
    main()
