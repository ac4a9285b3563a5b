"""Real crawls, no profile, where a request an article waits on is the same request as another of the crawl
(a URL given twice, or another article's page): Scrapy's duplicate filter must not lose the article."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import rows
from tests.crawler.test_pagination_crawl import PARAGRAPHS, TITLE, Served, article_html, crawl
from tests.crawler.test_pagination_foreign import crawled, page

pytestmark = pytest.mark.slow


def paged_with_print_view(folder: Path) -> None:
    """A two-page article whose page 1 links its print view, which holds the whole text."""
    links = '<p><a href="story-2.html">Next page</a> <a href="story-print.html">Print</a></p>'
    (folder / "story.html").write_text(article_html(TITLE, PARAGRAPHS[0], links))
    (folder / "story-2.html").write_text(article_html(TITLE, PARAGRAPHS[1]))
    (folder / "story-print.html").write_text(article_html(TITLE, sum(PARAGRAPHS, [])))


def test_a_print_view_also_given_as_an_article_url_still_serves_the_paged_article(tmp_path):
    paged_with_print_view(tmp_path)
    log: list[str] = []
    articles, _ = crawled(tmp_path, "story.html", "story-print.html", log=log)
    found = {a["url"].rsplit("/", 1)[-1]: a for a in articles}
    assert set(found) == {"story.html", "story-print.html"}  # neither article is lost to the other's request
    whole = found["story.html"]
    assert whole["page_count"] == 2 and whole["complete"] == 1
    assert whole["single_page_url"].endswith("/story-print.html")
    assert whole["body_text"].split("\n\n") == sum(PARAGRAPHS, [])  # the same article as a crawl of it alone
    assert log.count("/story-print.html") == 2  # once as an article, once as the paged article's view


def test_two_articles_sharing_one_print_view_are_both_stored(tmp_path):
    paged_with_print_view(tmp_path)
    other = (tmp_path / "story.html").read_text().replace("story-2.html", "again-2.html")
    (tmp_path / "again.html").write_text(other)
    (tmp_path / "again-2.html").write_text((tmp_path / "story-2.html").read_text())
    articles, _ = crawled(tmp_path, "story.html", "again.html")
    assert [a["url"].rsplit("/", 1)[-1] for a in articles] == ["again.html", "story.html"]
    for article in articles:
        assert article["page_count"] == 2 and article["complete"] == 1
        assert article["single_page_url"].endswith("/story-print.html")
        assert article["body_text"].split("\n\n") == sum(PARAGRAPHS, [])


def test_a_one_page_article_waiting_for_a_crawl_page_dropped_as_a_duplicate_is_stored_with_its_sibling(tmp_path):
    """The same page given twice (its query in another order) is one request: the article that chose the URL
    whose request was dropped compares itself with that page, fetched when nothing else is left to do."""
    box = '<div class="box"><h3>Today on Health Daily</h3><ul><li><a href="{}">{}</a></li></ul></div>'
    dropped, kept = "sleep.html?a=1&b=2", "sleep.html?b=2&a=1"
    sleep = "Sleep And Screens In Teens Today"
    (tmp_path / "flu.html").write_text(page(TITLE, PARAGRAPHS[0], box.format(dropped, sleep)))
    (tmp_path / "sleep.html").write_text(page(sleep, [p.replace("flu", "sleep") for p in PARAGRAPHS[2]],
                                              box.format("flu.html", TITLE)))
    server = Served(tmp_path)
    try:
        result = crawl(tmp_path / "x.db", *(server.base + name for name in ("flu.html", kept, dropped)))
    finally:
        log = server.requested()
    assert result.returncode == 0, result.stderr[-3000:]
    assert f"{dropped}: not crawled on its own" in result.stderr  # the dropped article request is said
    flu = rows(tmp_path / "x.db", "select * from articles where url like '%flu.html'")
    assert len(flu) == 1 and flu[0]["body_text"].split("\n\n") == PARAGRAPHS[0]  # the box is the site's chrome
    assert flu[0]["complete"] == 1
    assert log.count("/" + dropped) == 1 and log.count("/" + kept) == 1  # the sibling was fetched, once
