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
