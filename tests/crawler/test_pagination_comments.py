"""Real crawls, no profile, of articles whose comments have pages of their own (WordPress's ``?cpage=2``, a
``/comments/page/2/`` path), linked without a ``#fragment``: the comments' pages are no pages of the article.

The comment pager names its pages by number, as an article's pager does (four here: a count that would not
match the article's three pages by chance); what tells them apart is what the page's own pager would follow
and what a fetched comments page turns out to be.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.crawler.test_pagination_crawl import PARAGRAPHS, TITLE, article_html, crawl_one

pytestmark = pytest.mark.slow

COMMENTS = ["Thanks, this helped me plan my shots.", "My pharmacist said the same thing last week.",
            "Is the nasal spray as good as the injection?"]


def comments(pager: str) -> str:
    """A WordPress-style comments area: its comments, then its own pager (1 current, 2 to 4 linked)."""
    items = "".join(f'<li class="comment"><p>{c}</p></li>' for c in COMMENTS)
    return (f'<div id="comments" class="comments-area"><h2>3 thoughts on “{TITLE}”</h2>'
            f'<ol class="comment-list">{items}</ol>{pager}</div>')


def wordpress_pager(first: str) -> str:
    """``paginate_comments_links()``: numbered links to ``?cpage=N`` of the article's first page, no fragment."""
    return ('<nav class="navigation comment-navigation" aria-label="Comments"><div class="nav-links">'
            '<span aria-current="page" class="page-numbers current">1</span> '
            f'<a class="page-numbers" href="{first}?cpage=2">2</a> '
            f'<a class="page-numbers" href="{first}?cpage=3">3</a> '
            f'<a class="page-numbers" href="{first}?cpage=4">4</a> '
            f'<a class="next page-numbers" href="{first}?cpage=2">Next »</a></div></nav>')


def path_pager(folder: str) -> str:
    """Comments paged under the article's own folder: ``comments/page/2/``."""
    return ('<div class="nav-links"><span class="page-numbers current">1</span> '
            f'<a class="page-numbers" href="{folder}comments/page/2/">2</a> '
            f'<a class="page-numbers" href="{folder}comments/page/3/">3</a> '
            f'<a class="page-numbers" href="{folder}comments/page/4/">4</a></div>')


def crawled(folder: Path, first: str) -> tuple[dict, list[str]]:
    """Crawl ``first`` with no profile; the stored article and the paths the server was asked for."""
    article, _, requested = crawl_one(folder, first)
    return article, requested


def body_of(article: dict) -> list[str]:
    return article["body_text"].split("\n\n")


def nothing_lost(article: dict, requested: list[str], pages: list[str]) -> None:
    """Every page asked for beyond the article's own (a comments page fetched to check it) is recorded with why."""
    rejected = {r["url"].split("/", 3)[3]: r["reason"] for r in json.loads(article["rejected_pages"] or "[]")}
    for path in requested:
        if path not in pages:
            assert rejected.get(path.lstrip("/")), (path, rejected)


def serve_comment_pages(folder: Path, slug: str) -> None:
    """``comments/page/N/`` answered by a page of comments only (the article's headline, no article text)."""
    for number in (2, 3, 4):
        page = folder / slug / "comments" / "page" / str(number)
        page.mkdir(parents=True)
        (page / "index.html").write_text(article_html(TITLE, [], comments(path_pager(f"/{slug}/"))))


@pytest.mark.parametrize("style", ["cpage", "path"])
def test_a_one_page_article_with_a_comments_pager_is_complete_and_alone(tmp_path, style):
    slug = "flu-shots"
    (tmp_path / slug).mkdir()
    pager = wordpress_pager(f"/{slug}/") if style == "cpage" else path_pager(f"/{slug}/")
    (tmp_path / slug / "index.html").write_text(article_html(TITLE, sum(PARAGRAPHS, []), comments(pager)))
    serve_comment_pages(tmp_path, slug)
    article, requested = crawled(tmp_path, f"{slug}/")
    assert article["page_count"] == 1 and article["complete"] == 1
    assert json.loads(article["missing_pages"]) == []
    assert body_of(article) == sum(PARAGRAPHS, [])  # no comment merged in
    nothing_lost(article, requested, [f"/{slug}/"])


@pytest.mark.parametrize("style", ["cpage", "path"])
def test_a_three_page_article_with_a_comments_pager_has_its_three_pages_and_no_comments_page(tmp_path, style):
    slug = "flu-shots"
    (tmp_path / slug).mkdir()
    names = ["index.html", "2.html", "3.html"]
    pager = wordpress_pager(f"/{slug}/") if style == "cpage" else path_pager(f"/{slug}/")
    for number, name in enumerate(names):
        link = f'<p><a href="/{slug}/{names[number + 1]}">Next page</a></p>' if number < 2 else ""
        (tmp_path / slug / name).write_text(article_html(TITLE, PARAGRAPHS[number], link + comments(pager)))
    serve_comment_pages(tmp_path, slug)
    article, requested = crawled(tmp_path, f"{slug}/")
    assert article["page_count"] == 3 and article["complete"] == 1
    assert json.loads(article["missing_pages"]) == []
    assert body_of(article) == sum(PARAGRAPHS, [])
    nothing_lost(article, requested, [f"/{slug}/", f"/{slug}/2.html", f"/{slug}/3.html"])
