"""`folio rebuild` calls an article complete when the crawl did: it cannot fetch what the crawl left open.

A real crawl stores a three-page article whose pages name each other only in a page list (spelled-out numbers,
opaque URLs); the archive is then changed the way a crawl whose analysis of page 2 failed leaves it: pages 1 and
2 stored, the article incomplete, no row for the page never asked for.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from crawler.cli import main
from tests.conftest import rows
from tests.crawler.test_pagination_crawl import PARAGRAPHS, TITLE, Served, article_html, crawl
from tests.crawler.test_pagination_lists import NAMES, spelled

pytestmark = pytest.mark.slow


@pytest.fixture
def archive(tmp_path) -> Path:
    for number, name in enumerate(NAMES):
        (tmp_path / name).write_text(article_html(TITLE, PARAGRAPHS[number], spelled(number)))
    server = Served(tmp_path)
    try:
        result = crawl(tmp_path / "a.db", server.base + NAMES[0])
    finally:
        server.requested()
    assert result.returncode == 0, result.stderr[-3000:]
    assert [(a["page_count"], a["complete"]) for a in rows(tmp_path / "a.db", "select * from articles")] == [(3, 1)]
    return tmp_path / "a.db"


def stopped_after_page_2(db: Path) -> None:
    """What a crawl whose analysis of page 2 failed stores: two pages, no page 3, the article incomplete."""
    with sqlite3.connect(db) as conn:
        conn.execute("delete from pages where url like ?", [f"%/{NAMES[2]}"])
        conn.execute("update articles set complete = 0, page_count = 2")


def rebuild(db: Path) -> str:
    result = CliRunner().invoke(main, ["rebuild", "--db", str(db)])
    assert result.exit_code == 0, result.output
    return result.output.strip()


def test_an_article_the_crawl_left_incomplete_stays_incomplete(archive):
    stopped_after_page_2(archive)
    rebuild(archive)  # the stored text is rebuilt from two pages
    assert [(a["page_count"], a["complete"]) for a in rows(archive, "select * from articles")] == [(2, 0)]


def test_with_no_stored_verdict_the_page_list_of_the_last_stored_page_decides(archive):
    stopped_after_page_2(archive)
    with sqlite3.connect(archive) as conn:
        conn.execute("delete from article_versions")
        conn.execute("delete from articles")
    rebuild(archive)
    assert [(a["page_count"], a["complete"]) for a in rows(archive, "select * from articles")] == [(2, 0)]


def test_a_whole_article_rebuilt_from_scratch_is_complete(archive):
    with sqlite3.connect(archive) as conn:
        conn.execute("delete from article_versions")
        conn.execute("delete from articles")
    rebuild(archive)
    assert [(a["page_count"], a["complete"]) for a in rows(archive, "select * from articles")] == [(3, 1)]


@pytest.fixture
def rejected(tmp_path) -> tuple[Path, str]:
    """A real crawl of an article whose pager leads to its comments (fetched, rejected) and one whose step
    widget counts three steps, each step's URL serving the article again (fetched, rejected)."""
    from tests.crawler.test_pagination_foreign import COMMENTS, comments, page, steps

    story = PARAGRAPHS[0] + PARAGRAPHS[1]
    (tmp_path / "flu.html").write_text(page(TITLE, story, comments(COMMENTS[:3], 1)))
    (tmp_path / "flu-2.html").write_text(page(TITLE, [], comments(COMMENTS[3:], 2)))
    howto = tmp_path / "howto"
    howto.mkdir()
    for number, name in enumerate(("flu.html", "flu-2.html", "flu-3.html"), 1):
        (howto / name).write_text(page("Wash Your Hands Well", PARAGRAPHS[2], steps(number)))
    server = Served(tmp_path)
    try:
        result = crawl(tmp_path / "r.db", server.base + "flu.html", server.base + "howto/flu.html")
    finally:
        server.requested()
    assert result.returncode == 0, result.stderr[-3000:]
    return tmp_path / "r.db", server.base


def verdicts(db: Path) -> list[tuple]:
    return [(a["url"], a["page_count"], a["complete"], a["rejected_pages"])
            for a in rows(db, "select * from articles order by url")]


def test_the_crawls_rejected_candidates_are_recorded_and_a_rebuild_keeps_its_verdict(rejected):
    import json

    db, base = rejected
    crawled = verdicts(db)
    recorded = {url: json.loads(pages) for url, _, _, pages in crawled}
    assert [(count, complete) for _, count, complete, _ in crawled] == [(1, 1), (1, 1)]
    assert [r["url"] for r in recorded[base + "flu.html"]] == [base + "flu-2.html"]  # the comments page
    assert [r["url"] for r in recorded[base + "howto/flu.html"]][:1] == [base + "howto/flu-2.html"]
    assert all(r["reason"] for pages in recorded.values() for r in pages)
    rebuild(db)
    assert verdicts(db) == crawled


def test_without_a_stored_verdict_the_recorded_rejections_settle_the_links_they_answered(rejected):
    db, _ = rejected
    crawled = verdicts(db)
    with sqlite3.connect(db) as conn:
        conn.execute("update articles set complete = null")  # no verdict: the stored pages and rejections decide
    rebuild(db)
    assert verdicts(db) == crawled  # the pager's page 2 and the three steps were fetched and are not pages
    with sqlite3.connect(db) as conn:
        conn.execute("update articles set complete = null, rejected_pages = null")
    rebuild(db)
    # Not recorded (an archive from before): the stored pages alone name a page 2 that is not stored.
    assert [complete for _, _, complete, _ in verdicts(db)] == [0, 0]
