"""The migration that merges rows of one article stored under the old URL-hash ids keeps every capture and version."""
from __future__ import annotations

import gzip
import hashlib
import json

import pytest
from sqlite_utils import Database

from archive.bodies import Bodies
from archive.schema import migrate, migrations
from crawler.identity import article_id

YOGA = "/dailyhealth/back-pain/news/20110127/gentle-yoga-chronic-neck-pain"
WALK = "https://health.example/news/2024/walking"


def old_id(url: str) -> str:
    """How ids were made before: a hash of the exact URL."""
    return hashlib.sha1(url.encode()).hexdigest()[:16]


def store(db: Database, *, site: str, url: str, versions: list[tuple[str, str]], pages: int) -> str:
    """Write an article as the old Store did: row, versions (captured_at, text), pages with captures."""
    key = old_id(url)
    for number, (captured_at, text) in enumerate(versions, 1):
        db["article_versions"].insert({"article_id": key, "version": number, "captured_at": captured_at,
                                       "title": text.split(".")[0], "body_text": text,
                                       "content_hash": hashlib.sha256(text.encode()).hexdigest()})
    captured_at, text = versions[-1]
    db["articles"].insert({"id": key, "site": site, "url": url, "canonical_url": url, "title": text.split(".")[0],
                           "body_text": text, "content_hash": hashlib.sha256(text.encode()).hexdigest(),
                           "complete": 1, "page_count": pages, "missing_pages": "[]", "authors": "[]",
                           "version_count": len(versions), "first_seen": versions[0][0], "updated": captured_at})
    for number in range(1, pages + 1):
        page_url = url if number == 1 else f"{url}?page={number}"
        body = f"<html>{text} page {number}</html>".encode()
        capture = db["captures"].insert({"url": page_url, "fetched_at": captured_at, "status": 200, "headers": "{}",
                                         "body_sha256": hashlib.sha256(body).hexdigest(),
                                         "body_gz": gzip.compress(body)}).last_pk
        db["pages"].insert({"url": page_url, "article_id": key, "site": site, "number": number, "status": 200,
                            "capture_id": capture, "html_gz": gzip.compress(body)})
    return key


@pytest.fixture
def old_archive(tmp_path) -> Database:
    """An archive as the old ids left it: two demo runs on two ports, one article over http and https+utm."""
    db = Database(tmp_path / "old.db")
    db.enable_wal()
    migrations.apply(db, stop_before="merge_duplicate_articles")
    store(db, site="dailyhealth", url=f"http://127.0.0.1:41001{YOGA}", pages=5,
          versions=[("2026-01-01T10:00:00+00:00", "Yoga helps. Five pages.")])
    store(db, site="dailyhealth", url=f"http://127.0.0.1:42002{YOGA}", pages=4,
          versions=[("2026-01-02T10:00:00+00:00", "Yoga helps. Five pages."),
                    ("2026-01-02T10:05:00+00:00", "Yoga helps. Four pages now.")])
    store(db, site="web", url=WALK.replace("https:", "http:"), pages=1,
          versions=[("2026-01-03T10:00:00+00:00", "Walking helps. First text.")])
    store(db, site="web", url=WALK + "?utm_source=feed", pages=1,
          versions=[("2026-01-04T10:00:00+00:00", "Walking helps. Second text.")])
    store(db, site="web", url="https://health.example/news/2024/running", pages=1,
          versions=[("2026-01-05T10:00:00+00:00", "Running helps.")])
    return db


def table(db: Database, name: str, order: str) -> list[dict]:
    return list(db.query(f"select * from {name} order by {order}"))


def test_merging_keeps_every_capture_and_every_version(old_archive):
    db = old_archive
    captures = [{k: v for k, v in c.items() if k != "body_gz"} | {"body": gzip.decompress(c["body_gz"])}
                for c in table(db, "captures", "id")]
    assert db.execute("select count(*) from articles").fetchone()[0] == 5
    migrate(db)  # this one, then store_bytes_once (zstd bodies)
    bodies = Bodies(db.conn)
    # compact_captures packs headers and hashes (archive/bodies.py): unpacked, the same values
    after = [{key: c[key] for key in captures[0] if key != "body"} | {"body": bodies.decompress(c["body_zst"], c["dict_id"]),
             "headers": json.dumps(bodies.headers(c["headers"], c["site"])), "body_sha256": c["body_sha256"].hex()}
             for c in table(db, "captures", "id")]
    assert after == captures  # untouched: every body ever received stays
    yoga_id = article_id("dailyhealth", f"http://127.0.0.1:9{YOGA}")
    walk_id = article_id("web", WALK)
    ids = {r["id"] for r in db.query("select id from articles")}
    assert ids == {yoga_id, walk_id, article_id("web", "https://health.example/news/2024/running")}
    yoga = db["articles"].get(yoga_id)
    assert yoga["url"] == f"http://127.0.0.1:42002{YOGA}"  # the most recently updated row's content stays
    assert (yoga["body_text"], yoga["version_count"], yoga["first_seen"]) == \
        ("Yoga helps. Four pages now.", 2, "2026-01-01T10:00:00+00:00")
    # store_bytes_once leaves the current version's text to the article row: read it from there
    history = list(db.query("select v.article_id, v.version, v.captured_at, coalesce(v.body_text, a.body_text) "
                            "as body_text from article_versions v join articles a on a.id = v.article_id "
                            "order by v.article_id, v.version"))
    # the first run's text and the second run's repeat of it are one version; the edit is the second
    assert [(v["version"], v["body_text"], v["captured_at"]) for v in history if v["article_id"] == yoga_id] == [
        (1, "Yoga helps. Five pages.", "2026-01-01T10:00:00+00:00"),
        (2, "Yoga helps. Four pages now.", "2026-01-02T10:05:00+00:00")]
    assert [v["body_text"] for v in history if v["article_id"] == walk_id] == \
        ["Walking helps. First text.", "Walking helps. Second text."]
    assert db["articles"].get(walk_id)["version_count"] == 2
    assert not {v["article_id"] for v in history} - ids


def test_pages_follow_their_article_and_search_finds_it_once(old_archive):
    db = old_archive
    migrate(db)
    yoga_id = article_id("dailyhealth", f"http://127.0.0.1:9{YOGA}")
    pages = list(db.query("select url, number from pages where article_id = ? order by number", [yoga_id]))
    assert [p["number"] for p in pages] == [1, 2, 3, 4] and all(":42002" in p["url"] for p in pages)
    # the first port's page 5 is not part of the article any more; its body is still in captures
    gone = db["pages"].get(f"http://127.0.0.1:41001{YOGA}?page=5")
    assert (gone["article_id"], gone["error"]) == (None, "no longer part of the article")
    assert not list(db.query("select url from pages where article_id is not null and article_id not in "
                             "(select id from articles)"))
    assert [r["id"] for r in db.query("select articles.id from articles join articles_fts "
                                      "on articles.rowid = articles_fts.rowid where articles_fts match 'yoga'")] == [yoga_id]
    db.execute("insert into articles_fts(articles_fts) values('integrity-check')")


def test_a_merged_archive_stores_the_next_crawl_in_the_same_row(old_archive, tmp_path):
    from archive.store import Archive
    from crawler.items import ArticleCapture, Page

    migrate(old_archive)
    old_archive.close()
    archive = Archive(tmp_path / "old.db")
    url = f"http://127.0.0.1:43003{YOGA}"
    capture = ArticleCapture(site="dailyhealth", url=url, pages=[Page(url=url, number=1, status=200, body=b"<p>x")])
    record = {"site": "dailyhealth", "url": url, "title": "Yoga helps", "body_text": "Yoga helps. Four pages now.",
              "page_count": 4, "complete": True, "missing_pages": [],
              "content_hash": hashlib.sha256(b"Yoga helps. Four pages now.").hexdigest()}
    assert archive.save(capture, record) == "unchanged"
    assert archive.db.execute("select count(*) from articles where site = 'dailyhealth'").fetchone()[0] == 1
    assert archive.db["articles"].count == 3
