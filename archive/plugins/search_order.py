"""Datasette plugin: a `_search` sorted by an indexed column walks that index; its count reads the search index.

Datasette filters a search with `rowid in (select rowid from <fts> where <fts> match …)`. SQLite takes
that as a short list of rowids (it assumes 25), looks up every match and sorts them: a common word at a
million articles read ~990,000 article rows and hit the time limit. For a common word this plugin writes
the clause as a probe of the search index for each row (`exists (… and <fts>.rowid = <table>.rowid)`): the
table's index on the sort column is read in order and each entry is looked up in the search index
(16-38 µs), so the first page of a word in most articles stops after about a page of rows. Same rows,
order and count; only the plan changes.

Counting rows that way would probe every row, so the table view (plugins/folio_table.py) asks
`cheaper_count` first: a search alone is counted in the search index itself (24 ms for 991,130 matches),
which holds exactly one entry per article row (triggers keep it so); with other filters the probe is
counted (and faceted, plugins/counted_facets.py) as a set of the matches' rowids, checked against
each filtered row. Either count stops after COUNT_LIMIT matches (`bounded`: 0.4 ms for the first
10,001 of the 991,130) unless `?_count_rows=1` asks for all; the table view says "more than".
"""
from __future__ import annotations

import logging
import math
import os
import re

from datasette import hookimpl
from datasette.filters import FilterArguments
from datasette.utils import await_me_maybe, escape_sqlite

logger = logging.getLogger(__name__)

# Datasette's search clause (`rowid in (select rowid from <fts> where <fts or column> match escape_fts(:search))`),
# as Datasette writes it or as a set (`+rowid in …`); and as a probe of the search index for one row. The
# probe is an `exists`: SQLite tests it after the row's other terms (a `rowid in` came first, and the
# `?_next=` page of a common word probed every row newer than the page: 9 s at a million).
SEARCH_CLAUSE = re.compile(r"\+?rowid in \(select rowid from (?P<fts>\S+) where (?P<lhs>\S+) match (?P<query>\S+)\)")
PROBE_CLAUSE = re.compile(r"exists \(select 1 from (?P<fts>\S+) where (?P<lhs>\S+) match (?P<query>\S+)"
                          r" and \S+\.rowid = \S+\.rowid\)")
# One probe of the search index costs about six lookups of an article row by rowid (measured at a
# million articles: 16-38 µs against ~5 µs), so probing is cheaper when matches² > 6 × page × rows.
PROBE_COST = 6
COUNT_LIMIT = 10_000  # matches: a common word's first 10,001 index entries read in ~0.3 ms, all 991,130 in 24 ms
COUNT_ALL = "_count_rows"  # ?_count_rows=1 counts every match
MORE_THAN = "filtered_table_rows_count_more_than"  # the JSON key, and the request.scope key, of a stopped count
INDEXED_FIRST = """
    select 1 from pragma_index_list(:table) as list, pragma_index_xinfo(list.name) as info
    where info.seqno = 0 and info.name = :column and info.coll = 'BINARY' and list.partial = 0 limit 1
"""


def sort_column(request, datasette, database: str, table: str) -> str | None:
    """The column the table view will sort by: ?_sort / ?_sort_desc, else the table's metadata."""
    metadata = datasette.table_metadata(database, table)
    asked = request.args.get("_sort") or request.args.get("_sort_desc")
    return asked or metadata.get("sort") or metadata.get("sort_desc")


def page_size(request, datasette, database: str, table: str) -> int:
    """Rows the view reads for one page: ?_size, else the table's or Datasette's page size, plus one."""
    asked = request.args.get("_size") or datasette.table_metadata(database, table).get("size")
    try:
        return (datasette.max_returned_rows if asked == "max" else int(asked or datasette.page_size)) + 1
    except ValueError:  # Datasette answers a bad _size itself
        return datasette.page_size + 1


def as_set(sql: str) -> str:
    """``sql`` with each probe of the search index written as a set of the matches' rowids, for whole-list reads."""
    for parts in PROBE_CLAUSE.finditer(sql):
        sql = sql.replace(parts[0], f"+rowid in (select rowid from {parts['fts']} where {parts['lhs']} "
                                    f"match {parts['query']})")
    return sql


def searches(sql: str) -> bool:
    """Whether ``sql`` filters by a search (Datasette's clause, the set or the probe)."""
    return bool(SEARCH_CLAUSE.search(sql) or PROBE_CLAUSE.search(sql))


def count_limit() -> int:
    """Matches a search's count reads before it says "more than": FOLIO_COUNT_LIMIT, else COUNT_LIMIT."""
    asked = os.environ.get("FOLIO_COUNT_LIMIT") or str(COUNT_LIMIT)
    if asked.isdigit() and int(asked) > 0:
        return int(asked)
    logger.warning("FOLIO_COUNT_LIMIT=%r is not a whole number above 0; counting up to %d", asked, COUNT_LIMIT)
    return COUNT_LIMIT


def bounded(count_sql: str, limit: int) -> str:
    """``select count(*) from …`` reading no more than limit + 1 rows: the same count, or null past ``limit``."""
    rows = count_sql.replace("select count(*) from ", "select 1 from ", 1)
    return f"select nullif(count(*), {limit + 1}) from ({rows.rstrip()} limit {limit + 1})"


def cheaper_count(sql: str) -> str | None:
    """The same count as Datasette's ``select count(*) from <table> where …`` for a search, read cheaper; or None."""
    match = re.fullmatch(r"select count\(\*\) from (\S+) where (.*) ", sql, re.DOTALL)
    if not match:
        return None
    alone = SEARCH_CLAUSE.fullmatch(match[2]) or PROBE_CLAUSE.fullmatch(match[2])
    if alone:  # a search alone: one index entry per article row, so counting entries counts rows
        return f"select count(*) from {alone['fts']} where {alone['lhs']} match {alone['query']}"
    counted = as_set(sql)  # a probe per filtered row costs more than a set read once
    return counted if counted != sql else None


async def _index_leads(db, table: str, column: str) -> bool:
    return bool((await db.execute(INDEXED_FIRST, {"table": table, "column": column})).rows)


async def _common(db, table: str, clause: str, params: dict, page: int) -> bool:
    """Whether probing beats looking up every match: matches² > PROBE_COST × page × rows (rowids as the estimate)."""
    rows = (await db.execute(f"select max(rowid) from {escape_sqlite(table)}")).first()[0] or 0
    matches = clause[len("rowid in ("):-1]  # Datasette's own subquery, counted no further than needed
    limit = math.isqrt(PROBE_COST * page * rows) + 1
    found = (await db.execute(f"select count(*) from ({matches} limit {limit})", params)).first()[0]
    return found >= limit


async def _rewritten(arguments, db, table: str, page: int):
    clauses = []
    for clause in arguments.where_clauses:
        parts = SEARCH_CLAUSE.fullmatch(clause)
        if parts and not clause.startswith("+") and await _common(db, table, clause, arguments.params, page):
            clause = (f"exists (select 1 from {parts['fts']} where {parts['lhs']} match {parts['query']} "
                      f"and {parts['fts']}.rowid = {escape_sqlite(table)}.rowid)")
        clauses.append(clause)
    return FilterArguments(clauses, arguments.params, arguments.human_descriptions, arguments.extra_context)


@hookimpl(hookwrapper=True)
def filters_from_request(request, database, table, datasette):
    """Datasette's search clause, as a probe per row for a common word when the view sorts by an indexed column."""
    outcome = yield
    if not any(key.startswith("_search") for key in request.args):
        return
    results = outcome.get_result()

    async def decide(found):
        arguments = await await_me_maybe(found)
        if not (arguments and any(SEARCH_CLAUSE.fullmatch(clause) for clause in arguments.where_clauses)):
            return arguments  # another hook's filters (Datasette runs three)
        column = sort_column(request, datasette, database, table)
        db = datasette.get_database(database)
        if column and await _index_leads(db, table, column):
            return await _rewritten(arguments, db, table, page_size(request, datasette, database, table))
        return arguments

    outcome.force_result([lambda found=found: decide(found) for found in results])
