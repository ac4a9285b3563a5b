"""Chrome by comparison: blocks a site prints around every article, told apart from the article's own text.

Two comparisons: the pages of one article with each other (what every page prints is the template's), and
a one-page article with a page of another article of the same site (what both print is the site's).
"""
from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

from crawler.verify import line_key, shape_key
from pipelines.chrome_boxes import composed, later_page_openers, shared_leads
from pipelines.words import length_in_words

_SPACE = re.compile(r"\s+")
_DIGIT = re.compile(r"\d+")
_NOT_WORD = re.compile(r"[\W_]+")
_HREF = re.compile(r'<a\b[^>]*\bhref="([^"]*)"')
_LINK_TEXT = re.compile(r"<a\b[^>]*>(.*?)</a>", re.S)
# Words of page-position markers: what points from one page to another, in the languages of the sites read.
_MARKER = re.compile(r"\b(?:continu\w*|page|pages|seite|página|pagina|blz|next|previous|suite|fortsetzung|viene|"
                     r"vervolg|continuação|weiter|step|schritt|étape|paso|stap|passo)\b", re.I)
# A copyright notice: the sign, or the legal formula in the languages of the sites read (a closed phrase, as
# short as a signature). People marking pages leave these out wherever a site prints them.
_COPYRIGHT = re.compile(r"©|\(c\)\s*\d{4}|\bcopyright\b|all rights reserved|alle rechte vorbehalten|tous droits réservés|"
                        r"todos los derechos reservados|todos os direitos reservados|tutti i diritti riservati|"
                        r"alle rechten voorbehouden|tüm hakları saklıdır|wszelkie prawa zastrzeżone", re.I)
SHORT_CHROME = 25  # words: a block this short printed on every page of an article is chrome, not text
BOX_SENTENCE = 8  # words: text under a box heading that reads as a sentence, not a label
MARKER_WORDS = 8  # words: the longest page-position marker ("Story continues on page 2")
TEASER_LABEL = 4  # words: the longest label before a teaser's link ("Next in this series")


def norm(text: str | None) -> str:
    """Text compared for equality: case and spacing folded, trailing ellipses dropped."""
    return _norm(text or "")


@lru_cache(maxsize=4096)
def _norm(text: str) -> str:
    """Cached: reassembly folds each block's text several times (header, metadata, chrome and teaser tests)."""
    return _SPACE.sub(" ", text).strip().strip(".…").strip().casefold()


def chrome_by_comparison(pages: list[list[dict]], printed: list[set[int]] | None = None) -> set[tuple[int, int]]:
    """(page, block) positions that are the site's chrome, told by comparing the pages of one article.

    Short blocks printed on every page (mastheads, bylines, review lines, newsletter boxes, teasers), short
    blocks that differ between pages only in their numbers ("Step 2 of 5", "Suite de la page 1"), and short
    blocks at a page's edge naming the page before or after it ("Story continues on page 2").
    ``printed``: per page, the keys (``crawler.verify.line_key``) of every short text the page prints, so a
    block counts as printed on a page even where that page's body reading left it out.
    """
    if len(pages) < 2:
        return set()
    printed = printed if printed and len(printed) == len(pages) and all(printed) else None
    on_pages: dict[str, set[int]] = {}
    shapes: dict[str, set[int]] = {}
    for index, blocks in enumerate(pages):
        for block in blocks:
            key = norm(block["text"])
            on_pages.setdefault(_unspaced(key), set()).add(index)
            if _DIGIT.search(key):
                shapes.setdefault(_DIGIT.sub("#", key), set()).add(index)
    found = set()
    for index, blocks in enumerate(pages):
        for position, block in enumerate(blocks):
            key = norm(block["text"])
            words = length_in_words(key)
            everywhere = words <= SHORT_CHROME and (len(on_pages[_unspaced(key)]) == len(pages) or bool(
                printed and any(all(line_key(t) in lines for lines in printed) for t in _readings(block))))
            numbered = words <= MARKER_WORDS and len(shapes.get(_DIGIT.sub("#", key), ())) >= 2
            # A box of short lines the body reading joined into one block: each line printed on every page.
            boxed = words > SHORT_CHROME and bool(printed) and composed(
                block["text"], lambda t: all(line_key(t) in lines for lines in printed))
            if everywhere or numbered or boxed:
                found.add((index, position))
    found |= _later_page_edges(pages, found) | position_markers(pages)
    for index, blocks in enumerate(pages):
        # A page's edge is where its own text starts and ends: the headline and credits every page repeats
        # above a "continued from the previous page" line are not text, so they do not push it off the edge.
        kept = [position for position in range(len(blocks)) if (index, position) not in found]
        far = len(blocks) + 3  # read as the very top (0) or the very bottom (far - 1) of a long page
        for position in kept:
            key = norm(blocks[position]["text"])
            if _edge_marker(key, index, position, len(blocks), len(pages)) or (
                    position == kept[0] and _edge_marker(key, index, 0, far, len(pages))) or (
                    position == kept[-1] and _edge_marker(key, index, far - 1, far, len(pages))):
                found.add((index, position))
    found |= later_page_openers(pages, found)
    return found - shared_leads(pages, found, lambda text: _unspaced(norm(text)))


def _unspaced(key: str) -> str:
    """A block's text with its spaces and punctuation dropped: the two readings of a page join inline elements
    with or without a space ("9.12am Fact checked" and "9.12amFact checked"), the same text either way."""
    return _NOT_WORD.sub("", key)


def position_markers(pages: list[list[dict]]) -> set[tuple[int, int]]:
    """Short blocks at a page's top or foot whose numbers are that page's number and the article's page count
    ("Pagina 2 van 2", "(2/3)"): checked against the verified chain, so a marker printed on one page only goes too."""
    found = set()
    for index, blocks in enumerate(pages):
        for position in [*range(min(3, len(blocks))), *range(max(3, len(blocks) - 2), len(blocks))]:
            key = norm(blocks[position]["text"])
            numbers = sorted(int(n) for n in _DIGIT.findall(key))
            words = len(_DIGIT.sub(" ", key).split())
            if numbers == sorted((index + 1, len(pages))) and words <= MARKER_WORDS - 2:
                found.add((index, position))
    return found


def _readings(block: dict) -> list[str]:
    """A block's text, and what is left of it without a few words at either end: a pager's words glued to the
    line under it ("‹ Prev Next › Example Inc. All rights reserved.") leave that line, which the other pages
    print on its own. The line left must be most of the block: a stray word every page prints is no proof."""
    words = block["text"].split()
    cut = range(1, min(MARKER_WORDS, len(words) // 2) + 1)
    return [block["text"], *(" ".join(words[n:]) for n in cut), *(" ".join(words[:-n]) for n in cut)]


def template_chrome(blocks: list[dict], template: set[int]) -> set[int]:
    """Positions of blocks another article of the site prints too, and of the links boxed with them.

    A short block that a page of another article also prints is the site's (a box heading, a label, a
    newsletter line); a short block that is mostly one link, next to such a block, is an item of the same box.
    """
    if not template:
        return set()
    def printed(text: str) -> bool:
        return line_key(text) in template or shape_key(text) in template

    found = {n for n, b in enumerate(blocks) if (length_in_words(b["text"]) <= SHORT_CHROME and (
        printed(b["text"]) or _labelled_link(b, template))) or composed(b["text"], printed)}
    found |= _box_lists(blocks, found)
    found |= labelled_boxes(blocks, found)
    grown = True
    while grown:
        grown = False
        for n, block in enumerate(blocks):
            if n not in found and ({n - 1, n + 1} & found) and _boxed_link(block):
                found.add(n)
                grown = True
    return found


def labelled_boxes(blocks: list[dict], found: set[int]) -> set[int]:
    """Headings set right above text the site prints on other articles too (a "Video transcript" over a
    transcript every story carries): the heading names the site's box, not a part of this article. The box's
    text must read as sentences (eight words or more), so a heading over a one-word ad label stays."""
    return {n for n, block in enumerate(blocks[:-1]) if block["tag"].startswith("h") and n not in found
            and n + 1 in found and length_in_words(blocks[n + 1]["text"]) >= BOX_SENTENCE
            and length_in_words(block["text"]) <= MARKER_WORDS}


def version_links(blocks: list[dict], url: str) -> set[int]:
    """Positions of short blocks that only link to other versions of this very page ("Also available in:
    Español", "Print version"): a link whose last path segment is the page's own, at another address."""
    own = _slug(url)
    found = set()
    for n, block in enumerate(blocks):
        hrefs = _HREF.findall(block.get("html") or "")
        if own and hrefs and length_in_words(block["text"]) <= MARKER_WORDS and _boxed_link_or_labelled(block) \
                and all(_slug(h) == own and h.split("#")[0] != url.split("#")[0] for h in hrefs):
            found.add(n)
    return found


def sibling_teasers(blocks: list[dict], url: str, own: set[str]) -> set[int]:
    """Positions of short blocks that are one link, under a short label, to another article of the same site
    ("Also Read: …", "Next in this series: …"): the link's address is shaped like this article's own (same
    host and depth) and is none of its pages. ``own``: the article's page URLs."""
    found = set()
    for n, block in enumerate(blocks):
        text, hrefs = block["text"], _HREF.findall(block.get("html") or "")
        label, colon, rest = text.partition(":")
        if len(hrefs) != 1 or not colon or not rest.strip() or length_in_words(text) > SHORT_CHROME or \
                length_in_words(label) > TEASER_LABEL or not _boxed_link({**block, "text": rest}):
            continue
        if _sibling_address(hrefs[0], url) and _bare(hrefs[0]) not in own:
            found.add(n)
    return found


def own_page_links(blocks: list[dict], url: str, own: set[str]) -> set[int]:
    """Positions of short blocks that are only links to the article's other pages: a pager's words in any
    language ("Précédent", "Vorige"). A link within the page itself (a heading's anchor, a note's "^") is not one."""
    others = own - {_bare(url)}
    found = set()
    for n, block in enumerate(blocks):
        hrefs = _HREF.findall(block.get("html") or "")
        if hrefs and not block["tag"].startswith("h") and length_in_words(block["text"]) <= MARKER_WORDS and \
                _boxed_link(block) and all(_bare(h) in others for h in hrefs):
            found.add(n)
    return found


def _sibling_address(href: str, url: str) -> bool:
    """Whether a link points to another page of the same host whose path is as deep as the URL's."""
    a, b = urlsplit(href), urlsplit(url)
    return a.netloc == b.netloc and a.path.strip("/").count("/") == b.path.strip("/").count("/") and \
        a.path.strip("/") not in ("", b.path.strip("/"))


def _bare(url: str) -> str:
    return url.split("#", 1)[0]


def _slug(url: str) -> str:
    """The last path segment of a URL without its extension ("flu-season" of ".../es/flu-season.html")."""
    path = urlsplit(url).path.rstrip("/")
    last = path.rsplit("/", 1)[-1].split(".")[0]
    return last if len(last) >= 8 and not last.isdigit() else ""  # "index", "page", "2" name no article


def _boxed_link_or_labelled(block: dict) -> bool:
    """Mostly link text, or a label of up to four words then links."""
    words = block["text"].split()
    return _boxed_link(block) or any(_boxed_link({**block, "text": " ".join(words[k:])}) for k in range(1, 5))


def _box_lists(blocks: list[dict], found: set[int]) -> set[int]:
    """The items of a list under a heading the site prints on other articles, when some of them are printed
    there too: a box the site fills from a pool of lines (tips, takeaways), each article showing a few."""
    more: set[int] = set()
    for n, block in enumerate(blocks):
        if n not in found or not block["tag"].startswith("h"):
            continue
        end = n + 1
        while end < len(blocks) and blocks[end]["tag"] == "li" and length_in_words(blocks[end]["text"]) <= SHORT_CHROME:
            end += 1
        if found & set(range(n + 1, end)):
            more |= set(range(n + 1, end))
    return more


def _labelled_link(block: dict, template: set[int]) -> bool:
    """A label the site prints elsewhere too, then a link ("READ MORE: Another Story")."""
    words = block["text"].split()
    for count in range(1, min(4, len(words) - 1) + 1):
        if line_key(" ".join(words[:count])) in template:
            rest = {**block, "text": " ".join(words[count:])}
            return _boxed_link(rest)
    return False


def _boxed_link(block: dict) -> bool:
    """A short block whose text is mostly the text of its links (a list item pointing elsewhere)."""
    text = block.get("text", "")
    if length_in_words(text) > SHORT_CHROME:
        return False
    linked = " ".join(re.sub(r"<[^>]+>", "", t) for t in _LINK_TEXT.findall(block.get("html") or ""))
    return len(_SPACE.sub(" ", linked).strip()) >= 0.5 * len(text.strip())


def _edge_marker(key: str, index: int, position: int, count: int, pages: int) -> bool:
    """A short block at the top or bottom of a page that points to the page before or after it."""
    if length_in_words(key) > MARKER_WORDS or not (position < 3 or position >= count - 2):
        return False
    numbers = {int(n) for n in _DIGIT.findall(key)}
    neighbours = {index, index + 2} & set(range(1, pages + 1))  # page numbers are 1-based, index is 0-based
    return bool(numbers & neighbours and _MARKER.search(key)) or bool(
        not numbers and _MARKER.search(key) and (index < pages - 1 and position >= count - 2 or index and position < 3))


def _later_page_edges(pages: list[list[dict]], found: set[tuple[int, int]]) -> set[tuple[int, int]]:
    """Short blocks at the top of every page but the first, or at the foot of every page but the last.

    That is where a site prints its "continued" lines ("Lees verder", "Haberin devamı"), in whatever words:
    the same line at the same edge of two or more pages, and never on the page it points away from, is the
    template's (one later page only: ``chrome_boxes.later_page_openers``).
    """
    if len(pages) < 3:
        return set()
    tops: dict[str, set[int]] = {}
    feet: dict[str, set[int]] = {}
    for index, blocks in enumerate(pages):
        kept = [n for n in range(len(blocks)) if (index, n) not in found]
        for n in kept[:2]:
            tops.setdefault(norm(blocks[n]["text"]), set()).add(index)
        for n in kept[-2:]:
            feet.setdefault(norm(blocks[n]["text"]), set()).add(index)
    later, earlier = set(range(1, len(pages))), set(range(len(pages) - 1))
    edge = {k for k, on in tops.items() if on == later} | {k for k, on in feet.items() if on == earlier}
    edge = {k for k in edge if k and length_in_words(k) <= MARKER_WORDS}
    return {(index, n) for index, blocks in enumerate(pages) for n, block in enumerate(blocks)
            if norm(block["text"]) in edge and (index, n) not in found}


def copyright_lines(blocks: list[dict]) -> set[int]:
    """Positions of short copyright notices among the last blocks of an article's last page: the site's footer."""
    start = max(0, len(blocks) - 3)
    return {n for n in range(start, len(blocks))
            if length_in_words(blocks[n]["text"]) <= SHORT_CHROME and _COPYRIGHT.search(blocks[n]["text"])}
