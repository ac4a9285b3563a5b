"""Chrome by comparison, the cases a block's length hides: boxes read as one block, and text every page shares.

A body reading may join a box of short lines into one block ("发布时间：… 来源：… 【字体：大 中 小】 打印本页"),
too long to be a short line yet made only of lines the template prints; and a site may print the article's
own lead again above every later page's text, a short block on every page that is text, not the template's.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from pipelines.words import length_in_words

SEGMENT_WORDS = 8  # spaced words of one line of a box ("【字体：大 中 小】 打印本页 关闭窗口" is five)
BOX_WORDS = 50  # spaced words of a box read as one block: longer is a paragraph
LEAD_WORDS = 8  # words: a lead paragraph reads as a sentence this long or longer
TEXT_WORDS = 15  # words: a block longer than this is running text
HEAD_BLOCKS = 5  # blocks under the headline where a credits box sits (a list of short bullets is no box)
OPENER_WORDS = 4  # words: the longest "continued" line read above a later page's text
_SENTENCE_END = re.compile(r"[.!?。！？…][\"'”’»)]*$")
_CLAUSE_END = re.compile(r"[.!?。！？…:：;；,，][\"'”’»)]*$")  # a sentence's or a clause's end, or a list's lead-in


def composed(text: str, printed: Callable[[str], bool]) -> bool:
    """Whether ``text`` is two or more short lines run together, each one ``printed`` (the template's).

    Read from the left, each next line the shortest that is printed: a paragraph fails on its first words,
    so the check costs a few hashes."""
    words = text.split()
    if not 2 <= len(words) <= BOX_WORDS:
        return False
    start, parts = 0, 0
    while start < len(words):
        end = next((e for e in range(start + 1, min(start + SEGMENT_WORDS, len(words)) + 1)
                    if printed(" ".join(words[start:e]))), None)
        if end is None:
            return False
        start, parts = end, parts + 1
    return parts >= 2


def sentence(text: str) -> bool:
    """A block that reads as a sentence of running text: long enough and ending as sentences end."""
    return length_in_words(text) >= LEAD_WORDS and bool(_SENTENCE_END.search(text.strip()))


def shared_leads(pages: list[list[dict]], found: set[tuple[int, int]], key: Callable[[str], str]) -> set[tuple[int, int]]:
    """Page-1 positions of a lead paragraph every later page prints again above its own text: text, not chrome.

    On page 1 it is a sentence set right above running text; on each later page it opens the text, right
    above running text too. Chrome printed on every page (a dek, a newsletter line) is not in both places."""
    kept = set()
    for position, block in enumerate(pages[0]):
        if (0, position) not in found or block["tag"] != "p" or not sentence(block["text"]):
            continue
        if all(_opens_text(blocks, index, key(block["text"]), found, key, first=index == 0)
               for index, blocks in enumerate(pages)):
            kept.add((0, position))
    return kept


def _opens_text(blocks: list[dict], index: int, wanted: str, found: set[tuple[int, int]], key: Callable[[str], str],
                *, first: bool) -> bool:
    """Whether the block ``wanted`` sits right above running text on page ``index`` (and, on a later page,
    with only chrome above it)."""
    for position, block in enumerate(blocks):
        if key(block["text"]) == wanted:
            after = position + 1
            return after < len(blocks) and (index, after) not in found and \
                length_in_words(blocks[after]["text"]) > TEXT_WORDS
        if not first and (index, position) not in found:
            return False  # text of its own comes first: the block is not where a repeated lead is printed
    return False


def head_box(blocks: list[dict], found: set[int]) -> set[int]:
    """Short lines in the box above a page's text, beside a line shown to be chrome or metadata: the same box.

    Under the headline and before the text a site prints its credits box (a byline, a dateline, a source,
    print and font tools); once one line of the box is proven the site's, a short line beside it that does
    not read as a sentence (a byline in a script or form no byline reader knows) is part of it."""
    if not found:
        return set()  # nothing proven: nothing to grow from (most one-page articles)
    text = next((n for n, b in enumerate(blocks) if n not in found and length_in_words(b["text"]) > TEXT_WORDS), None)
    if text is None:
        return set()
    more: set[int] = set()
    grown = True
    while grown:
        grown = False
        for n in range(min(text, HEAD_BLOCKS)):
            if n in found or n in more or not ({n - 1, n + 1} & (found | more)):
                continue
            block = blocks[n]
            if block["tag"] == "p" and len(block["text"].split()) <= SEGMENT_WORDS \
                    and not _SENTENCE_END.search(block["text"].strip()):
                more.add(n)
                grown = True
    return more


def later_page_openers(pages: list[list[dict]], found: set[tuple[int, int]]) -> set[tuple[int, int]]:
    """A short line that is no sentence opening a later page's text ("Haberin devamı") where page 1's does not.

    A site prints its "continued" line above a later page's text in whatever words; page 1, whose text
    starts the article, shows where the site's text itself starts: with what such a line is not."""
    tops = [_opener(blocks, index, found) for index, blocks in enumerate(pages)]
    if len(pages) < 2 or tops[0] is None or _label_like(pages[0][tops[0]]):
        return set()
    openers = {(index, top) for index, top in enumerate(tops) if index and top is not None
               and _label_like(pages[index][top]) and _running_text(pages[index], index, top + 1, found)}
    # A site that sets subheads as short paragraphs inside its text may open a page with one: no proof then.
    subheads = any(_label_like(block) for index, blocks in enumerate(pages) for n, block in enumerate(blocks)
                   if (index, n) not in found | openers and n != tops[index])
    return set() if subheads else openers


def _opener(blocks: list[dict], index: int, found: set[tuple[int, int]]) -> int | None:
    return next((n for n in range(len(blocks)) if (index, n) not in found), None)


def _label_like(block: dict) -> bool:
    """A paragraph of a few words that ends as no sentence does (no full stop, colon, question or ellipsis)."""
    text = block["text"].strip()
    return block["tag"] == "p" and 0 < len(text.split()) <= OPENER_WORDS and not _CLAUSE_END.search(text) \
        and length_in_words(text) <= OPENER_WORDS


def _running_text(blocks: list[dict], index: int, position: int, found: set[tuple[int, int]]) -> bool:
    after = next((n for n in range(position, len(blocks)) if (index, n) not in found), None)
    return after is not None and length_in_words(blocks[after]["text"]) > TEXT_WORDS
