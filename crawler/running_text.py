"""Whether a page reached by a link's words alone carries on the article's text, or only captions a picture.

A link that says "next" and nothing more (no page number in its URL, no pager around it) may lead to a photo
gallery, a slideshow or a quiz printed in the article's own template: the same headline, byline and date, and
words not read yet. What such a page adds is a caption, not a paragraph of the article's running text. The
yardstick is the article's own paragraphs on the pages read, so no word of any language is listed here.
"""
from __future__ import annotations

import statistics

# Sizes are letters, not words: a paragraph of Chinese or Japanese is one "word" between spaces.
PROSE_LETTERS = 70  # a sentence of running text (some 12 words): enough, whatever the article's paragraphs run to
RUN_SHARE = 0.5  # or this share of the article's median paragraph, when its paragraphs are shorter than 2 x that
MOST_BLOCKS = 300  # blocks kept per page report
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})  # a heading is no running text, however long


def block_sizes(blocks: list[dict], key) -> list[list]:
    """[tag, letters, key(text)] of each body block: how long the page's paragraphs run, and which were read."""
    return [[b.get("tag", "p"), len("".join(b["text"].split())), key(b["text"])]
            for b in blocks[:MOST_BLOCKS] if b.get("text")]


def no_running_text(read: list[dict], candidate: dict) -> str | None:
    """Why the candidate adds no paragraph of the article's running text, or None when it does (or when the
    reports do not tell: pages analysed before block sizes were reported)."""
    sizes = [r.get("blocks") for r in read]
    if candidate.get("blocks") is None or not all(s is not None for s in sizes):
        return None
    read_keys = {key for blocks in sizes for _, _, key in blocks}
    lengths = [size for blocks in sizes for tag, size, _ in blocks if tag not in _HEADINGS]
    if not lengths:
        return None  # the pages read print no paragraph to measure a continuation by
    median = statistics.median(lengths)
    new = [size for tag, size, key in candidate["blocks"] if tag not in _HEADINGS and key not in read_keys]
    longest = max(new, default=0)
    if longest >= min(PROSE_LETTERS, RUN_SHARE * median):
        return None
    return (f"no running text: its longest new paragraph has {longest} letters, the article's run to {median:.0f} "
            f"(a caption or a gallery item reached by a link's words alone)")
