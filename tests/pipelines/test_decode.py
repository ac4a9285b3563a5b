"""Page bodies are decoded as browsers decode them, live and in `folio rebuild` of archives made before."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from archive.store import Archive
from crawler.cli import main
from crawler.items import ArticleCapture, Page
from crawler.sites import SiteProfile
from pipelines.decode import decode_body
from pipelines.extract import extract_page
from pipelines.rebuild import article_record
from tests.conftest import rows

WORDS = {
    "latin-1": "Le patient naïve a reçu un traitement à l'hôpital.",
    "cp1252": "The doctor said “take two” – and the fee was 5 €.",
    "shift_jis": "日本語の健康ニュースです。睡眠と食事について。",
    "utf-16": "Grüße aus Köln: ein Artikel über Schlaf.",
}
# How each body says what it is: the HTTP header, only <meta charset>, or only a byte-order mark.
DECLARED = {
    "latin-1": ({"Content-Type": "text/html; charset=ISO-8859-1"}, ""),
    "cp1252": ({"content-type": "text/html; charset=windows-1252"}, ""),
    "shift_jis": ({"Content-Type": "text/html"}, '<meta charset="Shift_JIS">'),
    "utf-16": ({"Content-Type": "text/html"}, ""),
}


def page_html(charset: str, number: int) -> bytes:
    headers, meta = DECLARED[charset]
    text = WORDS[charset]
    html = (f"<html><head>{meta}<title>{text[:20]} ({charset})</title></head><body><article>"
            f"<h1>{text[:20]}</h1>" + f"<p>{text} Page {number}.</p>" * 4
            + ('<a rel="next" href="?page=2">Next</a>' if number == 1 else "") + "</article></body></html>")
    encoding = "utf-16" if charset == "utf-16" else charset  # Python's utf-16 writes the BOM first
    return html.encode(encoding)


def capture(charset: str) -> ArticleCapture:
    url = f"http://127.0.0.1:9/{charset}/article"
    headers = DECLARED[charset][0]
    found = ArticleCapture(site="web", url=url)
    found.pages = [Page(url=url + ("?page=2" if n == 2 else ""), number=n, status=200, fetched_at="2026-01-01T00:00:00",
                        headers=headers, body=page_html(charset, n)) for n in (1, 2)]
    return found


@pytest.mark.parametrize("charset", WORDS)
def test_each_declared_charset_is_decoded(charset):
    text = decode_body(page_html(charset, 1), DECLARED[charset][0])
    assert WORDS[charset] in text and "\ufffd" not in text and not text.startswith("\ufeff")


def test_a_latin1_label_is_read_as_windows_1252_as_browsers_do():
    body = "“quoted”".encode("cp1252")
    assert decode_body(body, {"Content-Type": "text/html; charset=iso-8859-1"}) == "“quoted”"


def test_valid_utf8_under_a_stale_label_is_read_as_utf8():
    body = '<meta charset="iso-8859-1"><p>Größe – “quoted”</p>'.encode("utf-8")
    assert "Größe – “quoted”" in decode_body(body, {"Content-Type": "text/html; charset=ISO-8859-1"})


def test_nul_bytes_become_replacement_characters_so_the_parser_accepts_the_page():
    text = decode_body(b"<p>salt\x00 and sugar</p>", {})
    assert text == "<p>salt\ufffd and sugar</p>"
    assert extract_page(b"<html><body><article><p>salt\x00 and sugar intake was measured in the trial.</p>"
                        b"</article></body></html>", "http://127.0.0.1:9/a")["blocks"]


@pytest.mark.parametrize("charset", WORDS)
def test_extraction_reads_every_charset(charset):
    found = capture(charset)
    record = article_record(found, SiteProfile.generic([found.url]))
    assert record and WORDS[charset] in record["body_text"] and "\ufffd" not in record["body_text"]


def test_rebuild_repairs_articles_stored_with_the_old_utf8_decoding(tmp_path):
    db = tmp_path / "folio.db"
    archive = Archive(db)
    for charset in WORDS:
        found = capture(charset)
        profile = SiteProfile.generic([found.url])
        # What Folio stored before: every body decoded as UTF-8 with replacement.
        old = [extract_page(p.body.decode("utf-8", "replace"), p.url, profile) for p in found.pages]
        archive.save(found, article_record(found, profile, old))
    archive.close()
    before = {r["url"]: r["body_text"] for r in rows(db, "select url, body_text from articles")}
    assert all(WORDS[c] not in (before.get(capture(c).url) or "") for c in WORDS)  # the damage is there

    result = CliRunner().invoke(main, ["rebuild", "--db", str(db)])
    assert result.exit_code == 0, result.output
    after = {r["url"]: r["body_text"] for r in rows(db, "select url, body_text from articles")}
    for charset in WORDS:
        assert WORDS[charset] in after[capture(charset).url], charset
        assert "\ufffd" not in after[capture(charset).url]
