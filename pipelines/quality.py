"""Quality: score body and metadata extraction on a corpus of pages with expected output.

The body metric is the one the public article-extraction benchmarks use (see docs/extraction.md):
4-token shingles of ``\\w+`` tokens as multisets, per-document TP/FP/FN normalized so every document
weighs the same, precision and recall averaged over documents, F1 of those two means.
"""
from __future__ import annotations

import json
import re
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Callable

import lxml.html

PAGE_URL = "http://fakehost/test/page.html"  # the URL upstream gives every test page
_TOKEN = re.compile(r"\w+")
_BY = re.compile(r"^\s*by\b[:\s]*", re.I)


def tokens(text: str | None) -> list[str]:
    """Every ``\\w+`` match of the text, case kept."""
    return _TOKEN.findall(text or "")


def shingles(words: list[str], size: int = 4) -> Counter:
    """Runs of ``size`` consecutive tokens as a multiset; a shorter text is one shingle of all its tokens."""
    if len(words) < size:
        return Counter([tuple(words)]) if words else Counter()
    return Counter(tuple(words[i:i + size]) for i in range(len(words) - size + 1))


def document_counts(expected: str, predicted: str) -> tuple[float, float, float]:
    """(TP, FP, FN) of one document, divided by TP+FP+FN so every document weighs the same."""
    want, got = shingles(tokens(expected)), shingles(tokens(predicted))
    tp = sum((want & got).values())
    fp = sum((got - want).values())
    fn = sum((want - got).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def body_scores(pairs: list[tuple[str, str]]) -> dict:
    """F1, precision, recall and exact token-list matches over (expected, predicted) text pairs."""
    precisions, recalls, exact = [], [], 0
    for expected, predicted in pairs:
        tp, fp, fn = document_counts(expected, predicted)
        if fp == 0 and fn == 0:
            precisions.append(1.0)
            recalls.append(1.0)
        else:
            if tp + fp > 0:
                precisions.append(tp / (tp + fp))
            if tp + fn > 0:
                recalls.append(tp / (tp + fn))
        exact += tokens(expected) == tokens(predicted)
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"f1": f1, "precision": precision, "recall": recall, "exact": exact, "documents": len(pairs)}


# --- metadata matching rules (documented in docs/extraction.md) ---

def _fold(text: str | None) -> str:
    return " ".join((text or "").split()).casefold()


def title_matches(expected: str | None, predicted: str | None) -> bool:
    """Equal after folding whitespace and case."""
    return bool(predicted) and _fold(expected) == _fold(predicted)


def author_matches(expected: str | None, predicted: list[str] | None) -> bool:
    """Every word of the predicted names occurs in the expected byline, and at least one name was found.

    Readability's byline is raw page text ("By Kelli  Miller\\n WebMD Health News"), so the expected
    value may carry a "By", a publisher line or a date that a clean author list rightly leaves out.
    """
    words = [w.casefold() for name in predicted or [] for w in tokens(name)]
    return bool(words) and set(words) <= {w.casefold() for w in tokens(_BY.sub("", expected or ""))}


def date_matches(expected: str | None, predicted: str | None) -> bool:
    """Same calendar day as written (the first 10 characters), or the same instant when both have a time."""
    if not expected or not predicted:
        return False
    if expected[:10] == predicted[:10]:
        return True
    try:
        a, b = datetime.fromisoformat(expected.replace("Z", "+00:00")), datetime.fromisoformat(predicted)
    except ValueError:
        return False
    return a.tzinfo is not None and b.tzinfo is not None and a == b


def language_matches(expected: str | None, predicted: str | None) -> bool:
    """Same primary language subtag ("en-US" matches "en")."""
    primary = lambda value: (value or "").replace("_", "-").split("-")[0].casefold()  # noqa: E731
    return bool(predicted) and primary(expected) == primary(predicted)


METADATA_RULES = (("title", "title", title_matches), ("author", "authors", author_matches),
                  ("date", "published", date_matches))  # (column, key in a prediction, rule)
METADATA = (  # (column, key in expected-metadata.json, key in a prediction, rule)
    ("title", "title", "title", title_matches),
    ("author", "byline", "authors", author_matches),
    ("date", "publishedTime", "published", date_matches),
    ("lang", "lang", "language", language_matches),
)


# --- the extractors compared ---

def folio_extract(html: bytes, url: str) -> dict:
    """Folio's whole offline pipeline on one page; its text is the subtitle and body, as the reading page shows them."""
    from pipelines.offline import process_pages

    record = process_pages([(html, url)])
    # A standfirst Folio files as the subtitle is still the article's text (people mark it so); scoring the body
    # alone would count it as lost.
    text = "\n\n".join(part for part in (record.get("subtitle"), record["body_text"]) if part)
    return {"body": text, **{k: record.get(k) for k in ("title", "authors", "published", "language")}}


def trafilatura_extract(html: bytes, url: str) -> dict:
    """trafilatura.extract with standard settings (its own charset detection and fallbacks), text output."""
    import trafilatura

    return {"body": trafilatura.extract(html, url=url) or ""}


def trafilatura_metadata(html: bytes, url: str) -> dict:
    """trafilatura's metadata for the same page (not timed: extract() does not return it as text)."""
    from trafilatura.metadata import extract_metadata

    meta = extract_metadata(html.decode("utf-8", "replace"), default_url=url)
    authors = [a.strip() for a in (meta.author or "").split(";") if a.strip()] if meta else []
    return {"title": meta.title if meta else None, "authors": authors, "published": meta.date if meta else None}


def readability_extract(html: bytes, url: str) -> dict:
    """readability-lxml: Document(html).summary()'s text content, and short_title()."""
    from readability import Document

    doc = Document(html.decode("utf-8", "replace"), url=url)
    summary = doc.summary()
    body = lxml.html.fromstring(summary).text_content() if summary.strip() else ""
    return {"body": body, "title": doc.short_title()}


@dataclass(frozen=True)
class Extractor:
    """One extraction method under test: a timed body call and an optional untimed metadata call."""

    name: str
    extract: Callable[[bytes, str], dict]
    metadata: Callable[[bytes, str], dict] | None = None


EXTRACTORS = (
    Extractor("folio", folio_extract),
    Extractor("trafilatura", trafilatura_extract, trafilatura_metadata),
    Extractor("readability", readability_extract),
)


@dataclass
class Case:
    """One corpus page: its HTML and what a reader expects from it."""

    name: str
    html: bytes
    expected_text: str
    metadata: dict = field(default_factory=dict)


def load_corpus(directory: Path) -> list[Case]:
    """Every ``<case>/source.html`` with its ``expected.html`` and ``expected-metadata.json``, by name."""
    cases = []
    for folder in sorted(p for p in Path(directory).iterdir() if (p / "source.html").is_file()):
        # Decoded here: the expected files are UTF-8 without a charset declaration lxml would see.
        expected = (folder / "expected.html").read_text(encoding="utf-8") if (folder / "expected.html").is_file() else ""
        meta_path = folder / "expected-metadata.json"
        metadata = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.is_file() else {}
        text = lxml.html.fromstring(expected).text_content() if expected.strip() else ""
        cases.append(Case(folder.name, (folder / "source.html").read_bytes(), text, metadata))
    return cases


def timed_outputs(extractor: Extractor, pages: list[tuple[bytes, str]]) -> tuple[list[dict], float]:
    """The extractor's outputs on (html, url) pairs and the CPU seconds its timed calls took."""
    if pages:
        extractor.extract(*pages[0])  # warm up: imports and caches are not extraction
    started = time.process_time()
    outputs = [extractor.extract(html, url) for html, url in pages]
    seconds = time.process_time() - started
    if extractor.metadata:
        for (html, url), output in zip(pages, outputs):
            output.update({k: v for k, v in extractor.metadata(html, url).items() if k not in output})
    return outputs, seconds


def evaluate(cases: list[Case], extractors=EXTRACTORS) -> dict:
    """Per extractor: body scores, metadata match counts, pages per CPU-second, and each document's F1."""
    report = {}
    for extractor in extractors:
        outputs, seconds = timed_outputs(extractor, [(case.html, PAGE_URL) for case in cases])
        result = body_scores([(case.expected_text, out["body"]) for case, out in zip(cases, outputs)])
        result["pages_per_cpu_second"] = len(cases) / seconds if seconds else 0.0
        for column, want_key, got_key, rule in METADATA:
            with_value = [(c.metadata.get(want_key), o) for c, o in zip(cases, outputs) if c.metadata.get(want_key)]
            if all(got_key not in o for _, o in with_value):
                result[column] = None  # this extractor does not produce the field
                continue
            hits = sum(rule(want, o.get(got_key)) for want, o in with_value)
            result[column] = {"matched": hits, "of": len(with_value)}
        result["per_document"] = {
            case.name: round(body_scores([(case.expected_text, out["body"])])["f1"], 4)
            for case, out in zip(cases, outputs)
        }
        report[extractor.name] = result
    return report


def format_table(report: dict) -> str:
    """The report as a fixed-width text table, one row per extractor (columns the report has)."""
    columns = [c for c in ("title", "author", "date", "lang") if any(c in r for r in report.values())]
    header = f"{'extractor':<12} {'F1':>6} {'prec':>6} {'recall':>6} " + \
        " ".join(f"{c:>9}" for c in columns) + f" {'pages/CPU-s':>12}"
    lines = [header, "-" * len(header)]
    for name, r in report.items():
        cells = [(f"{r[c]['matched']}/{r[c]['of']}" if r.get(c) else "n/a").rjust(9) for c in columns]
        lines.append(f"{name:<12} {r['f1']:>6.3f} {r['precision']:>6.3f} {r['recall']:>6.3f} "
                     f"{' '.join(cells)} {r['pages_per_cpu_second']:>12.1f}")
    return "\n".join(lines)


# --- pagination: next-page detection on a labelled set ---

def pagination_scores(directory: Path) -> dict:
    """Precision and recall of find_next_page on ``<case>.html`` files labelled in ``labels.json``."""
    from parsel import Selector

    from crawler.pagination import find_next_page

    labels = json.loads((Path(directory) / "labels.json").read_text(encoding="utf-8"))
    results, correct, predicted, expected = {}, 0, 0, 0
    for name, label in sorted(labels.items()):
        page_html = (Path(directory) / f"{name}.html").read_text(encoding="utf-8")
        found = find_next_page(Selector(text=page_html), label["url"])
        predicted += found is not None
        expected += label["next"] is not None
        correct += found is not None and found == label["next"]
        results[name] = {"expected": label["next"], "found": found, "ok": found == label["next"]}
    return {
        "cases": len(labels), "precision": correct / predicted if predicted else 1.0,
        "recall": correct / expected if expected else 1.0, "results": results,
    }
