"""Datasette plugin: facets that read the precomputed counts (archive/facet_counts.py) on an unfiltered table.

`counted: site`, `counted_array: authors` and `counted_year: published` in metadata behave exactly as
Datasette's column and array facets and Folio's year facet; on the whole `articles` table they read
`facet_counts` instead of grouping every row, and with any filter or search they count live as those do,
for lists of up to LIVE_LIMIT rows: each facet costs 3-4 µs per row (at a million articles a common
word's four facets each ran into the 200 ms facet time limit). A longer list shows a line saying so and a
link (`?_count_facets=1`) that counts them anyway; so does a search whose count stopped at its limit.
"""
from __future__ import annotations

from datasette import hookimpl
from datasette.facets import ArrayFacet, ColumnFacet
from datasette.utils import escape_sqlite

from archive.plugins.search_order import MORE_THAN
from archive.plugins.year_facet import YearFacet

COUNTED_TABLE = "articles"
ORDER = {"column": "count desc, value", "array": "count desc, value", "year": "value desc"}
LIVE_LIMIT = 5_000  # rows: four facets in ~60 ms
COUNT_ANYWAY = "_count_facets"
NOT_COUNTED = "folio.facets_not_counted"  # request.scope key: the row count the facets were skipped for
# site is NOT NULL: every article is counted once under its site
TOTAL = "select coalesce(sum(count), 0) from facet_counts where facet = 'site'"


def cheaper_count(sql: str) -> str | None:
    """The whole articles table's row count as read from facet_counts, for Datasette's own count; else None."""
    return TOTAL if sql == f"select count(*) from {COUNTED_TABLE} " else None


class _Counts:
    """Stands in for Datasette in a facet's own code: its one count query reads `facet_counts` instead."""

    def __init__(self, datasette, facet: str, order: str):
        self._datasette, self._facet, self._order = datasette, facet, order

    def __getattr__(self, name):
        return getattr(self._datasette, name)

    async def execute(self, database, sql, params=None, **kwargs):
        limit = int(sql.rsplit("limit", 1)[1])  # the facet's own size + 1: it reads whether there are more
        return await self._datasette.execute(
            database, f"select value, count from facet_counts where facet = :facet and count > 0 "
                      f"order by {self._order} limit {limit}", {"facet": self._facet}, **kwargs)


def _counted(base: type, kind: str) -> type:
    class Counted(base):
        type = f"counted_{kind}" if kind != "column" else "counted"

        def _unfiltered(self) -> bool:
            return self.table == COUNTED_TABLE and not self.params and " where " not in f" {self.sql.lower()} "

        def _too_long(self) -> bool:
            more_than = self.request.scope.get(MORE_THAN)  # a search's count stopped early (plugins/folio_table.py)
            if self.request.args.get(COUNT_ANYWAY) or (more_than is None and (self.row_count or 0) <= LIVE_LIMIT):
                return False
            self.request.scope[NOT_COUNTED] = self.row_count or more_than
            return True

        async def facet_results(self):
            if self._unfiltered():
                found, timed_out = await self._read_counts()
            elif self._too_long():
                return [], []
            else:
                found, timed_out = await self._count_live()
            for facet in found:  # the API names the kind of facet as Datasette's own would
                facet["type"] = base.type
            return found, timed_out

        async def _count_live(self):
            """Datasette's own facet code over the rows' ids and facet columns only: its array facet
            compares whole rows, and the generated body_text was computed for every one."""
            listed, keyword, rest = self.sql.partition(f" from {escape_sqlite(self.table)} ")
            if self.table != COUNTED_TABLE or not keyword:
                return await base.facet_results(self)
            columns = [config["config"].get("column") or config["config"]["simple"] for config in self.get_configs()]
            whole, self.sql = self.sql, f"select rowid, {', '.join(map(escape_sqlite, columns))}{keyword}{rest}"
            try:
                return await base.facet_results(self)
            finally:
                self.sql = whole

        async def _read_counts(self):
            datasette, results, timed_out = self.ds, [], []
            try:
                for config in self.get_configs():  # one facet at a time: the stand-in knows which it counts
                    column = config["config"].get("column") or config["config"]["simple"]
                    self.ds = _Counts(datasette, column, ORDER[kind])
                    self.get_configs = lambda config=config: [config]
                    found, late = await base.facet_results(self)
                    results.extend(found)
                    timed_out.extend(late)
            finally:
                self.ds = datasette
                self.__dict__.pop("get_configs", None)
            return results, timed_out

    Counted.__name__ = f"Counted{base.__name__}"
    return Counted


@hookimpl
def register_facet_classes():
    return [_counted(ColumnFacet, "column"), _counted(ArrayFacet, "array"), _counted(YearFacet, "year")]
