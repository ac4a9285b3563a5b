"""Bylines that news desks print without an English-shaped label.

A Chinese paper credits its staff as "本报记者 王丽华 陈志强" (the paper's reporters, names set apart by spaces)
and its masthead as "来源：健康生活报" (the source: the paper itself, a publisher, not a writer). A Turkish wire
story prints "Elif Çelik | İZMİR (DHA)": one name, then the place it was filed from and the agency, which is
what makes a lone name a byline. Each is told by its shape, and the publisher by agreement with the page's own
<title> or ``og:site_name``, not by a list of sites.
"""
from __future__ import annotations

import re

# Scripts without capitals (kana, Han, Hangul), as the byline reader has them.
_CASELESS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"
# The words a reporter's credit ends its label with (reporter, author, correspondent), in Chinese and Japanese:
# a closed class, like the writer words of the other languages' labels.
_REPORTER_WORD = "记者|記者|作者|撰文|撰稿|通讯员|通訊員"
_REPORTER_LINE = re.compile(rf"^[{_CASELESS}]{{0,6}}(?:{_REPORTER_WORD})\s+"
                            rf"(?P<names>[{_CASELESS}]{{2,4}}(?:\s+[{_CASELESS}]{{2,4}}){{0,5}})$")
# After the names: a bar or comma, a place in capitals, an agency's initials in brackets ("| İZMİR (DHA)").
_FILED_FROM = re.compile(r"\s*[|,–—-]\s*(?P<place>[^\W\d_]+(?:[ .'-]+[^\W\d_]+){0,2})\s*\((?P<agency>[^\W\d_]{2,8})\)\s*")
_TITLE_PARTS = re.compile(r"\s+[|\-–—·»]\s+|_")


def reporter_names(line: str) -> list[str]:
    """The names of a reporter credit in a caseless script ("本报记者 王丽华 陈志强"): each run between spaces a name."""
    match = _REPORTER_LINE.match(line)
    return match.group("names").split() if match else []


def filed_from(tail: str | None) -> bool:
    """A byline's tail that is a place in capitals and an agency's initials in brackets ("| İZMİR (DHA)")."""
    match = _FILED_FROM.fullmatch(tail or "")
    return bool(match) and match.group("place").isupper() and match.group("agency").isupper()


def publisher_only(names: list[str], root) -> bool:
    """Every name is the site's own: a part of the page's <title> besides its longest (the headline), or its
    og:site_name."""
    if root is None or not isinstance(root.tag, str) or not names:
        return False
    title = next(root.iter("title"), None)
    parts = [p.strip().casefold() for p in _TITLE_PARTS.split(" ".join("".join(title.itertext()).split()))] \
        if title is not None else []
    site = set(parts) - {max(parts, key=len)} if len(parts) > 1 else set()
    site |= {(m.get("content") or "").strip().casefold() for m in root.iter("meta") if m.get("property") == "og:site_name"}
    return all(name.strip().casefold() in site for name in names)
