"""Passages: the human-marked evaluation set (trafilatura's own) and its metric.

Each page comes with short passages a person marked: ``with`` ones belong in the article's text,
``without`` ones (menus, footers, comments, teasers) do not. Whitespace runs are collapsed to one
space on both sides; counts are summed over all pages before precision, recall and F1 are taken.
"""
from __future__ import annotations

import gzip
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

_SPACE = re.compile(r"\s+")


@dataclass
class MarkedPage:
    """One page of the passage set: its HTML, URL, site and the marked passages."""

    name: str
    url: str
    html: bytes
    with_: list[str]
    without: list[str]
    metadata: dict = field(default_factory=dict)

    @property
    def site(self) -> str:
        """The page's host without "www.": pages of one site are held out together."""
        host = urlsplit(self.url).hostname or self.name
        return host.removeprefix("www.")


def is_passage_corpus(directory: Path) -> bool:
    """A folder in the passage set's layout (evaldata.json plus html/<file>.gz)."""
    return (Path(directory) / "evaldata.json").is_file() and (Path(directory) / "html").is_dir()


def load_marked(directory: Path) -> list[MarkedPage]:
    """Every page of ``evaldata.json`` whose HTML is present, in the file's order."""
    directory = Path(directory)
    entries = json.loads((directory / "evaldata.json").read_text(encoding="utf-8"))
    pages = []
    for url, entry in entries.items():
        path = directory / "html" / f"{entry['file']}.gz"
        if not path.is_file():
            continue
        metadata = {key: "; ".join(value) if isinstance(value, list) else value  # a few list several authors
                    for key in ("title", "author", "date") if (value := entry.get(key))}
        pages.append(MarkedPage(entry["file"], url, gzip.decompress(path.read_bytes()),
                                list(entry.get("with") or []), list(entry.get("without") or []), metadata))
    return pages


def passage_counts(text: str | None, page: MarkedPage) -> tuple[int, int, int, int]:
    """(TP, FN, FP, TN) of one page's extracted text."""
    text = _SPACE.sub(" ", text or "")
    found = [_SPACE.sub(" ", p).strip() in text for p in page.with_]
    leaked = [_SPACE.sub(" ", p).strip() in text for p in page.without]
    return sum(found), len(found) - sum(found), sum(leaked), len(leaked) - sum(leaked)


def passage_scores(counts: list[tuple[int, int, int, int]]) -> dict:
    """Precision, recall, F1 and accuracy of the summed counts."""
    tp, fn, fp, tn = (sum(c[i] for c in counts) for i in range(4))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    accuracy = (tp + tn) / (tp + tn + fp + fn) if counts else 0.0
    return {"f1": f1, "precision": precision, "recall": recall, "accuracy": accuracy, "documents": len(counts)}


def evaluate_marked(pages: list[MarkedPage], extractors) -> dict:
    """Per extractor: passage scores, title/author/date matches and pages per CPU-second, same pages."""
    from pipelines.quality import METADATA_RULES, timed_outputs

    report = {}
    for extractor in extractors:
        outputs, seconds = timed_outputs(extractor, [(page.html, page.url) for page in pages])
        result = passage_scores([passage_counts(out["body"], page) for page, out in zip(pages, outputs)])
        result["pages_per_cpu_second"] = len(pages) / seconds if seconds else 0.0
        for column, got_key, rule in METADATA_RULES:
            with_value = [(page.metadata.get(column), out) for page, out in zip(pages, outputs)
                          if page.metadata.get(column)]
            if all(got_key not in out for _, out in with_value):
                result[column] = None
                continue
            result[column] = {"matched": sum(rule(want, out.get(got_key)) for want, out in with_value),
                              "of": len(with_value)}
        report[extractor.name] = result
    return report
