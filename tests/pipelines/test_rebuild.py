"""`folio rebuild`: the crawl's articles again, from the stored raw pages alone, with no network."""
from __future__ import annotations

import logging
import re
import shutil
import socket
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from crawler.cli import main
from pipelines.rebuild import profile_for
from tests.conftest import rows

SITES = ("dailyhealth", "medwire", "wellbeing")
# Written by the store itself, not derived from the pages: when the row was first and last written.
TIMESTAMPS = ("first_seen", "updated")




@pytest.fixture
def archive(crawled, tmp_path) -> Path:
    copy = tmp_path / "folio.db"
    shutil.copy(crawled, copy)
    return copy


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("rebuild tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def rebuild(db: Path, *args: str) -> str:
    result = CliRunner().invoke(main, ["rebuild", "--db", str(db), *args])
    assert result.exit_code == 0, result.output
    return result.output.strip()


@pytest.mark.slow
def test_rebuild_leaves_an_up_to_date_archive_exactly_as_it_was(archive, no_network):
    before = rows(archive, "select * from articles order by id")
    versions = rows(archive, "select * from article_versions order by article_id, version")
    assert len(before) == 13
    assert rebuild(archive) == ("13 articles rebuilt: 0 changed (0 new), 13 unchanged, 0 kept (stored one "
                                "complete); 0 page sets without an article")
    assert rows(archive, "select * from articles order by id") == before
    assert rows(archive, "select * from article_versions order by article_id, version") == versions


@pytest.mark.slow
def test_rebuild_of_an_emptied_archive_yields_the_articles_the_crawl_produced(archive, no_network):
    crawled = rows(archive, "select * from articles order by id")
    with sqlite3.connect(archive) as conn:
        conn.execute("delete from article_versions")
        conn.execute("delete from articles")
    assert rows(archive, "select count(*) as n from articles") == [{"n": 0}]
    assert rebuild(archive).startswith("13 articles rebuilt: 13 changed (13 new), 0 unchanged")
    rebuilt = rows(archive, "select * from articles order by id")
    # What the crawl fetched and rejected went with the rows: not recorded now (NULL), which is not "none" ([]).
    assert {a["rejected_pages"] for a in crawled} == {"[]"} and {a["rejected_pages"] for a in rebuilt} == {None}
    strip = lambda article: {k: v for k, v in article.items() if k not in TIMESTAMPS + ("rejected_pages",)}  # noqa: E731
    assert [strip(a) for a in rebuilt] == [strip(a) for a in crawled]  # ids, content_hash, every content column
    assert {a["content_hash"] for a in rebuilt} == {a["content_hash"] for a in crawled}
    assert rows(archive, "select count(*) as n from article_versions") == [{"n": 13}]
    # Full-text search follows the rebuilt rows (its triggers fire on the store's writes).
    for article in crawled:
        word = re.findall(r"[A-Za-z]{5,}", article["title"])[0]
        found = rows(archive, "select rowid from articles_fts where articles_fts match ?", [f'"{word}"'])
        assert found, f"{word!r} of {article['title']!r} is not found by search"


@pytest.mark.slow
def test_rebuild_replaces_stale_content_and_records_a_version(archive, no_network):
    stale = rows(archive, "select id, body_text, content_hash from articles order by id limit 1")[0]
    with sqlite3.connect(archive) as conn:  # as if an older, worse extractor had written this row
        conn.execute("update articles set stored_text = 'old text', content_hash = 'old' where id = ?", [stale["id"]])
    assert rebuild(archive).startswith("13 articles rebuilt: 1 changed (0 new), 12 unchanged")
    now = rows(archive, f"select body_text, content_hash, version_count from articles where id = '{stale['id']}'")[0]
    assert (now["body_text"], now["content_hash"]) == (stale["body_text"], stale["content_hash"])
    assert now["version_count"] == 2


@pytest.mark.slow
def test_rebuild_of_one_site(archive, no_network):
    assert rebuild(archive, "--site", "medwire").startswith("4 articles rebuilt: 0 changed")
    unknown = CliRunner().invoke(main, ["rebuild", "--db", str(archive), "--site", "nosuch"])
    assert unknown.exit_code == 1  # a typo is an error, not an empty success
    assert unknown.output.strip() == f"Error: {archive} holds no pages of site 'nosuch'; its sites: dailyhealth, medwire, wellbeing"


def test_rebuild_needs_an_existing_archive(tmp_path):
    result = CliRunner().invoke(main, ["rebuild", "--db", str(tmp_path / "missing.db")])
    assert result.exit_code == 1
    assert result.output.strip() == f"Error: no archive at {tmp_path / 'missing.db'}"
    assert not (tmp_path / "missing.db").exists()


def test_a_site_without_a_profile_is_rebuilt_generically_with_a_warning(caplog):
    with caplog.at_level(logging.WARNING):
        profile = profile_for("gone", ["https://gone.example/a"])
    assert profile.slug == "web" and profile.body is None
    assert "no site profile 'gone'" in caplog.text
    caplog.clear()
    assert profile_for("web", ["https://x.example/a"]).slug == "web" and not caplog.text
    assert profile_for("medwire", []).body  # a known site keeps its selectors


@pytest.mark.slow
def test_rebuilding_a_url_crawled_archive_stores_no_new_version_and_brings_back_no_chrome(tmp_path, monkeypatch):
    """One-page articles lose their site's chrome by comparison with another article of the site: rebuild compares too."""
    import subprocess
    import sys

    from crawler.samplesite.conventions import ConventionServer, build
    from tests.conftest import REPO

    site = build(family="heldout")
    # Every publisher with two articles or more: a site with one stored article has no sibling to compare with.
    cases = [c for c in site.cases if c.group in ("single-page", "dash-number", "related-list", "query-page", "numbers-only")]
    db = tmp_path / "url.db"
    with ConventionServer(site=site) as server:
        command = [sys.executable, "-m", "crawler.cli", "crawl", "--db", str(db)]
        for case in cases:
            command += ["--url", server.url(case.page_urls[0])]
        result = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stderr[-2000:]
        first_pages = {c.key: server.url(c.page_urls[0]) for c in cases}
    before = rows(db, "select * from articles order by id")
    versions = rows(db, "select * from article_versions order by article_id, version")
    assert len(before) == len(cases)
    refuse = lambda *args, **kwargs: (_ for _ in ()).throw(AssertionError("rebuild opened a connection"))  # noqa: E731
    monkeypatch.setattr(socket.socket, "connect", refuse)
    assert rebuild(db).startswith(f"{len(cases)} articles rebuilt: 0 changed (0 new), {len(cases)} unchanged")
    assert rows(db, "select * from article_versions order by article_id, version") == versions
    bodies = {row["url"]: row["body_text"] for row in rows(db, "select url, body_text from articles")}
    leaks = [(c.key, s) for c in cases for s in c.chrome if s in bodies[first_pages[c.key]]]
    assert leaks == []
    # Its WARC, imported into an empty archive, gives the one-page articles' bodies again: the import compares too.
    warc, copy = tmp_path / "url.warc.gz", tmp_path / "imported.db"
    for command in (["export-warc", "--db", str(db), str(warc)], ["import-warc", "--db", str(copy), str(warc)]):
        result = CliRunner().invoke(main, command)
        assert result.exit_code == 0, result.output
    imported = {row["url"]: row["body_text"] for row in rows(copy, "select url, body_text from articles")}
    single = [first_pages[c.key] for c in cases if len(c.page_urls) == 1]
    assert {url: imported.get(url) for url in single} == {url: bodies[url] for url in single}
