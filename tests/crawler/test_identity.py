"""One identity per article: URL variants, canonical links and the sample site's port map to one id."""
from __future__ import annotations

import pytest

from archive.store import Archive
from crawler.identity import article_id, article_identity, fetch_url, identity_url, normalize_url
from crawler.items import ArticleCapture, Page

ARTICLE = "https://health.example/news/2024/walking"
VARIANTS = [
    "http://health.example/news/2024/walking",
    "https://health.example:443/news/2024/walking",
    "http://health.example:80/news/2024/walking",
    "https://HEALTH.example/news/2024/walking#comments",
    "https://health.example/news/2024/walking?utm_source=feed&utm_medium=rss",
    "https://health.example/news/2024/walking?fbclid=abc&gclid=def&mc_cid=1&mc_eid=2",
    "https://health.example/news/2024/walking?page=1",
    "https://health.example/news/2024/walking?utm_campaign=x&page=1#top",
]


@pytest.mark.parametrize("variant", VARIANTS)
def test_every_variant_of_an_article_url_has_its_id(variant):
    assert normalize_url(variant) == ARTICLE
    assert article_id("web", variant) == article_id("web", ARTICLE)


def test_what_tells_articles_apart_is_kept():
    assert normalize_url("https://a.example/x?id=2&b=1") == "https://a.example/x?b=1&id=2"  # order only
    different = ["https://health.example/news/2024/walking?page=2", "https://health.example/news/2024/running",
                 "https://health.example:8443/news/2024/walking", "https://www.health.example/news/2024/walking",
                 "https://health.example/news/2024/walking?p=1"]  # WordPress: ?p=1 is post 1
    assert len({article_id("web", u) for u in different + [ARTICLE]}) == len(different) + 1


def test_a_same_site_canonical_link_decides_the_identity():
    amp = "https://health.example/amp/walking-story?utm_source=social"
    assert identity_url(amp, "https://health.example/news/2024/walking") == ARTICLE
    assert identity_url(amp, "https://www.health.example/news/2024/walking") == "https://www.health.example/news/2024/walking"
    assert article_id("web", amp, ARTICLE) == article_id("web", ARTICLE)


def test_a_canonical_link_elsewhere_or_to_the_home_page_is_ignored():
    assert identity_url(ARTICLE, "https://syndicator.example/story/1") == ARTICLE
    assert identity_url(ARTICLE, "https://health.example/") == ARTICLE  # a CMS that points every page at /
    assert identity_url(ARTICLE, "mailto:desk@health.example") == ARTICLE


def test_the_sample_site_is_identified_independent_of_its_port():
    path = "/dailyhealth/back-pain/news/20110127/gentle-yoga-chronic-neck-pain"
    assert article_identity("dailyhealth", f"http://127.0.0.1:41234{path}") == f"dailyhealth:{path}"
    assert article_id("dailyhealth", f"http://127.0.0.1:41234{path}") == article_id("dailyhealth", f"http://127.0.0.1:5{path}?page=1")
    # an absolute-URL site keeps its host and port: two servers are two sites
    assert article_id("web", f"http://127.0.0.1:41234{path}") != article_id("web", f"http://127.0.0.1:5{path}")


def _capture(url: str, site: str = "web") -> ArticleCapture:
    page = Page(url=url, number=1, status=200, fetched_at="2024-01-01T00:00:00+00:00",
                headers={"Content-Type": "text/html"}, body=b"<html>walking</html>")
    return ArticleCapture(site=site, url=url, pages=[page])


def _record(url: str, canonical: str | None = None) -> dict:
    return {"site": "web", "url": url, "canonical_url": canonical or url, "title": "Walking", "body_text": "Walk.",
            "page_count": 1, "complete": True, "missing_pages": [], "content_hash": "h1"}


def test_storing_every_variant_keeps_one_article_and_one_page_row(tmp_path):
    archive = Archive(tmp_path / "a.db")
    outcomes = [archive.save(_capture(u), _record(u)) for u in [ARTICLE, *VARIANTS]]
    amp = "https://health.example/amp/walking-story"
    outcomes.append(archive.save(_capture(amp), _record(amp, canonical=ARTICLE)))
    assert outcomes == ["new"] + ["unchanged"] * (len(VARIANTS) + 1)
    articles = list(archive.db.query("select id, url from articles"))
    assert articles == [{"id": article_id("web", ARTICLE), "url": amp}]  # the row names the latest URL
    pages = list(archive.db.query("select url, article_id from pages where article_id is not null"))
    assert pages == [{"url": amp, "article_id": articles[0]["id"]}]  # older forms of the URL superseded
    # every distinct body stays: all fetches had the same bytes, so one capture per URL fetched
    assert archive.db.execute("select count(distinct url) from captures").fetchone()[0] == len(VARIANTS) + 2


def test_an_article_stored_from_a_url_keeps_its_row_when_its_canonical_link_changes(tmp_path):
    archive = Archive(tmp_path / "a.db")
    archive.save(_capture(ARTICLE), _record(ARTICLE))
    moved = _record(ARTICLE, canonical="https://health.example/news/walking-renamed")
    assert archive.save(_capture(ARTICLE), moved) == "unchanged"
    assert archive.db.execute("select count(*) from articles").fetchone()[0] == 1


def test_a_failed_fetch_under_another_form_of_its_url_replaces_the_earlier_failure(tmp_path):
    archive = Archive(tmp_path / "a.db")
    for url in ["http://health.example/members/x?utm_source=a", "https://health.example/members/x"]:
        page = Page(url=url, number=1, error="not fetched: Forbidden by robots.txt")
        assert archive.save(ArticleCapture(site="web", url=url, pages=[page]), None) == "failed"
    other = Page(url="https://health.example/members/y", number=1, error="HTTP 404")
    archive.save(ArticleCapture(site="web", url=other.url, pages=[other]), None)
    assert [r["url"] for r in archive.db.query("select url from pages order by url")] == \
        ["https://health.example/members/x", "https://health.example/members/y"]


@pytest.mark.slow
def test_a_real_crawl_of_url_variants_stores_one_article(tmp_path):
    from crawler.samplesite import SampleSite
    from tests.conftest import rows
    from tests.test_crawl_end_to_end import folio

    db = tmp_path / "variants.db"
    path = "/medwire/news/20150417/hand-sanitizer-clinic-infections"
    with SampleSite() as site:
        base = site.base_url.rstrip("/")
        variants = [base + path, f"{base}{path}?utm_source=newsletter&utm_medium=email",
                    f"{base}{path}?page=1", f"{base}{path}?fbclid=abc#comments"]
        for variant in variants:  # one crawl each: every later one finds the article stored
            result = folio("crawl", "--url", variant, "--db", str(db))
            assert result.returncode == 0, result.stderr[-2000:]
    stored = rows(db, "select id, page_count, version_count from articles")
    assert stored == [{"id": article_id("web", base + path), "page_count": 3, "version_count": 1}]
    assert [c["articles_stored"] for c in rows(db, "select articles_stored from crawls order by id")] == [1, 0, 0, 0]
    pages = rows(db, "select number from pages where article_id is not null order by number")
    assert [p["number"] for p in pages] == [1, 2, 3]  # each variant's page 1 replaced the one before


def test_the_crawler_fetches_an_article_without_its_tracking_parameters():
    assert fetch_url("https://h.example/a?utm_source=rss&id=7&fbclid=x#top") == "https://h.example/a?id=7"
    assert fetch_url("http://h.example:8080/a?page=1") == "http://h.example:8080/a?page=1"  # otherwise as given


def test_a_canonical_link_that_later_names_another_stored_article_never_breaks_a_save(tmp_path):
    archive = Archive(tmp_path / "a.db")
    other = "https://health.example/news/2024/running"
    archive.save(_capture(ARTICLE), _record(ARTICLE))
    archive.save(_capture(other), _record(other))
    # the walking page now (wrongly) names the running article as its canonical: its own row is updated
    assert archive.save(_capture(ARTICLE), {**_record(ARTICLE, canonical=other), "content_hash": "h2"}) == "changed"
    assert archive.db.execute("select count(*) from articles").fetchone()[0] == 2
