"""Extract: one page's HTML to plain data (metadata candidates, body blocks, pagination links)."""
from __future__ import annotations

import json
import logging
import re
from functools import lru_cache
from urllib.parse import urljoin

import lxml.html
import nh3
from lxml import etree
from lxml.cssselect import CSSSelector
from parsel import Selector

from crawler.items import ArticleCapture
from crawler.pagination import (
    find_next_page, find_page_links, looks_like_listing, page_anchors, rel_next_hrefs, selected_links, single_page_url,
    text_of,
)
from crawler.verify import page_report
from crawler.sites import SiteProfile
from pipelines.credit_lines import rel_author_names
from pipelines.decode import decode_body
from pipelines.workers import WorkerStep
from pipelines.generic import generic_blocks, visible_tree
from pipelines.metadata import (
    attribute_date, authors_from_meta, byline_from_page, date_from_page, headline, meta_values, with_people,
)

logger = logging.getLogger(__name__)

BLOCK_TAGS = {"p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre"}
# Inline markup kept inside a block; everything else is reduced to its text.
INLINE_TAGS = {"a", "em", "strong", "b", "i", "br", "sub", "sup", "code"}
# Chrome that is never article text, on any site.
GENERIC_REMOVE = (
    "script", "style", "noscript", "template", "form", "button", "select", "iframe", "svg", "nav",
    "[aria-hidden=true]", "[hidden]",
)
_SPACE = re.compile(r"\s+")
_NORMALIZED = etree.XPath("normalize-space(.)", smart_strings=False)  # per heading: compiled once
_META_ELEMENTS = etree.XPath("//meta")
_DATE_NAMES = ("date", "pubdate", "publish-date", "DC.date.issued", "parsely-pub-date")
_CDATA = re.compile(r"^\s*<!\[CDATA\[|\]\]>\s*$")  # some pages wrap their JSON-LD in a CDATA section


def extract_page(html: str | bytes, url: str, profile: SiteProfile | None = None, headers: dict | None = None,
                 *, continuation: bool = True) -> dict:
    """Everything Folio reads from one page, as plain data (no normalization yet).

    ``continuation=False``: the page is read on its own, so its report holds only what reassembly reads."""
    profile = profile or SiteProfile.generic()
    text = decode_body(html, headers) if isinstance(html, bytes) else html
    # Without a body selector the page is parsed once, hidden parts and code dropped, for metadata and body.
    tree = None if profile.body else visible_tree(text)
    sel = Selector(text=text, base_url=url) if tree is None else Selector(root=tree, type="html", base_url=url)
    ld = json_ld(sel)
    meta = meta_values(sel)
    anchors = page_anchors(sel, url)  # the tree is only read from here on, so the anchors stay valid
    listing = looks_like_listing(sel)  # read by next-page detection and the page report
    metas = _META_ELEMENTS(sel.root)  # the <meta> tags, found in one walk instead of one per name looked up
    rel_next = rel_next_hrefs(sel)  # likewise
    page = {
        "url": url,
        "canonical_url": _first(sel, "//link[@rel='canonical']/@href", "//meta[@property='og:url']/@content"),
        "title": _select_text(sel, profile.title) or headline(sel, ld, meta),
        "subtitle": _select_text(sel, profile.subtitle),
        "byline": _select_lines(sel, profile.byline) or authors_from_meta(ld, meta) or _byline(sel, metas)
        or byline_from_page(sel),
        "reviewer": _select_text(sel, profile.reviewer) or _reviewed_line(sel),
        "dates": _date_candidates(sel, profile, ld, metas),
        "section": _select_text(sel, profile.section) or ld.get("articleSection") or _meta(metas, "article:section")
        or _breadcrumb(sel),
        "language": (_attribute_xpath("/html/@lang")(sel.root) or [None])[0] or _meta(metas, "og:locale")
        or ld.get("inLanguage"),
        "description": _meta(metas, "og:description") or _meta(metas, "description"),
        "modified": _modified_candidates(sel, ld, metas),
        "references": references(sel),
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
    return nh3.clean(
        inner, tags=INLINE_TAGS, attributes={"a": {"href"}}, url_schemes={"http", "https", "mailto"},
        link_rel="nofollow noopener",
    ).strip()


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


def json_ld(sel: Selector) -> dict:
    """The first schema.org Article-like object of the page's JSON-LD, or {}."""
    for raw in _attribute_xpath("//script[@type='application/ld+json']/text()")(sel.root):
        try:
            data = json.loads(_CDATA.sub("", raw))
        except ValueError:
            continue
        nodes = list(_ld_nodes(data))
        for node in nodes:
            kind = node.get("@type")
            kinds = kind if isinstance(kind, list) else [kind]
            if any(isinstance(k, str) and ("Article" in k or k in ("BlogPosting", "Report")) for k in kinds):
                return with_people(node, nodes)
    return {}


def _ld_nodes(data):
    if isinstance(data, list):
        for item in data:
            yield from _ld_nodes(item)
    elif isinstance(data, dict):
        yield data
        yield from _ld_nodes(data.get("@graph", []))


def _date_candidates(sel: Selector, profile: SiteProfile, ld: dict, metas: list) -> list[list[str]]:
    """(source, raw string) pairs, most trusted first; Normalize parses the first that parses."""
    found = [
        ["profile", _select_text(sel, profile.date)],
        ["json-ld", ld.get("datePublished") if isinstance(ld.get("datePublished"), str) else None],
        ["meta", _meta(metas, "article:published_time")],
        ["meta", _meta_content(metas, lambda m: m.get("name") in _DATE_NAMES or m.get("itemprop") == "datePublished")],
        ["time", _first(sel, "//article//time/@datetime", "//time[@itemprop='datePublished']/@datetime")],
        ["data", attribute_date(sel)],
    ]
    found = [[source, raw.strip()] for source, raw in found if raw and raw.strip()]
    return found or [["page", raw] for raw in [date_from_page(sel)] if raw]


def _modified_candidates(sel: Selector, ld: dict, metas: list) -> list[list[str]]:
    """(source, raw) pairs for the last-modified date, most trusted first."""
    found = [
        ["json-ld", ld.get("dateModified") if isinstance(ld.get("dateModified"), str) else None],
        ["meta", _meta(metas, "article:modified_time") or _meta(metas, "og:updated_time")],
        ["time", _first(sel, "//time[@itemprop='dateModified']/@datetime")],
    ]
    return [[source, raw.strip()] for source, raw in found if raw and raw.strip()]


_REFERENCE_HEADINGS = {"sources", "source", "references", "reference", "sources:", "references:", "citations",
                       "bibliography", "works cited"}
_REFERENCE_NAMES = {h.rstrip(":") for h in _REFERENCE_HEADINGS}
# Read with lxml directly: parsel would wrap every heading and sibling in a Selector and compile each query.
_HEADINGS = etree.XPath("//h2|//h3|//h4|//h5|//p[count(*)=1 and (strong or b)]")
_FOLLOWING = etree.XPath("following-sibling::*")
_ITEMS = etree.XPath(".//li")


def references(sel: Selector) -> list[str]:
    """The items of a "Sources" / "References" section: a list after such a heading, or its paragraphs."""
    for heading in _HEADINGS(sel.root):
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
    if not css:
        return None
    for node in sel.css(css):
        text = _SPACE.sub(" ", " ".join(node.xpath(".//text()").getall())).strip()
        if text:
            return text
    return None


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


def _byline(sel: Selector, metas: list) -> list[str]:
    names = rel_author_names(sel.root)  # the byline's links, not those of other posts' teasers further down
    if names:
        return names
    meta = _meta(metas, "author") or _meta_content(metas, lambda m: m.get("name") == "author")
    return [meta] if meta else []


def _reviewed_line(sel: Selector) -> str | None:
    if not _attribute_xpath("contains(normalize-space(/), 'Reviewed by')")(sel.root):
        return None  # one pass over the text instead of a normalize-space() of every element
    for text in sel.xpath("//*[not(self::script)][starts-with(normalize-space(.), 'Reviewed by')]"
                          "[not(.//*[starts-with(normalize-space(.), 'Reviewed by')])]").xpath("normalize-space(.)").getall():
        if len(text) < 200:
            return text
    return None


def _breadcrumb(sel: Selector) -> str | None:
    # By attribute, not by element: a test of every element's class costs twice the walk over the attributes.
    items = _attribute_xpath("//@class[contains(., 'breadcrumb')]/..//a/text() | "
                             "//@aria-label[.='breadcrumb' or .='Breadcrumb']/..//a/text()")(sel.root)
    items = [_SPACE.sub(" ", i).strip() for i in items if i.strip()]
    items = [i for i in items if i.lower() not in ("home", "news")]
    return items[-1] if items else None


def _meta(metas: list, name: str) -> str | None:
    """The content of the page's first <meta> with this property or name (None when that one is blank)."""
    return _meta_content(metas, lambda m: m.get("property") == name or m.get("name") == name)


def _meta_content(metas: list, wanted) -> str | None:
    """The content of the first of ``metas`` that has one and that ``wanted`` accepts, stripped; None when blank."""
    value = next((m.get("content") for m in metas if m.get("content") is not None and wanted(m)), None)
    return value.strip() if value and value.strip() else None


def _first(sel: Selector, *xpaths: str) -> str | None:
    for xpath in xpaths:
        values = _attribute_xpath(xpath)(sel.root)
        if values and values[0].strip():
            return values[0].strip()
    return None


@lru_cache(maxsize=128)
def _attribute_xpath(query: str) -> etree.XPath:
    """A fixed query for strings (attributes, text) or a test, compiled once per process (``sel.xpath`` is not)."""
    return etree.XPath(query, smart_strings=False)


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
