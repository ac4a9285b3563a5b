"""A page's tags read once: its meta, link, script, time and a elements, its JSON-LD, and the fields read from them."""
from __future__ import annotations

import json
import re
from functools import lru_cache

from lxml import etree
from parsel import Selector

from pipelines.metadata import with_people

# The tags most metadata is read from; headings (h2-h5, and p for a bold-only line) are kept in one list, in order.
_TAGGED = ("meta", "link", "script", "time", "a", "h2", "h3", "h4", "h5", "p")
_HEADING_TAGS = {"h2", "h3", "h4", "h5", "p"}
_CDATA = re.compile(r"^\s*<!\[CDATA\[|\]\]>\s*$")  # some pages wrap their JSON-LD in a CDATA section


def json_ld(sel: Selector, scripts: list | None = None) -> dict:
    """The first schema.org Article-like object of the page's JSON-LD, or {} (``scripts``: the page's <script>s)."""
    scripts = sel.root.iter("script") if scripts is None else scripts
    for raw in [s.text for s in scripts if s.get("type") == "application/ld+json" and s.text is not None]:
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


def modified_candidates(ld: dict, metas: list, times: list) -> list[list[str]]:
    """(source, raw) pairs for the last-modified date, most trusted first."""
    found = [
        ["json-ld", ld.get("dateModified") if isinstance(ld.get("dateModified"), str) else None],
        ["meta", meta_of(metas, "article:modified_time") or meta_of(metas, "og:updated_time")],
        ["time", attribute_of(times, "datetime", lambda stamp: stamp.get("itemprop") == "dateModified")],
    ]
    return [[source, raw.strip()] for source, raw in found if raw and raw.strip()]


def meta_of(metas: list, name: str) -> str | None:
    """The content of the page's first <meta> with this property or name (None when that one is blank)."""
    return meta_content(metas, lambda m: m.get("property") == name or m.get("name") == name)


def meta_content(metas: list, wanted) -> str | None:
    """The content of the first of ``metas`` that has one and that ``wanted`` accepts, stripped; None when blank."""
    value = next((m.get("content") for m in metas if m.get("content") is not None and wanted(m)), None)
    return value.strip() if value and value.strip() else None


def tagged_elements(root) -> dict[str, list]:
    """The page's meta, link, script, time and a elements and its headings, in page order: one walk, not one a query."""
    found: dict[str, list] = {tag: [] for tag in ("meta", "link", "script", "time", "a", "headings")}
    for element in root.iter(_TAGGED):
        found["headings" if element.tag in _HEADING_TAGS else element.tag].append(element)
    return found


def attribute_of(elements: list, name: str, wanted) -> str | None:
    """The attribute of the first of ``elements`` that has it and that ``wanted`` accepts, stripped; None when blank."""
    value = next((v for e in elements if (v := e.get(name)) is not None and wanted(e)), None)
    return value.strip() or None if value is not None else None


@lru_cache(maxsize=128)
def attribute_xpath(query: str) -> etree.XPath:
    """A fixed query for strings (attributes, text) or a test, compiled once per process (``sel.xpath`` is not)."""
    return etree.XPath(query, smart_strings=False)
