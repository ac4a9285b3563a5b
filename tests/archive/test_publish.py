"""Publishing an archive: file checks, Datasette configuration, metadata, facets, search, canned queries."""
from __future__ import annotations

import asyncio
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlite_utils import Database

from archive.publish import (
    ARCHIVE_DIR, PublishError, check_database, datasette_app, load_metadata, urls_to_open,
)


def fetch(db_path: Path, *paths: str):
    """GET each path from an in-process Datasette for db_path (one event loop for all)."""
    ds = datasette_app(db_path)

    async def run():
        return [await ds.client.get(path) for path in paths]

    responses = asyncio.run(run())
    return responses[0] if len(responses) == 1 else responses


def rows(db_path: Path, path: str) -> list[dict]:
    response = fetch(db_path, path)
    assert response.status_code == 200, response.text[:500]
    return response.json()


# --- check_database -------------------------------------------------------------------------------

def test_check_database_accepts_an_archive(archive_db):
    check_database(archive_db)  # raises on failure


def _bad_files(tmp_path: Path, good: Path) -> dict[str, tuple[Path, str]]:
    shutil.copy(good, tmp_path / "whole.db")
    with sqlite3.connect(tmp_path / "whole.db") as conn:  # fold the WAL in so the file is complete
        conn.execute("pragma wal_checkpoint(truncate)")
    data = (tmp_path / "whole.db").read_bytes()
    (tmp_path / "notes.db").write_text("title,url\nVitamin D,https://example.org\n")
    (tmp_path / "empty.db").write_bytes(b"")
    (tmp_path / "truncated.db").write_bytes(data[: len(data) // 2])
    (tmp_path / "garbage.db").write_bytes(data[:4096] + os.urandom(len(data) - 4096))
    with sqlite3.connect(tmp_path / "other.db") as conn:
        conn.execute("create table recipes (name text)")
    return {
        "missing": (tmp_path / "nope.db", "no such file"),
        "directory": (tmp_path, "not a file"),
        "text file": (tmp_path / "notes.db", "not a readable SQLite database (file is not a database)"),
        "empty file": (tmp_path / "empty.db", "empty file, not a Folio archive"),
        "truncated": (tmp_path / "truncated.db", "database disk image is malformed"),
        "garbage": (tmp_path / "garbage.db", "database disk image is malformed"),
        "other SQLite": (tmp_path / "other.db", "not a Folio archive (no articles table)"),
    }


@pytest.mark.parametrize("case", ["missing", "directory", "text file", "empty file", "truncated", "garbage",
                                  "other SQLite"])
def test_check_database_explains_a_bad_file_in_one_line(tmp_path, archive_db, case):
    path, expected = _bad_files(tmp_path, archive_db)[case]
    with pytest.raises(PublishError) as raised:
        check_database(path)
    message = str(raised.value)
    assert expected in message and str(path) in message
    assert "\n" not in message


def test_serve_refuses_a_bad_file_before_listening(tmp_path):
    from archive.publish import serve

    with pytest.raises(PublishError, match="no such file"):
        serve(tmp_path / "missing.db", port=0)


# --- configuration --------------------------------------------------------------------------------

def test_metadata_applies_whatever_the_file_is_called(fresh_db):
    assert fresh_db.stem == "healthnews"
    response = fetch(fresh_db, "/healthnews/articles.json?_col=title&_size=2")
    data = response.json()
    assert data["human_description_en"] == "sorted by published descending"
    assert data["source"].startswith("Crawled")
    assert set(data["facet_results"]) == {"site", "section", "authors", "published"}


def test_datasette_archive_dir_just_works(tmp_path, archive_db):
    """`datasette archive/` with archive/folio.db: same metadata, templates and plugins, no Python glue."""
    config_dir = tmp_path / "archive"
    config_dir.mkdir()
    for name in ["metadata.yml", "settings.json", "templates", "plugins", "static"]:
        (config_dir / name).symlink_to(ARCHIVE_DIR / name)
    shutil.copy(archive_db, config_dir / "folio.db")
    datasette = Path(sys.executable).with_name("datasette")

    def get(path: str) -> str:
        done = subprocess.run([datasette, str(config_dir), "--get", path], capture_output=True, text=True,
                              timeout=60)
        assert done.returncode == 0, done.stdout[-500:] + done.stderr[-2000:]
        return done.stdout

    facets = json.loads(get("/folio/articles.json?_size=1"))["facet_results"]
    assert facets["published"]["type"] == "year" and facets["authors"]["type"] == "array"
    article_id = Database(config_dir / "folio.db").execute(
        "select id from articles where title like 'Vitamin D%'").fetchone()[0]
    page = get(f"/folio/articles/{article_id}")
    assert '<article class="folio-article"' in page and "Researchers gave half of the volunteers" in page
    assert "/static/folio.css" in page and "Folio: the article reading page" in get("/static/folio.css")
    home = get("/")
    assert 'class="folio-latest"' in home and "Five questions about the new RSV vaccine" in home
    assert "<h1>Crawl health</h1>" in get("/-/dashboards/crawl-health")


def test_urls_to_open_points_at_real_pages(archive_db, article):
    article_id = article("vitamin-d-winter-colds")["id"]
    urls = urls_to_open("http://127.0.0.1:8001/", "folio", article_id)
    assert urls["archive"] == "http://127.0.0.1:8001/folio"
    assert urls["article"] == f"http://127.0.0.1:8001/folio/articles/{article_id}"
    assert "_search=" in urls["search"] and "/folio/articles.json?" in urls["json"]
    assert "article" not in urls_to_open("http://127.0.0.1:8001", "folio", None)
    responses = fetch(archive_db, *(url.removeprefix("http://127.0.0.1:8001") for url in urls.values()))
    assert [r.status_code for r in responses] == [200] * len(urls)


# --- metadata -------------------------------------------------------------------------------------

def test_every_visible_table_and_column_is_described(archive_db):
    metadata = load_metadata("folio")
    assert metadata["title"] and metadata["description_html"] and metadata["source"] and metadata["license"]
    tables = metadata["databases"]["folio"]["tables"]
    db = Database(archive_db)
    visible = [name for name in db.table_names() if not tables.get(name, {}).get("hidden")]
    assert sorted(visible) == ["article_versions", "articles", "captures", "crawls", "pages"]
    for name in visible:
        assert tables[name]["description"], name
        undescribed = set(db[name].columns_dict) - set(tables[name]["columns"])
        assert not undescribed, f"{name}: no description for {sorted(undescribed)}"
    for name, query in metadata["databases"]["folio"]["queries"].items():
        assert query["title"] and query["description"], name


def test_internal_tables_are_hidden_but_reachable(archive_db):
    listing = {t["name"]: t["hidden"] for t in rows(archive_db, "/folio.json")["tables"]}
    assert {name for name, hidden in listing.items() if not hidden} == {
        "articles", "pages", "crawls", "article_versions", "captures"}
    assert listing["_sqlite_migrations"] and listing["articles_fts"] and listing["articles_fts_data"]
    migrations = rows(archive_db, "/folio/_sqlite_migrations.json?_shape=array")
    assert {m["name"] for m in migrations} >= {"create_articles", "enable_search"}


def test_raw_page_columns_are_hidden_in_the_table_view_but_reachable(archive_db):
    default, asked, as_json = fetch(archive_db, "/folio/captures", "/folio/captures?_col=body_zst",
                                    "/folio/captures.json?_shape=array&_size=1")
    assert 'data-column="url"' in default.text and 'data-column="status"' in default.text
    assert 'data-column="body_zst"' not in default.text and 'data-column="headers"' not in default.text
    assert "Not shown:" in default.text and "_col=body_zst" in default.text
    assert 'data-column="body_zst"' in asked.text and "&lt;Binary:" in asked.text
    assert {"body_zst", "headers"} <= set(as_json.json()[0])


def test_articles_are_newest_first_with_facets(archive_db):
    data = rows(archive_db, "/folio/articles.json?_col=published&_col=authors")
    dated = [row[1] for row in data["rows"] if row[1]]
    assert dated == sorted(dated, reverse=True) and data["rows"][-1][1] is None  # undated last
    facets = data["facet_results"]
    assert {r["value"]: r["count"] for r in facets["site"]["results"]} == {
        "medwire": 3, "dailyhealth": 3, "carepost": 2}
    authors = {r["value"]: r["count"] for r in facets["authors"]["results"]}
    assert facets["authors"]["type"] == "array" and authors["Kelli Jones"] == 3 and authors["Tom Baker"] == 2
    years = facets["published"]["results"]
    assert facets["published"]["type"] == "year" and [(y["value"], y["count"]) for y in years] == [
        ("2024", 5), ("2023", 2)]
    assert "published__startswith=2023" in years[1]["toggle_url"]
    selected = rows(archive_db, "/folio/articles.json?published__startswith=2023&_col=title")
    assert len(selected["rows"]) == 2
    assert [y["selected"] for y in selected["facet_results"]["published"]["results"]] == [True]


def test_search_uses_the_fts_table(archive_db):
    stemmed = rows(archive_db, "/folio/articles.json?_search=vitamins&_shape=array&_col=title")
    assert [r["title"] for r in stemmed] == ["Vitamin D and winter colds: what a new trial found"]
    by_author = rows(archive_db, "/folio/articles.json?_search=Natarajan&_shape=array&_col=title")
    assert len(by_author) == 2
    page = fetch(archive_db, "/folio/articles?_search=vitamin")
    assert 'name="_search"' in page.text and "1 row where search matches" in page.text


def test_article_labels_read_well(archive_db):
    page = rows(archive_db, "/folio/pages.json?_shape=array&_labels=on&_size=1")[0]
    assert page["article_id"]["label"]  # the article's title, not its hash id
    titles = {a["title"] for a in Database(archive_db)["articles"].rows}
    assert page["article_id"]["label"] in titles


# --- canned queries -------------------------------------------------------------------------------

def test_latest_per_site(archive_db):
    found = rows(archive_db, "/folio/latest_per_site.json?_shape=array")
    assert [r["site"] for r in found] == sorted(r["site"] for r in found)
    for site in {"medwire", "dailyhealth", "carepost"}:
        dates = [r["published"] for r in found if r["site"] == site]
        assert dates and dates == sorted(dates, reverse=True) and len(dates) <= 5


def test_articles_by_section(archive_db):
    found = rows(archive_db, "/folio/articles_by_section.json?section=nutrition&_shape=array")
    assert [r["title"] for r in found] == ["Vitamin D and winter colds: what a new trial found",
                                           "How much water do you really need?"]
    assert rows(archive_db, "/folio/articles_by_section.json?section=Nope&_shape=array") == []


def test_incomplete_articles_lists_missing_pages(archive_db):
    found = rows(archive_db, "/folio/incomplete_articles.json?_shape=array")
    assert [(r["title"], r["missing_page"], r["status"]) for r in found] == [
        ("How much water do you really need?", "https://dailyhealth.example/how-much-water/?page=3", 503)]


def test_crawl_history(archive_db):
    found = rows(archive_db, "/folio/crawl_history.json?_shape=array")
    assert [r["id"] for r in found] == [6, 5, 4, 3, 2, 1]
    assert (found[4]["seconds"], found[4]["pages_fetched"], found[4]["errors"]) == (462, 6, 1)


def test_articles_mentioning_a_term_with_snippet(fresh_db):
    db = Database(fresh_db)
    db.execute("update articles set stored_text = body_text || ? where title like 'Migraine%'",
               ["\n\nWrite <img src=x onerror=alert(1)> in the logbook."])
    db.conn.commit()
    found = rows(fresh_db, "/healthnews/articles_mentioning.json?term=logbooks&_shape=array")
    assert [r["title"] for r in found] == ["Migraine triggers you can track"]
    assert "<mark>logbook</mark>" in found[0]["snippet"]
    html = fetch(fresh_db, "/healthnews/articles_mentioning?term=logbook").text
    assert "<mark>logbook</mark>" in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    article_link = f'<a href="/healthnews/articles/{found[0]["id"]}">{found[0]["id"]}</a>'
    assert article_link in html  # ids in canned queries link to the article page
    assert "<img src=x" not in html
    # Quotes and FTS operators in the term are searched for, not parsed.
    assert rows(fresh_db, '/healthnews/articles_mentioning.json?term=he+said+"x+OR&_shape=array') == []


# --- bad requests ---------------------------------------------------------------------------------

def test_bad_requests_get_datasette_error_pages_not_tracebacks(archive_db):
    sort_html, sort_json, sql_html, sql_json, nocol = fetch(
        archive_db, "/folio/articles?_sort=nope", "/folio/articles.json?_sort=nope",
        "/folio?sql=select+nope+from", "/folio.json?sql=select+nope+from", "/folio/articles?_nocol=nope")
    for response in (sort_html, sort_json, sql_html, sql_json, nocol):
        assert 400 <= response.status_code < 600 and response.status_code != 200
        assert "Traceback" not in response.text
    assert "Cannot sort table by nope" in sort_html.text and sort_json.json()["ok"] is False
    assert sql_json.status_code == 400 and sql_json.json()["error"] == "incomplete input"
    assert "incomplete input" in sql_html.text
    assert nocol.status_code == 400 and "_nocol=nope - invalid columns" in nocol.text
