"""The sixth family: invented publishers built like common CMSs, written without reading the rules, measured once.

Built by ``build(seed, family="sixth")``. A WordPress-style wellness blog (``entry-content``, author links
to /author/ pages, "· 5 min read", a key-takeaways box, a pull quote repeating the text, a reviewer line,
a Yoast-like JSON-LD graph), a Drupal-style pharmacy journal (``field--name-body``, schema.org microdata,
credentialed bylines "Dr. A, MD; B, RN", "Submitted by webeditor on …", a table of contents), a React-style
site of hashed-class divs with no semantic tags and no metadata at all (a sponsored-content label), an
AMP-like newspaper of inline styles (a fact-checker, an FAQ block, a reference list) and a Turkish
publisher that also writes the other European languages the shared conventions need. Its pagination
conventions are in ``sixth_pagers``, its page templates in ``sixth_pages``, its traps in ``sixth_traps``.
"""
from __future__ import annotations

import random
from datetime import date, timedelta

ENGLISH = ("sundial", "apothecary", "kinetic", "lowmoor")
EUROPEAN = "sifa"
PUBLISHERS = (*ENGLISH, EUROPEAN)
NAMES = {"sundial": "Sundial Wellness", "apothecary": "The Apothecary Journal", "kinetic": "Kinetic Health",
         "lowmoor": "The Lowmoor Gazette"}
SELF_CANONICAL, FIRST_PAGE_CANONICAL = ("sundial", "lowmoor"), ("apothecary", EUROPEAN)
DEK = ("sundial", "lowmoor")  # print a standfirst under the headline on page 1
CHROME = {  # what each English publisher prints on every page besides bylines, dates and reviewers
    "sundial": ("Sundial Wellness — evidence-based living, one habit at a time", "Key takeaways",
                "This post is for general information and is not a substitute for professional medical advice.",
                "You might also like", "© Sundial Wellness. Proudly powered by WordPress.", "Related:"),
    "apothecary": ("Skip to main content", "On this page", "Background", "What the evidence says", "Next steps",
                   "Share this: Facebook Twitter Email",
                   "The Apothecary Journal is published by the Guild of Community Pharmacists."),
    "kinetic": ("Sponsored content", "Presented by Larkspur Pharmacy", "Trending on Kinetic",
                "Kinetic Health Inc. All rights reserved. Kinetic does not provide medical advice."),
    "lowmoor": ("THE LOWMOOR GAZETTE · HEALTH DESK", "Subscribe from £1 a week to keep reading the Gazette.",
                "Frequently asked questions", "Is this article medical advice?",
                "No. Talk to your doctor or pharmacist about your own health.", "How do we choose our sources?",
                "We cite peer-reviewed studies and official guidance wherever we can.", "References",
                "Lowmoor Gazette Ltd, registered in England and Wales.", "Also on the Health Desk"),
}
TAKEAWAYS = ("Small daily changes add up over months.", "Talk to your doctor before changing any medicine.",
             "The evidence is still early and mostly observational.", "Sleep and activity affect each other.")
REFERENCES = ("Ashgrove P, Lind T. Habits and outcomes in adults. J Invented Med. 2021;14:201-9.",
              "Orrin K et al. A randomised trial in primary care. Invented Clin Rev. 2023;8:55-63.",
              "National Agency for Made-up Health. Guidance for patients. 2022.")
LOCAL = {  # the European publisher per language
    "tr": {"brand": "Şifa Postası",
           "cookie": "Sitemizde çerezler kullanılmaktadır. Detaylı bilgi için tıklayın.",
           "by": "Yazan:", "ad": "Reklam", "related": "İlgili Haberler", "top": "Haberin devamı",
           "letter": "Günün sağlık haberleri her sabah e-postanızda.", "published": "Yayınlanma:",
           "updated": "Güncellenme:", "date": "{dd}.{mm}.{y} - {hm}"},
    "de": {"brand": "Şifa Post Deutschland", "cookie": "Diese Website verwendet Cookies. Mehr erfahren.",
           "by": "Verfasst von", "ad": "Werbung", "related": "Das könnte Sie auch interessieren",
           "top": "Weiter im Text", "letter": "Die Gesundheitsnachrichten des Tages jeden Morgen per E-Mail.",
           "published": "Erstellt:", "updated": "Geändert:", "date": "{dd}.{mm}.{y}, {hm} Uhr"},
    "fr": {"brand": "Şifa Post France", "cookie": "Ce site utilise des cookies. En savoir plus.",
           "by": "Rédigé par", "ad": "Annonce", "related": "À lire aussi", "top": "La suite de l'article",
           "letter": "L'actualité santé du jour chaque matin dans votre boîte.", "published": "Créé le",
           "updated": "Modifié le", "date": "{dd}/{mm}/{y} {hm}"},
    "es": {"brand": "Şifa Post España", "cookie": "Este sitio utiliza cookies. Más información.",
           "by": "Escrito por", "ad": "Anuncio", "related": "Te puede interesar", "top": "Sigue la noticia",
           "letter": "Las noticias de salud del día, cada mañana en tu correo.", "published": "Creado:",
           "updated": "Modificado:", "date": "{dd}-{mm}-{y} {hm}"},
    "nl": {"brand": "Şifa Post Nederland", "cookie": "Deze site gebruikt cookies. Meer informatie.",
           "by": "Geschreven door", "ad": "Advertorial", "related": "Ook interessant", "top": "Lees verder",
           "letter": "Het gezondheidsnieuws van de dag elke ochtend in uw mailbox.", "published": "Geplaatst:",
           "updated": "Gewijzigd:", "date": "{dd}-{mm}-{y}, {hm}"},
    "pt": {"brand": "Şifa Post Portugal", "cookie": "Este site utiliza cookies. Saiba mais.",
           "by": "Escrito por", "ad": "Anúncio", "related": "Também pode gostar", "top": "Continuação da notícia",
           "letter": "As notícias de saúde do dia, todas as manhãs no seu e-mail.", "published": "Criado:",
           "updated": "Modificado:", "date": "{dd}.{mm}.{y} {hm}"},
}
FIRST_NAMES = ("Emre", "Zeynep", "Ottilie", "Bartholomew", "Giulia", "Radek", "Marisol", "Kenji", "Ayşe",
               "Florian", "Imogen", "Tancredi", "Seren", "Vojtěch")
LAST_NAMES = ("Yıldırım", "Novotná", "Pemberton", "Castellucci", "Aldridge", "Şahin", "Hargreaves", "Dvořák",
              "Montalbano", "Fairweather", "Öztürk", "Penhaligon", "Kadlec")
CREDENTIALS = ("MD", "RN", "PhD", "MPH", "DO")  # printed after a name by the credentialed bylines
REVIEWERS = ("Dr. Philippa Okoro-Vance, DO", "Dr. Anwen Castellari, MD", "Marguerite Thistlewood, PharmD")
CHECKERS = ("Rosalind Achterberg", "Idris Fennimore")
MONTHS = "January February March April May June July August September October November December".split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()


def authors(rng: random.Random) -> tuple[str, ...]:
    """One to three distinct invented names, Turkish, Czech, Italian and English."""
    names = [f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"]
    while len(names) < 3 and rng.random() < 0.45:
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        if name in names:
            break
        names.append(name)
    return tuple(names)


def credential(name: str) -> str:
    """The credential a name carries in credentialed bylines: fixed per name."""
    return CREDENTIALS[sum(map(ord, name)) % len(CREDENTIALS)]


def credited(name: str) -> str:
    """"Dr. Emre Şahin, MD" for doctors, "Seren Aldridge, RN" otherwise."""
    title = credential(name)
    return f"{'Dr. ' if title in ('MD', 'DO') else ''}{name}, {title}"


def _pick(names: tuple[str, ...], published: str) -> str:
    return names[int(published[-2:]) % len(names)]


def read_time(published: str) -> str:
    """"6 min read": the reading time the blog-like publishers print, fixed per article."""
    return f"{4 + int(published[-2:]) % 6} min read"


def lines(publisher: str, language: str, names: tuple[str, ...], published: str) -> dict[str, str]:
    """The byline, date, reviewer and credit lines a page of this article prints, by name."""
    day = date.fromisoformat(published)
    later = day + timedelta(days=2)
    if publisher == EUROPEAN:
        words = LOCAL[language]

        def stamp(d: date, hm: str) -> str:
            return words["date"].format(dd=f"{d.day:02d}", mm=f"{d.month:02d}", y=d.year, hm=hm)
        return {"byline": f"{words['by']} {' • '.join(names)}", "date": f"{words['published']} {stamp(day, '09:12')}",
                "updated": f"{words['updated']} {stamp(later, '17:40')}"}
    if publisher == "sundial":
        return {"byline": f"By {' and '.join(names)} · {read_time(published)}",
                "date": f"Posted on {MONTHS[day.month - 1]} {day.day}, {day.year}",
                "updated": f"Updated {MONTHS[later.month - 1]} {later.day}, {later.year}",
                "review": f"Medically reviewed by {_pick(REVIEWERS, published)}"}
    if publisher == "apothecary":
        return {"byline": "; ".join(credited(n) for n in names),
                "date": f"Submitted by webeditor on {WEEKDAYS[day.weekday()][:3]}, {day:%m/%d/%Y} - 09:12",
                "review": f"Clinical review: {_pick(REVIEWERS, published)}"}
    if publisher == "kinetic":
        return {"byline": f"Written by {' & '.join(names)}",
                "date": f"{MONTHS[day.month - 1][:3]} {day.day}, {day.year}", "read": read_time(published)}
    titled = [f"{n}, {credential(n)}" if credential(n) in ("PhD", "MPH") else n for n in names]
    return {"byline": "By " + (titled[0] if len(titled) == 1 else ", ".join(titled[:-1]) + ", and " + titled[-1]),
            "date": f"{WEEKDAYS[day.weekday()]}, {day.day} {MONTHS[day.month - 1]} {day.year}, 9.12am",
            "review": f"Fact checked by {_pick(CHECKERS, published)}"}


def chrome_lines(publisher: str, language: str, names: tuple[str, ...], published: str) -> tuple[str, ...]:
    """Everything a page of this publisher prints that is not the article's text."""
    if publisher == EUROPEAN:
        words = LOCAL[language]
        boxes = (words["brand"], words["cookie"], words["ad"], words["related"], words["letter"])
    else:
        boxes = CHROME[publisher]
        if publisher == "sundial":
            boxes += takeaways(published)
        if publisher == "lowmoor":
            boxes += REFERENCES
    return (*boxes, *lines(publisher, language, names, published).values())


def takeaways(published: str) -> tuple[str, str]:
    """The two sentences this article's key-takeaways box shows."""
    first = int(published[-2:]) % len(TAKEAWAYS)
    return TAKEAWAYS[first], TAKEAWAYS[(first + 1) % len(TAKEAWAYS)]


def markers(publisher: str, language: str, number: int, total: int) -> tuple[str, str]:
    """The (top, bottom) position lines page ``number`` of ``total`` prints."""
    if publisher == EUROPEAN:
        return (LOCAL[language]["top"] if number > 1 else ""), ""
    if publisher == "kinetic":
        return f"Section {number} of {total}", ""
    if publisher == "lowmoor":
        return "", (f"Turn to page {number + 1} ▸" if number < total else "")
    return "", ""
