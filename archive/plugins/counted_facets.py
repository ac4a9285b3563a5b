"""Datasette plugin: facets that read the precomputed counts (archive/facet_counts.py) on an unfiltered table.

`counted: site`, `counted_array: authors` and `counted_year: published` in metadata behave exactly as
Datasette's column and array facets and Folio's year facet; on the whole `articles` table they read
`facet_counts` instead of grouping every row, and with any filter or search they count live as those do.
"""
from __future__ import annotations

from datasette import hookimpl
from datasette.facets import ArrayFacet, ColumnFacet

from archive.plugins.year_facet import YearFacet

COUNTED_TABLE = "articles"
ORDER = {"column": "count desc, value", "array": "count desc, value", "year": "value desc"}


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

        async def facet_results(self):
            found, timed_out = await (self._read_counts() if self._unfiltered() else super().facet_results())
            for facet in found:  # the API names the kind of facet as Datasette's own would
                facet["type"] = base.type
            return found, timed_out

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
