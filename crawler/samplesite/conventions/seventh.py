"""The seventh family: invented publishers of other kinds, written without reading the rules, measured once.

Built by ``build(seed, family="seventh")``. A hospital system's newsroom (press-release datelines, a visitor
alert banner, institutional or middle-initial bylines, a media contact and an "About" boilerplate), a
government public-health agency (an official-site banner, a language switcher, an institutional author,
"Content source:", "Page last reviewed:", "Was this page helpful?", related-condition chips, a <time>
without datetime), a long-form magazine ("Listen to this article" player, "Words by A · Photographs by B",
"Edited by", contributor bios on the last page, an ISO date in a data attribute only, an issue month), a
local TV station's health desk (a weather alert, a video transcript box, social counts, a print/email bar,
"Story by A; photos by B") and an Indonesian portal that also writes the other European languages the
shared conventions need. Conventions in ``seventh_pagers``, templates in ``seventh_pages``, traps in
``seventh_traps``.
"""
from __future__ import annotations

import random
from datetime import date, timedelta

ENGLISH = ("stclair", "ncdp", "longhand", "wktv")
EUROPEAN = "sehatkita"
PUBLISHERS = (*ENGLISH, EUROPEAN)
NAMES = {"stclair": "St. Clair Health Newsroom", "ncdp": "National Centre for Disease Prevention",
         "longhand": "The Longhand", "wktv": "WKTV 7 News"}
SELF_CANONICAL, FIRST_PAGE_CANONICAL = ("ncdp", EUROPEAN), ("longhand",)
DEK = ("longhand", "wktv")  # print a standfirst under the headline on page 1
CHROME = {  # what each English publisher prints on every page besides bylines, dates and credits
    "stclair": ("Visitor alert: masks are required in all patient care areas until further notice.",
                "Find a Doctor", "Locations", "Pay My Bill", "Newsroom", "Media contact:",
                "Rosalind M. Achebe, Director of Media Relations, 555-0142",
                "About St. Clair Health: a nonprofit system of four hospitals and 60 clinics serving the "
                "Tri-County region.",
                "More news from St. Clair"),
    "ncdp": ("An official website of the National Centre for Disease Prevention", "Skip directly to site content",
             "Related conditions", "Was this page helpful?", "Thank you for your feedback.", "Print page",
             "Email page"),
    "longhand": ("THE LONGHAND", "Listen to this article", "Ad · Content continues below",
                 "Enjoying this story? The Longhand is funded by readers. Become a member.", "Contributors",
                 "More long reads"),
    "wktv": ("WEATHER ALERT: Winter storm warning in effect until 6 PM Thursday.", "WATCH LIVE",
             "Video transcript", "Report a typo", "Trending on WKTV 7",
             "Copyright 2024 WKTV. All rights reserved. This material may not be published, broadcast, "
             "rewritten or redistributed."),
}
CONDITIONS = ("Influenza", "Measles", "Whooping cough", "Heat-related illness", "Lyme disease", "Food poisoning")
DIVISIONS = ("Division of Respiratory Diseases", "Office of Environmental Health", "Immunization Program",
             "Division of Foodborne Illness")
PHOTOGRAPHERS = ("Ingrid V. Haldane", "Tomasz Wierzbicki", "Ama Owusu-Bekoe")
EDITORS = ("Clementine J. Ashby", "Rafferty Olowe")
TRANSCRIPT = ("ANCHOR: Health officials are asking families to take a few simple steps this week.",
              "REPORTER: We spoke with doctors at the county clinic this afternoon.")
FIRST_NAMES = ("Margaret", "Desmond", "Priya", "Lucian", "Henrike", "Obadiah", "Signe", "Teodor", "Carys",
               "Ximena", "Bram", "Yusuf", "Philippa", "Anselm")
INITIALS = "ABCDEFGHJKLMNPRSTW"
LAST_NAMES = ("Oyelaran", "Whitcombe", "Strandberg", "Kowalczyk", "Abernathy", "Nakashima", "Ferreira-Lund",
              "Quartermaine", "Bellweather", "Mbeki", "Rosenqvist", "Tallis", "Haverford")
INSTITUTION = "Communications Office"  # St. Clair's institutional author: "By the Communications Office"
MONTHS = "January February March April May June July August September October November December".split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
BULAN = "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember".split()
HARI = "Senin Selasa Rabu Kamis Jumat Sabtu Minggu".split()
LOCAL = {  # the European publisher per language: brand, by, editor, ad, read-also, top marker, alert, date style
    "id": {"brand": "SehatKita.id", "by": "Oleh:", "editor": "Editor:", "ad": "Iklan", "also": "Baca juga:",
           "top": "Lanjutan dari halaman sebelumnya", "alert": "Info vaksinasi: cek jadwal posyandu terdekat.",
           "tags": "Topik terkait"},
    "de": {"brand": "SehatKita Deutsch", "by": "Ein Beitrag von", "editor": "Redaktion:", "ad": "Anzeige",
           "also": "Passend dazu:", "top": "Fortsetzung", "alert": "Eilmeldung: Grippewelle erreicht Höhepunkt.",
           "tags": "Themen"},
    "fr": {"brand": "SehatKita Français", "by": "Un article de", "editor": "Édité par", "ad": "Publicité",
           "also": "Sur le même sujet :", "top": "Suite", "alert": "Alerte : pic de grippe cette semaine.",
           "tags": "Thèmes"},
    "es": {"brand": "SehatKita Español", "by": "Un reportaje de", "editor": "Edición:", "ad": "Publicidad",
           "also": "Lea también:", "top": "Continuación", "alert": "Alerta: pico de gripe esta semana.",
           "tags": "Temas"},
    "nl": {"brand": "SehatKita Nederlands", "by": "Door", "editor": "Eindredactie:", "ad": "Advertentie",
           "also": "Lees ook:", "top": "Vervolg", "alert": "Let op: griepgolf op zijn hoogtepunt.",
           "tags": "Onderwerpen"},
    "pt": {"brand": "SehatKita Português", "by": "Reportagem de", "editor": "Edição:", "ad": "Publicidade",
           "also": "Leia também:", "top": "Continuação do texto", "alert": "Alerta: pico de gripe esta semana.",
           "tags": "Tópicos"},
}


def person(rng: random.Random) -> str:
    """A name, usually with a middle initial: "Margaret T. Oyelaran"."""
    middle = f" {rng.choice(INITIALS)}." if rng.random() < 0.7 else ""
    return f"{rng.choice(FIRST_NAMES)}{middle} {rng.choice(LAST_NAMES)}"


def authors(rng: random.Random, publisher: str) -> tuple[str, ...]:
    """The article's authors: an office for the agency (and some newsroom items), else one to three people."""
    if publisher == "ncdp":
        return (rng.choice(DIVISIONS),)
    if publisher == "stclair" and rng.random() < 0.4:
        return (INSTITUTION,)
    names = [person(rng)]
    while len(names) < 3 and rng.random() < 0.4:
        name = person(rng)
        if (name.split()[0], name.split()[-1]) in {(n.split()[0], n.split()[-1]) for n in names}:
            break  # one person with and without a middle initial is still one person
        names.append(name)
    return tuple(names)


def _pick(names: tuple[str, ...], published: str) -> str:
    return names[int(published[-2:]) % len(names)]


def _listing(names: tuple[str, ...], joiner: str = "and") -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + f" {joiner} " + names[-1]


def lines(publisher: str, language: str, names: tuple[str, ...], published: str) -> dict[str, str]:
    """The byline, date and credit lines a page of this article prints, by name."""
    day = date.fromisoformat(published)
    if publisher == EUROPEAN:
        words = LOCAL[language]
        stamp = (f"{HARI[day.weekday()]}, {day.day} {BULAN[day.month - 1]} {day.year} 10:15 WIB" if language == "id"
                 else f"{day.day:02d}/{day.month:02d}/{day.year}")
        return {"byline": f"{words['by']} {', '.join(names)}", "date": stamp,
                "editor": f"{words['editor']} {_pick(EDITORS, published)}"}
    if publisher == "stclair":
        byline = "By the Communications Office" if names == (INSTITUTION,) else f"By {_listing(names)}"
        return {"byline": byline, "date": f"FOR IMMEDIATE RELEASE | {MONTHS[day.month - 1]} {day.day}, {day.year}"}
    if publisher == "ncdp":
        reviewed = day + timedelta(days=9)
        return {"byline": f"Content source: {names[0]}",
                "date": f"Published {day.day} {MONTHS[day.month - 1]} {day.year}",
                "reviewed": f"Page last reviewed: {reviewed.day} {MONTHS[reviewed.month - 1]} {reviewed.year}"}
    if publisher == "longhand":
        issue = date(day.year + (day.month == 12), day.month % 12 + 1, 1)
        return {"byline": f"Words by {_listing(names)} · Photographs by {_pick(PHOTOGRAPHERS, published)}",
                "editor": f"Edited by {_pick(EDITORS, published)}",
                "date": f"Published online {MONTHS[day.month - 1]} {day.day}, {day.year}",
                "issue": f"From the {MONTHS[issue.month - 1]} {issue.year} issue",
                "listen": f"Listen to this article · {12 + int(published[-2:]) % 20} min"}
    photos = _pick(PHOTOGRAPHERS, published)
    byline = f"Story by {_listing(names, '&')}; photos by {photos}"
    return {"byline": byline, "date": f"Posted: {WEEKDAYS[day.weekday()][:3]} 3:05 PM, {MONTHS[day.month - 1][:3]} "
                                      f"{day.day}, {day.year}",
            "social": f"Share {100 + int(published[-2:]) * 7} · Post {int(published[-2:]) * 3}"}


def bios(names: tuple[str, ...]) -> tuple[str, ...]:
    """The magazine's contributor notes on the last page, one per writer."""
    places = ("Lisbon", "Glasgow", "Minneapolis", "Cape Town")
    return tuple(f"{n} is a writer based in {places[len(n) % len(places)]}. This is their first story for us."
                 for n in names)


def chrome_lines(publisher: str, language: str, names: tuple[str, ...], published: str) -> tuple[str, ...]:
    """Everything a page of this publisher prints that is not the article's text."""
    if publisher == EUROPEAN:
        words = LOCAL[language]
        boxes = (words["brand"], words["ad"], words["alert"], words["tags"])
    else:
        boxes = CHROME[publisher]
        if publisher == "ncdp":
            boxes += conditions(published)
        if publisher == "longhand":
            boxes += bios(names)
        if publisher == "wktv":
            boxes += TRANSCRIPT
    return (*boxes, *lines(publisher, language, names, published).values())


def conditions(published: str) -> tuple[str, str]:
    """The two related-condition chips the agency shows for this article."""
    first = int(published[-2:]) % len(CONDITIONS)
    return CONDITIONS[first], CONDITIONS[(first + 2) % len(CONDITIONS)]


def markers(publisher: str, language: str, number: int, total: int) -> tuple[str, str]:
    """The (top, bottom) position lines page ``number`` of ``total`` prints."""
    if publisher == EUROPEAN:
        return (LOCAL[language]["top"] if number > 1 else ""), ""
    if publisher == "wktv":
        return "", ("— Story continues on the next page —" if number < total else "")
    if publisher == "stclair":
        return (f"Page {number} of {total}" if number > 1 else ""), ""
    return "", ""
