"""Serving while crawling: Datasette keeps answering while another process writes the archive (WAL)."""
from __future__ import annotations

import json
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

# A stand-in for a crawl: sqlite-utils writes in short transactions, new articles and updates mixed.
WRITER = r"""
import json, sys, time
from sqlite_utils import Database

db = Database(sys.argv[1])
deadline = time.monotonic() + float(sys.argv[2])
written = 0
while time.monotonic() < deadline:
    with db.conn:  # one transaction per article, like the store pipeline
        aid = f"writer-{written:05d}"
        url = f"https://medwire.example/live-{written}/"
        db["articles"].upsert({
            "id": aid, "site": "medwire", "url": url, "title": f"Live article {written}",
            "authors": json.dumps(["Kelli Jones"]), "published": "2024-05-01",
            "body_text": "Fresh text about vitamin levels.\n\nSecond paragraph.", "complete": 1,
            "missing_pages": "[]", "page_count": 1,
        }, pk="id")
        db["pages"].upsert({"url": url, "article_id": aid, "site": "medwire", "number": 1, "status": 200}, pk="url")
        db.execute("update articles set updated = ? where site = 'dailyhealth'", [str(written)])
        db.execute("update crawls set pages_fetched = pages_fetched + 1 where id = 1")
    written += 1
print(written, flush=True)
"""

COUNT = "/folio.json?sql=select+count(*)+as+n+from+articles&_shape=array"
READS = [
    "/folio/articles.json?_search=vitamin&_shape=array&_col=title",
    "/folio/articles?_facet=site",
    "/folio/articles.json?site=medwire&_size=5",
    "/folio/pages?_size=20",
    "/folio/crawl_history.json?_shape=array",
    "/folio/articles_mentioning.json?term=vitamin&_shape=array",
]


def test_datasette_serves_while_a_writer_writes(archive_db, copy_of, serve_archive):
    live = copy_of(archive_db, "folio.db")
    statuses: list[int] = []
    timings: list[float] = []
    counts: list[int] = []
    failures: list[str] = []
    lock = threading.Lock()

    with serve_archive(live) as base_url:
        def get(path: str) -> bytes | None:
            started = time.perf_counter()
            try:
                with urllib.request.urlopen(base_url + path, timeout=10) as response:
                    status, body = response.status, response.read()
            except urllib.error.HTTPError as error:
                status, body = error.code, error.read()
            with lock:
                statuses.append(status)
                timings.append(time.perf_counter() - started)
                if status != 200:
                    failures.append(f"{status} {path}: {body[:300]!r}")
            return body if status == 200 else None

        def count() -> None:
            body = get(COUNT)
            if body is not None:
                counts.append(json.loads(body)[0]["n"])

        count()
        writer = subprocess.Popen([sys.executable, "-c", WRITER, str(live), "3"], stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True)
        with ThreadPoolExecutor(max_workers=8) as pool:
            while writer.poll() is None:
                counting = pool.submit(count)
                list(pool.map(get, READS))
                counting.result()  # one count at a time keeps `counts` in request order
        out, err = writer.communicate(timeout=10)
        count()

    assert writer.returncode == 0, err
    written = int(out)
    assert not failures, failures[:5]  # no "database is locked", no 500s
    assert set(statuses) == {200} and len(statuses) > 100
    assert counts == sorted(counts), "article counts went backwards"
    assert counts[0] == 8 and counts[-1] == 8 + written and written > 20
    assert len(set(counts)) > 3, "readers saw the archive grow while it was written"
    p95 = statistics.quantiles(timings, n=20)[-1]
    print(f"\n{len(statuses)} requests during {written} write transactions: "
          f"median {statistics.median(timings) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms, "
          f"max {max(timings) * 1000:.1f} ms")
