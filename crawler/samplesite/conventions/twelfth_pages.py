"""The twelfth family's page templates: ten publishers, each laid out the way its kind of site is."""
from __future__ import annotations

import json
from html import escape

from .twelfth import CHROME, DEK, NAMES, lines
from .twelfth_pagers import HEAD

LANG = {"en": "en", "fr": "fr-FR", "de": "de-DE"}
HTML_LANG = {"stbrendans": "en-IE", "healthprotect": "en-CA", "kidneyaid": "en-GB", "chemistplus": "en-GB",
             "glow": "en-US", "waikatoledger": "en-NZ", "medbulletin": "en-GB", "capehealth": "en-ZA"}


def render(view) -> str:
    """The whole HTML page of a ``layout.View`` for a twelfth-family publisher."""
    pager, head_links = _split_head(view.pager)
    brand = NAMES[view.publisher]
    head = [f'<meta charset="utf-8"><title>{escape(view.title)} - {escape(brand)}</title>',
            '<meta name="viewport" content="width=device-width, initial-scale=1">']
    head += [f'<link rel="{rel}" href="{escape(href)}">' for rel, href in [*view.head, *head_links]]
    if view.canonical:
        head.append(f'<link rel="canonical" href="{escape(view.canonical)}">')
    head += _meta(view)
    body = _TEMPLATES[view.publisher](view, {k: escape(v) for k, v in _lines(view).items()}, pager)
    lang = HTML_LANG.get(view.publisher, LANG.get(view.language, view.language))
    return (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n' + "\n".join(head)
            + f"\n</head>\n<body>\n{body}\n</body>\n</html>\n")


def _split_head(pager: str) -> tuple[str, list[tuple[str, str]]]:
    """The pager without its <head> links, and those links."""
    if not pager.startswith(HEAD):
        return pager, []
    links, rest = pager[len(HEAD):].split("-->", 1)
    return rest, [tuple(item.split("=", 1)) for item in links.split(";")]


def _meta(view) -> list[str]:
    """The machine-readable metadata each publisher's CMS writes (some write none)."""
    p, published, authors = view.publisher, view.published, view.authors
    if p == "healthprotect":
        return [f'<meta name="dcterms.title" content="{escape(view.title)}">',
                f'<meta name="dcterms.issued" title="W3CDTF" content="{published}">',
                '<meta name="dcterms.creator" content="Coastal Health Protection Agency">']
    if p == "chemistplus":
        data = {"@context": "https://schema.org", "@type": "MedicalWebPage", "name": view.title,
                "author": {"@type": "Person", "name": authors[0]}, "datePublished": published}
        return [f'<meta property="article:published_time" content="{published}T08:00:00+00:00">',
                f'<script type="application/ld+json">{json.dumps(data, ensure_ascii=False)}</script>']
    if p == "glow":
        data = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": view.title,
                "author": [{"@type": "Person", "name": a, "jobTitle": "Staff Writer"} for a in authors],
                "datePublished": f"{published}T06:30:00-05:00",
                "publisher": {"@type": "Organization", "name": "Glow"}}
        return [f'<meta property="og:title" content="{escape(view.title)}">',
                f'<script type="application/ld+json">{json.dumps(data, ensure_ascii=False)}</script>']
    if p == "medbulletin":
        return [f'<meta name="citation_title" content="{escape(view.title)}">',
                *(f'<meta name="citation_author" content="{escape(a)}">' for a in authors),
                f'<meta name="citation_publication_date" content="{published.replace("-", "/")}">',
                '<meta name="citation_journal_title" content="The Medical Bulletin">']
    if p == "santeouest":
        return [f'<meta property="og:title" content="{escape(view.title)}">',
                f'<meta property="article:published_time" content="{published}T09:15:00+01:00">']
    return []


def _lines(view) -> dict[str, str]:
    return lines(view.publisher, view.authors, view.published)


def _chrome(view, index: int) -> str:
    return escape(CHROME[view.publisher][index])


def _text(view, *, box: str = "", after: int = 1, pager: str = "") -> str:
    """The page's paragraphs with its markers, an inline box after paragraph ``after``, trap html and pager."""
    parts = [f'<p class="pos">{escape(view.top)}</p>'] if view.top else []
    for index, paragraph in enumerate(view.paragraphs):
        parts.append(f"<p>{escape(paragraph)}</p>")
        if index == after and box:
            parts.append(box)
    if view.bottom:
        parts.append(f'<p class="pos">{escape(view.bottom)}</p>')
    parts += [view.extra] if view.extra else []
    parts += [pager] if pager else []
    return "\n".join(parts)


def _related(view, tag: str = "ul") -> str:
    items = "".join(f'<li><a href="{escape(h)}">{escape(t)}</a></li>' for h, t in view.related)
    return f"<{tag}>{items}</{tag}>"


def _dek(view, tag: str, css: str) -> str:
    return f'<{tag} class="{css}">{escape(view.dek)}</{tag}>' if view.number == 1 and view.publisher in DEK else ""


def _cookie(view) -> str:
    return f'<div id="cookie-banner" role="dialog"><p>{_chrome(view, 0)}</p><button>OK</button></div>'


from .twelfth_templates import TEMPLATES as _TEMPLATES  # noqa: E402 (the templates use the helpers above)
