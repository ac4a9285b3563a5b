"""`folio schedule`: cron parsing, bad files, runs of two sites, the per-site lock, crashes, and scrapyd."""
from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import urllib.request
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner

from archive.store import Archive
from crawler.cli import main
from crawler.samplesite import SampleSite, expected_articles
from crawler.schedule import (
    ScheduleError, is_due, last_fire, listing, load_schedule, lock_path, next_fire, try_lock,
)
from tests.conftest import REPO
from tests.waiting import cpu_seconds, wait_for

UTC = timezone.utc


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def folio(*args: str, cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "crawler.cli", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=timeout)


def crawls(db: Path) -> list[dict]:
    with sqlite3.connect(db) as conn:
        conn.row_factory = sqlite3.Row
        return [dict(r) for r in conn.execute("select * from crawls order by id")]


def article_count(db: Path, site: str) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute("select count(*) from articles where site = ?", [site]).fetchone()[0]


def archivable(site: str) -> int:
    return len([e for e in expected_articles(site) if not e["robots_disallowed"]])


@pytest.fixture(scope="module")
def site():
    with SampleSite() as running:
        yield running


def two_sites(base_url: str, cron: str = "0 0 1 1 *", extra: str = "") -> str:
    return (f'timezone = "UTC"\n[sites.dailyhealth]\ncron = "{cron}"\nbase_url = "{base_url}"\n{extra}\n'
            f'[sites.wellbeing]\ncron = "{cron}"\nbase_url = "{base_url}"\n')


# --- cron expressions and the next-run listing -------------------------------------------------

def test_cron_times_and_due_runs():
    now = datetime(2025, 3, 10, 7, 15, 30, tzinfo=UTC)
    assert next_fire("0 */6 * * *", now) == datetime(2025, 3, 10, 12, 0, tzinfo=UTC)
    assert last_fire("0 */6 * * *", now) == datetime(2025, 3, 10, 6, 0, tzinfo=UTC)
    assert last_fire("0 */6 * * *", datetime(2025, 3, 10, 6, 0, tzinfo=UTC)) == datetime(2025, 3, 10, 6, 0, tzinfo=UTC)
    assert is_due("0 */6 * * *", None, now)  # never run: due at once
    assert is_due("0 */6 * * *", datetime(2025, 3, 10, 5, 59, tzinfo=UTC), now)  # missed 06:00
    assert not is_due("0 */6 * * *", datetime(2025, 3, 10, 6, 0, 1, tzinfo=UTC), now)


def test_list_prints_next_run_per_site(tmp_path):
    schedule = load_schedule(write(tmp_path / "s.toml", two_sites("http://127.0.0.1:1/", cron="0 */6 * * *")))
    assert [e.site for e in schedule.entries] == ["dailyhealth", "wellbeing"]
    archive = Archive(tmp_path / "f.db")
    archive.start_crawl("wellbeing", trigger="schedule")
    now = datetime.now(UTC)
    lines = listing(schedule, archive, now)
    archive.close()
    assert lines[0].startswith("dailyhealth") and "due now" in lines[0] and "never run" in lines[0]
    assert next_fire("0 */6 * * *", now).strftime("%Y-%m-%d %H:%M:%S") in lines[1] and "running" in lines[1]

    result = CliRunner().invoke(main, ["schedule", "--list", "--file", str(tmp_path / "s.toml"),
                                       "--db", str(tmp_path / "f.db")])
    assert result.exit_code == 0, result.output
    assert len(result.output.splitlines()) == 2 and "0 */6 * * *" in result.output


# --- bad schedule files: one clear line ---------------------------------------------------------

BAD_FILES = {
    "missing": (None, "No such file or directory"),
    "bad toml": ("[sites.dailyhealth\ncron = 1", "not valid TOML"),
    "bad cron": ('[sites.wellbeing]\ncron = "61 * * *"\nbase_url = "http://127.0.0.1:1/"', "is not a cron expression"),
    "unknown site": ('[sites.nosuch]\ncron = "@daily"', "unknown site 'nosuch'"),
    "sample site without base_url": ('[sites.wellbeing]\ncron = "@daily"', "give base_url"),
    "scrapyd without url": ('[sites.wellbeing]\ncron = "@daily"\nbase_url = "http://127.0.0.1:1/"\n'
                            'dispatch = "scrapyd"', "needs scrapyd_url"),
    "unknown key": ('[sites.wellbeing]\ncron = "@daily"\nbase_url = "http://127.0.0.1:1/"\nevery = 5', "every"),
    "no sites": ('timezone = "UTC"', "no sites"),
}


@pytest.mark.parametrize("case", BAD_FILES, ids=list(BAD_FILES))
def test_bad_schedule_file_gives_one_line(tmp_path, case):
    text, message = BAD_FILES[case]
    path = tmp_path / "schedule.toml"
    if text is not None:
        write(path, text)
    with pytest.raises(ScheduleError, match=message):
        load_schedule(path)
    result = CliRunner().invoke(main, ["schedule", "--once", "--file", str(path), "--db", str(tmp_path / "f.db")])
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and result.output.startswith("Error: ") and message in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert not (tmp_path / "f.db").exists()  # nothing ran, nothing was written


# --- real runs against the sample site ----------------------------------------------------------

@pytest.mark.slow
def test_once_runs_every_due_site_and_records_each_run(tmp_path, site):
    write(tmp_path / "schedule.toml", two_sites(site.base_url))
    db = tmp_path / "folio.db"
    result = folio("schedule", "--once", "--db", str(db), cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    runs = crawls(db)
    assert sorted(r["site"] for r in runs) == ["dailyhealth", "wellbeing"]  # one row per run, no second row
    for run in runs:
        assert run["trigger"] == "schedule" and run["outcome"] == "finished" and run["exit_code"] == 0
        assert run["finished"] >= run["started"] and run["pages_fetched"] > 0
        assert run["articles_stored"] == archivable(run["site"]) == article_count(db, run["site"])
        log = Path(run["log_file"])
        assert log.parent == tmp_path / "logs" / run["site"] and "Spider closed (finished)" in log.read_text()
        assert f"start {run['site']} (crawl {run['id']}" in result.stdout
        assert f"end   {run['site']} (crawl {run['id']}): finished" in result.stdout

    again = folio("schedule", "--once", "--db", str(db), cwd=tmp_path)  # yearly cron: nothing due now
    assert again.returncode == 0 and again.stdout == "" and len(crawls(db)) == 2


@pytest.mark.slow
def test_a_site_whose_crawl_is_running_is_skipped_and_recorded(tmp_path, site):
    write(tmp_path / "schedule.toml", two_sites(site.base_url))
    db = tmp_path / "folio.db"
    held = try_lock(lock_path(db, "dailyhealth"))  # as another scheduler running a dailyhealth crawl would
    assert held is not None
    try:
        result = folio("schedule", "--once", "--db", str(db), cwd=tmp_path)
    finally:
        os.close(held)
    assert result.returncode == 0, result.stdout + result.stderr
    by_site = {r["site"]: r for r in crawls(db)}
    assert by_site["dailyhealth"]["outcome"] == "skipped: a crawl of dailyhealth is already running"
    assert by_site["dailyhealth"]["trigger"] == "schedule" and by_site["dailyhealth"]["pages_fetched"] is None
    assert article_count(db, "dailyhealth") == 0
    assert by_site["wellbeing"]["outcome"] == "finished"
    assert "skip  dailyhealth" in result.stdout and "start dailyhealth" not in result.stdout


@pytest.mark.slow
def test_loop_runs_two_sites_on_their_schedules_without_overlap(tmp_path, site):
    # Every 2 seconds for both sites: a site's next time comes while its crawl still runs.
    write(tmp_path / "schedule.toml", two_sites(site.base_url, cron="* * * * * */2"))
    db = tmp_path / "folio.db"
    result = folio("schedule", "--max-runs", "4", "--db", str(db), cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    runs = [r for r in crawls(db) if not r["outcome"].startswith("skipped")]
    assert len(runs) == 4 and {r["site"] for r in runs} == {"dailyhealth", "wellbeing"}
    assert all(r["outcome"] == "finished" and r["exit_code"] == 0 for r in runs)
    for name in ("dailyhealth", "wellbeing"):
        mine = [r for r in runs if r["site"] == name]
        for earlier, later in zip(mine, mine[1:]):
            assert earlier["finished"] <= later["started"], (earlier, later)
    assert result.stdout.count("start ") == 4 and result.stdout.count("end   ") == 4


@pytest.mark.slow
def test_crashed_and_killed_crawls_are_recorded_and_the_scheduler_goes_on(tmp_path, site):
    # dailyhealth crashes at start-up (an unusable setting); medwire is killed mid-run; wellbeing runs.
    write(tmp_path / "schedule.toml", two_sites(
        site.base_url, extra='settings = { TWISTED_REACTOR = "no.such.Reactor" }\n'
    ) + f'[sites.medwire]\ncron = "0 0 1 1 *"\nbase_url = "{site.base_url}"\nsettings = {{ DOWNLOAD_DELAY = 30 }}\n')
    db = tmp_path / "folio.db"
    scheduler = subprocess.Popen(
        [sys.executable, "-m", "crawler.cli", "schedule", "--once", "--db", str(db)], cwd=tmp_path,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    lines = []
    for line in scheduler.stdout:
        lines.append(line)
        if line.startswith("start medwire"):
            os.kill(int(line.split("pid ")[1].split(",")[0]), signal.SIGKILL)
    assert scheduler.wait(timeout=60) == 1
    output = "".join(lines)
    by_site = {r["site"]: r for r in crawls(db)}
    assert by_site["dailyhealth"]["outcome"] == "crashed (exit 1)" and by_site["dailyhealth"]["exit_code"] == 1
    assert "Traceback" in Path(by_site["dailyhealth"]["log_file"]).read_text()
    assert by_site["medwire"]["outcome"] == "crashed (exit -9)" and by_site["medwire"]["exit_code"] == -9
    assert by_site["wellbeing"]["outcome"] == "finished" and by_site["wellbeing"]["exit_code"] == 0
    assert all(r["finished"] for r in by_site.values())
    assert "end   dailyhealth" in output and "end   medwire" in output and "end   wellbeing" in output
    [error] = scheduler.stderr.read().strip().splitlines()
    assert error.startswith("Error: 2 run(s) did not finish: ")
    assert "dailyhealth crashed (exit 1)" in error and "medwire crashed (exit -9)" in error
    assert try_lock(lock_path(db, "medwire")) is not None  # a killed crawl leaves no lock behind


# --- scrapyd ------------------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def running_scrapyd(home: Path):
    """A scrapyd on 127.0.0.1 with its own folders under ``home``, started from there; (URL, home)."""
    home.mkdir()
    port = free_port()
    write(home / "scrapyd.conf", f"[scrapyd]\nbind_address = 127.0.0.1\nhttp_port = {port}\neggs_dir = {home}/eggs\n"
                                 f"logs_dir = {home}/logs\nitems_dir =\ndbs_dir = {home}/dbs\nmax_proc = 2\n"
                                 "poll_interval = 0.5\n")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}  # its jobs import the deployed egg
    process = subprocess.Popen([sys.executable, "-m", "scrapyd"], cwd=home, env=env, stdout=subprocess.DEVNULL,
                               stderr=open(home / "scrapyd.err", "wb"))
    url = f"http://127.0.0.1:{port}/"

    def answering() -> bool:
        try:
            with urllib.request.urlopen(url + "daemonstatus.json", timeout=30) as response:
                return json.load(response)["status"] == "ok"
        except OSError:
            if process.poll() is not None:
                pytest.fail(f"scrapyd did not start: {(home / 'scrapyd.err').read_text()[-2000:]}")
            return False

    try:  # starting up spends CPU (imports), however slowly a busy machine gives it
        wait_for(answering, "scrapyd to answer", progress=lambda: int(cpu_seconds([process.pid])), poll=0.2)
    except BaseException:
        process.kill()
        raise
    try:
        yield url, home
    finally:
        process.terminate()
        process.wait(timeout=30)


@pytest.fixture
def scrapyd(tmp_path):
    """A scrapyd on 127.0.0.1 with its own folders."""
    with running_scrapyd(tmp_path / "scrapyd") as running:
        yield running


@pytest.fixture
def second_scrapyd(tmp_path):
    """Another scrapyd, as on a second host: its own port, folders and jobs."""
    with running_scrapyd(tmp_path / "scrapyd2") as running:
        yield running


def project_copy(target: Path) -> Path:
    """The files the egg is built from, copied so the build leaves nothing in the repo."""
    skip = shutil.ignore_patterns("__pycache__", "*.db", "*.db-*", "*.lock")
    for folder in ("crawler", "pipelines", "archive"):
        shutil.copytree(REPO / folder, target / folder, ignore=skip)
    for name in ("pyproject.toml", "setup.py", "scrapy.cfg", "README.md"):
        shutil.copy(REPO / name, target / name)
    return target


@pytest.mark.slow
def test_deploy_to_scrapyd_and_dispatch_a_scheduled_crawl(tmp_path, site, scrapyd):
    url, home = scrapyd
    repo_before = sorted(p.name for p in REPO.iterdir())
    build = project_copy(tmp_path / "project")
    # A mark only the built egg carries: the job must run the deployed code, not the editable checkout.
    settings = build / "crawler" / "settings.py"
    settings.write_text(settings.read_text().replace('BOT_NAME = "folio"', 'BOT_NAME = "folio-egg"'))
    with (build / "scrapy.cfg").open("a", encoding="utf-8") as cfg:
        cfg.write(f"\n[deploy:test]\nurl = {url}\nproject = folio\n")
    deployed = subprocess.run([sys.executable, "-m", "scrapyd_client", "deploy", "test", "--version", "1"],
                              cwd=build, capture_output=True, text=True, timeout=120)
    assert deployed.returncode == 0, deployed.stderr
    assert json.loads(deployed.stdout) | {"node_name": ""} == {
        "project": "folio", "version": "1", "spiders": 1, "status": "ok", "node_name": ""}
    assert sorted(p.name for p in REPO.iterdir()) == repo_before  # the build left nothing in the repo

    write(tmp_path / "schedule.toml", f'[sites.wellbeing]\ncron = "0 0 1 1 *"\nbase_url = "{site.base_url}"\n'
                                      f'dispatch = "scrapyd"\nscrapyd_url = "{url}"\n')
    db = tmp_path / "folio.db"
    result = folio("schedule", "--once", "--db", str(db), cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    [run] = crawls(db)
    assert run["outcome"] == "finished" and run["trigger"] == "schedule" and run["exit_code"] is None
    job = run["dispatched_to"].removeprefix(f"scrapyd {url} job ")
    assert job and job != run["dispatched_to"]
    assert run["log_file"] == f"{url}logs/folio/article/{job}.log"
    log = (home / "logs" / "folio" / "article" / f"{job}.log").read_text()
    assert "(bot: folio-egg)" in log and "Spider closed (finished)" in log
    assert run["articles_stored"] == archivable("wellbeing") == article_count(db, "wellbeing")


def test_a_scrapyd_that_cannot_be_reached_is_recorded(tmp_path):
    url = f"http://127.0.0.1:{free_port()}/"  # nothing listens there
    write(tmp_path / "s.toml", f'[sites.wellbeing]\ncron = "@daily"\nbase_url = "http://127.0.0.1:1/"\n'
                               f'dispatch = "scrapyd"\nscrapyd_url = "{url}"\n')
    db = tmp_path / "folio.db"
    result = CliRunner().invoke(main, ["schedule", "--once", "--file", str(tmp_path / "s.toml"), "--db", str(db)])
    assert result.exit_code == 1 and "1 run(s) did not finish: wellbeing failed to start: scrapyd" in result.output
    [run] = crawls(db)
    assert run["outcome"].startswith(f"failed to start: scrapyd {url}schedule.json") and run["finished"]
    assert try_lock(lock_path(db, "wellbeing")) is not None  # released
