"""The `folio` command: crawl, schedule, extract, eval, demo, serve, sites, rebuild, export-warc, import-warc."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import click

from archive.store import open_archive
from crawler import sites
from crawler.archive_commands import COMMANDS, DB_OPTION, check_archive, load_profile


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
    check_archive(db_path)
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
    profile = load_profile(site) if site else None
    if not each:
        record = process_pages([(_read(path), url) for path, url in zip(files, urls)], profile)
        _check_text(record, files[0])
        click.echo(json.dumps(public_view(record), ensure_ascii=False, indent=2))
        return
    failed = 0
    for path, url in zip(files, urls):
        try:
            record = process_pages([(_read(path), url)], profile)
            _check_text(record, path)
            click.echo(json.dumps(public_view(record), ensure_ascii=False))
        except click.ClickException as exc:
            failed += 1
            _report_failure(path, url, exc.message)
        except Exception as exc:  # noqa: BLE001  a bug on one page must not hide the others' results
            failed += 1
            _report_failure(path, url, f"extraction failed: {type(exc).__name__}: {exc}")
    if failed:
        raise click.ClickException(f"{failed} of {len(files)} pages could not be extracted (their lines say why)")


def _report_failure(path: Path, url: str, message: str) -> None:
    """A failed page keeps its line in the output (marked with "error") and its reason on stderr."""
    click.echo(json.dumps({"url": url, "file": str(path), "error": message}, ensure_ascii=False))
    click.echo(f"Error: {message}", err=True)


def _read(path: Path) -> bytes:
    """The page's bytes, refused with one clear line when it is no HTML page Folio would read."""
    from crawler.settings import DOWNLOAD_MAXSIZE

    try:
        size = path.stat().st_size
        if size > DOWNLOAD_MAXSIZE:  # the crawler's cap: such a page is never fetched either
            raise click.ClickException(f"{path} is {size / 2**20:.1f} MiB, over the {DOWNLOAD_MAXSIZE // 2**20} MiB "
                                       "limit for one page (the crawler's DOWNLOAD_MAXSIZE)")
        body = path.read_bytes()
    except OSError as exc:
        raise click.ClickException(f"cannot read {path}: {exc.strerror}") from None
    if not body.strip():
        raise click.ClickException(f"{path} is empty")
    head = body[:4096]
    # NUL bytes mean an image, PDF or archive, unless the page is UTF-16 (which its BOM says).
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise click.ClickException(f"{path} is a binary file, not an HTML page")
    return body


def _check_text(record: dict, path: Path) -> None:
    """A page that yields neither a title nor body text is an error, not an empty JSON record."""
    if not (record.get("body_text") or "").strip() and not record.get("title"):
        raise click.ClickException(f"{path}: no article text found")


LABELLED_PAGINATION = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "pagination"


SHARED_CORPORA = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


@main.command(name="eval")
@click.argument("corpus_dirs", nargs=-1, type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--only", "only", multiple=True, help="Score only this extractor: folio, trafilatura, readability.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON (with each page's F1).")
@click.option("--pagination", "pagination_dir", type=click.Path(exists=True, file_okay=False, path_type=Path),
              default=LABELLED_PAGINATION if LABELLED_PAGINATION.is_dir() else None,
              show_default="tests/fixtures/pagination", help="Labelled next-page set to score as well.")
def evaluate(corpus_dirs, only, as_json, pagination_dir):
    """Score Folio, trafilatura and readability-lxml on every corpus in CORPUS_DIRS (default ../shared/corpus)."""
    from pipelines import quality
    from pipelines.scoreboard import corpus_folders, format_scoreboard, scoreboard

    known = {e.name: e for e in quality.EXTRACTORS}
    unknown = sorted(set(only) - set(known))
    if unknown:
        raise click.UsageError(f"unknown extractor {unknown[0]!r}; choose from {', '.join(known)}")
    if not corpus_dirs and not SHARED_CORPORA.is_dir():
        raise click.UsageError(f"name a corpus folder (none at {SHARED_CORPORA})")
    paths = list(corpus_dirs) or [SHARED_CORPORA]
    if not corpus_folders(paths):
        raise click.ClickException(f"no corpus under {', '.join(map(str, paths))} "
                                   "(<case>/source.html + expected.html, or evaldata.json + html/)")
    board = scoreboard(paths, [known[n] for n in only] if only else quality.EXTRACTORS)
    pagination = quality.pagination_scores(pagination_dir) if pagination_dir else None
    if as_json:
        click.echo(json.dumps({**board, "pagination": pagination}, indent=2))
        return
    click.echo(format_scoreboard(board))
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

    check_archive(db_path)
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


for command in COMMANDS:
    main.add_command(command)


if __name__ == "__main__":
    main()
