"""Crossval: the vote's thresholds fitted without a site's pages, then scored on that site (leave-one-site-out).

Each page is read once into its two candidate readings (trafilatura's and the Readability-style one);
every threshold set of a small grid then picks one of them, which is cheap. Scores are additive per
page (passage counts; per-document shingle precision and recall), so the fit without one site is the
total minus that site. The objective is the sum of the corpora's F1, so a setting that helps one
corpus and hurts the other is not chosen; the figures are reported per corpus, fitted and held out.
"""
from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import astuple, dataclass
from typing import Callable

from pipelines.decode import decode_body
from pipelines.generic import trafilatura_blocks, visible_tree
from pipelines.readable import readable_blocks
from pipelines.vote import VOTE, Vote, annotate, choose

GRID = [Vote(covers, novel, trim, 0.85, words, short, tail, lead, trailing)
        for covers, novel, trim, words, short, tail, lead, trailing in itertools.product(
            (0.9, 0.95, 1.01), (0.1, 0.25), (0.97, 1.01), (0, 15), (0, 500), (False, True), (None, 5, 20),
            (None, 10, 25))]


@dataclass
class Reading:
    """One page's two candidate readings, where it comes from and how to score a text of it."""

    corpus: str
    site: str
    extracted: list[dict]
    readable: list[dict]
    overlap: dict
    score: Callable[[str], tuple]  # text -> additive counts for its corpus's F1


def read_page(html: bytes, url: str, *, corpus: str, site: str, score: Callable[[str], tuple]) -> Reading:
    """The page's two readings, reduced to their blocks' text (no tree is kept)."""
    text = decode_body(html)  # as Folio's pipeline reads it, so the figures here are Folio's own
    tree = visible_tree(text)
    readable = readable_blocks(tree) if tree is not None else []
    extracted = trafilatura_blocks(tree if tree is not None else text, url)
    overlap = annotate(extracted, readable)
    strip = lambda blocks: [{k: b[k] for k in ("tag", "text", "novel", "words") if k in b} for b in blocks]  # noqa: E731
    return Reading(corpus, site, strip(extracted), strip(readable), overlap, score)


def passage_f1(counts: tuple) -> float:
    """F1 of summed passage counts (TP, FN, FP, TN)."""
    tp, fn, fp, _ = counts
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def shingle_f1(counts: tuple) -> float:
    """F1 of summed per-document precision and recall (sum, count, sum, count)."""
    precision = counts[0] / counts[1] if counts[1] else 0.0
    recall = counts[2] / counts[3] if counts[3] else 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _add(a: tuple, b: tuple, sign: int = 1) -> tuple:
    return tuple(x + sign * y for x, y in zip(a, b))


def _page_counts(readings: list[Reading], grid: list[Vote]) -> list[list[tuple]]:
    """counts[g][i]: page i's counts under threshold set g (each distinct text scored once)."""
    table = []
    for reading in readings:
        cache: dict = {}
        row = []
        for vote in grid:
            chosen = choose(reading.extracted, reading.readable, reading.overlap, vote)
            key = tuple(id(block) for block in chosen)  # the same blocks chosen: the same text, scored once
            if key not in cache:
                cache[key] = reading.score("\n".join(block["text"] for block in chosen))
            row.append(cache[key])
        table.append(row)
    return [list(column) for column in zip(*table)]


def cross_validate(readings: list[Reading], f1_of: dict[str, Callable], grid=GRID, shipped: Vote = VOTE) -> dict:
    """Per corpus: F1 with the shipped thresholds (fitted) and leave-one-site-out (held out)."""
    grid = [shipped] + [vote for vote in grid if vote != shipped]
    counts = _page_counts(readings, grid)
    corpora = sorted({r.corpus for r in readings})
    zero = {c: tuple(0 for _ in counts[0][next(i for i, r in enumerate(readings) if r.corpus == c)]) for c in corpora}
    totals = [{c: zero[c] for c in corpora} for _ in grid]
    by_site: dict[str, list[int]] = {}
    for i, reading in enumerate(readings):
        by_site.setdefault(reading.site, []).append(i)
        for g in range(len(grid)):
            totals[g][reading.corpus] = _add(totals[g][reading.corpus], counts[g][i])
    held = {c: zero[c] for c in corpora}
    chosen: Counter = Counter()
    for pages in by_site.values():
        def training_score(g: int) -> float:
            left = dict(totals[g])
            for i in pages:
                left[readings[i].corpus] = _add(left[readings[i].corpus], counts[g][i], -1)
            return sum(f1_of[c](left[c]) for c in corpora)
        best = max(range(len(grid)), key=training_score)  # ties: the earliest, the shipped set first
        chosen[astuple(grid[best])] += 1
        for i in pages:
            held[readings[i].corpus] = _add(held[readings[i].corpus], counts[best][i])
    fitted_best = max(range(len(grid)), key=lambda g: sum(f1_of[c](totals[g][c]) for c in corpora))
    return {
        "corpora": {c: {"shipped": f1_of[c](totals[0][c]), "held_out": f1_of[c](held[c]),
                        "best_on_all": f1_of[c](totals[fitted_best][c])} for c in corpora},
        "best_on_all": astuple(grid[fitted_best]),
        "sites": len(by_site),
        "fits": chosen.most_common(3),
    }
