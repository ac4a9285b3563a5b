"""Datasette plugin: a `year` facet over ISO date columns, filtering with `<column>__startswith=YYYY`."""
from __future__ import annotations

from datasette import hookimpl
from datasette.database import QueryInterrupted
from datasette.facets import Facet
from datasette.utils import escape_sqlite, path_with_added_args, path_with_removed_args


class YearFacet(Facet):
    """Count rows per year of an ISO 8601 date or date-time column, newest year first."""

    type = "year"

    async def facet_results(self):
        results, timed_out = [], []
        args = dict(self.get_querystring_pairs())
        size = self.get_facet_size()
        for source_and_config in self.get_configs():
            config = source_and_config["config"]
            column = config.get("column") or config["simple"]
            sql = f"""
                select substr({escape_sqlite(column)}, 1, 4) as value, count(*) as count
                from ({self.sql})
                where {escape_sqlite(column)} glob '[0-9][0-9][0-9][0-9]*'
                group by value order by value desc limit {size + 1}
            """
            try:
                rows = await self.ds.execute(
                    self.database, sql, self.params, truncate=False,
                    custom_time_limit=self.ds.setting("facet_time_limit_ms"),
                )
            except QueryInterrupted:
                timed_out.append(column)
                continue
            arg = f"{column}__startswith"
            values = []
            for row in rows.rows[:size]:
                selected = args.get(arg) == row["value"]
                if selected:
                    path = path_with_removed_args(self.request, {arg: row["value"]})
                else:
                    path = path_with_added_args(self.request, {arg: row["value"]})
                values.append({
                    "value": row["value"], "label": row["value"], "count": row["count"],
                    "toggle_url": self.ds.absolute_url(self.request, path), "selected": selected,
                })
            results.append({
                "name": column, "type": self.type, "results": values,
                "hideable": source_and_config["source"] != "metadata",
                "toggle_url": path_with_removed_args(self.request, {"_facet_year": column}),
                "truncated": len(rows.rows) > size,
            })
        return results, timed_out


@hookimpl
def register_facet_classes():
    return [YearFacet]
