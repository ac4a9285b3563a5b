"""A descending sort's ?_next= pages read the sort column's index in order and show every article once
(archive/plugins/tie_order.py)."""
from __future__ import annotations

import sqlite3

from tests.archive.test_search_order import build, get_traced, pages, plan


def expected(path, order: str, where: str = "") -> list[str]:
    with sqlite3.connect(path) as conn:
        return [row[0] for row in conn.execute(f"select id from articles {where} order by {order}")]


def test_descending_pages_show_every_article_once_in_one_order(tmp_path):
    path = tmp_path / "folio.db"
    build(path)  # every article has the same `updated` and no word_count: one long tie each
    for query, order in (("_sort_desc=updated", "updated desc, id desc"),
                         ("_sort_desc=word_count", "word_count desc, id desc"),
                         ("_sort_desc=title", "title desc, id desc")):
        for size in (10, 25):
            ids, total = pages(path, f"{query}&_size={size}")
            assert ids == expected(path, order) and total == 120, (query, size)
    searched, _ = pages(path, "_search=zymurgy+OR+patients&_searchmode=raw&_sort_desc=updated&_size=10")
    assert searched == expected(path, "updated desc, id desc")


def test_the_default_newest_first_order_keeps_datasettes_ties(tmp_path):
    path = tmp_path / "folio.db"
    build(path)  # idx_articles_newest leads with published desc: ties in ascending id, as Datasette pages them
    ids, _ = pages(path, "_size=10")
    assert ids == expected(path, "published desc nulls last, id")


def test_a_descending_next_page_walks_the_index_without_sorting(tmp_path):
    path = tmp_path / "folio.db"
    build(path)
    first, _ = get_traced(path, f"/{path.stem}/articles.json?_sort_desc=updated&_size=10")
    response, statements = get_traced(path, f"/{path.stem}/articles.json?_sort_desc=updated&_size=10"
                                            f"&_next={first.json()['next']}")
    (main,) = [sql for sql in statements if sql.endswith("order by updated desc, id desc limit 11")]
    assert "((id < :p" in main and "((id > :p" not in "".join(statements)  # facets count what the page reads
    steps = plan(path, main.replace(":p0", "'x'").replace(":p1", "'y'"))
    assert "SCAN articles USING INDEX idx_articles_updated" in steps and "TEMP B-TREE" not in steps
    assert len(response.json()["rows"]) == 10
