"""The `folio` command as a user runs it: JSON output, one-line errors, the demo."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from crawler import sites
from tests.conftest import REPO


def folio(*args: str, timeout: int = 300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "crawler.cli", *args], cwd=REPO, capture_output=True, text=True,
                          timeout=timeout)


def test_extract_prints_the_article_as_json(corpus):
    page = corpus / "readability-pages/webmd-2/source.html"
    result = folio("extract", str(page), "--url", "http://fakehost/test/page.html")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["title"] == "Superbugs: What They Are and How You Get Them"
    assert data["authors"] == ["Kelli Miller"]
    assert data["reviewer"] == "Hansa D. Bhargava, MD"
    assert data["published"] == "2015-04-17"
    assert data["page_urls"] == ["http://fakehost/test/page.html?page=2", "http://fakehost/test/page.html?page=3"]
    for key in ("url", "canonical_url", "subtitle", "published_raw", "section", "language", "body_text",
                "page_count", "next_page_url"):
        assert key in data


def test_extract_each_prints_one_line_per_file_in_order(corpus):
    names = ["webmd-1", "webmd-2", "medicalnewstoday"]
    files = [str(corpus / f"readability-pages/{n}/source.html") for n in names]
    urls = [arg for n in names for arg in ("--url", f"http://fakehost/{n}.html")]
    result = folio("extract", "--each", *files, *urls)
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["url"] for line in lines] == [f"http://fakehost/{n}.html" for n in names]
    assert all(line["body_text"] for line in lines)


@pytest.mark.parametrize(
    "args, message",
    [
        (["extract", "/no/such/page.html"], "cannot read /no/such/page.html"),
        (["extract", "a.html", "b.html", "--url", "http://x/a"], "one --url per file"),
        (["extract", "x.html", "--site", "nosuch"], "unknown site 'nosuch'"),
        (["crawl"], "name a site"),
        (["crawl", "--url", "not-a-url"], "not an absolute http(s) URL"),
        (["crawl", "medwire", "-s", "NOEQUALS"], "NAME=VALUE"),
        (["crawl", "medwire"], "give --base-url, the address it is served at (with scrapy crawl: -a base_url=URL"),
    ],
)
def test_user_mistakes_get_one_clear_line(args, message, tmp_path):
    if args[0] == "extract" and args[1] in ("a.html", "x.html"):
        for name in ("a.html", "b.html", "x.html"):
            (tmp_path / name).write_text("<p>x</p>")
        args = [str(tmp_path / a) if a.endswith(".html") else a for a in args]
    result = folio(*args)
    assert result.returncode != 0
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_sites_lists_the_profiles():
    result = folio("sites")
    assert result.returncode == 0
    assert [line.split()[0] for line in result.stdout.splitlines()] == ["dailyhealth", "medwire", "wellbeing"]
    # the test-only profiles are still there for the tests and the benchmark, just not listed
    assert sites.available(test_only=True) == ["bulk", "dailyhealth", "faults", "medwire", "wellbeing"]


def test_db_help_says_created_if_missing_only_where_it_is(tmp_path):
    for command in ("crawl", "demo", "schedule", "import-warc"):
        assert "created if missing" in " ".join(folio(command, "--help").stdout.split()), command
    for command in ("serve", "rebuild", "export-warc"):
        help_text = " ".join(folio(command, "--help").stdout.split())
        assert "it must exist" in help_text and "created if missing" not in help_text, command
        missing = folio(command, *(["x.warc.gz"] if command == "export-warc" else []), "--db", str(tmp_path / "no.db"))
        assert missing.returncode != 0 and len(missing.stderr.strip().splitlines()) == 1, missing.stderr
        assert not (tmp_path / "no.db").exists()


def test_rebuild_or_export_of_a_site_the_archive_lacks_is_one_line(tmp_path):
    from archive.store import Archive
    from crawler.items import ArticleCapture, Page

    db = tmp_path / "a.db"
    archive = Archive(db)
    page = Page(url="https://x.example/a", number=1, status=200, body=b"<html><h1>T</h1><p>Body.</p></html>")
    archive.save(ArticleCapture(site="medwire", url=page.url, pages=[page]),
                 {"site": "medwire", "url": page.url, "title": "T", "body_text": "Body.", "complete": True,
                  "content_hash": "h"})
    archive.close()
    for args in (["rebuild"], ["export-warc", str(tmp_path / "o.warc.gz")]):
        result = folio(*args, "--site", "nosuch", "--db", str(db))
        assert result.returncode == 1 and "Traceback" not in result.stderr
        assert result.stderr.strip() == f"Error: {db} holds no pages of site 'nosuch'; its sites: medwire"
    assert folio("rebuild", "--site", "medwire", "--db", str(db)).returncode == 0


def _refused_pages(folder):
    """An empty file, a binary file, a page with no text and one over the crawler's 8 MiB cap."""
    (folder / "empty.html").write_bytes(b"")
    (folder / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (folder / "blank.html").write_text("<html><body><div> </div></body></html>")
    (folder / "huge.html").write_bytes(b"<p>" + b" " * (8 * 1024 * 1024))
    return {"empty.html": "is empty", "image.html": "is a binary file", "blank.html": "no article text found",
            "huge.html": "over the 8 MiB limit"}


def test_extract_refuses_pages_it_cannot_read_with_one_line(tmp_path):
    for name, message in _refused_pages(tmp_path).items():
        result = folio("extract", str(tmp_path / name))
        assert result.returncode != 0, name
        assert message in result.stderr and "Traceback" not in result.stderr
        assert result.stdout == ""


def test_extract_each_marks_a_refused_page_and_goes_on(tmp_path, corpus):
    messages = _refused_pages(tmp_path)
    good = str(corpus / "readability-pages/webmd-1/source.html")
    files = [good, *(str(tmp_path / name) for name in messages), good]
    result = folio("extract", "--each", *files)
    assert result.returncode != 0
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == len(files)
    assert lines[0]["body_text"] and lines[-1]["body_text"]
    for line, message in zip(lines[1:-1], messages.values()):
        assert message in line["error"]
    assert "4 of 6 pages could not be extracted" in result.stderr


ARTICLE_PAGE = ("<html><head><title>{title}</title></head><body><nav><a href='/'>Home</a> <a href='/a'>About</a></nav>"
                "<article><h1>{title}</h1><p>Clinics across the region reported the first cases of the season three "
                "weeks earlier than usual, doctors said on Monday, urging people to book their shots.</p>"
                "<p>Nurses said the extra evening hours had cut waiting times at the main hospital by a third.</p>"
                "</article><footer>Subscribe to our newsletter</footer></body></html>")


def test_eval_scores_every_corpus_in_a_folder_with_held_out_figures(tmp_path):
    import gzip

    shingles = tmp_path / "corpora" / "pages" / "flu-1"
    shingles.mkdir(parents=True)
    (shingles / "source.html").write_text(ARTICLE_PAGE.format(title="Flu season starts early"))
    (shingles / "expected.html").write_text("<p>Clinics across the region reported the first cases of the season "
                                            "three weeks earlier than usual.</p>")
    marked = tmp_path / "corpora" / "marked"
    (marked / "html").mkdir(parents=True)
    entries = {}
    for n, host in enumerate(("a.example", "b.example")):
        name = f"page{n}.html"
        (marked / "html" / f"{name}.gz").write_bytes(gzip.compress(ARTICLE_PAGE.format(title=f"Story {n}").encode()))
        entries[f"https://{host}/story"] = {"file": name, "with": ["Nurses said the extra evening hours"],
                                            "without": ["Subscribe to our newsletter"], "title": f"Story {n}"}
    (marked / "evaldata.json").write_text(json.dumps(entries))
    result = folio("eval", str(tmp_path / "corpora"), "--only", "folio")
    assert result.returncode == 0, result.stderr[-2000:]
    assert "pages: 1 pages; expected text = what Readability.js extracts" in result.stdout
    assert "marked: 2 pages; expected text = passages a person marked" in result.stdout
    assert "leave-one-site-out over 3 sites" in result.stdout
    passage_row = result.stdout.split("marked: 2 pages")[1].splitlines()[3]
    assert passage_row.split()[:2] == ["folio", "1.000"] and "2/2" in passage_row
