"""A sort's ties come in the order its index reads them, on every page, and the page stops after its rows.

Datasette orders the first page of `?_sort=X` / `?_sort_desc=X` by X alone and the next ones by
`X [desc], <key>`, after a cursor that takes the ties in ascending key order. SQLite reads the first page
from an index on X, whose ties were in descending key order whenever it read the index backwards, so
`?_next=` pages repeated and skipped the articles of one value (`_sort_desc=word_count` at 100,000
articles: 151 distinct in four pages of 50; `_sort=published` 196), and a next page in the other order
than the index's made SQLite collect and sort every row (`_sort_desc=title` at a million: HTTP 400 at the
time limit). When an index on (X, key) exists, the table view (plugins/folio_table.py) orders every page
as that index reads in the sort's direction, and turns the cursor to match when that puts the keys in
descending order: the index is read in order and the page stops after its rows.
"""
from __future__ import annotations

import re

from datasette.utils import escape_sqlite

# Datasette's main query ends so: the sort column, its direction, and on a ?_next= page the key after it
ORDER = re.compile(r"order by (?P<column>\S+)(?P<desc> desc)?(?:, (?P<key>\S+))? limit (?P<limit>\d+)$")
# the directions of an index on (column, key)
PAIR = """
    select first.desc, second.desc from pragma_index_list(:table) as list
    join pragma_index_xinfo(list.name) as first on first.seqno = 0
    join pragma_index_xinfo(list.name) as second on second.seqno = 1
    where list.partial = 0 and first.name = :column and first.coll = 'BINARY' and second.name = :key
    limit 1
"""
TURNED = "folio.cursor_turned"  # request.scope key: the key whose cursor the page's query turned


def turned(sql: str, key: str) -> str:
    """``sql`` with Datasette's ?_next= cursor on ``key`` taking the smaller keys: facets count what the page reads."""
    return sql.replace(f"(({key} > :p", f"(({key} < :p")


def in_key_order(sql: str, key: str, descending: bool) -> str | None:
    """``sql`` (Datasette's page of a sort) with ties by ``key``, descending or not; None if it is not one."""
    found = ORDER.search(sql)
    if not found or found["key"] not in (None, key):
        return None
    head = sql[:found.start()]
    if descending and found["key"]:  # a ?_next= page: the ties after the cursor's key are the smaller ones
        if head.count(f"(({key} > :p") != 1:
            return None
        head = turned(head, key)
    order = f"{found['column']}{found['desc'] or ''}, {key}{' desc' if descending else ''}"
    return f"{head}order by {order} limit {found['limit']}"


async def in_index_order(db, table: str, sql: str) -> tuple[str, str | None]:
    """Datasette's page query in the order of the index on (sort column, key); and the key, if its cursor turned."""
    found = ORDER.search(sql)
    keys = await db.primary_keys(table) if found else []
    if len(keys) != 1:
        return sql, None
    pair = (await db.execute(PAIR, {"table": table, "column": found["column"].strip("[]"), "key": keys[0]})).rows
    if not pair:
        return sql, None
    column_desc, key_desc = pair[0]
    forward = bool(found["desc"]) == bool(column_desc)  # read backwards, the index gives its keys reversed
    descending = bool(key_desc) == forward
    changed = in_key_order(sql, escape_sqlite(keys[0]), descending)
    if not changed:
        return sql, None
    return changed, escape_sqlite(keys[0]) if descending else None
