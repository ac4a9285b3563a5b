"""The `folio` commands of a crawl shared by several workers over Redis: worker, archive-writer.

`folio crawl SLUG --redis URL --workers N` (crawler/cli.py) calls ``crawl_distributed`` here.
"""
from __future__ import annotations

import logging
import socket
import subprocess
import sys
from pathlib import Path

import click

from archive.store import DEFAULT_DB
from crawler.archive_commands import DB_OPTION, check_archive

REDIS_OPTION = click.option("--redis", "redis_url", required=True, metavar="redis://HOST:PORT/DB",
                            help="The Redis server holding the shared frontier and the article queue.")


def _connect(url: str):
    from crawler.frontier import connect

    try:
        return connect(url)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None


@click.command()
@click.argument("slugs", nargs=-1, required=True)
@REDIS_OPTION
@click.option("--db", "db_path", type=click.Path(path_type=Path), default=DEFAULT_DB, show_default="archive/folio.db",
              help="The archive, read only, for revisits and 304s when this machine has it (the writer writes it).")
@click.option("--base-url", help="Crawl a profile whose start URLs are paths (the sample site) on this host.")
@click.option("--worker-id", help="This worker's name on the frontier; a restarted worker given its old name "
                                  "takes back its unfinished requests at once.  [default: HOSTNAME-PID]")
@click.option("--log-file", type=click.Path(path_type=Path), help="Write Scrapy's log here.")
@click.option("-v", "--verbose", is_flag=True, help="Show Scrapy's INFO log on stderr.")
@click.option("-s", "--set", "overrides", multiple=True, metavar="NAME=VALUE", help="Override a Scrapy setting.")
def worker(slugs, redis_url, db_path, base_url, worker_id, log_file, verbose, overrides):
    """Join the shared crawl of SLUGS: fetch, extract and hand finished articles to the writer."""
    from crawler.cli import _check_job, crawl_settings, run_crawls
    from crawler.frontier import redis_settings

    _connect(redis_url).close()
    settings = crawl_settings(db_path, log_file=log_file, verbose=verbose, overrides=overrides)
    settings.set("FOLIO_PROGRESS", False, priority="cmdline")  # one line per worker would interleave
    for name, value in redis_settings(redis_url, worker_id=worker_id).items():
        settings.set(name, value, priority="cmdline")
    jobs = [{"site": slug, "base_url": base_url} for slug in slugs]
    for job in jobs:
        _check_job(job)
    reasons, errors = run_crawls(jobs, settings)
    bad = [r for r in reasons if r != "finished"] + ["did not run"] * (len(jobs) - len(reasons))
    if bad:
        raise click.ClickException(f"worker ended early: {', '.join(bad)}")
    if errors:
        raise click.ClickException(f"the worker logged {errors} error(s); run again with -v or --log-file")


@click.command(name="archive-writer")
@REDIS_OPTION
@DB_OPTION
@click.option("--batch", default=50, show_default=True, type=click.IntRange(min=1),
              help="Articles per write transaction.")
@click.option("--until-done", is_flag=True, help="Exit once no worker is alive and no article waits "
                                                 "(default: run until stopped, e.g. by systemd).")
@click.option("-v", "--verbose", is_flag=True, help="Log each batch's outcome.")
def archive_writer(redis_url, db_path, batch, until_done, verbose):
    """Write the articles crawl workers finish into the archive: the only process that writes it."""
    from archive.writer import WriterError, run_writer

    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(message)s")
    check_archive(db_path)
    _connect(redis_url).close()
    try:
        counts = run_writer(redis_url, db_path, batch=batch, until_done=until_done)
    except WriterError as exc:
        raise click.ClickException(str(exc)) from None
    except KeyboardInterrupt:
        raise click.ClickException("archive writer stopped; unwritten articles stay in Redis") from None
    click.echo(f"archive {db_path}: wrote {sum(counts.values())} article(s): "
               + (", ".join(f"{n} {k}" for k, n in sorted(counts.items())) or "none"))


def crawl_distributed(slugs: tuple[str, ...], *, redis_url: str, workers: int, db_path: Path,
                      base_url: str | None, overrides: tuple[str, ...] = ()) -> None:
    """Seed the frontier of each site, run ``workers`` worker processes and one writer, wait for all."""
    from crawler.frontier import prepare_frontier

    check_archive(db_path)
    server = _connect(redis_url)
    for slug in slugs:
        state = prepare_frontier(server, slug)
        click.echo(f"{slug}: {'a new crawl' if state == 'new' else 'continuing the unfinished crawl'} on {redis_url}")
    if not workers:
        click.echo("the frontier is ready: start workers with `folio worker` on any machine")
        return
    base = [sys.executable, "-m", "crawler.cli"]
    extra = [*(["--base-url", base_url] if base_url else []), *[a for o in overrides for a in ("-s", o)]]
    host = socket.gethostname()
    crawlers = [subprocess.Popen([*base, "worker", *slugs, "--redis", redis_url, "--db", str(db_path),
                                  "--worker-id", f"{host}-w{n}", *extra]) for n in range(1, workers + 1)]
    running = server.get("folio:items:writer")
    if running:  # a long-running writer (systemd) drains the list: use it rather than fail to start a second
        click.echo(f"articles go to the running archive writer ({running.decode()})")
    writer = None if running else subprocess.Popen(
        [*base, "archive-writer", "--redis", redis_url, "--db", str(db_path), "--until-done"])
    failed = [n for n, process in enumerate(crawlers, 1) if process.wait() != 0]
    if writer and writer.wait() != 0:
        raise click.ClickException("the archive writer failed; its articles stay in Redis until it runs again")
    if failed:
        raise click.ClickException(f"worker(s) {', '.join(map(str, failed))} failed (see their messages above)")


COMMANDS = (worker, archive_writer)
