"""Metadata the generic way: a page's headline, authors and publication date from its own tags.

The order follows Mozilla Readability, which news pages are written for: schema.org JSON-LD, then
Dublin Core / Open Graph / Twitter / Parse.ly meta tags, then the ``<title>`` with the site name cut
off (split on " | ", " - ", " – ", " — ", " / ", " > ", " » " or ": ", checked against the page's headings).
"""
from __future__ import annotations

import html
import itertools
import re

from lxml import etree
from parsel import Selector

from pipelines.agency_bylines import publisher_only
from pipelines.bylines import (
    byline_names, comma_joined_last, credited_names, sentence_credit, source_credit, wire_dateline,
)
from pipelines.credit_lines import box_credit, head_lines, tail_lines
from pipelines.dates_page import (  # noqa: F401  the dates a page prints are read there, and still imported from here
    _DATED_START, _LABEL_INITIALS, TEXT_OPENINGS, any_label_date, attribute_date, date_from_page, dated_line, headline_date,
)

_SEPARATOR = re.compile(r" [|\-–—\\/>»] ")
_HIERARCHY = re.compile(r" [\\/>»] ")
_TITLE_META = ("dc:title", "dcterm:title", "og:title", "weibo:article:title", "weibo:webpage:title", "title",
               "twitter:title", "parsely-title")
_AUTHOR_META = ("dc:creator", "dcterm:creator", "author", "parsely-author", "article:author")
_OTHER_ARTICLES = re.compile(r"related|teaser|recommend|sidebar|widget|comment|promo|more-stories|read-more|trending|popular",
                             re.I)
_BYLINE = re.compile(r"byline|author|dateline|writtenby", re.I)
_MARKED = etree.XPath("descendant-or-self::*[@rel or @itemprop or @class or @id]")
# Without a byline word in any class or id of the page (one search over them all, found in C), only these can.
_CLASS_OR_ID = etree.XPath("//@class | //@id", smart_strings=False)
_AUTHOR_ATTRIBUTE = etree.XPath("descendant-or-self::*[@rel = 'author' or contains(@itemprop, 'author')]")
_SPACE = re.compile(r"\s+")
_TAG = re.compile(r"<[^>]*>")
_SITE_PART = re.compile(r"\s*(?:[|\-–—:·»/]\s*[^|\-–—:·»/]{1,60})?\s*|\s*[^|\-–—:·»/]{1,60}\s*[|\-–—:·»/]\s*")


_METAS = etree.XPath("//meta[@content]")


def meta_values(sel: Selector) -> dict[str, str]:
    """The page's <meta> values keyed by lower-case name or property ("og:title", "author", ...)."""
    by_property: dict[str, str] = {}
    by_name: dict[str, str] = {}
    # The elements themselves, not parsel's wrappers (each of which would copy its attributes per lookup).
    for meta in _METAS(sel.selector.root if hasattr(sel, "selector") else sel.root):
        content = (meta.get("content") or "").strip()
        if content:
            for key in (meta.get("property") or "").split():
                by_property.setdefault(key.lower(), content)
            name = re.sub(r"\s+", "", meta.get("name") or "").lower().replace(".", ":")
            if name in _AUTHOR_META and name in by_name and content not in by_name[name].split("; "):
                by_name[name] += f"; {content}"  # one author per tag: several tags are several authors
            elif name:
                by_name.setdefault(name, content)
    return {**by_name, **by_property}  # a property (RDFa, Open Graph) is the more deliberate of the two


def headline(sel: Selector, ld: dict, meta: dict[str, str]) -> str | None:
    """The article's headline: JSON-LD, then the title meta tags, then the cleaned <title>; the visible h1 when it agrees."""
    from_title = title_from_document(sel)
    name, head = _plain(ld.get("name")), _plain(ld.get("headline"))
    if name and head and name != head:
        # Sites put the site name in one of them: keep the headline only when it alone reads like the title.
        head_ok, name_ok = _similar(head, from_title or "") > 0.75, _similar(name, from_title or "") > 0.75
        found = head if head_ok and not name_ok else name
    else:
        found = name or head
    found = found or next((_plain(meta[key]) for key in _TITLE_META if _plain(meta.get(key))), None) or from_title
    return visible_headline(sel, _SPACE.sub(" ", found).strip()) if found else None


def visible_headline(sel: Selector, title: str) -> str:
    """The page's own h1 instead of a social/SEO title that differs from it or only adds the site's name."""
    headings = [h for h in (_SPACE.sub(" ", t).strip() for t in sel.xpath("//h1").xpath("string(.)").getall()[:3])
                if 0 < len(h) < 300]
    folded = title.casefold()
    for heading in headings:
        if heading.casefold() == folded:
            return title
        rest = folded.replace(heading.casefold(), "", 1) if heading.casefold() in folded else None
        if rest is not None and _SITE_PART.fullmatch(rest):
            return heading  # the title is this heading plus " | Site Name"
    if len(headings) == 1 and min(_similar(headings[0], title), _similar(title, headings[0])) >= 0.5:
        return headings[0]  # the same headline reworded for social media: the page shows this one
    return title


def _plain(value) -> str | None:
    """Text of a metadata value: tags stripped (some JSON-LD headlines are markup), entities decoded."""
    if not isinstance(value, str):
        return None
    text = html.unescape(_TAG.sub("", value)) if "<" in value or "&" in value else value
    text = _SPACE.sub(" ", text).strip()
    return text or None


def title_from_document(sel: Selector) -> str | None:
    """Readability's rule: the <title> minus the site name, unless that leaves too little of it."""
    original = _SPACE.sub(" ", sel.xpath("string(//title)").get() or "").strip()
    title, hierarchical = original, False
    if _SEPARATOR.search(original):
        hierarchical = bool(_HIERARCHY.search(original))
        title = original[: list(_SEPARATOR.finditer(original))[-1].start()]
        if _words(title) < 3:
            title = re.sub(r"^[^|\-–—\\/>»]*[|\-–—\\/>»]", "", original, count=1)
    elif ": " in original:
        headings = {_SPACE.sub(" ", h).strip() for h in sel.xpath("//h1 | //h2").xpath("string(.)").getall()}
        if original not in headings:
            title = original[original.rfind(":") + 1:]
            if _words(title) < 3:
                title = original[original.find(":") + 1:]
            elif _words(original[: original.find(":")]) > 5:
                title = original
    elif len(original) > 150 or len(original) < 15:
        ones = sel.xpath("//h1")
        if len(ones) == 1:
            title = ones[0].xpath("string(.)").get() or ""
    title = _SPACE.sub(" ", title).strip()
    count = _words(title)
    if count <= 4 and (not hierarchical or count != _words(re.sub(r"[|\-–—\\/>»]+", "", original)) - 1):
        title = original
    return title or None


def authors_from_meta(ld: dict, meta: dict[str, str]) -> list[str]:
    """Author names from JSON-LD or the author meta tags (a profile URL is not a name)."""
    names = _ld_names(ld.get("author"))
    if names:
        return names
    for key in _AUTHOR_META:
        value = meta.get(key)
        if value and not value.startswith(("http://", "https://", "/")):
            return [value]
    return []


def with_people(node: dict, nodes: list[dict]) -> dict:
    """The article node with authors given only by "@id" replaced by the graph's nodes of those ids."""
    by_id = {n["@id"]: n for n in nodes if isinstance(n.get("@id"), str)}
    authors = node.get("author")
    listed = authors if isinstance(authors, list) else [authors]
    if not any(isinstance(a, dict) and "name" not in a and a.get("@id") in by_id for a in listed):
        return node
    found = [by_id.get(a.get("@id"), a) if isinstance(a, dict) and "name" not in a else a for a in listed]
    return {**node, "author": found}


def byline_from_page(sel: Selector) -> list[str]:
    """The first short byline element (rel=author, itemprop=author, a byline/author class or id), as one line.

    Bylines inside related-article boxes, teasers, sidebars and comments belong to other articles.
    """
    root = sel.selector.root if hasattr(sel, "selector") else sel.root  # a Scrapy response or a Selector
    marked = _MARKED if _BYLINE.search("\n".join(_CLASS_OR_ID(root))) else _AUTHOR_ATTRIBUTE
    for element in marked(root):  # only these can name an author: the others are skipped in C
        if _names_author(element):
            # A byline box often holds the names and more (the source, a date): the names' own element wins.
            # A one-word inner element is a label ("By", "Von"), not the names.
            inner = next((e for e in element.iterdescendants() if isinstance(e.tag, str) and _names_author(e)
                          and len(e.xpath("string()").split()) >= 2), element)
            text = box_credit(inner)  # its lines apart: a name and a date in two blocks are two lines
            # A box marked "dateline" that opens with a date label ("Published online May 4") names no one.
            dated = _DATED_START.match(text) and not byline_names(text)
            if 0 < len(text) < 100 and not _elsewhere(element) and not wire_dateline(text) and not dated:
                return _microdata_people(inner) or [without_place(sel, text)]
    # No marked byline: a line of names under the headline, else a credit after the text ("Written by A, with B").
    tail = tail_lines(root, _aside)
    # A box's line and its parts' lines both read as bylines; the one naming the most writers is whole.
    # A "source:" line naming the site itself ("来源：健康生活报") credits the publisher, not a writer.
    lines = [(len(names), -n, line) for n, line in enumerate(head_lines(root))
             if (names := byline_names(line)) and not publisher_only(names, root)]
    if lines:
        return [without_place(sel, max(lines)[2])]
    return next(([line] for line in tail if credited_names(line)), []) or \
        next((names for line in tail if (names := sentence_credit(line))), []) or \
        next((names for line in tail if (names := source_credit(line))), [])


# Where a page says where its story comes from: schema.org's location and dateline, the geo and Open Graph place tags.
_LOCATION_KEYS = ("contentLocation", "locationCreated", "dateline", "spatialCoverage")
_LOCATION_META = ("geo:placename", "og:locality", "og:region", "og:country-name", "dc:coverage", "dcterms:spatial")


def without_place(sel: Selector, line: str) -> str:
    """The byline without its last name when that name is where the story was filed ("By Ann Lee, Port Harcourt").

    A place and a writer are both capitalized words, and no list of places is ever whole: the page itself must say
    so, by opening its text with the place as a dateline ("PORT HARCOURT, Nigeria —") or naming it as its location."""
    found = comma_joined_last(line)
    if found is None:
        return line
    place, rest = found
    return rest if _dateline_place(sel, place) or place.casefold() in _locations(sel) else line


def _dateline_place(sel: Selector, place: str) -> bool:
    """One of the text's first paragraphs opens with ``place``, maybe a region or a day, an agency, then a dash or colon."""
    opening = re.compile(rf"^{re.escape(place)}(?:,(?:\s+(?:[A-ZÀ-Þ][\w.]*|\d{{1,2}}))+,?)?\s*(?:\([^)]{{1,40}}\))?\s*[—–:-]",
                         re.I)
    paragraphs = (" ".join(p.xpath("string()").split()) for p in sel.root.iter("p"))
    return any(opening.match(text) for text in itertools.islice((t for t in paragraphs if len(t.split()) >= 12),
                                                                  TEXT_OPENINGS))


def _locations(sel: Selector) -> set[str]:
    """The place names the page's location tags and JSON-LD give, folded."""
    from pipelines.page_tags import json_ld  # it reads the page's people with this module's with_people

    meta, ld = meta_values(sel), json_ld(sel)
    found = [meta.get(key) for key in _LOCATION_META] + [ld.get(key) for key in _LOCATION_KEYS]
    names = [n for value in found for n in (value if isinstance(value, list) else [value])]
    texts = [n.get("name") if isinstance(n, dict) else n for n in names]
    return {_SPACE.sub(" ", t).strip().casefold() for t in texts if isinstance(t, str)} - {""}


def _microdata_people(first) -> list[str]:
    """Every schema.org author item beside ``first`` when it is one ("itemprop=author itemscope"): one item per
    person, so a list of items is a list of writers, each read by its own itemprop=name where it has one."""
    if "author" not in (first.get("itemprop") or "") or first.get("itemscope") is None:
        return []
    items = [e for e in first.getparent().iterchildren() if "author" in (e.get("itemprop") or "")]
    named = (next(iter(e.xpath(".//*[@itemprop='name']")), e) for e in items)
    return [t for t in (" ".join(n.xpath("string()").split()) for n in named) if t]


def _names_author(element) -> bool:
    """rel=author, itemprop=author, or a byline/author class or id."""
    return element.get("rel") == "author" or "author" in (element.get("itemprop") or "") \
        or bool(_BYLINE.search(f"{element.get('class', '')} {element.get('id', '')}"))


def _aside(element) -> bool:
    """In (or itself) a box about other things; an article's own footer is not one (its credits sit there)."""
    return _elsewhere(element, boxes=("aside", "nav"), itself=True)


def _elsewhere(element, *, boxes=("aside", "footer", "nav"), itself: bool = False) -> bool:
    """Inside a box about other articles (related, teaser, sidebar, comments)."""
    for ancestor in (element, *element.iterancestors()) if itself else element.iterancestors():
        if ancestor.tag in boxes or \
                _OTHER_ARTICLES.search(f"{ancestor.get('class', '')} {ancestor.get('id', '')}"):
            return True
    return False


def _ld_names(value) -> list[str]:
    values = value if isinstance(value, list) else [value]
    names = [v.get("name") if isinstance(v, dict) else v for v in values]
    return [n.strip() for n in names if isinstance(n, str) and n.strip()]


def _words(text: str) -> int:
    return len(text.split()) if text.strip() else 0


def _similar(a: str, b: str) -> float:
    """Readability's text similarity: share of a's words that b also has, by length."""
    ta = [w for w in re.split(r"\W+", a.lower()) if w]
    tb = [w for w in re.split(r"\W+", b.lower()) if w]
    if not ta or not tb:
        return 0.0
    unique = [w for w in tb if w not in ta]
    return 1 - len(" ".join(unique)) / len(" ".join(tb))
