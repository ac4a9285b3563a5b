"""The store: idempotent writes, raw pages kept, clear errors for unusable files."""
import gzip
import json
import pytest

from archive.store import Archive, ArchiveError, article_id, open_archive
from crawler.items import ArticleCapture, Page


def capture(body=b"<html>page one</html>", failed=False):
    pages = [Page(url="https://x.example/a", number=1, status=200, fetched_at="2024-01-01T00:00:00+00:00",
                  headers={"ETag": '"abc"', "Content-Type": "text/html"}, body=body)]
    if failed:
        pages.append(Page(url="https://x.example/a?page=2", number=2, status=500, error="HTTP 500"))
    return ArticleCapture(site="x", url="https://x.example/a", pages=pages)


def record(**changes):
    base = {"site": "x", "url": "https://x.example/a", "title": "T", "authors": ["A B"], "body_text": "Body.",
            "references": ["Journal of Tests, 2024."], "modified": "2024-02-01",
            "page_count": 1, "complete": True, "missing_pages": [], "content_hash": "h1"}
    base.update(changes)
    return base


def test_first_save_is_new_and_a_repeat_changes_nothing(tmp_path):
    archive = Archive(tmp_path / "a.db")
    assert archive.save(capture(), record()) == "new"
    before = list(archive.db.query("select * from articles")), list(archive.db.query("select * from pages"))
    assert archive.save(capture(), record()) == "unchanged"
    after = list(archive.db.query("select * from articles")), list(archive.db.query("select * from pages"))
    assert before == after


def test_changed_content_updates_the_row_in_place(tmp_path):
    archive = Archive(tmp_path / "a.db")
    archive.save(capture(), record())
    assert archive.save(capture(b"<html>new</html>"), record(title="T2", content_hash="h2")) == "changed"
    rows = list(archive.db.query("select title from articles"))
    assert rows == [{"title": "T2"}]
    page = next(archive.db.query("select html_gz from pages"))
    assert gzip.decompress(page["html_gz"]) == b"<html>new</html>"


def test_pages_keep_raw_body_validators_and_failures(tmp_path):
    archive = Archive(tmp_path / "a.db")
    archive.save(capture(failed=True), record(complete=False, missing_pages=["https://x.example/a?page=2"]))
    pages = {r["number"]: r for r in archive.db.query("select * from pages")}
    assert pages[1]["etag"] == '"abc"' and pages[1]["article_id"] == article_id("x", "https://x.example/a")
    assert gzip.decompress(pages[1]["html_gz"]) == b"<html>page one</html>"
    assert (pages[2]["status"], pages[2]["error"], pages[2]["html_gz"]) == (500, "HTTP 500", None)
    article = next(archive.db.query("select complete, missing_pages, authors, sources, modified from articles"))
    assert json.loads(article["sources"]) == ["Journal of Tests, 2024."]
    assert article["modified"] == "2024-02-01"
    assert article["complete"] == 0
    assert json.loads(article["missing_pages"]) == ["https://x.example/a?page=2"]
    assert json.loads(article["authors"]) == ["A B"]


def test_a_page_that_is_no_article_is_recorded_without_an_article_row(tmp_path):
    archive = Archive(tmp_path / "a.db")
    assert archive.save(capture(), None) == "failed"
    assert archive.db["articles"].count == 0
    assert next(archive.db.query("select article_id from pages"))["article_id"] is None


def test_full_text_search_finds_body_words(tmp_path):
    archive = Archive(tmp_path / "a.db")
    archive.save(capture(), record(body_text="Walking lowers blood pressure."))
    assert [r["title"] for r in archive.db["articles"].search("pressure")] == ["T"]


def test_archive_is_in_wal_mode(tmp_path):
    assert Archive(tmp_path / "a.db").db.journal_mode == "wal"


def test_unusable_paths_give_one_clear_error(tmp_path):
    with pytest.raises(ArchiveError, match="does not exist"):
        open_archive(tmp_path / "missing" / "a.db")
    with pytest.raises(ArchiveError, match="is a folder"):
        open_archive(tmp_path)
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(ArchiveError, match="cannot use"):
        open_archive(garbage)


def test_unwritable_location_gives_one_clear_error():
    with pytest.raises(ArchiveError, match="unable to open"):
        open_archive("/proc/folio-test.db")  # not writable, even for root


def test_each_distinct_content_is_a_version_and_a_repeat_adds_none(tmp_path):
    archive = Archive(tmp_path / "a.db")
    archive.save(capture(), record())
    archive.save(capture(), record())
    archive.save(capture(b"<html>v2</html>"), record(title="T2", content_hash="h2"))
    versions = list(archive.db.query("select version, title, content_hash from article_versions order by version"))
    assert versions == [{"version": 1, "title": "T", "content_hash": "h1"},
                        {"version": 2, "title": "T2", "content_hash": "h2"}]
    assert next(archive.db.query("select version_count from articles"))["version_count"] == 2


def test_captures_keep_every_distinct_body_with_all_headers(tmp_path):
    archive = Archive(tmp_path / "a.db")
    archive.save(capture(b"<html>one</html>"), record())
    archive.save(capture(b"<html>one</html>"), record())
    archive.save(capture(b"<html>two</html>"), record(content_hash="h2"))
    captures = list(archive.db.query("select id, body_gz, headers from captures order by id"))
    assert [gzip.decompress(c["body_gz"]) for c in captures] == [b"<html>one</html>", b"<html>two</html>"]
    assert json.loads(captures[0]["headers"]) == {"ETag": '"abc"', "Content-Type": "text/html"}
    page = next(archive.db.query("select capture_id from pages"))
    assert page["capture_id"] == captures[-1]["id"]


def test_a_failed_refetch_never_replaces_kept_content(tmp_path):
    archive = Archive(tmp_path / "a.db")
    two_pages = capture()
    two_pages.pages.append(Page(url="https://x.example/a?page=2", number=2, status=200, body=b"<html>p2</html>"))
    archive.save(two_pages, record(page_count=2))
    outcome = archive.save(capture(failed=True), record(complete=False, missing_pages=["https://x.example/a?page=2"],
                                                        content_hash="h-short"))
    assert outcome == "kept"
    article = next(archive.db.query("select complete, content_hash from articles"))
    assert (article["complete"], article["content_hash"]) == (1, "h1")
    page2 = next(archive.db.query("select status, error, html_gz from pages where number = 2"))
    assert page2["status"] == 200 and page2["error"] is None
    assert gzip.decompress(page2["html_gz"]) == b"<html>p2</html>"


def test_an_article_is_saved_whole_or_not_at_all(tmp_path):
    archive = Archive(tmp_path / "a.db")
    broken = capture()
    broken.pages[0].headers = {"X-Bad": object()}  # cannot be stored: fails after the article row is written
    with pytest.raises(TypeError):
        archive.save(broken, record())
    for table in ("articles", "article_versions", "pages", "captures", "visits"):
        assert archive.db[table].count == 0, table


def _write_articles(path, prefix, count):
    archive = Archive(path)
    for n in range(count):
        url = f"https://x.example/{prefix}{n}"
        page = Page(url=url, number=1, status=200, body=f"<html>{prefix}{n}</html>".encode())
        archive.save(ArticleCapture(site=prefix, url=url, pages=[page]), record(url=url, site=prefix))
    archive.close()


def test_two_processes_can_write_one_archive_at_once(tmp_path):
    import multiprocessing

    path = tmp_path / "shared.db"
    Archive(path).close()
    context = multiprocessing.get_context("spawn")
    writers = [context.Process(target=_write_articles, args=(path, p, 150)) for p in ("a", "b")]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join(timeout=120)
    assert [w.exitcode for w in writers] == [0, 0]
    assert Archive(path).db["articles"].count == 300


def test_logs_name_a_capture_without_its_bodies():
    text = repr(capture(b"<html>" + b"x" * 5000 + b"</html>"))
    assert "https://x.example/a" in text and "xxxxx" not in text and len(text) < 300
