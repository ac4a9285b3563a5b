"""The ninth family: English-language US, UK, Australian and Indian publishers, written without reading the rules.

Built by ``build(seed, family="ninth")``. A local TV station on a big vendor platform (``data-*`` everywhere,
"Jane Doe, KXYZ" bylines, "Published 6:02 PM EST Mar 4, 2025 | Updated ..." stamps, "RELATED:" lines
mid-article, "Advertisement"), a city newspaper ("By JANE DOE and JOHN ROE | The Daily Courier" in capitals,
"Story continues below advertisement", an author bio box, "This article was originally published by ..."), a
hospital system's blog ("Posted by ... on ..."; a "Sources" list), a consumer-health encyclopedia ("Medically
reviewed by ... — Written by ... — Updated on ..."), a long-form magazine (drop caps, pull quotes, a print
edition note), an Indian health portal ("Written By ... | Edited By ...", "Updated: 04 Mar 2025, 10:15 AM IST"),
a government fact sheet (an office as author, "Page last reviewed:" its only date) and a slideshow and
listicle site ("Slide 3 of 12"). Their language editions come from an international wire. Conventions in
``ninth_pagers``, templates in ``ninth_pages``, traps in ``ninth_traps``.
"""
from __future__ import annotations

import random
from datetime import date, timedelta

ENGLISH = ("kxyz", "courier", "mercyvale", "wellwise", "longview", "healthnest", "factsheet", "listwise")
EUROPEAN = "globalwire"
PUBLISHERS = (*ENGLISH, EUROPEAN)
NAMES = {"kxyz": "KXYZ", "courier": "The Daily Courier", "mercyvale": "Mercy Vale Health",
         "wellwise": "WellWise", "longview": "The Longview Review", "healthnest": "HealthNest India",
         "factsheet": "Public Health Service", "listwise": "ListWise Health", EUROPEAN: "Global Health Wire"}
SELF_CANONICAL = ("kxyz", "wellwise", "factsheet", "healthnest")
FIRST_PAGE_CANONICAL = ("courier", "listwise")
DEK = ("kxyz", "longview", "healthnest")  # print a standfirst under the headline on page 1
CHROME = {  # what each English publisher prints on every page besides bylines and dates
    "kxyz": ("Advertisement", "RELATED:", "Trending Now", "Download the KXYZ 5 News app for breaking alerts.",
             "Copyright 2025 KXYZ. All rights reserved."),
    "courier": ("Story continues below advertisement", "Sign up for our newsletter",
                "Get the morning's health headlines in your inbox.",
                "Copyright 2025 The Daily Courier. All rights reserved."),
    "mercyvale": ("Health Matters Blog", "Request an Appointment", "Sources",
                  "American Heart Association. Understanding blood pressure readings.",
                  "Mayo Clinic Proceedings. Sleep duration and cardiovascular risk.",
                  "This blog is for general information and is not a substitute for medical advice."),
    "wellwise": ("Share on Pinterest", "How we reviewed this article:",
                 "Our experts continually monitor the health and wellness space, and we update our articles when "
                 "new information becomes available.", "Sources", "Was this article helpful?"),
    "longview": ("THE LONGVIEW REVIEW", "Subscribe", "Most Popular"),
    "healthnest": ("Also Read:", "Follow us on Google News", "Disclaimer: This content including advice provides "
                   "generic information only. Always consult a specialist or your own doctor for more information.",
                   "Trending Now"),
    "factsheet": ("An official website of the Public Health Service", "On This Page", "Key points",
                  "Print this fact sheet", "Content source:"),
    "listwise": ("Advertisement", "All Slideshows", "More Slideshows", "Sign up for our newsletter"),
}
PULL_QUOTES = ("“Nobody told us it would take this long to feel normal again.”",
               "“The numbers only tell you where to start looking.”",
               "“We changed one habit, and the rest followed.”")
OFFICES = ("Division of Chronic Disease Prevention", "National Center for Environmental Health",
           "Office of Nutrition Policy")
US_FIRST = ("Jenna", "Marcus", "Kayla", "Trevor", "Deshawn", "Brooke", "Cody", "Alyssa", "Hunter", "Maribel")
UK_AU_FIRST = ("Siobhan", "Callum", "Imogen", "Hamish", "Lachlan", "Bronwyn", "Rhys", "Harriet")
LAST = ("McAllister", "Okafor", "Delgado", "Whitfield", "Brannigan", "Nguyen", "Castellanos", "Pemberton",
        "Fitzgerald", "Yazzie", "Kowalski", "Ashdown")
INDIAN_FIRST = ("Priya", "Arjun", "Sneha", "Rohit", "Kavya", "Vikram", "Ananya", "Siddharth")
INDIAN_LAST = ("Sharma", "Iyer", "Banerjee", "Reddy", "Kulkarni", "Menon", "Chatterjee", "Nair")
REVIEWERS = ("Dr. Leland Okoye, MD", "Dr. Farah Siddiqui, DO", "Nadine Carrow, RN, MSN")
MONTHS = "January February March April May June July August September October November December".split()
WIRE = {  # the wire's language editions: edition name, "by", continued-from marker
    "de": ("Gesundheitsdienst International", "Von", "Fortsetzung von der vorigen Seite"),
    "fr": ("Dépêche Santé Internationale", "Par", "Suite de la page précédente"),
    "es": ("Agencia Salud Internacional", "Por", "Viene de la página anterior"),
    "nl": ("Internationale Gezondheidsdienst", "Door", "Vervolg van de vorige pagina"),
    "pt": ("Agência Saúde Internacional", "Por", "Continuação da página anterior"),
}


def authors(rng: random.Random, publisher: str) -> tuple[str, ...]:
    """The article's authors: an office for the fact sheet, Indian names for the portal, else one to three."""
    if publisher == "factsheet":
        return (rng.choice(OFFICES),)
    first, last = (INDIAN_FIRST, INDIAN_LAST) if publisher == "healthnest" else (US_FIRST + UK_AU_FIRST, LAST)
    most = {"courier": 3, "kxyz": 2, "longview": 2}.get(publisher, 1)
    names: list[str] = []
    while len(names) < most and (not names or rng.random() < 0.45):
        name = f"{rng.choice(first)} {rng.choice(last)}"
        if name in names:
            break
        names.append(name)
    return tuple(names)


def _pick(items: tuple[str, ...], published: str) -> str:
    return items[int(published[-2:]) % len(items)]


def _and(names: tuple[str, ...]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _clock(day: date, hour: int, minute: int, zone: str = "EST") -> str:
    return f"{(hour - 1) % 12 + 1}:{minute:02d} {'AM' if hour < 12 else 'PM'} {zone} {MONTHS[day.month - 1][:3]} " \
           f"{day.day}, {day.year}"


def lines(publisher: str, language: str, names: tuple[str, ...], published: str) -> dict[str, str]:
    """The byline, date and credit lines a page of this article prints, by name."""
    day = date.fromisoformat(published)
    long_day = f"{MONTHS[day.month - 1]} {day.day}, {day.year}"
    if publisher == EUROPEAN:
        edition, by, _ = WIRE[language]
        return {"byline": f"{by} {', '.join(names)} · {edition}", "date": f"{day.day:02d}.{day.month:02d}.{day.year}"}
    if publisher == "kxyz":
        return {"byline": f"{', '.join(names)}, KXYZ",
                "date": f"Published {_clock(day, 18, 2)} | Updated {_clock(day + timedelta(days=1), 8, 15)}"}
    if publisher == "courier":
        return {"byline": f"By {_and(names).upper()} | The Daily Courier",
                "date": f"Published: {long_day} at 6:02 p.m.",
                "origin": "This article was originally published on Kestrel Health News.",
                "bio": f"{names[0]} covers health and medicine for The Daily Courier."}
    if publisher == "mercyvale":
        return {"byline": f"Posted by {names[0]} on {long_day}", "category": "Categories: Heart & Vascular, Wellness"}
    if publisher == "wellwise":
        return {"review": f"Medically reviewed by {_pick(REVIEWERS, published)}",
                "byline": f"Written by {names[0]}", "date": f"Updated on {long_day}"}
    if publisher == "longview":
        edition = MONTHS[(day.month % 12)]
        return {"byline": f"By {_and(names)}", "date": long_day,
                "print": f"This article appears in the {edition} {day.year + (day.month == 12)} print edition."}
    if publisher == "healthnest":
        return {"byline": f"Written By {names[0]} | Edited By {_pick(('Rahul Verma', 'Meera Pillai'), published)}",
                "date": f"Updated: {day.day:02d} {MONTHS[day.month - 1][:3]} {day.year}, 10:15 AM IST"}
    if publisher == "factsheet":
        return {"byline": f"Content source: {names[0]}", "date": f"Page last reviewed: {long_day}"}
    return {"byline": f"By {_and(names)}", "date": f"{MONTHS[day.month - 1][:3]} {day.day}, {day.year}"}


def chrome_lines(publisher: str, language: str, names: tuple[str, ...], published: str) -> tuple[str, ...]:
    """Everything a page of this publisher prints that is not the article's text."""
    boxes: tuple[str, ...] = (NAMES[EUROPEAN], WIRE[language][0]) if publisher == EUROPEAN else CHROME[publisher]
    if publisher == "longview":
        boxes += (_pick(PULL_QUOTES, published),)
    return (*boxes, *lines(publisher, language, names, published).values())


def markers(publisher: str, language: str, number: int, total: int) -> tuple[str, str]:
    """The (top, bottom) position lines page ``number`` of ``total`` prints."""
    if publisher == EUROPEAN:
        return (WIRE[language][2] if number > 1 else ""), ""
    if publisher == "listwise":
        return f"Slide {number} of {total}", ""
    if publisher == "courier":
        return "", (f"Continued on Page {number + 1}" if number < total else "")
    if publisher == "healthnest":
        return (f"(Page {number}/{total})" if number > 1 else ""), ""
    return "", ""
