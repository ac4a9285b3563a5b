"""The tenth family's page templates: a newspaper desk, a vet blog, a recipe blog, Q&A, trade press, a portal."""
from __future__ import annotations

import json
from html import escape

from .tenth import CHROME, EUROPEAN, LOCAL, NAMES, lines

COOKIES = ('<div id="cookie-notice" role="dialog"><p>We use cookies to improve your experience. '
           '<button type="button">Accept all</button> <button type="button">Manage</button></p></div>')
GDPR = {"es": "Usamos cookies propias y de terceros.", "pt": "Usamos cookies.", "zh": "本网站使用cookie。"}


def render(view) -> str:
    """The whole HTML page of a ``layout.View`` for a tenth-family publisher."""
    brand = f"Mundo Salud ({view.language})" if view.publisher == EUROPEAN else NAMES[view.publisher]
    head = [f'<meta charset="utf-8"><title>{escape(view.title)} | {escape(brand)}</title>']
    if view.publisher == "pawsvet" and view.number > 1:  # WordPress numbers the <title> of page 2+
        head[0] = head[0].replace(" | ", f" - Page {view.number} | ")
    head += [f'<link rel="{rel}" href="{escape(href)}">' for rel, href in view.head]
    if view.canonical:
        head.append(f'<link rel="canonical" href="{escape(view.canonical)}">')
    head += _meta(view)
    lang = {"zh": "zh-CN", "es": "es-MX", "pt": "pt-BR"}.get(view.language, view.language)
    lang = "en-NG" if view.publisher == "dailyvoice" else lang
    body = _portal(view) if view.publisher == EUROPEAN else _english(view)
    return (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n' + "\n".join(head)
            + f"\n</head>\n<body>\n{body}\n</body>\n</html>\n")


def _meta(view) -> list[str]:
    if view.publisher == "pawsvet":  # Yoast-style graph with the author as a Person
        data = {"@context": "https://schema.org", "@graph": [
            {"@type": "BlogPosting", "headline": view.title, "datePublished": f"{view.published}T08:00:00+00:00",
             "author": {"@type": "Person", "name": view.authors[0]}}]}
        return [f'<script type="application/ld+json">{json.dumps(data)}</script>']
    if view.publisher == "dailyvoice":
        return [f'<meta property="article:published_time" content="{view.published}T10:15:00+01:00">',
                '<meta name="author" content="Daily Voice Reporter">']  # the CMS's account, not the writer
    if view.publisher == EUROPEAN:
        return [f'<meta name="pubdate" content="{view.published.replace("-", "")}">']
    return []


def _bits(view) -> dict[str, str]:
    return {k: escape(v) for k, v in lines(view.publisher, view.language, view.authors, view.published).items()}


def _body(view, after_second: str = "") -> str:
    parts = [f"<p>{escape(view.top)}</p>"] if view.top else []
    for index, paragraph in enumerate(view.paragraphs):
        parts.append(f"<p>{escape(paragraph)}</p>")
        if index == 1 and after_second:
            parts.append(after_second)
    if view.bottom:
        parts.append(f'<p class="cont">{escape(view.bottom)}</p>')
    parts += [view.extra] if view.extra else []
    if view.pager and view.pager_place == "article":
        parts.append(view.pager)
    return "\n".join(parts)


def _items(related) -> str:
    return "".join(f'<li><a href="{escape(h)}">{escape(t)}</a></li>' for h, t in related)


def _english(view) -> str:
    chrome = [escape(s) for s in CHROME[view.publisher]]
    bits = _bits(view)
    credit = "".join(f'<span class="{k}">{v}</span> ' for k, v in bits.items())
    dek = f'<p class="standfirst">{escape(view.dek)}</p>' if view.number == 1 and view.publisher == "pharmawire" else ""
    nav = view.pager if view.pager and view.pager_place in ("nav", "top") else ""
    top_nav = nav if view.pager_place == "top" else ""
    bottom_nav = nav if view.pager_place == "nav" else ""
    boxes = "".join(f'<div class="box box-{i}"><p>{s}</p></div>' for i, s in enumerate(chrome))
    ad = f'<div class="ad-slot"><p class="ad-label">{chrome[0]}</p></div>'
    crumbs = (f'<nav class="breadcrumb"><a href="/{view.publisher}/">Home</a> » '
              f'<a href="/{view.publisher}/health/">Health</a></nav>')
    asked = ""
    if view.publisher == "askdoc" and view.number == 1:
        asked = f'<blockquote class="question"><p>{escape(view.dek)}</p></blockquote>'
    return f"""{COOKIES}
<header class="site-header"><a class="logo" href="/{view.publisher}/">{escape(NAMES[view.publisher])}</a></header>
{crumbs}
<main><article class="post">
<h1 class="entry-title">{escape(view.title)}</h1>{dek}
<div class="entry-meta">{credit}</div>{asked}
{top_nav}<div class="entry-content">
{_body(view, after_second=ad)}
</div>
{bottom_nav}
<div class="author-card"><p>{bits["byline"]}</p></div>
</article>
<aside class="sidebar">{boxes}<h3>Related</h3><ul>{_items(view.related)}</ul>{view.sidebar}</aside></main>
<footer class="site-footer"><p>© {escape(NAMES[view.publisher])}</p></footer>"""


def _portal(view) -> str:
    words = [escape(s) for s in LOCAL[view.language]]
    bits = _bits(view)
    also = ""
    if view.related:
        href, title = view.related[0]
        also = f'<p class="lea"><strong>{words[3]}</strong> <a href="{escape(href)}">{escape(title)}</a></p>'
    ad = f'<div class="publicidad"><span>{words[2]}</span></div>'
    dek = f'<h2 class="bajada">{escape(view.dek)}</h2>' if view.number == 1 else ""
    editor = f'<p class="editor">{bits["editor"]}</p>' if "editor" in bits else ""
    nav = view.pager if view.pager and view.pager_place != "article" else ""
    tags = " ".join(f'<a href="/mundosalud/tag/{t}/">{t}</a>' for t in ("salud", "bienestar"))
    gdpr = escape(GDPR.get(view.language, "Cookies."))
    return f"""<div class="gdpr" role="dialog"><p>{gdpr} <button>OK</button></p></div>
<header><a class="marca" href="/mundosalud/{view.language}/">Mundo Salud</a></header>
<nav class="migas"><a href="/mundosalud/">Inicio</a> › <a href="/mundosalud/{view.language}/">{view.language}</a></nav>
<article class="nota">
<h1>{escape(view.title)}</h1>{dek}
<div class="firma"><span class="autor">{bits["byline"]}</span> <time>{bits["date"]}</time></div>
<div class="compartir"><a href="https://wa.me/?text=x">{words[7]}</a></div>
<div class="cuerpo">
{_body(view, after_second=also + ad)}
</div>
<p class="fuente">{words[4]}</p>{editor}
<p class="aviso"><em>{words[5]}</em></p>
{nav}
<div class="etiquetas">{tags}</div>
</article>
<aside class="mas"><h3>{words[6]}</h3><ul>{_items(view.related)}</ul>{view.sidebar}</aside>"""
