"""Vote: choose between trafilatura's reading of a page and the Readability-style one.

trafilatura's blocks stand unless the Readability-style blocks agree with them and read better:
they hold nearly all of trafilatura's text and add little that is new (repeated paragraphs and
headings trafilatura drops), or they are trafilatura's text minus a little (boilerplate it kept),
or trafilatura found almost nothing (its own fallback's rule). Text is compared as counted 4-word
shingles. Whichever reading wins, a short paragraph that only the Readability-style reading has is
left out: on human-marked pages such lines are captions, credits, "Updated" and teaser lines.
When it wins by agreeing, its blocks after the last one trafilatura also read are left out too
("Related" headings, author bios, newsletter promos follow the article; real text rarely does),
and trafilatura's leading paragraphs that it lacks are put back (a standfirst outside its container).
When trafilatura's reading stands, its short blocks after the last one both read are left out (link
lines, "more stories" headings and teasers trafilatura keeps past the article's end).
The thresholds are fitted and checked site by site with `folio eval` (see docs/extraction.md).
"""
from __future__ import annotations

import re
from collections import Counter
from itertools import chain
from dataclasses import dataclass

from pipelines.words import tokens_length

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Vote:
    """The vote's thresholds."""

    covers: float = 0.95  # share of trafilatura's text the other reading must also hold
    novel: float = 0.25  # most of the other reading's text that may be new
    trim_covers: float = 0.97  # a near-subset of trafilatura's text ...
    trim_keeps: float = 0.85  # ... that keeps most of it
    caption_words: int = 15  # a paragraph only the other reading has, shorter than this, is left out
    short: int = 500  # trafilatura's text under this many characters, the other's twice as long: take the other
    tail: bool = True  # when the other reading wins by agreeing, its new blocks after the last shared one are left out
    lead: int | None = 20  # when the other reading wins, trafilatura's leading paragraphs it lacks, this long, stay
    trailing: int | None = 25  # when trafilatura's stands, its blocks after the last shared one, shorter, go


VOTE = Vote()


def annotate(extracted: list[dict], readable: list[dict]) -> dict:
    """How the two readings overlap, and each Readability-style block's share of new text (set on it)."""
    read: dict = {}  # text -> (words, shingles, length in words): most blocks are in both readings, read once
    theirs_read = [_read(block["text"], read) for block in readable]
    wanted = {tuple(words) for words, _, _ in theirs_read if 0 < len(words) < 4}  # too short for a shingle
    firsts = {run[0] for run in wanted}  # runs are looked up only where one of them can start
    seen = set()
    ours_read = [_read(block["text"], read) for block in extracted]
    if firsts:  # looked up run by run, never searched for in the whole text
        for words, _, _ in ours_read:
            seen.update(run for i, word in enumerate(words) if word in firsts for n in (1, 2, 3)
                        if i + n <= len(words) and (run := tuple(words[i:i + n])) in wanted)
    # Counted in C (Counter over one flat iterable), not merged block by block in Python.
    ours = Counter(chain.from_iterable(grams for _, grams, _ in ours_read))
    theirs = Counter(chain.from_iterable(grams for _, grams, _ in theirs_read))
    new = 0
    for block, (words, grams, length) in zip(readable, theirs_read):
        fresh = len(grams) - sum(map(ours.__contains__, grams))
        new += fresh
        block["novel"] = fresh / len(grams) if grams else float(tuple(words) not in seen)
        block["words"] = length
    common = ours.keys() & theirs.keys()  # sum((ours & theirs).values()), counted with C loops
    shared = sum(map(min, map(ours.__getitem__, common), map(theirs.__getitem__, common)))
    return {
        "covers": shared / ours.total() if ours else 0.0,
        "kept": shared / theirs.total() if theirs else 0.0,
        "novel": new / theirs.total() if theirs else 0.0,
        "chars": sum(len(block["text"]) for block in extracted),
        "overlap": bool(ours and theirs),
        "shared": [_mostly_in(grams, theirs) for _, grams, _ in ours_read],  # per trafilatura block
        "words": [length for _, _, length in ours_read],
    }


def _read(text: str, read: dict) -> tuple:
    """A block text's words, shingles and length in words, found once per text."""
    found = read.get(text)
    if found is None:
        words = _WORD.findall(text)
        found = read[text] = (words, _shingles(words), tokens_length(words, text))
    return found


def _shingles(words: list[str]) -> list[int]:
    """The 4-word shingles of a text as hashes of their word tuples (ints: smaller, and not walked by the GC)."""
    return list(map(hash, zip(words, words[1:], words[2:], words[3:])))


def _mostly_in(grams: list[int], theirs: Counter) -> bool:
    """At least half of the block's shingles (``grams``) are in the other reading's text."""
    shingles = set(grams)
    return bool(shingles) and len(shingles & theirs.keys()) >= len(shingles) / 2


def choose(extracted: list[dict], readable: list[dict], overlap: dict, vote: Vote = VOTE) -> list[dict]:
    """The winning reading's blocks (``overlap`` from ``annotate``), trafilatura's or the other's.

    The other's may be preceded by trafilatura's lead paragraphs it lacks (a standfirst outside its container);
    trafilatura's loses the short blocks after the last one the other reading shares ("Weiterführender Link").
    """
    chosen = _winner(extracted, readable, overlap, vote)
    shared, words = overlap["shared"], overlap["words"]
    if chosen is extracted:
        if vote.trailing is None or not any(shared):
            return extracted
        last = max(i for i, is_shared in enumerate(shared) if is_shared)
        trailing = [b for b, n in zip(extracted[last + 1:], words[last + 1:]) if n >= vote.trailing]
        return extracted if len(trailing) == len(extracted) - last - 1 else extracted[:last + 1] + trailing
    if not chosen or vote.lead is None:
        return chosen
    first = next((i for i, is_shared in enumerate(shared) if is_shared), len(shared))
    lead = [b for b, n in zip(extracted[:first], words) if b["tag"] in ("p", "li") and n >= vote.lead]
    return lead + chosen if lead else chosen


def _winner(extracted: list[dict], readable: list[dict], overlap: dict, vote: Vote) -> list[dict]:
    kept = [b for b in readable if not (b["tag"] == "p" and b["novel"] > 0.5 and b["words"] < vote.caption_words)]
    if not extracted or (overlap["chars"] < vote.short and sum(len(b["text"]) for b in kept) > 2 * overlap["chars"]):
        return kept
    if not overlap["overlap"]:
        return extracted
    agrees = (overlap["covers"] >= vote.covers and overlap["novel"] <= vote.novel) or (
        overlap["kept"] >= vote.trim_covers and overlap["covers"] >= vote.trim_keeps)
    if not agrees:
        return extracted
    return _without_tail(kept) if vote.tail else kept


def _without_tail(blocks: list[dict]) -> list[dict]:
    """The blocks up to the last one trafilatura also read: what follows is "related", bios and promos."""
    last = max((i for i, block in enumerate(blocks) if block["novel"] <= 0.5), default=len(blocks) - 1)
    return blocks[:last + 1]
