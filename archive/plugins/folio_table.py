"""Datasette plugin: table pages are Datasette's own TableView, with two savings that show the same rows and counts.

- The HTML list of a table with compact columns (metadata plugins.folio.compact_columns) selects only
  those, its primary key and its sortable columns (for the sort menu): rendering all ~30 columns of 50
  articles cost more than the query. `?_columns=all`, `?_col=`, `?_nocol=`, `.json` and `.csv` select
  as Datasette does.
- A row count is asked of `cheaper_count` first (plugins/search_order.py for a search,
  plugins/counted_facets.py for the whole table), which gives the same figure from cheaper SQL or None;
  facets read a common word's matches once, as a set, rather than probing the search index per row.
"""
from __future__ import annotations

import re

from datasette import hookimpl
from datasette.utils import tilde_decode
from datasette.views.table import TableView

from archive.plugins.counted_facets import cheaper_count as whole_table_count
from archive.plugins.folio_lists import compact_columns
from archive.plugins.search_order import as_set
from archive.plugins.search_order import cheaper_count as search_count

# Datasette's own route for a table (datasette/app.py), for the databases it serves: plugin routes are
# matched first, and /-/… pages or static mounts have two path segments too.
TABLE_ROUTE = r"/(?P<database>{databases})/(?P<table>[^\/\.]+)(\.(?P<format>\w+))?$"


class _CountingDatabase:
    """Stands in for a Datasette database in the table view: a count it knows a cheaper way to read runs that way."""

    def __init__(self, db):
        self._db = db

    def __getattr__(self, name):
        return getattr(self._db, name)

    async def execute(self, sql, *args, **kwargs):
        if sql.startswith("select count(*) from "):
            sql = search_count(sql) or whole_table_count(sql) or sql
        return await self._db.execute(sql, *args, **kwargs)


class _Datasette:
    """Stands in for Datasette in the table view's own code: the databases it gets count cheaper, and
    what it runs through Datasette itself (facets, Datasette's and Folio's) reads a search's matches as a set."""

    def __init__(self, datasette):
        self._datasette = datasette

    def __getattr__(self, name):
        return getattr(self._datasette, name)

    async def execute(self, database, sql, *args, **kwargs):
        return await self._datasette.execute(database, as_set(sql), *args, **kwargs)

    def get_database(self, name=None, route=None):
        return _CountingDatabase(self._datasette.get_database(name=name, route=route))


class FolioTableView(TableView):
    """Datasette's table view; the HTML list selects its compact columns only."""

    async def columns_to_select(self, table_columns, pks, request):
        database = self.ds.get_database(route=request.url_vars["database"]).name
        table = tilde_decode(request.url_vars["table"])
        shown = compact_columns(self.ds, database, table, request)
        if request.url_vars.get("format") or not shown:
            return await super().columns_to_select(table_columns, pks, request)
        sortable = self.ds.table_metadata(database, table).get("sortable_columns", [])
        wanted = [*pks, *shown, *sortable]
        return [column for column in dict.fromkeys(wanted) if column in table_columns]


@hookimpl
def register_routes(datasette):
    """Datasette's table route for the served databases, answered by FolioTableView."""
    databases = "|".join(re.escape(db.route) for db in datasette.databases.values())
    return [(TABLE_ROUTE.format(databases=databases), FolioTableView.as_view(_Datasette(datasette)))]
