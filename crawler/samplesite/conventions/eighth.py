"""The eighth family: publishers shaped like real kinds nobody tuned for, written without reading the rules.

Built by ``build(seed, family="eighth")``. A pharmacy chain's health library (cookie banner, "Written by",
a pharmacist reviewer who is not an author, "Published"/"Updated" lines, a reading time, a JSON-LD page
with only a review date), a university medical school's news page (breadcrumbs, a photo credit and caption,
a media contact, an author bio box on the last page), a medical society's patient pages (authors with
credentials separated by semicolons, "Originally published" at the foot), a newsletter archive shaped like
Substack or Ghost (subscribe boxes, like and comment counts, a late-evening ISO time with an offset) and a
wire story syndicated by a regional paper (a "GENEVA (Meridian) -" dateline, "Reporting by ...; Editing by
..." credits that name people who are not authors). The non-English conventions go to a health network
whose national editions write German, French, Dutch, Spanish, Portuguese and Japanese, each with its own date
shape ("3. März 2025", "le 4 mars 2025", "2025年3月4日"), byline word ("Von", "Par", "Door", "文："), cookie
banner, share line, reading time, "Stand:"-style update line and photo credit. Conventions in
``eighth_pagers``, templates in ``eighth_pages``, traps in ``eighth_traps``.
"""
from __future__ import annotations

import random
from datetime import date, timedelta

ENGLISH = ("rxwell", "ashgrove", "pts", "dispatch", "lakeside")
EUROPEAN = "gesundnetz"
PUBLISHERS = (*ENGLISH, EUROPEAN)
NAMES = {"rxwell": "Rxwell Pharmacy", "ashgrove": "Ashgrove University School of Medicine",
         "pts": "Society for Thoracic Wellness", "dispatch": "The Pulse Dispatch", "lakeside": "Lakeside Herald"}
SELF_CANONICAL, FIRST_PAGE_CANONICAL = ("rxwell", "ashgrove", EUROPEAN), ("lakeside",)
DEK = ("ashgrove", "dispatch")  # print a subtitle under the headline on page 1
CHROME = {  # what each English publisher prints on every page besides bylines, dates and credits
    "rxwell": ("We use cookies to give you a better experience. By continuing you agree to our Cookie Policy.",
               "Accept all cookies", "Find a store", "Refill a prescription", "Health Library",
               "Shop related products",
               "This content is for informational purposes only and is not a substitute for professional "
               "medical advice.", "Save 20% on vitamins with Rxwell Rewards."),
    "ashgrove": ("Home › News › Research News", "Share this story", "Media contact",
                 "Joan Pemberton · 555-0190 · mediarelations@ashgrove.example",
                 "Subscribe to Ashgrove Medicine Today, our monthly newsletter.", "Related stories"),
    "pts": ("Society for Thoracic Wellness — Information for Patients", "Find a specialist",
            "Download this page (PDF)", "Reviewed by the Patient Education Committee",
            "This information is not a substitute for advice from your own doctor.", "Patient topics"),
    "dispatch": ("Subscribe", "Sign in", "Share", "Discover more from The Pulse Dispatch",
                 "Weekly notes on the science of staying well. Over 40,000 subscribers.", "Ready for more?"),
    "lakeside": ("Lakeside Herald", "Most Read", "Our Standards: The Meridian Trust Principles.",
                 "This story was published from a wire agency feed without modifications to the text.",
                 "Sign up for the Herald's morning newsletter"),
}
PHOTOGRAPHERS = ("Katrin Vogelsang", "Pieter Aalbers", "Marta Quintela")
REVIEWERS = ("Dana Whitfield", "Omar Haddad", "Lise Marchetti")  # pharmacists who review, never authors
WIRE_PEOPLE = ("Hollis Grant", "Nadia Ferrante", "Gideon Achterberg")  # editors and helpers, never authors
CITIES = ("GENEVA", "LONDON", "COPENHAGEN", "BRUSSELS")
FIRST_NAMES = ("Annika", "Jorrit", "Mathilde", "Benedikt", "Inês", "Loïc", "Sofía", "Maarten", "Chiara",
               "Teodora", "Rasmus", "Aurélie", "Gonçalo", "Femke")
LAST_NAMES = ("Brenninkmeyer", "van der Heijden", "Lefebvre-Roux", "Oliveira Santos", "Kowalewski",
              "Maierhofer", "Castellanos", "Dubreuil", "Hoekstra", "Lindgren", "Ferraz", "Zimmermann")
JAPANESE_NAMES = ("佐藤花子", "鈴木一郎", "高橋美咲", "田中健太", "伊藤直美", "渡辺翔")
CREDENTIALS = ("MD", "PhD", "MD, MPH", "RN", "DO")
MONTHS = "January February March April May June July August September October November December".split()
LOCAL = {  # the health network's national editions
    "de": {"brand": "Gesundheitsnetz", "cookie": "Wir verwenden Cookies, um Ihnen ein optimales Angebot zu bieten.",
           "accept": "Alle akzeptieren", "share": "Artikel teilen", "read": "Lesezeit {n} Min.",
           "by": "Von", "and": " und ", "more": "Mehr zum Thema", "photo": "Foto: {p}",
           "caption": "Symbolbild: Eine Ärztin im Gespräch mit einer Patientin.",
           "crumbs": "Startseite › Gesundheit › Krankheiten", "page": "Seite {n} von {t}",
           "news": "Newsletter: Die wichtigsten Gesundheitsnachrichten jeden Freitag in Ihrem Postfach.",
           "months": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
           "published": "Veröffentlicht am {d}. {m} {y}", "updated": "Stand: {dd}.{mm}.{y} 14:20 Uhr"},
    "fr": {"brand": "Réseau Santé", "cookie": "Ce site utilise des cookies pour améliorer votre expérience.",
           "accept": "Tout accepter", "share": "Partager l'article", "read": "Lecture {n} min",
           "by": "Par", "and": " et ", "more": "À lire aussi", "photo": "Photo : {p}",
           "caption": "Illustration : une consultation chez le médecin généraliste.",
           "crumbs": "Accueil › Santé › Maladies", "page": "Page {n} sur {t}",
           "news": "Recevez chaque semaine notre lettre d'information santé.",
           "months": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
           "published": "Publié le {d} {m} {y} à 10h12", "updated": "Mis à jour le {dd}/{mm}/{y}"},
    "nl": {"brand": "Gezondheidsnet", "cookie": "Deze website gebruikt cookies voor een betere ervaring.",
           "accept": "Cookies accepteren", "share": "Deel dit artikel", "read": "Leestijd {n} minuten",
           "by": "Door", "and": " en ", "more": "Meer over dit onderwerp", "photo": "Foto: {p}",
           "caption": "Beeld ter illustratie: een huisarts in gesprek.",
           "crumbs": "Home › Gezondheid › Ziektes", "page": "Pagina {n} van {t}",
           "news": "Schrijf je in voor de wekelijkse nieuwsbrief van Gezondheidsnet.",
           "months": "januari februari maart april mei juni juli augustus september oktober november december",
           "published": "{d} {m} {y}", "updated": "Laatst bijgewerkt: {dd}-{mm}-{y}"},
    "es": {"brand": "Red Salud", "cookie": "Utilizamos cookies propias y de terceros para mejorar nuestros servicios.",
           "accept": "Aceptar todas", "share": "Compartir en redes", "read": "Lectura: {n} min",
           "by": "Por", "and": " y ", "more": "Más sobre este tema", "photo": "Foto: {p}",
           "caption": "Imagen de archivo de una consulta médica.",
           "crumbs": "Inicio › Salud › Enfermedades", "page": "Página {n} de {t}",
           "news": "Suscríbase al boletín semanal de Red Salud.",
           "months": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
           "published": "Publicado el {d} de {m} de {y}", "updated": "Actualizado: {dd}/{mm}/{y}"},
    "pt": {"brand": "Rede Saúde", "cookie": "Este site utiliza cookies para melhorar a sua experiência.",
           "accept": "Aceitar todos", "share": "Partilhar artigo", "read": "Tempo de leitura: {n} min",
           "by": "Por", "and": " e ", "more": "Mais sobre o tema", "photo": "Foto: {p}",
           "caption": "Imagem ilustrativa de uma consulta médica.",
           "crumbs": "Início › Saúde › Doenças", "page": "Página {n} de {t}",
           "news": "Receba a newsletter semanal da Rede Saúde.",
           "months": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
           "published": "Publicado em {d} de {m} de {y}", "updated": "Atualizado em {dd}/{mm}/{y}"},
    "ja": {"brand": "けんこうネット", "cookie": "当サイトではサービス向上のためにクッキーを使用しています。",
           "accept": "同意する", "share": "この記事をシェアする", "read": "この記事は約{n}分で読めます",
           "by": "文：", "and": "、", "more": "関連記事", "photo": "写真：{p}",
           "caption": "写真はイメージです。", "crumbs": "ホーム › 健康 › 病気", "page": "{t}ページ中{n}ページ目",
           "news": "メールマガジンの登録はこちら", "months": "1 2 3 4 5 6 7 8 9 10 11 12",
           "published": "公開日：{y}年{m}月{d}日", "updated": "更新日：{y}年{mm}月{dd}日"},
}


def person(rng: random.Random, language: str = "en") -> str:
    """An invented name: Japanese in the Japanese edition."""
    if language == "ja":
        return rng.choice(JAPANESE_NAMES)
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def authors(rng: random.Random, publisher: str, language: str = "en") -> tuple[str, ...]:
    """One to three distinct authors (the newsletter mostly one)."""
    names = [person(rng, language)]
    chance = 0.15 if publisher == "dispatch" else 0.4
    while len(names) < 3 and rng.random() < chance:
        name = person(rng, language)
        if name in names:
            break
        names.append(name)
    return tuple(names)


def _pick(names: tuple[str, ...], published: str, shift: int = 0) -> str:
    return names[(int(published[-2:]) + shift) % len(names)]


def _listing(names: tuple[str, ...], joiner: str = " and ") -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + joiner + names[-1]


def _local_lines(language: str, names: tuple[str, ...], day: date) -> dict[str, str]:
    words = LOCAL[language]
    month = words["months"].split()[day.month - 1]
    later = day + timedelta(days=1)
    space = "" if language == "ja" else " "
    return {"byline": f"{words['by']}{space}{_listing(names, words['and'])}",
            "date": words["published"].format(d=day.day, m=month, y=day.year),
            "updated": words["updated"].format(dd=f"{later.day:02d}", mm=f"{later.month:02d}", y=later.year),
            "read": words["read"].format(n=3 + day.day % 6),
            "photo": words["photo"].format(p=_pick(PHOTOGRAPHERS, day.isoformat()))}


def lines(publisher: str, language: str, names: tuple[str, ...], published: str) -> dict[str, str]:
    """The byline, date and credit lines a page of this article prints, by name."""
    day = date.fromisoformat(published)
    if publisher == EUROPEAN:
        return _local_lines(language, names, day)
    short = f"{MONTHS[day.month - 1][:3]} {day.day}, {day.year}"
    long = f"{MONTHS[day.month - 1]} {day.day}, {day.year}"
    if publisher == "rxwell":
        later = day + timedelta(days=30)
        return {"byline": f"Written by {_listing(names, ' & ')}",
                "reviewer": f"Medically reviewed by {_pick(REVIEWERS, published)}, PharmD, RPh",
                "date": f"Published {short}", "updated": f"Updated {MONTHS[later.month - 1][:3]} {later.day}, {later.year}",
                "read": f"{3 + day.day % 7} min read"}
    if publisher == "ashgrove":
        return {"byline": f"By {_listing(names)}", "date": long, "photo": f"Photo: {_pick(PHOTOGRAPHERS, published)}",
                "bio": f"About the author: {names[0]} is a science writer in the Office of Communications."}
    if publisher == "pts":
        credited = "; ".join(f"{n}, {_pick(CREDENTIALS, published, i)}" for i, n in enumerate(names))
        return {"byline": f"Authors: {credited}", "date": f"Originally published: {long}",
                "reviewed": f"Last reviewed: {MONTHS[(day.month + 5) % 12]} {day.year + 1}"}
    if publisher == "dispatch":
        return {"byline": _listing(names), "date": short,
                "counts": f"{12 + day.day * 3} Likes · {day.day % 9 + 1} Comments · {day.month} Restacks"}
    city = _pick(CITIES, published)
    return {"byline": f"By {_listing(names)}", "date": f"{long} 4:12 PM GMT+1",
            "dateline": f"{city}, {MONTHS[day.month - 1]} {day.day} (Meridian) -",
            "credits": f"Reporting by {_listing(names)}; Additional reporting by {_pick(WIRE_PEOPLE, published)}; "
                       f"Editing by {_pick(WIRE_PEOPLE, published, 1)}"}


def chrome_lines(publisher: str, language: str, names: tuple[str, ...], published: str) -> tuple[str, ...]:
    """Everything a page of this publisher prints that is not the article's text."""
    if publisher == EUROPEAN:
        words = LOCAL[language]
        boxes = tuple(words[k] for k in ("brand", "cookie", "accept", "share", "more", "caption", "crumbs", "news"))
    else:
        boxes = CHROME[publisher]
    return (*boxes, *lines(publisher, language, names, published).values())


def markers(publisher: str, language: str, number: int, total: int) -> tuple[str, str]:
    """The (top, bottom) position lines page ``number`` of ``total`` prints."""
    if publisher == EUROPEAN:
        return (LOCAL[language]["page"].format(n=number, t=total) if number > 1 else ""), ""
    if publisher == "lakeside":
        return ("(Continued)" if number > 1 else ""), ("(Story continues)" if number < total else "")
    if publisher == "pts":
        return "", (f"Continue to page {number + 1} of {total}" if number < total else "")
    return "", ""
