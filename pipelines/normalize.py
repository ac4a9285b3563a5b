"""Normalize: clean names, parse dates with dateparser, and derive text, counts and the content hash."""
from __future__ import annotations

import hashlib
import html
import json
import re
from datetime import date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dateparser.date import DateDataParser

from archive.reading import word_count
from pipelines.bylines import byline_names

_SPACE = re.compile(r"\s+")
_BY = re.compile(r"^\s*(?:post\s+author\s+)?(?:written\s+|geschrieben\s+)?(?:by|von|par|por|door|auteur|autor|author)"
                 r"(?:[:\s]+|(?=[A-ZÄÖÜ][a-zäöü]))", re.I)
# News agencies are the author when a story is theirs alone.
_AGENCY = re.compile(r"^(?:the\s+)?(?:associated press|reuters|agence france-presse|afp|dpa|ap|upi|ansa|efe)$", re.I)
# What follows a name on a byline line: social links, "Today 5:00 am", dates and update notes.
_TAIL = re.compile(r"\s+(?:(?:twitter|facebook|e-?mail|linkedin|instagram|today|yesterday|updated?|published|posted)\b|"
                   r"\d{1,2}:\d{2}|\d{1,2}\.\s?\d{1,2}\.|\d{1,2}\.?\s+(?:jan|feb|m[aä]r|apr|ma[iy]|jun|jul|aug|sep|o[ck]t|nov|de[cz])[a-zä]*|"
                   r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d).*$", re.I)
# Lines of a byline that name the publisher or a role rather than a person.
_NOT_A_NAME = re.compile(
    r"\b(?:news|staff|contributor|contributing|correspondent|reporter|editor|writer|columnist|"
    r"published|updated|posted|reviewed|health|team|desk|agency|associated press|reuters)\b",
    re.I,
)
_CREDENTIAL = re.compile(r"^(?:MD|M\.D\.|PhD|Ph\.D\.|DO|RN|MPH|MS|MA|MBA|DDS|PharmD|FACP|FAAP|MSc|BSN|NP|PA-C|LD|RD|CDE)$", re.I)
_REVIEWED = re.compile(r"^\s*(?:medically\s+)?reviewed\s+by[:\s]+(?P<name>.+?)(?:\s+on\s+(?P<date>[A-Z][a-z]+\.? \d{1,2},? \d{4}))?\s*$", re.I)
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Za-z .,'/()-]{0,40}?[\s,(])?((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},\s+\d{4})"
    r"\s*(?:--|—|–)\s*"
)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_TIME_OF_DAY = re.compile(r"\d{1,2}:\d{2}|T\d{2}")
# The full stop of an abbreviated month before a number ("Sept. 16", "9 Feb. 2020"): dateparser's search
# splits the date there and keeps the pieces, so "Sept" and "16, 2020" would be read as two dates.
_ABBREVIATION_STOP = re.compile(r"(?<=[^\W\d_]{3})\.(?=\s+\d)")
# An English date written out with its year and nothing else ("January 7, 2016", "7 Jan. 2016"): read here,
# since dateparser spends a millisecond on each and reads these the same (tests compare the two).
_WRITTEN_DATE = re.compile(r"^(?:(?P<month>[A-Za-z]{3,9})\.?\s+(?P<day>\d{1,2}),?|(?P<day2>\d{1,2})\s+(?P<month2>[A-Za-z]{3,9})\.?,?)"
                           r"\s+(?P<year>\d{4})$")
_MONTHS = {name: number for number, full in enumerate(("january", "february", "march", "april", "may", "june", "july",
                                                       "august", "september", "october", "november", "december"), 1)
           for name in (full, full[:3])} | {"sept": 9}


def clean_names(lines: list[str]) -> list[str]:
    """Person names from byline lines: no "By", no publisher line, no degrees after a name."""
    names: list[str] = []
    # A line that reads as label-then-names ("View all posts by Ann Lee", "Di A e B") gives its names as they are.
    lines = [name for x in lines for name in (byline_names(x) or [x])]
    candidates = [line for line in (_SPACE.sub(" ", x).strip() for x in lines) if line]
    people = [line for line in candidates if not _NOT_A_NAME.search(_BY.sub("", line))] or candidates[:1]
    for line in people:
        line = _BY.sub("", line)
        line = re.split(r"\s+(?:\||·|•|—|–|-)\s+", line)[0]
        for part in re.split(r"\s*(?:,|&|\band\b|\bund\b|\bet\b|;)\s*", _TAIL.sub("", line)):
            part = part.strip(" .,")
            if not part:
                continue
            if _CREDENTIAL.match(part):
                continue  # a degree is the writer's title, not a writer: the byline reader drops it too
            if (_AGENCY.match(part) or not _NOT_A_NAME.search(part)) and len(part.split()) <= 5:
                names.append(part)
    # One line naming only a body ("Office of Environmental Health", "Staff Writer"): that body is the author, as
    # people marking pages record it; with a person beside it the person alone is.
    lone = _BY.sub("", candidates[0]).strip(" .,") if len(candidates) == 1 and not names else ""
    return list(dict.fromkeys(names)) or ([lone] if lone and len(lone.split()) <= 5 and not _YEAR.search(lone) else [])


def clean_reviewer(text: str | None, languages=("en",)) -> tuple[str | None, str | None]:
    """("Name, MD", raw review date or None) from a "Reviewed by …" line, in the page's languages."""
    from pipelines.dates_review import read_review  # it reads dates with this module's parse_date

    if not text:
        return None, None
    text = _SPACE.sub(" ", text).strip()
    if review := read_review(text, tuple(languages)):  # the date before, after or without the names
        return " and ".join(review.names) or None, review.printed
    match = _REVIEWED.match(text)
    if not match:
        return text, None
    return match.group("name").strip(" .,"), match.group("date")


def dateline(text: str) -> str | None:
    """The date of a news dateline opening a paragraph ("April 17, 2015 -- …"), or None."""
    match = _DATELINE.match(text or "")
    return match.group(1) if match else None


@lru_cache(maxsize=64)
def date_order(locale: str | None) -> str | None:
    """The numeric date order ("DMY", "MDY", ...) a declared locale writes ("en-GB" -> DMY), as dateparser knows it.

    Only a locale with a region decides it: a bare language keeps dateparser's own order for that language.
    """
    from dateparser.languages.loader import default_loader

    tag = (locale or "").strip().replace("_", "-")
    if "-" not in tag:
        return None
    language, region = tag.split("-")[:2]
    try:
        found = next(iter(default_loader.get_locales(locales=[f"{language.lower()}-{region.upper()}"])), None)
    except ValueError:  # a locale dateparser does not know: nothing declared that it can use
        return None
    return found.info.get("date_order") if found is not None else None


@lru_cache(maxsize=64)
def _parser(languages: tuple[str, ...], timezone: str, order: str | None = None) -> DateDataParser:
    settings = {"TIMEZONE": timezone, "RETURN_AS_TIMEZONE_AWARE": True, "PREFER_DATES_FROM": "past"}
    if order:  # "12/04/2020" is the 12th of April on a page that declares en-GB
        settings["DATE_ORDER"] = order
    # use_given_order: the page's own language first ("01.11.2023" is November on a German page)
    return DateDataParser(languages=list(languages) or None, settings=settings, use_given_order=bool(languages))


def parse_date(raw: str | None, *, languages=("en",), timezone: str | None = None, order: str | None = None) -> str | None:
    """ISO 8601 at the precision the source gives: a date, or a timezone-aware date-time. Never guessed."""
    if not raw or not raw.strip():
        return None
    raw = raw.strip()
    try:
        value = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        value = None
    if value is not None:
        if "T" not in raw and " " not in raw.strip():
            return value.date().isoformat()
        if value.tzinfo is None:  # a local time: in the site's timezone (what dateparser would do, 50x faster)
            return _in_zone(value, timezone)
        return value.isoformat()
    return _written_date(raw, languages) or _parse_with_dateparser(raw, languages, timezone, order)


def _written_date(raw: str, languages) -> str | None:
    """The ISO date of an English "Month D, YYYY" / "D Month YYYY", when English is the page's first language."""
    match = _WRITTEN_DATE.match(raw) if languages and languages[0] == "en" else None
    month = match and _MONTHS.get((match.group("month") or match.group("month2")).casefold())
    if not month:
        return None
    try:
        return date(int(match.group("year")), month, int(match.group("day") or match.group("day2"))).isoformat()
    except ValueError:  # no such day ("February 30"): dateparser has the last word
        return None


def _in_zone(value: datetime, timezone: str | None) -> str:
    try:
        zone = ZoneInfo(timezone or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        zone = ZoneInfo("UTC")
    return value.replace(tzinfo=zone).isoformat()


def _parse_with_dateparser(raw: str, languages, timezone: str | None, order: str | None = None) -> str | None:
    try:
        parser = _parser(tuple(languages or ()), timezone or "UTC", order)
    except ValueError:  # a page language dateparser does not know: the site's languages alone
        parser = _parser(tuple(languages[1:]), timezone or "UTC", order)
    data = parser.get_date_data(raw)
    years = {int(y) for y in _YEAR.findall(raw)}
    if years and not _keeps_year(data.date_obj, years):
        # A time dateparser misreads ("às 09h12") makes it drop the written date for today's: the date alone,
        # up to its year, is what the line says; a parse that loses the written year is never kept.
        cut = raw[:max(m.end() for m in _YEAR.finditer(raw))]
        data = parser.get_date_data(cut) if cut != raw else data
        if not _keeps_year(data.date_obj, years):
            return None
        raw = cut
    if data.date_obj is None:
        return None
    if data.period == "year":
        return f"{data.date_obj.year:04d}"
    if data.period == "month":
        return f"{data.date_obj.year:04d}-{data.date_obj.month:02d}"
    if _TIME_OF_DAY.search(raw):
        return data.date_obj.isoformat()
    return data.date_obj.date().isoformat()


def _keeps_year(value: datetime | None, years: set[int]) -> bool:
    """The parsed date is in a year the text writes (a day either side: a late-evening time moved across zones)."""
    return value is not None and any((value + timedelta(days=shift)).year in years for shift in (-1, 0, 1))


def published(article: dict, *, languages=("en",), timezone: str | None = None,
              order: str | None = None) -> tuple[str | None, str | None]:
    """(ISO value, raw string) of the first date candidate that parses, then the body's dateline."""
    dates = article.get("dates", [])
    candidates = [raw for source, raw in dates if source != "line"]
    for block in (article.get("blocks") or [])[:3]:
        if dateline(block["text"]):
            candidates.append(dateline(block["text"]))
            break
    for raw in candidates:
        value = parse_date(raw, languages=languages, timezone=timezone, order=order)
        if value:
            return value, raw
    for source, line in dates:  # a short line under the headline that holds one date ("Posted 4 March 2025")
        found = _date_in_line(line, languages, order) if source == "line" else None
        if found:
            return parse_date(found, languages=languages, timezone=timezone, order=order), found
    return None, candidates[0] if candidates else None


def _date_in_line(line: str, languages, order: str | None = None) -> str | None:
    """The one date (with its year) a short line holds, as written; None when it holds none or several."""
    from dateparser.search import search_dates

    try:
        settings = {"PREFER_DATES_FROM": "past", **({"DATE_ORDER": order} if order else {})}
        found = search_dates(_ABBREVIATION_STOP.sub("", line), languages=list(languages) or None, settings=settings) or []
    except ValueError:  # a language dateparser does not know
        return None
    dated = [text for text, _ in found if _YEAR.search(text)]
    return dated[0] if len(dated) == 1 else None


def body_html(blocks: list[dict]) -> str:
    """The blocks as minimal HTML: headings, paragraphs, quotes and lists (list items grouped)."""
    out: list[str] = []
    in_list = False
    for block in blocks:
        if block["tag"] == "li" and not in_list:
            out.append("<ul>")
            in_list = True
        elif block["tag"] != "li" and in_list:
            out.append("</ul>")
            in_list = False
        inner = block.get("html") or html.escape(block["text"])
        out.append(f"<{block['tag']}>{inner}</{block['tag']}>")
    if in_list:
        out.append("</ul>")
    return "\n".join(out)


CONTENT_FIELDS = ("title", "subtitle", "authors", "reviewer", "published", "section", "body_text")


def normalize(article: dict, *, languages=("en",), timezone: str | None = None) -> dict:
    """The storable record of a reassembled article (the `articles` columns, values normalized)."""
    blocks = article.get("blocks") or []
    language = (article.get("language") or "").replace("_", "-").split("-")[0].lower() or None
    if language and language.isalpha():  # "01-11-2023" on a German page is the 1st of November
        languages = (language, *[code for code in languages if code != language])
    order = date_order(article.get("language"))  # the page's declared locale decides "12/04/2020"
    reviewer, reviewed_raw = clean_reviewer(article.get("reviewer"), languages)
    value, raw = published(article, languages=languages, timezone=timezone, order=order)
    modified_raw = next((raw for _, raw in article.get("modified", [])), None)
    body_text = "\n\n".join(b["text"] for b in blocks)
    record = {
        "site": article.get("site"),
        "url": article.get("url"),
        "canonical_url": article.get("canonical_url") or article.get("url"),
        "title": _clean(article.get("title")),
        "subtitle": _clean(article.get("subtitle")),
        "authors": clean_names(article.get("byline") or []),
        "reviewer": reviewer,
        "published": value,
        "published_raw": raw,
        "modified": parse_date(modified_raw, languages=languages, timezone=timezone, order=order),
        "modified_raw": modified_raw,
        "reviewed": parse_date(reviewed_raw, languages=languages, timezone=timezone, order=order),
        "reviewed_raw": reviewed_raw,
        "description": _clean(article.get("description")),
        "references": article.get("references") or [],
        "section": _clean(article.get("section")),
        "language": language,
        "body_text": body_text,
        "body_html": body_html(blocks),
        "word_count": word_count(body_text),
        "page_count": article.get("page_count", 0),
        "complete": bool(article.get("complete")),
        "missing_pages": article.get("missing_pages", []),
        "next_page_url": article.get("next_page_url"),
        "page_urls": article.get("page_urls", []),
        "single_page_url": article.get("single_page_url"),
    }
    record["content_hash"] = content_hash(record)
    return record


def content_hash(record: dict) -> str:
    """SHA-256 of the content fields: equal hashes mean an unchanged article."""
    content = {key: record.get(key) for key in CONTENT_FIELDS}
    return hashlib.sha256(json.dumps(content, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def _clean(text: str | None) -> str | None:
    text = _SPACE.sub(" ", text or "").strip()
    return text or None

