"""Datasette plugin: bounds on what one query can make SQLite hold in memory, and robots.txt.

Datasette's time limit cannot stop a single huge allocation: `select length(randomblob(900000000))`
finished inside it and took the server to 917 MiB. So every connection refuses values larger than
MAX_VALUE_BYTES ("string or blob too big"), and SQLite's whole heap in the serving process is capped.
"""
from __future__ import annotations

import sqlite3

from datasette import Response, hookimpl
from datasette.views.base import DatasetteError

# Above the largest value an archive holds (a page is capped at 8 MiB by the crawler) and far
# below what hurts a small server.
MAX_VALUE_BYTES = 64 * 1024 * 1024
# SQLite's memory across all connections of the process: page caches, sorts, values in flight.
HEAP_LIMIT_BYTES = 256 * 1024 * 1024
ROBOTS_DISALLOW = "User-agent: *\nDisallow: /\n"
TOO_MUCH_MEMORY = "This query needs more memory than this server allows; ask for fewer or smaller values."


def _config(datasette) -> dict:
    return datasette.plugin_config("folio") or {}


def limit_connection(conn: sqlite3.Connection, *, max_value: int, heap_limit: int) -> None:
    """Cap one connection's largest string or blob and SQLite's heap (process-wide, never raised)."""
    conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, max_value)
    current = conn.execute("pragma hard_heap_limit").fetchone()[0]
    if current == 0 or current > heap_limit:
        conn.execute(f"pragma hard_heap_limit = {int(heap_limit)}")


@hookimpl
def prepare_connection(conn, datasette):
    """Every connection Datasette opens gets the size and memory caps."""
    config = _config(datasette)
    limit_connection(conn, max_value=int(config.get("max_value_bytes", MAX_VALUE_BYTES)),
                     heap_limit=int(config.get("heap_limit_bytes", HEAP_LIMIT_BYTES)))


async def robots_txt(datasette):
    """robots.txt: disallow everything when plugins.folio.block_robots is set (folio serve --public)."""
    if _config(datasette).get("block_robots"):
        return Response.text(ROBOTS_DISALLOW)
    return Response.text("User-agent: *\nAllow: /\n")


@hookimpl
def handle_exception(datasette, request, exception):
    """A query that hit the heap limit, or a sort by a column that cannot sort, is the asker's mistake: a 400."""
    if isinstance(exception, DatasetteError) and exception.status == 500 and \
            str(exception.message).startswith("Cannot sort table by"):
        exception.status = 400  # Datasette's own message and page, with the status of a bad request
        return None
    if not isinstance(exception, MemoryError):
        return None

    async def inner():
        info = {"ok": False, "error": TOO_MUCH_MEMORY, "status": 400, "title": "Query too large"}
        if request.path.endswith(".json"):
            return Response.json(info, status=400)
        html = await datasette.render_template("error.html", info, request=request)
        return Response.html(html, status=400)

    return inner


@hookimpl
def register_routes():
    return [(r"^/robots\.txt$", robots_txt)]
