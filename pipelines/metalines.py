"""Metadata lines: short blocks that print what the article's metadata already holds, under a short label.

A dateline, a "Published …" or "Mis à jour le …" line, a credit line naming the article's authors: each is
told by what it holds (a date the article's metadata gives, the names its byline gives) and how little else
it says, not by its words, so it goes in any language. Lines beside a verified one in the same run of short
lines above or below the text (an update line, a reading time) are the same box of metadata.
"""
from __future__ import annotations

import re
from datetime import datetime
from functools import lru_cache

from pipelines.words import length_in_words

LABEL_WORDS = 3  # words besides the date or names: "Originally published:", "Last reviewed:", "GENEVA (Meridian)"
HEAD_LINES = 5  # the short lines under a headline read for metadata (as the byline reader reads them)
FOOT_LINES = 3  # the short lines after an article's text read for metadata
TEXT_WORDS = 15  # a block longer than this is the article's text: the edge run of short lines ends there
CREDIT_SEGMENT = 5  # words of one credit ("Additional reporting by Ann Lee") besides the article's authors
CREDIT_LABEL = 2  # words before the names a byline prints: "Reporting by", "Written by"
CREDIT_LOWER = 2  # lower-case words in one credit besides "and": "reporting by"
_CLOCK = re.compile(r"\b\d{1,2}[:h]\d{2}(?::\d{2})?\b(?:\s*[ap]\.?m\.?\b)?", re.I)
_ZONE = re.compile(r"\b(?:GMT|UTC|[A-Z][SD]T|CES?T|BST)(?:\s*[+-]\s*\d{1,2})?\b")
_TOKEN = re.compile(r"\d+|[^\W\d_]+\.?")
_NUMERIC = re.compile(r"\b(\d{1,4})[./-](\d{1,2})[./-](\d{2,4})\b")
_YEAR_MONTH_DAY = re.compile(r"(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]?")  # 2025年3月4日
_SEGMENT = re.compile(r"\s*[;|·•]\s*")
_PUNCTUATION = ",.:;()"


@lru_cache(maxsize=32)
def _months(language: str) -> dict[str, int]:
    """Month names and abbreviations, folded, to their numbers, as dateparser knows them for one language."""
    from dateparser.languages.loader import default_loader

    try:
        info = default_loader.get_locale(language).info
    except (ValueError, KeyError):  # a language dateparser does not know
        return {}
    names = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
             "november", "december")
    return {word.casefold().rstrip("."): number for number, name in enumerate(names, 1) for word in info.get(name, ())}


@lru_cache(maxsize=32)
def _fillers(language: str) -> frozenset[str]:
    """The small words dateparser skips inside a date in one language ("de", "le", "of")."""
    from dateparser.languages.loader import default_loader

    try:
        info = default_loader.get_locale(language).info
    except (ValueError, KeyError):
        return frozenset()
    return frozenset(w.casefold() for w in info.get("skip", ()) if w.strip() and w[0].isalpha())


def read_date(text: str, languages: tuple[str, ...] = ("en",)) -> tuple[tuple[int | None, int, int | None], int] | None:
    """((year, month, day), label words) of a short line that is one date and a few other words, else None.

    A date written in numbers alone comes as written (day and month in the order the page uses, unknown here)."""
    months = {k: v for language in (*languages, "en") for k, v in _months(language).items()}
    fillers = frozenset().union(*(_fillers(language) for language in (*languages, "en")))
    numeric = _NUMERIC.search(text) or _YEAR_MONTH_DAY.search(text)
    if numeric:  # 4.3.2025, 2025-03-04, 3/4/25: the order is the metadata's business, the numbers are the date
        a, b, c = (int(g) for g in numeric.groups())
        year, (month, day) = (a, (b, c)) if a > 31 else (c, (a, b))
        rest = _ZONE.sub(" ", _CLOCK.sub(" ", text[:numeric.start()] + " " + text[numeric.end():]))
        return ((year if year > 99 else 2000 + year, month, day), _label(rest, fillers)) \
            if max(month, day) <= 31 and min(month, day) >= 1 else None
    text = _ZONE.sub(" ", _CLOCK.sub(" ", text))
    month, day, year, label = None, None, None, 0
    for token in _TOKEN.findall(text):
        folded = token.casefold().rstrip(".")
        if folded in months and month is None:
            month = months[folded]
        elif token.isdigit() and 1900 <= int(token) <= 2099 and year is None:
            year = int(token)
        elif token.isdigit() and 1 <= int(token) <= 31 and day is None:
            day = int(token)
        elif token.isdigit() or folded not in fillers:
            label += 1
    if month is None or (day is None and year is None):
        return None
    return (year, month, day), label


def _label(text: str, fillers: frozenset[str]) -> int:
    return sum(1 for token in _TOKEN.findall(text) if token.isdigit() or token.casefold().rstrip(".") not in fillers)


def known_dates(candidates: list, languages: tuple[str, ...] = ("en",)) -> set[tuple[int, int]]:
    """(month, day) of every date the metadata reads (meta and JSON-LD dates, the dated lines under the headline)."""
    found = set()
    for _source, raw in candidates:
        try:
            value = datetime.fromisoformat((raw or "").strip().replace("Z", "+00:00"))
            found.add((value.month, value.day))
            continue
        except ValueError:
            pass
        read = read_date(raw or "", languages)
        if read and read[0][2] is not None:
            found |= {(read[0][1], read[0][2])} | ({(read[0][2], read[0][1])} if _NUMERIC.search(raw) else set())
    return found


def metadata_lines(blocks: list[dict], *, dates: set[tuple[int, int]], authors: set[str], printed: str = "",
                   languages: tuple[str, ...] = ("en",), head: bool = True, foot: bool = True) -> set[int]:
    """Positions of the blocks in a page's edge runs of short lines that print the article's metadata.

    ``printed``: the byline as the page prints it; ``authors``: the words of the names the metadata read from it."""
    found: set[int] = set()
    for run in _edge_runs(blocks, (authors, printed), head=head, foot=foot):
        kinds = {n: _kind(blocks[n]["text"], dates, (authors, printed), languages) for n in run}
        kinds = {n: None if kind == "count" and blocks[n]["tag"].startswith("h") else kind for n, kind in kinds.items()}
        sure = {n for n, kind in kinds.items() if kind in ("date", "credit")}
        # Two labelled date paragraphs side by side ("Originally published: …", "Last reviewed: …") are a box of
        # dates; dated list items or headings are a timeline, the article's own.
        paired = {n for n in run if kinds[n] == "dated" and blocks[n]["tag"] == "p"}
        sure |= {n for n in paired if {n - 1, n + 1} & paired}
        grown = True
        while grown:  # a line beside a metadata line, itself shaped like metadata, is part of the same box
            more = {n for n in run if n not in sure and kinds[n] in ("dated", "count") and {n - 1, n + 1} & sure}
            sure |= more
            grown = bool(more)
        found |= sure
    return found


def _edge_runs(blocks: list[dict], byline: tuple[set[str], str], *, head: bool, foot: bool) -> list[list[int]]:
    """The blocks above the first paragraph of text, and below the last one (up to a few each).

    A paragraph of text is a long block; a long credit line (three credits, two authors) is not one."""
    def text(n: int) -> bool:
        return length_in_words(blocks[n]["text"]) > TEXT_WORDS and not credits(blocks[n]["text"], *byline)

    # Only the first and the last paragraph of text matter: looked for from each end, not block by block.
    first = next((n for n in range(len(blocks)) if text(n)), None)
    if first is None:
        return []
    last = next(n for n in reversed(range(len(blocks))) if text(n))
    runs = []
    if head:
        runs.append(list(range(min(first, HEAD_LINES))))
    if foot:
        runs.append(list(range(max(last + 1, len(blocks) - FOOT_LINES), len(blocks))))
    return [run for run in runs if run]


def _kind(text: str, dates: set[tuple[int, int]], byline: tuple[set[str], str], languages: tuple[str, ...]) -> str | None:
    """"date" (a date the metadata holds), "dated" (some date), "credit", "count" (a number and a word or two)."""
    read = read_date(text, languages) if length_in_words(text) <= 2 * LABEL_WORDS + 4 else None
    if read and read[1] <= LABEL_WORDS:
        (_year, month, day), _label_words = read
        # a numeric date's order (3/4 or 4/3) is the locale's: either reading of a date the metadata holds is it
        swapped = (day, month) in dates and bool(_NUMERIC.search(text))
        return "date" if (month, day) in dates or swapped else "dated"
    if credits(text, *byline):
        return "credit"
    words = text.split()
    if len(words) <= LABEL_WORDS and sum(any(c.isdigit() for c in w) for w in words) == 1:
        return "count"  # a reading time, a comment count
    return None


def credits(text: str, authors: set[str], printed: str = "") -> bool:
    """A line naming the article's authors, each credit in it a name and a few words ("Reporting by …; Editing by …").

    The authors are every name the metadata found, or else a run of the first credit's words that the byline
    prints as it stands (a byline whose names were not read apart from a date glued to them)."""
    segments = [s.split() for s in _SEGMENT.split(text) if s.strip()]
    words = {_fold(w) for s in segments for w in s}
    named: set[str] = set()
    if authors and authors <= words:
        named = authors
    elif printed and segments:
        first = segments[0]
        run = next((first[k:] for k in range(min(CREDIT_LABEL, len(first) - 2) + 1)
                    if " ".join(first[k:]).strip(_PUNCTUATION) in printed), None)
        named = {_fold(w) for w in run or ()}
    # Besides names, a credit says little, and little of it in lower case: "is on Twitter at …" is a sentence.
    return bool(named) and all(_little(segment, named) for segment in segments)


def _little(segment: list[str], named: set[str]) -> bool:
    """A few words besides the names, at most two of them in lower case ("and" aside)."""
    return sum(_fold(w) not in named for w in segment) <= CREDIT_SEGMENT and \
        sum(w[0].islower() and _fold(w) not in named | {"and"} for w in segment) <= CREDIT_LOWER


def _fold(word: str) -> str:
    return word.strip(_PUNCTUATION).casefold()
