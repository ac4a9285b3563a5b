"""The sixth family's page templates: WordPress- and Drupal-like, hashed-class divs, inline styles, a Turkish portal."""
from __future__ import annotations

import json
from datetime import date, timedelta
from html import escape

from . import text
from .sixth import CHROME, EUROPEAN, LOCAL, NAMES, REFERENCES, credential, lines, takeaways


def render(view) -> str:
    """The whole HTML page of a ``layout.View`` for a sixth-family publisher."""
    brand = LOCAL[view.language]["brand"] if view.publisher == EUROPEAN else NAMES[view.publisher]
    numbered = view.publisher == EUROPEAN and view.language == "tr" and view.number > 1
    suffix = f" - Sayfa {view.number}" if numbered else ""
    head = [f'<meta charset="utf-8"><title>{escape(view.title)}{suffix} | {escape(brand)}</title>']
    head += [f'<link rel="{rel}" href="{escape(href)}">' for rel, href in view.head]
    if view.canonical:
        head.append(f'<link rel="canonical" href="{escape(view.canonical)}">')
    head += _meta(view)
    lang = {"apothecary": "en-US", "lowmoor": "en-GB", EUROPEAN: view.language}.get(view.publisher, "en")
    amp = " amp" if view.publisher == "lowmoor" else ""
    return (f'<!DOCTYPE html>\n<html lang="{lang}"{amp}>\n<head>\n' + "\n".join(head)
            + f"\n</head>\n<body>\n{TEMPLATES[view.publisher](view)}\n</body>\n</html>\n")


def _meta(view) -> list[str]:
    if view.publisher == "sundial":  # a Yoast-like graph: the article names its authors by @id only
        people = [{"@type": "Person", "@id": f"/#/schema/person/{text.slug(a)}", "name": a} for a in view.authors]
        later = date.fromisoformat(view.published) + timedelta(days=2)
        article = {"@type": "Article", "@id": "#article", "headline": view.title,
                   "datePublished": f"{view.published}T08:00:00+00:00", "dateModified": f"{later}T16:40:00+00:00",
                   "author": [{"@id": p["@id"]} for p in people], "publisher": {"@id": "/#organization"}}
        graph = [article, {"@type": "Organization", "@id": "/#organization", "name": NAMES["sundial"]}, *people]
        return [f'<script type="application/ld+json" class="yoast-schema-graph">'
                f'{json.dumps({"@context": "https://schema.org", "@graph": graph})}</script>']
    if view.publisher == "lowmoor":  # analytics tags that happen to name the author and date
        return [f'<meta name="parsely-pub-date" content="{view.published}T09:12:00Z">',
                *(f'<meta name="parsely-author" content="{escape(a)}">' for a in view.authors)]
    return []


def _bits(view) -> dict[str, str]:
    return {k: escape(v) for k, v in lines(view.publisher, view.language, view.authors, view.published).items()}


def _paragraphs(view, p: str = "<p>", after_second: str = "", ids: tuple[str, ...] = (), wrap: str = "{}") -> str:
    """Markers, paragraphs (``p`` the opening tag), a box after the second, trap extras, the in-text pager."""
    close = "</p>" + ("</div>" if p.startswith("<div") else "")
    parts = [f'{p}{escape(view.top)}{close}'] if view.top else []
    for index, paragraph in enumerate(view.paragraphs):
        tag = p.replace("<p", f'<p id="{ids[index]}"', 1) if index < len(ids) else p
        parts.append(f"{tag}{escape(paragraph)}{close}")
        if index == 1 and after_second:
            parts.append(after_second)
    if view.bottom:
        parts.append(f"{p}{escape(view.bottom)}{close}")
    parts += [view.extra] if view.extra else []
    if view.pager and view.pager_place == "article":
        parts.append(wrap.format(view.pager))
    return "\n".join(parts)


def _nav(view, wrap: str = '<div class="pager-wrap">{}</div>') -> str:
    return wrap.format(view.pager) if view.pager and view.pager_place == "nav" else ""


def _items(related) -> str:
    return "".join(f'<li><a href="{escape(h)}">{escape(t)}</a></li>' for h, t in related)


def _sundial(view) -> str:
    tagline, key, disclaimer, more, footer, _ = (escape(s) for s in CHROME["sundial"])
    bits = _bits(view)
    links = " and ".join(f'<span class="author vcard"><a class="url fn n" href="/sundial/author/{text.slug(a)}/">'
                         f"{escape(a)}</a></span>" for a in view.authors)
    read = bits["byline"].rsplit(" · ", 1)[1]
    box = ""
    if view.number == 1:
        box = (f'<div class="wp-block-group key-takeaways"><h2>{key}</h2><ul>'
               + "".join(f"<li>{escape(t)}</li>" for t in takeaways(view.published)) + "</ul></div>")
    quote, related = "", ""
    if len(view.paragraphs) > 1:  # the pull quote repeats the second paragraph's first sentence
        quote = (f'<figure class="wp-block-pullquote"><blockquote><p>{escape(view.paragraphs[1].split(". ")[0])}.</p>'
                 f"<cite>{escape(view.authors[0])}</cite></blockquote></figure>")
    if view.related:
        href, title = view.related[0]
        related = f'<p class="inline-related"><strong>Related:</strong> <a href="{escape(href)}">{escape(title)}</a></p>'
    dek = f'<p class="entry-summary">{escape(view.dek)}</p>' if view.number == 1 else ""
    return f"""<div id="page" class="site"><header id="masthead" class="site-header">
<p class="site-title"><a href="/sundial/" rel="home">Sundial Wellness</a></p><p class="site-description">{tagline}</p></header>
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">
<article class="post type-post status-publish format-standard hentry category-health">
<header class="entry-header"><h1 class="entry-title">{escape(view.title)}</h1>{dek}
<div class="post-meta"><span class="byline">By {links} · {read}</span></div>
<div class="entry-dates"><span class="posted-on">{bits["date"]}</span> <span class="updated-on">{bits["updated"]}</span></div>
<p class="reviewed-by">{bits["review"]}</p></header>
<div class="entry-content">{box}
{_paragraphs(view, after_second=quote + related, wrap='<div class="page-links">{}</div>')}
</div><footer class="entry-footer"><p class="disclaimer">{disclaimer}</p></footer></article>
{_nav(view, '<nav class="navigation pagination" aria-label="Pages">{}</nav>')}
<section class="related-posts"><h2>{more}</h2><ul>{_items(view.related)}</ul></section>{view.sidebar}
</main></div></div><footer class="site-footer"><p class="site-info">{footer}</p></footer></div>"""


def _apothecary(view) -> str:
    skip, toc, *sections, _, footer = (escape(s) for s in CHROME["apothecary"])
    bits = _bits(view)
    people = "; ".join(
        f'<span itemprop="author" itemscope itemtype="https://schema.org/Person">'
        f'{"Dr. " if credential(a) in ("MD", "DO") else ""}<span itemprop="name">{escape(a)}</span>, {credential(a)}</span>'
        for a in view.authors)
    label, reviewer = bits["review"].split(": ", 1)
    anchors = ("background", "evidence", "next-steps")
    contents = "".join(f'<li><a href="#{a}">{s}</a></li>' for a, s in zip(anchors, sections))
    ids = anchors if view.number == 1 else ()
    return f"""<a href="#main-content" class="visually-hidden focusable skip-link">{skip}</a>
<div class="dialog-off-canvas-main-canvas"><header role="banner"><div class="region region-header">
<div class="site-branding__name"><a href="/apothecary/" rel="home">The Apothecary Journal</a></div></div></header>
<div class="region region-breadcrumb"><nav class="breadcrumb"><ol><li><a href="/apothecary/">Home</a></li>
<li><a href="/apothecary/topics">Topics</a></li></ol></nav></div>
<main role="main"><a id="main-content" tabindex="-1"></a><div class="region region-content">
<article itemscope itemtype="https://schema.org/MedicalWebPage" class="node node--type-article node--view-mode-full">
<h1 class="page-title" itemprop="headline">{escape(view.title)}</h1>
<meta itemprop="datePublished" content="{view.published}T09:12:00-05:00">
<div class="node__meta"><div class="field field--name-field-authors">{people}</div>
<div class="node__submitted">{bits["date"]}</div></div>
<div class="field field--name-field-reviewer"><div class="field__label">{label}:</div>
<div class="field__item">{reviewer}</div></div>
<nav class="toc"><p class="toc-title">{toc}</p><ul>{contents}</ul></nav>
<div class="node__content"><div class="clearfix text-formatted field field--name-body field--type-text-with-summary field__item" itemprop="articleBody">
{_paragraphs(view, ids=ids)}
</div></div>
<div class="share">Share this: <a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">Email</a></div>
</article>{_nav(view, '<div class="item-list">{}</div>')}
<div class="views-element-container"><ul>{_items(view.related)}</ul></div>{view.sidebar}</div></main>
<footer role="contentinfo"><p>{footer}</p></footer></div>"""


def _kinetic(view) -> str:
    sponsored, presenter, trending, footer = (escape(s) for s in CHROME["kinetic"])
    bits = _bits(view)
    people = " &amp; ".join(f'<a class="css-1n8fz4a" href="/kinetic/people/{text.slug(a)}">{escape(a)}</a>'
                            for a in view.authors)
    body = _paragraphs(view, p='<div class="css-0 e1q9x2b0"><p class="css-7ql6fj">')
    return f"""<div id="root"><div class="css-1dbjc4n"><div class="css-k008qs"><a class="css-4rbku5" href="/kinetic/">
<div class="css-1qaijid">KINETIC</div></a></div>
<div class="css-18t94o4"><div class="css-901oao"><div class="css-1wbh2a">{sponsored}</div>
<div class="css-16my406">{presenter}</div></div>
<h1 class="css-4rbku5 e1h9rw200">{escape(view.title)}</h1>
<div class="css-1awozwy"><div class="css-76zvg2">Written by {people}</div>
<div class="css-bfa6kz"><div>{bits["date"]}</div><div aria-hidden="true">·</div><div>{bits["read"]}</div></div></div>
<div class="css-1t2qqvi">
{body}
</div>{_nav(view, '<div class="css-pager1">{}</div>')}
<div class="css-1rynq56"><div class="css-1h0z5md">{trending}</div><div class="css-18kxxzh">
{"".join(f'<div><a href="{escape(h)}">{escape(t)}</a></div>' for h, t in view.related)}</div></div>{view.sidebar}
</div><div class="css-1dbjc4n r-foot"><div>{footer}</div></div></div></div>"""


def _lowmoor(view) -> str:
    flag, paywall, faq, q1, a1, q2, a2, refs, footer, more = (escape(s) for s in CHROME["lowmoor"])
    bits = _bits(view)
    p = '<p style="margin:0 0 1em;font:18px/1.6 Georgia,serif">'
    dek = f'<p style="font:italic 20px Georgia,serif;color:#444">{escape(view.dek)}</p>' if view.number == 1 else ""
    tail = ""
    if view.number == view.total:  # the FAQ and the references close the last page
        tail = (f'<div style="border-top:2px solid #111;padding-top:8px"><p style="font-weight:700">{faq}</p>'
                f"<details><summary>{q1}</summary><p>{a1}</p></details><details><summary>{q2}</summary><p>{a2}</p>"
                f'</details></div><div style="font-size:13px"><p style="font-weight:700">{refs}</p><ol>'
                + "".join(f"<li>{escape(r)}</li>" for r in REFERENCES) + "</ol></div>")
    return f"""<div style="background:#111;color:#fff;padding:8px 12px"><span style="font:700 13px Georgia,serif;letter-spacing:2px">{flag}</span></div>
<div style="max-width:680px;margin:0 auto;padding:0 12px">
<h1 style="font:700 34px/1.15 Georgia,serif">{escape(view.title)}</h1>{dek}
<div style="font:13px Arial,sans-serif;color:#555"><span style="font-weight:700">{bits["byline"]}</span><br>
<span>{bits["date"]}</span><br><span>{bits["review"]}</span></div>
<div style="margin-top:16px">
{_paragraphs(view, p=p)}
</div>{tail}
<div style="background:#fdf3d8;padding:12px;margin:16px 0"><span>{paywall}</span></div>
{_nav(view, '<div style="text-align:center;margin:16px 0">{}</div>')}
<div style="border-top:1px solid #ccc"><p style="font-weight:700">{more}</p><ul style="padding-left:16px">{_items(view.related)}</ul></div>{view.sidebar}
</div><div style="background:#eee;padding:12px;font-size:12px"><span>{footer}</span></div>"""


def _sifa(view) -> str:
    words = {k: escape(v) for k, v in LOCAL[view.language].items()}
    bits = _bits(view)
    return f"""<div class="cerez-uyari"><p>{words["cookie"]}</p><a href="#" class="kapat">OK</a></div>
<div class="ust-menu"><a class="logo" href="/sifa/">{words["brand"]}</a></div>
<div class="haber-detay"><h1 class="haber-baslik">{escape(view.title)}</h1>
<div class="haber-bilgi"><span class="yazar">{bits["byline"]}</span> <span class="tarih">{bits["date"]}</span>
<span class="tarih">{bits["updated"]}</span></div>
<div class="reklam-alani"><span>{words["ad"]}</span></div>
<div class="haber-metni">
{_paragraphs(view)}
</div>{_nav(view, '<div class="sayfalama">{}</div>')}
<div class="bulten"><p>{words["letter"]}</p></div>
<div class="ilgili-haberler"><h3>{words["related"]}</h3><ul>{_items(view.related)}</ul></div>{view.sidebar}</div>"""


TEMPLATES = {"sundial": _sundial, "apothecary": _apothecary, "kinetic": _kinetic, "lowmoor": _lowmoor,
             EUROPEAN: _sifa}
