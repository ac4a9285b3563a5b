"""How many pages an article announces: its count ("Page 1 of 3"), else the highest number its pager links.

A count is a claim about the article, and the page that prints it can contradict it, so each is checked
against what the page itself shows before it is believed:

- its position: printed on the article's first page, a count must call this page 1 ("Part 2 of 2" in a
  series banner numbers the series); printed as a link's text it names the link's target, so it counts this
  article only when it names page 2 ("Page 2 of 3"), the page after this one;
- its own links: a count whose own box links its next number ("Results page 1 of 3 · Page 2") counts what
  that link pages through, unless the page's pager numbers that link as a page of the article;
- its place: a count with no link of its own is the article's only where the article is, between its
  headline and the end of its text, not in a column beside it.

A count that fails is no count; the highest number the page's own pager links (``numbered``: the pager links
the page would follow) is then the announcement. What the fetched pages turn out to be settles the rest.
"""
from __future__ import annotations

import re
from urllib.parse import unquote

from lxml import etree

from crawler.continuation import is_noise, url_step
from crawler.pagination import text_of
from crawler.textslots import last_of_text

# "Page 2 of 5" / "Step 1 of 5" / "Seite 1 von 4": how many pages the article has.
_OF_N = re.compile(r"\b(?:page|step|part|seite|página|pagina|slide)\s+(\d{1,2})\s*(?:of|/|von|de|sur|van)\s*(\d{1,2})\b",
                   re.I)
_NUMBER = re.compile(r"\d+")
MAX_COUNTED = 4000  # elements looked at for boxes whose text does not count the article's pages
BOX_WORDS = 20  # a count's box (a pager, a "Results page 1 of 3" line) is short: a longer parent is the page
LINK_DEPTH = 6  # ancestors looked at for the link a count is printed in
_NAMED = etree.XPath("//*[@id=$name] | //a[@name=$name]", smart_strings=False)
_NAMED_AFTER = etree.XPath("following::*[@id=$name or (self::a and @name=$name)]", smart_strings=False)
_FIRST_H1 = etree.XPath("(//h1)[1]", smart_strings=False)


def announced_pages(root, text: str, anchors: list[tuple], url: str, blocks: list[dict],
                    numbered: dict[int, str]) -> tuple[int | None, list[str]]:
    """How many pages the article announces, read on its first page, and the links printed with its count
    (``text``: the page's text; ``anchors``: (element, URL, text) of its links; ``blocks``: its body blocks;
    ``numbered``: its pager links by number). A count's own links are where it says the article goes on: when
    the chain fetched them and they proved to be something else, the count counted something else too."""
    counted = counted_text(root, text)[:20000]
    resolved = {anchor: target.split("#", 1)[0] for anchor, target, _ in anchors}
    wanted = set(numbered.values())
    count, box = printed_count(root, counted, blocks, {a: u for a, u in resolved.items() if u in wanted})
    if count:
        return count, list(dict.fromkeys(resolved[a] for a in box if a in resolved))
    return highest_numbered(past_the_text(anchors, root, blocks), url, wanted), []


def printed_count(root, counted: str, blocks: list[dict], pages: dict) -> tuple[int | None, list]:
    """N of the first "page 1 of N" printed for this article, or of a link "page 2 of N", and the links of the
    count's box; None when no count the page prints survives its checks (``pages``: link element -> URL, for
    the links its pager numbers as pages of the article)."""
    printed = [(int(m.group(1)), int(m.group(2))) for m in _OF_N.finditer(counted)]
    printed = [(k, n) for k, n in printed if 1 <= k <= n <= 50]
    if not printed:
        return None, []
    places = _places(root) if root is not None else []
    region = _region(root, blocks) if root is not None else None
    linked = []
    for k, n in printed:
        element = next((p for p in places if p[1:] == (k, n)), None)
        if element is not None:
            places.remove(element)
            element = element[0]
        if element is not None and _in_link(element):
            linked.append((k, n))  # it names the link's target as page k
        elif k == 1 and (element is None or _believed(element, k, region, pages)):
            return n, [] if element is None else list(_box(element).iter("a"))
    return next((n for k, n in linked if k == 2), None), []


def _believed(element, k: int, region, pages: dict) -> bool:
    """Whether a count printed in ``element`` counts the article: its own link to page k + 1 is a page of the
    article, or, with no such link, it is printed inside the article's ``region`` (None: not known)."""
    wanted = str(k + 1)
    own = [a for a in _box(element).iter("a") if _NUMBER.findall(text_of(a)) == [wanted]]
    if own:
        return any(a in pages for a in own)
    return region is None or region is element or any(a is region for a in element.iterancestors())


def _box(element):
    """The count's own box: its element, or the short pager around it when the element itself links nothing
    ("<span>Page 1 of 3</span> <a>2</a>")."""
    parent = element.getparent()
    if not any(True for _ in element.iter("a")) and parent is not None and len(text_of(parent).split()) <= BOX_WORDS:
        return parent
    return element


def _places(root) -> list[tuple]:
    """(element, k, N) of each count an element prints in its own text (not its children's), in page order,
    outside the boxes ``counted_text`` leaves out (a box's "Part 1 of 3" is not the one the text holds)."""
    found, boxed = [], set()
    for count, element in enumerate(root.iter()):
        if count >= MAX_COUNTED:
            break
        if not isinstance(element.tag, str):
            continue
        if element.getparent() in boxed or element.tag in ("aside", "footer") or is_noise(element):
            boxed.add(element)  # document order: a box is met before what it holds
            continue
        own = (element.text or "") + "".join(child.tail or "" for child in element)
        for match in _OF_N.finditer(own):
            found.append((element, int(match.group(1)), int(match.group(2))))
    return found


def _in_link(element) -> bool:
    return element.tag == "a" or any(a.tag == "a" for _, a in zip(range(LINK_DEPTH), element.iterancestors()))


def _region(root, blocks: list[dict]):
    """The smallest element holding the page's first headline and the end of its text, or None."""
    headline, last = next(iter(_FIRST_H1(root)), None), last_of_text(root, blocks)
    if headline is None or last is None:
        return None
    around = {headline, *headline.iterancestors()}  # held here, so lxml hands back these very elements below
    return next((a for a in (last, *last.iterancestors()) if a in around), None)


def highest_numbered(anchors: list[tuple], url: str, pages: set[str]) -> int | None:
    """The highest number the page's pager links as a page of the article: a link whose text is its number, its
    URL this one with that number, and one the pager would follow (a comments pager's ``?cpage=3`` is not)."""
    highest = None
    for _, target, text in anchors:  # (element, URL, text), as continuation.with_text gives them
        if text.isdigit() and 1 < int(text) <= 50 and target.split("#", 1)[0] in pages:
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
