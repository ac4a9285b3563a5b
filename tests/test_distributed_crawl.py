"""Three crawl workers and one writer over a real redis-server archive what one process does, kills included.

The bulk sample site serves ARTICLES generated articles (1-5 pages each): 1,000 by default, the size the
distributed crawl is specified at; FOLIO_TEST_ARTICLES=300 makes a quicker local run.
"""
from __future__ import annotations

import os
import pickle
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from contextlib import contextmanager, suppress
from pathlib import Path

import pytest
import redis

from crawler.frontier import FrontierKeys
from crawler.samplesite import SampleSite, bulk
from tests.conftest import REPO, run_group
from tests.crawler.test_schedule import running_scrapyd
from tests.waiting import descendants, wait_for

pytestmark = pytest.mark.slow
ARTICLES = int(os.environ.get("FOLIO_TEST_ARTICLES", "1000"))
FAST = ["-s", "AUTOTHROTTLE_ENABLED=False"]


@pytest.fixture(scope="module")
def site():
    with SampleSite(bulk_articles=ARTICLES) as running:
        yield running


@pytest.fixture(scope="module")
def reference(site, tmp_path_factory) -> dict:
    """The archive one `folio crawl` process makes of the same site."""
    db = tmp_path_factory.mktemp("single") / "single.db"
    done = run_group([sys.executable, "-m", "crawler.cli", "crawl", "bulk", "--base-url", site.base_url,
                      "--db", str(db), *FAST], cwd=REPO, timeout=900)
    assert done.returncode == 0, done.stderr[-3000:]
    return contents(db)


@contextmanager
def scrapyd_killing_its_jobs(home: Path):
    """A real scrapyd whose job processes are killed before it stops, however the test ends: stopping scrapyd
    does not stop the crawls it runs, and they share this test process's group, so no group kill reaches them."""
    before = descendants([os.getpid()])
    with running_scrapyd(home) as running:
        daemon = descendants([os.getpid()]) - before
        try:
            yield running
        finally:
            for pid in descendants(daemon) - daemon:
                with suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)


@pytest.fixture
def scrapyd(tmp_path):
    with scrapyd_killing_its_jobs(tmp_path / "scrapyd") as running:
        yield running


@pytest.fixture
def second_scrapyd(tmp_path):
    """Another scrapyd, as on a second host: its own port, folders and jobs."""
    with scrapyd_killing_its_jobs(tmp_path / "scrapyd2") as running:
        yield running


def contents(db: Path) -> dict:
    """What two archives of one site must agree on: article ids and content hashes, pages and bodies."""
    with sqlite3.connect(db) as conn:
        return {
            "articles": set(conn.execute("select id, content_hash, page_count, complete from articles")),
            "pages": set(conn.execute("select url, article_id, number, body_sha256 from pages")),
        }


def assert_nothing_twice(db: Path) -> None:
    with sqlite3.connect(db) as conn:
        assert conn.execute("select count(*) from article_versions").fetchone()[0] == ARTICLES
        assert conn.execute("select url from captures group by url having count(*) > 1").fetchall() == []
        assert conn.execute("select count(*) from articles").fetchone()[0] == ARTICLES


class Crawl:
    """The processes of one distributed crawl, started by the ``spawn`` fixture: each in its own process group,
    so it can be killed whole, and killed when the test ends however it ends."""

    def __init__(self, site: SampleSite, redis_url: str, tmp_path: Path, spawn):
        self.site, self.redis_url, self.tmp, self.spawn = site, redis_url, tmp_path, spawn
        self.db = tmp_path / "shared.db"
        self.before = Counter(site.fetches())
        self.workers: dict[int, subprocess.Popen] = {}
        self.writers: list[subprocess.Popen] = []

    def _start(self, name: str, *args: str) -> subprocess.Popen:
        log = open(self.tmp / f"{name}.log", "a")
        return self.spawn([sys.executable, "-m", "crawler.cli", *args], cwd=REPO, stdout=log, stderr=subprocess.STDOUT)

    def worker(self, n: int) -> None:
        self.workers[n] = self._start(f"worker{n}", "worker", "bulk", "--redis", self.redis_url, "--base-url",
                                      self.site.base_url, "--db", str(self.db), "--worker-id", f"w{n}", *FAST)

    def writer(self) -> None:
        self.writers.append(self._start("writer", "archive-writer", "--redis", self.redis_url, "--db",
                                        str(self.db), "--until-done"))

    def fetched(self) -> Counter:
        return Counter(self.site.fetches()) - self.before

    def processes(self) -> dict[str, subprocess.Popen]:
        writer = {"writer": self.writers[-1]} if self.writers else {}
        return {**{f"worker{n}": process for n, process in self.workers.items()}, **writer}

    def log(self, name: str) -> str:
        return (self.tmp / f"{name}.log").read_text()[-3000:]

    def progress(self) -> tuple:
        """What moves while the crawl gets on, however slowly: pages served, the frontier, articles, exits.

        Not CPU time: an idle worker's timers spend some, and a worker idling for ever must end the wait."""
        server = redis.Redis.from_url(self.redis_url)
        try:
            keys = FrontierKeys("bulk")
            workers = [w.decode() for w in server.smembers(keys.workers)]
            frontier = (server.zcard(keys.requests), server.llen("folio:items"),
                        tuple(server.hlen(keys.processing(w)) for w in sorted(workers)))
        finally:
            server.close()
        exits = tuple(p.poll() for p in self.processes().values())
        return sum(self.fetched().values()), self.articles(), frontier, exits

    def wait_until(self, condition, what: str) -> None:
        """Wait for ``condition`` while the crawl progresses; a worker or writer that fails ends the wait."""
        def done() -> bool:
            for name, process in self.processes().items():
                assert process.poll() in (None, 0), f"{name} failed while waiting for {what}:\n{self.log(name)}"
            return condition()

        wait_for(done, what, progress=self.progress, poll=0.1,
                 explain=lambda: "\n".join(f"--- {name}:\n{self.log(name)}" for name in self.processes()))

    def finish(self) -> None:
        """Wait for every process to end while the crawl progresses; each must end well."""
        self.wait_until(lambda: all(p.poll() is not None for p in self.processes().values()), "the crawl to end")

    def articles(self) -> int:
        try:
            with sqlite3.connect(f"file:{self.db}?mode=ro", uri=True) as conn:
                return conn.execute("select count(*) from articles").fetchone()[0]
        except sqlite3.Error:  # not created or not migrated yet
            return 0


def page_fetches(fetched: Counter) -> Counter:
    """Fetches of the site's pages; robots.txt is fetched by each worker process and is not a page."""
    return Counter({path: n for path, n in fetched.items() if path != "/robots.txt"})


def start(crawl: Crawl) -> None:
    for n in (1, 2, 3):
        crawl.worker(n)
    crawl.writer()


def test_three_workers_and_one_writer_archive_what_one_process_does(site, reference, redis_url, tmp_path, spawn):
    crawl = Crawl(site, redis_url, tmp_path, spawn)
    start(crawl)
    crawl.finish()
    assert contents(crawl.db) == reference
    assert_nothing_twice(crawl.db)
    fetched = page_fetches(crawl.fetched())
    assert len(fetched) == len(reference["pages"]) + ARTICLES // 50 and set(fetched.values()) == {1}
    assert crawl.fetched()["/robots.txt"] <= 3
    # The writer records the crawl as a single process does: one `crawls` row with the run's figures.
    [run] = rows_of(crawl.db, "select site, outcome, trigger, articles_stored, articles_unchanged, pages_fetched, "
                              "errors from crawls")
    assert run == ("bulk", "finished", "redis", ARTICLES, 0, len(reference["pages"]), 0)


def test_a_worker_killed_midway_and_restarted_loses_and_doubles_nothing(site, reference, redis_url, tmp_path, spawn):
    crawl = Crawl(site, redis_url, tmp_path, spawn)
    held = redis.Redis.from_url(redis_url)
    w2 = FrontierKeys("bulk").processing("w2")
    # w2 goes first and the others join once it holds requests: on a busy machine a worker started with the
    # others can take so long to start that they finish the crawl without it, and it never holds anything.
    crawl.worker(2)
    crawl.wait_until(lambda: held.hlen(w2) > 0, "w2 to hold requests")
    for n in (1, 3):
        crawl.worker(n)
    crawl.writer()
    crawl.wait_until(lambda: sum(crawl.fetched().values()) >= len(reference["pages"]) // 3 and held.hlen(w2) > 0,
                     "a third of the pages fetched while w2 holds requests")
    os.killpg(crawl.workers[2].pid, signal.SIGKILL)
    crawl.workers[2].wait()
    parked = held.hlen(w2)
    crawl.worker(2)  # the same id: it takes back what it had parked
    crawl.finish()
    assert contents(crawl.db) == reference
    assert_nothing_twice(crawl.db)
    # Requests the dead worker held are fetched again, each with at most the 5 pages of an article after it.
    again = sum(n - 1 for n in page_fetches(crawl.fetched()).values())
    assert parked > 0 and again <= 5 * parked


def parked_urls(server: redis.Redis, worker: str) -> set[str]:
    """The URLs of the requests ``worker`` has taken from the frontier and not finished."""
    return {pickle.loads(data)["url"] for data in server.hkeys(FrontierKeys("bulk").processing(worker))}


def test_a_worker_killed_while_a_later_page_of_an_article_is_in_flight_loses_nothing(redis_url, tmp_path, spawn):
    """Page 2 of a 4-page article is held at the server while its worker is killed: page 1 lives on in the
    request's capture, so the restarted worker fetches page 2 again (not page 1) and stores the article once."""
    with SampleSite(bulk_articles=20) as small:
        single = tmp_path / "single.db"
        done = run_group([sys.executable, "-m", "crawler.cli", "crawl", "bulk", "--base-url", small.base_url,
                          "--db", str(single), *FAST], cwd=REPO, timeout=600)
        assert done.returncode == 0, done.stderr[-3000:]
        first, second = bulk.article_path(1), f"{bulk.article_path(1)}?page=2"  # article 1 has 4 pages
        asked, release = threading.Event(), threading.Event()
        router = small._server.router
        answer = router.get

        def held(target: str):
            if target == second and not release.is_set():
                asked.set()
                release.wait()  # set by the test whatever happens, and only after the kill, however late
            return answer(target)

        router.get = held
        crawl = Crawl(small, redis_url, tmp_path, spawn)
        try:
            crawl.worker(1)
            crawl.writer()
            crawl.wait_until(asked.is_set, "page 2 of article 1 to be asked for")
            server = redis.Redis.from_url(redis_url)
            # Page 1's request is finished (acknowledged) once page 2's request, carrying page 1, is queued.
            crawl.wait_until(lambda: small.base_url + first.lstrip("/") not in parked_urls(server, "w1"),
                             "page 1 acked")
            assert small.base_url + second.lstrip("/") in parked_urls(server, "w1")
            os.killpg(crawl.workers[1].pid, signal.SIGKILL)
            crawl.workers[1].wait()
        finally:
            release.set()
        crawl.worker(1)
        crawl.finish()
        fetched = page_fetches(crawl.fetched())
    assert contents(crawl.db) == contents(single)
    assert rows_of(crawl.db, "select count(*) from article_versions") == [(20,)]
    assert rows_of(crawl.db, "select url from captures group by url having count(*) > 1") == []
    assert fetched[first] == 1 and fetched[second] == 2


def test_the_writer_killed_midway_and_restarted_loses_and_doubles_nothing(site, reference, redis_url, tmp_path, spawn):
    crawl = Crawl(site, redis_url, tmp_path, spawn)
    start(crawl)
    crawl.wait_until(lambda: crawl.articles() >= ARTICLES // 4, "a quarter of the articles written")
    os.killpg(crawl.writers[0].pid, signal.SIGKILL)
    assert crawl.writers[0].wait() == -signal.SIGKILL
    crawl.writer()
    crawl.finish()
    assert contents(crawl.db) == reference
    assert_nothing_twice(crawl.db)
    assert set(page_fetches(crawl.fetched()).values()) == {1}  # the workers never noticed


def test_folio_crawl_with_redis_runs_its_workers_and_writer_then_continues_nothing_twice(redis_url, tmp_path):
    with SampleSite(bulk_articles=60) as small:
        command = [sys.executable, "-m", "crawler.cli", "crawl", "bulk", "--redis", redis_url, "--workers", "2",
                   "--base-url", small.base_url, "--db", str(tmp_path / "a.db"), *FAST]
        first = run_group(command, cwd=REPO, timeout=600)
        assert first.returncode == 0, first.stderr[-3000:]
        assert "bulk: a new crawl" in first.stdout and "wrote 60 article(s): 60 new" in first.stdout
        again = run_group(command, cwd=REPO, timeout=600)
        assert again.returncode == 0, again.stderr[-3000:]
        assert "bulk: a new crawl" in again.stdout and "60 unchanged" in again.stdout  # a finished crawl starts anew
        # Workers on the writer's machine read the archive: every stored page was revalidated, not re-sent.
        assert small.statuses().get(304) == 180, small.statuses()
    assert rows_of(tmp_path / "a.db", "select outcome, trigger, articles_stored, articles_unchanged from crawls "
                                      "order by id") == [("finished", "redis", 60, 0), ("finished", "redis", 0, 60)]


def test_the_shared_rate_holds_for_all_workers_together(site, redis_url, tmp_path, spawn):
    """At 5 requests/s per site shared by 3 workers, N requests take at least (N - 1) / 5 s in all."""
    with SampleSite(bulk_articles=30) as small:
        crawl = Crawl(small, redis_url, tmp_path, spawn)
        started = time.monotonic()
        for n in (1, 2, 3):
            crawl.workers[n] = crawl._start(f"worker{n}", "worker", "bulk", "--redis", redis_url, "--base-url",
                                            small.base_url, "--worker-id", f"w{n}", *FAST,
                                            "-s", "FOLIO_DOMAIN_RATE=5")
        crawl.writer()
        crawl.finish()
        elapsed = time.monotonic() - started
        requests = sum(crawl.fetched().values())
    # Without the shared bucket the three workers take well under half of that (each process starts in ~2 s).
    assert requests >= 91 and elapsed >= (requests - 1) / 5


def test_an_unreachable_redis_is_one_error_line(tmp_path):
    for command in (["crawl", "bulk", "--redis", "redis://127.0.0.1:9/0", "--base-url", "http://127.0.0.1:9/"],
                    ["worker", "bulk", "--redis", "redis://127.0.0.1:9/0"],
                    ["archive-writer", "--redis", "redis://127.0.0.1:9/0"]):
        done = run_group([sys.executable, "-m", "crawler.cli", *command, "--db", str(tmp_path / "a.db")],
                         cwd=REPO, timeout=120)
        assert done.returncode == 1 and "Traceback" not in done.stderr
        assert "cannot reach Redis at redis://127.0.0.1:9/0" in done.stderr.strip().splitlines()[-1]


def test_scrapyd_jobs_join_a_crawl_by_one_setting(redis_url, scrapyd, tmp_path, spawn):
    """Two jobs on a real scrapyd, started with setting=FOLIO_REDIS_URL=…, crawl as workers for the writer."""
    import json
    import urllib.parse
    import urllib.request

    url, home = deploy(scrapyd, tmp_path / "project")
    db = tmp_path / "a.db"
    with SampleSite(bulk_articles=40) as small:
        crawl = Crawl(small, redis_url, tmp_path, spawn)
        started = run_group([sys.executable, "-m", "crawler.cli", "crawl", "bulk", "--redis", redis_url,
                             "--workers", "0", "--base-url", small.base_url, "--db", str(db)],
                            cwd=REPO, timeout=120)
        assert started.returncode == 0 and "start workers" in started.stdout, started.stderr
        jobs = []
        for name in ("sd1", "sd2"):
            fields = [("project", "folio"), ("spider", "article"), ("site", "bulk"), ("base_url", small.base_url),
                      ("setting", f"FOLIO_REDIS_URL={redis_url}"), ("setting", f"FOLIO_WORKER_ID={name}"),
                      ("setting", "AUTOTHROTTLE_ENABLED=False")]
            with urllib.request.urlopen(url + "schedule.json", data=urllib.parse.urlencode(fields).encode()) as answer:
                jobs.append(json.load(answer)["jobid"])
        crawl.db = db
        crawl.writer()
        crawl.finish()
        fetched = page_fetches(crawl.fetched())
    assert len(rows_of(db, "select id from articles")) == 40 and set(fetched.values()) == {1}
    logs = [(home / "logs" / "folio" / "article" / f"{job}.log").read_text() for job in jobs]
    assert all("Spider closed (finished)" in log and "crawler.frontier.Scheduler" in log for log in logs)


def rows_of(db: Path, sql: str) -> list:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


def deploy(scrapyd, build: Path) -> tuple[str, Path]:
    """Build the project's egg from a copy in ``build`` and deploy it to the test's scrapyd."""
    from tests.crawler.test_schedule import project_copy

    url, home = scrapyd
    build = project_copy(build)
    with (build / "scrapy.cfg").open("a", encoding="utf-8") as cfg:
        cfg.write(f"\n[deploy:test]\nurl = {url}\nproject = folio\n")
    deployed = run_group([sys.executable, "-m", "scrapyd_client", "deploy", "test", "--version", "1"],
                         cwd=build, timeout=120)
    assert deployed.returncode == 0, deployed.stderr
    return url, home


def test_folio_schedule_spreads_a_shared_crawl_over_two_scrapyds(redis_url, scrapyd, second_scrapyd, tmp_path, spawn):
    """Two scrapyd processes (two hosts' worth): one worker job on each, the writer beside the archive."""
    urls = [deploy(running, tmp_path / f"build{n}")[0] for n, running in enumerate((scrapyd, second_scrapyd))]
    db = tmp_path / "a.db"
    with SampleSite(bulk_articles=40) as small:
        crawl = Crawl(small, redis_url, tmp_path, spawn)
        (tmp_path / "schedule.toml").write_text(
            f'[sites.bulk]\ncron = "0 0 1 1 *"\nbase_url = "{small.base_url}"\ndispatch = "scrapyd"\n'
            f'redis_url = "{redis_url}"\nworkers = 2\nscrapyd_urls = ["{urls[0]}", "{urls[1]}"]\n'
            'settings = { AUTOTHROTTLE_ENABLED = false }\n')
        done = run_group([sys.executable, "-m", "crawler.cli", "schedule", "--once", "--file",
                          str(tmp_path / "schedule.toml"), "--db", str(db)],
                         cwd=tmp_path, timeout=600)
        assert done.returncode == 0, done.stdout + done.stderr
        fetched = page_fetches(crawl.fetched())
    [(outcome, dispatched, stored)] = rows_of(db, "select outcome, dispatched_to, articles_stored from crawls")
    assert outcome == "finished" and stored == 40  # the scheduler's row, its counts filled in by the writer
    jobs = [dispatched.split(f"scrapyd {url} job ")[1].split(",")[0] for url in urls]
    for (_, home), job in zip((scrapyd, second_scrapyd), jobs):
        assert "Spider closed (finished)" in (home / "logs" / "folio" / "article" / f"{job}.log").read_text()
    assert len(rows_of(db, "select id from articles")) == 40 and set(fetched.values()) == {1}
