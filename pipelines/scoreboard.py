"""Scoreboard: every corpus in a folder scored in one run, Folio against the libraries, plus the vote held out."""
from __future__ import annotations

import re
from pathlib import Path

from pipelines import crossval, passages, quality

KINDS = {
    "shingles": "expected text = what Readability.js extracts (a program's output); metric: 4-word shingle F1",
    "passages": "expected text = passages a person marked in / out; metric: passage F1 summed over pages",
}


def corpus_kind(directory: Path) -> str | None:
    """"passages" (human-marked set), "shingles" (<case>/source.html + expected.html) or None."""
    if passages.is_passage_corpus(directory):
        return "passages"
    if any((case / "source.html").is_file() and (case / "expected.html").is_file() for case in directory.iterdir()):
        return "shingles"
    return None


def corpus_folders(paths: list[Path]) -> list[Path]:
    """The corpora among PATHS: a corpus itself, or every corpus directly inside a folder of corpora."""
    found = []
    for path in paths:
        if corpus_kind(path):
            found.append(path)
        else:
            found += sorted(p for p in path.iterdir() if p.is_dir() and corpus_kind(p))
    return found


def _shingle_counts(expected: str) -> callable:
    def score(text: str) -> tuple:
        tp, fp, fn = quality.document_counts(expected, text)
        if fp == 0 and fn == 0:
            return (1.0, 1, 1.0, 1)
        return (tp / (tp + fp) if tp + fp else 0.0, int(tp + fp > 0), tp / (tp + fn) if tp + fn else 0.0,
                int(tp + fn > 0))
    return score


def score_corpus(directory: Path, extractors) -> tuple[dict, list[crossval.Reading]]:
    """One corpus: the extractors' report and each page's two readings for the cross-validation."""
    kind = corpus_kind(directory)
    if kind == "passages":
        pages = passages.load_marked(directory)
        report = passages.evaluate_marked(pages, extractors)
        readings = [crossval.read_page(p.html, p.url, corpus=directory.name, site=p.site,
                                       score=lambda text, p=p: passages.passage_counts(text, p)) for p in pages]
    else:
        cases = quality.load_corpus(directory)
        report = quality.evaluate(cases, extractors)
        # Readability's test pages are named after their site ("ars-1", "ars-2"): one site, held out together.
        readings = [crossval.read_page(c.html, quality.PAGE_URL, corpus=directory.name,
                                       site=re.sub(r"-\d+$", "", c.name), score=_shingle_counts(c.expected_text))
                    for c in cases]
    return {"kind": kind, "pages": len(readings), "extractors": report}, readings


def scoreboard(paths: list[Path], extractors=quality.EXTRACTORS) -> dict:
    """Every corpus's report and the vote's fitted and held-out figures over all of them."""
    corpora, readings = {}, []
    for directory in corpus_folders(paths):
        corpora[directory.name], found = score_corpus(directory, extractors)
        readings += found
    f1_of = {name: crossval.passage_f1 if c["kind"] == "passages" else crossval.shingle_f1
             for name, c in corpora.items()}
    validation = crossval.cross_validate(readings, f1_of) if readings else None
    return {"corpora": corpora, "vote": validation}


def format_scoreboard(board: dict) -> str:
    """The scoreboard as text: one table per corpus, then the vote's fitted vs held-out figures."""
    lines = []
    for name, corpus in board["corpora"].items():
        lines += [f"{name}: {corpus['pages']} pages; {KINDS[corpus['kind']]}",
                  quality.format_table(corpus["extractors"]), ""]
    vote = board["vote"]
    if vote:
        lines.append(f"Folio's body vote (generic reading, before reassembly), leave-one-site-out over "
                     f"{vote['sites']} sites: thresholds fitted without a site's pages, scored on them")
        for name, figures in vote["corpora"].items():
            lines.append(f"  {name:<20} shipped {figures['shipped']:.3f}   held out {figures['held_out']:.3f}   "
                         f"best fit on all {figures['best_on_all']:.3f}")
        lines.append(f"  thresholds chosen most often (covers, novel, trim covers, trim keeps, caption words, "
                     f"short, tail, lead words, trailing words): {vote['fits'][0][0]} for {vote['fits'][0][1]} sites")
    return "\n".join(lines)
