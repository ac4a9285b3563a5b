"""Article URLs given to `folio crawl --url` (or the spider's `url` argument) reach the crawl whole, commas and all."""
from __future__ import annotations

import pytest

from crawler.spiders.article import split_urls
from tests.conftest import rows
from tests.crawler.test_pagination_crawl import Served, article_html, crawl

TEXT = ["A comma in a page's path is legal and common on news sites that append an article number to the slug.",
        "The crawler must fetch that address as written, not split it into two relative paths that mean nothing."]


@pytest.mark.parametrize("given, expected", [
    ("http://a.test/x,1.html", ["http://a.test/x,1.html"]),
    ("http://a.test/x,1.html,https://b.test/y.html", ["http://a.test/x,1.html", "https://b.test/y.html"]),
    ("http://a.test/x.html, http://a.test/y,2.html", ["http://a.test/x.html", "http://a.test/y,2.html"]),
    ("http://a.test/x,1.html\nhttp://a.test/y.html\n", ["http://a.test/x,1.html", "http://a.test/y.html"]),
    ("", []),
])
def test_urls_split_on_lines_and_on_commas_before_a_scheme_only(given, expected):
    assert split_urls(given) == expected


@pytest.mark.slow
def test_a_url_with_commas_is_crawled_as_written(tmp_path):
    (tmp_path / "clinic-news,12345.html").write_text(article_html("Clinic Hours Change", TEXT))
    (tmp_path / "other,7.html").write_text(article_html("A Second Story", [t.replace("comma", "second comma")
                                                                           for t in TEXT]))
    server = Served(tmp_path)
    try:
        result = crawl(tmp_path / "x.db", server.base + "clinic-news,12345.html", server.base + "other,7.html")
    finally:
        requested = server.requested()
    assert result.returncode == 0, result.stderr[-3000:]
    stored = rows(tmp_path / "x.db", "select url, title from articles order by title")
    assert [(r["url"].rsplit("/", 1)[1], r["title"]) for r in stored] == [
        ("other,7.html", "A Second Story"), ("clinic-news,12345.html", "Clinic Hours Change")]
    assert sorted(requested) == ["/clinic-news,12345.html", "/other,7.html"]
