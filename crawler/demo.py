"""`folio demo`: two visits to the bundled sample site, so the archive shows history, a diff, an incomplete and new articles."""
from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from archive.store import open_archive

SAMPLE_SITES = ("dailyhealth", "medwire", "wellbeing")


class DemoError(Exception):
    """A demo crawl failed; the crawl printed why."""


def run_demo(db_path: Path, *, say: Callable[[str], None]) -> dict:
    """Crawl the sample site's first edition (unless the archive has it), then its changed edition; the counts."""
    from crawler.samplesite import SampleSite

    known = _count(db_path, f"select count(*) from articles where site in ({_sites()})")
    with SampleSite() as site:
        if known:
            say(f"{db_path} already holds the sample site's first visit ({known} articles); "
                "only the later visit runs again, and finds the same articles")
        else:
            say(f"first visit: the sample site at {site.base_url}; crawling {', '.join(SAMPLE_SITES)} into {db_path}")
            _crawl(site.base_url, db_path)
        site.set_edition(2)
        say("later visit: the site has changed (an article corrected, one retitled, a page cut, new articles, "
            "one with a page that fails); crawling every article again")
        _crawl(site.base_url, db_path, "--revisit-all")
    return demo_counts(db_path)


def _crawl(base_url: str, db_path: Path, *extra: str) -> None:
    command = [sys.executable, "-m", "crawler.cli", "crawl", *SAMPLE_SITES, "--base-url", base_url,
               "--db", str(db_path), *extra]
    if subprocess.run(command, check=False).returncode != 0:
        raise DemoError("the demo crawl failed (see the messages above)")


def demo_counts(db_path: Path) -> dict:
    """What the demo archive holds: articles, and examples of a changed, an incomplete and a new article."""
    db = open_archive(db_path)
    try:
        where = f"site in ({_sites()})"
        first = lambda sql: next(db.query(sql), None)  # noqa: E731
        return {
            "articles": db.execute(f"select count(*) from articles where {where}").fetchone()[0],
            "changed": db.execute(f"select count(*) from articles where {where} and version_count > 1").fetchone()[0],
            "incomplete": db.execute(f"select count(*) from articles where {where} and complete = 0").fetchone()[0],
            "a_changed": first(f"select id, title from articles where {where} and version_count > 1 "
                               "order by updated desc, id limit 1"),
            "an_incomplete": first(f"select id, title from articles where {where} and complete = 0 order by id limit 1"),
        }
    finally:
        db.close()


def where_to_look(counts: dict, *, base_url: str, db_name: str) -> list[str]:
    """The lines `folio demo` prints: counts and the pages that show each thing."""
    base = f"{base_url.rstrip('/')}/{db_name}"
    lines = [f"the archive holds {counts['articles']} sample articles: {counts['changed']} with more than one "
             f"version, {counts['incomplete']} incomplete. Where to look:",
             f"  front page   {base_url.rstrip('/')}/",
             f"  articles     {base}/articles",
             f"  changed      {base}/changed_articles",
             f"  incomplete   {base}/incomplete_articles",
             f"  crawls       {base}/crawl_history"]
    if counts["a_changed"]:
        lines.append(f"  a diff       {base}/articles/{counts['a_changed']['id']}/diff  ({counts['a_changed']['title']})")
    if counts["an_incomplete"]:
        lines.append(f"  an article   {base}/articles/{counts['an_incomplete']['id']}  ({counts['an_incomplete']['title']})")
    return lines


def _sites() -> str:
    return ", ".join(f"'{slug}'" for slug in SAMPLE_SITES)


def _count(db_path: Path, sql: str) -> int:
    db = open_archive(db_path)
    try:
        return db.execute(sql).fetchone()[0]
    finally:
        db.close()
