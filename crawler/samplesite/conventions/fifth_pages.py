"""The fifth family's page templates: tables, div soup, <article> with header and footer, a guide, a Finnish site."""
from __future__ import annotations

import json
from html import escape

from .fifth import CHROME, EUROPEAN, LOCAL, NAMES, ROLES, lines


def render(view) -> str:
    """The whole HTML page of a ``layout.View`` for a fifth-family publisher."""
    brand = LOCAL[view.language]["brand"] if view.publisher == EUROPEAN else NAMES[view.publisher]
    page = {"pellucid": f" | Page {view.number}", EUROPEAN: f" – sivu {view.number}" if view.language == "fi" else ""}
    suffix = page.get(view.publisher, "") if view.number > 1 else ""
    head = [f'<meta charset="utf-8"><title>{escape(view.title)}{suffix} | {escape(brand)}</title>']
    head += [f'<link rel="{rel}" href="{escape(href)}">' for rel, href in view.head]
    if view.canonical:
        head.append(f'<link rel="canonical" href="{escape(view.canonical)}">')
    head += _meta(view)
    lang = {"thimble": "en-IE", "cairn": "en-AU", "wayfarer": "en-CA", EUROPEAN: view.language}.get(view.publisher, "en")
    return (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n' + "\n".join(head)
            + f"\n</head>\n<body>\n{TEMPLATES[view.publisher](view)}\n</body>\n</html>\n")


def _meta(view) -> list[str]:
    if view.publisher == "thimble":  # structured data with each author's job title
        data = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": view.title,
                "datePublished": f"{view.published}T09:12:00+00:00",
                "author": [{"@type": "Person", "name": a, "jobTitle": ROLES[n]} for n, a in enumerate(view.authors)]}
        return [f'<meta name="description" content="{escape(view.dek)}">',
                f'<script type="application/ld+json">{json.dumps(data)}</script>']
    if view.publisher == "wayfarer":  # one author meta for all names, and a local time with its offset
        return [f'<meta name="author" content="{escape(", ".join(view.authors))}">',
                f'<meta property="article:published_time" content="{view.published}T07:00:00-05:00">']
    return []


def _text(view, box: str = "", wrap: str = "") -> str:
    """The paragraphs (each in ``wrap``'s div when given), position lines, a box after the second, the in-text pager."""
    def para(text: str, css: str = "") -> str:
        tag = f'<p class="{css}">' if css else "<p>"
        inner = f"{tag}{escape(text)}</p>"
        return f'<div data-component="{wrap}">{inner}</div>' if wrap else inner

    parts = [para(view.top, "position")] if view.top else []
    for index, paragraph in enumerate(view.paragraphs):
        parts.append(para(paragraph))
        if index == 1 and box:
            parts.append(box)
    if view.bottom:
        parts.append(para(view.bottom, "position"))
    if view.extra:
        parts.append(view.extra)
    if view.pager and view.pager_place == "article":
        parts.append(f'<div class="article-pages">{view.pager}</div>')
    return "\n".join(parts)


def _pager(view, tag: str = "nav") -> str:
    return f'<{tag} class="story-pages">{view.pager}</{tag}>' if view.pager and view.pager_place == "nav" else ""


def _items(related) -> str:
    return "".join(f'<li><a href="{escape(h)}">{escape(t)}</a></li>' for h, t in related)


def _bits(view) -> dict[str, str]:
    return {k: escape(v) for k, v in lines(view.publisher, view.language, view.authors, view.published).items()}


def _pellucid(view) -> str:
    flag, section, ad, below, caption, shared, copyright_line = (escape(s) for s in CHROME["pellucid"])
    bits = _bits(view)
    slot = f'<div class="ad"><p class="ad-label">{ad}</p><div id="gpt-ad-1"></div><p class="ad-note">{below}</p></div>'
    return f"""<table class="masthead" width="100%"><tr><td><p class="flag">{flag}</p></td>
<td align="right"><p class="section">{section}</p></td></tr></table>
<table class="layout" width="100%"><tr><td class="story" valign="top">
<h1>{escape(view.title)}</h1><p class="deck"><i>{escape(view.dek)}</i></p>
<table class="byline-box"><tr><td><p class="byl">{bits["byline"]}</p></td>
<td><p class="posted">{bits["date"]}</p></td></tr></table>
<div class="photo"><img src="/static/photo-1.jpg" alt="" width="600"><p class="caption">{caption}</p></div>
{_text(view, slot)}
{_pager(view, "center")}
</td><td class="rail" width="220" valign="top"><p class="rail-head"><b>{shared}</b></p><ul>{_items(view.related)}</ul>
{view.sidebar}</td></tr></table>
<p class="copyright"><small>{copyright_line}</small></p>"""


def _thimble(view) -> str:
    consent, kicker, morning, popular, footer = (escape(s) for s in CHROME["thimble"])
    bits = _bits(view)
    cards = "".join(f'<div class="author-card"><p><a href="/thimble/people/{n}">{escape(name)}</a>, '
                    f'<span class="role">{ROLES[n]}</span></p></div>' for n, name in enumerate(view.authors))
    bios = "".join(f'<div class="bio"><p>{bits[f"bio{n}"]}</p></div>' for n in range(len(view.authors)))
    dek = f'<div class="standfirst"><p>{escape(view.dek)}</p></div>' if view.number == 1 else ""
    return f"""<div id="__app"><div class="consent" data-nosnippet="true"><p>{consent}</p><button>Accept</button>
<button>Manage</button></div>
<div class="hdr"><a href="/thimble/" class="logo">thimble</a><div class="links"><a href="/thimble/news">News</a>
<a href="/thimble/explainers">Explainers</a></div></div>
<div class="container"><div class="col-main"><div class="kicker"><span>{kicker}</span></div>
<h1 class="headline">{escape(view.title)}</h1>{dek}<div class="authors">{cards}</div>
<div class="timestamps"><div><p>{bits["date"]}</p></div><div><p>{bits["updated"]}</p></div></div>
<div class="rich-text">
{_text(view, wrap="text-block")}
</div>{_pager(view, "div")}
<div class="author-bios">{bios}</div><div class="nl-box"><p>{morning}</p><input type="email"></div></div>
<div class="col-side"><div class="popular"><div class="h">{popular}</div><ol>{_items(view.related)}</ol></div>
{view.sidebar}</div></div><div class="ftr"><p>{footer}</p></div></div>"""


def _cairn(view) -> str:
    strap, kicker, agency, popular, footer = (escape(s) for s in CHROME["cairn"])
    bits = _bits(view)
    correction = (f'<aside class="correction"><p>{bits["correction"]}</p></aside>'
                  if view.number == view.total else "")
    return f"""<header class="site-header"><p class="brand"><a href="/cairn/">Cairn Clinic Bulletin</a></p>
<p class="strap">{strap}</p></header>
<main id="main"><article class="story"><header class="story-head"><p class="kicker">{kicker}</p>
<h1>{escape(view.title)}</h1><p class="posted"><time>{bits["date"]}</time></p></header>
<section class="story-body">
{_text(view)}
</section>{correction}
<p class="tags">{bits["tags"]}</p>
<footer class="story-foot"><p>{bits["byline"]}</p><p class="agency">{agency}</p></footer>
{_pager(view)}</article>
<aside class="popular"><h2>{popular}</h2><ul>{_items(view.related)}</ul>{view.sidebar}</aside></main>
<footer class="site-footer"><p>{footer}</p></footer>"""


def _wayfarer(view) -> str:
    topbar, reading, nurse, rating, more, charity = (escape(s) for s in CHROME["wayfarer"])
    bits = _bits(view)
    label, names = bits["byline"].split(" ", 1)
    editor = bits["editor"].split(" ", 1)[1]
    published = bits["date"].split(" ", 1)[1]
    box = f'<div class="callout"><p>{nurse}</p></div>'
    return f"""<div class="topbar"><p>{topbar}</p></div>
<main><div class="guide-head"><h1>{escape(view.title)}</h1>
<dl class="guide-meta">
<dt>{label}</dt> <dd>{names}</dd>
<dt>Editor</dt> <dd>{editor}</dd>
<dt>Published</dt> <dd>{published}</dd>
<dd class="read">{reading}</dd>
</dl></div>
<section class="guide-body">
{_text(view, box)}
</section>{_pager(view)}
<div class="rating"><p>{rating}</p></div>
<section class="related-guides"><h3>{more}</h3><ul>{_items(view.related)}</ul></section>{view.sidebar}</main>
<footer><p>{charity}</p></footer>"""


def _kide(view) -> str:
    words = {k: escape(v) for k, v in LOCAL[view.language].items()}
    bits = _bits(view)
    slot = f'<div class="mainos"><p class="label">{words["ad"]}</p><p class="jatkuu">{words["after_ad"]}</p></div>'
    dek = f'<p class="ingressi">{escape(view.dek)}</p>' if view.number == 1 else ""
    return f"""<div class="cmp"><p>{words["cookie"]}</p><button>OK</button></div>
<header class="kide-top"><p class="logo">{words["brand"]}</p></header>
<article class="juttu"><h1>{escape(view.title)}</h1>{dek}
<div class="tekijat"><p>{bits["byline"]}</p><p>{bits["photo"]}</p></div>
<div class="ajat"><p>{bits["date"]}</p><p>{bits["updated"]}</p></div>
<figure><img src="/static/kuva.jpg" alt=""><figcaption>{bits["caption"]}</figcaption></figure>
{_text(view, slot)}
{_pager(view)}
<div class="uutiskirje"><p>{words["letter"]}</p></div></article>
<aside class="luetuimmat"><h2>{words["most"]}</h2><ol>{_items(view.related)}</ol>{view.sidebar}</aside>"""


TEMPLATES = {"pellucid": _pellucid, "thimble": _thimble, "cairn": _cairn, "wayfarer": _wayfarer, EUROPEAN: _kide}
