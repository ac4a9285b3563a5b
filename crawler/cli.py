"""The `folio` command: crawl, schedule, extract, eval, demo, serve, sites, rebuild, export-warc, import-warc."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import click

from archive.store import DEFAULT_DB, ArchiveError, open_archive
from crawler import sites

DB_OPTION = click.option(
    "--db", "db_path", type=click.Path(path_type=Path), default=DEFAULT_DB, show_default="archive/folio.db",
    help="The archive file (SQLite); created if missing.",
)


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
              help="Keep the crawl's state here (Scrapy JOBDIR) so an interrupted crawl continues where it stopped.")
@click.option("--revisit-all", is_flag=True, help="Recheck every known article now, whatever the revisit policy says.")
@click.option("--log-file", type=click.Path(path_type=Path), help="Write Scrapy's log here.")
@click.option("-v", "--verbose", is_flag=True, help="Show Scrapy's INFO log on stderr.")
@click.option("-s", "--set", "overrides", multiple=True, metavar="NAME=VALUE", help="Override a Scrapy setting.")
def crawl(slugs, urls, db_path, base_url, job_dir, revisit_all, log_file, verbose, overrides):
    """Crawl the sites named by SLUGS (see `folio sites`), or the article URLs given with --url."""
    if not slugs and not urls:
        raise click.UsageError("name a site (see `folio sites`) or give --url URL")
    if slugs and urls:
        raise click.UsageError("give site names or --url, not both")
    settings = crawl_settings(db_path, log_file=log_file, verbose=verbose, overrides=overrides)
    settings.set("FOLIO_REVISIT_ALL", revisit_all, priority="cmdline")
    jobs = [{"url": ",".join(urls)}] if urls else [{"site": s, "base_url": base_url} for s in slugs]
    for job in jobs:
        _check_job(job)
        if job_dir:  # one state folder per crawl: Scrapy's JOBDIR holds one spider's queue
            job["job_dir"] = str(job_dir / (job.get("site") or "urls"))
    _check_archive(db_path)
    reasons, errors = run_crawls(jobs, settings)
    summary = archive_summary(db_path)
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


def _check_archive(db_path: Path) -> None:
    try:
        open_archive(db_path).close()
    except ArchiveError as exc:
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

    from crawler.spiders.article import ArticleSpider

    from scrapy.utils.reactor import install_reactor

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
                if job.get("job_dir"):
                    crawler.settings.set("JOBDIR", job["job_dir"], priority="cmdline")
                yield process.crawl(crawler, **{k: v for k, v in job.items() if v and k != "job_dir"})
                reasons.append(crawler.stats.get_value("finish_reason"))
                nonlocal errors
                # Retries given up are logged as errors too, but they are pages recorded as failed.
                stats = crawler.stats
                errors += stats.get_value("log_count/ERROR", 0) - stats.get_value("retry/max_reached", 0)
                if reasons[-1] == "shutdown":  # Ctrl-C stops the whole command, not one site
                    break
        finally:
            reactor.stop()

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


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--url", "urls", multiple=True, help="The URL each file was fetched from, in the same order.")
@click.option("--site", help="Use this site profile's selectors (see `folio sites`).")
@click.option("--each", is_flag=True, help="Every file is its own article: one JSON object per line.")
def extract(files, urls, site, each):
    """Print the extraction of saved pages as JSON (several files: one article, pages in order)."""
    from pipelines.offline import process_pages, public_view

    if urls and len(urls) != len(files):
        raise click.UsageError(f"got {len(files)} files but {len(urls)} --url values; give one --url per file")
    urls = urls or [path.resolve().as_uri() for path in files]
    profile = _profile(site) if site else None
    pages = [(_read(path), url) for path, url in zip(files, urls)]
    if each:
        for page in pages:
            click.echo(json.dumps(public_view(process_pages([page], profile)), ensure_ascii=False))
    else:
        click.echo(json.dumps(public_view(process_pages(pages, profile)), ensure_ascii=False, indent=2))


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise click.ClickException(f"cannot read {path}: {exc.strerror}") from None


def _profile(slug: str) -> sites.SiteProfile:
    try:
        return sites.load(slug)
    except sites.ProfileError as exc:
        raise click.ClickException(str(exc)) from None


LABELLED_PAGINATION = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "pagination"


@main.command(name="eval")
@click.argument("corpus_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--only", "only", multiple=True, help="Score only this extractor: folio, trafilatura, readability.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON (with each page's F1).")
@click.option("--pagination", "pagination_dir", type=click.Path(exists=True, file_okay=False, path_type=Path),
              default=LABELLED_PAGINATION if LABELLED_PAGINATION.is_dir() else None,
              show_default="tests/fixtures/pagination", help="Labelled next-page set to score as well.")
def evaluate(corpus_dir, only, as_json, pagination_dir):
    """Score Folio, trafilatura and readability-lxml on CORPUS_DIR (<case>/source.html + expected.html)."""
    from pipelines import quality

    known = {e.name: e for e in quality.EXTRACTORS}
    unknown = sorted(set(only) - set(known))
    if unknown:
        raise click.UsageError(f"unknown extractor {unknown[0]!r}; choose from {', '.join(known)}")
    cases = quality.load_corpus(corpus_dir)
    if not cases:
        raise click.ClickException(f"no <case>/source.html under {corpus_dir}")
    report = quality.evaluate(cases, [known[n] for n in only] if only else quality.EXTRACTORS)
    pagination = quality.pagination_scores(pagination_dir) if pagination_dir else None
    if as_json:
        click.echo(json.dumps({"body": report, "pagination": pagination}, indent=2))
        return
    click.echo(f"{len(cases)} pages from {corpus_dir}")
    click.echo(quality.format_table(report))
    if pagination:
        click.echo(f"\nnext-page detection on {pagination['cases']} labelled pages ({pagination_dir}): "
                   f"precision {pagination['precision']:.3f}, recall {pagination['recall']:.3f}")


@main.command(name="sites")
def list_sites():
    """List the site profiles Folio ships."""
    for slug in sites.available():
        profile = sites.load(slug)
        click.echo(f"{slug:<14} {profile.name}")


SAMPLE_SITES = ("dailyhealth", "medwire", "wellbeing")


@main.command()
@DB_OPTION
@click.option("--no-serve", is_flag=True, help="Stop after the crawl instead of serving the archive.")
@click.option("--port", default=8001, show_default=True, help="Port for Datasette.")
def demo(db_path, no_serve, port):
    """Serve the bundled sample health site, crawl it into the archive, then publish it with Datasette."""
    from crawler.samplesite import SampleSite

    _check_archive(db_path)
    with SampleSite() as site:
        click.echo(f"sample site at {site.base_url}; crawling {', '.join(SAMPLE_SITES)} into {db_path}")
        command = [sys.executable, "-m", "crawler.cli", "crawl", *SAMPLE_SITES, "--base-url", site.base_url,
                   "--db", str(db_path)]
        result = subprocess.run(command, check=False)
    if result.returncode != 0:
        raise click.ClickException("the demo crawl failed (see the messages above)")
    if no_serve:
        return
    _serve(db_path, port=port)


@main.command()
@DB_OPTION
@click.option("--port", default=8001, show_default=True, help="Port to listen on.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
def serve(db_path, port, host):
    """Publish an archive with Datasette (browse, search, JSON API)."""
    _serve(db_path, port=port, host=host)


def _serve(db_path: Path, *, port: int, host: str = "127.0.0.1") -> None:
    from archive.publish import PublishError, serve as run_datasette

    try:
        run_datasette(db_path, host=host, port=port)
    except PublishError as exc:
        raise click.ClickException(str(exc)) from None


@main.command()
@click.option("--file", "schedule_file", type=click.Path(path_type=Path), default=Path("schedule.toml"),
              show_default=True, help="The schedule: a [sites.SLUG] table with a cron expression per site.")
@DB_OPTION
@click.option("--list", "list_only", is_flag=True, help="Print each site's next run time and exit.")
@click.option("--once", is_flag=True, help="Run what is due now, wait for it, then exit (for system cron).")
@click.option("--max-runs", type=click.IntRange(min=1), help="Exit once this many crawls have run.")
def schedule(schedule_file, db_path, list_only, once, max_runs):
    """Run crawls on the schedule in a TOML file: each its own process, one at a time per site."""
    from crawler import schedule as scheduling

    try:
        plan = scheduling.load_schedule(schedule_file)
    except scheduling.ScheduleError as exc:
        raise click.ClickException(str(exc)) from None
    _check_archive(db_path)
    scheduler = scheduling.Scheduler(plan, db_path, report=click.echo)
    if list_only:
        for line in scheduling.listing(plan, scheduler.archive, scheduler.now()):
            click.echo(line)
        scheduler.archive.close()
        return
    scheduler.run(once=once, max_runs=max_runs)
    if once and scheduler.failed:
        raise click.ClickException(f"{len(scheduler.failed)} run(s) did not finish: {'; '.join(scheduler.failed)}")


@main.command()
@click.option("--site", help="Only this site's articles (the `site` column).")
@DB_OPTION
def rebuild(site, db_path):
    """Re-extract every stored article from its stored raw pages (no network), saving what changed."""
    from pipelines.rebuild import rebuild as rebuild_archive, summary

    archive = _open(db_path, existing=True)
    try:
        counts = rebuild_archive(archive, site)
    finally:
        archive.close()
    click.echo(summary(counts))


@main.command(name="export-warc")
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--site", help="Only the captures of this site's pages.")
@DB_OPTION
def export_warc(out, site, db_path):
    """Write the archive's raw captures to OUT as a gzipped WARC (request/response records)."""
    from archive.warc import WarcError, export_warc as write_warc

    archive = _open(db_path, existing=True)
    try:
        counts = write_warc(archive.db, out, site=site)
    except WarcError as exc:
        raise click.ClickException(str(exc)) from None
    finally:
        archive.close()
    click.echo(f"{out}: {counts['response']} responses ({counts['body_bytes']} body bytes), "
               f"{counts['request']} requests, 1 warcinfo; {out.stat().st_size} bytes")


@main.command(name="import-warc")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@DB_OPTION
@click.option("--site", help="Extract with this site profile's selectors and file the articles under it.")
def import_warc(file, db_path, site):
    """Archive the articles in a WARC's HTML responses through the same pipelines as a crawl."""
    from archive.warc import WarcError, read_responses
    from pipelines.importing import import_responses, summary

    profile = _profile(site) if site else None
    try:
        found = read_responses(file)
    except WarcError as exc:
        raise click.ClickException(str(exc)) from None
    archive = _open(db_path)
    try:
        profile = profile or sites.SiteProfile.generic([r["url"] for r in found.responses])
        counts = import_responses(archive, found.responses, profile=profile, site=site or "web")
    finally:
        archive.close()
    click.echo(f"{file}: {summary(found, counts)}")
    for error in found.errors[:5]:
        click.echo(f"unreadable record: {error}", err=True)
    if found.stopped:
        raise click.ClickException(f"{file}: {found.stopped}; the records before it were imported")


def _open(db_path: Path, *, existing: bool = False):
    from archive.store import Archive

    if existing and not db_path.is_file():
        raise click.ClickException(f"no archive at {db_path}")
    try:
        return Archive(db_path)
    except ArchiveError as exc:
        raise click.ClickException(str(exc)) from None


if __name__ == "__main__":
    main()
