"""The reader's pages in HTML (front page, compact lists, snippets, crawl health) and a JSON API left as it was."""
from __future__ import annotations

import asyncio
import re
import subprocess
from html import unescape
from html.parser import HTMLParser

from sqlite_utils import Database

from archive.publish import datasette_app
from tests.archive.conftest import REPO, serve_command

COMPACT = ["title", "site", "published", "authors", "section", "page_count", "complete"]


def fetch(db_path, *paths, **options):
    """Responses of an in-process Datasette for the archive."""
    ds = datasette_app(db_path, **options)

    async def run():
        return [await ds.client.get(path) for path in paths]

    return asyncio.run(run())


class Headers(HTMLParser):
    """The data-column of each header cell of the rows table."""

    def __init__(self):
        super().__init__()
        self.columns: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "th" and "data-column" in attrs:
            self.columns.append(attrs["data-column"])


def header_columns(html: str) -> list[str]:
    parser = Headers()
    parser.feed(html)
    return parser.columns


def table_columns(db_path) -> list[str]:
    # table_xinfo: with the generated body_text, which sqlite-utils' columns (table_info) leave out
    return [row[1] for row in Database(db_path).execute("pragma table_xinfo(articles)")]


def test_json_keeps_every_column_under_its_name_whatever_the_html_shows(archive_db):
    everything = table_columns(archive_db)
    plain, searched, with_all = fetch(
        archive_db, "/folio/articles.json?_shape=array", "/folio/articles.json?_shape=array&_search=vitamin",
        "/folio/articles.json?_shape=array&_columns=all")
    assert [list(row) for row in plain.json()] == [everything] * 8
    assert [list(row) for row in searched.json()] == [everything]
    assert with_all.json() == plain.json()
    # The stored values, not the HTML's renderings (authors stay a JSON list, complete an integer).
    water = next(row for row in plain.json() if row["title"].startswith("How much water"))
    assert (water["authors"], water["complete"]) == ('["Sam Okafor"]', 0)


def test_html_list_is_compact_until_asked_for_more(archive_db):
    compact, full, one = fetch(archive_db, "/folio/articles", "/folio/articles?_columns=all",
                               "/folio/articles?_col=body_text")
    assert header_columns(compact.text) == COMPACT
    assert header_columns(full.text) == table_columns(archive_db)
    assert header_columns(one.text) == ["id", "body_text"]  # Datasette's own column selection
    assert 'class="folio-all-columns"' in compact.text and "?_columns=all" in compact.text
    before, folded = compact.text.split('<details class="folio-column-descriptions">')
    assert "column-descriptions" not in before and '<dl class="column-descriptions">' in folded
    assert compact.text.count("folio-badge-incomplete") == 1


def test_search_snippets_mark_matches_and_escape_stored_text(fresh_db):
    db = Database(fresh_db)
    db.execute("update articles set stored_text = body_text || ? where title like 'Sleep debt%'",
               ["\n\nNight <script>window.__pwned=1</script> shifts raise the risk."])
    db.conn.commit()
    (page,) = fetch(fresh_db, "/healthnews/articles?_search=shifts")
    snippet = re.search(r'<p class="folio-snippet">(.*?)</p>', page.text, re.S).group(1)
    assert "<mark>shifts</mark>" in snippet
    assert "&lt;script&gt;" in snippet and "<script" not in snippet


def test_front_page_links_each_thing_a_reader_comes_for(archive_db):
    (home,) = fetch(archive_db, "/")
    assert home.status_code == 200 and 'class="folio-latest"' in home.text
    for href in ("/folio/articles", "/folio/articles?_facet=site", "/folio/incomplete_articles",
                 "/folio/changed_articles", "/-/dashboards/crawl-health", "/folio/crawls", 'href="/folio"',
                 "/folio/articles.json?_shape=array"):
        assert href in home.text, href
    assert "`" not in home.text and home.text.count("Data license") == 1
    linked = [unescape(href) for href in re.findall(r'href="([^"#]+)"', home.text.split('class="folio-front"')[1])]
    local = [path for path in linked if path.startswith("/")]
    assert len(local) >= 20 and all(r.status_code == 200 for r in fetch(archive_db, *local)), local


def test_crawl_health_shows_the_next_scheduled_run(tmp_path, archive_db):
    schedule = tmp_path / "schedule.toml"
    schedule.write_text('timezone = "UTC"\n[sites.dailyhealth]\ncron = "30 5 * * *"\n'
                        'base_url = "http://127.0.0.1:1/"\n')
    sql = "/folio.json?_shape=array&sql=select+folio_next_run('dailyhealth')+as+d,+folio_next_run('medwire')+as+m"
    (scheduled,) = fetch(archive_db, sql, schedule=schedule)
    (unscheduled,) = fetch(archive_db, sql)
    row = scheduled.json()[0]
    assert re.fullmatch(r"\d{4}-\d\d-\d\d 05:30 UTC", row["d"]) and row["m"] is None
    assert unscheduled.json() == [{"d": None, "m": None}]
    (board,) = fetch(archive_db, "/-/dashboards/crawl-health")
    assert board.status_code == 200 and "folio_next_run(site)" in board.text


def test_serve_refuses_a_bad_schedule_in_one_line(tmp_path, archive_db):
    bad = tmp_path / "schedule.toml"
    bad.write_text('[sites.nosuch]\ncron = "@daily"\n')
    result = subprocess.run(serve_command(archive_db, "--schedule", str(bad)), cwd=REPO, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines() == [f"Error: {bad}: [sites.nosuch]: unknown site 'nosuch'"
                                                  + result.stderr.split("unknown site 'nosuch'", 1)[1].strip()]
