"""WARC export and import: captures out byte for byte, and a re-import that rebuilds the same archive."""
from __future__ import annotations

import io
import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from crawler.identity import article_id
from archive.bodies import Bodies
from archive.warc import response_record, warc_date
from crawler.cli import main
from tests.conftest import rows

SITES = ("dailyhealth", "medwire", "wellbeing")
COMPARED = ("id", "site", "url", "title", "subtitle", "authors", "reviewer", "published", "body_text", "body_html",
            "content_hash", "page_count", "complete", "missing_pages")



def stored_body(db: Path, capture: dict) -> bytes:
    """A capture's body as every reader gets it (archive.bodies)."""
    with sqlite3.connect(db) as conn:
        return Bodies(conn).decompress(capture["body_zst"], capture["dict_id"])


def stored_headers(db: Path, capture: dict) -> dict:
    """A capture's headers as every reader gets them (archive.bodies packs them with the site's dictionary)."""
    with sqlite3.connect(db) as conn:
        return Bodies(conn).headers(capture["headers"], capture["site"])


def folio(*args: str):
    return CliRunner().invoke(main, [str(a) for a in args])



@pytest.fixture(scope="module")
def exported(crawled, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("warc-out") / "all.warc.gz"
    result = folio("export-warc", "--db", crawled, out)
    assert result.exit_code == 0, result.output
    return out


def read_records(path: Path) -> list:
    """(type, WARC headers, HTTP status line and headers, payload) of every record."""
    found = []
    with open(path, "rb") as stream:
        for record in ArchiveIterator(stream):
            http = record.http_headers
            found.append((record.rec_type, record.rec_headers, http, record.content_stream().read()))
    return found


@pytest.mark.slow
def test_export_writes_every_capture_byte_for_byte(crawled, exported):
    captures = rows(crawled, "select * from captures order by id")
    assert len(captures) == 33  # the pages with a body: the robots.txt-refused page has none
    records = read_records(exported)
    kinds = [kind for kind, *_ in records]
    assert kinds[0] == "warcinfo" and kinds.count("response") == kinds.count("request") == len(captures)
    assert b"software: Folio" in records[0][3]
    responses = [r for r in records if r[0] == "response"]
    requests = {r[1].get_header("WARC-Concurrent-To"): r for r in records if r[0] == "request"}
    for capture, (_, warc, http, body) in zip(captures, responses):
        assert warc.get_header("WARC-Target-URI") == capture["url"]
        assert warc.get_header("WARC-Date") == warc_date(capture["fetched_at"])
        assert body == stored_body(crawled, capture)
        assert http.protocol == "HTTP/1.1" and http.get_statuscode() == str(capture["status"])
        stored = stored_headers(crawled, capture)
        assert {k: v for k, v in http.headers if k != "Content-Length"} == \
            {k: v for k, v in stored.items() if k != "Content-Length"}
        assert http.get_header("Content-Length") == str(len(body))
        request = requests[warc.get_header("WARC-Record-ID")]
        assert request[1].get_header("WARC-Target-URI") == capture["url"]
        assert request[2].protocol == "GET" and capture["url"].endswith(request[2].statusline.split()[0])


@pytest.mark.slow
def test_export_of_one_site_holds_only_its_pages(crawled, tmp_path):
    out = tmp_path / "medwire.warc.gz"
    result = folio("export-warc", "--db", crawled, "--site", "medwire", out)
    assert result.exit_code == 0 and result.output.startswith(f"{out}: 10 responses")
    uris = [w.get_header("WARC-Target-URI") for kind, w, *_ in read_records(out) if kind == "response"]
    assert len(uris) == 10 and all("/medwire/" in uri for uri in uris)


@pytest.mark.slow
@pytest.mark.parametrize("site", SITES)
def test_a_site_exported_and_imported_with_its_profile_is_the_same_archive(crawled, tmp_path, site):
    out, db = tmp_path / f"{site}.warc.gz", tmp_path / "imported.db"
    assert folio("export-warc", "--db", crawled, "--site", site, out).exit_code == 0
    result = folio("import-warc", out, "--db", db, "--site", site)
    assert result.exit_code == 0, result.output
    columns = ", ".join(COMPARED)
    original = rows(crawled, f"select {columns} from articles where site = ? order by id", [site])
    assert original and rows(db, f"select {columns} from articles order by id") == original
    pages = "url, article_id, site, number, status, final_url, fetched_at, body_sha256, headers"
    assert rows(db, f"select {pages} from pages order by url") == \
        rows(crawled, f"select {pages} from pages where site = ? and error is null order by url", [site])


@pytest.mark.slow
def test_import_without_a_profile_files_articles_under_web_as_the_same_articles(crawled, exported, tmp_path):
    db = tmp_path / "web.db"
    result = folio("import-warc", exported, "--db", db)
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"{exported}: 33 responses, 33 pages into 13 articles (13 new")
    assert "33 request records, 1 warcinfo records" in result.output
    imported = rows(db, "select id, url, canonical_url, site, title, page_count, complete from articles order by url")
    original = rows(crawled, "select url, title, page_count from articles order by url")
    assert [(a["url"], a["title"], a["page_count"]) for a in imported] == \
        [(a["url"], a["title"], a["page_count"]) for a in original]
    # "web" has no profile, so its ids come from the absolute URL (host and port included)
    assert all(a["id"] == article_id("web", a["url"], a["canonical_url"]) for a in imported)
    assert {a["site"] for a in imported} == {"web"} and all(a["complete"] for a in imported)
    again = folio("import-warc", exported, "--db", db)  # idempotent, as a re-crawl is
    assert "(0 new, 0 changed, 13 unchanged" in again.output


def write_warc(path: Path, captures: list[dict], extra=()) -> None:
    with open(path, "wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for row in captures:
            writer.write_record(response_record(writer, row, row["body"]))
        for record in extra:
            writer.write_record(record(writer))


@pytest.mark.slow
def test_import_keeps_going_past_bad_records_and_marks_a_missing_page(crawled, tmp_path):
    article = rows(crawled, "select id, url from articles where page_count = 3 order by id limit 1")[0]
    pages = rows(crawled, "select url, capture_id from pages where article_id = ? order by number", [article["id"]])
    kept = [rows(crawled, "select * from captures where id = ?", [p["capture_id"]])[0] for p in pages[:1] + pages[2:]]
    kept = [{**row, "body": stored_body(crawled, row), "headers": stored_headers(crawled, row)} for row in kept]

    def bad_date(writer):
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        return writer.create_warc_record("https://x.example/a", "response", payload=io.BytesIO(b"<p>x"),
                                         http_headers=http, warc_headers_dict={"WARC-Date": "not a date"})

    def image(writer):
        http = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        return writer.create_warc_record("https://x.example/a.png", "response",
                                         payload=io.BytesIO(b"\x89PNG"), http_headers=http)

    warc, db = tmp_path / "gap.warc.gz", tmp_path / "gap.db"
    write_warc(warc, kept, extra=(bad_date, image))
    result = folio("import-warc", warc, "--db", db)
    assert result.exit_code == 0, result.output
    assert "1 not HTML" in result.output and "1 unreadable" in result.output
    assert "unreadable record: https://x.example/a:" in result.output
    stored = rows(db, "select complete, page_count, missing_pages from articles where url = ?", [article["url"]])
    assert stored == [{"complete": 0, "page_count": 2, "missing_pages": json.dumps([pages[1]["url"]])}]


@pytest.mark.slow
def test_a_cut_off_warc_imports_the_records_before_the_cut(exported, tmp_path):
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(exported.read_bytes()[:20000])
    result = folio("import-warc", cut, "--db", tmp_path / "cut.db")
    assert result.exit_code == 0, result.output
    assert "1 unreadable" in result.output and "record cut off" in result.output
    assert rows(tmp_path / "cut.db", "select count(*) as n from articles")[0]["n"] >= 1


def corrupt_gzip(path: Path, source: Path) -> None:
    """The first gzip member's first deflate block given the reserved block type: zlib refuses it every time.

    (Overwriting bytes in the middle of the compressed data sometimes still inflated, to garbage.)
    """
    data = bytearray(source.read_bytes())
    assert data[:3] == b"\x1f\x8b\x08" and data[3] == 0  # gzip, deflate, no optional header fields
    data[10] |= 0b110  # BTYPE = 11
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("name, make, message", [
    ("missing.warc.gz", None, "no such file"),
    ("notes.txt", lambda p: p.write_text("hello\n"), "not a readable WARC file (it does not start with a WARC"),
    ("empty.warc.gz", lambda p: p.write_bytes(b""), "not a WARC file (it holds no records)"),
    ("bad.warc.gz", lambda p: p.write_bytes(b"\x1f\x8b\x08\x00" + b"\x00" * 40), "not a readable WARC file"),
])
def test_bad_input_is_one_line(tmp_path, name, make, message):
    path = tmp_path / name
    if make:
        make(path)
    result = folio("import-warc", path, "--db", tmp_path / "x.db")
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"Error: {path}: ") and message in lines[0], result.output
    assert "Traceback" not in result.output


@pytest.mark.slow
def test_corrupt_gzip_is_one_line(exported, tmp_path):
    bad = tmp_path / "corrupt.warc.gz"
    corrupt_gzip(bad, exported)
    result = folio("import-warc", bad, "--db", tmp_path / "x.db")
    assert result.exit_code == 1 and len(result.output.strip().splitlines()) == 1
    assert "corrupt gzip data" in result.output


def test_export_errors_are_one_line(tmp_path):
    missing = folio("export-warc", "--db", tmp_path / "none.db", tmp_path / "o.warc.gz")
    assert missing.exit_code == 1 and missing.output.strip() == f"Error: no archive at {tmp_path / 'none.db'}"
    db = tmp_path / "empty.db"
    sqlite3.connect(db).close()  # an empty SQLite file: the store migrates it into an archive
    result = folio("export-warc", "--db", db, tmp_path / "no" / "such" / "dir.warc.gz")
    assert result.exit_code == 1 and result.output.startswith("Error: cannot write ")
