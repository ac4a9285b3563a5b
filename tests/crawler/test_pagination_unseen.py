"""Real crawls, no profile, of small pages in conventions no rule names: evidence finds the pages, or says some are missing.

The pages are written here, in a language whose "next" no rule lists (Finnish), so what is tested is the mechanism
(URL arithmetic, a pager's label ending in the page number, a link in the page's pager), not a word.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from crawler.items import ArticleCapture
from pipelines.assemble import complete_chain
from tests.crawler.test_pagination_crawl import PARAGRAPHS, TITLE, Served, article_html, crawl_one, other_article

pytestmark = pytest.mark.slow


def crawled(folder: Path, first: str) -> tuple[dict, list[str]]:
    """Crawl ``first`` with no profile; the stored article and the paths the server was asked for."""
    server = Served(folder)
    article, _, requested = crawl_one(folder, first, server)
    article["missing_pages"] = [url.removeprefix(server.base) for url in json.loads(article["missing_pages"])]
    return article, requested


def body_is(article: dict, pages: list[list[str]]) -> bool:
    return [p for p in article["body_text"].split("\n\n") if p in sum(PARAGRAPHS, [])] == sum(pages, [])


def test_comma_style_page_urls_with_link_text_in_an_unlisted_language(tmp_path):
    names = ["terveys.html", "terveys,sivu,2.html", "terveys,sivu,3.html"]
    for number, name in enumerate(names):
        link = f'<p><a href="{names[number + 1]}">Seuraava sivu</a></p>' if number + 1 < len(names) else ""
        (tmp_path / name).write_text(article_html(TITLE, PARAGRAPHS[number], link))
    article, requested = crawled(tmp_path, names[0])
    assert article["page_count"] == 3 and article["complete"] == 1 and body_is(article, PARAGRAPHS)
    assert requested == ["/" + n for n in names]


def test_a_real_href_beside_a_broken_data_href_is_followed_by_its_label(tmp_path):
    """A script pager names a partial view in data-href (here: 404); the href is the page, "Lataa sivu 2" its number."""
    (tmp_path / "flunssa.html").write_text(article_html(TITLE, PARAGRAPHS[0], (
        '<p><a class="more" href="r48213.html" data-href="api/osa?id=48213&amp;partial=1">Lataa sivu 2</a></p>')))
    (tmp_path / "r48213.html").write_text(article_html(TITLE, PARAGRAPHS[1], (
        '<p><a class="more" href="r90177.html" data-href="api/osa?id=90177&amp;partial=1">Lataa sivu 3</a></p>')))
    (tmp_path / "r90177.html").write_text(article_html(TITLE, PARAGRAPHS[2]))
    article, requested = crawled(tmp_path, "flunssa.html")
    assert article["page_count"] == 3 and article["complete"] == 1 and body_is(article, PARAGRAPHS)
    assert requested == ["/flunssa.html", "/r48213.html", "/r90177.html"]  # the broken data-href never asked


def pager(forward: str | None, back: str | None = None) -> str:
    links = (f'<a href="{back}">Edellinen</a> ' if back else "") + (f'<a href="{forward}">Seuraava</a>' if forward else "")
    return f'<nav class="pagination">{links}</nav>'


def test_a_link_in_the_pages_pager_is_fetched_and_verified_whatever_it_says(tmp_path):
    names = ["rokote.html", "k7731.html", "k1204.html"]
    for number, name in enumerate(names):
        forward = names[number + 1] if number + 1 < len(names) else None
        back = names[number - 1] if number else None
        (tmp_path / name).write_text(article_html(TITLE, PARAGRAPHS[number], pager(forward, back)))
    article, requested = crawled(tmp_path, names[0])
    assert article["page_count"] == 3 and article["complete"] == 1 and body_is(article, PARAGRAPHS)
    assert requested == ["/" + n for n in names]


def test_a_pager_link_to_another_article_merges_nothing_and_the_article_is_complete(tmp_path):
    (tmp_path / "uni.html").write_text(article_html(TITLE, sum(PARAGRAPHS, []), pager("k5150.html")))
    (tmp_path / "k5150.html").write_text(other_article("New Rules for School Lunches", 4))
    article, requested = crawled(tmp_path, "uni.html")
    assert article["page_count"] == 1 and article["complete"] == 1 and "different story" not in article["body_text"]
    assert requested == ["/uni.html", "/k5150.html"]


def test_a_pager_link_whose_page_fails_leaves_the_article_incomplete(tmp_path):
    (tmp_path / "uni.html").write_text(article_html(TITLE, PARAGRAPHS[0], pager("k5150.html")))  # k5150: 404
    article, requested = crawled(tmp_path, "uni.html")
    assert article["page_count"] == 1 and article["complete"] == 0
    assert article["missing_pages"] == ["k5150.html"]


def test_pager_numbers_past_the_last_page_read_leave_the_article_incomplete(tmp_path):
    """Opaque URLs, so no "page 1 of N" count: page 3 is named only by its number in the pager, and answers 404."""
    names = ["uni.html", "k7731.html", "k1204.html"]
    numbers = " ".join(f'<a href="{name}">{n}</a>' for n, name in enumerate(names, 1))
    for number in (0, 1):
        (tmp_path / names[number]).write_text(article_html(TITLE, PARAGRAPHS[number], f"<p>{numbers}</p>"))
    article, requested = crawled(tmp_path, names[0])
    assert article["page_count"] == 2 and article["complete"] == 0 and body_is(article, PARAGRAPHS[:2])
    assert article["missing_pages"] == ["k1204.html"]
    assert requested == ["/uni.html", "/k7731.html", "/k1204.html"]


def test_a_chain_stopped_for_any_reason_but_a_loop_is_not_complete():
    def capture(stopped: str | None) -> ArticleCapture:
        return ArticleCapture(site="web", url="http://127.0.0.1/uni.html", stopped=stopped)

    assert complete_chain(capture(None)) and complete_chain(capture("loop: next page x was already fetched"))
    for stopped in ("pagination failed: see the log", "page limit: stopped after 40 pages (FOLIO_MAX_PAGES)",
                    "short: http://127.0.0.1/k5150.html continues it and was not verified (HTTP 404)"):
        assert not complete_chain(capture(stopped))


def test_a_numbered_link_past_the_next_page_is_no_page_list(tmp_path):
    """"Top 5" ends in a number, but no pager link names page 2: nothing says the article goes on."""
    (tmp_path / "uni.html").write_text(article_html(TITLE, sum(PARAGRAPHS, []), '<p><a href="k9.html">Top 5</a></p>'))
    article, requested = crawled(tmp_path, "uni.html")
    assert article["page_count"] == 1 and article["complete"] == 1 and article["missing_pages"] == []
    assert requested == ["/uni.html"]


def test_a_comments_pager_is_no_page_of_the_article_and_the_article_is_complete(tmp_path):
    """"?page=2#comments" numbers the comments (the fragment's box follows the text): no page 2 is missing."""
    comments = ('<section id="comments"><h3>3 Comments</h3><p class="comment">Great read, thanks!</p>'
                '<div class="comment-nav"><a href="uni.html?page=2#comments">Next comments</a> '
                '<a href="uni.html?page=2#comments">2</a></div></section>')
    (tmp_path / "uni.html").write_text(article_html(TITLE, sum(PARAGRAPHS, []), comments))
    article, requested = crawled(tmp_path, "uni.html")
    assert article["page_count"] == 1 and article["complete"] == 1 and article["missing_pages"] == []
    assert requested == ["/uni.html"]
