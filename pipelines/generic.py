"""Generic body extraction: trafilatura's article tree, read into Folio's blocks without losing text.

trafilatura's HTML output puts ``<pre>`` inside ``<p>`` and quotes around paragraphs; an HTML parser
then splits those paragraphs and drops text. Reading its XML tree directly keeps every word.
"""
from __future__ import annotations

import html
import re
from urllib.parse import urljoin

import lxml.html
import nh3
import trafilatura
from lxml import etree
from trafilatura.settings import Extractor

try:  # trafilatura's stages, run by _trafilatura_body without its defensive copies
    from copy import copy

    from trafilatura.baseline import baseline
    from trafilatura.core import _forum_thread_page
    from trafilatura.htmlprocessing import convert_tags, tree_cleaning
    from trafilatura.main_extractor import extract_content
    from trafilatura.xpaths import RAW_TREE_PRUNE_XPATH, REMOVE_COMMENTS_AND_LISTS_XPATH

    from pipelines.body_prune import attribute_values, prune
    _STAGES = True
except ImportError:  # another trafilatura layout: bare_extraction does the same work, copies included
    _STAGES = False

from pipelines.readable import readable_blocks
from pipelines.tables import unwrap_layout_tables
from pipelines.vote import VOTE, Vote, annotate, choose

_SPACE = re.compile(r"\s+")
_HI = {"#b": "strong", "#i": "em", "#t": "code", "#sub": "sub", "#sup": "sup"}
_MAYBE_HIDDEN = etree.XPath(  # found by their attributes (a third cheaper than testing every element's)
    # a style can hide only if it says "none" or "hidden" (the regex below decides): most styles are not read
    "//@hidden/.. | //@aria-hidden[.='true']/.. | //@style[contains(translate(., 'NOEHID', 'noehid'), 'none')"
    " or contains(translate(., 'NOEHID', 'noehid'), 'hidden')]/.."
)
_CODE = ("style", "template", "noscript", "script")  # code, not text (JSON-LD stays): one walk by tag, not four
# The same options for every page, built once (trafilatura builds them per call when given as arguments).
# recall: as good as the standard balance once voted (0.920 vs 0.921 passage F1) and 20% cheaper. "xml": Folio
# reads the body tree only, so trafilatura is not asked to render it as plain text too (its "python" format does).
_OPTIONS = Extractor(output_format="xml", fast=True, recall=True, comments=False, tables=True, images=False,
                     links=True, with_metadata=False)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>")
# lxml.html's own parser picks each element's class in Python, once per element object made (millions per
# corpus); this lookup runs in C. Only form elements lose their form-field classes, which nothing here uses.
_PARSER = lxml.html.HTMLParser()
_PARSER.set_element_class_lookup(etree.ElementDefaultClassLookup(
    element=lxml.html.HtmlElement, comment=lxml.html.HtmlComment, pi=lxml.html.HtmlProcessingInstruction,
    entity=lxml.html.HtmlEntity))
_HIDING_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_HREF = re.compile(r'href="([^"]*)"')
# An ASCII http(s) link with a host, no user, fragment, params or empty query: urljoin's parse would only
# rebuild it unchanged (most links of a page are such; the parse is a third of rendering a block).
_PLAIN_LINK = re.compile(r"https?://[A-Za-z0-9.-]+(?::[0-9]*)?(?:/[!-\"$-:<->@-Z\\^-~]*)?(?:\?[!-\"$-:<-Z\\^-~?]+)?")
# What urljoin gives back unchanged after a plain URL's origin or whole: no dot segment, query, parameter or space.
_PLAIN_PATH = re.compile(r"/(?!/)[A-Za-z0-9\-._~%!$&'()*+,=:@/]*")
_PLAIN_FRAGMENT = re.compile(r"#[A-Za-z0-9\-._~%!$&'()*+,=:@/?]+")
_DOT_SEGMENT = re.compile(r"/\.\.?(?:/|$)")
_ORIGIN = re.compile(r"https?://[A-Za-z0-9.-]+(?::[0-9]*)?")
_INLINE = {"a", "em", "strong", "b", "i", "br", "sub", "sup", "code"}  # kept in a block; the rest becomes text
# Built once: nh3.clean builds its sanitizer from these options on every call, which cost as much as the cleaning.
clean_inline = nh3.Cleaner(tags=_INLINE, attributes={"a": {"href"}}, url_schemes={"http", "https", "mailto"},
                           link_rel="nofollow noopener").clean


def generic_blocks(page_html: str, url: str, *, tree=None, vote: Vote = VOTE) -> list[dict]:
    """The article's blocks without a site profile: trafilatura's and Readability's readings, voted.

    ``tree``: the page already parsed by ``visible_tree`` (it is only read here).
    """
    tree = visible_tree(page_html) if tree is None else tree
    if tree is None:
        return _finish(trafilatura_blocks(page_html, url), url)
    readable = readable_blocks(tree)
    extracted = trafilatura_blocks(tree, url)  # trafilatura copies a tree it is given before pruning it
    chosen = choose(extracted, readable, annotate(extracted, readable), vote)
    if chosen is extracted:
        return _finish(extracted, url)
    # trafilatura's lead blocks carry its XML element ("skip_nested"), the other reading's an HTML one
    return [_finish([block], url)[0] if "skip_nested" in block or "html" in block else _with_html(block, url)
            for block in chosen]


def _with_html(block: dict, url: str) -> dict:
    element = block.pop("element", None)
    for key in ("loose", "novel", "words"):
        block.pop(key, None)
    if element is None:
        block["html"] = html.escape(block["text"])
        return block
    raw = etree.tostring(element, encoding="unicode", method="html", with_tail=False)
    start, end = raw.find(">") + 1, raw.rfind("<")
    inner = clean_inline(raw[start:end] if 0 < start <= end else "").strip()
    block["html"] = _HREF.sub(lambda m: f'href="{_absolute(url, html.unescape(m.group(1)))}"', inner) or \
        html.escape(block["text"])
    return block


def _absolute(url: str, href: str) -> str:
    """``urljoin(url, href)``; a plain absolute link is returned as written, which is what urljoin gives back, and
    against a plain page URL a plain path ("/a/b.html") or fragment ("#note-1") is joined as urljoin joins it."""
    if url and _PLAIN_LINK.fullmatch(href):
        return href
    if url and (_PLAIN_FRAGMENT.fullmatch(href) or _PLAIN_PATH.fullmatch(href)) and not _DOT_SEGMENT.search(href) \
            and _PLAIN_LINK.fullmatch(url):  # urljoin's split and rebuild would cost more than the rest of the block
        return (url if href[:1] == "#" else _ORIGIN.match(url).group(0)) + href
    return urljoin(url, href)


def trafilatura_blocks(page_html, url: str) -> list[dict]:
    """The article's blocks as trafilatura finds them: favor_recall, links and tables kept.

    Paragraph blocks carry their trafilatura element until ``_finish`` renders the chosen ones' HTML.
    No ``url`` for trafilatura: it would resolve every link of the page, and ``_finish`` resolves
    only the links of the blocks kept.
    """
    if _STAGES and isinstance(page_html, lxml.html.HtmlElement):
        body = _trafilatura_body(page_html)
    else:
        document = trafilatura.bare_extraction(page_html, options=_OPTIONS)
        body = None if document is None else document.body
    if body is None:
        return []
    blocks: list[dict] = []
    _walk(body, blocks)
    return blocks


def _trafilatura_body(tree):
    """``bare_extraction(tree, options=_OPTIONS).body``, its stages run on one copy of the tree instead of three.

    With these options (fast, recall, no comments, no metadata) trafilatura copies the tree it is given,
    copies it again to clean it and once more for a fallback that fast mode never runs; the raw tree is
    read again only when the text is short (its baseline rescue), so it is rebuilt then.
    Tests check the result against ``bare_extraction`` itself.
    """
    values = attribute_values(tree)
    try:
        body, text = extract_content(convert_tags(tree_cleaning(_raw(tree, values), _OPTIONS), _OPTIONS, None),
                                     _OPTIONS)
        if len(text) < _OPTIONS.min_extracted_size:
            rescued, rescued_text, length = baseline(_raw(tree, values))
            if length > len(text):
                body, text = rescued, rescued_text
    except (TypeError, ValueError):  # what bare_extraction reports as "discarding data"
        return None
    return body if len(text) >= _OPTIONS.min_output_size else None


def _raw(tree, values: dict[str, str]):
    """A copy of the page as trafilatura's sequence starts from: appended articles and comment sections pruned."""
    raw = copy(tree)
    forum = _forum_thread_page(raw)  # a forum's comments are its posts
    prune(raw, RAW_TREE_PRUNE_XPATH, values)  # ``values``: the page's ids and classes, read before any prune
    if not forum:
        prune(raw, REMOVE_COMMENTS_AND_LISTS_XPATH, values)
    return raw


def _finish(blocks: list[dict], url: str) -> list[dict]:
    """Render each block's inline HTML, hrefs made absolute (trafilatura keeps them as written)."""
    for block in blocks:
        if "element" in block:
            block["html"] = _inline_html(block.pop("element"), block.pop("skip_nested"))
        block["html"] = _HREF.sub(lambda m: f'href="{_absolute(url, html.unescape(m.group(1)))}"', block["html"])
    return blocks


def visible_tree(page_html: str):
    """The page parsed, minus what a reader never sees (hidden, display:none, visibility:hidden, code)."""
    try:
        # An XHTML page's "<?xml ... encoding=...?>" makes lxml refuse an already decoded string.
        tree = lxml.html.fromstring(_XML_DECLARATION.sub("", page_html, count=1), parser=_PARSER)
    except (etree.ParserError, ValueError):
        return None  # unparseable here: trafilatura reports what it can
    for element in _MAYBE_HIDDEN(tree):
        if element.getparent() is not None and element.tag != "body" and (
                element.get("hidden") is not None or element.get("aria-hidden") == "true"
                or _HIDING_STYLE.search(element.get("style") or "")):
            element.drop_tree()
    for element in list(tree.iter(_CODE)):  # listed first: dropping while iterating would skip elements
        if element.getparent() is not None and not (
                element.tag == "script" and element.get("type") == "application/ld+json"):
            element.drop_tree()
    unwrap_layout_tables(tree)  # a layout grid's cells are boxes, not data: each row would read as one paragraph
    return tree


def _walk(element, blocks: list[dict]) -> None:
    """Append a block for each paragraph-like child; recurse into containers."""
    _loose(element.text, blocks)
    for child in element:
        tag = child.tag
        if tag == "p" or tag == "code":
            _add(blocks, "p" if tag == "p" else "pre", child)
        elif tag == "head":
            _add(blocks, _heading(child.get("rend")), child)
        elif tag == "list":
            for item in child.iter("item"):
                _add(blocks, "li", item, skip_nested="list")
        elif tag == "quote":
            _add(blocks, "blockquote", child)
        elif tag == "table":
            for row in child.iter("row"):
                cells = [_text(cell) for cell in row.iter("cell")]
                text = " ".join(c for c in cells if c)
                if text:
                    blocks.append({"tag": "p", "text": text, "html": html.escape(text)})
        elif tag not in ("graphic", "lb", "ref", "hi"):
            _walk(child, blocks)
        else:
            _loose(_text(child), blocks)
        _loose(child.tail, blocks)


def _heading(rend: str | None) -> str:
    level = int(rend[1]) if rend and re.fullmatch(r"h[1-6]", rend) else 2
    return f"h{min(max(level, 2), 4)}"


def _add(blocks: list[dict], tag: str, element, skip_nested: str | None = None) -> None:
    text = _text(element, skip_nested)
    if text:
        blocks.append({"tag": tag, "text": text, "element": element, "skip_nested": skip_nested})


def _loose(text: str | None, blocks: list[dict]) -> None:
    text = " ".join((text or "").split())
    if text:
        blocks.append({"tag": "p", "text": text, "html": html.escape(text)})


def _text(element, skip_nested: str | None = None) -> str:
    return " ".join("".join(_pieces(element, skip_nested)).split())  # str.split() splits where \s+ matches


def _pieces(element, skip_nested: str | None):
    yield element.text or ""
    for child in element:
        if child.tag != skip_nested:
            yield from _pieces(child, skip_nested)
        yield child.tail or ""


def _inline_html(element, skip_nested: str | None = None) -> str:
    """trafilatura's inline markup (ref, hi, code, lb) as the few HTML tags a block keeps."""
    out: list[str] = [html.escape(element.text or "")]
    for child in element:
        if skip_nested and child.tag == skip_nested:
            continue
        tag = {"ref": "a", "lb": "br", "code": "code"}.get(child.tag) or _HI.get(child.get("rend", ""), "")
        inner = _inline_html(child)
        if tag == "a" and child.get("target"):
            out.append(f'<a href="{html.escape(child.get("target"))}">{inner}</a>')
        elif tag == "br":
            out.append("<br>")
        elif tag in _INLINE:
            out.append(f"<{tag}>{inner}</{tag}>")
        else:
            out.append(inner)
        out.append(html.escape(child.tail or ""))
    return clean_inline(_SPACE.sub(" ", "".join(out)).strip())
