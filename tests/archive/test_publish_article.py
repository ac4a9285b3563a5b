"""The article page: reads as an article, shows only sanitized HTML, says when pages are missing."""
from __future__ import annotations

import asyncio
import re
import sqlite3

import pytest

from archive.publish import datasette_app
from archive.reading import clean_html, json_list, text_to_html

RAW_PAGE_MARKER = "RAW-PAGE-MARKER-do-not-render"


def get(db_path, *paths):
    ds = datasette_app(db_path)

    async def run():
        return [await ds.client.get(path) for path in paths]

    return asyncio.run(run())


def body_of(html: str) -> str:
    """The article body as served: what sits inside <div class="folio-body">."""
    match = re.search(r'<div class="folio-body">(.*?)</div>\s*<section class="folio-pages">', html, re.S)
    assert match, "no article body on the page"
    return match.group(1)


def test_article_page_reads_as_an_article(archive_db, article):
    row = article("vitamin-d-winter-colds")
    [page] = get(archive_db, f"/folio/articles/{row['id']}")
    assert page.status_code == 200
    html = page.text
    assert "<title>Vitamin D and winter colds: what a new trial found · medwire</title>" in html
    assert "<h1>Vitamin D and winter colds: what a new trial found</h1>" in html
    assert '<p class="folio-subtitle">A year-long trial in 2,000 adults tested daily supplements.</p>' in html
    assert '<span class="folio-authors">Kelli Jones</span>' in html
    assert "Medically reviewed by Dr. Amal Reyes" in html
    assert '<time datetime="2024-03-12">12 March 2024</time>' in html
    assert "medwire · Nutrition" in html
    assert f'<a href="{row["url"]}" rel="nofollow noopener">Read the original' in html
    assert body_of(html).count("<p>") == 3 and "Researchers gave half of the volunteers" in body_of(html)
    for url in [row["url"], row["url"] + "?page=2"]:
        assert f">{url}</a>" in html  # each page listed, linked to its pages row
    assert "Incomplete article" not in html
    assert RAW_PAGE_MARKER not in html


def test_several_authors_and_an_unparsed_date(archive_db, article):
    [walking, allergies] = get(archive_db, f"/folio/articles/{article('walking-after-meals')['id']}",
                               f"/folio/articles/{article('allergy-season-earlier')['id']}")
    assert '<span class="folio-authors">Kelli Jones, Tom Baker</span>' in walking.text
    assert "Date as printed: Spring 2023" in allergies.text


def test_malicious_body_html_is_sanitized(archive_db, article):
    [page] = get(archive_db, f"/folio/articles/{article('migraine-triggers')['id']}")
    body = body_of(page.text)
    for bad in ["<script", "onerror", "onclick", "onmouseover", "onload", "javascript:", "<img", "<iframe",
                "<svg", "<style", "tracker.example", "display: none"]:
        assert bad not in body.lower(), bad
    assert "__pwned" not in page.text and "pwned" not in page.text
    assert "Keep a simple diary" in body and "Patterns usually show up after a month." in body
    assert ('<a href="https://dailyhealth.example/migraine-diary.pdf" rel="nofollow noopener">'
            "Download a printable diary</a>") in body
    assert '<a rel="nofollow noopener">Read the diary guide</a>' in body  # text kept, link dropped


def test_article_without_html_shows_its_text_escaped(fresh_db, article):
    from sqlite_utils import Database

    row = article("hearing-aids-memory")
    db = Database(fresh_db)
    # stored without HTML, so its text is stored as is (stored_text), not generated from body_html
    db["articles"].update(row["id"], {"stored_text": row["body_text"] + "\n\nAsk about <b>hearing</b> tests & costs."})
    [page] = get(fresh_db, f"/healthnews/articles/{row['id']}")
    body = body_of(page.text)
    assert body.count("<p>") == 3
    assert "<p>Treating hearing loss was linked to slower memory decline in older adults.</p>" in body
    assert "<p>Ask about &lt;b&gt;hearing&lt;/b&gt; tests &amp; costs.</p>" in body


def test_incomplete_article_says_so_with_missing_pages(archive_db, article):
    row = article("how-much-water")
    [page] = get(archive_db, f"/folio/articles/{row['id']}")
    html = page.text
    assert "<strong>Incomplete article.</strong> 1 of its 3 pages could not be fetched" in html
    assert '<ul class="folio-missing-pages">' in html
    assert "<li><code>https://dailyhealth.example/how-much-water/?page=3</code></li>" in html
    assert '<tr class="folio-page-failed">' in html and "HTTP 503 Service Unavailable after 3 retries" in html


def test_raw_pages_are_never_rendered_as_html(archive_db, article):
    row = article("vitamin-d-winter-colds")
    with sqlite3.connect(archive_db) as conn:
        [(capture_id,)] = conn.execute("select capture_id from pages where url = ?", [row["url"]]).fetchall()
    table, capture_row, download, article_page = get(
        archive_db, "/folio/captures?_col=body_zst", f"/folio/captures/{capture_id}",
        f"/folio/captures/{capture_id}/raw", f"/folio/articles/{row['id']}")
    for response in (table, capture_row, article_page):
        assert response.status_code == 200 and RAW_PAGE_MARKER not in response.text
    assert "&lt;Binary:" in capture_row.text
    assert f'href="/folio/captures/{capture_id}/raw" download' in article_page.text
    # Reachable as a download of the bytes as received, never as a web page.
    assert download.headers["content-type"] == "application/binary"
    assert download.headers["content-disposition"].startswith("attachment")
    assert RAW_PAGE_MARKER in download.content.decode()


def test_an_unknown_article_is_datasette_404(archive_db):
    [page] = get(archive_db, "/folio/articles/no-such-id")
    assert page.status_code == 404 and "Traceback" not in page.text


@pytest.mark.parametrize("html, forbidden", [
    ('<a href="JaVaScRiPt:alert(1)">x</a>', "alert"),
    ('<a href=" javascript:alert(1)">x</a>', "alert"),
    ('<a href="data:text/html,<script>alert(1)</script>">x</a>', "data:"),
    ('<a href="/relative/path">x</a>', "relative"),
    ('<a href="//evil.example/">x</a>', "evil"),
    ('<p style="background:url(https://t.example/x)">x</p>', "t.example"),
    ('<img src="https://t.example/x.gif">', "t.example"),
    ('<video src="https://t.example/v.mp4"></video>', "t.example"),
    ('<link rel="stylesheet" href="https://t.example/s.css">', "t.example"),
    ('<form action="https://t.example/"><input name=q></form>', "t.example"),
    ('<object data="https://t.example/x"></object>', "t.example"),
    ('<p>ok</p><!-- <script>alert(1)</script> -->', "alert"),
    ('<math><mi xlink:href="javascript:alert(1)">x</mi></math>', "alert"),
])
def test_clean_html_drops_anything_that_runs_or_loads(html, forbidden):
    assert forbidden not in clean_html(html)


def test_clean_html_keeps_text_structure():
    html = ('<h2 class="x">Head</h2><ul><li><em>a</em></li></ul><blockquote><strong>q</strong></blockquote>'
            '<p>line<br>two <a href="http://example.org/" target="_blank">link</a></p>')
    assert clean_html(html) == (
        '<h2>Head</h2><ul><li><em>a</em></li></ul><blockquote><strong>q</strong></blockquote>'
        '<p>line<br>two <a href="http://example.org/" rel="nofollow noopener">link</a></p>')


def test_text_to_html_and_json_list():
    assert text_to_html("One & two\n\n\n<three>\nfour") == "<p>One &amp; two</p><p>&lt;three&gt;<br>four</p>"
    assert json_list('["Kelli Jones", "Tom Baker"]') == ["Kelli Jones", "Tom Baker"]
    assert json_list(None) == [] and json_list("Kelli Jones") == ["Kelli Jones"] and json_list('"A"') == ["A"]


def test_article_details_when_the_page_gave_them(fresh_db, article):
    from sqlite_utils import Database

    row = article("rsv-vaccine-questions")
    Database(fresh_db)["articles"].update(row["id"], {
        "modified": "2024-04-10", "reviewed": "2024-04-02", "single_page_url": "javascript:alert(1)",
        "sources": '["CDC. RSV vaccine guidance, 2024.", "https://example.org/study"]'})
    [page] = get(fresh_db, f"/healthnews/articles/{row['id']}")
    html = page.text
    assert "Medically reviewed by Dr. Hannah Cole on 2 April 2024" in html
    assert "updated 10 April 2024" in html
    assert "<li>CDC. RSV vaccine guidance, 2024.</li>" in html
    assert '<a href="https://example.org/study" rel="nofollow noopener">https://example.org/study</a>' in html
    assert "javascript:" not in html and "single-page view" not in html
