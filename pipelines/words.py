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


def tokens_length(tokens: list[str]) -> int:
    """The same count from ``\\w+`` tokens already found."""
    if not _UNSPACED.search(" ".join(tokens)):  # most text has no unspaced script: one search, not one per token
        return len(tokens)
    return sum(len(_UNSPACED.findall(token)) or 1 for token in tokens)
