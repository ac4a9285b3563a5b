"""Where credits are printed: the short lines under a page's headline and after its text's last paragraph."""
from __future__ import annotations

import re
from collections import Counter

from lxml import etree

from pipelines.bylines import LONGEST, byline_names, lone_label, sentence_credit

_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+")

HEAD_LINES = 8  # short texts read after the headline: a dek, a byline, a dateline, a reading time
_BLOCKS = {"p", "div", "h2", "h3", "h4", "h5", "h6", "address", "header", "section", "li", "footer", "aside",
           "ul", "ol", "figure", "figcaption", "article", "main", "blockquote", "table"}
_SPLITTABLE = {"span", "time", "a", "em", "strong", "small", "b", "i"}
PROSE = 40  # words: the longest standfirst
PROSE_WORDS = 15  # words: after the first line, a line this long is the text
_PARTS = re.compile(r"\s+[—–|·•]\s+")


_last: tuple = (None, [])  # the last tree read and its lines: a page's byline, date and report each ask for them


def head_lines(root) -> list[str]:
    """The short texts printed right after the page's first <h1>, in order, until the text starts.

    Each element with no block inside gives one line; its inline children that carry text of their own
    (a name span beside a date span) give one line each as well, since sites put both in one box.
    A parsed page is only read, never changed, so the lines of the tree read last are kept for it.
    """
    global _last
    read, lines = _last  # one read of the pair: another thread may replace it meanwhile
    if root is None or root is not read:
        lines = _head_lines(root)
        _last = (root, lines)
    return list(lines)


def _head_lines(root) -> list[str]:
    heading = next(iter(root.iter("h1")), None) if root is not None else None
    if heading is None:
        return []
    found: list[str] = []
    for element in _after(heading):
        if not isinstance(element.tag, str):
            continue
        if element.tag in _SPLITTABLE:  # an inline element is a line of its own only beside blocks
            parent = element.getparent()
            if parent is None or parent.tag in _SPLITTABLE or not _has_block(parent):
                continue
        elif element.tag not in _BLOCKS or _has_block(element):
            continue
        text = _SPACE.sub(" ", element.text_content()).strip()
        if not text:
            continue
        if len(found) >= HEAD_LINES:
            break
        parts = [_SPACE.sub(" ", c.text_content()).strip() for c in element if c.tag in _SPLITTABLE]
        if len(text.split()) > (PROSE if not found else PROSE_WORDS) and \
                not (found and any(byline_names(line) for line in (text, *parts[:3]))):
            break  # a long first line may be a standfirst; a long later one is the text, unless it names people
        found.append(text)
        if len([p for p in parts if p]) >= 2:
            found.extend(p for p in parts if p and p != text)
    return found


_FOLLOWING = etree.XPath("following::*[position() <= 400]")  # elements after one, its own inside not among them
TAIL_LINES = 8  # short texts read after the text's last paragraph: credits, a review line, a date, a share bar


# Paragraphs that may hold PROSE_WORDS words: words and one space between each, so many characters at least.
_LONG_ENOUGH = etree.XPath(f"descendant-or-self::p[string-length(normalize-space()) >= {2 * PROSE_WORDS - 1}]")
_last_tail: tuple = (None, None, [])  # as for head_lines: a page's byline and date both read its tail


def tail_lines(root, aside) -> list[str]:
    """The short texts printed after the page's last paragraph of text, in order: where credits sit at an article's end.

    ``aside(element)``: whether an element sits in a box about other things (related stories, comments), skipped.
    """
    global _last_tail
    read, asked, lines = _last_tail  # one read of the triple: another thread may replace it meanwhile
    if root is None or root is not read or aside is not asked:
        lines = _tail_lines(root, aside)
        _last_tail = (root, aside, lines)
    return list(lines)


def _tail_lines(root, aside) -> list[str]:
    # The text's last paragraph: a long one beside another long one (a lone long line is a banner or a notice).
    # Counted in C first: text_content() of every short paragraph of a page would cost more than the rest here.
    long = [p for p in _LONG_ENOUGH(root) if len(p.text_content().split()) >= PROSE_WORDS] if root is not None else []
    runs = Counter(p.getparent() for p in long)
    last = next((p for p in reversed(long) if runs[p.getparent()] >= 2 and not aside(p)), None)
    found: list[str] = []
    for element in _FOLLOWING(last) if last is not None else ():
        if element.tag not in _BLOCKS or _has_block(element) or aside(element):
            continue
        text = _SPACE.sub(" ", element.text_content()).strip()
        if len(text.split()) > LONGEST or len(found) >= TAIL_LINES:
            break  # more text, or far from the article's end
        if text and not _all_links(element, text):  # a pager or share bar of links credits no one
            found.append(text)
    return found


def lines_of(element) -> list[str]:
    """An element's text, one entry per block inside it or <br>: string() joins "By A" and "May 4" into "AMay 4"."""
    lines = [""]

    def walk(node, top: bool = False) -> None:
        tag = node.tag.rpartition("}")[2] if isinstance(node.tag, str) else ""  # an XHTML page's tags have a namespace
        block = tag in _BLOCKS or tag == "br"
        if block:
            lines.append("")
        if isinstance(node.tag, str):  # a comment's text is no part of the page's
            lines[-1] += node.text or ""
            for child in node:
                walk(child)
        if block:
            lines.append("")
        if not top:
            lines[-1] += node.tail or ""

    walk(element, top=True)
    return [text for text in (_SPACE.sub(" ", line).strip() for line in lines) if text]


def box_credit(element) -> str:
    """The line of a byline box that names its writers: the first that reads as a byline, else its lines joined;
    "" when every line is a sentence about someone (a writer's bio, "A writes about medicines.") or the box holds only
    a label ("By"): neither credits anyone."""
    lines = lines_of(element)
    # A box may set its credits on one line between dashes or bars ("Reviewed by A — Written by B — Updated …").
    parts = [part for line in lines for part in dict.fromkeys([line, *_PARTS.split(line)])]
    named = next((part for part in parts if byline_names(part)), None)  # a bare tagline in a box is no byline
    if named:
        return without_role(element, named)
    text = " ".join(lines)
    return "" if lone_label(text) or (lines and all(_sentence(line) for line in lines)) else text


# A child marked as a name's part ("family-name", itemprop=name) holds a name, whatever words it prints.
_NAME_PART = re.compile(r"name", re.I)


def without_role(element, line: str) -> str:
    """The byline ``line`` without the words an inline child sets after its last name ("By Ann Lee <span>Communications
    Officer</span>"): the markup ends the name where the box's own text of a whole name ends and the child begins.

    Capitalized words after a name read as more of it, and job words exist in every language, so only the page's own
    markup can say where a name stops. A name set in parts ("Mary Anne <span>de la Cruz</span>", a "family-name"
    span) keeps them: the part before the child must be a whole name of two words or more, and the child opens with
    a capital and is not marked as a name."""
    for child in element.iter(*_SPLITTABLE):
        words = _SPACE.sub(" ", child.text_content()).strip()
        if not words[:1].isupper() or not line.endswith(f" {words}") or _NAME_PART.search(
                f"{child.get('class', '')} {child.get('itemprop', '')}"):
            continue
        before = line[:-len(words)].rstrip()
        previous = child.getprevious()
        own = _SPACE.sub(" ", (previous.tail if previous is not None else child.getparent().text) or "").strip()
        cut, whole = byline_names(before), byline_names(line)
        if cut and len(cut) == len(whole) and whole[-1] == f"{cut[-1]} {words}" and len(cut[-1].split()) >= 2 \
                and own.endswith(cut[-1]):
            return before
    return line


def _sentence(line: str) -> bool:
    """A line that reads as prose: it ends with a full stop and runs through several lowercase words."""
    lowercase = sum(1 for word in line.split() if word[:1].islower())
    return line.endswith((".", "!", "?")) and lowercase >= 3 and not sentence_credit(line)


def rel_author_names(anchors: list) -> list[str]:
    """The names of the page's first rel=author links (``anchors``, in page order): those in the block holding the first.

    A page links its writers from its byline and, further down, the writers of other posts (teasers, author
    boxes with "More articles" links): the byline comes first, and its links share one block."""
    links = [a for a in anchors if "".join(a.itertext()).strip()]
    if not links:
        return []
    box = next((b for b in links[0].iterancestors() if b.tag in _BLOCKS), links[0].getroottree().getroot())
    texts = [_SPACE.sub(" ", "".join(a.itertext())).strip() for a in links if a is links[0] or _inside(a, box)]
    # "See all posts by A →" names A; a bare handle ("user5105") is kept as the page prints it.
    return list(dict.fromkeys(name for text in texts for name in (byline_names(text) or [text])))


def _all_links(element, text: str) -> bool:
    """Every word of the element's text is the text of one of its links."""
    linked = " ".join(a.text_content() for a in element.iter("a"))
    return bool(linked.strip()) and len(_WORD.findall(linked)) >= len(_WORD.findall(text))


def _after(element, most: int = 400):
    """The elements after ``element`` in document order (not its own descendants), at most ``most`` of them."""
    # The following axis: the later siblings of the element and of each of its ancestors, each with what it
    # holds; walked from the element up, so the page before it is never visited.
    count = 0
    while element is not None:
        for sibling in element.itersiblings():
            for node in sibling.iter():
                count += 1
                if count > most:
                    return
                yield node
        element = element.getparent()


def _inside(node, ancestor) -> bool:
    return any(a is ancestor for a in node.iterancestors())


def _has_block(element) -> bool:
    return any(isinstance(d.tag, str) and d.tag in _BLOCKS for d in element.iterdescendants())


def standfirst(head: list[str], dated) -> str | None:
    """The first line under the headline when a byline or dateline follows it: the dek, set above the credits."""
    if len(head) < 2 or not 4 <= len(head[0].split()) <= PROSE or byline_names(head[0]) or dated(head[0]):
        return None
    # A box whose own parts are the byline or the date ("By A, Nairobi" + "May 2, 2022") is the credits, not a dek.
    if any(line in head[0] and (byline_names(line) or dated(line)) for line in head[1:4]):
        return None
    return head[0] if any(byline_names(line) or dated(line) for line in head[1:4]) else None


def dated_box_names(lines: list[str], dated) -> list[str]:
    """Bare names printed in one box with a dateline ("Ann Lee" beside "Apr 4, 2024"), as the box's lines show them."""
    for box in lines:
        if not any(part != box and part in box and dated(part) for part in lines):
            continue
        for line in lines:
            names = byline_names(line, vouched=True) if line != box and line in box and not dated(line) else []
            if names:
                return names
    return []
