"""The fifth family: invented publishers written without reading the rules they measure, measured once.

Built by ``build(seed, family="fifth")``. A newspaper laid out in tables ("A | Staff writer", "POSTED:
MAR. 4, 2025 6:05 AM ET", advertisement slots, a jump line), a div-soup explainer site (author cards with
roles, author bios, a consent box, first-published and updated lines), a clinic bulletin built of
<article>/<header>/<footer> (the byline as a sentence after the body, an agency credit, a dated
correction, topic tags), a family guide with a definition-list header (an editor who is not an author)
and a Finnish publisher (photographers credited beside the writers, dates as 4.3.2025, "MAINOS" slots)
that also writes the other European languages the shared conventions need. Its own pagination
conventions are in ``fifth_pagers``, its own traps in ``fifth_traps``.
"""
from __future__ import annotations

import random
from datetime import date, timedelta

ENGLISH = ("pellucid", "thimble", "cairn", "wayfarer")
EUROPEAN = "kide"
PUBLISHERS = (*ENGLISH, EUROPEAN)
NAMES = {"pellucid": "The Pellucid Ledger", "thimble": "Thimble", "cairn": "Cairn Clinic Bulletin",
         "wayfarer": "Wayfarer Family Health"}
SELF_CANONICAL, FIRST_PAGE_CANONICAL = ("thimble", EUROPEAN), ("cairn",)
DEK = ("pellucid", "thimble", EUROPEAN)  # print a standfirst under the headline
CHROME = {  # what each English publisher prints on every page besides bylines and dates
    "pellucid": ("THE PELLUCID LEDGER", "Health & Science", "ADVERTISEMENT", "Story continues below advertisement",
                 "A file image used to illustrate this story. (Pellucid Ledger photo / Stock)", "Most shared this week",
                 "Copyright © Pellucid Ledger Media Co. All rights reserved."),
    "thimble": ("Your privacy choices: Thimble and its 142 partners store and access data on your device.",
                "EXPLAINER", "Thimble Morning: three health stories that matter, in your inbox before 7am.",
                "Popular on Thimble", "Thimble is published by Thimble Media Ltd, Dublin."),
    "cairn": ("News from the Cairn network of rural clinics", "Bulletin · Patient news",
              "Additional material from Health Wire Service (HWS).", "Popular now",
              "Cairn Clinic Bulletin · Information only, not a diagnosis."),
    "wayfarer": ("Wayfarer Family Health — guides for every stage of family life", "Reading time 6 minutes",
                 "Ask a nurse: call 1-800-555-0199, 24 hours a day, free.", "Rate this guide: ★★★★☆ (212 ratings)",
                 "Guides parents read next", "Wayfarer Family Health is a registered charity."),
}
LOCAL = {  # the European publisher per language
    "fi": {"brand": "Kide Terveys", "cookie": "Kide käyttää evästeitä sisällön ja mainonnan kohdentamiseen.",
           "letter": "Tilaa Kiteen uutiskirje – se ilmestyy joka tiistai.", "text": "Teksti:", "and": "ja",
           "photo": "Kuvat:", "ad": "MAINOS", "after_ad": "Juttu jatkuu mainoksen jälkeen",
           "caption": "Kuvituskuva.", "most": "Luetuimmat", "top": "Jatkoa edelliseltä sivulta",
           "published": "Julkaistu {d}.{m}.{y} klo 9.12", "updated": "Päivitetty {d}.{m}.{y} klo 17.40"},
    "de": {"brand": "Kide Gesundheit", "cookie": "Kide nutzt Cookies, um Inhalte und Werbung anzupassen.",
           "letter": "Der Kide-Newsletter kommt jeden Dienstag.", "text": "Text:", "and": "und", "photo": "Fotos:",
           "ad": "ANZEIGE", "after_ad": "Der Artikel geht nach der Anzeige weiter", "caption": "Symbolbild.",
           "most": "Meistgelesen", "top": "Fortsetzung von der vorigen Seite",
           "published": "Veröffentlicht am {dd}.{mm}.{y} um 09:12 Uhr",
           "updated": "Aktualisiert am {dd}.{mm}.{y} um 17:40 Uhr"},
    "fr": {"brand": "Kide Santé", "cookie": "Kide utilise des cookies pour adapter contenus et publicités.",
           "letter": "La lettre de Kide arrive chaque mardi.", "text": "Texte :", "and": "et", "photo": "Photos :",
           "ad": "PUBLICITÉ", "after_ad": "L'article continue après la publicité", "caption": "Photo d'illustration.",
           "most": "Les plus lus", "top": "Suite de la page précédente",
           "published": "Publié le {dd}/{mm}/{y} à 09h12", "updated": "Mis à jour le {dd}/{mm}/{y} à 17h40"},
    "es": {"brand": "Kide Salud", "cookie": "Kide usa cookies para adaptar contenidos y publicidad.",
           "letter": "El boletín de Kide llega cada martes.", "text": "Texto:", "and": "y", "photo": "Fotos:",
           "ad": "PUBLICIDAD", "after_ad": "El artículo continúa tras la publicidad", "caption": "Imagen de archivo.",
           "most": "Lo más leído", "top": "Viene de la página anterior",
           "published": "Publicado el {dd}/{mm}/{y} a las 09:12", "updated": "Actualizado el {dd}/{mm}/{y} a las 17:40"},
    "nl": {"brand": "Kide Gezondheid", "cookie": "Kide gebruikt cookies om inhoud en advertenties af te stemmen.",
           "letter": "De nieuwsbrief van Kide verschijnt elke dinsdag.", "text": "Tekst:", "and": "en",
           "photo": "Foto's:", "ad": "ADVERTENTIE", "after_ad": "Het artikel gaat verder na de advertentie",
           "caption": "Archiefbeeld.", "most": "Meest gelezen", "top": "Vervolg van de vorige pagina",
           "published": "Gepubliceerd op {d}-{m}-{y} om 09:12", "updated": "Bijgewerkt op {d}-{m}-{y} om 17:40"},
    "pt": {"brand": "Kide Saúde", "cookie": "O Kide usa cookies para adaptar conteúdos e publicidade.",
           "letter": "A newsletter do Kide chega às terças.", "text": "Texto:", "and": "e", "photo": "Fotos:",
           "ad": "PUBLICIDADE", "after_ad": "O artigo continua depois da publicidade", "caption": "Imagem de arquivo.",
           "most": "Mais lidas", "top": "Continuação da página anterior",
           "published": "Publicado em {dd}/{mm}/{y}, às 09h12", "updated": "Atualizado em {dd}/{mm}/{y}, às 17h40"},
}
FIRST_NAMES = ("Aino", "Lauri", "Siiri", "Ilmari", "Maud", "Cormac", "Delphine", "Ezra", "Hanne", "Oona", "Teodor",
               "Viveka", "Niamh", "Joosua")
LAST_NAMES = ("Järvinen", "Mäkelä", "Ó Dálaigh", "Whitcombe", "Lindroos", "Ferreira-Kahn", "Halvorsen", "Okafor",
              "Strand", "Virtanen", "Beaumont", "Kask", "Ní Bhriain")
ROLES = ("Health reporter", "Data journalist", "Science editor")  # Thimble's author cards, by position
EDITORS = ("Gwendolyn Achebe-Ross", "Paavo Lintula", "Ruth Abernethy")  # credited, never authors
PHOTOGRAPHERS = ("Sakari Heino", "Elina Kuusela", "Mats Grönqvist")
TAGS = ("sleep", "heart health", "children", "diet", "screening", "older adults", "vaccines")
MONTHS = ("JAN.", "FEB.", "MARCH", "APRIL", "MAY", "JUNE", "JULY", "AUG.", "SEPT.", "OCT.", "NOV.", "DEC.")
SHORT = "JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split()
FULL = "January February March April May June July August September October November December".split()


def authors(rng: random.Random) -> tuple[str, ...]:
    """One to three distinct invented names, Nordic, Irish and English."""
    names = [f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"]
    while len(names) < 3 and rng.random() < 0.4:
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        if name in names:
            break
        names.append(name)
    return tuple(names)


def _pick(names: tuple[str, ...], published: str) -> str:
    return names[int(published[-2:]) % len(names)]


def _joined(names: tuple[str, ...], conjunction: str = "and") -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + f" {conjunction} " + names[-1]


def lines(publisher: str, language: str, names: tuple[str, ...], published: str) -> dict[str, str]:
    """The byline, date and credit lines a page of this article prints, by name."""
    day = date.fromisoformat(published)
    later, fix = day + timedelta(days=2), day + timedelta(days=8)
    if publisher == EUROPEAN:
        words = LOCAL[language]
        numbers = {"d": day.day, "m": day.month, "y": day.year, "dd": f"{day.day:02d}", "mm": f"{day.month:02d}"}
        shifted = numbers | {"d": later.day, "m": later.month, "y": later.year, "dd": f"{later.day:02d}",
                             "mm": f"{later.month:02d}"}
        photographer = _pick(PHOTOGRAPHERS, published)
        return {"byline": f"{words['text']} {_joined(names, words['and'])}", "photo": f"{words['photo']} {photographer}",
                "date": words["published"].format(**numbers), "updated": words["updated"].format(**shifted),
                "caption": f"{words['caption']} {words['photo']} {photographer} / Kide"}
    if publisher == "pellucid":
        staff = "Staff writers" if len(names) > 1 else "Staff writer"
        return {"byline": f"{_joined(names)} | {staff}",
                "date": f"POSTED: {MONTHS[day.month - 1]} {day.day}, {day.year} 6:05 AM ET"}
    if publisher == "thimble":
        found = {f"card{n}": f"{name}, {ROLES[n]}" for n, name in enumerate(names)}
        found |= {f"bio{n}": f"{name} is a {ROLES[n].lower()} at Thimble." for n, name in enumerate(names)}
        return found | {"date": f"First published: {day.day} {FULL[day.month - 1]} {day.year}",
                        "updated": f"Updated: {later.day} {FULL[later.month - 1]} {later.year}, 17:40"}
    if publisher == "cairn":
        tags = [TAGS[(day.day + n) % len(TAGS)] for n in range(3)]
        return {"byline": f"This article was written by {_joined(names)} for the Cairn Clinic Bulletin.",
                "date": f"Posted {day.day:02d} {SHORT[day.month - 1]} {day.year}",
                "tags": "Topics: " + ", ".join(tags),
                "correction": f"Correction, {fix.day:02d} {SHORT[fix.month - 1]} {fix.year}: an earlier version of "
                              "this story gave the wrong number of clinics in the trial."}
    suffix = "th" if 10 <= day.day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day.day % 10, "th")
    return {"byline": f"{'Authors' if len(names) > 1 else 'Author'} {', '.join(names)}",
            "editor": f"Editor {_pick(EDITORS, published)}",
            "date": f"Published {FULL[day.month - 1]} {day.day}{suffix}, {day.year}"}


def chrome_lines(publisher: str, language: str, names: tuple[str, ...], published: str) -> tuple[str, ...]:
    """Everything a page of this publisher prints that is not the article's text."""
    if publisher == EUROPEAN:
        words = LOCAL[language]
        boxes = (words["brand"], words["cookie"], words["letter"], words["ad"], words["after_ad"], words["most"])
    else:
        boxes = CHROME[publisher]
    return (*boxes, *lines(publisher, language, names, published).values())


def markers(publisher: str, language: str, number: int, total: int) -> tuple[str, str]:
    """The (top, bottom) position lines page ``number`` of ``total`` prints."""
    if publisher == EUROPEAN:
        return (LOCAL[language]["top"] if number > 1 else ""), ""
    if publisher == "pellucid":
        return "", (f"MORE ON PAGE {number + 1} »" if number < total else "")
    if publisher == "thimble":
        return f"You're reading page {number} of {total}", ""
    if publisher == "wayfarer":
        return "", ("This guide continues on the next page." if number < total else "")
    return "", ""
