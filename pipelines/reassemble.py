"""Reassemble: the extracted pages of one article into one article, each paragraph once, in order."""
from __future__ import annotations

import re
from collections import Counter

from crawler.items import ArticleCapture
from pipelines.bylines import byline_names, reviewer_names
from pipelines.dates_review import read_review
from pipelines.credit_lines import PROSE, dated_box_names, standfirst
from pipelines.chrome import (chrome_by_comparison, copyright_lines, norm, own_page_links, sibling_teasers,
                              template_chrome, version_links)
from pipelines.chrome_boxes import head_box
from pipelines.metalines import known_dates, metadata_lines
from pipelines.normalize import clean_names, clean_reviewer
from pipelines.words import length_in_words

_SPACE = re.compile(r"\s+")
# Markers and navigation that sit in or around the body on paginated articles.
CHROME_TEXT = re.compile(
    r"^(?:\(?continued(?: from (?:page|previous page) \d+)?\)?\.{0,3}…?|skip to (?:main )?content|font size(?: a)*"
    r"|[<‹«]?\s*(?:next|previous|prev)(?: page)?\s*[>›»]*|page \d+ of \d+"
    r"|(?:\d+\s*\|?\s*)+(?:next(?: page)?\s*[>›»]*)?|print(?: this)?(?: article| page)?|view (?:as )?(?:a )?single page"
    r"|advertisement|continue reading(?: below)?\s*[>›»]*)$",
    re.I,
)
_DIGIT = re.compile(r"\d+")
_DATELINE = re.compile(r"\b(?:19|20)\d\d\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b")
_REVIEWED = re.compile(r"^(?:\w+\s+){0,2}(?:reviewed|checked|fact-checked)\s+by\b")
_LINK_TEXT = re.compile(r"<a\b[^>]*>(.*?)</a>", re.S)
# "By A and B" with names: capitalized words (a "By the numbers" heading is not a byline).
_NAMED_BY = re.compile(r"^(?i:by|von|par|por|door)\s+[A-ZÀ-Þ][\w.'’-]+,?(?:\s+(?:[A-ZÀ-Þ][\w.'’-]+,?|and|&|und|et))*$")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_BOLD = re.compile(r"\s*<(strong|b)>(?:(?!</?\1>).)*</\1>\s*", re.S)  # one bold run holding the whole block
HEAD_BLOCKS = 5  # blocks under the headline searched for a byline or a dateline
DATE_LINE_WORDS = 8
NEAR_DUPLICATE = 0.8  # share of a page's shingles already seen for it to count as a repeat


def reassemble(pages: list[dict], *, template=()) -> dict:
    """Merge page extracts (page 1 first) into one article dict; page 1's metadata wins.

    ``template``: line keys (``crawler.verify.line_key``) of the short texts a page of another article of the
    same site prints: what the article's own pages print of them is the site's chrome.
    """
    first = pages[0]
    article = {key: first.get(key) for key in first if key not in ("blocks", "dates")}
    for key in ("title", "subtitle", "reviewer", "section", "language", "canonical_url", "description"):
        article[key] = article.get(key) or next((p[key] for p in pages[1:] if p.get(key)), None)
    report = first.get("report") or {}
    if report.get("dek") and not report.get("profile") and not article.get("subtitle"):
        article["subtitle"] = report["dek"]  # the standfirst the page's description names: a subtitle, not text
    head = report.get("head") or []
    if not report.get("profile") and not article.get("subtitle"):  # a line set above the byline is a standfirst
        article["subtitle"] = standfirst(head, _dated) or _bold_standfirst(first, _header_texts(article))
    article["byline"] = first.get("byline") or next((p["byline"] for p in pages[1:] if p.get("byline")), [])
    article["dates"] = [d for p in pages for d in p.get("dates", [])]
    lines = list(dict.fromkeys(_lines_under_headline(first, _header_texts(article)) + head))
    if not article["byline"]:  # no meta, JSON-LD or byline element: a line of names under a short label
        article["byline"] = next((names for names in map(byline_names, lines) if names), []) \
            or dated_box_names(lines, _dated)
    if not article["dates"]:  # likewise a short dated line, read later with dateparser in the site's languages
        dated = [t for t in lines if _dated(t)]  # a box's own date line before the box's whole text
        article["dates"] = [["line", t] for t in dated if not any(o != t and o in t for o in dated)][:2]
    if not article.get("reviewer"):  # a review line under the headline or at the foot of the text, in any language
        article["reviewer"] = _reviewer(lines + [b["text"] for b in first.get("blocks", [])[-HEAD_BLOCKS:]],
                                        (*filter(None, [(article.get("language") or "").split("-")[0].lower()]), "en"))
    article["modified"] = [d for p in pages for d in p.get("modified", [])]
    article["references"] = list(dict.fromkeys(r for p in pages for r in p.get("references", [])))
    article["next_page_url"] = pages[-1].get("next_page_url")
    article["page_urls"] = _page_urls(pages)
    languages = tuple(filter(None, [(article.get("language") or "").replace("_", "-").split("-")[0].lower()]))
    known = known_dates(article["dates"] + article["modified"], languages)
    article["blocks"], article["repeated_pages"] = merge_blocks(
        pages, _header_texts(article), byline=article.get("byline") or [], template=template, dates=known,
        languages=languages)
    return article


def _reviewer(lines: list[str], languages: tuple[str, ...] = ("en",)) -> str | None:
    """The first review line: as printed when Normalize reads its review date or English form, else its names."""
    for line in lines:
        review = read_review(line, languages)
        if review and review.printed:  # "Reviewed on May 4, 2024 by A", "Last reviewed: May 4, 2024"
            return line
        names = reviewer_names(line)
        if names:
            return line if clean_reviewer(line)[0] != _SPACE.sub(" ", line).strip() else " and ".join(names)
    return None


def _dated(text: str) -> bool:
    """A short line that holds a year: a dateline."""
    return bool(_YEAR.search(text)) and length_in_words(text) <= DATE_LINE_WORDS


def _bold_standfirst(page: dict, header: set[str]) -> str | None:
    """The page's first block when it is set wholly in bold above plainer text: a standfirst, not the text."""
    blocks = _trim_leading_teaser(page.get("blocks", []), header)
    if len(blocks) < 2 or blocks[0]["tag"] != "p" or not _BOLD.fullmatch(blocks[0].get("html") or ""):
        return None
    text = blocks[0]["text"]
    plain = not _BOLD.fullmatch(blocks[1].get("html") or "")
    return text if plain and 4 <= length_in_words(text) <= PROSE else None


def _lines_under_headline(page: dict, header: set[str]) -> list[str]:
    """The short blocks at the top of a page, before its text starts: where bylines and datelines sit."""
    found = []
    for block in _trim_leading_teaser(page.get("blocks", []), header)[:HEAD_BLOCKS]:
        text = _SPACE.sub(" ", block["text"]).strip()
        if length_in_words(text) > 15:
            break  # the text has started
        if norm(text) not in header:
            found.append(text)
    return found


def merge_blocks(pages: list[dict], header: set[str], *, byline: list[str] = (), template=(), dates=frozenset(),
                 languages: tuple[str, ...] = ()) -> tuple[list[dict], list[str]]:
    """Every page's body blocks once, in order, minus headers repeated on each page and chrome.

    ``dates``: (month, day) of the dates the metadata reads; with the byline's names they tell the lines above
    and below the text that print the metadata again (``pipelines.metalines``)."""
    trimmed = [_trim_leading_teaser(page.get("blocks", []), header) for page in pages]
    repeats = _repeated_pages(trimmed)
    distinct = [i for i in range(len(pages)) if i not in repeats]
    printed = [set((pages[i].get("report") or {}).get("lines") or ()) for i in distinct]
    chrome = {(distinct[i], n) for i, n in chrome_by_comparison([trimmed[i] for i in distinct], printed)}
    paged = len(distinct) > 1
    own = {u.split("#", 1)[0] for p in pages for u in (p.get("url"), p.get("final_url"), *p.get("page_urls", ())) if u}
    for index in distinct:
        url = pages[index].get("url") or ""
        chrome |= {(index, n) for n in template_chrome(trimmed[index], set(template))}
        chrome |= {(index, n) for n in version_links(trimmed[index], url)}
        linked = sibling_teasers(trimmed[index], url, own) | own_page_links(trimmed[index], url, own)
        chrome |= {(index, n) for n in linked}
    if distinct:
        first = distinct[0]  # the box above page 1's text, once comparison has shown a line of it the site's
        chrome |= {(first, n) for n in head_box(trimmed[first], {n for i, n in chrome if i == first})}
        chrome |= {(distinct[-1], n) for n in copyright_lines(trimmed[distinct[-1]])}
        chrome |= _metadata_edges(trimmed, distinct, dates=dates, byline=byline, languages=languages)
    for index in distinct:
        chrome |= {(index, n) for n in _metadata_lines(trimmed[index], header, paged=paged, byline=byline)}
        # A labelled link printed once on a paged article is a teaser; on one page, only one whose link proves it is
        # (sibling_teasers above): a one-page article keeps what it prints.
        if paged:
            chrome |= {(index, n) for n, block in enumerate(trimmed[index]) if _teaser(block)}
    merged: list[dict] = []
    seen: set[str] = set()
    for index in distinct:
        for position, block in enumerate(trimmed[index]):
            key = norm(block["text"])
            if key in header or CHROME_TEXT.match(key) or (index, position) in chrome:
                continue
            if index and key in seen:
                continue  # a paragraph two pages share (a lead repeated above a later page's text) is kept once
            merged.append(block)
            seen.add(key)
    return merged, [pages[i]["url"] for i in sorted(repeats)]


def _metadata_edges(trimmed: list[list[dict]], distinct: list[int], *, dates, byline, languages) -> set[tuple[int, int]]:
    """The metadata lines above the first page's text and below the last page's (a dateline, credits, dates)."""
    authors = {w.strip(",.;:()").casefold() for name in clean_names(list(byline)) for w in name.split() if len(w) > 1}
    first, last = distinct[0], distinct[-1]
    known = {"dates": dates, "authors": authors, "printed": " ".join(byline), "languages": languages}
    found = {(first, n) for n in metadata_lines(trimmed[first], foot=first == last, **known)}
    if last != first:
        found |= {(last, n) for n in metadata_lines(trimmed[last], head=False, **known)}
    return found


def _repeated_pages(pages: list[list[dict]]) -> set[int]:
    """Later pages whose whole text, repeated lead included, was already read: repeats, not pages."""
    if len(pages) < 2:
        return set()
    repeats, seen_shingles = set(), Counter()
    for index, blocks in enumerate(pages):
        shingles = _shingles(" ".join(b["text"] for b in blocks))
        if index and shingles and _overlap(shingles, seen_shingles) >= NEAR_DUPLICATE:
            repeats.add(index)
            continue
        seen_shingles.update(shingles)
    return repeats


def _metadata_lines(blocks: list[dict], header: set[str], *, paged: bool = True, byline=()) -> set[int]:
    """Positions of a page's byline, review and date lines near its top (a byline at its foot too): metadata, not body.

    On a one-page article there is nothing to compare with, so only lines that prove themselves go: the
    review line, a byline naming every author the metadata found, and a dateline beside that byline.
    """
    names = {w for line in header for w in line.split() if len(w) > 2 and not _DIGIT.search(w)}
    authors = {w.strip(",·|&;") for line in byline for w in norm(line).split() if len(w) > 2} - {"and", "by"}
    found, credits = set(), set()
    last = len(blocks) - 2
    for position, block in enumerate(blocks):
        if 5 <= position < last:
            continue
        key = norm(block["text"])
        words = key.split()
        if not words or len(words) > 15:
            continue
        named = sum(w.strip(",·|") in names for w in words) >= max(2, len(words) // 2)
        dated = len(words) <= 8 and bool(_DATELINE.search(key))
        reviewed = len(words) <= 10 and bool(_REVIEWED.match(key))
        # A line of names (under a label or not) naming every author the metadata found, under the title or at the foot.
        credited = (position < 3 or position >= last) and authors and authors <= {w.strip(",·|&;") for w in words} \
            and (words[0] == "by" or bool(byline_names(block["text"])))
        if credited:
            credits.add(position)
        if reviewed and position >= last:  # a review line after the text ("Medically reviewed by …")
            found.add(position)
        if position < 5 and (reviewed or (words[0] == "by" and paged and named) or (paged and dated)):
            found.add(position)
        elif position < 5 and dated and not paged and ({position - 1, position + 1} & credits or position == 0):
            found.add(position)
    if not paged:  # a dateline printed just below the byline (checked once the byline is known)
        found |= {p for p in range(min(5, len(blocks))) if p - 1 in credits and length_in_words(blocks[p]["text"]) <= 8
                  and _DATELINE.search(norm(blocks[p]["text"]))}
    return found | credits


def _teaser(block: dict) -> bool:
    """A short block that is one link to something else under a label ("READ MORE: Another Story")."""
    text = block.get("text", "")
    if len(text.split()) > 20 or ":" not in text[:25]:
        return False
    linked = " ".join(_SPACE.sub(" ", t) for t in _LINK_TEXT.findall(block.get("html") or ""))
    label = text.split(":", 1)[0]
    return len(label.split()) <= 3 and len(re.sub(r"<[^>]+>", "", linked).strip()) >= 0.5 * len(text)


def _trim_leading_teaser(blocks: list[dict], header: set[str]) -> list[dict]:
    """Drop text that a generic extractor kept above the article's own title heading."""
    for position, block in enumerate(blocks[:4]):
        if block["tag"].startswith("h") and norm(block["text"]) in header:
            return blocks[position + 1:]
    return blocks


def _header_texts(article: dict) -> set[str]:
    reviewer = article.get("reviewer") or ""
    texts = {norm(article.get("title")), norm(article.get("subtitle")), norm(reviewer)}
    texts.add(norm(re.sub(r"^\s*(?:medically\s+)?reviewed by[:\s]*", "", reviewer, flags=re.I)))
    byline = article.get("byline") or []
    texts.update(norm(line) for line in byline)
    texts.update(norm(f"By {line}") for line in byline)  # the byline as printed above the text
    texts.add(norm("By " + " and ".join(byline)))
    texts.add(norm(" ".join(byline)))
    return texts - {""}


def _page_urls(pages: list[dict]) -> list[str]:
    fetched = {p["url"] for p in pages}
    urls = [u for p in pages for u in p.get("page_urls", []) if u not in fetched]
    return list(dict.fromkeys(urls))


def _shingles(text: str) -> Counter:
    tokens = re.findall(r"\w+", text.casefold())
    return Counter(zip(tokens, tokens[1:], tokens[2:], tokens[3:]))


def _overlap(shingles: Counter, seen: Counter) -> float:
    total = sum(shingles.values())
    return sum(min(count, seen[s]) for s, count in shingles.items()) / total if total else 0.0


def assemble_capture(capture: ArticleCapture) -> dict:
    """The reassembled article of a capture whose pages are extracted, with completeness fields."""
    ok_pages = [p for p in capture.pages if p.ok]
    article = reassemble(capture.extracted, template=capture.template_lines) if capture.extracted else \
        {"blocks": [], "byline": [], "dates": []}
    view = capture.single_view
    if view is not None and view.extract and capture.extracted:  # verified to hold every page read: its text wins
        whole = reassemble([{**view.extract, "title": article.get("title"), "byline": article.get("byline")}])
        kept = {norm(b["text"]) for b in article["blocks"]}
        # What the pages showed to be chrome is chrome in the single view too.
        dropped = {norm(b["text"]) for page in capture.extracted for b in page.get("blocks", [])} - kept
        article["blocks"] = [b for b in whole["blocks"] if norm(b["text"]) not in dropped]
        article["single_page_url"] = view.final_url or view.url
    article["url"] = capture.url
    article["site"] = capture.site
    article["page_count"] = len(ok_pages)
    missing = [p.url for p in capture.pages if not p.ok]
    article["missing_pages"] = missing
    short = bool(capture.expected_pages) and len(ok_pages) < capture.expected_pages  # page 1 announced more
    article["complete"] = not missing and bool(ok_pages) and not short
    return article
