"""The blind family: a fourth set of invented publishers, written without reading the rules it measures.

Built by ``build(seed, family="blind")``. Its publishers print bylines in article footers and after the
body, "Reviewed by" lines naming someone who is not an author, datelines in local formats (day/month
numbers, ISO with a time zone, a wire-style place line), cookie banners, breadcrumb trails, share bars,
newsletter boxes and related-article rails; one writes Polish (and the other European languages the shared
conventions need). It adds pagination conventions no other family has (``CONVENTIONS``). It is measured
once, and never used to tune the rules.
"""
from __future__ import annotations

import random
from datetime import date
from html import escape

ENGLISH = ("juniper", "foxglove", "wicket", "saltmarsh")
EUROPEAN = "puls"
NAMES = {"juniper": "Juniper Health Review", "foxglove": "Foxglove Clinic Digest",
         "wicket": "Wicket Community Health", "saltmarsh": "Saltmarsh Medical Weekly"}
COOKIES = "We use cookies to understand how our pages are read. Accept all or choose your settings."
CHROME = {  # per publisher: breadcrumb, share bar, newsletter box, footer line
    "juniper": ("Home › Health › Conditions", "Share this: Facebook · X · Email · Copy link",
                "Juniper Daily: the morning health briefing, free in your inbox.", "© Juniper Health Review Ltd"),
    "foxglove": ("Digest / Clinic news / Research", "Send to a friend | Print | Save for later",
                 "Get the Foxglove Digest each Tuesday. Unsubscribe any time.",
                 "Foxglove Clinic Digest does not give individual medical advice."),
    "wicket": ("You are here: Wicket › Local health", "Share on WhatsApp · Share by email",
               "Want stories like this? Join the Wicket weekly round-up.", "Wicket Community Health is a reader-funded co-op."),
    "saltmarsh": ("Saltmarsh / Weekly / Features", "Tweet | Post | Mail this feature",
                  "Saltmarsh subscribers get the print edition every Saturday.", "Saltmarsh Medical Weekly, est. 1961"),
}
LOCAL = {  # the European publisher per language: brand, newsletter, cookie line, "by", "and", "updated", reviewed by
    "pl": ("Puls Zdrowia", "Zapisz się do newslettera Pulsu Zdrowia, co piątek rano.",
           "Ta strona korzysta z plików cookie. Akceptuję lub zmieniam ustawienia.", "Autor:", "i", "Aktualizacja:",
           "Konsultacja medyczna:"),
    "de": ("Puls Gesundheit", "Der Puls-Newsletter erscheint jeden Freitag.",
           "Diese Seite verwendet Cookies. Alle akzeptieren oder Einstellungen wählen.", "Autorin/Autor:", "und",
           "Aktualisiert:", "Medizinisch geprüft von"),
    "fr": ("Pouls Santé", "La lettre de Pouls Santé arrive le vendredi.",
           "Ce site utilise des cookies. Tout accepter ou personnaliser.", "Auteur :", "et", "Mis à jour :",
           "Relu par"),
    "es": ("Pulso Salud", "El boletín de Pulso Salud llega los viernes.",
           "Este sitio usa cookies. Aceptar todas o configurar.", "Autor:", "y", "Actualizado:", "Revisado por"),
    "nl": ("Pols Gezondheid", "De nieuwsbrief van Pols verschijnt elke vrijdag.",
           "Deze site gebruikt cookies. Alles accepteren of instellingen kiezen.", "Auteur:", "en", "Bijgewerkt:",
           "Medisch gecontroleerd door"),
    "pt": ("Pulso Saúde", "A newsletter do Pulso Saúde chega às sextas.",
           "Este site usa cookies. Aceitar todos ou configurar.", "Autor:", "e", "Atualizado:", "Revisto por"),
}
# Page-position markers: (top of page N > 1, bottom of page N < last), with {n} the page it points to.
MARKERS = {"juniper": ("", "Article continues on page {n}"), "wicket": ("Page {n} continued", "")}
SELF_CANONICAL = ("juniper", "saltmarsh", EUROPEAN)
REVIEWERS = ("Dr Hallam Osei", "Dr Priya Venn", "Dr Tomasz Wrona", "Dr Carys Eld")
FIRST_NAMES = ("Zofia", "Marek", "Halina", "Gideon", "Tamsin", "Wojciech", "Ebba", "Rowan", "Agnieszka", "Felix")
LAST_NAMES = ("Kowalczyk", "Brzęczek", "Ashdown", "Pennifold", "Wiśniewska", "Halloran", "Dąbrowski", "Trevelyan",
              "Nowak-Ellis", "Quarrie")


def authors(rng: random.Random) -> tuple[str, ...]:
    """One or two distinct invented names, some with Polish letters."""
    names = [f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"]
    if rng.random() < 0.35:
        other = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        if other != names[0]:
            names.append(other)
    return tuple(names)


def reviewer(publisher: str, published: str) -> str:
    """The clinician a page says reviewed it: never an author."""
    return REVIEWERS[(len(publisher) + int(published[-2:])) % len(REVIEWERS)]


def printed_byline(publisher: str, language: str, names: tuple[str, ...]) -> str:
    """The byline as this publisher prints it."""
    if language != "en":
        label, conjunction = LOCAL[language][3:5]
        return f"{label} " + f" {conjunction} ".join(names)
    return {"juniper": "By " + " and ".join(names), "foxglove": "Reporting by " + "; ".join(names),
            "wicket": "Written by " + ", with ".join(names), "saltmarsh": " and ".join(names)}[publisher]


def printed_date(publisher: str, language: str, iso: str) -> str:
    """The date as this publisher prints it."""
    day = date.fromisoformat(iso)
    if language != "en":
        return f"{LOCAL[language][5]} {day:%d.%m.%Y}"
    return {"juniper": f"Published {day:%d/%m/%Y}", "foxglove": f"LONDON, {day:%B} {day.day}, {day.year}",
            "wicket": f"{iso} 08:15 GMT", "saltmarsh": f"{day:%A} {day.day} {day:%B} {day.year}"}[publisher]


def chrome_lines(publisher: str, language: str, names: tuple[str, ...], published: str) -> tuple[str, ...]:
    """Everything a page of this publisher prints that is not the article's text."""
    review = f"{LOCAL[language][6] if language != 'en' else 'Medically reviewed by'} {reviewer(publisher, published)}"
    boxes = LOCAL[language][1:3] if language != "en" else (*CHROME[publisher], COOKIES)
    return (*boxes, review, printed_byline(publisher, language, names), printed_date(publisher, language, published))


def render(view) -> str:
    """The whole HTML page of a ``layout.View`` for a blind publisher."""
    brand = LOCAL[view.language][0] if view.language != "en" else NAMES[view.publisher]
    page = f" – strona {view.number}" if view.language == "pl" and view.number > 1 else ""
    head = [f'<meta charset="utf-8"><title>{escape(view.title)}{page} | {escape(brand)}</title>']
    head += [f'<link rel="{rel}" href="{escape(href)}">' for rel, href in view.head]
    if view.canonical:
        head.append(f'<link rel="canonical" href="{escape(view.canonical)}">')
    if view.publisher == "saltmarsh":  # the date only as a meta property besides the printed weekday line
        head.append(f'<meta property="article:published_time" content="{view.published}T06:00:00Z">')
    body = _TEMPLATES.get(view.publisher, _puls)(view)
    lang = "en-GB" if view.language == "en" else view.language
    return (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n' + "\n".join(head)
            + f"\n</head>\n<body>\n{body}\n</body>\n</html>\n")


def _text(view, box: str = "") -> str:
    """The article's paragraphs with its markers, a mid-text box and the in-article pager."""
    parts = [f'<p class="marker">{escape(view.top)}</p>'] if view.top else []
    for index, paragraph in enumerate(view.paragraphs):
        parts.append(f"<p>{escape(paragraph)}</p>")
        if index == 1 and box:
            parts.append(box)
    if view.bottom:
        parts.append(f'<p class="marker">{escape(view.bottom)}</p>')
    if view.extra:
        parts.append(view.extra)
    if view.pager and view.pager_place == "article":
        parts.append(f'<div class="pagination">{view.pager}</div>')
    return "\n".join(parts)


def _pager(view) -> str:
    return f'<nav class="pages" aria-label="Pages">{view.pager}</nav>' if view.pager and view.pager_place == "nav" else ""


def _rail(items, heading: str) -> str:
    lis = "".join(f'<li><a href="{escape(h)}">{escape(t)}</a></li>' for h, t in items)
    return f'<aside class="rail"><h3>{escape(heading)}</h3><ul>{lis}</ul></aside>' if items else ""


def _bits(view) -> tuple[str, str, str]:
    review = chrome_lines(view.publisher, view.language, view.authors, view.published)[-3]
    return (escape(printed_byline(view.publisher, view.language, view.authors)),
            escape(printed_date(view.publisher, view.language, view.published)), escape(review))


def _cookie(text: str = COOKIES) -> str:
    return f'<div id="cookie-banner" role="dialog"><p>{escape(text)}</p><button>OK</button></div>'


def _juniper(view) -> str:
    crumbs, share, letter, foot = CHROME["juniper"]
    by, when, review = _bits(view)
    box = f'<div class="newsletter-signup"><p>{letter}</p><input type="email"></div>'
    dek = f'<p class="lede">{escape(view.dek)}</p>' if view.number == 1 else ""
    return f"""{_cookie()}<ol class="breadcrumb"><li>{crumbs}</li></ol>
<article><h1>{escape(view.title)}</h1>{dek}<div class="share"><p>{share}</p></div>
<div class="article-body">
{_text(view, box)}
</div>
<footer class="article-footer"><p class="byline">{by}</p><p class="reviewed">{review}</p><p><time>{when}</time></p></footer>
{_pager(view)}</article>
{_rail(view.related, "More from Juniper")}{view.sidebar}<footer class="site"><p>{foot}</p></footer>"""


def _foxglove(view) -> str:
    crumbs, share, letter, foot = CHROME["foxglove"]
    by, when, review = _bits(view)
    return f"""<nav class="crumbs"><p>{crumbs}</p></nav>{_cookie()}
<div class="story"><h1>{escape(view.title)}</h1>
<p class="dateline">{when}</p>
{_text(view)}
<p class="credits">{by}</p><p class="credits">{review}</p>
{_pager(view)}<div class="tools"><p>{share}</p></div>
<div class="promo"><p>{letter}</p></div></div>
{_rail(view.related, "Most read")}{view.sidebar}<div class="legal"><p>{foot}</p></div>"""


def _wicket(view) -> str:
    crumbs, share, letter, foot = CHROME["wicket"]
    by, when, review = _bits(view)
    box = f'<aside class="roundup"><p>{letter}</p></aside>'
    return f"""<header><p class="trail">{crumbs}</p></header>
<main><h1>{escape(view.title)}</h1><p class="stamp">{when}</p>
<section class="content">
{_text(view, box)}
</section>
<div class="after"><p>{by}</p><p><small>{review}</small></p><p>{share}</p></div>{_pager(view)}
{_rail(view.related, "Elsewhere in Wicket")}</main>{view.sidebar}{_cookie()}<p class="coop">{foot}</p>"""


def _saltmarsh(view) -> str:
    crumbs, share, letter, foot = CHROME["saltmarsh"]
    by, when, review = _bits(view)
    dek = f'<h2 class="standfirst">{escape(view.dek)}</h2>' if view.number == 1 else ""
    return f"""{_cookie()}<div class="path"><p>{crumbs}</p></div>
<div class="feature"><h1>{escape(view.title)}</h1>{dek}
<div class="contributors"><p><a rel="author" href="/saltmarsh/people">{by}</a></p><p>{when}</p><p>{review}</p></div>
<div class="sharebar"><p>{share}</p></div>
{_text(view)}
{_pager(view)}<div class="subscribe"><p>{letter}</p></div></div>
{_rail(view.related, "Related features")}{view.sidebar}<p class="est">{foot}</p>"""


def _puls(view) -> str:
    brand, letter, cookies = LOCAL[view.language][:3]
    by, when, review = _bits(view)
    dek = f'<p class="zajawka"><strong>{escape(view.dek)}</strong></p>' if view.number == 1 else ""
    return f"""{_cookie(cookies)}<div class="logo"><p>{escape(brand)}</p></div>
<article class="tekst"><h1>{escape(view.title)}</h1>{dek}
{_text(view)}
{_pager(view)}<footer><p class="autor">{by}</p><p class="data">{when}</p><p class="konsultacja">{review}</p></footer>
<div class="newsletter"><p>{escape(letter)}</p></div></article>
{_rail(view.related, "Czytaj także" if view.language == "pl" else "…")}{view.sidebar}"""


_TEMPLATES = {"juniper": _juniper, "foxglove": _foxglove, "wicket": _wicket, "saltmarsh": _saltmarsh}
