"""Readable: a Readability-style second opinion on where the article is, read from the parsed tree.

Readability's method (Arc90, Mozilla Readability.js, readability-lxml): score each paragraph by its
length and commas, credit its parent and grandparent, weigh containers by their class/id and link
density, take the best container and the siblings that score close to it. It sees text that
trafilatura's rules skip (consecutive repeated paragraphs, headings, short articles), so Folio
asks both and keeps the answer they agree on (see ``pipelines.generic``). The tree is only read.
"""
from __future__ import annotations

import re
from functools import lru_cache

from crawler.pagination import text_of

_UNLIKELY = re.compile(
    r"-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|"
    r"menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|"
    r"pagination|pager|popup|yom-remote",
    re.I,
)
_MAYBE = re.compile(r"and|article|body|column|content|main|mathjax|shadow", re.I)
_POSITIVE = re.compile(r"article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story", re.I)
_NEGATIVE = re.compile(
    r"-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|"
    r"outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget",
    re.I,
)
_NEVER_UNLIKELY = {"body", "a", "article", "main", "table", "td", "tr", "tbody"}  # whatever their class or id
_CONDITIONAL = {"div", "section", "ul", "ol", "table", "fieldset"}
_SHARE = re.compile(r"(\b|_)(share|sharedaddy)(\b|_)", re.I)
_UNLIKELY_ROLES = {"menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog"}
_SKIP = {"script", "style", "noscript", "template", "form", "button", "select", "input", "textarea", "iframe",
         "svg", "nav", "aside", "footer", "header", "object", "embed", "link", "meta", "math"}
_SCORED = {"p", "pre", "td", "section", "h2", "h3", "h4", "h5", "h6"}
_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "tr", "dt", "dd", "figcaption"}
_DIVLIKE = {"div", "section", "article", "main", "header", "figure", "ul", "ol", "dl", "table", "tbody", "thead",
            "center", "span", "font"}
# Each element's text during one ``readable_blocks`` call: the tree is only read, so it cannot change.
_TEXTS: dict = {}
_BLOCK_CHILD = {"a", "blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul", "section", "article",
                "h1", "h2", "h3", "h4", "h5", "h6", "figure"}
_TAG_BASE = {"div": 5, "pre": 3, "td": 3, "blockquote": 3, "address": -3, "ol": -3, "ul": -3,
             "dl": -3, "dd": -3, "dt": -3, "li": -3, "form": -3, "h1": -5, "h2": -5, "h3": -5, "h4": -5,
             "h5": -5, "h6": -5, "th": -5}


def readable_container(tree):
    """The element Readability would pick as the article and every candidate's score, or (None, {})."""
    body = tree.find(".//body") if tree.tag != "body" else tree
    if body is None:
        body = tree
    scores: dict = {}
    for element in _paragraphs(body):
        text = _text(element)
        if len(text) < 25:
            continue
        points = 1 + text.count(",") + text.count("，") + min(len(text) // 100, 3)
        for level, ancestor in enumerate(element.iterancestors()):
            if level > 4 or not isinstance(ancestor.tag, str):
                break
            if ancestor not in scores:
                scores[ancestor] = _TAG_BASE.get(ancestor.tag, 0) + class_weight(ancestor)
            scores[ancestor] += points / (1 if level == 0 else 2 if level == 1 else level * 3)
            if ancestor is body:
                break
    if not scores:
        return None, {}
    # Link density only for the contenders: it reads every link's text.
    contenders = sorted(scores, key=scores.get, reverse=True)[:8]
    linked: dict = {}  # each link read once, not once per contender, and only the contenders' links
    ranked = {el: scores[el] * (1 - link_density(el, linked)) for el in contenders}
    ranked.update((el, score) for el, score in scores.items() if el not in ranked)
    return _settle(max(contenders, key=ranked.get), ranked, body), ranked


def _settle(best, ranked: dict, body):
    """Readability's climb: up to a parent that scores more, or that holds several near-best candidates."""
    top = sorted(ranked, key=ranked.get, reverse=True)[1:5]
    close = [el for el in top if ranked[el] >= ranked[best] * 0.75]
    if len(close) >= 3:
        for ancestor in best.iterancestors():
            if ancestor is body:
                break
            if sum(1 for el in close if ancestor in set(el.iterancestors())) >= 3:
                best = ancestor
                break
    last, parent = ranked.get(best, 0.0), best.getparent()
    while parent is not None and parent is not body:
        if parent in ranked:
            if ranked[parent] < last / 3:
                break
            if ranked[parent] > last:
                best = parent
                break
            last = ranked[parent]
        parent = parent.getparent()
    while (parent := best.getparent()) is not None and parent is not body and len(parent) == 1:
        best = parent
    return best


def readable_blocks(tree) -> list[dict]:
    """The Readability-style article's blocks {tag, text} in reading order; [] when nothing scores."""
    try:
        return _blocks(tree)
    finally:
        _TEXTS.clear()  # the texts hold the page's elements: they live for one reading only


def _blocks(tree) -> list[dict]:
    best, ranked = readable_container(tree)
    if best is None:
        return []
    blocks: list[dict] = []
    parent = best.getparent()
    siblings = list(parent) if parent is not None else [best]
    threshold = max(10.0, ranked.get(best, 0.0) * 0.2)
    for sibling in siblings:
        if sibling is best or _belongs(sibling, best, ranked, threshold):
            if sibling.tag in _BLOCKS:
                _collect_one(sibling, blocks)
            else:
                _collect(sibling, blocks)
    return blocks


def _belongs(sibling, best, ranked: dict, threshold: float) -> bool:
    """A sibling of the best container that Readability appends to the article."""
    if not isinstance(sibling.tag, str):
        return False
    bonus = ranked.get(best, 0.0) * 0.2 if best.get("class") and sibling.get("class") == best.get("class") else 0
    if sibling in ranked and ranked[sibling] + bonus >= threshold:
        return True
    if sibling.tag == "p":
        text = _text(sibling)
        density = link_density(sibling)
        return (len(text) > 80 and density < 0.25) or (0 < len(text) <= 80 and density == 0
                                                       and re.search(r"\.( |$)", text) is not None)
    return False


def _collect_one(element, blocks: list[dict]) -> None:
    text = _text(element)
    if text and not _chrome(element):
        blocks.append({"tag": _block_tag(element.tag), "text": text, "element": element})


def _paragraphs(body):
    """Scorable elements of the visible, likely part of the page (unlikely containers skipped)."""
    stack = [body]
    while stack:
        element = stack.pop()
        for child in reversed(element):
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP or _unlikely(child):
                continue
            if tag in _SCORED or (tag == "div" and not any(
                    isinstance(c.tag, str) and c.tag in _BLOCK_CHILD for c in child)):
                yield child
                if tag in ("td", "section", "div"):
                    stack.append(child)
            else:
                stack.append(child)


def _unlikely(element) -> bool:
    if element.get("role") in _UNLIKELY_ROLES:
        return True
    if element.tag in _NEVER_UNLIKELY:  # before the marker is built: links are a good share of a page's elements
        return False
    marker = f"{element.get('class', '')} {element.get('id', '')}"
    return marker != " " and _unlikely_marker(marker)


@lru_cache(maxsize=4096)
def _unlikely_marker(marker: str) -> bool:
    """Cached: a page repeats a few class names on many elements, and these regexes are long."""
    return bool(_UNLIKELY.search(marker)) and not _MAYBE.search(marker)


def class_weight(element) -> int:
    """Readability's class/id weight: +25 for article-like names, -25 for chrome-like names."""
    return _name_weight(element.get("class")) + _name_weight(element.get("id"))


@lru_cache(maxsize=4096)
def _name_weight(value: str | None) -> int:
    if not value:
        return 0
    return (25 if _POSITIVE.search(value) else 0) - (25 if _NEGATIVE.search(value) else 0)


def link_density(element, linked: dict | None = None) -> float:
    """Share of the element's text that sits inside links (``linked``: link text lengths, filled as read)."""
    length = len(_text(element))
    if not length:
        return 0.0
    if linked is None:
        return sum(len(_text(a)) for a in element.iter("a")) / length
    total = 0
    for a in element.iter("a"):
        if a not in linked:
            linked[a] = len(_text(a))
        total += linked[a]
    return total / length


def _collect(element, blocks: list[dict], top: bool = False) -> None:
    """Blocks of a container: block elements whole, loose text of divs as paragraphs, chrome skipped."""
    _loose(element.text, blocks)
    for child in element:
        tag = child.tag
        if isinstance(tag, str) and tag not in _SKIP and not _chrome(child):
            if tag in _BLOCKS:
                text = _text(child)
                if text:
                    blocks.append({"tag": _block_tag(tag), "text": text, "element": child})
            elif tag in _DIVLIKE or tag == "td":
                _collect(child, blocks)
            else:
                _loose(text_of(child), blocks, child)
        _loose(child.tail, blocks)


def _chrome(element) -> bool:
    """Sharing widgets, link lists and teaser boxes inside the article (Readability's conditional cleaning)."""
    marker = f"{element.get('class', '')} {element.get('id', '')}"
    if marker != " " and (_unlikely(element) or (_SHARE.search(marker) and len(_text(element)) < 500)):
        return True
    if element.tag not in _CONDITIONAL:
        return False
    weight = class_weight(element)
    if weight < 0:
        return True
    text = _text(element)
    if text.count(",") >= 10:
        return False
    if element.tag == "table" and (element.find(".//th") is not None or element.find("caption") is not None):
        return False  # a data table
    paragraphs = len(element.findall(".//p"))
    images = len(element.findall(".//img"))
    items = len(element.findall(".//li")) - 100
    inputs = len(element.findall(".//input"))
    embeds = len(element.findall(".//object")) + len(element.findall(".//embed")) + len(element.findall(".//iframe"))
    is_list = element.tag in ("ul", "ol")
    density = link_density(element)
    if is_list and _pager(element):
        return True
    return (
        (images > 1 and paragraphs / images < 0.5)
        or (not is_list and items > paragraphs)
        or inputs > paragraphs // 3
        or (not is_list and len(text) < 25 and (images == 0 or images > 2) and density > 0)
        or (not is_list and weight < 25 and density > 0.2)
        or (weight >= 25 and density > 0.5)
        or (embeds == 1 and len(text) < 75) or embeds > 1
    )


def _pager(element) -> bool:
    """A list of one- or two-word items, mostly links: page numbers or a menu."""
    items = element.findall(".//li")
    links = len(element.findall(".//li//a"))
    return bool(items) and links * 2 >= len(items) and all(len(_text(item).split()) <= 2 for item in items)


def _block_tag(tag: str) -> str:
    if tag in ("h1", "h2", "h3", "h4"):
        return "h2" if tag == "h1" else tag
    return {"h5": "h4", "h6": "h4", "tr": "p", "dt": "p", "dd": "p", "figcaption": "p"}.get(tag, tag)


def _loose(text: str | None, blocks: list[dict], element=None) -> None:
    text = " ".join((text or "").split())  # as _SPACE.sub(" ", text).strip(): str.split() splits on \s
    if not text:
        return
    if blocks and blocks[-1]["tag"] == "p" and blocks[-1].get("loose"):
        blocks[-1]["text"] += " " + text  # inline runs of one paragraph (<b>, <a>, text) stay one block
    else:
        blocks.append({"tag": "p", "text": text, "loose": True})


def _text(element) -> str:
    """The element's text, spaces collapsed; read once per reading (a quarter of the asks are repeats)."""
    text = _TEXTS.get(element)
    if text is None:
        text = _TEXTS[element] = " ".join(text_of(element).split())
    return text
