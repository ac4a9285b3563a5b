"""The held-out family: other invented publishers, templates, bylines, datelines and chrome boxes.

Built by ``build(seed, family="heldout")`` with the same conventions and traps as the first family,
but written after the pagination and chrome rules, and never used to tune them: its figures are the
held-out check on rules fitted to the first family. Every page is rendered here, head and body.
"""
from __future__ import annotations

import json
from datetime import date
from html import escape

ENGLISH = ("tidewell", "bramble", "cobalt", "quillon", "meridian")
EUROPEAN = "continental"
NAMES = {"tidewell": "Tidewell Health Journal", "bramble": "Bramble & Birch Wellness", "cobalt": "Cobalt Medical Times",
         "quillon": "Quillon Kids and Family", "meridian": "Meridian Health Report"}
# Text each publisher prints around every article, on every page: none of it may reach a stored body.
CHROME = {
    "tidewell": ("Independent reporting on medicine and everyday health", "Today on Tidewell",
                 "Tidewell Health Journal is supported by its readers."),
    "bramble": ("Slow living, good sleep and honest food", "Enjoyed this? Share it with someone who would too.",
                "Bramble Notes arrives every second Tuesday. Unsubscribe any time."),
    "cobalt": ("Cobalt Medical Times, the clinician's daily read", "Share: Facebook · Bluesky · Email",
               "Medically reviewed by Dr. Imre Castellane, MD"),
    "quillon": ("For families raising healthy kids", "Story continues after this message",
                "Get the Quillon Parents letter in your inbox."),
    "meridian": ("MERIDIAN HEALTH REPORT", "Most read on Meridian",
                 "Our journalism is free to read. Support Meridian today."),
}
LOCAL = {  # the European publisher per language: brand, box line, "by", "and", month names
    "de": ("Medizin Aktuell", "Jeden Montag: der Newsletter von Medizin Aktuell.", "Von", "und",
           "Januar Februar März April Mai Juni Juli August September Oktober November Dezember"),
    "fr": ("Le Journal Santé", "Chaque lundi, la lettre du Journal Santé.", "Par", "et",
           "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"),
    "es": ("Diario Salud", "Cada lunes, el boletín de Diario Salud.", "Por", "y",
           "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre"),
    "nl": ("Gezondheidskrant", "Elke maandag de nieuwsbrief van de Gezondheidskrant.", "Door", "en",
           "januari februari maart april mei juni juli augustus september oktober november december"),
    "pt": ("Jornal da Saúde", "Todas as segundas, a newsletter do Jornal da Saúde.", "Por", "e",
           "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro"),
}
# Page-position markers: (top of page N > 1, bottom of page N < last), with {n} the page it points to.
MARKERS = {"tidewell": ("", "Turn to page {n} to keep reading"), "bramble": ("Part {n} continued", ""),
           "meridian": ("(From page {n})", "(More on page {n})")}
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
SELF_CANONICAL = ("tidewell", "quillon")
DEK = ("bramble", "cobalt")  # the publishers that print a standfirst under the headline of page 1


def printed_byline(publisher: str, language: str, authors: tuple[str, ...]) -> str:
    """The byline as this publisher prints it."""
    if language != "en":
        by, conjunction = LOCAL[language][2:4]
        return f"{by} {f' {conjunction} '.join(authors)}"
    if publisher == "tidewell":
        return "Written by " + " & ".join(authors)
    if publisher == "bramble":
        return ", ".join(authors)
    if publisher == "quillon":
        return "By " + " and ".join(authors) + " | Quillon staff"
    if publisher == "meridian":
        return "Reporting by " + " and ".join(authors)
    return "By " + ", ".join(authors)


def printed_date(publisher: str, language: str, iso: str) -> str:
    """The date line as this publisher prints it."""
    day = date.fromisoformat(iso)
    if language != "en":
        return f"{day.day} {LOCAL[language][4].split()[day.month - 1]} {day.year}"
    month = MONTHS[day.month - 1]
    return {"tidewell": f"Posted {day.day} {month} {day.year}", "bramble": f"{month[:3]} {day.day}, {day.year} · 6 min read",
            "cobalt": f"Last reviewed: {month} {day.day}, {day.year}", "quillon": f"{day:%A}, {day.day} {month} {day.year}",
            "meridian": f"{month} {day.day}, {day.year}"}[publisher]


def chrome_lines(publisher: str, language: str, authors: tuple[str, ...], published: str) -> tuple[str, ...]:
    """Everything a page of this publisher prints that is not the article's text."""
    boxes = (LOCAL[language][1],) if language != "en" else CHROME[publisher]
    return (*boxes, printed_byline(publisher, language, authors), printed_date(publisher, language, published))


def render(view) -> str:
    """The whole HTML page of a ``layout.View`` for a held-out publisher."""
    brand = LOCAL[view.language][0] if view.language != "en" else NAMES[view.publisher]
    page = f" (page {view.number})" if view.number > 1 and view.publisher in ("tidewell", "meridian") else ""
    head = [f'<meta charset="utf-8"><title>{escape(brand)}: {escape(view.title)}{page}</title>']
    head += [f'<link rel="{rel}" href="{escape(href)}">' for rel, href in view.head]
    if view.canonical:
        head.append(f'<link rel="canonical" href="{escape(view.canonical)}">')
    if view.publisher == "bramble":  # a headline in JSON-LD, nothing else
        data = {"@context": "https://schema.org", "@type": "BlogPosting", "headline": view.title}
        head.append(f'<script type="application/ld+json">{json.dumps(data)}</script>')
    if view.publisher == "cobalt":
        head += [f'<meta property="og:title" content="{escape(view.title)}">',
                 f'<meta property="article:published_time" content="{view.published}T08:00:00Z">']
    body = _TEMPLATES.get(view.publisher, _continental)(view)
    return (f'<!DOCTYPE html>\n<html lang="{view.language}">\n<head>\n' + "\n".join(head)
            + f"\n</head>\n<body>\n{body}\n</body>\n</html>\n")


def _text(view, box: str = "") -> str:
    """The article's paragraphs with its markers, a mid-text box and the in-article pager."""
    parts = [f'<p class="kicker">{escape(view.top)}</p>'] if view.top else []
    for index, paragraph in enumerate(view.paragraphs):
        parts.append(f"<p>{escape(paragraph)}</p>")
        if index == 1 and box:
            parts.append(box)
    if view.bottom:
        parts.append(f'<p class="kicker">{escape(view.bottom)}</p>')
    if view.extra:
        parts.append(view.extra)
    if view.pager and view.pager_place == "article":
        parts.append(f'<div class="pages">{view.pager}</div>')
    return "\n".join(parts)


def _pager(view) -> str:
    return f'<nav class="pages" aria-label="Article pages">{view.pager}</nav>' if view.pager and view.pager_place == "nav" else ""


def _list(items, heading: str, css: str) -> str:
    lis = "".join(f'<li><a href="{escape(h)}">{escape(t)}</a></li>' for h, t in items)
    return f'<div class="{css}"><h4>{escape(heading)}</h4><ul>{lis}</ul></div>' if items else ""


def _line(view) -> tuple[str, str]:
    return (escape(printed_byline(view.publisher, view.language, view.authors)),
            escape(printed_date(view.publisher, view.language, view.published)))


def _tidewell(view) -> str:
    tagline, today, footer = CHROME["tidewell"]
    by, when = _line(view)
    box = f'<div class="today"><h4>{today}</h4><ul>' + "".join(
        f'<li><a href="{escape(h)}">{escape(t)}</a></li>' for h, t in view.related) + "</ul></div>"
    return f"""<div class="brandbar"><a href="/tidewell/">Tidewell</a> <span>{tagline}</span></div>
<div class="main-col"><h1 class="entry-title">{escape(view.title)}</h1>
<div class="credits">{by}</div><div class="stamp">{when}</div>
<div class="entry">
{_text(view, box)}
</div>{_pager(view)}</div>
<div class="foot">{footer}</div>{view.sidebar}"""


def _bramble(view) -> str:
    tagline, share, letter = CHROME["bramble"]
    by, when = _line(view)
    dek = f'<p class="standfirst">{escape(view.dek)}</p>' if view.number == 1 else ""
    return f"""<header class="site"><p class="name">Bramble &amp; Birch</p><p>{tagline}</p></header>
<div class="post"><h1>{escape(view.title)}</h1>{dek}
<div class="post-meta"><span class="who">{by}</span> <span class="when">{when}</span></div>
<section class="post-body">
{_text(view)}
<p class="share">{share}</p>
</section>{_pager(view)}
<div class="letter"><p>{letter}</p></div></div>
{_list(view.related, "Keep reading", "keep")}{view.sidebar}"""


def _cobalt(view) -> str:
    tagline, share, reviewed = CHROME["cobalt"]
    by, when = _line(view)
    return f"""<div class="top"><b>COBALT</b> <i>{tagline}</i></div>
<div id="story"><h1>{escape(view.title)}</h1>
{f'<p class="summary">{escape(view.dek)}</p>' if view.number == 1 else ""}
<address class="author">{by}</address><p class="reviewer">{reviewed}</p><p class="lastrev">{when}</p>
<div class="share">{share}</div>
<div class="story-text">
{_text(view)}
</div>{_pager(view)}
{_list(view.related, "Clinical updates", "updates")}{view.sidebar}</div>"""


def _quillon(view) -> str:
    tagline, message, letter = CHROME["quillon"]
    by, when = _line(view)
    ad = f'<div class="ad-slot"><small>{message}</small></div>'
    return f"""<div class="hdr"><span class="brand">Quillon</span> {tagline}</div>
<div class="col"><h1>{escape(view.title)}</h1>
<div class="byline">{by}</div><time>{when}</time>
<div class="content">
{_text(view, ad)}
</div>{_pager(view)}
<div class="signup"><p>{letter}</p></div></div>
{_list(view.related, "More for parents", "more")}{view.sidebar}"""


def _meridian(view) -> str:
    masthead, most_read, support = CHROME["meridian"]
    by, when = _line(view)
    return f"""<div class="masthead"><h2>{masthead}</h2></div>
<div class="story"><h1>{escape(view.title)}</h1>
<p class="info">{by}</p><p class="info">{when}</p>
{_text(view)}
{_pager(view)}
<p class="support">{support}</p></div>
{_list(view.related, most_read, "most-read")}{view.sidebar}"""


def _continental(view) -> str:
    brand, letter = LOCAL[view.language][:2]
    by, when = _line(view)
    return f"""<div class="kopf"><p>{escape(brand)}</p></div>
<div class="beitrag"><h1>{escape(view.title)}</h1>
<div class="zeile"><span>{by}</span> – <span>{when}</span></div>
{_text(view)}
{_pager(view)}<p class="brief">{escape(letter)}</p></div>
{_list(view.related, "…", "weiter")}{view.sidebar}"""


_TEMPLATES = {"tidewell": _tidewell, "bramble": _bramble, "cobalt": _cobalt, "quillon": _quillon, "meridian": _meridian}
