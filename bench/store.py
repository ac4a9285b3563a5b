"""The store alone: Archive.save (one transaction per article), Archive.save_many (batches) and a bare
executemany of the same rows, side by side in one run, with SQL statements per article.

Usage: python bench/store.py [--articles 300] [--batch 50] [--cache /tmp/bulk-300.pickle]

Captures are the generated bulk site's (1-5 pages per article, bench/bulk_captures.py), extracted
before timing starts. Statements are counted with sqlite3's trace callback (exact), less the FTS5
index's own shadow-table writes (the raw trace lines are printed too). Times are wall ms per article: compare the columns of one run, not runs.
"""
from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bulk_captures import bulk_captures  # noqa: E402

from archive.store import Archive  # noqa: E402

TABLES = ("articles", "article_versions", "captures", "pages", "visits")


def statements_run(trace: list[str]) -> list[str]:
    """The statements a writer ran: trace lines less FTS5's own (shadow-table writes, its config read)
    and less the repeats a trigger's start makes of the statement that fired it."""
    ran: list[str] = []
    for line in trace:
        if not line.startswith("--") and "_fts_" not in line and line != "PRAGMA 'main'.data_version" \
                and (not ran or ran[-1] != line):
            ran.append(line)
    return ran


def traced(archive: Archive) -> list[str]:
    statements: list[str] = []
    archive.db.conn.set_trace_callback(statements.append)
    return statements


def run_save(path: Path, items: list) -> tuple[float, list[str]]:
    archive = Archive(path)
    statements = traced(archive)
    started = time.perf_counter()
    for capture, record in items:
        archive.save(capture, record)
    elapsed = time.perf_counter() - started
    archive.close()
    return elapsed, statements


def run_save_many(path: Path, items: list, batch: int) -> tuple[float, list[str]]:
    archive = Archive(path)
    statements = traced(archive)
    started = time.perf_counter()
    for start in range(0, len(items), batch):
        archive.save_many(items[start:start + batch])
    elapsed = time.perf_counter() - started
    archive.close()
    return elapsed, statements


def run_bare(source: Path, path: Path) -> tuple[float, list[str]]:
    """The rows the Store wrote, written again by one executemany per table in one transaction."""
    Archive(path).close()  # the same schema, FTS triggers included
    read = sqlite3.connect(source)
    data = {}
    for table in TABLES:  # stored columns only: a generated one (articles.body_text) is computed, not written
        columns = [row[1] for row in read.execute(f"pragma table_xinfo({table})") if row[6] not in (2, 3)]
        data[table] = (columns, read.execute(f"select {', '.join(columns)} from {table}").fetchall())
    read.close()
    conn = sqlite3.connect(path, isolation_level=None)
    statements: list[str] = []
    conn.set_trace_callback(statements.append)
    started = time.perf_counter()
    conn.execute("BEGIN IMMEDIATE")
    for table, (columns, rows) in data.items():
        conn.executemany(f"insert into {table} ({', '.join(columns)}) values ({', '.join('?' * len(columns))})", rows)
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - started
    conn.close()
    return elapsed, statements


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--batch", type=int, default=50)
    parser.add_argument("--cache", type=Path)
    args = parser.parse_args()
    items = bulk_captures(args.articles, args.cache)
    pages = sum(len(c.pages) for c, _ in items)
    print(f"{len(items)} bulk articles, {pages} pages; sqlite {sqlite3.sqlite_version}")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        runs = {"Archive.save": run_save(tmp / "save.db", items)}
        if hasattr(Archive, "save_many"):
            runs[f"Archive.save_many ({args.batch})"] = run_save_many(tmp / "many.db", items, args.batch)
        runs["bare executemany"] = run_bare(tmp / "save.db", tmp / "bare.db")
        base = runs["bare executemany"][0]
        print(f"{'writer':<26} {'ms/article':>10} {'x bare':>7} {'statements/article':>19} {'(trace lines)':>13}"
              "  sqlite_master  table_info  savepoints")
        for name, (elapsed, trace) in runs.items():
            text = [s.lower() for s in statements_run(trace)]
            print(f"{name:<26} {1000 * elapsed / len(items):>10.2f} {elapsed / base:>7.1f} "
                  f"{len(text) / len(items):>19.1f} {len(trace) / len(items):>13.1f}"
                  f"  {sum('sqlite_master' in s for s in text):>13}"
                  f"  {sum('table_info' in s for s in text):>10}  {sum(s.startswith('savepoint') for s in text):>10}")


if __name__ == "__main__":
    main()
