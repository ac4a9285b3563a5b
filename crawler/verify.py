"""Proof that a fetched candidate is the next page of an article: the page report and the checks on it.

A page's report is small, picklable evidence computed once in a worker: its identity (headlines, canonical,
byline, dates), a fingerprint of its template, hashed shingles of its body text, and its continuation
candidates. ``verify`` accepts a candidate only when its report shows the same article, the same template
and text not read yet, and no sign of another article; otherwise it names the reason.
"""
from __future__ import annotations

import re
import zlib

from lxml import etree

from crawler import continuation
from crawler.pagelist import page_lists
from crawler.pagelist_count import announced_pages
from crawler.pagination import looks_like_listing, page_options, rel_next_hrefs, resolve_link, text_of
from crawler.running_text import block_sizes, no_running_text
from crawler.textslots import body_slots, misplaced
from pipelines.credit_lines import head_lines

_SPACE = re.compile(r"\s+")
_PAGE_MARK = re.compile(
    r"\(?\b(?:page|pg|seite|página|pagina|pagina|blz|step|slide)\.?\s*\d+(?:\s*(?:of|/|von|de|sur|van)\s*\d+)?\)?"
    r"|\(?\b(?:continued|cont(?:'d|\.)|suite|fortsetzung)\)?", re.I)
_SEGMENTS = re.compile(r"\s+[|\-–—:»/]\s+")
TEMPLATE_MIN = 0.5  # FOLIO_PAGINATION_TEMPLATE: least share of tag/class names two pages of one article share
TEMPLATE_NAMES = 5  # least tag/class names on each page for their share to tell templates apart
NEW_TEXT_MIN = 0.4  # FOLIO_PAGINATION_NEW_TEXT: least share of a candidate's body shingles not read already
MAX_ELEMENTS = 4000
SHAPE_WORDS = 8  # words: the longest short text keyed by its shape too (a dateline, "Step 2 of 5")
_DIGITS = re.compile(r"\d+")
DEK_WORDS = 40  # a standfirst is a sentence or two
PROSE_WORDS = 15  # words of a paragraph of running text
_LINE_TAGS = ("p", "div", "span", "li", "h1", "h2", "h3", "h4", "h5", "h6", "a", "strong", "em", "small", "aside",
              "section", "header", "footer", "blockquote", "figcaption", "td", "dd", "dt")  # elements fingerprinted per page


def page_report(sel, url: str, page: dict, *, anchors: list, ld: dict, meta: dict, selector_urls,
                listing: bool | None = None, rel_next: list[str] | None = None, reading_only: bool = False) -> dict:
    """The continuation evidence of one parsed page (plain data: it crosses process boundaries).

    ``rel_next``: ``rel_next_hrefs(sel)`` when the caller has it; ``reading_only``: only the keys reassembly
    reads (dek, head, profile), for a page that no next page will be checked against."""
    root = sel.root
    if reading_only:
        return {"profile": selector_urls is not None, "dek": dek(root, page.get("description")),
                "head": head_lines(root)}
    # Each pass over the tree below would wrap every element in a new Python object (lxml's class lookup runs
    # in Python for each); holding them all for the report's length lets every pass reuse them.
    elements = list(root.iter()) if root is not None else []  # noqa: F841 (kept alive, not read)
    rel_next = [resolve_link(sel, url, href) for href in (rel_next_hrefs(sel) if rel_next is None else rel_next)]
    text = " ".join(text_of(root).split()) if root is not None else ""
    anchors = continuation.with_text(anchors)  # each link's text read once for the readers below
    options = continuation.with_text(page_options(sel, url)) if root is not None else []
    numbered = continuation.numbered_links(anchors + options)
    expected, count_links = announced_pages(root, text, anchors, url, page.get("blocks", []), numbered)
    return {
        "identity": identity(sel, ld, meta, page),
        "template": template(root),
        "shingles": shingles(" ".join(b["text"] for b in page.get("blocks", []))),
        "lines": lines(root),
        "slots": body_slots(root, page.get("blocks", [])),
        "listing": looks_like_listing(sel) if listing is None else listing,
        "candidates": continuation.propose(anchors, url, rel_next=[u for u in rel_next if u and u != url],
                                           selector_urls=selector_urls),
        "expected": expected,
        "count_links": count_links,  # the links printed with the count: where it says the article goes on
        "numbered": numbered,
        "lists": page_lists(anchors + options, url),
        "profile": selector_urls is not None,
        "single_views": continuation.single_views(anchors, url),
        "dek": dek(root, page.get("description")),
        "head": head_lines(root),  # the texts under the headline: where a dek, byline and dateline sit
        "others": other_articles(anchors, url),
        "blocks": block_sizes(page.get("blocks", []), line_key),  # paragraph sizes: what running text is here
    }


def dek(root, description: str | None) -> str | None:
    """The standfirst printed under the headline: the page's own description, outside the text's paragraphs.

    A description copied from the lead paragraph sits among the body's other paragraphs, so it is not a dek.
    """
    wanted = _SPACE.sub(" ", description or "").strip().casefold()
    if root is None or not wanted or len(wanted.split()) > DEK_WORDS:
        return None
    most = len(wanted.split())
    for count, element in enumerate(root.iter("h2", "h3", "p", "div")):
        if count >= MAX_ELEMENTS:
            break
        # A text with more words than the description is not it: split no further than that (a page's
        # outer containers hold all its text). Joined, the words are _SPACE.sub(" ", text).strip().
        words = text_of(element).split(None, most)
        if len(words) > most:
            continue
        text = " ".join(words)
        if text.casefold() != wanted:
            continue
        parent = element.getparent()
        beside = [p for p in (parent if parent is not None else ()) if p.tag == "p" and p is not element
                  and len(text_of(p).split()) >= PROSE_WORDS]
        # On a teaser or paywalled page the standfirst is all the text there is: then it is the text.
        prose = sum(len(text_of(p).split()) >= PROSE_WORDS for _, p in zip(range(MAX_ELEMENTS), root.iter("p")))
        return None if beside or prose < 2 else text
    return None


def other_articles(anchors: list[tuple], url: str, most: int = 5) -> list[str]:
    """Links on this page that read like another article's headline: where a page of the same site's template is."""
    own = url.split("#", 1)[0]
    found = [target for _, target, text in anchors if len(text.split()) >= 4 and target.split("#", 1)[0] != own]
    return list(dict.fromkeys(found))[:most]


def identity(sel, ld: dict, meta: dict, page: dict) -> dict:
    """What names the article on this page: headline fields (keys compared across pages), canonical, byline, dates."""
    h1 = _SPACE.sub(" ", _FIRST_H1(sel.root) if sel.root is not None else "").strip()
    ld_title = ld.get("headline") if isinstance(ld.get("headline"), str) else ld.get("name")
    fields = {"ld": ld_title if isinstance(ld_title, str) else None, "og": meta.get("og:title"), "h1": h1,
              "title": page.get("title")}
    doc = _SPACE.sub(" ", _TITLE(sel.root) if sel.root is not None else "").strip()
    return {
        "titles": {name: title_key(value) for name, value in fields.items() if value and title_key(value)},
        "doc": sorted(_doc_keys(doc)),
        "segments": sorted({title_key(part) for part in _SEGMENTS.split(doc)} - {""}),  # site names among them
        "canonical": page.get("canonical_url"),
        "authors": sorted({w for line in page.get("byline") or [] for w in re.findall(r"\w{3,}", line.casefold())}
                          - {"by", "and", "the", "news", "staff", "health", "reviewed", "medically", "writer"}),
        "dates": {source: raw for source, raw in page.get("dates") or [] if source != "time"},
    }


_FIRST_H1 = etree.XPath("string((//h1)[1])", smart_strings=False)  # compiled once, not by parsel per page
_TITLE = etree.XPath("string(//title)", smart_strings=False)


def title_key(text: str) -> str:
    """A headline as compared: page markers ("(Page 2)", "continued") and punctuation dropped, case folded."""
    return " ".join(re.findall(r"\w+", _PAGE_MARK.sub(" ", text).casefold()))


def _doc_keys(doc: str) -> set[str]:
    keys = {title_key(part) for part in [doc, *_SEGMENTS.split(doc)]}
    return {k for k in keys if len(k.split()) >= 3}


def template(root) -> list[int]:
    """The page's template: stable hashes of the tag/class names its elements use."""
    markers = set()
    if root is None:
        return []
    for count, element in enumerate(root.iter()):
        if count >= MAX_ELEMENTS:
            break
        if isinstance(element.tag, str) and element.get("class"):  # ids are often per page (ad slots, post ids)
            markers.add(f"{element.tag}.{element.get('class')}")
    return sorted({zlib.crc32(marker.encode()) for marker in markers})  # each name hashed once, not per element


def line_key(text: str) -> int:
    """A short text as compared across pages: case, spacing and trailing dots folded, hashed."""
    # str.split() and \s split on the same characters: one C pass instead of a regex substitution
    return _key(" ".join(text.split()))


def _key(spaced: str) -> int:
    return zlib.crc32(spaced.strip(".…").strip().casefold().encode())


def shape_key(text: str) -> int | None:
    """A short text with digits as compared across articles ("Updated: 3/4/25" is "Updated: #/#/#"), or None."""
    if not _DIGITS.search(text) or len(text.split()) > SHAPE_WORDS:
        return None
    return line_key("#shape " + _DIGITS.sub("#", text))


def lines(root) -> list[int]:
    """Keys of the page's short texts (every element's text of up to 25 words): what pages of one article share.

    Short texts with digits are also keyed by their shape (``shape_key``): what articles of one site share."""
    found = set()
    if root is None:
        return []
    for count, element in enumerate(root.iter(*_LINE_TAGS)):
        if count >= MAX_ELEMENTS:
            break
        if len(element) > 6:
            continue  # a container of many elements holds more than one short line
        text = text_of(element)
        if len(text) >= 400:
            continue
        words = text.split()
        if 0 < len(words) <= 25:
            spaced = " ".join(words)  # line_key and shape_key of text, its words split once
            found.add(_key(spaced))
            if len(words) <= SHAPE_WORDS and _DIGITS.search(spaced):
                found.add(_key("#shape " + _DIGITS.sub("#", spaced)))
    return sorted(found)


def shingles(text: str) -> list[int]:
    """Hashed 4-word shingles of a text, each once."""
    tokens = re.findall(r"\w+", text.casefold())
    if len(tokens) < 4:  # a text shorter than a shingle is its own one shingle
        return [zlib.crc32(" ".join(tokens).encode())] if tokens else []
    grams = zip(tokens, tokens[1:], tokens[2:], tokens[3:])
    return sorted({zlib.crc32(f"{a} {b} {c} {d}".encode()) for a, b, c, d in grams})


def verify(read: list[dict], candidate: dict, *, urls: list[str], url_evidence: bool, words_only: bool = False,
           template_min: float = TEMPLATE_MIN, new_text_min: float = NEW_TEXT_MIN) -> str | None:
    """Why ``candidate`` (a page report) is not the next page after the pages ``read``; None when it is.

    ``urls``: the article's page URLs so far; ``url_evidence``: the candidate's URL is the next number of
    the article's own URL (or a profile or rel=next named it); ``words_only``: only a link's words proposed
    it (no URL numbering, no pager), so its text must carry on the article's running text.
    """
    if candidate.get("listing"):
        return "a listing page (many linked headlines, little text)"
    seen = {h for report in read for h in report["shingles"]}
    own = set(candidate["shingles"])
    new = len(own - seen)
    if new < 8 or new < new_text_min * len(own):
        return f"no new text ({new} of {len(own)} shingles not read yet)"
    reason = identity_reason(read, candidate, urls=urls, url_evidence=url_evidence)
    if reason:
        return reason
    overlap = template_share(read[0]["template"], candidate["template"])
    if overlap < template_min:
        return f"another template ({overlap:.2f} of its tag/class names shared)"
    # comments or a listing in the article's own template; a caption where only a link's words led
    return misplaced(read, candidate) or (no_running_text(read, candidate) if words_only else None)


def identity_reason(read: list[dict], candidate: dict, *, urls: list[str], url_evidence: bool) -> str | None:
    """Why ``candidate`` is not the same article as the pages ``read`` (headline, canonical, byline, date)."""
    agree, disagree = _titles(read, candidate["identity"])
    other = _other_article(read[0]["identity"], candidate["identity"], lenient=agree and url_evidence)
    if other:
        return other
    canonical = candidate["identity"].get("canonical")
    canonical_agrees = bool(canonical) and _bare(canonical) in {_bare(u) for u in urls} | \
        {_bare(r["identity"]["canonical"]) for r in read if r["identity"].get("canonical")}
    if disagree and not canonical_agrees and not (agree and url_evidence):
        return f"another article: headline {disagree!r}"
    if not (agree or canonical_agrees or url_evidence):
        return "nothing shows the same article (no shared headline, canonical or URL numbering)"
    return None


def covers(read: list[dict], view: dict, share: float = 0.9) -> bool:
    """A single-page view holds (``share`` of) the text of every page read so far, and more."""
    seen = {h for report in read for h in report["shingles"]}
    own = set(view["shingles"])
    return bool(seen) and len(seen & own) >= share * len(seen) and len(own) >= len(seen) * share


def _other_article(first: dict, other: dict, *, lenient: bool) -> str | None:
    """Its own byline or date. A byline reading is noisier than a date: it is overruled by an agreeing
    headline on the article's next-numbered URL (``lenient``)."""
    if not lenient and first["authors"] and other["authors"] and not set(first["authors"]) & set(other["authors"]):
        return f"another article: byline {' '.join(other['authors'])!r}"
    for source, raw in other["dates"].items():
        if first["dates"].get(source) and first["dates"][source][:10] != raw[:10]:
            return f"another article: dated {raw!r}"
    return None


def _titles(read: list[dict], other: dict) -> tuple[bool, str | None]:
    """(some headline agrees, a headline field that names something else)."""
    known = {key for r in read for key in [*r["identity"]["titles"].values(), *r["identity"]["doc"]]}
    mine = other["titles"]
    names = {key for r in read for key in r["identity"].get("segments", ())}  # "Health Daily" of "X | Health Daily"
    # A <title> segment no headline field repeats is the site's name: every article of the site shares it.
    site = names - {key for r in read for key in r["identity"]["titles"].values()}
    agree = any(key in known for key in mine.values()) or any(key in known - site for key in other["doc"])
    disagree = None
    for name, key in mine.items():
        if any(name in r["identity"]["titles"] for r in read) and key not in known and key not in names:
            disagree = key
            break
    return agree, disagree


def template_share(a: list[int], b: list[int]) -> float:
    """Share of the smaller template's names the other one has too (a page 1 with extra widgets still matches).

    A page styled inline names a class or two, in its widgets only (a pager that changes on the last page):
    fewer than TEMPLATE_NAMES tell no template apart, and then they count as shared."""
    sa, sb = set(a), set(b)
    return 1.0 if min(len(sa), len(sb)) < TEMPLATE_NAMES else len(sa & sb) / min(len(sa), len(sb))


def _bare(url: str | None) -> str:
    return (url or "").split("#", 1)[0].rstrip("/")
