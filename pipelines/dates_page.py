"""Dates a page prints where its tags give none: a labelled line ("Published Sept. 16, 2020"), a date in the
headline's box, htmldate's reading of its markup, or a numeric date under any short label."""
from __future__ import annotations

import re

import lxml.html
from parsel import Selector

from pipelines.credit_lines import head_lines
from pipelines.dated_lines import credit_date, date_part
from pipelines.printed_dates import lines_above

# A line that dates the article in words: the label, then the date as printed (read later by dateparser).
_DATED = re.compile(r"^(published|posted|updated|first published|veröffentlicht|aktualisiert|publié|mis à jour|"
                    r"publicado|actualizado|pubblicato|gepubliceerd)(?: on| am| le| el| il| op)?\b\s*:?\s*(.*\d.*)$", re.I)
_NEXT_PART = re.compile(r"\s+[·|•]\s+|\s+(?:updated|aktualisiert|mis à jour)\b", re.I)
# Up to three words of a label, a colon, then one numeric day, month and year, maybe a time ("Aktualizacja: 23.02.2021").
_LABELLED_DATE = re.compile(r"^\s*([^\W\d_]+(?: [^\W\d_]+){0,2})\s?:\s*"
                            r"(\d{1,4}[./-]\d{1,2}[./-]\d{2,4}(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?)?)\s*$")
HEAD_DATE_LINES = 4  # lines under the headline searched for a printed date
_DATED_START = re.compile(r"\s*(?:first\s+)?(?:publi|pubbl|posted|updated|actualizado|veröffentlicht|aktualisiert|mis à jour|gepubliceerd)",
                          re.I)
# The letters _DATED_START's words begin with, either case (re.I folds no other character into these): most texts
# start with none, and this test costs a fraction of the regex's.
_LABEL_INITIALS = set("fpuavmgFPUAVMG")
TEXT_OPENINGS = 5  # paragraphs of the text whose opening may be a dateline
_LEAD_WORDS = re.compile(r"^(?:[a-zà-ÿ]+\s+)+(?=[A-ZÀ-Þ\d])")


def date_from_page(sel: Selector) -> str | None:
    """A date for a page without the usual date tags: a dated line, else htmldate's reading of its markup, else a
    numeric date under any short label ("Aktualizacja: 23.02.2021")."""
    from htmldate import find_date

    from pipelines.metadata import _aside  # the boxes about other things: metadata imports this module

    # A labelled line is read in the site's languages (htmldate assumes an order).
    labelled = credit_date(sel.root, _aside) or date_part(dated_line(sel), sel.root)
    if labelled or not isinstance(sel.root, lxml.html.HtmlElement):  # htmldate reads HTML trees only
        return labelled or any_label_date(sel)
    # original_date: the first publication, not the last update; no free-text search (it costs 5x).
    return find_date(sel.root, extensive_search=False, original_date=True, url=None) or any_label_date(sel) \
        or headline_date(sel)


def dated_line(sel: Selector) -> str | None:
    """The date of a short "Published Sept. 16, 2020" / "Updated: 3/4/25" line, as written (first publication first)."""
    matches = []
    for element in sel.root.iter():  # each element's own leading text, matched in Python: one linear pass
        text = element.text
        if text and text.lstrip()[:1] in _LABEL_INITIALS and isinstance(element.tag, str) and _DATED_START.match(text):
            line = " ".join(element.xpath("string()").split())
            if len(line) < 90 and (match := _DATED.match(line)):
                matches.append(match)
    matches.sort(key=lambda m: m.group(1).casefold().startswith(("updated", "aktualisiert", "mis à jour")))
    # Words between the label and the date ("Published online May 4, 2023") are no part of the date.
    return _LEAD_WORDS.sub("", _NEXT_PART.split(matches[0].group(2))[0].strip()) if matches else None


# An ISO date as an attribute value: the machine-readable date of a page that prints none in its meta tags.
_ISO_VALUE = re.compile(r"^\s*(\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)\s*$")
_NOT_PUBLISHED = re.compile(r"modif|updat|review|expir|edit", re.I)


def attribute_date(sel: Selector) -> str | None:
    """An ISO date in a data-* attribute of the headline or the boxes around it ("data-published"), or a
    <time> there whose text is the date (no datetime attribute): what the article box says of its own date."""
    heading = next(iter(sel.root.iter("h1")), None) if isinstance(sel.root.tag, str) else None
    for box in [heading, *heading.iterancestors()][:5] if heading is not None else ():
        for name, value in box.attrib.items():
            if name.startswith("data-") and not _NOT_PUBLISHED.search(name) and (match := _ISO_VALUE.match(value)):
                return match.group(1)
    if heading is not None:
        box = [heading, *heading.iterancestors()][:5][-1]
        stamp = next((" ".join(t.xpath("string()").split()) for t in box.iter("time") if t.get("datetime") is None), "")
        printed = _PRINTED_DATE.search(stamp)  # the date alone, without a label the <time> holds too
        return printed.group(0) if printed else stamp if _YEAR.search(stamp) and len(stamp.split()) <= 5 else None
    return None


# A date as printed: a month word and a day around the year, or numbers only; checked later by dateparser.
_PRINTED_DATE = re.compile(r"\b(?:[^\W\d_]{3,10}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+|\d{1,2}\.?\s+[^\W\d_]{3,10}\.?,?\s+)"
                           r"(?:19|20)\d\d\b|\b(?:19|20)\d\d-\d{2}-\d{2}\b|\b\d{1,2}[./]\d{1,2}[./](?:19|20)\d\d\b")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_NOT_PUBLICATION = re.compile(r"review|updat|modif|revis|aktualis|geprüft|mis à jour|actualiz|atualiz", re.I)


def headline_date(sel: Selector) -> str | None:
    """The date a short line right above or under the headline prints ("FOR IMMEDIATE RELEASE | March 4, 2025"),
    as written, whatever its label; a review or update line is not the publication."""
    heading = next(iter(sel.root.iter("h1")), None) if isinstance(sel.root.tag, str) else None
    if heading is None:
        return None
    for line in lines_above(sel.root) + head_lines(sel.root)[:HEAD_DATE_LINES]:
        # An update word labels the date after it: "4 marzo 2025 (modifica il 6 marzo 2025)" was published first.
        dates = _PRINTED_DATE.finditer(line) if len(line.split()) <= 16 else ()
        if match := next((m for m in dates if not _NOT_PUBLICATION.search(line, 0, m.start())), None):
            return match.group(0)
    return None


def any_label_date(sel: Selector) -> str | None:
    """The first line that is a short label, a colon and one numeric date, as written: the label words of every
    language cannot be listed, and a lone day-month-year after a label is a date whatever the label says."""
    for element in sel.root.iter():
        if isinstance(element.tag, str) and element.text and _LABELLED_DATE.match(element.text):
            line = " ".join(element.xpath("string()").split())
            if match := _LABELLED_DATE.match(line):
                return match.group(2).strip()
    return None
