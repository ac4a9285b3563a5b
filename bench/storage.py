"""Archive bytes against the raw HTML they hold, and gzip-6 vs zstd vs zstd with a site dictionary.

Usage: python bench/storage.py [--articles 2000] [--cache /tmp/bulk-2000.pickle]
       python bench/storage.py --corpus ../shared/corpus [--cache /tmp/corpus.pickle]

Builds an archive through Archive.save_many, VACUUMs it, and prints its size over the raw HTML bytes
of its pages, the bytes of each table and index (SQLite's dbstat), and what each codec makes of the
same bodies. The pages are the generated bulk site's articles (bench/bulk_captures.py), or with
--corpus the real pages of the shared corpus (trafilatura-eval and readability-pages, read from
there at run time), each stored as a one-page capture of the generic "web" site, as `folio` stores
an article given by URL.
"""
from __future__ import annotations

import argparse
import gzip
import json
import pickle
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bulk_captures import FETCHED_AT, bulk_captures  # noqa: E402

from archive.store import Archive  # noqa: E402
from crawler.items import ArticleCapture, Page  # noqa: E402
from crawler.sites import SiteProfile  # noqa: E402
from pipelines.rebuild import article_record  # noqa: E402


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


def corpus_pages(corpus: Path) -> list[tuple[str, bytes]]:
    """(URL, raw HTML) of every real page of the shared corpus: trafilatura-eval, then readability-pages."""
    found = []
    evaldata = json.loads((corpus / "trafilatura-eval" / "evaldata.json").read_text())
    for url, case in sorted(evaldata.items()):
        found.append((url, gzip.decompress((corpus / "trafilatura-eval" / "html" / f"{case['file']}.gz").read_bytes())))
    for source in sorted((corpus / "readability-pages").glob("*/source.html")):
        # upstream gives every page the one URL http://fakehost/test/page.html: one path per case here
        found.append((f"http://fakehost/test/{source.parent.name}/page.html", source.read_bytes()))
    return found


def corpus_captures(corpus: Path, cache: Path | None) -> list[tuple[ArticleCapture, dict | None]]:
    """Each corpus page as a one-page capture of the "web" site with its extracted record (cached in ``cache``)."""
    if cache and cache.exists():
        return pickle.loads(cache.read_bytes())
    made = []
    for url, body in corpus_pages(corpus):
        # the corpus keeps no response headers: the ones a plain server sends, as the bulk site's
        headers = {"Server": "nginx", "Date": "Mon, 05 Jan 2026 10:00:00 GMT",
                   "Content-Type": "text/html; charset=utf-8", "Content-Length": str(len(body))}
        capture = ArticleCapture(site="web", url=url, pages=[Page(url=url, number=1, status=200, final_url=url,
                                                                  fetched_at=FETCHED_AT, headers=headers, body=body)])
        record = article_record(capture, SiteProfile.generic([url]))
        capture.extracted, capture.article = [], {}  # the Store reads only pages and the record
        made.append((capture, record))
    if cache:
        cache.write_bytes(pickle.dumps(made, protocol=pickle.HIGHEST_PROTOCOL))
    return made


def report(items: list[tuple[ArticleCapture, dict | None]], what: str) -> None:
    """Print the codec comparison and the archive's size, table by table, against the raw HTML."""
    bodies = [page.body for capture, _ in items for page in capture.pages]
    raw = sum(map(len, bodies))
    print(f"{len(items)} {what}, {len(bodies)} pages, {raw:,} raw HTML bytes")
    print(f"\n{'bodies alone':<26} {'bytes':>12} {'/ raw':>7} {'us/page':>8}")
    for name, (size, seconds) in codecs(bodies).items():
        print(f"{name:<26} {size:>12,} {size / raw:>7.3f} {1e6 * seconds / len(bodies):>8.0f}")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "storage.db"
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
        for column in ("body_html", "stored_text", "body_text"):
            total = conn.execute(f"select sum(length({column})) from articles").fetchone()[0] or 0
            print(f"  of which articles.{column:<16} {total:>12,} {total / raw:>7.3f}")
        for column in ("headers", "body_zst"):
            total = conn.execute(f"select sum(length({column})) from captures").fetchone()[0] or 0
            print(f"  of which captures.{column:<15} {total:>12,} {total / raw:>7.3f}")
        fts = conn.execute("select sum(pgsize) from dbstat where name like 'articles_fts%'").fetchone()[0]
        print(f"  search index, all its tables      {fts:>12,} {fts / raw:>7.3f}")
        conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--corpus", type=Path, help="the shared corpus folder: store its real pages instead")
    parser.add_argument("--cache", type=Path)
    args = parser.parse_args()
    if args.corpus:
        if not (args.corpus / "trafilatura-eval" / "evaldata.json").is_file():
            parser.error(f"{args.corpus}: no trafilatura-eval/evaldata.json (the shared corpus folder?)")
        report(corpus_captures(args.corpus, args.cache), "real corpus pages")
    else:
        report(bulk_captures(args.articles, args.cache), "bulk articles")


if __name__ == "__main__":
    main()
