"""Where a page prints its body text in its template: the slot check that tells article text from comments.

Pages of one article print their text in the same place of their shared template (the same parent and
grandparent elements, by tag and class). A page whose text sits elsewhere (a comments thread paged with the
article's own pager, a listing under the same headline) holds no more of the article, even when its words
are new and its headline agrees. The check compares structure with the pages already read, not URL words.
"""
from __future__ import annotations

import zlib

from crawler.pagination import text_of

SLOT_TAGS = ("p", "li", "h2", "h3", "h4", "blockquote", "dd", "pre", "td")
MAX_ELEMENTS = 4000
MAIN_SHARE = 0.2  # a slot holding this share of the read pages' body words is where the article prints its text
PLACED_MIN = 0.5  # the main slots must hold this share of the read words for the template to place the text
UNPLACED = -1  # the slot of body text found in no paragraph-like element
NEW_IN_MAIN_MIN = 0.3  # least share of a candidate's body words that sit in the read pages' main slots


def _name(element) -> str:
    return f"{element.tag}.{' '.join(sorted((element.get('class') or '').split()))}" if element is not None else "-"


def slot_of(element) -> int:
    """The element's place in the template: its parent's and grandparent's tag and class names, hashed."""
    parent = element.getparent()
    grand = parent.getparent() if parent is not None else None
    return zlib.crc32(f"{_name(parent)}<{_name(grand)}".encode())


def body_slots(root, blocks: list[dict]) -> list[list[int]]:
    """[slot, words] for the slots holding the page's body blocks (plain data for the page report); the words
    of blocks no paragraph-like element holds (text straight in a container) count under UNPLACED."""
    return _slots(*_placed(root, blocks))


def last_of_text(root, blocks: list[dict]):
    """The last element that prints the page's body text where most of it sits (its main slots), or None.

    Blocks printed elsewhere (a sidebar's note the extractor kept) do not move the end of the article's text."""
    placed, unplaced = _placed(root, blocks, whole=True)
    if placed is None:
        return None  # a page too long to read to its end: where the text ends is not known
    main = main_slots([{"slots": _slots(placed, unplaced)}])
    return next((element for element, slot, _ in reversed(placed) if slot in main), None) if main else None


def _slots(placed: list[tuple], unplaced: int) -> list[list[int]]:
    """[slot, words] of the placed blocks, and the words placed nowhere under UNPLACED."""
    found: dict[int, int] = {UNPLACED: unplaced} if unplaced else {}
    for _, slot, words in placed:
        found[slot] = found.get(slot, 0) + words
    return sorted([slot, words] for slot, words in found.items())


def _placed(root, blocks: list[dict], whole: bool = False) -> tuple[list[tuple] | None, int]:
    """((element, slot, words) of each body block at its first place in the page, words of the blocks placed
    nowhere); with ``whole``, None for the first when the page has more than MAX_ELEMENTS paragraph-like elements."""
    wanted = {" ".join(b["text"].split()) for b in blocks if b.get("text")}
    placed = []
    if root is None or not wanted:
        return placed, 0
    for count, element in enumerate(root.iter(*SLOT_TAGS)):
        if count >= MAX_ELEMENTS:
            if whole:
                return None, 0
            break
        text = " ".join(text_of(element).split())
        if text in wanted:
            wanted.discard(text)  # a text is counted once, at its first place
            placed.append((element, slot_of(element), len(text.split())))
    return placed, sum(len(text.split()) for text in wanted)


def main_slots(read: list[dict]) -> set[int] | None:
    """The slots where the pages read print their article text, or None when no few slots hold most of it."""
    words: dict[int, int] = {}
    for report in read:
        for slot, count in report.get("slots") or []:
            words[slot] = words.get(slot, 0) + count
    total = sum(words.values())
    main = {slot for slot, count in words.items() if count >= MAIN_SHARE * total and slot != UNPLACED}
    if not total or sum(words[s] for s in main) < PLACED_MIN * total:
        return None
    return main


def misplaced(read: list[dict], candidate: dict) -> str | None:
    """Why the candidate's text is not in the place the article prints its text, or None."""
    main = main_slots(read)
    own = candidate.get("slots") or []
    total = sum(count for _, count in own)
    if main is None or not total:
        return None
    placed = sum(count for slot, count in own if slot in main)
    if placed < NEW_IN_MAIN_MIN * total:
        return (f"its text is elsewhere in the template ({placed} of {total} words where the pages read print "
                f"the article: comments, a listing or another part)")
    return None
