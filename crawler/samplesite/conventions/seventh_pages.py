"""The seventh family's page templates: a hospital newsroom, a public-health agency, a magazine, a TV station, a portal."""
from __future__ import annotations

import json
from datetime import date, timedelta
from html import escape

from . import text
from .seventh import CHROME, EUROPEAN, LOCAL, NAMES, TRANSCRIPT, bios, conditions, lines


def render(view) -> str:
    """The whole HTML page of a ``layout.View`` for a seventh-family publisher."""
    brand = LOCAL[view.language]["brand"] if view.publisher == EUROPEAN else NAMES[view.publisher]
    numbered = view.publisher == "ncdp" and view.number > 1
    suffix = f" (page {view.number})" if numbered else ""
    head = [f'<meta charset="utf-8"><title>{escape(view.title)}{suffix} - {escape(brand)}</title>',
            '<meta name="viewport" content="width=device-width, initial-scale=1">']
    head += [f'<link rel="{rel}" href="{escape(href)}">' for rel, href in view.head]
    if view.canonical:
        head.append(f'<link rel="canonical" href="{escape(view.canonical)}">')
    head += _meta(view)
    lang = {"ncdp": "en-us", "longhand": "en-GB"}.get(view.publisher, "en") if view.language == "en" else view.language
    return (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n' + "\n".join(head)
            + f"\n</head>\n<body>\n{TEMPLATES[view.publisher](view)}\n</body>\n</html>\n")


def _meta(view) -> list[str]:
    day = date.fromisoformat(view.published)
    if view.publisher == "stclair":
        return [f'<meta property="og:title" content="{escape(view.title)}">',
                '<meta property="og:type" content="article">']
    if view.publisher == "ncdp":  # the review date is in the metadata; the publication date is not
        reviewed = day + timedelta(days=9)
        return [f'<meta name="ncdp:content_source" content="{escape(view.authors[0])}">',
                f'<meta name="ncdp:last_reviewed" content="{reviewed}">']
    if view.publisher == "wktv":
        data = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": view.title,
                "datePublished": f"{view.published}T15:05:00-06:00",
                "dateModified": f"{day + timedelta(days=1)}T08:30:00-06:00",
                "author": [{"@type": "Person", "name": a} for a in view.authors],
                "publisher": {"@type": "Organization", "name": NAMES["wktv"]}}
        return [f'<script type="application/ld+json">{json.dumps(data)}</script>']
    if view.publisher == EUROPEAN:
        return [f'<meta name="publishdate" content="{day:%Y/%m/%d} 10:15:00">',
                f'<meta name="author" content="{escape(", ".join(view.authors))}">']
    return []  # the magazine: a date in a data attribute only


def _bits(view) -> dict[str, str]:
    return {k: escape(v) for k, v in lines(view.publisher, view.language, view.authors, view.published).items()}


def _body(view, p: str = "<p>", after_second: str = "", wrap: str = "{}") -> str:
    """Markers, paragraphs, a box after the second, trap extras, and an in-text pager."""
    parts = [f"{p}{escape(view.top)}</p>"] if view.top else []
    for index, paragraph in enumerate(view.paragraphs):
        parts.append(f"{p}{escape(paragraph)}</p>")
        if index == 1 and after_second:
            parts.append(after_second)
    if view.bottom:
        parts.append(f"{p}{escape(view.bottom)}</p>")
    parts += [view.extra] if view.extra else []
    if view.pager and view.pager_place == "article":
        parts.append(wrap.format(view.pager))
    return "\n".join(parts)


def _nav(view, wrap: str = "{}") -> str:
    return wrap.format(view.pager) if view.pager and view.pager_place == "nav" else ""


def _top(view) -> str:
    return view.pager if view.pager and view.pager_place == "top" else ""


def _items(related) -> str:
    return "".join(f'<li><a href="{escape(h)}">{escape(t)}</a></li>' for h, t in related)


def _stclair(view) -> str:
    alert, doctor, places, bill, newsroom, contact, person, about, more = (escape(s) for s in CHROME["stclair"])
    bits = _bits(view)
    return f"""<div class="alert-banner" role="alert"><p>{alert}</p></div>
<header class="sch-header"><a class="logo" href="/stclair/">St. Clair Health</a>
<ul class="utility"><li><a href="/stclair/doctors">{doctor}</a></li><li><a href="/stclair/locations">{places}</a></li>
<li><a href="/stclair/billing">{bill}</a></li></ul></header>
<div class="breadcrumbs"><a href="/stclair/">Home</a> / <a href="/stclair/newsroom">{newsroom}</a></div>
<div class="newsroom-release">
<p class="release-date">{bits["date"]}</p>
<h1>{escape(view.title)}</h1>
<p class="release-byline">{bits["byline"]}</p>
{_top(view)}<div class="release-body">
{_body(view)}
</div>
<div class="boilerplate"><p>{about}</p><p><strong>{contact}</strong> {person}</p></div>
{_nav(view, '<div class="release-pages">{}</div>')}
</div>
<aside class="more-news"><h2>{more}</h2><ul>{_items(view.related)}</ul>{view.sidebar}</aside>
<footer class="sch-footer"><p>© St. Clair Health. An equal opportunity employer.</p></footer>"""


def _ncdp(view) -> str:
    official, skip, related, helpful, thanks, print_, email = (escape(s) for s in CHROME["ncdp"])
    bits = _bits(view)
    day = date.fromisoformat(view.published)
    chips = "".join(f'<a class="chip" href="/ncdp/conditions/{text.slug(c)}">{escape(c)}</a>'
                    for c in conditions(view.published))
    published = bits["date"].removeprefix("Published ")
    return f"""<a class="skip" href="#content">{skip}</a>
<div class="gov-banner"><p>{official}</p></div>
<header class="agency-header"><a class="agency-logo" href="/ncdp/">NCDP</a>
<nav class="lang-switch" aria-label="Language"><a href="/ncdp/" lang="en">English</a> | <a href="/ncdp/es/" lang="es">Español</a> | <a href="/ncdp/vi/" lang="vi">Tiếng Việt</a></nav>
</header>
<main id="content" class="syndicate">
<h1>{escape(view.title)}</h1>
<div class="page-tools"><a href="javascript:window.print()">{print_}</a> <a href="mailto:?subject={escape(view.title)}">{email}</a></div>
<p class="pub-date">Published <time>{published}</time></p>
{_top(view)}<div class="card-body">
{_body(view)}
</div>
{_nav(view, '<div class="pagination-wrap">{}</div>')}
<div class="related-conditions"><h2>{related}</h2>{chips}</div>
<div class="feedback"><p>{helpful}</p><button type="button">Yes</button> <button type="button">No</button>
<div class="feedback-thanks" hidden><p>{thanks}</p></div></div>
<div class="page-meta"><p>{bits["reviewed"]}</p><p>{bits["byline"]}</p></div>
{view.sidebar}<ul class="see-also">{_items(view.related)}</ul>
<!-- built {day:%Y%m%d} --></main>
<footer class="agency-footer"><p>National Centre for Disease Prevention · 1600 Clifton Way</p></footer>"""


def _longhand(view) -> str:
    flag, listen, ad, member, contributors, more = (escape(s) for s in CHROME["longhand"])
    bits = _bits(view)
    dek = f'<p class="standfirst">{escape(view.dek)}</p>' if view.number == 1 else ""
    notes = ""
    if view.number == view.total:
        notes = (f'<section class="contributors"><h3>{contributors}</h3>'
                 + "".join(f"<p><em>{escape(b)}</em></p>" for b in bios(view.authors)) + "</section>")
    player = (f'<div class="audio-player"><button type="button" aria-label="Play">▶</button>'
              f'<span>{bits["listen"]}</span></div>') if view.number == 1 else ""
    inline_ad = f'<div class="inline-ad"><p class="ad-label">{ad}</p><div class="ad-slot"></div></div>'
    return f"""<header class="masthead"><a href="/longhand/"><span class="wordmark">{flag}</span></a></header>
<div class="article" data-published="{view.published}T06:00:00Z" data-section="health">
<p class="kicker">{bits["issue"]}</p>
<h1>{escape(view.title)}</h1>{dek}
<div class="credits"><p>{bits["byline"]}</p><p>{bits["editor"]}</p><p class="dateline">{bits["date"]}</p></div>
{player}{_top(view)}<div class="article-text">
{_body(view, after_second=inline_ad)}
</div>{notes}
{_nav(view, '<div class="page-turn">{}</div>')}
<aside class="member-ask"><p>{member}</p></aside>
<section class="more"><h3>{more}</h3><ul>{_items(view.related)}</ul></section>{view.sidebar}
</div>"""


def _wktv(view) -> str:
    alert, live, transcript, typo, trending, copyright_ = (escape(s) for s in CHROME["wktv"])
    bits = _bits(view)
    dek = f'<h2 class="summary">{escape(view.dek)}</h2>' if view.number == 1 else ""
    video = ""
    if view.number == 1:
        video = (f'<div class="video-box"><div class="player" data-video-id="88213"></div>'
                 f'<details class="transcript"><summary>{transcript}</summary>'
                 + "".join(f"<p>{escape(t)}</p>" for t in TRANSCRIPT) + "</details></div>")
    tools = (f'<div class="share-bar"><span class="counts">{bits["social"]}</span> <a href="#print">Print</a> '
             f'<a href="#email">Email</a></div>')
    return f"""<div class="wx-alert"><strong>{alert}</strong></div>
<div class="station-bar"><a href="/wktv/">WKTV 7</a> <a class="live" href="/wktv/live">{live}</a></div>
<div class="story">
<h1>{escape(view.title)}</h1>{dek}
<div class="story-meta"><div class="author">{bits["byline"]}</div><div class="timestamp">{bits["date"]}</div></div>
{tools}{video}{_top(view)}
<div class="story-body">
{_body(view)}
</div>
{_nav(view, '<div class="story-pager">{}</div>')}
<p class="typo"><a href="/wktv/contact">{typo}</a></p>
<div class="trending"><h3>{trending}</h3><ul>{_items(view.related)}</ul></div>{view.sidebar}
</div>
<footer><p>{copyright_}</p></footer>"""


def _sehatkita(view) -> str:
    words = {k: escape(v) for k, v in LOCAL[view.language].items()}
    bits = _bits(view)
    also = ""
    if view.related:
        href, title = view.related[0]
        also = f'<p class="baca-juga"><strong>{words["also"]}</strong> <a href="{escape(href)}">{escape(title)}</a></p>'
    ad = f'<div class="iklan"><span>{words["ad"]}</span></div>'
    tags = "".join(f'<a href="/sehatkita/tag/{text.slug(t)}">{escape(t)}</a>' for t in ("vaksin", "gizi"))
    return f"""<div class="breaking"><p>{words["alert"]}</p></div>
<div class="nav-top"><a class="brand" href="/sehatkita/">{words["brand"]}</a></div>
<article class="detail">
<h1 class="detail__title">{escape(view.title)}</h1>
<div class="detail__author">{bits["byline"]}</div><div class="detail__date">{bits["date"]}</div>
{_top(view)}<div class="detail__body-text">
{_body(view, after_second=also + ad)}
</div>
<div class="detail__editor">{bits["editor"]}</div>
{_nav(view, '<div class="detail__paging">{}</div>')}
<div class="detail__tags"><span>{words["tags"]}</span> {tags}</div>
</article><ul class="terpopuler">{_items(view.related)}</ul>{view.sidebar}"""


TEMPLATES = {"stclair": _stclair, "ncdp": _ncdp, "longhand": _longhand, "wktv": _wktv, EUROPEAN: _sehatkita}
