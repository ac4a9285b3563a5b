"""Datasette plugin: the archive's front page (`/`): search, latest articles, sites, and where to go next."""
from __future__ import annotations

import json
from urllib.parse import urlencode

from datasette import hookimpl
from datasette.utils import tilde_encode

LATEST = 12  # articles listed on the front page

TOTALS_SQL = """
select
  (select count(*) from articles) as articles,
  (select count(*) from articles where complete = 0) as incomplete,
  (select count(*) from articles where version_count > 1) as changed,
  (select count(distinct site) from articles) as sites,
  (select count(*) from crawls) as crawls
"""
LATEST_SQL = """
select id, title, site, published, authors, page_count, complete
from articles
order by published is null, published desc, title  -- undated articles last
limit :limit
"""
SITES_SQL = """
select articles.site, count(*) as articles, sum(articles.complete = 0) as incomplete,
  max(articles.published) as latest,
  (select max(crawls.finished) from crawls where crawls.site = articles.site) as last_crawl
from articles
group by articles.site
order by articles desc, articles.site
"""


async def archive_database(datasette) -> str | None:
    """The first attached database that holds a Folio archive (an `articles` table)."""
    for name, db in datasette.databases.items():
        if name != "_internal" and await db.table_exists("articles"):
            return name
    return None


def _names(authors: str | None) -> list[str]:
    try:
        names = json.loads(authors or "[]")
    except ValueError:
        return []
    return [str(name) for name in names] if isinstance(names, list) else []


async def front_page(datasette) -> dict | None:
    """Everything the front page shows, or None when no archive is attached."""
    name = await archive_database(datasette)
    if name is None:
        return None
    db = datasette.get_database(name)
    has_crawls = await db.table_exists("crawls")
    totals_sql = TOTALS_SQL if has_crawls else TOTALS_SQL.replace("(select count(*) from crawls)", "0")
    sites_sql = SITES_SQL if has_crawls else SITES_SQL.replace(
        "(select max(crawls.finished) from crawls where crawls.site = articles.site)", "null")
    totals = dict((await db.execute(totals_sql)).first())
    latest = [dict(row) for row in (await db.execute(LATEST_SQL, {"limit": LATEST})).rows]
    for article in latest:
        article["url"] = datasette.urls.row(name, "articles", tilde_encode(article["id"]))
        article["authors"] = _names(article["authors"])
    sites = [dict(row) for row in (await db.execute(sites_sql)).rows]
    for site in sites:
        site["url"] = datasette.urls.table(name, "articles") + "?" + _query(site=site["site"])
    return {"database": name, "totals": totals, "latest": latest, "sites": sites, "links": _links(datasette, name)}


def _query(**params) -> str:
    return urlencode(params)


def _links(datasette, name: str) -> dict[str, str]:
    articles = datasette.urls.table(name, "articles")
    return {
        "search": articles,
        "articles": articles,
        "sites": articles + "?" + _query(_facet="site"),
        "incomplete": datasette.urls.table(name, "incomplete_articles"),
        "changed": datasette.urls.table(name, "changed_articles"),
        "crawls": datasette.urls.table(name, "crawls"),
        "health": datasette.urls.path("/-/dashboards/crawl-health"),
        "sql": datasette.urls.database(name),
        "json": articles + ".json?" + _query(_shape="array", _size=5),
        "api_docs": "https://docs.datasette.io/en/0.65/json_api.html",
    }


@hookimpl
def extra_template_vars(view_name, datasette):
    """folio_home on the front page."""
    if view_name != "index":
        return {}

    async def inner():
        return {"folio_home": await front_page(datasette)}

    return inner
