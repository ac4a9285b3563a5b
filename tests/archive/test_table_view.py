"""The articles table view (archive/plugins/folio_table.py): cheaper counts give Datasette's own figures,
the HTML list selects only what it shows, and a long list says its facets were not counted."""
from __future__ import annotations

import sqlite3

from datasette.utils import tilde_encode

from archive.plugins.counted_facets import LIVE_LIMIT
from archive.publish import datasette_app
from tests.archive.test_search_order import build, get_traced, pages


fetch = get_traced  # the response and every statement Datasette ran for it


def direct_count(path, where: str, params: dict) -> int:
    """The count as Datasette itself would run it, straight in SQLite."""
    with sqlite3.connect(path) as conn:
        conn.create_function("escape_fts", 1, lambda text: '"' + text.replace('"', '""') + '"')
        return conn.execute(f"select count(*) from articles {where}", params).fetchone()[0]


def test_every_count_is_the_one_datasette_would_give(tmp_path):
    path = tmp_path / "folio.db"
    build(path)
    search = "rowid in (select rowid from articles_fts where articles_fts match escape_fts(:search))"
    cases = {  # query: (Datasette's own count, and what the cheaper statement must (not) contain)
        "": ("", {}, "from facet_counts"),
        "_search=patients&_size=10": (f"where {search}", {"search": "patients"}, "from articles_fts where"),
        "_search=zymurgy": (f"where {search}", {"search": "zymurgy"}, "from articles_fts where"),
        "_search=patients&_size=10&published__gte=2014": (
            f"where published >= '2014' and {search}", {"search": "patients"}, "+rowid in (select rowid"),
        "_search=zymurgy&published__gte=2014": (
            f"where published >= '2014' and {search}", {"search": "zymurgy"}, 'where "published" >= :p0 and rowid'),
    }
    for query, (where, params, statement) in cases.items():
        response, statements = fetch(path, f"/{path.stem}/articles.json?{query}")
        (count,) = [sql for sql in statements if sql.startswith(("select nullif(count(*)", "select coalesce(sum(count)"))
                    or sql.startswith("select count(*) from") and " limit " not in sql]
        assert statement in count, (query, count)
        assert "= articles.rowid" not in count  # never a probe of the search index per row
        assert response.json()["filtered_table_rows_count"] == direct_count(path, where, params), query
    assert direct_count(path, "", {}) == 120


def test_the_html_list_selects_only_the_columns_it_shows(tmp_path):
    path = tmp_path / "folio.db"
    build(path)
    app = datasette_app(path)
    compact = app.plugin_config("folio", database=path.stem, table="articles")["compact_columns"]
    sortable = app.table_metadata(path.stem, "articles")["sortable_columns"]

    def selected(url: str) -> list[str]:
        _, statements = fetch(path, url)
        main = next(sql for sql in statements if sql.startswith("select id, ") and " limit " in sql)
        return main.split(" from articles", 1)[0].removeprefix("select ").split(", ")

    assert selected(f"/{path.stem}/articles") == list(dict.fromkeys(["id", *compact, *sortable]))
    assert selected(f"/{path.stem}/articles?_search=patients&_sort=title") == selected(f"/{path.stem}/articles")
    every = selected(f"/{path.stem}/articles.json")
    with sqlite3.connect(path) as conn:  # every column of the table, rowid aside, generated ones included
        columns = [row[1] for row in conn.execute("pragma table_xinfo(articles)")]
    conn.close()
    assert every == columns and "body_html" in every
    assert selected(f"/{path.stem}/articles?_columns=all") == every
    assert selected(f"/{path.stem}/articles.csv") == every
    page, _ = fetch(path, f"/{path.stem}/articles")
    assert f"Showing {len(compact)} of {len(columns)} columns" in page.text and page.text.count("folio-title") == 50
    newest = next(row for row in fetch(path, f"/{path.stem}/articles.json?_shape=objects")[0].json()["rows"])
    link = app.urls.row(path.stem, "articles", tilde_encode(newest["id"]))  # Datasette's own URL for the row
    assert f'<a class="folio-title" href="{link}">{newest["title"]}</a>' in page.text
    # on a narrow screen the first cell shown is labelled with the first compact column, not the id
    labels = page.text.rsplit("@media only screen and (max-width: 576px)", 1)[1].split("</style>", 1)[0]
    assert f'td:nth-of-type(1):before {{ content: "{compact[0]}"; }}' in labels


def test_other_pages_keep_their_own_routes(tmp_path):
    path = tmp_path / "folio.db"
    build(path)
    versions, _ = fetch(path, "/-/versions.json")
    assert "datasette" in versions.json()
    css, _ = fetch(path, "/static/folio.css")
    assert "text/css" in css.headers["content-type"]
    crawls, _ = fetch(path, f"/{path.stem}/crawls.json")
    assert crawls.json()["filtered_table_rows_count"] == 0
    canned, _ = fetch(path, f"/{path.stem}/articles_mentioning.json?term=zymurgy&_shape=array")
    assert len(canned.json()) == 10


def test_a_long_list_leaves_its_facets_uncounted_and_says_so(tmp_path):
    path = tmp_path / "folio.db"
    build(path, count=LIVE_LIMIT + 100)
    matches = LIVE_LIMIT + 100
    long, statements = fetch(path, f"/{path.stem}/articles.json?_search=patients")
    assert long.json()["filtered_table_rows_count"] == matches and long.json()["facet_results"] == {}
    assert not [sql for sql in statements if "as count" in sql]  # no facet query ran at all
    page, _ = fetch(path, f"/{path.stem}/articles?_search=patients")
    assert f"Facets are counted for lists of up to {LIVE_LIMIT:,} articles" in page.text
    assert f"this one has {matches:,}" in page.text and "_count_facets=1" in page.text
    anyway, _ = fetch(path, f"/{path.stem}/articles.json?_search=patients&_count_facets=1")
    assert anyway.json()["facet_results"]["site"]["results"][0]["count"] == matches
    short, _ = fetch(path, f"/{path.stem}/articles.json?_search=zymurgy")  # one in twelve: counted live
    rare = -(-matches // 12)
    assert short.json()["facet_results"]["site"]["results"][0]["count"] == rare
    (author,) = short.json()["facet_results"]["authors"]["results"]
    assert (author["value"], author["count"]) == ("A. Writer", rare)
    whole, _ = fetch(path, f"/{path.stem}/articles")  # the whole list reads facet_counts, never skipped
    assert "Facets are counted" not in whole.text and 'id="facet-site"' in whole.text


def test_live_facets_read_only_the_ids_and_facet_columns(tmp_path):
    path = tmp_path / "folio.db"
    build(path)
    response, statements = fetch(path, f"/{path.stem}/articles.json?_search=zymurgy")
    facets = [sql for sql in statements if "as count" in sql]
    assert len(facets) == 4 and all("select rowid, " in sql and "body_text" not in sql for sql in facets)
    with sqlite3.connect(path) as conn:  # the counts Datasette's facets give over whole rows
        years = dict(conn.execute(
            "select substr(published, 1, 4), count(*) from articles where published is not null and rowid in "
            "(select rowid from articles_fts where articles_fts match 'zymurgy') group by 1").fetchall())
    found = response.json()["facet_results"]
    assert {r["value"]: r["count"] for r in found["published"]["results"]} == years
    assert [(r["value"], r["count"]) for r in found["authors"]["results"]] == [("A. Writer", 10)]
    assert [(r["value"], r["count"]) for r in found["site"]["results"]] == [("bulk", 10)]


def test_a_search_count_stops_at_its_limit_and_says_more_than(tmp_path, monkeypatch):
    path = tmp_path / "folio.db"
    build(path)  # 120 articles say "patients", 10 "zymurgy"
    monkeypatch.setenv("FOLIO_COUNT_LIMIT", "50")
    long, statements = fetch(path, f"/{path.stem}/articles.json?_search=patients&_size=10")
    assert long.json()["filtered_table_rows_count"] is None  # never a wrong figure: none, as ?_nocount=1 gives
    assert long.json()["filtered_table_rows_count_more_than"] == 50 and len(long.json()["rows"]) == 10
    assert long.json()["facet_results"] == {}  # how many there are is unknown: facets wait for the link
    (count,) = [sql for sql in statements if "count(*)" in sql and "limit 51)" in sql]
    assert count.startswith("select nullif(count(*), 51) from (select 1 from articles_fts where")
    short, _ = fetch(path, f"/{path.stem}/articles.json?_search=zymurgy")
    assert short.json()["filtered_table_rows_count"] == 10 and "filtered_table_rows_count_more_than" not in short.json()
    counted, _ = fetch(path, f"/{path.stem}/articles.json?_search=patients&_count_rows=1")
    assert counted.json()["filtered_table_rows_count"] == 120
    assert "filtered_table_rows_count_more_than" not in counted.json()
    filtered = "_search=patients&published__gte=2014"  # with a filter too, counted up to the limit
    where = "where published >= '2014' and rowid in (select rowid from articles_fts where articles_fts match 'patients')"
    assert direct_count(path, where, {}) > 50
    assert fetch(path, f"/{path.stem}/articles.json?{filtered}")[0].json()["filtered_table_rows_count_more_than"] == 50
    assert fetch(path, f"/{path.stem}/articles.json?{filtered}&_count_rows=1")[0].json()[
        "filtered_table_rows_count"] == direct_count(path, where, {})
    ids, total = pages(path, "_search=patients&_size=25")  # ?_next= pages still cover every match once
    assert total is None and len(ids) == len(set(ids)) == 120
    page, _ = fetch(path, f"/{path.stem}/articles?_search=patients")
    assert "more than 50 rows where search matches" in page.text
    assert "_search=patients&amp;_count_rows=1" in page.text and "this one has more than 50" in page.text


def test_a_count_at_its_limit_is_exact(tmp_path, monkeypatch):
    path = tmp_path / "folio.db"
    build(path)
    for limit, count, more_than in ((120, 120, None), (119, None, 119)):
        monkeypatch.setenv("FOLIO_COUNT_LIMIT", str(limit))
        data = fetch(path, f"/{path.stem}/articles.json?_search=patients")[0].json()
        assert (data["filtered_table_rows_count"], data.get("filtered_table_rows_count_more_than")) == (count, more_than)
        page, _ = fetch(path, f"/{path.stem}/articles?_search=patients")
        assert ("120 rows where search matches" in page.text) is (count is not None)
        assert ("_count_rows=1" in page.text) is (more_than is not None)


def test_a_count_limit_that_is_not_a_number_counts_to_the_default_and_says_so(tmp_path, monkeypatch, caplog):
    path = tmp_path / "folio.db"
    build(path)
    monkeypatch.setenv("FOLIO_COUNT_LIMIT", "ten")
    response, statements = fetch(path, f"/{path.stem}/articles.json?_search=patients")
    assert response.json()["filtered_table_rows_count"] == 120
    assert any("limit 10001)" in sql for sql in statements)
    assert "FOLIO_COUNT_LIMIT='ten' is not a whole number above 0" in caplog.text
