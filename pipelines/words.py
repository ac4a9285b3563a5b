"""How long a piece of text is, in words, for scripts written with and without spaces."""
from __future__ import annotations

import re

_WORD = re.compile(r"\w+")
# Scripts written without spaces between words (kana, CJK ideographs, Hangul syllables): each character
# counts as a word, else a Japanese paragraph measures two "words" and passes for a caption or a marker.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def length_in_words(text: str) -> int:
    """The number of words in ``text``, each character of an unspaced script counted as one."""
    return tokens_length(_WORD.findall(text))


def tokens_length(tokens: list[str], text: str | None = None) -> int:
    """The same count from ``\\w+`` tokens already found (``text``: where they were found, searched first)."""
    # Most text has no unspaced script: one search of the text (or the joined tokens), not one per token.
    if (text is not None and not _UNSPACED.search(text)) or not _UNSPACED.search(" ".join(tokens)):
        return len(tokens)
    return sum(len(_UNSPACED.findall(token)) or 1 for token in tokens)
