"""The migration to zstd bodies loses nothing: rebuild gives the same articles, WARC export the same records."""
from __future__ import annotations

import gzip
import hashlib
import json
import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database
from warcio.archiveiterator import ArchiveIterator
from warcio.warcwriter import WARCWriter

from archive.bodies import TRAIN_AFTER, Bodies
from archive.rows import UPSERT_VISIT, article_row
from archive.schema import migrate, migrations
from archive.store import Archive
from archive.warc import export_warc, response_record
from crawler import sites
from crawler.identity import article_id
from crawler.items import ArticleCapture, Page
from crawler.samplesite import bulk
from crawler.samplesite.server import Router
from pipelines.rebuild import article_record, rebuild

BASE = "http://127.0.0.1:8001"
ARTICLES = TRAIN_AFTER // 3 + 4  # 1-5 pages each: enough pages to train the bulk site's dictionary


def bulk_capture(router: Router, number: int) -> ArticleCapture:
    first = BASE + bulk.article_path(number)
    urls = [first] + [f"{first}?page={n}" for n in range(2, bulk.page_count(number) + 1)]
    pages = []
    for n, url in enumerate(urls, 1):
        response = router.get(url[len(BASE):])
        pages.append(Page(url=url, number=n, status=200, final_url=url, fetched_at="2026-01-05T10:00:00+00:00",
                          headers={"Content-Type": response.content_type, "ETag": response.etag,
                                   "Content-Length": str(len(response.body))}, body=response.body))
    return ArticleCapture(site="bulk", url=first, pages=pages)


def old_store(db: Database, capture: ArticleCapture, record: dict, *, with_capture: bool = True) -> None:
    """Write an article as the Store did before bodies moved to zstd: gzip bodies in pages and in captures."""
    key = article_id(capture.site, capture.url, record.get("canonical_url"))
    row = article_row(tuple(db["articles"].columns_dict), key, record)
    db["articles"].insert({**row, "first_seen": "2026-01-05T10:00:00+00:00", "updated": "2026-01-05T10:00:00+00:00",
                           "version_count": 1})
    db["article_versions"].insert({"article_id": key, "version": 1, "captured_at": "2026-01-05T10:00:00+00:00",
                                   **{c: row[c] for c in ("title", "subtitle", "authors", "published", "body_text",
                                                          "content_hash")}})
    for page in capture.pages:
        body_gz, sha = gzip.compress(page.body, compresslevel=6, mtime=0), hashlib.sha256(page.body).hexdigest()
        capture_id = db["captures"].insert({
            "url": page.url, "final_url": page.final_url, "fetched_at": page.fetched_at, "status": page.status,
            "headers": json.dumps(page.headers), "body_sha256": sha, "body_gz": body_gz}).last_pk if with_capture else None
        db["pages"].insert({
            "url": page.url, "article_id": key, "site": capture.site, "number": page.number, "status": page.status,
            "final_url": page.final_url, "fetched_at": page.fetched_at, "etag": page.headers["ETag"],
            "headers": json.dumps({k.lower(): v for k, v in page.headers.items()}), "body_sha256": sha,
            "body_size": len(page.body), "html_gz": body_gz, "capture_id": capture_id})


@pytest.fixture(scope="module")
def old_archive(tmp_path_factory) -> Path:
    """An archive as the gzip-era Store left it: the bulk site, one article stored before captures existed."""
    path = tmp_path_factory.mktemp("old") / "old.db"
    db = Database(path)
    db.enable_wal()
    migrations.apply(db, stop_before="store_bytes_once")
    router, profile = Router(BASE, bulk_articles=ARTICLES), sites.load("bulk")
    for number in range(1, ARTICLES + 1):
        capture = bulk_capture(router, number)
        old_store(db, capture, article_record(capture, profile), with_capture=number != 2)
    db.close()
    return path


def warc_records(path: Path) -> list[tuple]:
    """Every record's WARC headers (less its random id and the id it points to), HTTP headers and payload."""
    found = []
    with open(path, "rb") as stream:
        for record in ArchiveIterator(stream):
            headers = [(k, v) for k, v in record.rec_headers.headers if k not in ("WARC-Record-ID", "WARC-Concurrent-To")]
            http = record.http_headers.headers if record.http_headers else None
            found.append((record.rec_type, headers, http, record.content_stream().read()))
    return found


def copy_of(old_archive: Path, tmp_path: Path) -> Path:
    """Each test migrates its own copy: the module's archive stays as the old Store left it."""
    copy = tmp_path / "copy.db"
    copy.write_bytes(old_archive.read_bytes())
    return copy


def test_warc_export_is_the_same_before_and_after(old_archive, tmp_path):
    db = Database(copy_of(old_archive, tmp_path))
    (tmp_path / "before").mkdir()
    (tmp_path / "after").mkdir()
    before, after = tmp_path / "before" / "bulk.warc.gz", tmp_path / "after" / "bulk.warc.gz"
    with open(before, "wb") as stream:  # what export-warc wrote from gzip bodies
        writer = WARCWriter(stream, gzip=True)
        writer.write_record(writer.create_warcinfo_record(before.name, {}))
        for row in db.query("select * from captures order by id"):
            response = response_record(writer, row, gzip.decompress(row["body_gz"]))
            writer.write_record(response)
    migrate(db)
    assert export_warc(db, after)["response"] == db["captures"].count
    old = [r for r in warc_records(before) if r[0] == "response"]
    new = [r for r in warc_records(after) if r[0] == "response"]
    # every record as before, then the pages stored before captures existed, which had no record
    assert new[:len(old)] == old
    second = bulk_capture(Router(BASE, bulk_articles=ARTICLES), 2)
    assert [(dict(r[1])["WARC-Target-URI"], r[3]) for r in new[len(old):]] == [(p.url, p.body) for p in second.pages]


def test_bodies_move_to_zstd_once_with_the_sites_dictionary(old_archive, tmp_path):
    copy = copy_of(old_archive, tmp_path)
    db = Database(copy)
    assert "html_gz" in db["pages"].columns_dict
    migrate(db)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert copy.stat().st_size < 0.6 * old_archive.stat().st_size  # and the file gave the space back
    assert "html_gz" not in db["pages"].columns_dict and "body_gz" not in db["captures"].columns_dict
    assert [(d["site"], d["samples"]) for d in db.query("select site, samples from zstd_dicts")] == [
        ("bulk", db["pages"].count)]
    assert db.execute("select count(*) from captures where dict_id is null").fetchone()[0] == 0
    # the page stored before captures existed got one; a page with a capture keeps no copy of its headers
    assert db.execute("select count(*) from pages where capture_id is null").fetchone()[0] == 0
    assert db.execute("select count(*) from pages where headers is not null").fetchone()[0] == 0


def test_rebuild_from_migrated_captures_gives_the_same_articles(old_archive, tmp_path):
    copy = copy_of(old_archive, tmp_path)
    before = list(Database(copy).query("select * from articles order by id"))
    archive = Archive(copy)  # migrates
    assert archive.bodies.site_dictionary("bulk") is not None
    counts = rebuild(archive)
    assert counts["unchanged"] == counts["rebuilt"] == ARTICLES
    after = list(archive.db.query("select * from articles order by id"))
    # body_text is generated from body_html now, the same text as stored before
    assert [{k: v for k, v in row.items() if k != "stored_text"} for row in after] == before
    assert all(row["stored_text"] is None for row in after)  # the bulk site's text is all in its HTML


def test_the_unused_body_hash_index_goes(old_archive, tmp_path):
    path = copy_of(old_archive, tmp_path)
    indexes = "select name from sqlite_master where type = 'index' and tbl_name = 'captures'"
    assert "idx_captures_body_sha256" in {r[0] for r in Database(old_archive).execute(indexes)}
    Archive(path).close()
    assert "idx_captures_body_sha256" not in {r[0] for r in Database(path).execute(indexes)}


@pytest.fixture(scope="module")
def before_compaction(old_archive, tmp_path_factory) -> Path:
    """The old archive migrated up to compact_captures: headers as JSON text, hashes in hex, every final_url."""
    path = tmp_path_factory.mktemp("zstd") / "zstd.db"
    path.write_bytes(old_archive.read_bytes())
    db = Database(path)
    migrations.apply(db, stop_before="compact_captures")
    db.close()
    return path


def test_compacted_captures_export_the_same_warc_records(before_compaction, tmp_path):
    db = Database(copy_of(before_compaction, tmp_path))
    assert db.execute("select count(*) from captures where typeof(headers) = 'text' "
                      "and typeof(body_sha256) = 'text' and final_url = url").fetchone()[0] == db["captures"].count
    export_warc(db, tmp_path / "before.warc.gz")
    articles = list(db.query("select * from articles order by id"))
    migrate(db)
    export_warc(db, tmp_path / "after.warc.gz")
    before, after = warc_records(tmp_path / "before.warc.gz"), warc_records(tmp_path / "after.warc.gz")
    assert [r for r in after if r[0] != "warcinfo"] == [r for r in before if r[0] != "warcinfo"]
    assert len(after) == 2 * db["captures"].count + 1
    # packed: every headers value a zstd frame, every hash its 32 bytes, no final_url repeating its URL
    assert db.execute("select count(*) from captures where typeof(headers) = 'blob' and length(body_sha256) = 32 "
                      "and final_url is null").fetchone()[0] == db["captures"].count
    assert [r["site"] for r in db.query("select site from header_dicts")] == ["bulk"]
    assert list(db.query("select * from articles order by id")) == articles


def test_compacted_captures_rebuild_the_same_articles(before_compaction, tmp_path):
    path = copy_of(before_compaction, tmp_path)
    before = list(Database(path).query("select * from articles order by id"))
    size = path.stat().st_size
    archive = Archive(path)  # migrates
    archive.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert path.stat().st_size < size  # the space the packed metadata freed went back to the file system
    counts = rebuild(archive)
    assert counts["unchanged"] == counts["rebuilt"] == ARTICLES
    assert list(archive.db.query("select * from articles order by id")) == before
    # compact_pages: each page's hash the 32 bytes of its capture's, no final_url repeating its URL
    assert archive.db.execute("select count(*) from pages join captures on captures.id = pages.capture_id "
                              "where pages.body_sha256 = captures.body_sha256 and length(pages.body_sha256) = 32 "
                              "and pages.final_url is null").fetchone()[0] == archive.db["pages"].count
    indexes = {r[0] for r in archive.db.execute("select name from sqlite_master where tbl_name = 'captures'")}
    assert "idx_captures_url" in indexes and "idx_captures_url_fetched_at" not in indexes


def test_new_captures_are_packed_from_the_first_and_a_redirect_keeps_its_final_url(tmp_path):
    archive = Archive(tmp_path / "new.db")
    router = Router(BASE, bulk_articles=2)
    first, second = bulk_capture(router, 1), bulk_capture(router, 2)
    second.pages[0].final_url = second.pages[0].url + "?from=redirect"
    archive.save_many([(first, None), (second, None)])
    rows = list(archive.db.query("select url, final_url, headers, site, body_sha256 from captures order by id"))
    pages = [p for c in (first, second) for p in c.pages]
    assert all(isinstance(r["headers"], bytes) for r in rows)
    assert [archive.bodies.headers(r["headers"], r["site"]) for r in rows] == [p.headers for p in pages]
    assert [r["body_sha256"] for r in rows] == [hashlib.sha256(p.body).digest() for p in pages]
    assert [r["final_url"] for r in rows] == [None] * len(first.pages) + [second.pages[0].final_url] + \
        [None] * (len(second.pages) - 1)
    archive.save(first, None)  # the same bodies again: no new capture
    assert archive.db["captures"].count == len(rows)


def test_visits_are_keyed_by_url_without_a_second_copy_in_an_index(tmp_path):
    db = Database(tmp_path / "visits.db")
    migrations.apply(db, stop_before="visits_without_rowid")
    visits = [{"url": f"https://x.example/{n}", "site": "x", "checked_at": f"2026-01-0{n}T00:00:00+00:00",
               "outcome": outcome} for n, outcome in ((1, "new"), (2, "failed"), (3, "unchanged"))]
    db["visits"].insert_all(visits)
    migrate(db)
    assert list(db.query("select * from visits order by url")) == visits
    assert "without rowid" in db.execute("select sql from sqlite_master where name = 'visits'").fetchone()[0].lower()
    assert not list(db.execute("select name from sqlite_master where type = 'index' and tbl_name = 'visits'"))
    archive = Archive(tmp_path / "visits.db")
    archive.conn.execute(UPSERT_VISIT, ["https://x.example/2", "x", "2026-01-09T00:00:00+00:00", "changed"])
    assert archive.db.execute("select outcome from visits where url = 'https://x.example/2'").fetchone() == ("changed",)


def test_a_reader_opened_before_the_sites_headers_dictionary_reads_headers_packed_after(tmp_path):
    archive = Archive(tmp_path / "late.db")
    reader = Bodies(sqlite3.connect(tmp_path / "late.db"))
    assert reader.needs_headers_dictionary("bulk")  # this reader has looked and found none yet
    capture = bulk_capture(Router(BASE, bulk_articles=1), 1)
    archive.save(capture, None)
    row = next(archive.db.query("select headers, site from captures order by id limit 1"))
    assert isinstance(row["headers"], bytes)
    assert reader.headers(row["headers"], row["site"]) == capture.pages[0].headers
