"""Datasette plugin: the article reading page, default-hidden raw columns, search-snippet highlights."""
from __future__ import annotations

from html import escape

from datasette import NotFound, Response, hookimpl
from datasette.utils import tilde_encode, urlsafe_components
from markupsafe import Markup

from archive.bodies import Bodies, CorruptBody
from archive.access import readable_database
from archive.plugins.folio_lists import article_url
from archive.reading import article_view

PAGE_COLUMNS = "url, number, status, final_url, fetched_at, content_type, error, body_size, capture_id"
RAW_ROUTE = r"^/(?P<database>[^/.]+)/captures/(?P<capture_id>\d+)/raw$"


async def _article(datasette, database: str, request) -> dict | None:
    db = datasette.get_database(database)
    pks = urlsafe_components(request.url_vars["pks"])
    rows = (await db.execute("select * from articles where id = ?", [pks[0]])).rows
    if not rows:
        return None
    pages = []
    if await db.table_exists("pages"):
        # Never the body: the raw page stays a download, never markup on this page.
        result = await db.execute(f"select {PAGE_COLUMNS} from pages where article_id = ?", [pks[0]])
        pages = [dict(row) for row in result.rows]
        for page in pages:
            row_path = tilde_encode(page["url"])
            page["row_url"] = datasette.urls.row(database, "pages", row_path)
            page["raw_url"] = raw_url(datasette, database, page["capture_id"]) if page["capture_id"] else None
    return article_view(dict(rows[0]), pages)


def raw_url(datasette, database: str, capture_id: int) -> str:
    """Where one capture's raw body downloads, decompressed."""
    return f"{datasette.urls.table(database, 'captures')}/{capture_id}/raw"


async def raw_body(datasette, request) -> Response:
    """A capture's body exactly as received, as an attachment (application/binary): a download, not a page."""
    db = await readable_database(datasette, request, "captures")
    capture_id = int(request.url_vars["capture_id"])

    def read(conn):
        row = conn.execute("select body_zst, dict_id from captures where id = ?", [capture_id]).fetchone()
        return None if row is None or row[0] is None else Bodies(conn).decompress(*row)

    try:
        body = await db.execute_fn(read)
    except CorruptBody as exc:  # one line, not a stack trace page
        return Response.text(f"capture {capture_id}: the stored body is corrupt ({exc})", status=500)
    if body is None:
        raise NotFound(f"No stored body for capture {capture_id}")
    return Response(body, content_type="application/binary",
                    headers={"content-disposition": f'attachment; filename="capture-{capture_id}.html"'})


@hookimpl
def register_routes():
    return [(RAW_ROUTE, raw_body)]


def _hidden_columns(datasette, database: str, table: str, request) -> list[str]:
    config = datasette.plugin_config("folio", database=database, table=table, fallback=False) or {}
    asked_for = set(request.args.getlist("_col")) if request else set()
    return [column for column in config.get("hidden_columns", []) if column not in asked_for]


@hookimpl
def extra_template_vars(template, database, table, view_name, request, datasette):
    """folio_article on an article's row page; folio_hidden_columns on table pages."""
    if not (database and table):
        return {}

    async def inner():
        extra = {}
        if view_name == "table":
            extra["folio_hidden_columns"] = _hidden_columns(datasette, database, table, request)
        if view_name == "row" and table == "articles" and request is not None:
            extra["folio_article"] = await _article(datasette, database, request)
        return extra

    return inner


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    """In query results: snippet() highlights as <mark>, and an article's id as a link to its page."""
    if table is not None or not isinstance(value, str):
        return None
    if column == "snippet":
        # Escape the text, then restore only the <mark> tags snippet() added.
        safe = escape(value).replace("&lt;mark&gt;", "<mark>").replace("&lt;/mark&gt;", "</mark>")
        return Markup(safe)
    if column == "id" and "title" in row.keys():  # rows of articles (crawl_history's ids are crawls)
        url = article_url(datasette, database, value)
        return Markup(f'<a href="{escape(url)}">{escape(value)}</a>')
    return None
