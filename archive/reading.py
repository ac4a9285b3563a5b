"""What a reader sees of an article: sanitized body HTML, the fields the article page shows, version diffs."""
from __future__ import annotations

import json
import re
from datetime import date, datetime
from difflib import SequenceMatcher
from html import escape

import nh3
from markupsafe import Markup

# Text structure only: nothing that runs, loads from elsewhere or restyles the page.
ALLOWED_TAGS = {"p", "h2", "h3", "h4", "ul", "ol", "li", "blockquote", "a", "em", "strong", "b", "i", "br"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
# Dropped together with their content, not just unwrapped.
DROPPED_WITH_CONTENT = {"script", "style", "iframe", "object", "embed", "noscript", "template", "svg", "math"}
LINK_SCHEMES = ("http://", "https://")


def _only_web_links(tag: str, attribute: str, value: str) -> str | None:
    # nh3 passes relative URLs through; keep absolute http(s) links only.
    if tag == "a" and attribute == "href":
        return value if value.strip().lower().startswith(LINK_SCHEMES) else None
    return value


def clean_html(html: str) -> str:
    """Stored body HTML reduced to safe text markup: no scripts, handlers, javascript: or remote loads."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        clean_content_tags=DROPPED_WITH_CONTENT,
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=_only_web_links,
        url_schemes={"http", "https"},
        link_rel="nofollow noopener",
        strip_comments=True,
    )


def text_to_html(text: str) -> str:
    """Plain text with blank-line paragraph breaks as escaped <p> paragraphs."""
    paragraphs = [p.strip() for p in text.replace("\r\n", "\n").split("\n\n")]
    return "".join(f"<p>{escape(p).replace(chr(10), '<br>')}</p>" for p in paragraphs if p)


def body_markup(body_html: str | None, body_text: str | None) -> Markup:
    """The body ready for a template: sanitized HTML, else escaped text paragraphs."""
    if body_html and body_html.strip():
        return Markup(clean_html(body_html))
    return Markup(text_to_html(body_text or ""))


def json_list(value: str | None) -> list[str]:
    """A JSON list column as a list of strings; a value that is not a JSON list is kept as one item."""
    if not value:
        return []
    try:
        parsed = json.loads(value)
    except ValueError:
        return [value]
    if isinstance(parsed, list):
        return [str(item) for item in parsed if item not in (None, "")]
    return [str(parsed)]


def readable_date(value: str | None) -> str | None:
    """An ISO date or date-time as "12 March 2024" or "3 April 2024, 09:30 +00:00"; other text as is."""
    if not value:
        return None
    try:
        if len(value) == 10:
            return f"{date.fromisoformat(value):%-d %B %Y}"
        moment = datetime.fromisoformat(value)
    except ValueError:
        return value
    offset = moment.utcoffset()
    zone = "" if offset is None else " UTC" if not offset else " " + moment.isoformat()[-6:]
    return f"{moment:%-d %B %Y, %H:%M}{zone}"


def web_url(value: str | None) -> str | None:
    """`value` if it is an http(s) URL, so a template can link it safely; otherwise None."""
    return value if value and value.strip().lower().startswith(LINK_SCHEMES) else None


def article_view(article: dict, pages: list[dict]) -> dict:
    """Everything the article template shows, from an articles row and its pages rows."""
    missing = json_list(article.get("missing_pages"))
    return {
        **article,
        "authors": json_list(article.get("authors")),
        "missing_pages": missing,
        "published_display": readable_date(article.get("published")),
        "modified_display": readable_date(article.get("modified")) or article.get("modified_raw"),
        "reviewed_display": readable_date(article.get("reviewed")) or article.get("reviewed_raw"),
        "sources": [{"text": source, "url": web_url(source)} for source in json_list(article.get("sources"))],
        "single_page_url": web_url(article.get("single_page_url")),
        "is_complete": bool(article.get("complete")) and not missing,
        "body": body_markup(article.get("body_html"), article.get("body_text")),
        "original_url": web_url(article.get("canonical_url")) or web_url(article.get("url")),
        "word_count": word_count(article.get("body_text")),  # as the history counts it, whatever stored it
        "pages": sorted(pages, key=lambda page: (page.get("number") is None, page.get("number"), page["url"])),
    }


# --- versions --------------------------------------------------------------------------------------

PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
TOKEN = re.compile(r"\s+|\w+|[^\w\s]")  # words, runs of whitespace, single punctuation marks
SIMILAR = 0.5  # a changed paragraph shares at least half its words with the old one
DIFF_FIELDS = ("title", "subtitle", "authors", "published")


def paragraphs(text: str | None) -> list[str]:
    """Text split into its paragraphs on blank lines, stripped, empty ones dropped."""
    return [p.strip() for p in PARAGRAPH_BREAK.split((text or "").replace("\r\n", "\n")) if p.strip()]


def word_diff(old: str, new: str) -> list[list[str]]:
    """`old` to `new` as [op, text] segments (op: equal, delete, insert), word by word."""
    a, b = TOKEN.findall(old), TOKEN.findall(new)
    chunks: list[list[str]] = []  # ["equal", text] or ["change", old, new]
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            chunks.append(["equal", "".join(a[i1:i2])])
            continue
        removed, added = "".join(a[i1:i2]), "".join(b[j1:j2])
        if len(chunks) > 1 and _absorbs(chunks[-2], chunks[-1], removed, added):
            between = chunks.pop()[1]
            chunks[-1][1] += between + removed
            chunks[-1][2] += between + added
        else:
            chunks.append(["change", removed, added])
    segments = []
    for chunk in chunks:
        if chunk[0] == "equal":
            segments.append(chunk)
        else:
            segments += [[op, text] for op, text in (("delete", chunk[1]), ("insert", chunk[2])) if text]
    return segments


def _absorbs(before: list[str], equal: list[str], removed: str, added: str) -> bool:
    # "<del>cat</del><ins>dog</ins> <del>sat</del><ins>ran</ins>" reads better as one change: a
    # space or punctuation left equal between two changes joins them, unless that would leave a
    # change that only removes or adds spaces, which nobody can see.
    if before[0] != "change" or equal[0] != "equal" or re.search(r"\w", equal[1]):
        return False
    return bool(equal[1].strip()) or bool((before[1] or removed) and (before[2] or added))


def _similar(old: str, new: str) -> bool:
    return SequenceMatcher(None, old.split(), new.split(), autojunk=False).ratio() >= SIMILAR


def _pair(old: list[str], new: list[str]) -> list[dict]:
    # In order: an old paragraph is changed into the next similar new one; new ones skipped on the
    # way were added, an old one with no similar new one was removed.
    items, start = [], 0
    for paragraph in old:
        match = next((k for k in range(start, len(new)) if _similar(paragraph, new[k])), None)
        if match is None:
            items.append({"op": "delete", "text": paragraph})
            continue
        items += [{"op": "insert", "text": text} for text in new[start:match]]
        items.append({"op": "change", "from": paragraph, "to": new[match], "words": word_diff(paragraph, new[match])})
        start = match + 1
    return items + [{"op": "insert", "text": text} for text in new[start:]]


def _collapse(items: list[dict], context: int) -> list[dict]:
    # Runs of unchanged paragraphs more than `context` away from any change become one
    # {"op": "skip", "count": n}; a run of one stays, as a marker would hide nothing.
    changed = [i for i, item in enumerate(items) if item["op"] != "equal"]
    far = [item["op"] == "equal" and all(abs(i - c) > context for c in changed) for i, item in enumerate(items)]
    shown, i = [], 0
    while i < len(items):
        end = i
        while end < len(items) and far[end]:
            end += 1
        if end - i > 1:
            shown.append({"op": "skip", "count": end - i})
            i = end
        else:
            shown.append(items[i])
            i += 1
    return shown


def body_diff(old_text: str | None, new_text: str | None, *, context: int = 1) -> list[dict]:
    """Paragraph-level diff: equal, change (with word segments), insert, delete; far unchanged ones as skip."""
    a, b = paragraphs(old_text), paragraphs(new_text)
    items: list[dict] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            items += [{"op": "equal", "text": text} for text in a[i1:i2]]
        else:
            items += _pair(a[i1:i2], b[j1:j2])
    return _collapse(items, context)


def _field(version: dict, name: str):
    return json_list(version.get(name)) if name == "authors" else version.get(name)


def version_diff(old: dict, new: dict, *, context: int = 1) -> dict:
    """What changed between two article_versions rows: metadata fields, body paragraphs, counts."""
    fields = []
    for name in DIFF_FIELDS:
        before, after = _field(old, name), _field(new, name)
        if before != after:
            as_text = [", ".join(v) if isinstance(v, list) else v or "" for v in (before, after)]
            fields.append({"name": name, "from": before, "to": after, "words": word_diff(*as_text)})
    body = body_diff(old.get("body_text"), new.get("body_text"), context=context)
    summary = {op: sum(1 for item in body if item["op"] == op) for op in ("change", "insert", "delete")}
    summary["unchanged"] = len(paragraphs(new.get("body_text"))) - summary["change"] - summary["insert"]
    return {"fields": fields, "body": body, "summary": summary}


WORD = re.compile(r"[^\s]*\w[^\s]*")  # a whitespace-separated token with a letter or digit: "don't" is one, "--" none


def word_count(text: str | None) -> int:
    """Words in a text: the one count the crawler stores and the article page and its history show."""
    return len(WORD.findall(text or ""))


def version_history(versions: list[dict]) -> list[dict]:
    """article_versions rows (any order) as the article page lists them: number, time, new title, words."""
    history, previous_title = [], None
    for version in sorted(versions, key=lambda v: v["version"]):
        history.append({
            "version": version["version"],
            "captured_at": version["captured_at"],
            "new_title": version["title"] if history and version["title"] != previous_title else None,
            "word_count": word_count(version["body_text"]),
        })
        previous_title = version["title"]
    return history
