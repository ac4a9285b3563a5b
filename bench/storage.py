"""Archive bytes against the raw HTML they hold, and gzip-6 vs zstd vs zstd with a site dictionary.

Usage: python bench/storage.py [--articles 2000] [--cache /tmp/bulk-2000.pickle]

Builds an archive of the generated bulk site's articles (bench/bulk_captures.py) through
Archive.save_many, VACUUMs it, and prints its size over the raw HTML bytes of its pages, the bytes
of each table and index (SQLite's dbstat), and what each codec makes of the same bodies.
"""
from __future__ import annotations

import argparse
import gzip
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bulk_captures import bulk_captures  # noqa: E402

from archive.store import Archive  # noqa: E402


def codecs(bodies: list[bytes]) -> dict[str, tuple[int, float]]:
    """Compressed bytes and seconds for each codec over ``bodies``; the dictionary as the archive trains it."""
    import zstandard

    from archive import bodies as stored

    results = {}
    started = time.perf_counter()
    results["gzip -6"] = (sum(len(gzip.compress(b, compresslevel=6, mtime=0)) for b in bodies),
                          time.perf_counter() - started)
    plain = zstandard.ZstdCompressor(level=stored.LEVEL)
    started = time.perf_counter()
    results[f"zstd -{stored.LEVEL}"] = (sum(len(plain.compress(b)) for b in bodies), time.perf_counter() - started)
    trained = zstandard.train_dictionary(stored.DICT_BYTES, bodies[:stored.TRAIN_AFTER])
    with_dict = zstandard.ZstdCompressor(level=stored.LEVEL, dict_data=trained)
    started = time.perf_counter()
    size = sum(len(with_dict.compress(b)) for b in bodies) + len(trained.as_bytes())
    results[f"zstd -{stored.LEVEL} + dictionary"] = (size, time.perf_counter() - started)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--cache", type=Path)
    args = parser.parse_args()
    items = bulk_captures(args.articles, args.cache)
    bodies = [page.body for capture, _ in items for page in capture.pages]
    raw = sum(map(len, bodies))
    print(f"{len(items)} bulk articles, {len(bodies)} pages, {raw:,} raw HTML bytes")
    print(f"\n{'bodies alone':<26} {'bytes':>12} {'/ raw':>7} {'us/page':>8}")
    for name, (size, seconds) in codecs(bodies).items():
        print(f"{name:<26} {size:>12,} {size / raw:>7.3f} {1e6 * seconds / len(bodies):>8.0f}")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bulk.db"
        archive = Archive(path)
        for start in range(0, len(items), 50):
            archive.save_many(items[start:start + 50])
        archive.close()
        conn = sqlite3.connect(path)
        conn.execute("VACUUM")
        size = path.stat().st_size
        print(f"\narchive file (after VACUUM) {size:,} bytes = {size / raw:.3f} x raw HTML")
        print(f"{'table or index':<34} {'bytes':>12} {'/ raw':>7}")
        for name, pages in conn.execute("select name, sum(pgsize) from dbstat group by name order by 2 desc"):
            if pages / raw >= 0.002:
                print(f"{name:<34} {pages:>12,} {pages / raw:>7.3f}")
        # body_text is generated from body_html (archive.rows); stored_text holds what it cannot give back
        for column in ("body_html", "stored_text"):
            total = conn.execute(f"select sum(length({column})) from articles").fetchone()[0] or 0
            print(f"  of which articles.{column:<16} {total:>12,} {total / raw:>7.3f}")
        fts = conn.execute("select sum(pgsize) from dbstat where name like 'articles_fts%'").fetchone()[0]
        print(f"  search index, all its tables      {fts:>12,} {fts / raw:>7.3f}")
        conn.close()


if __name__ == "__main__":
    main()
