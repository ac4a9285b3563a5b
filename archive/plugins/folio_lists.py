"""Datasette plugin: compact HTML lists of articles (a few columns, titles as links, search snippets).

Only HTML changes: `.json` and `.csv` still return every column under its documented name.
A table's metadata lists its compact columns under plugins.folio.compact_columns; `?_columns=all`,
`?_col=` or `?_nocol=` show Datasette's full table instead.
"""
from __future__ import annotations

import json
from html import escape

from datasette import hookimpl
from datasette.utils import escape_fts, tilde_encode
from markupsafe import Markup

from archive.plugins.counted_facets import LIVE_LIMIT, NOT_COUNTED
from archive.plugins.search_order import COUNT_ALL, MORE_THAN

# snippet() marks matches with these control characters, never found in stored text, so the text
# can be escaped first and only the marks turned into <mark> afterwards.
MARK_START, MARK_END = "\x02", "\x03"
# `cross join` keeps the page's rows as the outer loop: driven from the search index instead, a common
# word joined every one of its ~990,000 matches at a million articles and hit the time limit.
SNIPPET_SQL = """
select articles.id, snippet({fts}, -1, char(2), char(3), '…', 24) as snippet
from articles cross join {fts} on {fts}.rowid = articles.rowid
where articles.id in (select value from json_each(:ids)) and {fts} match :query
"""


def compact_columns(datasette, database: str, table: str, request) -> list[str] | None:
    """The columns the HTML list shows by default, or None when the full table was asked for."""
    config = datasette.plugin_config("folio", database=database, table=table, fallback=False) or {}
    columns = config.get("compact_columns")
    if not columns or request is None:
        return None
    args = request.args
    if args.get("_columns") == "all" or "_col" in args or "_nocol" in args:
        return None
    return list(columns)


def article_url(datasette, database: str, article_id: str) -> str:
    """datasette.urls.row(database, "articles", …) as a plain string: that one's string type looks up
    dir(str) on every operation, a tenth of a 200-row page's time when called for each row."""
    route = tilde_encode(datasette.get_database(database).route)
    return f"{datasette.setting('base_url')}{route}/articles/{tilde_encode(article_id)}"


def highlighted(snippet: str) -> Markup:
    """A snippet() result as safe HTML: the text escaped, its match marks as <mark>."""
    return Markup(escape(snippet).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>"))


def snippet_lookup(datasette, database: str, table: str, request):
    """An async function the list template calls with its rows: article id -> highlighted snippet."""
    query = (request.args.get("_search") or "").strip() if request else ""
    fts = datasette.metadata("fts_table", database=database, table=table)
    if not (query and fts):
        return None
    if request.args.get("_searchmode") != "raw":
        query = escape_fts(query)  # as Datasette itself searches

    async def lookup(rows) -> dict:
        ids = [row["id"] for row in rows]
        if not ids:
            return {}
        sql = SNIPPET_SQL.format(fts=fts)
        result = await datasette.get_database(database).execute(sql, {"query": query, "ids": json.dumps(ids)})
        return {row["id"]: highlighted(row["snippet"]) for row in result.rows}

    return lookup


@hookimpl
def extra_template_vars(database, table, view_name, request, datasette):
    """folio_compact_columns, folio_snippets and whether the facets were left uncounted, on the articles list."""
    if view_name != "table" or not (database and table):
        return {}
    return {
        "folio_compact_columns": compact_columns(datasette, database, table, request),
        "folio_snippets": snippet_lookup(datasette, database, table, request),
        # rendered after the table view ran its facets (plugins/counted_facets.py)
        "folio_facets_not_counted": request.scope.get(NOT_COUNTED) if request else None,
        "folio_live_facet_limit": LIVE_LIMIT,
        "folio_count_all": COUNT_ALL,
        # a search's count that stopped at its limit (plugins/folio_table.py): its lower bound
        "folio_count_more_than": request.scope.get(MORE_THAN) if request else None,
    }


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    """In the articles list: the title links to the reading page, authors read as names, an incomplete badge."""
    if table != "articles" or "id" not in row.keys():
        return None
    if column == "title":
        url = article_url(datasette, database, row["id"])
        return Markup(f'<a class="folio-title" href="{escape(url)}">{escape(value or "Untitled article")}</a>')
    if column == "authors" and isinstance(value, str):
        try:
            names = json.loads(value)
        except ValueError:
            return None
        if isinstance(names, list):
            return ", ".join(str(name) for name in names)
    if column == "complete" and value in (0, 1):
        if value:
            return "yes"
        return Markup('<span class="folio-badge folio-badge-incomplete">incomplete</span>')
    return None
