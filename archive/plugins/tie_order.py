"""A descending sort's ties come in descending key order on every page, read from the sort column's index.

Datasette orders the first page of `?_sort_desc=X` by X alone and the next ones by `X desc, <key>`,
after a cursor that takes the ties in ascending key order. With an index on (X, key) SQLite read the
first page backwards (ties in descending key order), so `?_next=` pages repeated and skipped the
articles of one value (`_sort_desc=word_count` at 100,000 articles: 151 distinct in four pages of 50),
and the next pages' `or X is null` made SQLite collect and sort every row (2.4 s, HTTP 400 at the time
limit). Where an index on (X, key) exists and none leads with `X desc` (idx_articles_newest does for
published, and matches Datasette's order), the table view (plugins/folio_table.py) orders ties by the
key descending on every page and turns the cursor to match: the index is read backwards in order and
stops after a page.
"""
from __future__ import annotations

import re

from datasette.utils import escape_sqlite

# Datasette's main query ends so: the sort column, descending, and on a ?_next= page the key after it
ORDER = re.compile(r"order by (?P<column>\S+) desc(?:, (?P<key>\S+))? limit (?P<limit>\d+)$")
# an index on (column, key), both ascending, and none that leads with the column descending
ASCENDING_PAIR = """
    select 1 from pragma_index_list(:table) as list
    join pragma_index_xinfo(list.name) as first on first.seqno = 0
    join pragma_index_xinfo(list.name) as second on second.seqno = 1
    where list.partial = 0 and first.name = :column and first.desc = 0 and first.coll = 'BINARY'
      and second.name = :key and second.desc = 0
      and not exists (select 1 from pragma_index_list(:table) as other, pragma_index_xinfo(other.name) as info
                      where info.seqno = 0 and info.name = :column and info.desc = 1)
    limit 1
"""


TURNED = "folio.cursor_turned"  # request.scope key: the key whose cursor the page's query turned


def turned(sql: str, key: str) -> str:
    """``sql`` with Datasette's ?_next= cursor on ``key`` taking the smaller keys: facets count what the page reads."""
    return sql.replace(f"(({key} > :p", f"(({key} < :p")


def ties_descending(sql: str, key: str) -> str | None:
    """``sql`` (Datasette's page of a descending sort) with ties in descending ``key`` order; None if not one."""
    found = ORDER.search(sql)
    if not found or found["key"] not in (None, key):
        return None
    head = sql[:found.start()]
    if found["key"]:  # a ?_next= page: the ties after the cursor's key are the smaller ones
        if head.count(f"(({key} > :p") != 1:
            return None
        head = turned(head, key)
    return f"{head}order by {found['column']} desc, {key} desc limit {found['limit']}"


async def in_index_order(db, table: str, sql: str) -> tuple[str, str | None]:
    """Datasette's page query, its ties descending when an index reads them so; and the key, if it changed."""
    found = ORDER.search(sql)
    if not found:
        return sql, None
    keys = await db.primary_keys(table)
    column = found["column"].strip("[]")
    if len(keys) != 1 or not (await db.execute(ASCENDING_PAIR, {"table": table, "column": column, "key": keys[0]})).rows:
        return sql, None
    key = escape_sqlite(keys[0])
    changed = ties_descending(sql, key)
    return (changed, key) if changed else (sql, None)
