"""A `_search` of the articles list walks an index, never every match's row, and counts in the search index
(archive/plugins/search_order.py)."""
from __future__ import annotations

import asyncio
import sqlite3

from datasette.tracer import capture_traces

from archive.publish import datasette_app
from archive.store import Archive

COLUMNS = ("id", "site", "url", "title", "authors", "published", "body_html", "page_count", "complete",
           "missing_pages", "content_hash", "first_seen", "updated", "version_count")


def build(path, count: int = 120) -> None:
    """Articles through the real schema and triggers; every one says "patients", ten also "zymurgy"."""
    archive = Archive(path)
    rows = []
    for n in range(count):
        published = None if n % 17 == 0 else f"20{10 + n % 9}-0{1 + n % 9}-1{n % 3}"  # ties and undated ones
        body = f"<p>Most patients recover{' with zymurgy' if n % 12 == 0 else ''} in week {n}.</p>"
        rows.append((f"{n:016x}", "bulk", f"https://bulk.example/{n}", f"Article {n}", '["A. Writer"]',
                     published, body, 1, 1, "[]", f"h{n}", "2026-01-01", "2026-01-01", 1))
    archive.conn.executemany(f"insert into articles ({', '.join(COLUMNS)}) values ({', '.join('?' * len(COLUMNS))})",
                             rows)
    archive.conn.commit()
    archive.close()


def get_traced(path, url: str):
    """The response to ``url`` and every SQL statement Datasette ran for it."""
    traces: list[dict] = []

    async def run():
        with capture_traces(traces):
            return await datasette_app(path).client.get(url)
    response = asyncio.run(run())
    assert response.status_code == 200, response.text[:300]
    return response, [t["sql"] for t in traces]


def traced(path, url: str) -> tuple[dict, list[str]]:
    """The JSON of ``url`` and the statements Datasette ran for it that read the search index."""
    response, statements = get_traced(path, url)
    return response.json(), [sql for sql in statements if "articles_fts match" in sql]


def plan(path, sql: str) -> str:
    with sqlite3.connect(path) as conn:
        conn.create_function("escape_fts", 1, lambda text: '"' + text.replace('"', '""') + '"')
        return "\n".join(row[-1] for row in conn.execute(f"explain query plan {sql}", {"search": "patients"}))


def pages(path, query: str) -> tuple[list[str], int]:
    """Every id the list shows for ``query``, following ?_next=, and the count it states."""
    ids, url, total = [], f"/{path.stem}/articles.json?_col=id&{query}", None
    while url:
        data, _ = traced(path, url)
        ids += [row[0] for row in data["rows"]]
        total = data["filtered_table_rows_count"] if total is None else total
        url = data["next_url"] and data["next_url"].split("localhost", 1)[-1]
    return ids, total


def test_common_word_search_walks_the_index_and_counts_in_the_search_index(tmp_path):
    path = tmp_path / "folio.db"
    build(path)
    data, statements = traced(path, f"/{path.stem}/articles.json?_search=patients&_size=10")
    assert data["filtered_table_rows_count"] == 120 and len(data["rows"]) == 10
    main = next(sql for sql in statements if " limit " in sql.lower() and "count(*)" not in sql)
    (count,) = [sql for sql in statements if sql.startswith("select nullif(count(*)")]
    # the index is read in order and each entry probed in the search index: no match's row looked up first
    assert ("exists (select 1 from articles_fts where articles_fts match escape_fts(:search)"
            " and articles_fts.rowid = articles.rowid)") in main
    assert "SEARCH articles USING INTEGER PRIMARY KEY" not in plan(path, main)
    assert "SCAN articles USING INDEX idx_articles_newest" in plan(path, main)  # stops after a page of rows
    assert "CORRELATED" in plan(path, main)
    # counted in the search index alone, which holds one entry per article row, up to the count's limit
    assert count == ("select nullif(count(*), 10001) from (select 1 from articles_fts"
                     " where articles_fts match escape_fts(:search) limit 10001)")
    assert "articles " not in plan(path, count).replace("articles_fts", "")


def test_search_rows_order_and_count_are_datasettes_own(tmp_path):
    path = tmp_path / "folio.db"
    build(path)
    with sqlite3.connect(path) as conn:  # Datasette's order: published newest first, undated last
        expected = conn.execute(
            "select published, id from articles where rowid in (select rowid from articles_fts"
            " where articles_fts match 'zymurgy') order by published desc nulls last, id").fetchall()
    data, _ = traced(path, f"/{path.stem}/articles.json?_search=zymurgy&_shape=objects&_col=published")
    # Datasette's first page orders by published alone: articles of one date may come in any order
    assert [row["published"] for row in data["rows"]] == [published for published, _ in expected]
    assert {(row["published"], row["id"]) for row in data["rows"]} == set(expected)
    for size in (25, 10):  # 10 a page: the probe of each row (tested after the ?_next= cursor's terms)
        ids, total = pages(path, f"_search=patients&_size={size}")
        assert total == 120 and len(ids) == len(set(ids)) == 120


def test_the_html_list_reads_snippets_for_its_rows_only(tmp_path):
    path = tmp_path / "folio.db"
    build(path)
    traces: list[dict] = []

    async def run():
        with capture_traces(traces):
            return await datasette_app(path).client.get(f"/{path.stem}/articles?_search=patients")
    page = asyncio.run(run())
    assert page.status_code == 200 and page.text.count("<mark>") >= 50
    (snippets,) = [t for t in traces if "snippet(" in t["sql"]]
    with sqlite3.connect(path) as conn:
        steps = [row[-1] for row in conn.execute(f"explain query plan {snippets['sql']}", snippets["params"])]
    assert steps[0].startswith("SEARCH articles")  # the page's 50 ids first, never every match


def test_a_rare_word_keeps_the_lookup_plan(tmp_path):
    path = tmp_path / "folio.db"
    build(path)
    _, statements = traced(path, f"/{path.stem}/articles.json?_search=zymurgy")  # 10 of 120: rows looked up
    main = next(sql for sql in statements if " limit " in sql.lower() and "count(*)" not in sql)
    assert "+rowid" not in main and "= articles.rowid" not in main
    assert "SEARCH articles USING INTEGER PRIMARY KEY" in plan(path, main)


def test_every_sortable_column_leads_an_index_a_search_walks(tmp_path):
    path = tmp_path / "folio.db"
    build(path)
    sortable = datasette_app(path).table_metadata(path.stem, "articles")["sortable_columns"]
    with sqlite3.connect(path) as conn:
        leading = {row[0] for row in conn.execute(
            "select info.name from pragma_index_list('articles') as list, pragma_index_xinfo(list.name) as info"
            " where info.seqno = 0 and info.coll = 'BINARY' and list.partial = 0")}
    assert "published" in sortable and set(sortable) <= leading
    data, statements = traced(path, f"/{path.stem}/articles.json?_search=patients&_sort=title&_shape=objects&_size=10")
    main = next(sql for sql in statements if " limit " in sql.lower() and "count(*)" not in sql)
    assert "articles_fts.rowid = articles.rowid" in main
    assert "SCAN articles USING INDEX idx_articles_title" in plan(path, main)
    assert [row["title"] for row in data["rows"]] == sorted(f"Article {n}" for n in range(120))[:10]
