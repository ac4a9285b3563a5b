"""The `folio` commands that look after an existing archive: schedule, rebuild, export-warc, import-warc."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import click

from archive.store import DEFAULT_DB, ArchiveError, open_archive
from crawler import sites

DB_OPTION = click.option(
    "--db", "db_path", type=click.Path(path_type=Path), default=DEFAULT_DB, show_default="archive/folio.db",
    help="The archive file (SQLite); created if missing.",
)
# For the commands that read an archive: they stop with one line when the file is not there.
EXISTING_DB_OPTION = click.option(
    "--db", "db_path", type=click.Path(path_type=Path), default=DEFAULT_DB, show_default="archive/folio.db",
    help="The archive file (SQLite); it must exist.",
)


def check_archive(db_path: Path) -> None:
    """Open (creating and migrating if needed) the archive, or stop with its one-line error."""
    try:
        open_archive(db_path).close()
    except ArchiveError as exc:
        raise click.ClickException(str(exc)) from None


def load_profile(slug: str) -> sites.SiteProfile:
    """The site profile ``slug``, or stop with the list of known sites."""
    try:
        return sites.load(slug)
    except sites.ProfileError as exc:
        raise click.ClickException(str(exc)) from None


@click.command()
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
    check_archive(db_path)
    scheduler = scheduling.Scheduler(plan, db_path, report=click.echo)
    if list_only:
        for line in scheduling.listing(plan, scheduler.archive, scheduler.now()):
            click.echo(line)
        scheduler.archive.close()
        return
    scheduler.run(once=once, max_runs=max_runs)
    if once and scheduler.failed:
        raise click.ClickException(f"{len(scheduler.failed)} run(s) did not finish: {'; '.join(scheduler.failed)}")


@click.command()
@click.option("--site", help="Only this site's articles (the `site` column).")
@EXISTING_DB_OPTION
def rebuild(site, db_path):
    """Re-extract every stored article from its stored raw pages (no network), saving what changed."""
    from pipelines.rebuild import rebuild as rebuild_archive, summary

    archive = _open(db_path, existing=True)
    try:
        _check_site(archive, site, db_path)
        counts = rebuild_archive(archive, site)
    except sqlite3.DatabaseError as exc:
        raise click.ClickException(damaged(db_path, exc)) from None
    finally:
        archive.close()
    click.echo(summary(counts))
    if counts["corrupt"]:
        raise click.ClickException(f"{counts['corrupt']} article(s) not rebuilt: a stored page body is corrupt "
                                   "(they were left as they were; see the warnings above)")


@click.command(name="export-warc")
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--site", help="Only the captures of this site's pages.")
@EXISTING_DB_OPTION
def export_warc(out, site, db_path):
    """Write the archive's raw captures to OUT as a gzipped WARC (request/response records)."""
    from archive.warc import WarcError, export_warc as write_warc

    archive = _open(db_path, existing=True)
    try:
        _check_site(archive, site, db_path)
        counts = write_warc(archive.db, out, site=site)
    except WarcError as exc:
        raise click.ClickException(str(exc)) from None
    except sqlite3.DatabaseError as exc:
        raise click.ClickException(damaged(db_path, exc)) from None
    finally:
        archive.close()
    click.echo(f"{out}: {counts['response']} responses ({counts['body_bytes']} body bytes), "
               f"{counts['request']} requests, 1 warcinfo; {out.stat().st_size} bytes")
    if counts["corrupt"]:
        raise click.ClickException(f"{counts['corrupt']} capture(s) left out of {out}: their stored body is corrupt")


@click.command(name="import-warc")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@DB_OPTION
@click.option("--site", help="Extract with this site profile's selectors and file the articles under it.")
def import_warc(file, db_path, site):
    """Archive the articles in a WARC's HTML responses through the same pipelines as a crawl."""
    from archive.warc import WarcError, read_responses
    from pipelines.importing import import_responses, summary

    profile = load_profile(site) if site else None
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


def _check_site(archive, site: str | None, db_path: Path) -> None:
    """Stop with one line when ``--site`` names a site the archive holds no pages of."""
    if site is None:
        return
    held = [r["site"] for r in archive.db.query("select distinct site from pages where site is not null order by site")]
    if site not in held:
        raise click.ClickException(f"{db_path} holds no pages of site {site!r}; "
                                   f"its sites: {', '.join(held) or 'none yet'}")


def damaged(db_path: Path, exc: sqlite3.DatabaseError) -> str:
    """The one line for an archive SQLite cannot read any more."""
    return (f"cannot read the archive {db_path}: {exc}; it is damaged "
            f"(`sqlite3 {db_path} .recover` may save what is left)")


def _open(db_path: Path, *, existing: bool = False):
    from archive.store import Archive

    if existing and not db_path.is_file():
        raise click.ClickException(f"no archive at {db_path}")
    try:
        return Archive(db_path)
    except ArchiveError as exc:
        raise click.ClickException(str(exc)) from None


COMMANDS = (schedule, rebuild, export_warc, import_warc)
