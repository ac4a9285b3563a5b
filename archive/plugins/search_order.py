"""Datasette plugin: a `_search` sorted by an indexed column walks that index instead of every match.

Datasette filters a search with `rowid in (select rowid from <fts> where <fts> match …)`. SQLite takes
that as a short list of rowids (it assumes 25) and looks up every match, then sorts them: a common word
at a million articles reads ~990,000 article rows and hit the time limit. Written `+rowid in (…)`, the
same set is built once from the search index (80 ms) and the table's index on the sort column is read
in order, each entry checked against it: the first page of a common word stops after a page of rows,
and a rare word reads the index alone. Same rows, same order, same count; only the plan changes.
It is done only when the sort column leads an index, where the plan is cheap whatever the match count.
"""
from __future__ import annotations

from datasette import hookimpl
from datasette.filters import FilterArguments
from datasette.utils import await_me_maybe

SEARCH_CLAUSE = "rowid in (select rowid from "
INDEXED_FIRST = """
    select 1 from pragma_index_list(:table) as list, pragma_index_info(list.name) as info
    where info.seqno = 0 and info.name = :column and list.partial = 0 limit 1
"""


def sort_column(request, datasette, database: str, table: str) -> str | None:
    """The column the table view will sort by: ?_sort / ?_sort_desc, else the table's metadata."""
    metadata = datasette.table_metadata(database, table)
    asked = request.args.get("_sort") or request.args.get("_sort_desc")
    return asked or metadata.get("sort") or metadata.get("sort_desc")


async def _index_leads(datasette, database: str, table: str, column: str) -> bool:
    rows = await datasette.get_database(database).execute(INDEXED_FIRST, {"table": table, "column": column})
    return bool(rows.rows)


def _by_index(found):
    async def rewritten():
        arguments = await await_me_maybe(found)
        if not arguments:
            return arguments
        clauses = [f"+{clause}" if clause.startswith(SEARCH_CLAUSE) else clause
                   for clause in arguments.where_clauses]
        return FilterArguments(clauses, arguments.params, arguments.human_descriptions, arguments.extra_context)
    return rewritten


@hookimpl(hookwrapper=True)
def filters_from_request(request, database, table, datasette):
    """Datasette's search clause, as `+rowid in (…)` when the view sorts by an indexed column."""
    outcome = yield
    if not any(key.startswith("_search") for key in request.args):
        return
    results = outcome.get_result()

    async def decide(found):
        column = sort_column(request, datasette, database, table)
        if column and await _index_leads(datasette, database, table, column):
            return await _by_index(found)()
        return await await_me_maybe(found)

    outcome.force_result([lambda found=found: decide(found) for found in results])
