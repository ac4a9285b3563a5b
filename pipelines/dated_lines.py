"""Dates printed on a short line with a label: "Originally published: July 18, 2024", "公開日：2022年8月25日",
"Posted by A on July 11, 2025".

Label words differ with every site and language, so a line is read by its shape, not by its label: a few words,
then a date that dateparser reads in the page's language to the end of the line. Of the lines near the headline
and at the foot of the text, the earliest date is the publication: an update or a review comes after it.
"""
from __future__ import annotations

import re

from pipelines.bylines import reviewing_label
from pipelines.credit_lines import head_lines, tail_lines
from pipelines.normalize import parse_date
from pipelines.printed_dates import lines_above

# A year: digits on either side would make it part of a longer number; "年" after it is no word boundary to \b.
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# Where a date may start: after a space or a colon (a CJK line has no space between its label and date).
_START = re.compile(r"(?:^|(?<=\s)|(?<=[:：]))(?=\S)")
_DIGIT = re.compile(r"\d")
# A label is words: an embed's "(@handle)", a "©" or a bracket makes the line something else (a quote, a notice).
_LABEL = re.compile(r"^[^\W\d_][\w\s’'./-]*$")
_MONTH_WORD = re.compile(r"[^\W\d_]{3,}")
_NUMBER = re.compile(r"\d+")
_NAME_WORD = re.compile(r"[A-ZÀ-Þ][a-zà-ÿ]")
_PARTS = re.compile(r"\s+[·|•—–]\s+")  # one line setting two dates side by side
_PART_MARK = re.compile(r"[·|•—–]")  # found in one scan: splitting on spaces first tries every space of a line
LONGEST = 90  # characters: a labelled date is a short line
LABEL_WORDS = 6  # "Posted by Maribel Pemberton on": a label may hold the writer's name
LABEL_CHARACTERS = 12  # a label with no spaces (Chinese, Japanese): "公開日", "最終更新日"


def read_labelled(line: str, languages: tuple[str, ...]) -> tuple[str, str, str] | None:
    """(label, date as printed, ISO date) of a line that is a short label then a date, else None."""
    if len(line) > LONGEST or not _YEAR.search(line):
        return None
    for start in _START.finditer(line):
        label, rest = line[:start.start()].strip(" :：-–—|,"), line[start.start():].strip()
        if _DIGIT.search(label):
            return None  # a number in the label: a date this reading did not see starts before it
        if len(label.split()) > LABEL_WORDS or (" " not in label and len(label) > LABEL_CHARACTERS):
            continue
        if not _YEAR.search(rest) or not _has_month(rest):
            return None  # the year, or a month, is behind: no whole date starts here or later
        if len(_NUMBER.findall(rest)) < 2 or _name_after(rest):
            return None  # no day beside the year, or a name after it: no later start reads a whole date either
        if label and not _LABEL.match(label):
            return None  # a longer label holds the same mark: no later start can read either
        if found := parse_date(rest, languages=languages):  # the leftmost start that reads: the whole date
            return (label, rest, found) if _LABEL.match(label) and _whole(rest, found) else None
    return None


def _whole(rest: str, found: str) -> bool:
    """The line ends with the date: a day (a year alone is a copyright), then at most a time, no name ("…2020 Anna")."""
    return len(found) >= 10 and _has_month(rest) and not _name_after(rest)


def _name_after(rest: str) -> bool:
    """A capitalised word after the last year ("© 2015 Wube Software", "2019 by Bradley M. Kuhn")."""
    return bool(_NAME_WORD.search(rest[list(_YEAR.finditer(rest))[-1].end():]))


def _has_month(rest: str) -> bool:
    """A month is written, as a word or a number: "Juni 19th, 2018" read from "19th" would have lost it."""
    return bool(_MONTH_WORD.search(rest)) or len(_NUMBER.findall(rest)) >= 3


def publication_date(lines: list[str], languages: tuple[str, ...]) -> str | None:
    """The date as printed on the labelled line with the earliest date; a review line only when no other is dated.

    A page that prints only "Page last reviewed: March 4, 2025" gives that date: the page vouches for its text as of
    then, and an archive with no date for it could not place it at all."""
    parts = [part for line in dict.fromkeys(lines)  # "Published A · Updated B"
             for part in (_PARTS.split(line) if _PART_MARK.search(line) else [line])]
    read = [found for part in parts if (found := read_labelled(part, languages))]
    published = [r for r in read if not reviewing_label(r[0])] or read
    return min(published, key=lambda r: r[2][:10])[1] if published else None


def date_part(text: str | None, root) -> str | None:
    """The date of a dated line found by its label, without the words a looser reading left before it
    ("SeglerBlog am 23. Februar 2020" -> "23. Februar 2020"); the text as it is when no date starts in it."""
    if not text or root is None or not isinstance(root.tag, str):
        return text
    for start in _START.finditer(text):
        rest = text[start.start():].strip()
        if not _YEAR.search(rest):
            break
        if found := parse_date(rest, languages=_languages(root)):
            return rest if _whole(rest, found) else text  # "16, 2020" out of "Sept. 16, 2020" is no date
    return text


def _languages(root) -> tuple[str, ...]:
    """The page's declared language, then English (the language of most labels on pages that declare none)."""
    language = (root.get("lang") or "").split("-")[0].lower()
    return tuple(dict.fromkeys(code for code in (language, "en") if code.isalpha()))


def credit_date(root, aside) -> str | None:
    """The publication date, as printed, of the labelled lines around the page's headline and at its text's foot.

    ``aside(element)``: whether an element sits in a box about other things (related stories, comments), skipped."""
    if root is None or not isinstance(root.tag, str):
        return None
    return publication_date(head_lines(root) + lines_above(root) + tail_lines(root, aside), _languages(root))
