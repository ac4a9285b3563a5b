"""`folio demo`: two visits with a changed edition between them; running it again adds no article."""
from __future__ import annotations

import json

import pytest

from crawler.samplesite import expected_articles
from tests.conftest import rows

pytestmark = pytest.mark.slow
SITES = ("dailyhealth", "medwire", "wellbeing")


def edition_two() -> list[dict]:
    return [e for e in expected_articles(edition=2) if e["site"] in SITES and not e["robots_disallowed"]]


def test_running_the_demo_twice_leaves_the_same_articles_versions_and_pages(demo_runs):
    db, runs, sizes = demo_runs
    assert sizes[0]["articles"] == sizes[1]["articles"] == len(edition_two())
    assert sizes[0]["article_versions"] == sizes[1]["article_versions"]
    assert sizes[0]["pages"] == sizes[1]["pages"]  # the new port's pages replaced the old port's
    assert sizes[1]["captures"] > sizes[0]["captures"]  # every body received is kept (links name the port)
    assert "first visit: the sample site at" in runs[0].stdout and "first visit:" not in runs[1].stdout
    assert "already holds the sample site's first visit" in runs[1].stdout
    # the later visit, made again, stores nothing: the incomplete article's missing page is the same page
    last = rows(db, "select articles_stored, articles_unchanged from crawls order by id desc limit 3")
    assert sum(c["articles_stored"] for c in last) == 0 and sum(c["articles_unchanged"] for c in last) == 16


def test_the_demo_archive_shows_versions_a_diff_an_incomplete_and_new_articles(demo_runs):
    db, runs, _ = demo_runs
    changed = rows(db, "select id, title from articles where version_count = 2")
    assert len(changed) == 3 and not rows(db, "select id from articles where version_count > 2")
    incomplete = rows(db, "select id, title, missing_pages from articles where complete = 0")
    assert [a["title"] for a in incomplete] == ["Daily Coffee Not Linked to Irregular Heartbeat"]
    assert json.loads(incomplete[0]["missing_pages"])[0].endswith("/coffee-heart-rhythm?page=3")
    first_crawl_ids = {r["id"] for r in rows(db, "select article_id as id from article_versions where version = 1 "
                                                 "and captured_at <= (select max(finished) from crawls where id <= 3)")}
    assert len(edition_two()) - len(first_crawl_ids) == 3  # new on the later visit
    for line in ("with more than one version, 1 incomplete", "/folio/changed_articles", "/folio/incomplete_articles",
                 f"/folio/articles/{incomplete[0]['id']}  (Daily Coffee"):
        assert line in runs[1].stdout, line
    diff = next(line for line in runs[1].stdout.splitlines() if line.strip().startswith("a diff"))
    assert any(f"/folio/articles/{a['id']}/diff" in diff and a["title"] in diff for a in changed)


def test_an_article_page_and_its_history_count_the_same_words(demo_runs):
    import asyncio
    import re

    from archive.publish import datasette_app
    from archive.reading import word_count

    db, _, _ = demo_runs
    for article in rows(db, "select a.id, a.word_count, coalesce(v.body_text, a.body_text) as body_text "
                            "from articles a join article_versions v on v.article_id = a.id and v.version = a.version_count"):
        assert article["word_count"] == word_count(article["body_text"]) > 50, article["id"]
    lifting = rows(db, "select id, word_count from articles where title like 'Lifting weights%'")[0]

    async def page() -> str:
        response = await datasette_app(db).client.get(f"/folio/articles/{lifting['id']}")
        assert response.status_code == 200
        return response.text

    html = asyncio.run(page())
    header = re.search(r"· ([\d,]+) words", html).group(1)
    history = re.findall(r"<td>([\d,]+)</td>", html[html.index('id="history"'):])
    assert header == f"{lifting['word_count']:,}" and header in history
