"""What a reader sees of an article: sanitized body HTML and the fields the article page shows."""
from __future__ import annotations

import json
from datetime import date, datetime
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
        "pages": sorted(pages, key=lambda page: (page.get("number") is None, page.get("number"), page["url"])),
    }
