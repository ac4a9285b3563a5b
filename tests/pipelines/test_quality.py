"""The body metric and the matching rules of `folio eval`, on tiny hand-made examples."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipelines import quality
from tests.conftest import CORPUS_SKIP

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "readability-pages"


def test_tokens_are_word_matches_with_case_kept():
    assert quality.tokens("Hello, World! it's 2015.") == ["Hello", "World", "it", "s", "2015"]


def test_short_text_is_one_shingle():
    assert quality.shingles(["a", "b"]) == {("a", "b"): 1}
    assert quality.shingles([]) == {}


def test_shingles_are_a_multiset():
    assert quality.shingles("a b c d a b c d".split())[("a", "b", "c", "d")] == 2


def test_identical_documents_score_one_and_count_as_exact():
    scores = quality.body_scores([("one two three four five", "one  two\nthree four five")])
    assert scores == {"f1": 1.0, "precision": 1.0, "recall": 1.0, "exact": 1, "documents": 1}


def test_extra_text_costs_precision_only():
    # expected: 2 shingles; predicted adds one word -> 3 shingles, 2 shared
    tp, fp, fn = quality.document_counts("a b c d e", "a b c d e f")
    assert (tp, fp, fn) == (2 / 3, 1 / 3, 0)
    scores = quality.body_scores([("a b c d e", "a b c d e f")])
    assert scores["precision"] == pytest.approx(2 / 3)
    assert scores["recall"] == 1.0
    assert scores["f1"] == pytest.approx(2 * (2 / 3) / (2 / 3 + 1))
    assert scores["exact"] == 0


def test_missing_text_costs_recall_only():
    scores = quality.body_scores([("a b c d e f", "a b c d e")])
    assert scores["precision"] == 1.0
    assert scores["recall"] == pytest.approx(2 / 3)


def test_f1_is_harmonic_mean_of_mean_precision_and_mean_recall():
    # document 1: perfect; document 2: nothing predicted (no precision term, recall 0)
    scores = quality.body_scores([("a b c d", "a b c d"), ("e f g h", "")])
    assert scores["precision"] == 1.0
    assert scores["recall"] == 0.5
    assert scores["f1"] == pytest.approx(2 / 3)


def test_case_is_significant():
    assert quality.body_scores([("Alpha beta gamma delta", "alpha beta gamma delta")])["f1"] == 0.0


def test_title_match_folds_space_and_case_only():
    assert quality.title_matches("Superbugs: What They Are", "superbugs:  what they are")
    assert not quality.title_matches("Superbugs: What They Are", "Superbugs: What They Are - WebMD")
    assert not quality.title_matches("A title", None)


def test_author_match_ignores_by_and_publisher_lines():
    assert quality.author_matches("By Kelli  Miller\n   WebMD Health News", ["Kelli Miller"])
    assert not quality.author_matches("By Kelli Miller", ["WebMD Health News"])
    assert not quality.author_matches("By Kelli Miller", [])


def test_date_match_on_the_day_or_the_instant():
    assert quality.date_matches("2015-04-17", "2015-04-17")
    assert quality.date_matches("2019-01-03T07:00:02.000Z", "2019-01-03")
    assert quality.date_matches("2015-07-24T05:36:09+01:00", "2015-07-24T04:36:09+00:00")
    assert not quality.date_matches("2015-07-24", "2015-07-25")
    assert not quality.date_matches("2015-07-24", None)


def test_language_match_on_primary_subtag():
    assert quality.language_matches("en-US", "en")
    assert not quality.language_matches("fr", "en")


def test_evaluate_on_a_tiny_corpus(tmp_path):
    page = tmp_path / "case"
    page.mkdir()
    body = "".join(f"<p>Paragraph {i} says that patients should keep a diary of symptoms and meals.</p>" for i in range(8))
    (page / "source.html").write_text(f"<html lang='en'><head><title>Diary tips</title></head><body><article>"
                                      f"<h1>Diary tips</h1>{body}</article></body></html>")
    (page / "expected.html").write_text(f"<div>{body}</div>")
    (page / "expected-metadata.json").write_text('{"title": "Diary tips", "lang": "en"}')
    cases = quality.load_corpus(tmp_path)
    report = quality.evaluate(cases, [e for e in quality.EXTRACTORS if e.name == "folio"])
    assert report["folio"]["f1"] > 0.9
    assert report["folio"]["title"] == {"matched": 1, "of": 1}
    assert "F1" in quality.format_table(report)


@pytest.mark.skipif(not CORPUS.is_dir(), reason=CORPUS_SKIP)
def test_folio_beats_both_peers_on_the_readability_pages():
    # All 130 pages (about 20 s for the three extractors): on half of them the lead over readability-lxml
    # is within noise (0.957 vs 0.958 on the even-numbered half), on all of them it holds (0.967 vs 0.965).
    report = quality.evaluate(quality.load_corpus(CORPUS))
    folio, trafilatura, readability = (report[name] for name in ("folio", "trafilatura", "readability"))
    assert folio["f1"] > max(trafilatura["f1"], readability["f1"])
    assert folio["f1"] >= 0.965
    # The expected titles are Readability.js's, site suffixes kept ("How to Build a Terrarium | eHow"); Folio cuts
    # them and prefers the visible h1, as people marked on the human-marked pages (measured 104/127 here).
    assert folio["title"]["matched"] > readability["title"]["matched"]
    assert folio["author"]["matched"] > trafilatura["author"]["matched"]  # measured 63 vs 51 of 76
    assert folio["date"]["matched"] >= trafilatura["date"]["matched"]  # measured 32 vs 31 of 33
