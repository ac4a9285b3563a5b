"""Dates printed right above a page's headline: a strip of "Publikováno 17. 4. 2025 10:15" over the <h1>.

Many portals set the date line before the headline rather than under it. Those lines are read as the lines
under the headline are (a short label, then a date dateparser reads in the page's language to the line's end);
only the headline's own preceding siblings are read, so a masthead or a menu further up never dates the article.
"""
from __future__ import annotations

import re

_SPACE = re.compile(r"\s+")
ABOVE_BOXES = 2  # elements read before the headline: a date strip, a kicker
ABOVE_WORDS = 24  # words: a longer text above the headline is a teaser or a menu, not a date strip
_INLINE = {"span", "time", "a", "em", "strong", "small", "b", "i"}


def lines_above(root) -> list[str]:
    """The short texts of the elements right before the page's first <h1>, nearest first; each box's inline parts
    that carry text of their own (a date span beside an update span) are lines of their own as well."""
    heading = next(iter(root.iter("h1")), None) if root is not None and isinstance(root.tag, str) else None
    found: list[str] = []
    boxes = 0
    for element in heading.itersiblings(preceding=True) if heading is not None else ():
        if not isinstance(element.tag, str):
            continue
        text = _SPACE.sub(" ", element.text_content()).strip()
        if len(text.split()) > ABOVE_WORDS or boxes >= ABOVE_BOXES:
            break
        boxes += 1
        if text:
            parts = [_SPACE.sub(" ", c.text_content()).strip() for c in element if c.tag in _INLINE]
            found += [text, *(p for p in parts if p and p != text)]
    return found
