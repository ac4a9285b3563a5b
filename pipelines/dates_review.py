"""Review lines: who checked an article's text and when ("Medically reviewed on March 3, 2025 by Dr. A",
"Geprüft am 3. März 2025 von Dr. B", "Page last reviewed: 4 June 2024").

Sites set the review date before the names, after them or alone, in their own language, so a line is read by
its parts: the date is the span around a year that dateparser reads in the page's languages, and what is left
once it (and the little word that led it: "on", "am", "le", "el") is taken out must be a reviewer's credit
("Medically reviewed by Dr. A") or a short label of a checking word ("Last reviewed:").
"""
from __future__ import annotations

import re
from typing import NamedTuple

from pipelines.bylines import LONGEST, reviewer_names, reviewing_label
from pipelines.normalize import parse_date

_WORD = re.compile(r"\S+")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_MONTH_WORD = re.compile(r"[^\W\d_]{3,}")
_NUMBER = re.compile(r"\d+")
_LEAD = re.compile(r"\s(?:on|am|vom|le|du|el|del|il|op|em|den|dnia|the)\s*$", re.I)  # a word that leads a date
_CAPITALIZED = re.compile(r"[A-ZÀ-Þ]")
_PARTS = re.compile(r"\s+[—–|·•]\s+")
DATE_WORDS = 5  # words before a year that a date may take: "el 3 de marzo de 2025"
LABEL_WORDS = 4  # a review label without names: "Page last reviewed", "Zuletzt medizinisch geprüft"


class Review(NamedTuple):
    """A review line's reviewers (as printed, titles kept) and its date as printed (None when it prints none)."""
    names: list[str]
    printed: str | None


def read_review(line: str | None, languages: tuple[str, ...] = ("en",)) -> Review | None:
    """The reviewers and review date of a line about checking the text, else None.

    A line may set several credits between dashes or bars ("Reviewed by A — Updated on May 4, 2024"): the date of
    another part is not the review's."""
    text = " ".join((line or "").split())
    if not text or len(text.split()) > LONGEST or not reviewing_label(text):
        return None
    return next((found for part in _PARTS.split(text) if (found := _read_part(part, languages))), None)


def _read_part(text: str, languages: tuple[str, ...]) -> Review | None:
    if not reviewing_label(text):
        return None
    span = _date_span(text, languages) if _YEAR.search(text) else None
    rest = text
    if span:
        before = _LEAD.sub("", text[:span[0]])
        rest = " ".join(f"{before} {text[span[1]:]}".split()).strip(" ,:|·•—–-")
    names = reviewer_names(rest)
    if names:
        return Review(names, text[span[0]:span[1]] if span else None)
    return Review([], text[span[0]:span[1]]) if span and _label(rest) else None


def _label(text: str) -> bool:
    """A few words, the first alone capitalized, one of them a checking word: "Last reviewed", "Fecha de revisión"."""
    words = text.rstrip(" :：").split()
    return 0 < len(words) <= LABEL_WORDS and reviewing_label(text) and not any(c.isdigit() for c in text) \
        and not any(_CAPITALIZED.match(w) for w in words[1:])


def _date_span(text: str, languages: tuple[str, ...]) -> tuple[int, int] | None:
    """(start, end) of the shortest run of words ending at a year that reads as the same whole date as the longest."""
    words = list(_WORD.finditer(text))
    for last, word in enumerate(words):
        if not _YEAR.search(word.group()):
            continue
        end = word.start() + _YEAR.search(word.group()).end()
        spans = [(words[first].start(), end) for first in range(max(0, last - DATE_WORDS), last + 1)]
        read = [(span, found) for span in spans if (found := _whole(text[span[0]:span[1]], languages))]
        if read:
            same = [span for span, found in read if found == read[0][1]]
            return same[-1]
    return None


def _whole(printed: str, languages: tuple[str, ...]) -> str | None:
    """The ISO day a span reads as, when it writes a day, a month and a year (a year alone is no review date)."""
    if len(_NUMBER.findall(printed)) < 2 or not (_MONTH_WORD.search(printed) or len(_NUMBER.findall(printed)) >= 3):
        return None
    found = parse_date(printed.strip(" ,.;:()"), languages=languages)
    return found[:10] if found and len(found) >= 10 else None
