"""Reassemble: the extracted pages of one article into one article, each paragraph once, in order."""
from __future__ import annotations

import re
from collections import Counter

from crawler.items import ArticleCapture

_SPACE = re.compile(r"\s+")
# Markers and navigation that sit in or around the body on paginated articles.
CHROME_TEXT = re.compile(
    r"^(?:\(?continued(?: from (?:page|previous page) \d+)?\)?\.{0,3}…?|skip to (?:main )?content|font size(?: a)*"
    r"|[<‹«]?\s*(?:next|previous|prev)(?: page)?\s*[>›»]*|page \d+ of \d+"
    r"|(?:\d+\s*\|?\s*)+(?:next(?: page)?\s*[>›»]*)?|print(?: this)?(?: article| page)?|view (?:as )?(?:a )?single page"
    r"|advertisement|continue reading(?: below)?\s*[>›»]*)$",
    re.I,
)
NEAR_DUPLICATE = 0.8  # share of a page's shingles already seen for it to count as a repeat


def norm(text: str | None) -> str:
    """Text compared for equality: case and spacing folded, trailing ellipses dropped."""
    return _SPACE.sub(" ", (text or "")).strip().strip(".…").strip().casefold()


def reassemble(pages: list[dict]) -> dict:
    """Merge page extracts (page 1 first) into one article dict; page 1's metadata wins."""
    first = pages[0]
    article = {key: first.get(key) for key in first if key not in ("blocks", "dates")}
    for key in ("title", "subtitle", "reviewer", "section", "language", "canonical_url", "description"):
        article[key] = article.get(key) or next((p[key] for p in pages[1:] if p.get(key)), None)
    article["byline"] = first.get("byline") or next((p["byline"] for p in pages[1:] if p.get("byline")), [])
    article["dates"] = [d for p in pages for d in p.get("dates", [])]
    article["modified"] = [d for p in pages for d in p.get("modified", [])]
    article["references"] = list(dict.fromkeys(r for p in pages for r in p.get("references", [])))
    article["next_page_url"] = pages[-1].get("next_page_url")
    article["page_urls"] = _page_urls(pages)
    article["blocks"], article["repeated_pages"] = merge_blocks(pages, _header_texts(article))
    return article


def merge_blocks(pages: list[dict], header: set[str]) -> tuple[list[dict], list[str]]:
    """Every page's body blocks once, in order, minus headers repeated on each page and chrome."""
    merged: list[dict] = []
    seen: set[str] = set()
    seen_shingles: Counter = Counter()
    repeated: list[str] = []
    for index, page in enumerate(pages):
        blocks = _trim_leading_teaser(page.get("blocks", []), header)
        kept = []
        for block in blocks:
            key = norm(block["text"])
            if key in header or CHROME_TEXT.match(key):
                continue
            if index and not kept and key in seen:
                continue  # a lead paragraph that a later page repeats above its own text
            kept.append(block)
        if len(pages) == 1:
            return kept, []  # no other page to repeat it
        # The whole page's text, repeated lead included: a page whose every paragraph was seen is a repeat.
        shingles = _shingles(" ".join(b["text"] for b in blocks))
        if index and shingles and _overlap(shingles, seen_shingles) >= NEAR_DUPLICATE:
            repeated.append(page["url"])
            continue
        merged.extend(kept)
        seen.update(norm(b["text"]) for b in kept)
        seen_shingles.update(shingles)
    return merged, repeated


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


class Reassemble:
    """Scrapy pipeline: one article from its pages, recording what is missing."""

    def process_item(self, item: ArticleCapture) -> ArticleCapture:
        item.article = assemble_capture(item)
        return item


def assemble_capture(capture: ArticleCapture) -> dict:
    """The reassembled article of a capture whose pages are extracted, with completeness fields."""
    ok_pages = [p for p in capture.pages if p.ok]
    article = reassemble(capture.extracted) if capture.extracted else {"blocks": [], "byline": [], "dates": []}
    article["url"] = capture.url
    article["site"] = capture.site
    article["page_count"] = len(ok_pages)
    missing = [p.url for p in capture.pages if not p.ok]
    article["missing_pages"] = missing
    article["complete"] = not missing and bool(ok_pages)
    return article
