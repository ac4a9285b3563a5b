"""The `folio` command: crawl, schedule, extract, eval, demo, serve, sites, rebuild, export-warc, import-warc."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import click

from archive.store import ArchiveError, open_archive
from crawler import sites
from crawler.archive_commands import COMMANDS, DB_OPTION, EXISTING_DB_OPTION, check_archive, damaged
from crawler.distributed_commands import COMMANDS as DISTRIBUTED_COMMANDS, crawl_distributed
from crawler.offline_commands import COMMANDS as OFFLINE_COMMANDS


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="folio")
def main():
    """Folio archives multi-page health news articles into SQLite and publishes them with Datasette."""


@main.command()
@click.argument("slugs", nargs=-1)
@click.option("--url", "urls", multiple=True, help="An article URL to archive with generic detection (repeatable).")
@DB_OPTION
@click.option("--base-url", help="Crawl a profile whose start URLs are paths (the sample site) on this host.")
@click.option("--resume", "job_dir", type=click.Path(path_type=Path, file_okay=False),
              help="Note the crawl's start here so that, if interrupted, the same command skips what it stored.")
@click.option("--revisit-all", is_flag=True, help="Recheck every known article now, whatever the revisit policy says.")
@click.option("--log-file", type=click.Path(path_type=Path), help="Write Scrapy's log here.")
@click.option("-v", "--verbose", is_flag=True, help="Show Scrapy's INFO log on stderr.")
@click.option("-s", "--set", "overrides", multiple=True, metavar="NAME=VALUE", help="Override a Scrapy setting.")
@click.option("--redis", "redis_url", metavar="redis://HOST:PORT/DB",
              help="Share the crawl over this Redis: --workers processes crawl, one writer writes (see README).")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(min=0),
              help="With --redis: local crawl worker processes (0: only start the crawl for other workers).")
def crawl(slugs, urls, db_path, base_url, job_dir, revisit_all, log_file, verbose, overrides, redis_url, workers):
    """Crawl the sites named by SLUGS (see `folio sites`), or the article URLs given with --url."""
    if not slugs and not urls:
        raise click.UsageError("name a site (see `folio sites`) or give --url URL")
    if slugs and urls:
        raise click.UsageError("give site names or --url, not both")
    if redis_url:
        if urls or job_dir or revisit_all:
            raise click.UsageError("--redis crawls site profiles; --url, --resume and --revisit-all are for one process")
        return crawl_distributed(slugs, redis_url=redis_url, workers=workers, db_path=db_path, base_url=base_url,
                                 overrides=overrides)
    settings = crawl_settings(db_path, log_file=log_file, verbose=verbose, overrides=overrides)
    settings.set("FOLIO_REVISIT_ALL", revisit_all, priority="cmdline")
    jobs = [{"url": "\n".join(urls)}] if urls else [{"site": s, "base_url": base_url} for s in slugs]
    for job in jobs:
        _check_job(job)
        if job_dir:  # one state folder per crawl
            job["job_dir"] = str(job_dir / (job.get("site") or "urls"))
    check_archive(db_path)
    reasons, errors = run_crawls(jobs, settings)
    try:
        summary = archive_summary(db_path)
    except ArchiveError as exc:
        raise click.ClickException(f"crawl ended, {exc}") from None
    except sqlite3.DatabaseError as exc:
        raise click.ClickException(damaged(db_path, exc)) from None
    click.echo(
        f"archive {db_path}: {summary['articles']} articles ({summary['incomplete']} incomplete), "
        f"{summary['pages']} pages; {summary['failed_pages']} not fetched (their reasons: pages.error)"
    )
    bad = [r for r in reasons if r != "finished"] + ["did not run"] * (len(jobs) - len(reasons))
    if "shutdown" in bad and job_dir:
        raise click.ClickException(f"crawl interrupted; run the same command again to resume from {job_dir}")
    if bad:
        raise click.ClickException(f"crawl ended early: {', '.join(bad)}")
    if errors:
        where = f"see {log_file}" if log_file else "run again with -v or --log-file to see them"
        raise click.ClickException(f"the crawl logged {errors} error(s); {where}")


def _check_job(job: dict) -> None:
    from crawler.spiders.article import ArticleSpider

    try:
        ArticleSpider(**{k: v for k, v in job.items() if v and k != "job_dir"})
    except sites.ProfileError as exc:
        raise click.ClickException(str(exc)) from None



def crawl_settings(db_path: Path, *, log_file=None, verbose=False, overrides=()):
    """Scrapy settings for a crawl started by the `folio` command."""
    from scrapy.settings import Settings

    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    settings.set("ARCHIVE_DB", str(db_path), priority="cmdline")
    settings.set("FOLIO_PROGRESS", True, priority="cmdline")
    settings.set("LOG_LEVEL", "INFO" if verbose or log_file else "WARNING", priority="cmdline")
    if log_file:
        settings.set("LOG_FILE", str(log_file), priority="cmdline")
    for item in overrides:
        name, sep, value = item.partition("=")
        if not sep:
            raise click.UsageError(f"-s takes NAME=VALUE, got {item!r}")
        settings.set(name.strip(), value, priority="cmdline")
    return settings


def run_crawls(jobs: list[dict], settings) -> tuple[list[str], int]:
    """Run the jobs' crawls one after another in this process: each finish reason, and errors logged."""
    from scrapy.crawler import CrawlerProcess
    from twisted.internet import defer
    from twisted.internet.error import ReactorNotRunning

    from scrapy.utils.reactor import install_reactor

    from crawler.resume import ResumeState
    from crawler.spiders.article import ArticleSpider

    install_reactor(settings["TWISTED_REACTOR"])
    process = CrawlerProcess(settings)
    from twisted.internet import reactor  # the reactor installed just above

    reasons: list[str] = []
    errors = 0

    @defer.inlineCallbacks
    def one_after_another():
        try:
            for job in jobs:
                crawler = process.create_crawler(ArticleSpider)
                state = ResumeState(job["job_dir"]) if job.get("job_dir") else None
                if state:
                    crawler.settings.set("FOLIO_RESUME_SINCE", state.begin(), priority="cmdline")
                yield process.crawl(crawler, **{k: v for k, v in job.items() if v and k != "job_dir"})
                reasons.append(crawler.stats.get_value("finish_reason"))
                if state and reasons[-1] == "finished":
                    state.finish()
                nonlocal errors
                # Retries given up are logged as errors too, but they are pages recorded as failed.
                stats = crawler.stats
                errors += stats.get_value("log_count/ERROR", 0) - stats.get_value("retry/max_reached", 0)
                if reasons[-1] == "shutdown":  # Ctrl-C stops the whole command, not one site
                    break
        finally:
            try:
                reactor.stop()
            except ReactorNotRunning:  # Ctrl-C: Scrapy is stopping it already
                pass

    reactor.callWhenRunning(one_after_another)
    process.start(stop_after_crawl=False)
    return reasons, errors


def archive_summary(db_path: Path) -> dict:
    """Counts of what the archive holds."""
    db = open_archive(db_path)
    try:
        one = lambda sql: db.execute(sql).fetchone()[0]  # noqa: E731
        return {
            "articles": one("select count(*) from articles"),
            "incomplete": one("select count(*) from articles where complete = 0"),
            "pages": one("select count(*) from pages where error is null"),
            "failed_pages": one("select count(*) from pages where error is not null"),
        }
    finally:
        db.close()


@main.command(name="sites")
def list_sites():
    """List the site profiles Folio ships."""
    for slug in sites.available():
        profile = sites.load(slug)
        click.echo(f"{slug:<14} {profile.name}")


@main.command()
@DB_OPTION
@click.option("--no-serve", is_flag=True, help="Stop after the crawls instead of serving the archive.")
@click.option("--port", default=8001, show_default=True, help="Port for Datasette.")
def demo(db_path, no_serve, port):
    """Crawl the bundled sample site, then its changed edition, and publish the archive with Datasette.

    Running it again re-crawls the changed edition and finds the same articles: no duplicates.
    """
    from crawler.demo import DemoError, run_demo, where_to_look

    check_archive(db_path)
    try:
        counts = run_demo(db_path, say=click.echo)
    except DemoError as exc:
        raise click.ClickException(str(exc)) from None
    for line in where_to_look(counts, base_url=f"http://127.0.0.1:{port}", db_name=db_path.stem):
        click.echo(line)
    if no_serve:
        click.echo(f"(not serving: run `folio serve --db {db_path}` to open these pages)")
        return
    _serve(db_path, port=port)


@main.command()
@EXISTING_DB_OPTION
@click.option("--port", default=8001, show_default=True, help="Port to listen on.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--public", is_flag=True,
              help="Publish a finished archive read-only (immutable; works on a read-only disk) with "
                   "tighter SQL and CSV limits, no file download, robots.txt disallowing all.")
@click.option("--schedule", type=click.Path(path_type=Path, dir_okay=False),
              help="The `folio schedule` file, so the crawl-health page shows each site's next run.")
def serve(db_path, port, host, public, schedule):
    """Publish an archive with Datasette (front page, search, crawl health, JSON API)."""
    _serve(db_path, port=port, host=host, public=public, schedule=schedule)


def _serve(db_path: Path, *, port: int, host: str = "127.0.0.1", public: bool = False,
           schedule: Path | None = None) -> None:
    from archive.publish import PublishError, serve as run_datasette

    try:
        run_datasette(db_path, host=host, port=port, public=public, schedule=schedule)
    except PublishError as exc:
        raise click.ClickException(str(exc)) from None


for command in COMMANDS + DISTRIBUTED_COMMANDS + OFFLINE_COMMANDS:
    main.add_command(command)


if __name__ == "__main__":
    main()
