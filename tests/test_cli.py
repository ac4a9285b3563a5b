"""The `folio` command as a user runs it: JSON output, one-line errors, the demo."""
from __future__ import annotations

import json
import sqlite3
import subprocess
import sys

import pytest

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
    assert {line.split()[0] for line in result.stdout.splitlines()} >= {"dailyhealth", "medwire", "wellbeing"}


@pytest.mark.slow
def test_demo_without_serving_builds_the_archive(tmp_path):
    db = tmp_path / "demo.db"
    result = folio("demo", "--no-serve", "--db", str(db))
    assert result.returncode == 0, result.stderr[-2000:]
    assert "13 articles (0 incomplete)" in result.stdout
    assert "dailyhealth: articles 5 (5 new, 0 incomplete) · pages 13 (0 not modified)" in result.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("select count(*) from articles where complete = 1").fetchone()[0] == 13


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
