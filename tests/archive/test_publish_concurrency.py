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
import json, os, sys
from sqlite_utils import Database

db = Database(sys.argv[1])
stop = sys.argv[2]
written = 0
while not os.path.exists(stop):  # until the readers have seen enough, however slow the machine is
    with db.conn:  # one transaction per article, like the store pipeline
        aid = f"writer-{written:05d}"
        url = f"https://medwire.example/live-{written}/"
        db["articles"].upsert({
            "id": aid, "site": "medwire", "url": url, "title": f"Live article {written}",
            "authors": json.dumps(["Kelli Jones"]), "published": "2024-05-01",
            "body_html": "<p>Fresh text about vitamin levels.</p>\n<p>Second paragraph.</p>", "complete": 1,
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
ROUNDS = 20  # rounds of READS plus a count made while the writer writes
GROWTH = 5  # distinct article counts the readers must see: the archive grew while they read


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
        stop = live.with_name("stop-writing")
        writer = subprocess.Popen([sys.executable, "-c", WRITER, str(live), str(stop)], stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True)
        rounds = 0
        with ThreadPoolExecutor(max_workers=8) as pool:
            # Read until enough rounds overlapped the writes and the readers saw the archive grow; the
            # amount of reading is fixed, not the time it takes. Only a hang would end it otherwise.
            hang_guard = time.monotonic() + 300
            while rounds < ROUNDS or len(set(counts)) < GROWTH:
                assert writer.poll() is None, writer.communicate()[1][-2000:]
                assert time.monotonic() < hang_guard, f"after {rounds} rounds the counts seen were only {counts}"
                counting = pool.submit(count)
                list(pool.map(get, READS))
                counting.result()  # one count at a time keeps `counts` in request order
                rounds += 1
        stop.touch()
        out, err = writer.communicate(timeout=60)
        count()

    assert writer.returncode == 0, err
    written = int(out)
    assert not failures, failures[:5]  # no "database is locked", no 500s
    # every request made while the writer wrote was answered correctly (no 500, no "locked")
    assert set(statuses) == {200} and len(statuses) == rounds * (len(READS) + 1) + 2
    assert counts == sorted(counts), "article counts went backwards"
    assert counts[0] == 8 and counts[-1] == 8 + written and written >= GROWTH - 1
    assert len(set(counts)) >= GROWTH, "readers saw the archive grow while it was written"
    p95 = statistics.quantiles(timings, n=20)[-1]
    print(f"\n{len(statuses)} requests during {written} write transactions: "
          f"median {statistics.median(timings) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms, "
          f"max {max(timings) * 1000:.1f} ms")
