"""Datasette reads the archive while a real crawl writes it (WAL): no "database is locked", ever."""
from __future__ import annotations

import json
import re
import subprocess
import sys
import urllib.request

import pytest

from archive.store import open_archive
from crawler.samplesite import SampleSite
from tests.conftest import REPO
from tests.waiting import cpu_seconds, wait_for

pytestmark = pytest.mark.slow


def test_browse_the_archive_while_a_crawl_writes_it(tmp_path):
    db = tmp_path / "live.db"
    open_archive(db).close()  # an empty archive: serving needs the schema
    log = tmp_path / "serve.log"  # a file, not a pipe: an unread pipe fills up and stalls the server
    with log.open("w") as out:
        server = subprocess.Popen([sys.executable, "-m", "crawler.cli", "serve", "--db", str(db), "--port", "0"],
                                  cwd=REPO, stdout=out, stderr=subprocess.STDOUT, text=True)
    try:
        def listening() -> re.Match | None:
            assert server.poll() is None, log.read_text()
            return re.search(r"at (http://127\.0\.0\.1:\d+)/", log.read_text())

        # Starting up spends CPU (imports, opening the archive), however slowly a busy machine gives it.
        wait_for(listening, "the server to listen", progress=lambda: int(cpu_seconds([server.pid])), poll=0.1)
        base = listening().group(1)
        with SampleSite(bulk_articles=300) as site:
            crawl = subprocess.Popen(
                [sys.executable, "-m", "crawler.cli", "crawl", "bulk", "--base-url", site.base_url, "--db", str(db),
                 "-s", "AUTOTHROTTLE_ENABLED=False"], cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            counts, statuses = [], []
            while crawl.poll() is None:
                for path in ("/live/articles.json?_shape=array&_size=5&_col=title",
                             "/live/articles.json?_search=patients&_shape=array&_size=3",
                             "/live.json?sql=select+count(*)+as+n+from+articles&_shape=array"):
                    with urllib.request.urlopen(base + path, timeout=30) as response:
                        statuses.append(response.status)
                        data = json.load(response)
                    if "count" in path:
                        counts.append(data[0]["n"])
            _, crawl_err = crawl.communicate()
        assert crawl.returncode == 0, crawl_err[-2000:]
        assert "locked" not in crawl_err
        assert len(statuses) > 30 and set(statuses) == {200}
        assert counts == sorted(counts) and counts[-1] > counts[0]  # the reader saw the crawl progress
    finally:
        server.terminate()
        server.wait(timeout=30)
