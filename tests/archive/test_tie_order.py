"""A descending sort's ?_next= pages read the sort column's index in order and show every article once
(archive/plugins/tie_order.py)."""
from __future__ import annotations

import sqlite3

from archive.publish import datasette_app
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


def column_pages(path, query: str, column: str) -> list[tuple]:
    """(value, id) of every row the list shows for ``query``, following ?_next=."""
    rows, url = [], f"/{path.stem}/articles.json?_col={column}&_shape=objects&{query}"
    while url:
        data = get_traced(path, url)[0].json()
        rows += [(row[column], row["id"]) for row in data["rows"]]
        url = data["next_url"] and data["next_url"].split("localhost", 1)[-1]
    return rows


def test_every_sortable_column_pages_each_way_in_one_order(tmp_path):
    path = tmp_path / "folio.db"
    build(path)
    with sqlite3.connect(path) as conn:
        conn.execute("update articles set word_count = rowid % 7, title = 'Same title' where rowid % 3 = 0")
    for column in datasette_app(path).table_metadata(path.stem, "articles")["sortable_columns"]:
        for direction, descending in (("_sort", False), ("_sort_desc", True)):
            rows = column_pages(path, f"{direction}={column}&_size=10", column)
            assert len(rows) == len({row_id for _, row_id in rows}) == 120, (column, direction)
            values = [(value is not None, value) for value, _ in rows]  # SQLite: nulls sort lowest
            assert values == sorted(values, reverse=descending), (column, direction)
            ties = [(a[1] < b[1]) for a, b in zip(rows, rows[1:]) if a[0] == b[0]]
            assert len(set(ties)) <= 1, (column, direction)  # one key order for every tie, on every page
