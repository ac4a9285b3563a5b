"""What a page says of its article's pages: its page list, read by position, and the count it announces.

Pagers name their pages in many ways (numbers, roman numerals, spelled ordinals, chapter titles, the options
of a drop-down whose values are URLs). What they share is their shape: sibling items in one container, one
of them marked as the page being read (not a link, ``selected``, ``aria-current`` or a "current" class), the
others links. When the marked item's position is the page's number in the article, the item after it is the
next page, whatever it says. A list read this way only proposes: the fetched page still has to prove itself.
A count ("Part 1 of 3") is read outside asides, footers and related boxes, where it would count something else.
"""
from __future__ import annotations

import re
from itertools import islice
from urllib.parse import unquote, urljoin, urlsplit

from lxml import etree

from crawler.continuation import is_direction, is_noise, place, url_step
from crawler.pagination import text_of
from crawler.textslots import last_of_text

_CURRENT = re.compile(r"(?<![\w-])(?:current|active|is-active|is-current|selected)(?![\w-])", re.I)
_WORD = re.compile(r"\w")
_DIGIT = re.compile(r"\d")
# "Page 2 of 5" / "Step 1 of 5" / "Seite 1 von 4": how many pages the article has.
_OF_N = re.compile(r"\b(?:page|step|part|seite|página|pagina|slide)\s+(\d{1,2})\s*(?:of|/|von|de|sur|van)\s*(\d{1,2})\b",
                   re.I)
ITEM_WORDS = 8  # an item of a page list is a label, not a sentence
LOOSE_WORDS = 4  # words a list container may print outside its items ("Part", "Jump to", "Page")
MAX_ITEMS = 50
MAX_LISTS = 4
MARKED_DEPTH = 8
MAX_COUNTED = 4000  # elements looked at for boxes whose text does not count the article's pages
_NAMED = etree.XPath("//*[@id=$name] | //a[@name=$name]", smart_strings=False)
_NAMED_AFTER = etree.XPath("following::*[@id=$name or (self::a and @name=$name)]", smart_strings=False)


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


def expected_pages(text_lines: list[str], anchors: list[tuple], url: str) -> int | None:
    """How many pages the article announces: "page 1 of N", else the highest numbered link of its pager."""
    for line in text_lines:
        match = _OF_N.search(line)
        if match and 1 <= int(match.group(1)) <= int(match.group(2)) <= 50:
            return int(match.group(2))
    highest = None
    for _, target, text in anchors:  # (element, URL, text), as continuation.with_text gives them
        if text.isdigit() and 1 < int(text) <= 50:
            step = url_step(url, target)
            if step and step[1] == int(text) or step and step[0] == int(text):
                highest = max(highest or 0, int(text))
    return highest


def past_the_text(anchors: list[tuple], root, blocks: list[dict]) -> list[tuple]:
    """The links without those that lead past the article's text, for the count: a link to "page 2" whose
    fragment names an element that this page prints after the end of the article's text (``?page=2#comments``)
    takes the reader to that part of page 2, so it numbers the pages of that part, not of the article.

    ``anchors``: (element, URL, text); ``blocks``: the page's body blocks. A fragment naming no element here,
    the text, or a place before its end (``#top``, ``#article``) leaves its link counted.
    """
    names = {unquote(target.split("#", 1)[1]) for _, target, text in anchors if "#" in target and text.isdigit()}
    names.discard("")
    last = last_of_text(root, blocks) if names else None
    if last is None:
        return anchors
    beyond = set()
    for name in names:
        named, later = _NAMED(root, name=name), _NAMED_AFTER(last, name=name)
        if named and later and named[0] is later[0]:  # its first element of that name starts after the text ends
            beyond.add(name)
    return [a for a in anchors if "#" not in a[1] or unquote(a[1].split("#", 1)[1]) not in beyond]


def counted_text(root, text: str) -> str:
    """The page's text without its asides, footers and related boxes: a "Part 1 of 2" printed there counts a
    series or a listing, not this article's pages."""
    if root is None:
        return text
    for count, element in enumerate(root.iter()):
        if count >= MAX_COUNTED:
            break
        if isinstance(element.tag, str) and (element.tag in ("aside", "footer") or is_noise(element)):
            boxed = " ".join(text_of(element).split())
            text = text.replace(boxed, " ") if boxed else text
    return text


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
