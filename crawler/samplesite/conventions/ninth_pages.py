"""The ninth family's page templates: TV, newspaper, hospital blog, encyclopedia, magazine, portal, agency, slides."""
from __future__ import annotations

import json
from datetime import date, timedelta
from html import escape

from .ninth import CHROME, EUROPEAN, NAMES, PULL_QUOTES, REVIEWERS, WIRE, _pick, lines


def render(view) -> str:
    """The whole HTML page of a ``layout.View`` for a ninth-family publisher."""
    brand = WIRE[view.language][0] if view.publisher == EUROPEAN else NAMES[view.publisher]
    suffix = f" - Page {view.number}" if view.number > 1 and view.publisher in ("healthnest", "listwise") else ""
    head = [f'<meta charset="utf-8"><title>{escape(view.title)}{suffix} | {escape(brand)}</title>',
            '<meta name="viewport" content="width=device-width, initial-scale=1">']
    head += [f'<link rel="{rel}" href="{escape(href)}">' for rel, href in view.head]
    if view.canonical:
        head.append(f'<link rel="canonical" href="{escape(view.canonical)}">')
    head += _meta(view)
    lang = {"longview": "en-GB", "healthnest": "en-IN", "listwise": "en-AU"}.get(view.publisher, "en-US")
    lang = lang if view.language == "en" else view.language
    return (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n' + "\n".join(head)
            + f"\n</head>\n<body>\n{TEMPLATES[view.publisher](view)}\n</body>\n</html>\n")


def _ld(data: dict) -> str:
    return f'<script type="application/ld+json">{json.dumps({"@context": "https://schema.org", **data})}</script>'


def _people(names) -> list[dict]:
    return [{"@type": "Person", "name": n} for n in names]


def _meta(view) -> list[str]:
    title, day = escape(view.title), date.fromisoformat(view.published)
    if view.publisher == "kxyz":  # the vendor platform names the station as author; JSON-LD names the people
        return ['<meta name="author" content="KXYZ">', f'<meta property="og:title" content="{title}">',
                _ld({"@type": "NewsArticle", "headline": view.title, "author": _people(view.authors),
                     "datePublished": f"{view.published}T18:02:00-05:00",
                     "dateModified": f"{day + timedelta(days=1)}T08:15:00-05:00"})]
    if view.publisher == "courier":
        return [f'<meta name="byl" content="By {escape(" and ".join(view.authors))}">',
                f'<meta property="article:published_time" content="{view.published}T18:02:00-05:00">']
    if view.publisher == "wellwise":  # only the review and modification dates are machine-readable
        return [_ld({"@type": "MedicalWebPage", "name": view.title, "author": _people(view.authors),
                     "reviewedBy": {"@type": "Person", "name": _pick(REVIEWERS, view.published)},
                     "dateModified": view.published, "lastReviewed": view.published})]
    if view.publisher == "longview":
        return [f'<meta name="parsely-pub-date" content="{view.published}T05:00:00Z">',
                *[f'<meta name="parsely-author" content="{escape(a)}">' for a in view.authors]]
    if view.publisher == "healthnest":
        return [f'<meta property="article:published_time" content="{view.published}T10:15:00+05:30">',
                f'<meta name="author" content="{escape(view.authors[0])}">']
    if view.publisher == "factsheet":
        return [f'<meta name="DC.date.reviewed" content="{view.published}">']
    if view.publisher == EUROPEAN:
        return [f'<meta name="date" content="{view.published}">',
                f'<meta name="author" content="{escape(", ".join(view.authors))}">']
    return [f'<meta property="og:title" content="{title}">']  # mercyvale, listwise: dates in the text only


def _bits(view) -> dict[str, str]:
    return {k: escape(v) for k, v in lines(view.publisher, view.language, view.authors, view.published).items()}


def _body(view, inserts: dict[int, str] | None = None, first: str = "") -> str:
    """Markers, paragraphs (boxes after some of them), trap extras, and an in-text pager."""
    inserts = inserts or {}
    parts = [f"<p>{escape(view.top)}</p>"] if view.top else []
    for index, paragraph in enumerate(view.paragraphs):
        parts.append(first if index == 0 and first else f"<p>{escape(paragraph)}</p>")
        if index in inserts:
            parts.append(inserts[index])
    if view.bottom:
        parts.append(f'<p class="jump">{escape(view.bottom)}</p>')
    parts += [view.extra] if view.extra else []
    if view.pager and view.pager_place == "article":
        parts.append(view.pager)
    return "\n".join(parts)


def _nav(view) -> str:
    return view.pager if view.pager and view.pager_place in ("nav", "top") else ""


def _items(related) -> str:
    return "".join(f'<li><a href="{escape(h)}">{escape(t)}</a></li>' for h, t in related)


def _kxyz(view) -> str:
    ad, related, trending, app, copyright_ = (escape(s) for s in CHROME["kxyz"])
    bits, dek = _bits(view), (f'<h2 class="c-subheadline">{escape(view.dek)}</h2>' if view.number == 1 else "")
    also = ""
    if view.related:
        href, title = view.related[0]
        also = f'<p class="related-inline"><strong>{related}</strong> <a href="{escape(href)}">{escape(title)}</a></p>'
    slot = f'<div class="arc-ad" data-ad-type="box" data-slot="inline1"><span class="ad-label">{ad}</span></div>'
    return f"""<header class="site-header" data-component="header"><a href="/kxyz/" data-track="logo">KXYZ 5</a></header>
<article class="b-article" data-story-id="KX{len(view.title) * 7919 % 10**6}" data-section="health">
<h1 class="b-headline" data-testid="headline">{escape(view.title)}</h1>{dek}
<div class="b-byline" data-testid="byline"><span class="ts-byline__names" data-author-ids="arc-1">{bits["byline"]}</span></div>
<div class="b-timestamp" data-testid="timestamp"><time>{bits["date"]}</time></div>
<div class="b-share" data-component="share-rail"><button data-share="facebook">f</button><button data-share="x">x</button></div>
<div class="b-article-body" data-testid="article-body">
{_body(view, {0: slot, 1: also})}
</div>{_nav(view)}
<div class="app-promo"><p>{app}</p></div>
</article>
<section class="trending" data-component="trending"><h2>{trending}</h2><ol>{_items(view.related)}</ol>{view.sidebar}</section>
<footer class="site-footer"><p>{copyright_}</p></footer>"""


def _courier(view) -> str:
    below, signup, inbox, copyright_ = (escape(s) for s in CHROME["courier"])
    bits = _bits(view)
    ad = f'<div class="ad-container"><p class="ad-note">{below}</p></div>'
    box = f'<div class="newsletter-signup"><h3>{signup}</h3><p>{inbox}</p><input type="email"></div>'
    return f"""<header class="masthead"><a href="/courier/">The Daily Courier</a></header>
<main class="Page-main"><article class="ArticlePage">
<h1 class="Page-headline">{escape(view.title)}</h1>
<div class="Page-byline"><span class="Page-authors">{bits["byline"]}</span></div>
<div class="Page-datePublished">{bits["date"]}</div>
<div class="RichTextArticleBody">
{_body(view, {1: ad, 2: box})}
</div>{_nav(view)}
<p class="origin"><em>{bits["origin"]}</em></p>
<div class="AuthorBio"><p>{bits["bio"]}</p></div>
</article><aside class="Page-aside"><ul>{_items(view.related)}</ul>{view.sidebar}</aside></main>
<footer><p>{copyright_}</p></footer>"""


def _mercyvale(view) -> str:
    blog, appointment, sources, *refs, disclaimer = (escape(s) for s in CHROME["mercyvale"])
    bits = _bits(view)
    listed = "".join(f"<li>{r}</li>" for r in refs)
    return f"""<header class="hs-header"><a href="/mercyvale/">Mercy Vale Health</a>
<a class="cta" href="/mercyvale/appointments">{appointment}</a></header>
<div class="blog-title"><p>{blog}</p></div>
<div class="post">
<h1 class="post-title">{escape(view.title)}</h1>
<p class="post-meta">{bits["byline"]}</p><p class="post-cats">{bits["category"]}</p>
<div class="post-content">
{_body(view)}
</div>{_nav(view)}
<div class="post-sources"><h4>{sources}</h4><ol>{listed}</ol></div>
<p class="disclaimer"><small>{disclaimer}</small></p>
</div><div class="sidebar"><ul>{_items(view.related)}</ul>{view.sidebar}</div>"""


def _wellwise(view) -> str:
    pin, how, experts, sources, helpful = (escape(s) for s in CHROME["wellwise"])
    bits = _bits(view)
    figure = f'<figure class="css-img"><img src="/img/x.jpg" alt=""><figcaption>{pin}</figcaption></figure>'
    return f"""<header class="ww-header"><a href="/wellwise/">WellWise</a></header>
<article class="article-body">
<h1>{escape(view.title)}</h1>
<div class="byline-block"><span>{bits["review"]}</span> — <span>{bits["byline"]}</span> — <span>{bits["date"]}</span></div>
{_body(view, {0: figure})}
{_nav(view)}
<section class="review-note"><h3>{how}</h3><p>{experts}</p></section>
<section class="sources-list"><h3>{sources}</h3><ul><li><a href="/pubmed/1">Sleep and glucose (2021)</a></li></ul></section>
<div class="feedback"><p>{helpful}</p></div>
</article><aside><ul>{_items(view.related)}</ul>{view.sidebar}</aside>"""


def _longview(view) -> str:
    flag, subscribe, popular = (escape(s) for s in CHROME["longview"])
    bits, quote = _bits(view), escape(_pick(PULL_QUOTES, view.published))
    dek = f'<p class="dek">{escape(view.dek)}</p>' if view.number == 1 else ""
    first = ""
    if view.number == 1 and not view.top:  # a drop cap: the first letter in its own span, no space after it
        opening = view.paragraphs[0]
        first = f'<p class="has-dropcap"><span class="dropcap">{escape(opening[0])}</span>{escape(opening[1:])}</p>'
    pull = f'<aside class="pullquote"><blockquote><p>{quote}</p></blockquote></aside>'
    return f"""<header class="lv-masthead"><span class="flag">{flag}</span> <a href="/longview/subscribe">{subscribe}</a></header>
<article class="longform">
<h1 class="hed">{escape(view.title)}</h1>{dek}
<address class="byline">{bits["byline"]}</address> <time class="pubdate">{bits["date"]}</time>
<div class="longform-body">
{_body(view, {1: pull}, first)}
</div>{_nav(view)}
<p class="print-note"><em>{bits["print"]}</em></p>
</article><section class="popular"><h2>{popular}</h2><ol>{_items(view.related)}</ol>{view.sidebar}</section>"""


def _healthnest(view) -> str:
    also, google, disclaimer, trending = (escape(s) for s in CHROME["healthnest"])
    bits = _bits(view)
    dek = f'<h2 class="synopsis">{escape(view.dek)}</h2>' if view.number == 1 else ""
    read = ""
    if view.related:
        href, title = view.related[-1]
        read = f'<p class="also-read"><b>{also}</b> <a href="{escape(href)}">{escape(title)}</a></p>'
    return f"""<header class="hn-top"><a href="/healthnest/">HealthNest</a></header>
<div class="story-box">
<h1 class="story-title">{escape(view.title)}</h1>{dek}
<div class="author-info"><span class="auth">{bits["byline"]}</span><br><span class="upd">{bits["date"]}</span></div>
<div class="story-content">
{_body(view, {1: read})}
</div>{_nav(view)}
<p class="gnews"><a href="https://news.google.com/">{google}</a></p>
<p class="disclaimer">{disclaimer}</p>
</div><div class="trending-widget"><h3>{trending}</h3><ul>{_items(view.related)}</ul>{view.sidebar}</div>"""


def _factsheet(view) -> str:
    official, on_page, key, print_, _ = (escape(s) for s in CHROME["factsheet"])
    bits = _bits(view)
    return f"""<div class="usa-banner"><p>{official}</p></div>
<main class="fact-sheet">
<h1>{escape(view.title)}</h1>
<nav class="on-this-page"><h2>{on_page}</h2><ul><li><a href="#key">{key}</a></li></ul></nav>
<a class="print" href="javascript:print()">{print_}</a>
<section id="key"><h2>{key}</h2>
{_body(view)}
</section>{_nav(view)}
<div class="last-reviewed"><p>{bits["date"]}</p><p>{bits["byline"]}</p></div>
<ul class="related">{_items(view.related)}</ul>{view.sidebar}
</main>"""


def _listwise(view) -> str:
    ad, every, more, signup = (escape(s) for s in CHROME["listwise"])
    bits = _bits(view)
    return f"""<header class="lw-head"><a href="/listwise/">ListWise</a> <a href="/listwise/slideshows">{every}</a></header>
<div class="slideshow">
<h1>{escape(view.title)}</h1>
<p class="lw-by">{bits["byline"]}</p><p class="lw-date">{bits["date"]}</p>
<div class="slide"><img src="/img/slide.jpg" alt="">
<div class="slide-text">
{_body(view)}
</div></div>{_nav(view)}
<div class="ad"><span>{ad}</span></div>
<div class="newsletter"><p>{signup}</p></div>
</div><div class="more-slideshows"><h3>{more}</h3><ul>{_items(view.related)}</ul>{view.sidebar}</div>"""


def _globalwire(view) -> str:
    bits, edition = _bits(view), escape(WIRE[view.language][0])
    return f"""<header class="wire"><a href="/globalwire/">{escape(NAMES[EUROPEAN])}</a> <span>{edition}</span></header>
<article class="wire-story">
<h1>{escape(view.title)}</h1>
<p class="wire-byline">{bits["byline"]}</p><p class="wire-date">{bits["date"]}</p>
<div class="wire-text">
{_body(view)}
</div>{_nav(view)}
</article><ul class="wire-more">{_items(view.related)}</ul>{view.sidebar}"""


TEMPLATES = {"kxyz": _kxyz, "courier": _courier, "mercyvale": _mercyvale, "wellwise": _wellwise,
             "longview": _longview, "healthnest": _healthnest, "factsheet": _factsheet, "listwise": _listwise,
             EUROPEAN: _globalwire}
