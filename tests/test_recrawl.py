"""A later visit to a changed site: versions for what changed, 304s for what did not, new articles found."""
from __future__ import annotations

import json

import pytest

from crawler.samplesite import SampleSite, expected_articles
from tests.test_crawl_end_to_end import SITES, folio, rows

pytestmark = pytest.mark.slow
CHANGED = {  # what edition 2 of the sample site changes, by article path
    "/medwire/news/20150417/hand-sanitizer-clinic-infections": "a corrected figure on page 2",
    "/dailyhealth/back-pain/news/20110127/gentle-yoga-chronic-neck-pain": "page 5 removed",
    "/wellbeing/nap-length/": "a new headline",
}
NEW = {"/medwire/news/20150702/stairs-at-work", "/wellbeing/walking-meetings/",
       "/medwire/news/20150706/coffee-heart-rhythm"}  # page 3 of the last one answers HTTP 500


def allowed(edition: int) -> list[dict]:
    return [e for e in expected_articles(edition=edition) if e["site"] in SITES and not e["robots_disallowed"]]


def versions(db, base: str) -> dict[str, int]:
    return {r["url"][len(base):]: r["version_count"] for r in rows(db, "select url, version_count from articles")}


@pytest.fixture(scope="module")
def two_visits(tmp_path_factory):
    """Edition 1 crawled, then edition 2 crawled twice: as scheduled (policy applies), then --revisit-all."""
    db = tmp_path_factory.mktemp("recrawl") / "folio.db"
    with SampleSite() as site:
        base = site.base_url.rstrip("/")
        first = folio("crawl", *SITES, "--base-url", site.base_url, "--db", str(db))
        assert first.returncode == 0, first.stderr[-3000:]
        site.set_edition(2)
        scheduled = folio("crawl", *SITES, "--base-url", site.base_url, "--db", str(db))
        assert scheduled.returncode == 0, scheduled.stderr[-3000:]
        after_scheduled = versions(db, base)
        before = site.statuses()
        forced = folio("crawl", *SITES, "--base-url", site.base_url, "--db", str(db), "--revisit-all")
        assert forced.returncode == 0, forced.stderr[-3000:]
        sent = {status: n - before.get(status, 0) for status, n in site.statuses().items()}
        yield db, base, sent, after_scheduled


def test_a_scheduled_visit_finds_sitemap_changes_and_new_articles_and_waits_for_the_rest(two_visits):
    _, _, _, after_scheduled = two_visits
    # medwire's sitemap lastmod reveals its corrected article; feeds and listings reveal new ones
    assert after_scheduled["/medwire/news/20150417/hand-sanitizer-clinic-infections"] == 2
    assert NEW <= set(after_scheduled)
    # the others were checked minutes ago: the revisit policy waits, so no version yet
    assert after_scheduled["/dailyhealth/back-pain/news/20110127/gentle-yoga-chronic-neck-pain"] == 1
    assert after_scheduled["/wellbeing/nap-length/"] == 1


def test_edition_two_is_archived_as_expected(two_visits):
    db, base, _, _ = two_visits
    for expected in allowed(2):
        article = rows(db, f"select * from articles where url = '{base}{expected['path']}'")[0]
        assert article["title"] == expected["title"]
        assert article["page_count"] == expected["page_count"]
        fault = expected["fault"] or {"complete": True, "missing_pages": []}
        assert article["complete"] == fault["complete"]
        assert json.loads(article["missing_pages"]) == [base + path for path in fault["missing_pages"]]
        assert article["body_text"].split("\n\n") == expected["body_paragraphs"]
    assert len(rows(db, "select id from articles")) == len(allowed(2)) == len(allowed(1)) + len(NEW)


def test_changed_articles_get_a_second_version_and_nothing_else_does(two_visits):
    db, base, _, _ = two_visits
    counts = versions(db, base)
    assert {path for path, n in counts.items() if n == 2} == set(CHANGED)
    assert all(n == 1 for path, n in counts.items() if path not in CHANGED)
    url = base + "/medwire/news/20150417/hand-sanitizer-clinic-infections"
    history = rows(db, f"select v.* from article_versions v join articles a on a.id = v.article_id "
                       f"where a.url = '{url}' order by version")
    assert [v["version"] for v in history] == [1, 2]
    assert "About 6 in 10 adult visitors" in history[0]["body_text"]
    assert "About 7 in 10 adult visitors" in history[1]["body_text"]
    assert history[0]["content_hash"] != history[1]["content_hash"]


def test_unchanged_pages_are_revalidated_with_304s(two_visits):
    db, _, sent, _ = two_visits
    stats = [json.loads(c["stats"]) for c in rows(db, "select stats from crawls order by id desc limit 3")]
    not_modified = sum(s.get("folio/pages/not_modified", 0) for s in stats)
    assert not_modified == sent.get(304, 0) > 0


def test_a_removed_page_leaves_the_article_but_stays_in_captures(two_visits):
    db, base, _, _ = two_visits
    page5 = f"{base}/dailyhealth/back-pain/news/20110127/gentle-yoga-chronic-neck-pain?page=5"
    row = rows(db, f"select article_id, number, error from pages where url = '{page5}'")[0]
    assert row == {"article_id": None, "number": None, "error": "no longer part of the article"}
    assert rows(db, f"select count(*) as n from captures where url = '{page5}'")[0]["n"] == 1


def test_the_diff_of_a_changed_article_shows_exactly_the_corrected_figure(two_visits):
    import asyncio

    from archive.publish import datasette_app

    db, base, _, _ = two_visits
    url = base + "/medwire/news/20150417/hand-sanitizer-clinic-infections"
    article_id = rows(db, f"select id from articles where url = '{url}'")[0]["id"]

    async def diff():
        response = await datasette_app(db).client.get(f"/folio/articles/{article_id}/diff.json?from=1&to=2")
        return response.status_code, response.json()

    status, data = asyncio.run(diff())
    assert status == 200
    assert data["summary"] == {"change": 1, "insert": 0, "delete": 0, "unchanged": data["summary"]["unchanged"]}
    changed = [part for part in data["body"] if part["op"] == "change"]
    assert len(changed) == 1
    assert ["delete", "6"] in changed[0]["words"] and ["insert", "7"] in changed[0]["words"]
