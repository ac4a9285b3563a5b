"""The store: idempotent writes, raw pages kept, clear errors for unusable files."""
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


def body_of(archive: Archive, url: str) -> bytes:
    """The stored body of the page at ``url``, read back as every reader does (archive.bodies)."""
    row = next(archive.db.query("select body_zst, dict_id from captures where id = "
                                "(select capture_id from pages where url = ?)", [url]))
    return archive.bodies.decompress(row["body_zst"], row["dict_id"])


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
    assert body_of(archive, "https://x.example/a") == b"<html>new</html>"


def test_pages_keep_raw_body_validators_and_failures(tmp_path):
    archive = Archive(tmp_path / "a.db")
    archive.save(capture(failed=True), record(complete=False, missing_pages=["https://x.example/a?page=2"]))
    pages = {r["number"]: r for r in archive.db.query("select * from pages")}
    assert pages[1]["etag"] == '"abc"' and pages[1]["article_id"] == article_id("x", "https://x.example/a")
    assert body_of(archive, "https://x.example/a") == b"<html>page one</html>"
    assert pages[1]["headers"] is None  # its capture has them, as received
    assert (pages[2]["status"], pages[2]["error"], pages[2]["capture_id"]) == (500, "HTTP 500", None)
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
    assert next(archive.db.query("select body_text from article_versions"))["body_text"] is None  # the article's
    archive.save(capture(), record())
    archive.save(capture(b"<html>v2</html>"), record(title="T2", content_hash="h2", body_text="Body two."))
    versions = list(archive.db.query("select version, title, content_hash, body_text from article_versions "
                                     "order by version"))
    # the earlier text is kept with its version; the current one is the article row's, stored once
    assert versions == [{"version": 1, "title": "T", "content_hash": "h1", "body_text": "Body."},
                        {"version": 2, "title": "T2", "content_hash": "h2", "body_text": None}]
    assert next(archive.db.query("select version_count from articles"))["version_count"] == 2


def test_captures_keep_every_distinct_body_with_all_headers(tmp_path):
    archive = Archive(tmp_path / "a.db")
    archive.save(capture(b"<html>one</html>"), record())
    archive.save(capture(b"<html>one</html>"), record())
    archive.save(capture(b"<html>two</html>"), record(content_hash="h2"))
    captures = list(archive.db.query("select id, body_zst, dict_id, headers from captures order by id"))
    assert [archive.bodies.decompress(c["body_zst"], c["dict_id"]) for c in captures] == [
        b"<html>one</html>", b"<html>two</html>"]
    assert isinstance(captures[0]["headers"], bytes)  # zstd with the site's headers dictionary
    assert archive.bodies.headers(captures[0]["headers"], "x") == {"ETag": '"abc"', "Content-Type": "text/html"}
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
    page2 = next(archive.db.query("select status, error from pages where number = 2"))
    assert page2["status"] == 200 and page2["error"] is None
    assert body_of(archive, "https://x.example/a?page=2") == b"<html>p2</html>"


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


def statements(trace: list[str]) -> list[str]:
    """SQL the store ran: less FTS5's own (shadow-table writes, its config read) and a trigger's repeat of its statement."""
    ran: list[str] = []
    for line in trace:
        if not line.startswith("--") and "_fts_" not in line and line != "PRAGMA 'main'.data_version" \
                and (not ran or ran[-1] != line):
            ran.append(line)
    return [" ".join(line.lower().split()[:2]) for line in ran]


def three_pages(n: int) -> ArticleCapture:
    url = f"https://x.example/n{n}"
    pages = [Page(url=url + (f"?page={p}" if p > 1 else ""), number=p, status=200, headers={"ETag": f'"{n}{p}"'},
                  body=f"<html>{n} page {p}</html>".encode()) for p in (1, 2, 3)]
    return ArticleCapture(site="x", url=url, pages=pages)


def test_saving_an_article_runs_a_fixed_handful_of_statements(tmp_path):
    archive = Archive(tmp_path / "a.db")
    archive.save(three_pages(9), record(url="https://x.example/n9", content_hash="h9"))  # the site's first
    trace: list[str] = []  # after the once-per-connection reads: FTS5 config, the site's zstd dictionary
    archive.db.conn.set_trace_callback(trace.append)
    archive.save(three_pages(0), record(url="https://x.example/n0", page_count=3))
    # one lookup of the article, one of its pages and their latest captures; one write per table
    assert statements(trace) == ["begin immediate", "select *", "insert into", "insert into", "select 'page'",
                                 "insert into", "insert into", "insert into", "commit"]
    trace.clear()
    outcomes = archive.save_many([(three_pages(n), record(url=f"https://x.example/n{n}", content_hash=f"h{n}"))
                                  for n in range(1, 5)])
    assert outcomes == ["new"] * 4
    ran = statements(trace)
    assert len(ran) == 2 + 4 * 9 and ran.count("savepoint article") == 4
    assert not [s for s in trace if "sqlite_master" in s or "table_info" in s]


def test_a_failing_article_of_a_batch_is_rolled_back_alone_and_recorded(tmp_path):
    archive = Archive(tmp_path / "a.db")
    broken = three_pages(2)
    broken.pages[1].headers = {"X-Bad": object()}  # fails after its article row and version are written
    items = [(three_pages(1), record(url="https://x.example/n1")), (broken, record(url="https://x.example/n2")),
             (three_pages(3), record(url="https://x.example/n3", content_hash="h3"))]
    assert archive.save_many(items) == ["new", "error", "new"]
    assert [r["url"] for r in archive.db.query("select url from articles order by url")] == [
        "https://x.example/n1", "https://x.example/n3"]
    assert archive.db["article_versions"].count == 2 and archive.db["pages"].count == 6
    assert archive.db["visits"].get("https://x.example/n2")["outcome"] == "error"
