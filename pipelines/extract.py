"""Extract: one page's HTML to plain data (metadata candidates, body blocks, pagination links)."""
from __future__ import annotations

import logging
import re
from functools import lru_cache
from urllib.parse import urljoin

import lxml.html
from lxml import etree
from lxml.cssselect import CSSSelector
from parsel import Selector
from parsel.csstranslator import HTMLTranslator

from crawler.items import ArticleCapture
from crawler.pagination import (
    find_next_page, find_page_links, looks_like_listing, page_anchors, rel_next_hrefs, selected_links, single_page_url,
    text_of,
)
from crawler.verify import page_report
from crawler.sites import SiteProfile
from pipelines.credit_lines import rel_author_names
from pipelines.decode import decode_body
from pipelines.meta_authors import tagged_authors
from pipelines.workers import WorkerStep
from pipelines.generic import clean_inline, generic_blocks, visible_tree
from pipelines.metadata import attribute_date, byline_from_page, date_from_page, headline, meta_values
from pipelines.page_tags import (
    attribute_of, attribute_xpath, json_ld, meta_content, meta_of, modified_candidates, tagged_elements,
)

logger = logging.getLogger(__name__)

BLOCK_TAGS = {"p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre"}
# Chrome that is never article text, on any site.
GENERIC_REMOVE = (
    "script", "style", "noscript", "template", "form", "button", "select", "iframe", "svg", "nav",
    "[aria-hidden=true]", "[hidden]",
)
_SPACE = re.compile(r"\s+")
_NORMALIZED = etree.XPath("normalize-space(.)", smart_strings=False)  # per heading: compiled once
_CSS = HTMLTranslator()  # parsel's own reading of CSS for HTML pages
_DATE_NAMES = ("date", "pubdate", "publish-date", "DC.date.issued", "parsely-pub-date")


def extract_page(html: str | bytes, url: str, profile: SiteProfile | None = None, headers: dict | None = None,
                 *, continuation: bool = True) -> dict:
    """Everything Folio reads from one page, as plain data (no normalization yet).

    ``continuation=False``: the page is read on its own, so its report holds only what reassembly reads."""
    profile = profile or SiteProfile.generic()
    text = decode_body(html, headers) if isinstance(html, bytes) else html
    # Without a body selector the page is parsed once, hidden parts and code dropped, for metadata and body.
    tree = None if profile.body else visible_tree(text)
    sel = Selector(text=text, base_url=url) if tree is None else Selector(root=tree, type="html", base_url=url)
    # lxml makes a new Python object for an element each time a pass meets it, unless one is still alive: holding
    # them all for the page's length lets the many passes below share them (a fifth of the page's time).
    elements = list(sel.root.iter()) if sel.root is not None else []
    tagged = tagged_elements(sel.root)
    ld = json_ld(sel, tagged["script"])
    meta = meta_values(sel)
    anchors = page_anchors(sel, url)  # the tree is only read from here on, so the anchors stay valid
    listing = looks_like_listing(sel)  # read by next-page detection and the page report
    metas, times = tagged["meta"], tagged["time"]
    rel_next = rel_next_hrefs(sel)  # likewise
    page = {
        "url": url,
        "canonical_url": attribute_of(tagged["link"], "href", lambda link: link.get("rel") == "canonical")
        or attribute_of(metas, "content", lambda meta: meta.get("property") == "og:url"),
        "title": _select_text(sel, profile.title) or headline(sel, ld, meta),
        "subtitle": _select_text(sel, profile.subtitle),
        "byline": _select_lines(sel, profile.byline) or tagged_authors(sel, ld, meta) or _byline(tagged["a"], metas)
        or byline_from_page(sel),
        "reviewer": _select_text(sel, profile.reviewer) or _reviewed_line(sel),
        "dates": _date_candidates(sel, profile, ld, metas, times),
        "section": _select_text(sel, profile.section) or ld.get("articleSection") or meta_of(metas, "article:section")
        or _breadcrumb(sel),
        "language": (attribute_xpath("/html/@lang")(sel.root) or [None])[0] or meta_of(metas, "og:locale")
        or ld.get("inLanguage"),
        "description": meta_of(metas, "og:description") or meta_of(metas, "description"),
        "modified": modified_candidates(ld, metas, times),
        "references": references(tagged["headings"]),
        "blocks": body_blocks(text, url, profile, tree=tree),
        "next_page_url": find_next_page(sel, url, profile.next_page, anchors=anchors, listing=listing,
                                       rel_next=rel_next),
        "single_page_url": single_page_url(sel, url, anchors=anchors),
        "page_urls": [link.url for link in find_page_links(sel, url, profile.next_page, anchors=anchors)],
    }
    selector_urls = selected_links(sel, url, profile.next_page) if profile.next_page else None
    page["report"] = page_report(sel, url, page, anchors=anchors, ld=ld, meta=meta, selector_urls=selector_urls,
                                 listing=listing, rel_next=rel_next, reading_only=not continuation)
    if page["references"]:  # sources are their own field, not body text
        listed = {_SPACE.sub(" ", r) for r in page["references"]} | _REFERENCE_HEADINGS
        page["blocks"] = [b for b in page["blocks"] if b["text"] not in listed and b["text"].casefold() not in listed]
    if page["canonical_url"]:
        page["canonical_url"] = urljoin(url, page["canonical_url"])
    if isinstance(page["section"], list):
        page["section"] = page["section"][0] if page["section"] else None
    del elements  # alive until here
    return page


def body_blocks(html: str, url: str, profile: SiteProfile, *, tree=None) -> list[dict]:
    """The article's paragraphs and headings on this page, as {tag, text, html} in reading order."""
    if profile.body:
        tree = lxml.html.fromstring(html, base_url=url)
        containers = compiled(profile.body)(tree)
        if containers:
            container = containers[0]
            _drop(container, GENERIC_REMOVE + tuple(profile.remove))
            container.make_links_absolute(url, resolve_base_href=False)
            return _blocks_of(container)
        logger.info("%s: body selector %r matched nothing; using generic extraction", url, profile.body)
    return generic_blocks(html, url, tree=tree)


def _blocks_of(container) -> list[dict]:
    blocks = []
    for element in container.iter(*BLOCK_TAGS, "td"):
        if any(parent.tag in BLOCK_TAGS for parent in element.iterancestors()):
            continue  # its text belongs to the enclosing block
        if element.tag == "td" or (element.tag == "blockquote" and element.find(".//p") is not None):
            continue
        text = " ".join(text_of(element).split())
        if text:
            tag = "h2" if element.tag in ("h5", "h6") else element.tag
            blocks.append({"tag": tag, "text": text, "html": _inline_html(element)})
    return blocks


def _inline_html(element) -> str:
    raw = etree.tostring(element, encoding="unicode", method="html", with_tail=False)
    start, end = raw.find(">") + 1, raw.rfind("<")
    inner = raw[start:end] if 0 < start <= end else ""
    return clean_inline(inner).strip()


def _drop(container, selectors) -> None:
    for css in selectors:
        for element in compiled(css)(container):
            parent = element.getparent()
            if parent is not None:
                element.drop_tree()


@lru_cache(maxsize=512)
def compiled(css: str) -> CSSSelector:
    """A profile's CSS selector, translated to XPath once per process rather than on every page."""
    return CSSSelector(css, translator="html")


def _date_candidates(sel: Selector, profile: SiteProfile, ld: dict, metas: list, times: list) -> list[list[str]]:
    """(source, raw string) pairs, most trusted first; Normalize parses the first that parses."""
    found = [
        ["profile", _select_text(sel, profile.date)],
        ["json-ld", ld.get("datePublished") if isinstance(ld.get("datePublished"), str) else None],
        ["meta", meta_of(metas, "article:published_time")],
        ["meta", meta_content(metas, lambda m: m.get("name") in _DATE_NAMES or m.get("itemprop") == "datePublished")],
        ["time", attribute_of(times, "datetime", lambda stamp: next(stamp.iterancestors("article"), None) is not None)
         or attribute_of(times, "datetime", lambda stamp: stamp.get("itemprop") == "datePublished")],
        ["data", attribute_date(sel)],
    ]
    found = [[source, raw.strip()] for source, raw in found if raw and raw.strip()]
    return found or [["page", raw] for raw in [date_from_page(sel)] if raw]


_REFERENCE_HEADINGS = {"sources", "source", "references", "reference", "sources:", "references:", "citations",
                       "bibliography", "works cited"}
_REFERENCE_NAMES = {h.rstrip(":") for h in _REFERENCE_HEADINGS}
# Read with lxml directly: parsel would wrap every heading and sibling in a Selector and compile each query.
_FOLLOWING = etree.XPath("following-sibling::*")
_ITEMS = etree.XPath(".//li")
_TEXT_BELOW = etree.XPath(".//text()", smart_strings=False)


def references(headings: list) -> list[str]:
    """The items of a "Sources" / "References" section: a list after such a heading, or its paragraphs."""
    # ``headings``: the page's h2-h5 and p elements in page order (a p counts when its one child is bold)
    for heading in headings:
        if heading.tag == "p" and not _bold_only(heading):
            continue
        if _NORMALIZED(heading).casefold().rstrip(": ") not in _REFERENCE_NAMES:
            continue
        items = []
        for sibling in _FOLLOWING(heading):
            tag = sibling.tag
            if tag in ("h1", "h2", "h3", "h4", "h5") or (items and tag not in ("p", "ul", "ol", "div")):
                break
            lines = _ITEMS(sibling) if tag in ("ul", "ol") else [sibling]
            items += [_SPACE.sub(" ", _NORMALIZED(line)) for line in lines]
        items = [item for item in items if item]
        if items:
            return items
    return []


def _select_text(sel: Selector, css: str | None) -> str | None:
    if not css or not hasattr(sel.root, "tag"):
        return None
    for node in _selected(css)(sel.root):
        text = _SPACE.sub(" ", " ".join(_TEXT_BELOW(node))).strip()
        if text:
            return text
    return None


@lru_cache(maxsize=512)
def _selected(css: str) -> etree.XPath:
    """A profile's selector as ``Selector.css`` reads it, run by lxml directly: parsel would wrap every match and
    every text node below it in a Selector of its own (five selectors a page, a twelfth of its reading)."""
    return etree.XPath(_CSS.css_to_xpath(css), namespaces=Selector._default_namespaces, smart_strings=False)


def _select_lines(sel: Selector, css: str | None) -> list[str]:
    """The text of the first match, one entry per visual line (<br> and block breaks split)."""
    if not css:
        return []
    for node in sel.css(css):
        html = re.sub(r"<br\s*/?>|</(p|div|span|li)>", "\n", node.get(), flags=re.I)
        text = lxml.html.fromstring(f"<div>{html}</div>").text_content()
        lines = [_SPACE.sub(" ", line).strip() for line in text.split("\n")]
        if any(lines):
            return [line for line in lines if line]
    return []


def _bold_only(paragraph) -> bool:
    """A paragraph whose one child element is <strong> or <b> (a heading set in bold)."""
    children = [child for child in paragraph if isinstance(child.tag, str)]
    return len(children) == 1 and children[0].tag in ("strong", "b")


def _byline(anchors: list, metas: list) -> list[str]:
    """The names in the page's byline rel=author links (``anchors``: its <a> elements), else its author <meta>."""
    # the byline's links, not those of other posts' teasers further down
    names = rel_author_names([a for a in anchors if a.get("rel") == "author"])
    if names:
        return names
    meta = meta_of(metas, "author") or meta_content(metas, lambda m: m.get("name") == "author")
    return [meta] if meta else []


def _reviewed_line(sel: Selector) -> str | None:
    if not attribute_xpath("contains(normalize-space(/), 'Reviewed by')")(sel.root):
        return None  # one pass over the text instead of a normalize-space() of every element
    for text in sel.xpath("//*[not(self::script)][starts-with(normalize-space(.), 'Reviewed by')]"
                          "[not(.//*[starts-with(normalize-space(.), 'Reviewed by')])]").xpath("normalize-space(.)").getall():
        if len(text) < 200:
            return text
    return None


def _breadcrumb(sel: Selector) -> str | None:
    # By attribute, not by element: a test of every element's class costs twice the walk over the attributes.
    items = attribute_xpath("//@class[contains(., 'breadcrumb')]/..//a/text() | "
                             "//@aria-label[.='breadcrumb' or .='Breadcrumb']/..//a/text()")(sel.root)
    items = [_SPACE.sub(" ", i).strip() for i in items if i.strip()]
    items = [i for i in items if i.lower() not in ("home", "news")]
    return items[-1] if items else None


def extract_capture(capture: ArticleCapture, profile: SiteProfile) -> list[dict]:
    """Extract every usable page of a capture; runs in a worker, so it takes and returns plain data."""
    results = []
    for page in capture.pages:
        if page.ok:
            results.append(page.extract or extract_page(page.body, page.final_url or page.url, profile, page.headers))
    return results


class Extract(WorkerStep):
    """Scrapy pipeline: each page's extract, computed by the spider's worker call or now in a worker."""

    async def process_item(self, item: ArticleCapture) -> ArticleCapture:
        if all(page.extract for page in item.pages if page.ok):
            item.extracted = [page.extract for page in item.pages if page.ok]  # each page was parsed once, on arrival
        else:
            item.extracted = await self.workers.run(extract_capture, item, self.crawler.spider.profile)
        return item
