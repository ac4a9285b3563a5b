"""Page templates of the conventions site's invented publishers, and the chrome each one prints."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from html import escape

from . import (blind, eighth, eighth_pages, eleventh, eleventh_pages, fifth, fifth_pages, fresh, heldout, ninth,
               ninth_pages, seventh, seventh_pages, sixth, sixth_pages, tenth, tenth_pages, twelfth, twelfth_pages)

# What each publisher prints around every article: none of it may reach a stored body.
CHROME = {
    "harbor": ("Harbor Health Daily: plain answers about your health since 1998",
               "Get the Harbor Health Weekly: one email every Friday, never more.", "Medically reviewed by"),
    "northpeak": ("Reporting from the Northpeak network of community clinics", "READ MORE:",
                  "Northpeak Clinic News is written by staff reporters and reviewed by clinicians."),
    "vitalis": ("The Vitalis Wire: health news without the noise",
                "Sign up for Vitalis Morning, our weekday briefing."),
    "kestrel": ("Kestrel Family Health, for parents and the people they care for",
                "Join the parents who get the Kestrel Sunday letter.", "Updated:"),
    "larch": ("Larch Medical Review: guides checked by practising doctors",
              "Fact-checked by the Larch editorial board"),
}
LOCAL = {  # the European publishers: name, "continued from page N", next, previous, newsletter line
    "de": ("Gesundheit Heute", "Fortsetzung von Seite {n}", "Weiter", "Zurück",
           "Abonnieren Sie den Gesundheit Heute Newsletter am Freitag."),
    "fr": ("Santé Matin", "Suite de la page {n}", "Suivant", "Précédent", "Recevez la lettre de Santé Matin chaque lundi."),
    "es": ("Salud Hoy", "Viene de la página {n}", "Siguiente", "Anterior", "Reciba el boletín semanal de Salud Hoy."),
    "nl": ("Gezond Nu", "Vervolg van pagina {n}", "Volgende", "Vorige", "Ontvang elke week de nieuwsbrief van Gezond Nu."),
    "pt": ("Saúde Já", "Continuação da página {n}", "Próxima", "Anterior", "Receba a newsletter semanal do Saúde Já."),
    # Only the fresh family writes in these two: their pager words and continuation marker.
    "it": ("", "Continua da pagina {n}", "Pagina successiva", "Pagina precedente", ""),
    "sv": ("", "Fortsättning från sida {n}", "Nästa sida", "Föregående sida", ""),
    # Only the blind family writes Polish.
    "pl": ("", "Ciąg dalszy ze strony {n}", "Następna strona", "Poprzednia strona", ""),
    # Only the fifth family writes Finnish.
    "fi": ("", "Jatkoa sivulta {n}", "Seuraava sivu", "Edellinen sivu", ""),
    # Only the sixth family writes Turkish.
    "tr": ("", "Önceki sayfadan devam", "Sonraki sayfa", "Önceki sayfa", ""),
    # Only the seventh family writes Indonesian.
    "id": ("", "Lanjutan dari halaman {n}", "Halaman berikutnya", "Halaman sebelumnya", ""),
    # Only the eighth family writes Japanese.
    "ja": ("", "前のページからの続き", "次のページ", "前のページ", ""),
    # Only the tenth family writes Czech and Chinese.
    "cs": ("", "Pokračování ze strany {n}", "Další", "Předchozí", ""),
    "zh": ("", "接上页", "下一页", "上一页", ""),
}
MONTHS = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")


@dataclass
class View:
    """Everything one page of an article shows."""

    publisher: str
    language: str
    title: str
    authors: tuple[str, ...]
    published: str
    number: int
    total: int
    paragraphs: list[str]
    dek: str = ""
    pager: str = ""
    pager_place: str = "nav"  # "nav": after the article in <nav>; "article": inside <article>
    top: str = ""  # a marker opening the text ("continued...")
    bottom: str = ""  # a marker closing it ("Story continues on page 3")
    head: list[tuple[str, str]] = field(default_factory=list)  # (rel, href) links in <head>
    canonical: str = ""
    related: list[tuple[str, str]] = field(default_factory=list)  # (href, title) of other articles
    extra: str = ""  # trap material inside the article (gallery, comments, a next-article link)
    sidebar: str = ""  # trap material in the sidebar (listing pager, tag links)


def printed_date(iso: str) -> str:
    """"Sept. 16, 2020", as the Vitalis Wire prints it."""
    day = date.fromisoformat(iso)
    return f"{MONTHS[day.month - 1]} {day.day}, {day.year}"


def byline(authors: tuple[str, ...]) -> str:
    """"By A" or "By A and B"."""
    return "By " + " and ".join(authors)


def render(view: View) -> str:
    """The whole HTML page."""
    if view.publisher in heldout.NAMES or view.publisher == heldout.EUROPEAN:
        return heldout.render(view)
    if view.publisher in fresh.NAMES or view.publisher == fresh.EUROPEAN:
        return fresh.render(view)
    if view.publisher in blind.NAMES or view.publisher == blind.EUROPEAN:
        return blind.render(view)
    if view.publisher in fifth.PUBLISHERS:
        return fifth_pages.render(view)
    if view.publisher in sixth.PUBLISHERS:
        return sixth_pages.render(view)
    if view.publisher in seventh.PUBLISHERS:
        return seventh_pages.render(view)
    if view.publisher in eighth.PUBLISHERS:
        return eighth_pages.render(view)
    if view.publisher in ninth.PUBLISHERS:
        return ninth_pages.render(view)
    if view.publisher in tenth.PUBLISHERS:
        return tenth_pages.render(view)
    if view.publisher in eleventh.PUBLISHERS:
        return eleventh_pages.render(view)
    if view.publisher in twelfth.PUBLISHERS:
        return twelfth_pages.render(view)
    brand = LOCAL[view.language][0] if view.language != "en" else view.publisher.title()
    # Some publishers number the <title> of page 2+; others repeat page 1's.
    page = f" - Page {view.number}" if view.number > 1 and view.publisher in ("harbor", "kestrel") else ""
    head = [f'<meta charset="utf-8"><title>{escape(view.title)}{page} | {escape(brand)}</title>']
    head += [f'<link rel="{rel}" href="{escape(href)}">' for rel, href in view.head]
    if view.canonical:
        head.append(f'<link rel="canonical" href="{escape(view.canonical)}">')
    head += _meta(view)
    body = _PUBLISHERS.get(view.publisher, _european)(view)
    return (f'<!DOCTYPE html>\n<html lang="{view.language}">\n<head>\n' + "\n".join(head)
            + f"\n</head>\n<body>\n{body}\n</body>\n</html>\n")


def _meta(view: View) -> list[str]:
    if view.publisher in ("harbor", "larch") or view.language != "en":
        return [f'<meta property="og:title" content="{escape(view.title)}">',
                f'<meta property="article:published_time" content="{view.published}">',
                *(f'<meta name="author" content="{escape(a)}">' for a in view.authors)]
    if view.publisher == "northpeak" and view.number == 1:
        data = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": view.title,
                "datePublished": view.published, "author": [{"@type": "Person", "name": a} for a in view.authors]}
        return [f'<script type="application/ld+json">{json.dumps(data)}</script>']
    return []


def _text(view: View) -> str:
    parts = [f'<p class="marker">{escape(view.top)}</p>'] if view.top else []
    for index, paragraph in enumerate(view.paragraphs):
        parts.append(f"<p>{escape(paragraph)}</p>")
        if index == 1 and view.publisher == "northpeak" and view.related:
            href, title = view.related[0]
            parts.append(f'<p class="teaser"><strong>READ MORE:</strong> <a href="{escape(href)}">{escape(title)}</a></p>')
        if index == 1 and view.publisher == "kestrel":
            parts.append(f'<aside class="newsletter"><p>{CHROME["kestrel"][1]}</p>'
                         '<form><input type="email" name="email"><button>Sign up</button></form></aside>')
    if view.bottom:
        parts.append(f'<p class="marker">{escape(view.bottom)}</p>')
    if view.extra:
        parts.append(view.extra)
    if view.pager and view.pager_place == "article":
        parts.append(f'<div class="pagination">{view.pager}</div>')
    return "\n".join(parts)


def _nav_pager(view: View) -> str:
    return f'<nav class="pagination" aria-label="Pages">{view.pager}</nav>' if view.pager and view.pager_place == "nav" else ""


def _links(items: list[tuple[str, str]], heading: str) -> str:
    lis = "".join(f'<li><a href="{escape(h)}">{escape(t)}</a></li>' for h, t in items)
    return f"<h3>{escape(heading)}</h3><ul>{lis}</ul>" if items else ""


def _harbor(view: View) -> str:
    masthead, newsletter, reviewed = CHROME["harbor"]
    return f"""<header class="masthead"><a href="/harbor/">Harbor Health Daily</a><p class="tagline">{masthead}</p>
<nav class="site"><a href="/harbor/">Home</a> <a href="/harbor/conditions/">Conditions</a> <a href="/harbor/wellness/">Wellness</a></nav></header>
<div class="layout"><main><article>
<h1>{escape(view.title)}</h1>
<p class="byline">{escape(byline(view.authors))} | {printed_date(view.published)}</p>
<p class="review">{reviewed} Dr. Anselm Quarry</p>
{_text(view)}
</article>
{_nav_pager(view)}
<div class="newsletter"><p>{newsletter}</p></div></main>
<aside class="sidebar">{_links(view.related, "Most read this week")}{view.sidebar}</aside></div>
<footer><p>Harbor Health Daily does not give medical advice.</p></footer>"""


def _northpeak(view: View) -> str:
    tagline, _, footer = CHROME["northpeak"]
    return f"""<div id="top"><span class="brand">NORTHPEAK CLINIC NEWS</span><span>{tagline}</span></div>
<div class="crumbs"><a href="/northpeak/">Home</a> › <a href="/northpeak/news/">Health News</a></div>
<div id="content"><h1 class="headline">{escape(view.title)}</h1>
<div class="meta">{escape(byline(view.authors))}</div>
<div class="story-body">
{_text(view)}
</div>
{_nav_pager(view)}
<section class="related">{_links(view.related, "Related stories")}</section>
{view.sidebar}</div>
<div id="footer"><p>{footer}</p></div>"""


def _vitalis(view: View) -> str:
    masthead, newsletter = CHROME["vitalis"]
    counter = f'<span class="counter">Page {view.number} of {view.total}</span>' if view.total > 1 else ""
    return f"""<header><div class="logo">{masthead}</div></header>
<main class="wrap"><article class="post">
<header class="post-header"><h1>{escape(view.title)}</h1><p class="dek">{escape(view.dek)}</p>
<p class="author">{escape(byline(view.authors))}</p><p class="dateline">Published {printed_date(view.published)}</p>{counter}</header>
<div class="post-content">
{_text(view)}
</div></article>
{_nav_pager(view)}
<aside><div class="signup">{newsletter}</div>{_links(view.related, "Trending")}{view.sidebar}</aside></main>"""


def _kestrel(view: View) -> str:
    masthead, _, updated = CHROME["kestrel"]
    day = date.fromisoformat(view.published)
    return f"""<div class="masthead"><p>{masthead}</p></div>
<div class="page"><div class="article-wrap"><article>
<h1>{escape(view.title)}</h1>
<div class="byline"><span>{escape(byline(view.authors))}</span> <time datetime="{view.published}">{printed_date(view.published)}</time></div>
<p class="updated">{updated} {day.month}/{day.day}/{day:%y}</p>
{_text(view)}
</article>{_nav_pager(view)}</div>
<div class="rail">{_links(view.related, "You may also like")}{view.sidebar}</div></div>
<footer>Kestrel Family Health is not a substitute for medical advice.</footer>"""


def _larch(view: View) -> str:
    masthead, checked = CHROME["larch"]
    return f"""<header class="top"><p>{masthead}</p></header>
<section class="guide"><h1>{escape(view.title)}</h1>
<p class="by">{escape(byline(view.authors))}</p><p class="checked">{checked}</p>
<div class="guide-text">
{_text(view)}
</div>{_nav_pager(view)}</section>
<section class="more">{_links(view.related, "More guides")}{view.sidebar}</section>"""


def _european(view: View) -> str:
    name, _, _, _, newsletter = LOCAL[view.language]
    return f"""<header><p class="brand">{escape(name)}</p></header>
<main><article><h1>{escape(view.title)}</h1>
<p class="autor">{escape(", ".join(view.authors))} · <time datetime="{view.published}">{view.published}</time></p>
{_text(view)}
</article>{_nav_pager(view)}
<div class="box">{escape(newsletter)}</div>
{_links(view.related, "—")}{view.sidebar}</main>"""


_PUBLISHERS = {"harbor": _harbor, "northpeak": _northpeak, "vitalis": _vitalis, "kestrel": _kestrel, "larch": _larch}


def chrome_strings(publisher: str, language: str) -> tuple[str, ...]:
    """Text every page of this publisher prints outside the article's own words."""
    if language != "en":
        return (LOCAL[language][4],)
    return CHROME[publisher]
