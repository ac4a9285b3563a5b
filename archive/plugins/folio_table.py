"""Datasette plugin: table pages are Datasette's own TableView, with savings that show the same rows.

- The HTML list of a table with compact columns (metadata plugins.folio.compact_columns) selects only
  those, its primary key and its sortable columns (for the sort menu): rendering all ~30 columns of 50
  articles cost more than the query. `?_columns=all`, `?_col=`, `?_nocol=`, `.json` and `.csv` select
  as Datasette does.
- A row count is asked of `cheaper_count` first (plugins/search_order.py for a search,
  plugins/counted_facets.py for the whole table), which gives the same figure from cheaper SQL or None;
  facets read a common word's matches once, as a set, rather than probing the search index per row.
- A search's count stops at FOLIO_COUNT_LIMIT matches (10,000 unless set): reading every entry of a
  common word's index cost most of its page at a million articles. Past the limit the count is null,
  as Datasette's own `?_nocount=1` gives it, the JSON says `filtered_table_rows_count_more_than`, the
  page says "more than 10,000 rows" and links to `?_count_rows=1`, which counts them all.
- A sort's pages come in the order its index on (column, key) reads, ties included, and the ?_next=
  cursor follows it (plugins/tie_order.py).
"""
from __future__ import annotations

import re

from datasette import hookimpl
from datasette.utils import tilde_decode
from datasette.views.table import TableView

from archive.plugins.counted_facets import cheaper_count as whole_table_count
from archive.plugins.folio_lists import compact_columns
from archive.plugins.search_order import COUNT_ALL, MORE_THAN, as_set, bounded, count_limit, searches
from archive.plugins.search_order import cheaper_count as search_count
from archive.plugins.tie_order import TURNED, in_index_order, turned

# Datasette's own route for a table (datasette/app.py), for the databases it serves: plugin routes are
# matched first, and /-/… pages or static mounts have two path segments too.
TABLE_ROUTE = r"/(?P<database>{databases})/(?P<table>[^\/\.]+)(\.(?P<format>\w+))?$"


class _CountingDatabase:
    """Stands in for a Datasette database in the table view: a count it knows a cheaper way to read runs that
    way, a search's count stops at its limit, and the page's rows come in the order their index reads."""

    def __init__(self, db, request=None):
        self._db, self._request = db, request

    def __getattr__(self, name):
        return getattr(self._db, name)

    async def execute(self, sql, *args, **kwargs):
        table = self._request and self._request.url_vars.get("table")
        if kwargs.get("truncate") and table:  # the page's rows (plugins/tie_order.py)
            sql, key = await in_index_order(self._db, tilde_decode(table), sql)
            if key:
                self._request.scope[TURNED] = key
        if not sql.startswith("select count(*) from "):
            return await self._db.execute(sql, *args, **kwargs)
        counted = search_count(sql) or whole_table_count(sql) or sql
        if not searches(sql) or not self._request or self._request.args.get(COUNT_ALL):
            return await self._db.execute(counted, *args, **kwargs)
        limit = count_limit()
        results = await self._db.execute(bounded(counted, limit), *args, **kwargs)
        if results.first()[0] is None:
            self._request.scope[MORE_THAN] = limit
        return results


class _Datasette:
    """Stands in for Datasette in the table view's own code: the databases it gets count cheaper, and
    what it runs through Datasette itself (facets, Datasette's and Folio's) reads a search's matches as a set,
    after the same cursor as the page's rows."""

    def __init__(self, datasette, request=None):
        self._datasette, self._request = datasette, request

    def for_request(self, request) -> "_Datasette":
        return _Datasette(self._datasette, request)

    def __getattr__(self, name):
        return getattr(self._datasette, name)

    async def execute(self, database, sql, *args, **kwargs):
        key = self._request.scope.get(TURNED) if self._request else None
        return await self._datasette.execute(database, as_set(turned(sql, key) if key else sql), *args, **kwargs)

    def get_database(self, name=None, route=None):
        return _CountingDatabase(self._datasette.get_database(name=name, route=route), self._request)


class FolioTableView(TableView):
    """Datasette's table view; the HTML list selects its compact columns only, a long search's count stops early."""

    async def data(self, request, default_labels=False, _next=None, _size=None):
        self.ds = self.ds.for_request(request)  # a view serves one request
        answer = await super().data(request, default_labels, _next, _size)
        more_than = request.scope.get(MORE_THAN)
        if more_than is None:  # a count read to the end, or an answer of its own (a redirect, a row page)
            return answer
        data, extra_template, templates = answer
        data[MORE_THAN] = more_than
        described = f"more than {more_than:,} rows {data['human_description_en']}".strip()

        async def with_bound():  # the page's heading and title; the JSON keeps Datasette's description
            return {**await extra_template(), "human_description_en": described}
        return data, with_bound, templates

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
