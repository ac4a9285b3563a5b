"""The fresh family: a third set of invented publishers, written before the byline, dek and chrome rules were read.

Built by ``build(seed, family="fresh")``. Its publishers print bylines with labels other than "By"
("Words by", "Story by", "Text:", "Ein Beitrag von", "Rédigé par", ...), bylines after the body,
names with particles, author lists joined by "&", dates in local absolute formats, deks with and
without a meta description, and chrome boxes inside the text; it also adds pagination conventions
neither other family has (``CONVENTIONS``). It is measured before and after the rules it checks are
changed, and never used to tune them.
"""
from __future__ import annotations

import json
import random
from datetime import date
from html import escape

ENGLISH = ("lantern", "okra", "fennel", "sorrel")
EUROPEAN = "aurora"
NAMES = {"lantern": "Lantern Health Post", "okra": "Okra Wellbeing", "fennel": "Fennel Medical Notes",
         "sorrel": "Sorrel Kids Health"}
CHROME = {
    "lantern": ("Lantern Health Post: health news for the curious", "Listen to this article · 7 min",
                "Lantern members read without adverts. Join them today."),
    "okra": ("OKRA WELLBEING", "In this story", "Okra Wellbeing is an independent newsroom funded by its members."),
    "fennel": ("Fennel Medical Notes, for people who care for people",
               "Clinician's corner: every note is checked by our medical panel.", "© Fennel Notes Ltd"),
    "sorrel": ("Sorrel Kids Health", "Was this page useful? Tell us in one click.",
               "Sorrel Kids Health is run by a children's hospital charity."),
}
LOCAL = {  # the European publisher per language: brand, box line, byline label, "and", month names
    "de": ("Heilkunde Heute", "Unser Gesundheitsbrief kommt jeden Donnerstag.", "Ein Beitrag von", "und",
           "Januar Februar März April Mai Juni Juli August September Oktober November Dezember"),
    "fr": ("Santé Claire", "La lettre de Santé Claire arrive chaque jeudi.", "Rédigé par", "et",
           "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"),
    "es": ("Vida Sana Hoy", "El boletín de Vida Sana llega cada jueves.", "Escrito por", "y",
           "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre"),
    "nl": ("Gezond Vandaag", "Elke donderdag de nieuwsbrief van Gezond Vandaag.", "Tekst:", "en",
           "januari februari maart april mei juni juli augustus september oktober november december"),
    "pt": ("Saúde em Dia", "A newsletter do Saúde em Dia chega às quintas.", "Reportagem de", "e",
           "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro"),
    "it": ("Salute Oggi", "La newsletter di Salute Oggi arriva ogni giovedì.", "Di", "e",
           "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre"),
    "sv": ("Hälsa Idag", "Nyhetsbrevet från Hälsa Idag kommer varje torsdag.", "Av", "och",
           "januari februari mars april maj juni juli augusti september oktober november december"),
}
# Page-position markers: (top of page N > 1, bottom of page N < last), with {n} the page it points to.
MARKERS = {"lantern": ("", "Continues on page {n} →"), "okra": ("← Picking up from page {n}", ""),
           "sorrel": ("", "Keep going: page {n}")}
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
SELF_CANONICAL, FIRST_PAGE_CANONICAL = ("okra",), ("sorrel",)
DEK = ("lantern", "okra", "sorrel", EUROPEAN)  # print a standfirst under the headline of page 1
FIRST_NAMES = ("Anouk", "Matteo", "Siobhan", "Jonas", "Ines", "Kwame", "Leonie", "Rafael", "Astrid", "Yusuf",
               "Chiara", "Elodie", "Bram", "Maren")
LAST_NAMES = ("van der Berg", "de la Fuente", "ter Horst", "O'Callaghan", "von Aschenbach", "dos Santos",
              "Lindgren", "Nakamura-Bell", "Achterberg", "di Stefano", "Mbeki", "Fairbairn", "Le Goff")


def authors(rng: random.Random) -> tuple[str, ...]:
    """One to three distinct invented names, many with particles or hyphens."""
    names = [f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"]
    while len(names) < 3 and rng.random() < 0.4:
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        if name in names:
            break
        names.append(name)
    return tuple(names)


def _ampersand(names: tuple[str, ...]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " & " + names[-1]


def printed_byline(publisher: str, language: str, names: tuple[str, ...]) -> str:
    """The byline as this publisher prints it."""
    if language != "en":
        label, conjunction = LOCAL[language][2:4]
        joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + f" {conjunction} " + names[-1]
        return f"{label} {joined}"
    return {"lantern": "Words by " + _ampersand(names), "okra": "Story by " + _ampersand(names),
            "fennel": "Text: " + " and ".join(names), "sorrel": _ampersand(names) + " for Sorrel Kids Health"}[publisher]


def printed_date(publisher: str, language: str, iso: str) -> str:
    """The date as this publisher prints it: absolute, in its own language and order."""
    day = date.fromisoformat(iso)
    if language != "en":
        month = LOCAL[language][4].split()[day.month - 1]
        return {"de": f"{day.day}. {month} {day.year}", "fr": f"le {day.day} {month} {day.year}",
                "es": f"{day.day} de {month} de {day.year}", "pt": f"{day.day} de {month} de {day.year}",
                }.get(language, f"{day.day} {month} {day.year}")
    month = MONTHS[day.month - 1]
    suffix = "th" if 10 <= day.day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day.day % 10, "th")
    return {"lantern": f"Published on {day.day}{suffix} {month} {day.year}", "okra": f"{month} {day.day} {day.year}, 9:30 am",
            "fennel": f"{day:%a} {day.day} {month[:3]} {day.year}", "sorrel": f"Last updated {day.day} {month[:3]}. {day.year}"}[publisher]


def chrome_lines(publisher: str, language: str, names: tuple[str, ...], published: str) -> tuple[str, ...]:
    """Everything a page of this publisher prints that is not the article's text."""
    boxes = (LOCAL[language][1],) if language != "en" else CHROME[publisher]
    return (*boxes, printed_byline(publisher, language, names), printed_date(publisher, language, published))


def render(view) -> str:
    """The whole HTML page of a ``layout.View`` for a fresh publisher."""
    brand = LOCAL[view.language][0] if view.language != "en" else NAMES[view.publisher]
    page = f" ({view.number}/{view.total})" if view.number > 1 and view.publisher in ("lantern", EUROPEAN) else ""
    head = [f'<meta charset="utf-8"><title>{escape(view.title)}{page} — {escape(brand)}</title>']
    head += [f'<link rel="{rel}" href="{escape(href)}">' for rel, href in view.head]
    if view.canonical:
        head.append(f'<link rel="canonical" href="{escape(view.canonical)}">')
    head += _meta(view)
    body = _TEMPLATES.get(view.publisher, _aurora)(view)
    return (f'<!DOCTYPE html>\n<html lang="{view.language}">\n<head>\n' + "\n".join(head)
            + f"\n</head>\n<body>\n{body}\n</body>\n</html>\n")


def _meta(view) -> list[str]:
    if view.publisher == "okra":  # the names and date only in JSON-LD; the dek also as the meta description
        data = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": view.title,
                "datePublished": f"{view.published}T09:30:00+01:00",
                "author": [{"@type": "Person", "name": a} for a in view.authors]}
        return [f'<meta property="og:title" content="{escape(view.title)}">',
                f'<meta name="description" content="{escape(view.dek)}">',
                f'<script type="application/ld+json">{json.dumps(data)}</script>']
    if view.publisher == "fennel":
        return [f'<meta name="author" content="{escape(a)}">' for a in view.authors]
    return []


def _text(view, box: str = "") -> str:
    """The article's paragraphs with its markers, a mid-text box and the in-article pager."""
    parts = [f'<p class="pos">{escape(view.top)}</p>'] if view.top else []
    for index, paragraph in enumerate(view.paragraphs):
        parts.append(f"<p>{escape(paragraph)}</p>")
        if index == 0 and box:
            parts.append(box)
    if view.bottom:
        parts.append(f'<p class="pos">{escape(view.bottom)}</p>')
    if view.extra:
        parts.append(view.extra)
    if view.pager and view.pager_place == "article":
        parts.append(f'<div class="paging">{view.pager}</div>')
    return "\n".join(parts)


def _pager(view) -> str:
    return f'<div class="pager-row">{view.pager}</div>' if view.pager and view.pager_place == "nav" else ""


def _list(items, heading: str, css: str) -> str:
    lis = "".join(f'<li><a href="{escape(h)}">{escape(t)}</a></li>' for h, t in items)
    return f'<section class="{css}"><h3>{escape(heading)}</h3><ul>{lis}</ul></section>' if items else ""


def _line(view) -> tuple[str, str]:
    return (escape(printed_byline(view.publisher, view.language, view.authors)),
            escape(printed_date(view.publisher, view.language, view.published)))


def _dek(view, tag: str, css: str) -> str:
    return f'<{tag} class="{css}">{escape(view.dek)}</{tag}>' if view.number == 1 else ""


def _lantern(view) -> str:
    tagline, listen, members = CHROME["lantern"]
    by, when = _line(view)
    box = f'<aside class="members"><p>{members}</p></aside>'
    return f"""<div class="strip"><span>{tagline}</span></div>
<main><div class="piece"><h1>{escape(view.title)}</h1>{_dek(view, "h2", "standfirst")}
<p class="credit">{by}</p><p class="pubdate">{when}</p><p class="audio">{listen}</p>
<div class="piece-body">
{_text(view, box)}
</div>{_pager(view)}</div>
{_list(view.related, "Also on Lantern", "also")}{view.sidebar}</main>"""


def _okra(view) -> str:
    masthead, in_story, footer = CHROME["okra"]
    by, when = _line(view)
    return f"""<div class="okra-top"><p>{masthead}</p></div>
<article class="okra"><h1>{escape(view.title)}</h1>{_dek(view, "p", "summary")}
<div class="when">{when}</div>
<div class="okra-text">
{_text(view)}
</div>
<footer class="credit"><p>{by}</p></footer>{_pager(view)}
<div class="in-story"><h4>{in_story}</h4>{_list(view.related, "Read next", "next-reads")}</div></article>
{view.sidebar}<div class="okra-foot"><p>{footer}</p></div>"""


def _fennel(view) -> str:
    tagline, corner, copyright_line = CHROME["fennel"]
    by, when = _line(view)
    box = f'<div class="corner"><p>{corner}</p></div>'
    return f"""<header><p class="fn">{tagline}</p></header>
<div class="note"><h1>{escape(view.title)}</h1>
<div class="note-meta"><p>{by}</p><p>{when}</p></div>
{_text(view, box)}
{_pager(view)}</div>
{_list(view.related, "Further notes", "further")}{view.sidebar}<p class="copy">{copyright_line}</p>"""


def _sorrel(view) -> str:
    brand, useful, charity = CHROME["sorrel"]
    by, when = _line(view)
    return f"""<div class="sorrel-brand"><b>{brand}</b></div>
<div class="guide"><h1>{escape(view.title)}</h1>{_dek(view, "p", "intro")}
<div class="by-when"><p>{by}</p><p>{when}</p></div>
<div class="guide-body">
{_text(view)}
</div>{_pager(view)}
<div class="useful"><p>{useful}</p></div></div>
{_list(view.related, "Parents also read", "also-read")}{view.sidebar}<p class="charity">{charity}</p>"""


def _aurora(view) -> str:
    brand, letter = LOCAL[view.language][:2]
    by, when = _line(view)
    return f"""<div class="aurora-head"><p>{escape(brand)}</p></div>
<div class="artikel"><h1>{escape(view.title)}</h1>{_dek(view, "p", "vorspann")}
<p class="autor">{by}</p><p class="datum">{when}</p>
{_text(view)}
{_pager(view)}<div class="brief"><p>{escape(letter)}</p></div></div>
{_list(view.related, "…", "mehr")}{view.sidebar}"""


_TEMPLATES = {"lantern": _lantern, "okra": _okra, "fennel": _fennel, "sorrel": _sorrel}
