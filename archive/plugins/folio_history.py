"""Datasette plugin: an article's version history on its page, and the diff between two versions.

The diff lives at /<database>/articles/<id>/diff?from=2&to=3 (both optional: the latest version
against the one before it); /<database>/articles/<id>/diff.json?from=2&to=3 is the same diff as data.
"""
from __future__ import annotations

from datasette import NotFound, Response, hookimpl
from datasette.utils import tilde_decode, tilde_encode, urlsafe_components
from datasette.utils.asgi import BadRequest

from archive.access import readable_database
from archive.reading import json_list, readable_date, version_diff, version_history, word_count

# Each version with its text: the current version's is the article row's (stored once, empty in article_versions).
VERSIONS_SQL = ("select v.article_id, v.version, v.captured_at, v.title, v.subtitle, v.authors, v.published, "
                "coalesce(v.body_text, a.body_text) as body_text, v.content_hash from article_versions v "
                "join articles a on a.id = v.article_id where v.article_id = ? order by v.version")
DIFF_ROUTE = r"^/(?P<database>[^/.]+)/articles/(?P<article_id>[^/.]+)/diff(\.(?P<format>json))?$"
VERSION_FIELDS = ("version", "captured_at", "title", "subtitle", "authors", "published", "content_hash")


def diff_url(datasette, database: str, article_id: str, old: int, new: int, *, as_json: bool = False) -> str:
    """Path of the diff page (or its JSON) between versions `old` and `new` of an article."""
    base = datasette.urls.row(database, "articles", tilde_encode(article_id))
    return f"{base}/diff{'.json' if as_json else ''}?from={old}&to={new}"


def version_url(datasette, database: str, article_id: str, version: int) -> str:
    """Path of one article_versions row (compound key: article id, version)."""
    return datasette.urls.row(database, "article_versions", f"{tilde_encode(article_id)},{version}")


def _number(request, name: str, default: int) -> int:
    value = request.args.get(name)
    if value in (None, ""):
        return default
    try:
        return int(value)
    except ValueError:
        raise BadRequest(f"{name} must be a version number, not {value!r}") from None


def _summary(datasette, database: str, version: dict) -> dict:
    # A version's fields without its body: the body is in the diff.
    return {
        **{field: version[field] for field in VERSION_FIELDS},
        "authors": json_list(version["authors"]),
        "word_count": word_count(version["body_text"]),
        "url": version_url(datasette, database, version["article_id"], version["version"]),
    }


async def article_diff(datasette, request):
    """The diff page, or with .json the same diff as data."""
    database = request.url_vars["database"]
    db = await readable_database(datasette, request, "article_versions")
    article_id = tilde_decode(request.url_vars["article_id"])
    if not await db.table_exists("article_versions"):
        raise NotFound("This archive keeps no article versions")
    result = await db.execute(VERSIONS_SQL, [article_id])
    versions = {row["version"]: dict(row) for row in result.rows}
    if not versions:
        raise NotFound(f"No versions of article {article_id}")
    new = _number(request, "to", max(versions))
    old = _number(request, "from", new - 1 if new - 1 in versions else new)
    for number in (old, new):
        if number not in versions:
            raise NotFound(f"Article {article_id} has no version {number} (it has 1 to {max(versions)})")
    title = (await db.execute("select title from articles where id = ?", [article_id])).first()
    data = {
        "database": database,
        "article_id": article_id,
        "article_title": title["title"] if title else None,
        "version_count": len(versions),
        "from": _summary(datasette, database, versions[old]),
        "to": _summary(datasette, database, versions[new]),
        **version_diff(versions[old], versions[new]),
    }
    if request.url_vars.get("format") == "json":
        return Response.json(data)
    context = {
        **data,
        "article_url": datasette.urls.row(database, "articles", tilde_encode(article_id)),
        "json_url": diff_url(datasette, database, article_id, old, new, as_json=True),
        "versions": [{"version": v["version"], "captured_at": v["captured_at"]} for v in versions.values()],
        "previous_url": diff_url(datasette, database, article_id, old - 1, old) if old - 1 in versions else None,
        "next_url": diff_url(datasette, database, article_id, new, new + 1) if new + 1 in versions else None,
    }
    return Response.html(await datasette.render_template("folio_diff.html", context, request=request))


async def _history(datasette, database: str, article_id: str) -> dict | None:
    db = datasette.get_database(database)
    if not await db.table_exists("article_versions"):
        return None
    result = await db.execute(VERSIONS_SQL, [article_id])
    versions = version_history([dict(row) for row in result.rows])
    if not versions:
        return None
    numbers, current = {v["version"] for v in versions}, versions[-1]["version"]
    for item in versions:
        number = item["version"]
        item["url"] = version_url(datasette, database, article_id, number)
        item["previous_diff_url"] = diff_url(datasette, database, article_id, number - 1, number) if number - 1 in numbers else None
        item["current_diff_url"] = diff_url(datasette, database, article_id, number, current) if number != current else None
    return {"current": current, "count": len(versions), "versions": versions}


@hookimpl
def prepare_jinja2_environment(env):
    # ISO capture times as "6 April 2024, 06:00 UTC" on the history and diff pages.
    env.filters["folio_date"] = readable_date


@hookimpl
def extra_template_vars(database, table, view_name, request, datasette):
    """folio_history on an article's page: its versions, with links to each and to diffs."""
    if not (view_name == "row" and table == "articles" and request is not None):
        return {}

    async def inner():
        article_id = urlsafe_components(request.url_vars["pks"])[0]
        return {"folio_history": await _history(datasette, database, article_id)}

    return inner


@hookimpl
def register_routes():
    return [(DIFF_ROUTE, article_diff)]
