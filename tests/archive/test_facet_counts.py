"""The articles list's facets from facet_counts: the same counts as Datasette's live facets, after any write."""
from __future__ import annotations

import asyncio
import json

from sqlite_utils import Database

from archive.facet_counts import FILL
from archive.publish import datasette_app
from archive.store import Archive
from tests.archive.test_derived_text import capture, record


def facets(db_path, query: str) -> dict:
    """{facet: {value: count}} of the articles list, with ``query`` appended."""
    async def run():
        return await datasette_app(db_path).client.get(f"/{db_path.stem}/articles.json?_size=1{query}")
    response = asyncio.run(run())
    assert response.status_code == 200, response.text[:300]
    data = response.json()
    return {name: (facet["type"], {r["value"]: r["count"] for r in facet["results"]})
            for name, facet in data["facet_results"].items()}


def test_counts_follow_every_write_and_match_the_live_facets(tmp_path, archive_db):
    path = tmp_path / "folio.db"
    path.write_bytes(archive_db.read_bytes())
    archive = Archive(path)
    archive.save_many([(capture(slug), {**record(slug), "section": "Sleep", "published": "2019-03-01",
                                        "authors": ["Kelli Jones", "New Writer"]}) for slug in ("plain", "linked")])
    # the same article again with other authors, section and date: its old values leave the counts
    archive.save_many([(capture("plain"), {**record("plain"), "section": "Heart", "published": "2018-05-05",
                                           "authors": ["Other Writer"], "content_hash": "plain-2"})])
    archive.conn.execute("delete from articles where url like '%linked%'")
    archive.conn.commit()
    archive.close()
    db = Database(path)
    counted = sorted(tuple(r.values()) for r in db.query("select facet, value, count from facet_counts where count > 0"))
    assert counted == sorted(db.execute(FILL).fetchall())
    whole, live = facets(path, ""), facets(path, "&id__not=none")  # any filter: Datasette counts live
    assert whole == live
    assert whole["authors"][0] == "array" and whole["published"][0] == "year" and whole["site"][0] == "column"
    assert whole["authors"][1]["Other Writer"] == 1 and "New Writer" not in whole["authors"][1]
    assert whole["section"][1]["Heart"] == 1 and "Sleep" not in whole["section"][1]
    assert whole["published"][1]["2018"] == 1 and "2019" not in whole["published"][1]
    assert json.loads(db.execute("select authors from articles where url like '%plain%'").fetchone()[0]) == [
        "Other Writer"]
    # and the whole list's counts do come from the table (a count changed there shows; a filtered list counts live)
    db.execute("update facet_counts set count = 99 where facet = 'site' and value = 'medwire'")
    db.conn.commit()
    assert facets(path, "")["site"][1]["medwire"] == 99
    assert facets(path, "&id__not=none")["site"][1]["medwire"] == whole["site"][1]["medwire"] != 99
