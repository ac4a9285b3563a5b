"""A page's count of pages ("Page 1 of 3") is believed only where the page agrees with it.

Each case is one first page read as ``folio`` reads it (``extract_page``); what is asserted is the count its
report announces, and the links printed with it. The last test crawls a real server: a series box's count whose
own link forward proves to be another article leaves the one-page article complete, the link recorded.
"""
from __future__ import annotations

import json

import pytest

from crawler.sites import SiteProfile
from pipelines.extract import extract_page
from tests.conftest import rows
from tests.crawler.test_pagination_crawl import PARAGRAPHS, TITLE, Served, article_html, crawl, other_article

URL = "http://127.0.0.1/health/flu-season.html"


def report(page: str) -> dict:
    return extract_page(page.encode(), URL, SiteProfile.generic([URL]))["report"]


def page(inside: str = "", beside: str = "", after: str = "") -> str:
    """A first page: the article (headline, text, then ``inside``) in one column, ``beside`` in the next one."""
    text = "".join(f"<p>{p}</p>" for p in sum(PARAGRAPHS, []))
    return (f"<html><head><title>{TITLE}</title></head><body><table><tr><td class='story'><h1>{TITLE}</h1>"
            f"{text}{inside}</td><td class='rail'>{beside}</td></tr></table>{after}</body></html>")


PAGER = '<p class="pager"><span>Page 1 of 3</span> <a href="flu-season-2.html">2</a> <a href="flu-season-3.html">3</a></p>'


@pytest.mark.parametrize(("html", "expected"), [
    # Counts that agree with the page: it is page 1, and the count sits in the article or links its page 2.
    (page(inside="<p>Page 1 of 3</p>"), 3),
    (page(inside=PAGER), 3),
    (page(beside=PAGER), 3),  # beside the text, but its own link to page 2 is the pager's page 2
    (page(inside='<p><a href="flu-season-2.html">Page 2 of 3</a> <a href="flu-season-3.html">Page 3 of 3</a></p>'), 3),
    # A series banner beside the article: no link of its own, printed outside the article's column.
    (page(beside="<p>Series: Winter Health · Part 1 of 2</p>"), None),
    # It calls this page part 2: it numbers a series this article is part 2 of.
    (page(inside="<p>Series: Winter Health · Part 2 of 2</p>"), None),
    # A link's text names the link's target: "Part 3 of 3" from here is no page 2.
    (page(inside='<p><a href="/health/other-story.html">Part 3 of 3 →</a></p>'), None),
    # Its own "Page 2" is a search results page the pager would never follow.
    (page(inside='<p>Results page 1 of 3 · <a href="/search?q=flu&amp;page=2">Page 2</a></p>'), None),
    # A comments pager's numbers (?cpage=N, no fragment) are no pages of the article.
    (page(after='<div id="comments"><nav class="comment-navigation"><span class="current">1</span> '
                '<a href="flu-season.html?cpage=2">2</a> <a href="flu-season.html?cpage=4">4</a></nav></div>'), None),
])
def test_a_count_is_announced_only_where_the_page_agrees_with_it(html, expected):
    assert report(html)["expected"] == expected


def test_the_links_printed_with_a_count_are_reported_as_its_way_on():
    box = '<div class="series-nav"><span>Part 1 of 2</span> <a href="/health/cold-care.html" title="Next Page">›</a></div>'
    found = report(page(inside=box))
    assert found["expected"] == 2 and found["count_links"] == ["http://127.0.0.1/health/cold-care.html"]
    assert report(page(inside="<p>Page 1 of 3</p>"))["count_links"] == []


@pytest.mark.slow
def test_a_series_count_whose_link_proves_another_article_leaves_the_article_complete(tmp_path):
    box = '<div class="series-nav"><span>Part 1 of 2</span> <a href="cold-care.html" title="Next Page">›</a></div>'
    (tmp_path / "flu-season.html").write_text(article_html(TITLE, sum(PARAGRAPHS, []), box))
    (tmp_path / "cold-care.html").write_text(other_article("Caring for a Cold at Home", 4))
    server = Served(tmp_path)
    try:
        result = crawl(tmp_path / "a.db", server.base + "flu-season.html")
    finally:
        server.requested()
    assert result.returncode == 0, result.stderr[-3000:]
    article = rows(tmp_path / "a.db", "select * from articles")[0]
    assert article["page_count"] == 1 and article["complete"] == 1 and "different story" not in article["body_text"]
    rejected = json.loads(article["rejected_pages"])
    assert [r["url"].rsplit("/", 1)[1] for r in rejected] == ["cold-care.html"]
    assert rejected[0]["reason"].startswith("another article")
