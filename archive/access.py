"""The checks every Folio page of Datasette makes before reading a table."""
from __future__ import annotations

from datasette import NotFound


async def readable_database(datasette, request, table: str):
    """The request's database, once the actor may view ``table`` in it; NotFound for an unknown database."""
    database = request.url_vars["database"]
    try:
        db = datasette.get_database(database)
    except KeyError:
        raise NotFound(f"Database not found: {database}") from None
    await datasette.ensure_permissions(request.actor, [
        ("view-table", (database, table)), ("view-database", database), "view-instance",
    ])
    return db
