"""What a page says of its article's pages: its page lists, read by position.

Pagers name their pages in many ways (numbers, roman numerals, spelled ordinals, chapter titles, the options
of a drop-down whose values are URLs). What they share is their shape: sibling items in one container, one
of them marked as the page being read (not a link, ``selected``, ``aria-current`` or a "current" class), the
others links. When the marked item's position is the page's number in the article, the item after it is the
next page, whatever it says. A list read this way only proposes: the fetched page still has to prove itself.
What a page's count ("Part 1 of 3") says of its article is read in ``crawler.pagelist_count``.
"""
from __future__ import annotations

import re
from itertools import islice
from urllib.parse import urljoin, urlsplit

from crawler.continuation import is_direction, place
from crawler.pagination import text_of

_CURRENT = re.compile(r"(?<![\w-])(?:current|active|is-active|is-current|selected)(?![\w-])", re.I)
_WORD = re.compile(r"\w")
_DIGIT = re.compile(r"\d")
ITEM_WORDS = 8  # an item of a page list is a label, not a sentence
LOOSE_WORDS = 4  # words a list container may print outside its items ("Part", "Jump to", "Page")
MAX_ITEMS = 50
MAX_LISTS = 4
MARKED_DEPTH = 8


def page_lists(anchors: list[tuple], url: str) -> list[dict]:
    """Lists of sibling links with one item marked current: {"at": its position, "urls": [url or None, ...]}.

    ``anchors``: (element, URL, text) of the page's same-site links and URL options, outside related, footer
    and comment boxes.
    """
    linked = {anchor: (target.split("#", 1)[0], text) for anchor, target, text in anchors if place(anchor) != "noise"}
    found, seen = [], set()
    for anchor in linked:
        container = _container(anchor)
        if container is None or container in seen:
            continue
        seen.add(container)
        listed = _read(container, linked, url.split("#", 1)[0])
        if listed:
            found.append(listed)
            if len(found) >= MAX_LISTS:
                break
    return found


def listed_page(report: dict, number: int, wanted: int) -> str | None:
    """The URL of page ``wanted`` as the page lists of page ``number`` (whose report this is) name it, or None."""
    for listed in report.get("lists", ()):
        if listed["at"] == number and wanted <= len(listed["urls"]) and listed["urls"][wanted - 1]:
            return listed["urls"][wanted - 1]
    return None


def _container(anchor):
    """The element whose children are the list's items: a link's parent, or the list around its ``<li>``."""
    item = anchor
    if anchor.tag == "option":
        parent = anchor.getparent()
        return parent.getparent() if parent is not None and parent.tag == "optgroup" else parent
    parent = item.getparent()
    while parent is not None and parent.tag in ("li", "span", "strong", "b", "em", "dd", "td") and len(parent) == 1:
        item, parent = parent, parent.getparent()
    return parent


def _read(container, linked: dict, here: str) -> dict | None:
    """The container as a page list, or None when it is not one (prose around it, no single current item)."""
    loose = (container.text or "") + "".join(child.tail or "" for child in container)
    if sum(bool(_WORD.search(word)) for word in loose.split()) > LOOSE_WORDS or len(container) > MAX_ITEMS:
        return None
    items, current, plain, texts = [], [], [], []
    for child in container:
        if not isinstance(child.tag, str):
            continue
        kind, url, text = _item(child, linked, here)
        if kind == "bad":
            return None
        if kind == "none" or is_direction(text) or text.endswith(":"):
            continue  # a "Next" or "Previous" link repeats a page of the list; "READ MORE:" introduces one
        if kind == "self" or _marked(child):
            current.append(len(items))
        elif kind == "other":
            return None  # a page list links no other site, and marks its own page
        elif kind == "plain":
            plain.append(len(items))
        items.append(url)
        texts.append(text)
    at = current or plain
    linked_urls = [url for url in items if url]
    if len(at) != 1 or items[at[0]] is not None or not linked_urls or len(set(linked_urls)) < len(linked_urls):
        return None  # a current item that links elsewhere is a menu's section, not this page
    if len({_section(url) for url in linked_urls}) > 1:
        return None  # the pages of one article sit in one section of the site; a menu's links spread over several
    if not current and (len(items) < 3 or len({bool(_DIGIT.search(t)) for t in texts}) > 1):
        return None  # an unmarked label is the current page only among peers ("I · II · III"), not "By" + a name
    return {"at": at[0] + 1, "urls": items}


def _item(child, linked: dict, here: str) -> tuple[str, str | None, str]:
    """("link", URL, text), ("plain", None, text) for an unlinked label, ("self", ...) for a link to this very
    page, ("other", ...) for one elsewhere (current only when marked), ("none", ...) or ("bad", ...)."""
    inside = list(islice((linked[a] for a in child.iter("a", "option") if a in linked), 2))
    if len(inside) > 1:
        return "bad", None, ""
    if inside:
        return "link", inside[0][0], inside[0][1]
    text = " ".join(text_of(child).split())
    if len(text.split(None, ITEM_WORDS)) > ITEM_WORDS:
        return "bad", None, text  # an item of a page list is a label, not a sentence
    # A fragment ("#main", "Skip to content") is a place on this page, not this page as a page of a list.
    links = [a.get("href") for a in islice(child.iter("a"), 2)]
    links += [child.get("value")] if child.tag == "option" else []
    hrefs = [urljoin(here, href).split("#", 1)[0] for href in links if href and not href.startswith("#")]
    if hrefs:
        return ("self" if here in hrefs else "other"), None, text
    if not _WORD.search(text):
        return "none", None, text  # a separator, an empty dot, an ellipsis
    return "plain", None, text


def _section(url: str) -> str:
    """The first folder of a URL's path ("" for a file at the site's root)."""
    parts = urlsplit(url).path.strip("/").split("/")
    return parts[0] if len(parts) > 1 else ""


def _marked(child) -> bool:
    """Whether the page marks this item as itself."""
    for element in islice(child.iter(), MARKED_DEPTH):  # a label's own few elements, not a whole subtree
        if element.get("aria-current") not in (None, "false") or "selected" in element.attrib or \
                _CURRENT.search(element.get("class") or ""):
            return True
    return False
