"""articles.body_text generated from body_html: the same text, searchable, in new and in migrated archives."""
from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from archive.rows import article_row, stored_text, text_of_html
from archive.schema import migrate, migrations
from archive.store import Archive
from crawler.items import ArticleCapture, Page

ARTICLES = {  # (body_html, body_text) as the pipelines make them
    "plain": ("<p>Coffee &amp; tea: &lt;3 cups&gt; a day, &quot;fine&quot; it&#x27;s said.</p>\n<h3>Why</h3>\n"
              "<ul>\n<li>less strain</li>\n<li>sleep</li>\n</ul>\n<blockquote>Quoted zymurgy</blockquote>",
              "Coffee & tea: <3 cups> a day, \"fine\" it's said.\n\nWhy\n\nless strain\n\nsleep\n\nQuoted zymurgy"),
    "linked": ('<p>See <a href="https://example.org/s">the study</a> on zymurgy.</p>', "See the study on zymurgy."),
    "no-html": (None, "Text only, about zymurgy."),
    "empty": ("", ""),
}


def record(slug: str) -> dict:
    body_html, body_text = ARTICLES[slug]
    url = f"https://medwire.example/{slug}/"
    return {"site": "medwire", "url": url, "canonical_url": url, "title": slug.title(), "authors": ["A. Writer"],
            "body_html": body_html, "body_text": body_text, "content_hash": slug, "complete": True,
            "page_count": 1, "missing_pages": []}


def capture(slug: str) -> ArticleCapture:
    url = f"https://medwire.example/{slug}/"
    return ArticleCapture(site="medwire", url=url, pages=[Page(
        url=url, number=1, status=200, final_url=url, fetched_at="2026-01-05T10:00:00+00:00",
        headers={"Content-Type": "text/html"}, body=f"<html>{slug}</html>".encode())])


def texts(path: Path) -> dict[str, tuple]:
    conn = sqlite3.connect(path)
    rows = conn.execute("select title, body_html, body_text, stored_text from articles").fetchall()
    conn.close()
    return {title.lower(): rest for title, *rest in rows}


def search(path: Path, word: str) -> list[str]:
    conn = sqlite3.connect(path)
    conn.execute("insert into articles_fts(articles_fts) values('integrity-check')")  # raises if out of step
    found = [t for (t,) in conn.execute("select title from articles where rowid in "
                                        "(select rowid from articles_fts where articles_fts match ?)", [word])]
    conn.close()
    return sorted(found)


def test_text_is_stored_only_when_the_html_cannot_give_it_back():
    assert text_of_html(ARTICLES["plain"][0]) == ARTICLES["plain"][1]
    assert stored_text(*ARTICLES["plain"]) is None
    assert stored_text(*ARTICLES["linked"]) == ARTICLES["linked"][1]
    assert stored_text(*ARTICLES["no-html"]) == ARTICLES["no-html"][1]
    assert stored_text("<p>x</p>", None) == b""  # no text, though there is HTML: kept as none
    assert stored_text(None, None) is None


def test_store_writes_and_reads_back_every_text(tmp_path):
    path = tmp_path / "a.db"
    archive = Archive(path)
    archive.save_many([(capture(slug), record(slug)) for slug in ARTICLES])
    archive.close()
    got = texts(path)
    for slug, (body_html, body_text) in ARTICLES.items():
        assert tuple(got[slug][:2]) == (body_html, body_text), slug
    assert got["plain"][2] is None and got["linked"][2] == ARTICLES["linked"][1]
    assert search(path, "zymurgy") == ["Linked", "No-Html", "Plain"]
    assert search(path, "strain") == ["Plain"]  # a word of the generated text only


def test_migration_keeps_every_text_and_the_search_index(tmp_path):
    path = tmp_path / "old.db"
    db = Database(path)
    migrations.apply(db, stop_before="derive_body_text")
    columns = tuple(db["articles"].columns_dict)
    assert "body_text" in columns and "stored_text" not in columns
    for number, slug in enumerate(ARTICLES):
        db["articles"].insert({**article_row(columns, f"id{number}", record(slug)), "version_count": 1})
    before = list(db.query("select * from articles order by id"))
    migrate(db)
    after = list(db.query("select * from articles order by id"))
    db.close()
    assert [{k: v for k, v in row.items() if k != "stored_text"} for row in after] == before
    assert [row["stored_text"] for row in after] == [None, ARTICLES["linked"][1], ARTICLES["no-html"][1], None]
    assert search(path, "zymurgy") == ["Linked", "No-Html", "Plain"]
    # the triggers still follow the (generated) text: a changed body is found by its new words only
    archive = Archive(path)
    archive.save_many([(capture("plain"), {**record("plain"), "body_html": "<p>Walking daily.</p>",
                                           "body_text": "Walking daily.", "content_hash": "plain-2"})])
    archive.close()
    assert search(path, "walking") == ["Plain"] and search(path, "strain") == []
