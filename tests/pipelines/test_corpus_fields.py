"""`folio extract`'s fields on real pages from ../shared/corpus (skipped when the corpus is absent)."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipelines.normalize import clean_reviewer
from pipelines.offline import OUTPUT_KEYS, process_pages, public_view
from tests.conftest import CORPUS_SKIP

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "readability-pages"
PAGE = "http://fakehost/test/page.html"
pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason=CORPUS_SKIP)


def extract(case: str) -> dict:
    return public_view(process_pages([((CORPUS / case / "source.html").read_bytes(), PAGE)]))


def test_every_output_key_is_present_and_unknowns_are_null():
    record = extract("webmd-2")
    assert list(record) == list(OUTPUT_KEYS)
    for key in ("modified", "reviewed", "single_page_url", "description", "references"):
        assert key in record
    assert record["modified"] is None  # the page gives no modification date
    assert record["reviewed"] is None  # "Reviewed by" without a date: never invented


def test_webmd_2():
    record = extract("webmd-2")
    assert record["title"] == "Superbugs: What They Are and How You Get Them"
    assert record["authors"] == ["Kelli Miller"]
    assert record["reviewer"] == "Hansa D. Bhargava, MD"
    assert record["published"] == "2015-04-17"
    assert record["page_urls"] == [PAGE + "?page=2", PAGE + "?page=3"]
    assert record["next_page_url"] == PAGE + "?page=2"
    assert record["language"] == "en"
    assert "Reviewed by" not in record["body_text"]


def test_webmd_1():
    record = extract("webmd-1")
    assert record["title"] == "Babies Who Eat Peanuts Early May Avoid Allergy"
    assert record["authors"] == ["Brenda Goodman"]  # a degree is a title, not part of the name
    assert record["page_urls"] == [f"{PAGE}?page={n}" for n in range(2, 6)]


def test_medicalnewstoday():
    record = extract("medicalnewstoday")
    assert record["title"] == "How does the brain turn unconscious information into conscious thought?"
    assert record["authors"] == ["Ana Sandoiu"]
    assert record["language"] == "en"
    assert record["page_urls"] == []
    assert len(record["body_text"].split()) > 500


def test_review_date_is_read_from_the_reviewed_line():
    assert clean_reviewer("Reviewed by Hansa D. Bhargava, MD on July 05, 2011") == ("Hansa D. Bhargava, MD", "July 05, 2011")


SYNTHETIC = CORPUS.parent / "multipage-synthetic"


def _pages(names_and_urls):
    return [((SYNTHETIC / name).read_bytes(), url) for name, url in names_and_urls]


def test_multipage_synthetic_reassembles_each_page_once_in_order():
    import json

    truth = json.loads((SYNTHETIC / "GROUND_TRUTH.json").read_text(encoding="utf-8"))
    record = process_pages(_pages(truth["pages_in_order"]))
    paragraphs = record["body_text"].split("\n\n")
    assert record["page_count"] == 3
    assert len(paragraphs) == len(set(paragraphs))
    from pipelines.extract import extract_page

    firsts = [extract_page(html, url)["blocks"][-1]["text"] for html, url in _pages(truth["pages_in_order"])]
    positions = [record["body_text"].index(text) for text in firsts]  # each page's text is there…
    assert positions == sorted(positions)  # …in page order


def test_near_duplicate_page_is_not_appended_twice():
    from crawler.items import ArticleCapture, Page
    from crawler.sites import SiteProfile
    from pipelines.extract import extract_capture
    from pipelines.reassemble import assemble_capture

    names = ("duplicate-page-article.html", "duplicate-page-duplicate.html", "duplicate-page-unique.html")
    capture = ArticleCapture(site="web", url="http://d.example/a")
    capture.pages = [Page(url=f"http://d.example/a?page={n}", number=n, status=200, body=(SYNTHETIC / name).read_bytes())
                     for n, name in enumerate(names, 1)]
    capture.extracted = extract_capture(capture, SiteProfile.generic())
    article = assemble_capture(capture)
    texts = [b["text"] for b in article["blocks"]]
    assert article["repeated_pages"] == ["http://d.example/a?page=2"]
    assert len(texts) == len(set(texts)) == 4
