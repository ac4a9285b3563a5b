"""A page once merged into the wrong article moves to the right one when a later crawl finds it there."""
from archive.store import Archive, article_id
from crawler.items import ArticleCapture, Page


def page(url: str, number: int, body: bytes) -> Page:
    return Page(url=url, number=number, status=200, fetched_at="2024-01-01T00:00:00+00:00",
                headers={"Content-Type": "text/html"}, body=body)


def record(url: str, pages: int) -> dict:
    return {"site": "web", "url": url, "title": url, "authors": [], "body_text": f"Body of {url}.", "references": [],
            "page_count": pages, "complete": True, "missing_pages": [], "content_hash": f"{url}{pages}"}


def test_a_page_falsely_merged_earlier_belongs_to_the_article_that_has_it_now(tmp_path):
    archive = Archive(tmp_path / "a.db")
    first, other = "https://x.example/a", "https://x.example/b"
    shared = page(other, 1, b"<html>b</html>")
    # An earlier crawl took b's page as page 2 of a (a false merge) ...
    archive.save(ArticleCapture(site="web", url=first, pages=[page(first, 1, b"<html>a</html>"),
                                                              page(other, 2, shared.body)]), record(first, 2))
    # ... a later one stores b on its own, with the same bytes.
    archive.save(ArticleCapture(site="web", url=other, pages=[shared]), record(other, 1))
    row = next(archive.db.query("select article_id, number from pages where url = ?", [other]))
    assert (row["article_id"], row["number"]) == (article_id("web", other), 1)
