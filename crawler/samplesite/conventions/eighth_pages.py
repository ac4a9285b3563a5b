"""The eighth family's page templates: a pharmacy library, a medical school, a society, a newsletter, a wire story."""
from __future__ import annotations

import json
from datetime import date, timedelta
from html import escape

from .eighth import CHROME, EUROPEAN, LOCAL, NAMES, lines


def render(view) -> str:
    """The whole HTML page of a ``layout.View`` for an eighth-family publisher."""
    brand = LOCAL[view.language]["brand"] if view.publisher == EUROPEAN else NAMES[view.publisher]
    suffix = ""
    if view.number > 1 and view.publisher in (EUROPEAN, "pts"):
        suffix = f" ({view.number}/{view.total})"
    head = [f'<meta charset="utf-8"><title>{escape(view.title)}{suffix} | {escape(brand)}</title>',
            '<meta name="viewport" content="width=device-width, initial-scale=1">']
    head += [f'<link rel="{rel}" href="{escape(href)}">' for rel, href in view.head]
    if view.canonical:
        head.append(f'<link rel="canonical" href="{escape(view.canonical)}">')
    head += _meta(view)
    lang = {"ja": "ja-JP", "de": "de-DE", "pt": "pt-PT"}.get(view.language, view.language)
    return (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n' + "\n".join(head)
            + f"\n</head>\n<body>\n{TEMPLATES[view.publisher](view)}\n</body>\n</html>\n")


def _people(names) -> list[dict]:
    return [{"@type": "Person", "name": n} for n in names]


def _meta(view) -> list[str]:
    day = date.fromisoformat(view.published)
    data = None
    if view.publisher == "rxwell":  # a review date in the JSON-LD, no publication date
        data = {"@context": "https://schema.org", "@type": "MedicalWebPage", "name": view.title,
                "lastReviewed": str(day + timedelta(days=30)), "author": _people(view.authors)}
    elif view.publisher == "dispatch":  # late evening local time: the UTC day is the next one
        data = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": view.title,
                "datePublished": f"{view.published}T21:40:00-05:00", "author": _people(view.authors),
                "publisher": {"@type": "Organization", "name": NAMES["dispatch"]}}
    elif view.publisher == EUROPEAN and view.language in ("es", "pt"):
        data = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": view.title,
                "datePublished": f"{view.published}T09:00:00+01:00", "author": _people(view.authors)}
    tags = [f'<script type="application/ld+json">{json.dumps(data, ensure_ascii=False)}</script>'] if data else []
    if view.publisher in ("ashgrove", "lakeside", "dispatch"):
        tags.append(f'<meta property="og:title" content="{escape(view.title)}">')
    if view.publisher == "lakeside":
        tags.append(f'<meta property="article:published_time" content="{view.published}T15:12:00Z">')
    if view.publisher == EUROPEAN and view.language == "fr":
        tags += [f'<meta property="article:published_time" content="{view.published}T10:12:00+01:00">',
                 f'<meta name="author" content="{escape(", ".join(view.authors))}">']
    return tags


def _bits(view) -> dict[str, str]:
    return {k: escape(v) for k, v in lines(view.publisher, view.language, view.authors, view.published).items()}


def _body(view, after_second: str = "", first: str = "") -> str:
    """Markers, paragraphs (a box after the second), trap extras and an in-text pager."""
    parts = [f'<p class="marker">{escape(view.top)}</p>'] if view.top else []
    parts += [first] if first else []
    for index, paragraph in enumerate(view.paragraphs):
        parts.append(f"<p>{escape(paragraph)}</p>")
        if index == 1 and after_second:
            parts.append(after_second)
    if view.bottom:
        parts.append(f'<p class="marker">{escape(view.bottom)}</p>')
    parts += [view.extra] if view.extra else []
    if view.pager and view.pager_place == "article":
        parts.append(view.pager)
    return "\n".join(parts)


def _pager(view, place: str, wrap: str = "{}") -> str:
    return wrap.format(view.pager) if view.pager and view.pager_place == place else ""


def _items(related) -> str:
    return "".join(f'<li><a href="{escape(h)}">{escape(t)}</a></li>' for h, t in related)


def _rxwell(view) -> str:
    cookie, accept, store, refill, library, shop, disclaimer, rewards = (escape(s) for s in CHROME["rxwell"])
    bits = _bits(view)
    return f"""<div id="cookie-banner" class="consent"><p>{cookie}</p><button type="button">{accept}</button></div>
<header class="rx-header"><a class="logo" href="/rxwell/">Rxwell</a><a href="/rxwell/stores">{store}</a>
<a href="/rxwell/rx">{refill}</a><p class="promo">{rewards}</p></header>
<main><p class="section-label"><a href="/rxwell/health-library/">{library}</a></p>
<article class="library-article"><h1>{escape(view.title)}</h1>
<ul class="article-meta"><li>{bits["byline"]}</li><li>{bits["reviewer"]}</li><li>{bits["date"]}</li>
<li>{bits["updated"]}</li><li>{bits["read"]}</li></ul>
{_pager(view, "top")}<div class="rte">
{_body(view)}
</div>
{_pager(view, "nav", '<nav class="article-pages">{}</nav>')}
<p class="disclaimer">{disclaimer}</p></article>
<section class="shop"><h2>{shop}</h2><ul>{_items(view.related)}</ul></section>{view.sidebar}</main>"""


def _ashgrove(view) -> str:
    crumbs, share, contact, person, newsletter, related = (escape(s) for s in CHROME["ashgrove"])
    bits = _bits(view)
    dek = f'<p class="subtitle">{escape(view.dek)}</p>' if view.number == 1 else ""
    figure = (f'<figure><img src="/ashgrove/img/lab.jpg" alt=""><figcaption><span class="credit">'
              f'{bits["photo"]}</span></figcaption></figure>') if view.number == 1 else ""
    bio = f'<aside class="author-bio"><p>{bits["bio"]}</p></aside>' if view.number == view.total else ""
    return f"""<header class="univ"><a href="/ashgrove/">{escape(NAMES["ashgrove"])}</a></header>
<p class="breadcrumb">{crumbs}</p>
<main class="news-item"><h1>{escape(view.title)}</h1>{dek}
<p class="byline">{bits["byline"]}</p><p><time datetime="{view.published}">{bits["date"]}</time></p>
<div class="share"><span>{share}</span> <a href="#fb">f</a> <a href="#x">x</a></div>
{figure}{_pager(view, "top")}<div class="news-body">
{_body(view)}
</div>{bio}
{_pager(view, "nav", '<nav class="pages" aria-label="Pages">{}</nav>')}
<div class="contact"><h3>{contact}</h3><p>{person}</p></div>
<aside class="newsletter"><p>{newsletter}</p></aside>
<section><h2>{related}</h2><ul>{_items(view.related)}</ul></section>{view.sidebar}</main>"""


def _pts(view) -> str:
    brand, specialist, pdf, committee, disclaimer, topics = (escape(s) for s in CHROME["pts"])
    bits = _bits(view)
    return f"""<div class="society-bar"><p>{brand}</p><a href="/pts/find">{specialist}</a></div>
<div class="content"><h1>{escape(view.title)}</h1>
<p class="authors">{bits["byline"]}</p><p class="review">{committee}</p>
{_pager(view, "top")}<div class="patient-text">
{_body(view)}
</div>
{_pager(view, "nav", '<div class="page-nav">{}</div>')}
<p><a href="/pts/pdf/sheet.pdf">{pdf}</a></p>
<div class="page-foot"><p>{bits["date"]}</p><p>{bits["reviewed"]}</p><p>{disclaimer}</p></div>
<nav class="topics"><h2>{topics}</h2><ul>{_items(view.related)}</ul></nav>{view.sidebar}</div>"""


def _dispatch(view) -> str:
    subscribe, sign_in, share, discover, pitch, more = (escape(s) for s in CHROME["dispatch"])
    bits = _bits(view)
    dek = f'<h3 class="subtitle">{escape(view.dek)}</h3>' if view.number == 1 else ""
    box = (f'<div class="subscription-widget"><p>{discover}</p><p>{pitch}</p>'
           f'<input type="email" placeholder="Type your email…"><button>{subscribe}</button></div>')
    return f"""<div class="topbar"><a href="/dispatch/">{escape(NAMES["dispatch"])}</a>
<button>{subscribe}</button> <a href="/dispatch/sign-in">{sign_in}</a></div>
<div class="single-post"><div class="post-header"><h1 class="post-title">{escape(view.title)}</h1>{dek}
<div class="post-meta"><a class="author" href="/dispatch/about">{bits["byline"]}</a><div class="post-date">{bits["date"]}</div></div>
<div class="post-ufi"><span>{bits["counts"]}</span> <button>{share}</button></div></div>
{_pager(view, "top")}<div class="available-content"><div class="body markup">
{_body(view, after_second=box)}
</div></div>
{_pager(view, "nav", '<div class="post-pages">{}</div>')}
<div class="post-footer"><h3>{more}</h3><ul>{_items(view.related)}</ul>{view.sidebar}</div></div>"""


def _lakeside(view) -> str:
    brand, most, standards, syndicated, newsletter = (escape(s) for s in CHROME["lakeside"])
    bits = _bits(view)
    dateline = f'<p class="dateline">{bits["dateline"]}</p>' if view.number == 1 else ""
    credits = f'<p class="credits">{bits["credits"]}</p>' if view.number == view.total else ""
    return f"""<header class="paper"><a href="/lakeside/">{brand}</a> <a href="/lakeside/newsletter">{newsletter}</a></header>
<article class="wire-story"><h1>{escape(view.title)}</h1>
<div class="byline-block"><p>{bits["byline"]}</p><p>{bits["date"]}</p></div>
{_pager(view, "top")}<div class="article-body">
{_body(view, first=dateline)}
{credits}
</div>
<p class="standards">{standards}</p><p class="syndication">{syndicated}</p></article>
{_pager(view, "nav", '<nav class="pagination">{}</nav>')}
<aside><h2>{most}</h2><ol>{_items(view.related)}</ol>{view.sidebar}</aside>"""


def _gesundnetz(view) -> str:
    words = {k: escape(v) for k, v in LOCAL[view.language].items()}
    bits = _bits(view)
    stamp = bits["date"]
    if view.language == "nl":
        stamp = f'<time datetime="{view.published}">{stamp}</time>'
    figure = (f'<figure><img src="/gesundnetz/bild.jpg" alt=""><figcaption>{words["caption"]} '
              f'<span class="credit">{bits["photo"]}</span></figcaption></figure>') if view.number == 1 else ""
    more = f'<aside class="mehr"><h3>{words["more"]}</h3><ul>{_items(view.related[:2])}</ul></aside>'
    return f"""<div class="cmp-banner"><p>{words["cookie"]}</p><button>{words["accept"]}</button></div>
<header><a class="brand" href="/gesundnetz/{view.language}/">{words["brand"]}</a></header>
<p class="breadcrumbs">{words["crumbs"]}</p>
<article class="artikel"><h1>{escape(view.title)}</h1>
<div class="meta"><p class="autor">{bits["byline"]}</p><p class="datum">{stamp}</p>
<p class="stand">{bits["updated"]}</p><p class="lesezeit">{bits["read"]}</p></div>
{figure}{_pager(view, "top")}<div class="artikel-text">
{_body(view, after_second=more)}
</div>
<div class="teilen"><span>{words["share"]}</span></div>
</article>
{_pager(view, "nav", '<nav class="seiten">{}</nav>')}
<div class="newsletter-box"><p>{words["news"]}</p></div>{view.sidebar}"""


TEMPLATES = {"rxwell": _rxwell, "ashgrove": _ashgrove, "pts": _pts, "dispatch": _dispatch, "lakeside": _lakeside,
             EUROPEAN: _gesundnetz}
