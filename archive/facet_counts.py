"""Counts behind the articles list's facets, kept by triggers so the unfiltered list never counts a million rows.

One row per (facet, value): how many articles have that site, section, author or year of publication,
counted as Datasette's column, array and year facets count them (archive/plugins/counted_facets.py).
"""
from __future__ import annotations

from sqlite_utils import Database

FACETS = ("site", "section", "authors", "published")


def _values(row: str) -> str:
    """(facet, value) pairs of one article row (``new`` or ``old`` in a trigger, ``articles`` in a query)."""
    return f"""
        select 'site' as facet, {row}.site as value where {row}.site is not null
        union all select 'section', {row}.section where {row}.section is not null
        union all select 'published', substr({row}.published, 1, 4)
            where {row}.published glob '[0-9][0-9][0-9][0-9]*'
        union all select distinct 'authors', value
            from json_each(case when json_valid({row}.authors) then {row}.authors else '[]' end)"""


# The same pairs counted over the stored articles, one pass per facet.
FILL = """
    select 'site', site, count(*) from articles where site is not null group by site
    union all select 'section', section, count(*) from articles where section is not null group by section
    union all select 'published', substr(published, 1, 4), count(*) from articles
        where published glob '[0-9][0-9][0-9][0-9]*' group by 2
    union all select 'authors', value, count(*) from (select distinct articles.rowid, j.value from articles,
        json_each(case when json_valid(articles.authors) then articles.authors else '[]' end) as j) group by value"""


def _add(row: str) -> str:
    # "where true": SQLite's parser needs it before an upsert's ON CONFLICT in INSERT ... SELECT
    return (f"insert into facet_counts (facet, value, count) select facet, value, 1 from ({_values(row)}) "
            "where true on conflict (facet, value) do update set count = count + 1;")


def _remove(row: str) -> str:
    return f"update facet_counts set count = count - 1 where (facet, value) in ({_values(row)});"


def create(db: Database) -> None:
    """The table, filled from the articles stored so far, and the triggers that keep it exact."""
    db.execute("create table facet_counts (facet text not null, value, count integer not null, "
               "primary key (facet, value)) without rowid")
    db.execute(f"insert into facet_counts (facet, value, count) {FILL}")
    columns = ", ".join(FACETS)
    db.execute(f"create trigger facet_counts_ai after insert on articles begin {_add('new')} end")
    db.execute(f"create trigger facet_counts_ad after delete on articles begin {_remove('old')} end")
    db.execute(f"create trigger facet_counts_au after update of {columns} on articles "
               f"begin {_remove('old')} {_add('new')} end")
