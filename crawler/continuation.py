"""Continuation candidates of one page, proposed broadly: the spider verifies each before it is a page.

A page proposes every link that could carry on its article (next-like words in many languages or in an
``aria-label``/``title``, ``rel=next``, numbered pager links, any link in its pagination widget, a URL that
differs from this one by one number, a single-page or print view) with a score. The score only orders the proposals and keeps hopeless
ones out; what a candidate is decides ``crawler.verify`` from the fetched page itself.
"""
from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

from crawler.pagination import text_of

# Next-like words anywhere in a short link text: what a reader sees, in several languages.
_NEXT_WORD = re.compile(
    r"\b(?:next|continued?|continues|continuing|(?:more|rest) of (?:this|the) (?:story|article)|keep reading|"
    r"read (?:the )?rest|weiter(?:lesen)?|"
    r"nächste|suivante?|siguiente|volgende|próxima|proxima|seguinte|successiva|avanti|dalej|næste|nästa|neste)\b"
    r"|^[›»→>]+$|[›»→]\s*$",
    re.I,
)
_PREV_WORD = re.compile(
    r"\b(?:prev(?:ious)?|back|first|last|older|newer|zurück|vorherige|précédente?|anterior|vorige|primera|erste)\b"
    r"|^[‹«←<]+", re.I)
# A next link that leads to another article, not to more of this one.
_OTHER_ITEM = re.compile(r"\bnext\s*(?::|\s)\s*(?:article|story|post|entry|read|up)\b|\bup next\b|\bnext in\b"
                         r"|\bread (?:more|next)\s*:", re.I)
_NOT_A_PAGE = re.compile(
    r"comment|[?&]cpage=|/(?:tag|tags|category|categories|archive|archives|topics?|search|author|authors|gallery|"
    r"photos)(?:/|$|\?)|[?&](?:s|q|replytocom)=|\bolder (?:posts|entries|stories)\b|/feed/?$",
    re.I,
)
_NOISE = re.compile(r"related|recommend|popular|trending|comment|footer|sidebar|promo|teaser|newsletter|share|"
                    r"most-read|more-stories|outbrain|taboola", re.I)
_PAGER = re.compile(r"pag(?:e|ination|er|ing)|continu", re.I)
# The class, id or aria-label of a pagination widget itself (not a "page-wrapper" around the whole page).
_PAGER_WIDGET = re.compile(r"paginat|\bpager|paging|page-?(?:numbers|links|nav)|(?<![\w-])pages(?![\w-])", re.I)
_SINGLE = re.compile(r"\b(?:(?:view|read|show|see)\s+(?:as\s+)?(?:a\s+)?(?:single|one|full)\s+page|single[- ]page"
                     r"|view all(?: pages)?|(?:show|read) (?:the )?(?:full|whole|entire) (?:article|story))\b", re.I)
_SINGLE_HREF = re.compile(r"[?&](?:pagewanted|page|view|pg)=(?:all|single|full)\b|[?&](?:single|singlepage|fullpage|"
                          r"showall|all)=(?:1|true|yes)\b|/(?:amp|print)/?$|[?&](?:amp|print)(?:=1|=true)?$|\.amp\.html?$",
                          re.I)
_PRINT_TEXT = re.compile(r"^(?:print(?:er[- ]friendly)?(?: (?:this|the))?(?: (?:article|page|story|version|view))?"
                         r"|amp(?: version)?)$", re.I)
_PAGE_WORD = re.compile(r"^(?:page|seite|página|pagina|blz|step|pg\.?)\s*(\d{1,2})\b", re.I)
# A label of one to three words without digits, then a number: how a pager link names its page in any language.
_LABELLED = re.compile(r"^(?:[^\d\s]+\s+){1,3}(\d{1,2})$")
# A label, a number and the total, then perhaps the part's own subtitle: "Part 2 of 3: Why it matters".
_COUNTED = re.compile(r"^(?:[^\d\s]+\s+){1,3}(\d{1,2})\s*(?:of|/|von|de|sur|van)\s*\d{1,2}\b(?!\s*\w)", re.I)
# A page number inserted into the article's URL: any punctuation, at most one word (any script) and the number
# (``-2``, ``/page/2``, ``?pg=2``, ``,strona,2``, ``;seite=2``); whatever it is, the fetched page must prove it.
_INSERTED = re.compile(r"^[^\w\s]{0,2}(?:[^\W\d_]{1,12}[^\w\s]{0,2})?(\d{1,4})[^\w\s]?$")
_NUMBERS = re.compile(r"(\d+)")
_DIGIT = re.compile(r"\d")
MAX_ANCHORS = 1500  # links examined per page: a 50,000-link page must not cost seconds
PROPOSE = 30  # FOLIO_PAGINATION_PROPOSE: score a link needs to be proposed at all
MAX_CANDIDATES = 6


def url_step(current: str, target: str) -> tuple[int, int] | None:
    """(number in ``current``, number in ``target``) when the two URLs differ by one number and nothing else.

    A URL with no number counts as number 1 before a 2 (page 1 of ``x-2.html``, ``x?page=2``, ``x/2/``,
    ``index2.html``) and as 0 before anything higher: an offset (``x?start=10``, ``x?offset=5``) or a later page,
    which the link's own text then numbers. None when they differ in anything else.
    """
    a, b = _tail(current), _tail(target)
    if a == b or not b:
        return None
    pa, pb = _numbers_split(a), _numbers_split(b)
    if len(pa) == len(pb):
        differing = [i for i, (x, y) in enumerate(zip(pa, pb)) if x != y]
        if len(differing) == 1 and differing[0] % 2 == 1:
            return int(pa[differing[0]]), int(pb[differing[0]])
        return None
    if len(pb) != len(pa) + 2:
        return None
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    end = 0
    while end < min(len(a), len(b)) - start and a[-1 - end] == b[-1 - end]:
        end += 1
    middle_a, middle_b = a[start:len(a) - end], b[start:len(b) - end]
    match = _INSERTED.match(middle_b) if middle_a == "" else None
    if not match:
        return None
    number = int(match.group(1))
    return (1 if number <= 2 else 0), number


def next_step(first: str, second: str, current: str) -> str | None:
    """The URL after ``current`` when page 1 -> page 2 was ``first`` -> ``second``: the learned pattern."""
    step = url_step(first, second)
    if not step or step[1] <= step[0]:
        return None
    stride = step[1] - step[0]
    here = step[1] if current == second else (url_step(second, current) or (None, None))[1]
    if here is None:
        return None
    parts = re.split(r"(\d+)", _tail(current))
    for index in range(1, len(parts), 2):
        if parts[index] == str(here):
            trial = parts.copy()
            trial[index] = str(here + stride)
            predicted = _head(current) + "".join(trial)
            if (url_step(first, predicted) or (None, None))[1] == here + stride:
                return predicted
    return None


def propose(anchors: list[tuple], url: str, *, rel_next: list[str], selector_urls: list[str] | None,
            propose_at: int = PROPOSE) -> list[dict]:
    """Scored continuation candidates of the page at ``url``, best first: {url, score, kind, why}."""
    if selector_urls is not None:  # a profile's next-page selector wins: it is the only proposal
        return [{"url": u, "score": 100, "kind": "profile", "why": "profile selector"} for u in selector_urls[:1]]
    found: dict[str, dict] = {}
    for target in rel_next:
        _keep(found, {"url": target, "score": 90, "kind": "rel", "why": "rel=next"})
    for anchor, target, text in _examined(anchors):
        candidate = _score(anchor, text, target, url)
        if candidate and candidate["score"] >= propose_at:
            _keep(found, candidate)
    return sorted(found.values(), key=lambda c: -c["score"])[:MAX_CANDIDATES]


def single_views(anchors: list[tuple], url: str) -> list[str]:
    """Links to the whole article on one page: "view as single page", ``pagewanted=all``, print or AMP views."""
    found = []
    for anchor, target, text in _examined(anchors):
        if _SINGLE.search(text) or _SINGLE_HREF.search(target) or _PRINT_TEXT.match(text):
            found.append(target.split("#", 1)[0])
    return list(dict.fromkeys(found))[:2]


def numbered_links(anchors: list[tuple]) -> dict[int, str]:
    """Pager links by the page number they show ("2" -> its URL), outside comment, listing and related boxes.

    A bare number or "page 2" names its page first; a short label ending in the number ("Load page 2",
    "Strona 2", "Part 2") or in the number and the total ("Part 2 of 3: Why it matters"), in any language,
    only names a page no bare number names.
    """
    found: dict[int, str] = {}
    labelled: dict[int, str] = {}
    for anchor, target, text in _examined(anchors):
        text = text.strip(" []()›»→")
        named = _PAGE_WORD.match(text)
        text = named.group(1) if named else text
        label = None if text.isdigit() else _LABELLED.match(text) or _COUNTED.match(text)
        number = int(text) if text.isdigit() else int(label.group(1)) if label else 0
        chosen = found if text.isdigit() else labelled
        if 1 <= number <= 50 and number not in chosen and not _NOT_A_PAGE.search(target) and place(anchor) != "noise":
            chosen[number] = target.split("#", 1)[0]
    return {**labelled, **found}


def link_text(anchor) -> str:
    """What a link says: its text, else its aria-label, title or image alt (icon-only arrows)."""
    text = " ".join(text_of(anchor).split())[:120]
    extra = anchor.get("aria-label") or anchor.get("title") or ""
    if not extra:
        for child in anchor.iter("img", "button", "span"):
            extra = child.get("alt") or child.get("aria-label") or child.get("title") or ""
            if extra:
                break
    parent = anchor.getparent()
    if not text and not extra and parent is not None and parent.tag == "button":
        extra = parent.get("aria-label") or parent.get("title") or ""
    return f"{text} {extra}".strip() if extra and extra not in text else text


def _score(anchor, text: str, target: str, url: str) -> dict | None:
    step = url_step(url, target)
    if step and max(step) > 1000:
        step = None  # ids, dates and years are not page numbers
    score, why = _step_score(step, text)
    if text and len(text) <= 60 and _NEXT_WORD.search(text):
        score, why = score + 40, why + ["next-like text"]
    rel = f" {anchor.get('rel', '')} ".lower()
    if " next " in rel:
        score, why = score + 60, why + ["rel=next"]
    back = None if step else url_step(target, url)
    if back and max(back) <= 1000:
        score -= 60  # page 1, linked from a later page
    where = place(anchor)
    if where == "pager" and score >= 0:
        # Whatever its words or URL say, a link in the page's own pager that is not an earlier page is worth
        # one fetch: the page it leads to verifies itself or is rejected (and pages already read are skipped).
        score, why = score + 30, why + ["in a pager"]
    if not step and not why:
        return None
    if _PREV_WORD.search(text):
        score -= 100
    if _OTHER_ITEM.search(text):
        score -= 40
    if _NOT_A_PAGE.search(target) or _NOT_A_PAGE.search(text):
        score -= 60
    if score >= PROPOSE - 10 and where == "noise":
        score -= 30
    return {"url": target.split("#", 1)[0], "score": score, "kind": "number" if step else "text", "why": ", ".join(why)}


def _step_score(step: tuple[int, int] | None, text: str) -> tuple[int, list[str]]:
    """What the URL arithmetic says of a link: the next page (+40, +10 more with its number as text), the next
    chunk of a constant offset (+30), a later page, or an earlier one (-60)."""
    if not step:
        return 0, []
    if step[1] <= step[0]:
        return -60, []  # an earlier page of the same article
    gap = step[1] - step[0]
    if (gap == 1 and step[0] <= 200) or (step[0] in (0, 1) and gap >= 2 and step[1] % 10 == 0) or (step[0] > 1 and gap == step[0]):
        if text.strip(" ›»→>").isdigit():
            return 50, ["URL is this one plus one page", "page number"]
        return 40, ["URL is this one plus one page"]
    if step[0] % gap == 0 and gap >= 2 and not _DIGIT.search(text):
        # ``?offset=5`` -> 10 -> 15: a number stepping by a constant from 0, under words that number no page
        # ("Load more"); only as sure as one fetch, which shows whether it continues this text or lists comments
        # (a link in a comment or related box is scored down in ``_score``).
        return PROPOSE, ["URL number steps by a constant offset"]
    return (5, ["a later page number"]) if text.isdigit() else (0, [])


def is_direction(text: str) -> bool:
    """Whether a link says "next" or "previous" rather than naming a page."""
    return bool(_NEXT_WORD.search(text) or _PREV_WORD.search(text))


def _keep(found: dict, candidate: dict) -> None:
    old = found.get(candidate["url"])
    if old is None or old["score"] < candidate["score"]:
        found[candidate["url"]] = candidate
    elif old is not None and candidate["score"] > 0:
        old["score"] += 5  # two links agree on it


def with_text(anchors: list[tuple]) -> list[tuple]:
    """(anchor, URL, what it says) of the links examined: each link's text read once per page."""
    return [(anchor, target, link_text(anchor)) for anchor, target in _bounded(anchors)]


def _examined(anchors: list[tuple]) -> list[tuple]:
    return anchors if anchors and len(anchors[0]) == 3 and len(anchors) <= MAX_ANCHORS else with_text(anchors)


def _bounded(anchors: list[tuple]) -> list[tuple]:
    """At most MAX_ANCHORS links: the first and last ones, where pagers sit, when a page has too many."""
    half = MAX_ANCHORS // 2
    return anchors if len(anchors) <= MAX_ANCHORS else anchors[:half] + anchors[-half:]


def place(anchor) -> str:
    """Where a link sits: "pager" (a pagination widget), "noise" (related, footer, sidebar boxes) or ""."""
    for level, ancestor in enumerate(anchor.iterancestors()):
        if level >= 6:
            break
        kind = _own_kind(ancestor) or ("noise" if ancestor.tag in ("footer", "aside") else "")
        if kind:
            return "" if kind == "pagerish" else kind
    return ""


def is_noise(element) -> bool:
    """Whether an element's own class, id or aria-label names a related, footer, sidebar or comment box."""
    return _own_kind(element) == "noise"


def _own_kind(element) -> str:
    marks = element.attrib
    return _marker_kind(f"{marks.get('class', '')} {marks.get('id', '')} {marks.get('aria-label', '')}") if marks else ""


@lru_cache(maxsize=4096)
def _marker_kind(marker: str) -> str:
    """The kind a class/id/aria-label text names (cached: a page repeats the same few class names)."""
    if _PAGER_WIDGET.search(marker):
        return "pager"
    if _PAGER.search(marker):
        return "pagerish"
    return "noise" if _NOISE.search(marker) else ""


@lru_cache(maxsize=8192)
def _numbers_split(tail: str) -> tuple[str, ...]:
    """The tail cut around its numbers (odd positions): a page's links are compared with its URL several times."""
    return tuple(_NUMBERS.split(tail))


@lru_cache(maxsize=8192)
def _tail(url: str) -> str:
    """The URL without scheme, host and fragment: what page numbering changes (cached: a page's own URL is
    compared with each of its links)."""
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def _head(url: str) -> str:
    return "{0}://{1}".format(*urlsplit(url))
