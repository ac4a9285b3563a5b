"""The twelfth family: English-speaking newsrooms, agencies, charities and shops, plus a French and a German desk.

Built by ``build(seed, family="twelfth")``, written without reading the rules. An Irish hospital newsroom
("Posted: 4th March 2025", a cookie banner), a Canadian public-health agency (no byline, "Date modified:
2025-03-04" at the foot, ``dcterms.issued``), a UK patient charity ("Written by A", "Clinically reviewed
by Dr B", "Page last updated: 3 March 2025"), a pharmacy chain's advice pages ("Written by A, Pharmacist",
``article:published_time``), a US health magazine's listicles ("7 Ways To ...", JSON-LD, an author bio box
on the last page), a New Zealand local paper's health desk ("By A, Staff Writer", "Posted on March 4, 2025
at 9:15 am"), a medical journal's news section (Highwire ``citation_*`` metas, "Page 2 of 5"), a South
African health site ("Words by A; photos by B", "Originally published 4 March 2025"), a French regional
daily ("Par A et B", "Publié le 4 mars 2025 à 09h15") and a German advice portal ("Von A und B",
"Medizinisch geprüft von Dr. med. C", "Aktualisiert am 04.03.2025"). Conventions in ``twelfth_pagers``,
templates in ``twelfth_pages``, traps in ``twelfth_traps``.
"""
from __future__ import annotations

import random
from datetime import date, timedelta

LANGUAGES = {"stbrendans": "en", "healthprotect": "en", "kidneyaid": "en", "chemistplus": "en", "glow": "en",
             "waikatoledger": "en", "medbulletin": "en", "capehealth": "en", "santeouest": "fr",
             "gesundplus": "de"}
PUBLISHERS = tuple(LANGUAGES)
ENGLISH = ("stbrendans", "kidneyaid")  # the Family's placeholders: every convention names its own publisher
EUROPEAN = "santeouest"
NAMES = {"stbrendans": "St Brendan's University Hospital", "healthprotect": "Coastal Health Protection Agency",
         "kidneyaid": "Kidney Aid", "chemistplus": "ChemistPlus", "glow": "Glow", "waikatoledger": "Waikato Ledger",
         "medbulletin": "The Medical Bulletin", "capehealth": "Cape Health", "santeouest": "Santé Ouest",
         "gesundplus": "Gesund Plus"}
SELF_CANONICAL = ("stbrendans", "chemistplus", "medbulletin", "gesundplus")
FIRST_PAGE_CANONICAL = ("glow", "healthprotect", "santeouest")
DEK = ("glow", "medbulletin", "santeouest", "capehealth")  # print a standfirst under the headline on page 1
CHROME = {  # what each publisher prints on every page besides bylines and dates
    "stbrendans": ("We use cookies to give you the best experience on our website. Accept all cookies",
                   "Media enquiries: contact the Communications Office", "Back to News"),
    "healthprotect": ("From: Coastal Health Protection Agency", "Report a problem or mistake on this page",
                      "Share this page"),
    "kidneyaid": ("Donate now: £5 could fund a call to our helpline", "Need to talk? Call our free helpline",
                  "Kidney Aid is a registered charity in England and Wales (no. 1023456)"),
    "chemistplus": ("We use cookies to make our site work and to improve it. Manage cookies",
                    "This advice is for information only. Always speak to your pharmacist or GP.",
                    "Shop health and wellness"),
    "glow": ("Sign up for the Glow newsletter for daily wellness tips", "Advertisement",
             "Glow may earn a commission when you buy through links on our site."),
    "waikatoledger": ("Subscribe to the Ledger from $1 a week", "Most read", "Have your say"),
    "medbulletin": ("Competing interests: none declared.", "Cite this as: Med Bull 2025;371:n412",
                    "Sign in to read the full research paper"),
    "capehealth": ("Join our WhatsApp channel for health updates", "Sponsored", "Share on WhatsApp"),
    "santeouest": ("Abonnez-vous pour lire la suite de nos articles", "Les plus lus", "Publicité",
                   "Partager sur Facebook"),
    "gesundplus": ("Anzeige", "Das könnte Sie auch interessieren",
                   "Dieser Artikel ersetzt keine ärztliche Beratung."),
}
NAMES_BY_LANGUAGE = {
    "en": ("Aoife Brennan", "Ciarán Doyle", "Niamh Kavanagh", "Tama Ngata", "Aroha Parata", "Thandiwe Nkosi",
           "Pieter van Wyk", "Lerato Mokoena", "Priya Raman", "Geneviève Tremblay", "Daniel Okafor",
           "Hannah Whitcombe", "Marcus Leung"),
    "fr": ("Camille Laurent", "Hugo Moreau", "Léa Girard", "Antoine Roux", "Manon Fabre"),
    "de": ("Katharina Weber", "Lukas Schmitt", "Anna Hoffmann", "Jonas Becker", "Miriam Vogt"),
}
REVIEWERS = ("Dr Siobhan Keane", "Dr Rajesh Pillay", "Dr. med. Birgit Lang", "Dr Emeka Obi")
PHOTOGRAPHERS = ("Sipho Dlamini", "Jacques Marais")
MONTHS = "January February March April May June July August September October November December".split()
MOIS = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split()


def authors(rng: random.Random, publisher: str, language: str = "") -> tuple[str, ...]:
    """Nobody for the agency, one author, or two for the publishers whose bylines list several."""
    if publisher == "healthprotect":
        return ()
    pool = NAMES_BY_LANGUAGE[LANGUAGES[publisher]]
    first = rng.choice(pool)
    if publisher in ("glow", "waikatoledger", "medbulletin", "santeouest", "gesundplus") and rng.random() < 0.5:
        second = rng.choice(pool)
        if second != first:
            return (first, second)
    return (first,)


def headline(publisher: str, title: str, pages: int) -> str:
    """The magazine numbers its listicles ("7 Ways To ..."); everyone else keeps the headline."""
    return f"{2 * pages + 1} Ways To {title}" if publisher == "glow" else title


def _pick(names: tuple[str, ...], published: str) -> str:
    return names[int(published[-2:]) % len(names)]


def _ordinal(day: int) -> str:
    return f"{day}{'th' if 10 <= day % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(day % 10, 'th')}"


def _and(names: tuple[str, ...], word: str = "and") -> str:
    return f" {word} ".join(names)


def lines(publisher: str, names: tuple[str, ...], published: str) -> dict[str, str]:
    """The byline, date, reviewer and credit lines a page of this article prints, by name."""
    day = date.fromisoformat(published)
    later = day + timedelta(days=2 + int(published[-1]) % 5)
    long, reviewer = f"{day.day} {MONTHS[day.month - 1]} {day.year}", _pick(REVIEWERS, published)
    us = f"{MONTHS[day.month - 1]} {day.day}, {day.year}"
    if publisher == "stbrendans":
        return {"byline": f"By {names[0]}", "role": "Communications Officer",
                "date": f"Posted: {_ordinal(day.day)} {MONTHS[day.month - 1]} {day.year}"}
    if publisher == "healthprotect":
        return {"date": f"Date modified: {published}"}
    if publisher == "kidneyaid":
        return {"byline": f"Written by {names[0]}", "reviewer": f"Clinically reviewed by {reviewer}",
                "date": f"Page last updated: {long}", "review": f"Next review due: {MONTHS[day.month - 1]} {day.year + 3}"}
    if publisher == "chemistplus":
        return {"byline": f"Written by {names[0]}, Pharmacist",
                "reviewer": f"Medically reviewed by {reviewer}, Superintendent Pharmacist"}
    if publisher == "glow":
        return {"byline": f"By {_and(names)}", "date": f"Published {MONTHS[day.month - 1][:3]} {day.day}, {day.year}",
                "bio": f"{names[0]} is a staff writer at Glow who covers sleep, nutrition and everyday health."}
    if publisher == "waikatoledger":
        role = "Staff Writers" if len(names) > 1 else "Staff Writer"
        return {"byline": f"By {_and(names)}, {role}", "date": f"Posted on {us} at 9:15 am"}
    if publisher == "medbulletin":
        return {"byline": ", ".join(names), "date": f"Published {day.day:02d} {MONTHS[day.month - 1]} {day.year}"}
    if publisher == "capehealth":
        return {"byline": f"Words by {names[0]}; photos by {_pick(PHOTOGRAPHERS, published)}",
                "date": f"Originally published {long}",
                "updated": f"Last updated {later.day} {MONTHS[later.month - 1]} {later.year}"}
    if publisher == "santeouest":
        return {"byline": f"Par {_and(names, 'et')}",
                "date": f"Publié le {day.day} {MOIS[day.month - 1]} {day.year} à 09h15, mis à jour le "
                        f"{later.day} {MOIS[later.month - 1]} {later.year} à 08h30"}
    return {"byline": f"Von {_and(names, 'und')}", "reviewer": f"Medizinisch geprüft von {_pick(REVIEWERS[2:3], published)}",
            "date": f"Aktualisiert am {day.day:02d}.{day.month:02d}.{day.year}"}


def chrome_lines(publisher: str, language: str, names: tuple[str, ...], published: str) -> tuple[str, ...]:
    """Everything a page of this publisher prints that is not the article's text."""
    return (*CHROME[publisher], *lines(publisher, names, published).values())


def markers(publisher: str, language: str, number: int, total: int) -> tuple[str, str]:
    """The (top, bottom) position lines page ``number`` of ``total`` prints."""
    if publisher == "medbulletin":
        return f"Page {number} of {total}", ""
    if publisher == "gesundplus":
        return f"Seite {number} von {total}", ""
    if publisher == "waikatoledger" and number < total:
        return "", "Story continues below"
    return "", ""
