"""A table URL asking to sort by a column that cannot sort is a user's mistake: HTTP 400 with Datasette's reason."""
from __future__ import annotations

import asyncio

import pytest

from archive.publish import datasette_app


@pytest.mark.parametrize("path", ["/{db}/articles?_sort=bogus", "/{db}/articles?_sort_desc=body_text",
                                  "/{db}/pages?_sort=nothing_here"])
def test_sorting_by_a_column_that_cannot_sort_is_a_400_with_the_reason(archive_db, path):
    datasette = datasette_app(archive_db)
    url = path.format(db=archive_db.stem)

    async def fetch():
        return await datasette.client.get(url), await datasette.client.get(url.replace("?", ".json?"))

    page, data = asyncio.run(fetch())
    assert page.status_code == 400 and "Cannot sort table by" in page.text
    assert data.status_code == 400 and data.json()["error"].startswith("Cannot sort table by")


def test_a_sortable_column_still_sorts(archive_db):
    datasette = datasette_app(archive_db)
    response = asyncio.run(datasette.client.get(f"/{archive_db.stem}/articles.json?_sort=published&_shape=array"))
    assert response.status_code == 200 and isinstance(response.json(), list)
