"""The tenth family: publishers from outside US newsrooms and European portals, written blind, measured once.

Built by ``build(seed, family="tenth")``. A Nigerian newspaper's health desk ("By CHINWE OKAFOR, Abuja",
"March 4, 2025 | 10:15 am", "Share on WhatsApp"), a veterinary blog on WordPress ("Written by A, DVM",
``/slug/2/`` pages beside a ``/page/2/`` archive), a nutrition recipe blog ("Jump to Recipe", a recipe card),
a doctor-answers site ("Asked by a reader", "Answered by Dr. A"), a pharma trade publication ("Sponsored
content", "Latest news") and a Latin American portal writing Spanish, Portuguese, Czech, Swedish, Turkish,
Polish, Chinese and the other languages the shared conventions need ("Por Redacción", "Actualizado el 4 de
marzo de 2025 a las 10:15", "2025年3月4日", "作者：", "责任编辑："). Conventions in ``tenth_pagers``, templates
in ``tenth_pages``, traps in ``tenth_traps``.
"""
from __future__ import annotations

import random
from datetime import date

ENGLISH = ("dailyvoice", "pawsvet", "greenplate", "askdoc", "pharmawire")
EUROPEAN = "mundosalud"
PUBLISHERS = (*ENGLISH, EUROPEAN)
NAMES = {"dailyvoice": "The Daily Voice", "pawsvet": "PawsVet Clinic Blog", "greenplate": "Green Plate Kitchen",
         "askdoc": "AskTheDoc", "pharmawire": "PharmaWire Today"}
SELF_CANONICAL, FIRST_PAGE_CANONICAL = ("pawsvet", "pharmawire"), ("dailyvoice", EUROPEAN)
DEK = ("pharmawire", EUROPEAN)  # print a standfirst under the headline on page 1
CHROME = {  # what each English publisher prints on every page besides bylines, dates and credits
    "dailyvoice": ("Advertisement", "Share on WhatsApp", "Share on Facebook", "Most Read",
                   "Join our WhatsApp channel for breaking news.",
                   "Copyright © The Daily Voice Newspapers Ltd. All rights reserved."),
    "pawsvet": ("This post may contain affiliate links. We may earn a small commission at no cost to you.",
                "Book an appointment", "Categories: Dogs, Cats, Nutrition", "Leave a Reply",
                "Your email address will not be published. Required fields are marked *"),
    "greenplate": ("Jump to Recipe", "Print Recipe", "Prep Time: 10 mins", "Cook Time: 25 mins", "Servings: 4",
                   "Did you make this recipe? Tag us on Instagram!",
                   "Get our free 7-day meal plan straight to your inbox."),
    "askdoc": ("Asked by a reader", "Have a health question? Ask our doctors.",
               "This answer is for general information and is not a substitute for professional medical advice.",
               "Was this answer helpful?", "More answers"),
    "pharmawire": ("Sponsored content", "Latest news", "Subscribe to PharmaWire Today",
                   "Register for our free webinar on supply chains.", "Tags:"),
}
FIRST_NAMES = ("Chinwe", "Oluwaseun", "Wanjiru", "Thabo", "Amaka", "Kwame", "Zanele", "Emeka", "Achieng", "Ifeoma")
LAST_NAMES = ("Okafor", "Adeyemi", "Mwangi", "Ndlovu", "Eze", "Mensah", "Dlamini", "Nwosu", "Otieno", "Balogun")
CITIES = ("Abuja", "Lagos", "Nairobi", "Johannesburg", "Port Harcourt")
WESTERN = ("Lucía Fernández", "João Pereira", "Tereza Nováková", "Elin Lindberg", "Ayşe Yılmaz",
           "Marta Kowalska", "Diego Ramírez", "Camila Souza", "Sofia Berg", "Jakub Dvořák")
CHINESE = ("王丽华", "李明", "张晓燕", "陈志强", "刘芳")
EDITORS = ("Renata Ortiz", "Paulo Lima", "赵敏")
# The portal's words per language: by, updated-date template, ad, read-also, source, disclaimer, more news.
LOCAL = {
    "es": ("Por", "Actualizado el {d} de {m} de {y} a las 10:15", "Publicidad", "LEA TAMBIÉN:",
           "Fuente: Ministerio de Salud", "Este contenido es informativo y no sustituye la consulta médica.",
           "Más noticias", "Compartir en WhatsApp"),
    "pt": ("Por", "Atualizado em {dd}/{mm}/{y} às 10h15", "Publicidade", "LEIA TAMBÉM:", "Fonte: Ministério da Saúde",
           "Este conteúdo é informativo e não substitui a consulta médica.", "Mais notícias",
           "Compartilhar no WhatsApp"),
    "de": ("Von", "{dd}.{mm}.{y}, 10:15 Uhr", "Anzeige", "LESEN SIE AUCH:", "Quelle: Robert Koch-Institut",
           "Dieser Inhalt dient der Information und ersetzt keinen Arztbesuch.", "Mehr Nachrichten",
           "Auf WhatsApp teilen"),
    "fr": ("Par", "Publié le {d} {m} {y} à 10h15", "Publicité", "À LIRE AUSSI :", "Source : Santé publique France",
           "Ce contenu est informatif et ne remplace pas une consultation.", "Plus d'actualités",
           "Partager sur WhatsApp"),
    "nl": ("Door", "{d} {m} {y}, 10:15", "Advertentie", "LEES OOK:", "Bron: RIVM",
           "Deze inhoud is informatief en vervangt geen doktersbezoek.", "Meer nieuws", "Delen via WhatsApp"),
    "cs": ("Autor:", "{d}. {m} {y} 10:15", "Reklama", "ČTĚTE TAKÉ:", "Zdroj: SZÚ",
           "Tento obsah je informativní a nenahrazuje návštěvu lékaře.", "Další zprávy", "Sdílet na WhatsApp"),
    "sv": ("Av", "Publicerad {d} {m} {y} kl. 10.15", "Annons", "LÄS OCKSÅ:", "Källa: Folkhälsomyndigheten",
           "Innehållet är informativt och ersätter inte ett läkarbesök.", "Fler nyheter", "Dela på WhatsApp"),
    "tr": ("Haber:", "{dd}.{mm}.{y} 10:15", "Reklam", "BUNU DA OKUYUN:", "Kaynak: Sağlık Bakanlığı",
           "Bu içerik bilgilendirme amaçlıdır, hekim muayenesinin yerini tutmaz.", "Daha fazla haber",
           "WhatsApp'ta paylaş"),
    "pl": ("Autor:", "{dd}.{mm}.{y} r.", "Reklama", "CZYTAJ TAKŻE:", "Źródło: NFZ",
           "Treść ma charakter informacyjny i nie zastępuje wizyty u lekarza.", "Więcej wiadomości",
           "Udostępnij na WhatsApp"),
    "zh": ("作者：", "{y}年{n}月{d}日 10:15", "广告", "相关阅读", "来源：国家卫生健康委员会",
           "本文内容仅供参考，不能替代医生诊断。", "更多新闻", "分享到微信"),
}
MONTHS = {
    "en": "January February March April May June July August September October November December",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "cs": "ledna února března dubna května června července srpna září října listopadu prosince",
    "sv": "januari februari mars april maj juni juli augusti september oktober november december",
}


def authors(rng: random.Random, publisher: str, language: str = "en") -> tuple[str, ...]:
    """The article's authors: African names for the English desks, local names for the portal."""
    if publisher == EUROPEAN:
        pool = CHINESE if language == "zh" else WESTERN
        first = rng.choice(pool)
        second = rng.choice(pool) if rng.random() < 0.25 else first
        return (first,) if second == first else (first, second)
    first = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
    if publisher in ("dailyvoice", "pharmawire") and rng.random() < 0.3:
        second = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        if second.split()[0] != first.split()[0]:
            return (first, second)
    return (first,)


def stamp(language: str, published: str) -> str:
    """The portal's date line in ``language``."""
    day = date.fromisoformat(published)
    months = MONTHS.get(language, MONTHS["es"]).split()
    return LOCAL[language][1].format(d=day.day, dd=f"{day.day:02d}", m=months[day.month - 1], mm=f"{day.month:02d}",
                                     n=day.month, y=day.year)


def _pick(names: tuple[str, ...], published: str) -> str:
    return names[int(published[-2:]) % len(names)]


def lines(publisher: str, language: str, names: tuple[str, ...], published: str) -> dict[str, str]:
    """The byline, date and credit lines a page of this article prints, by name."""
    day = date.fromisoformat(published)
    month = MONTHS["en"].split()[day.month - 1]
    if publisher == EUROPEAN:
        words = LOCAL[language]
        joiner = "、" if language == "zh" else " y "
        space = "" if language == "zh" else " "  # "作者：王丽华", no space after the full-width colon
        found = {"byline": f"{words[0]}{space}{joiner.join(names)}", "date": stamp(language, published)}
        if language == "zh":
            found["editor"] = f"责任编辑：{_pick(EDITORS, published)}"
        return found
    if publisher == "dailyvoice":
        byline = " and ".join(n.upper() for n in names)
        return {"byline": f"By {byline}, {_pick(CITIES, published)}", "date": f"{month} {day.day}, {day.year} | 10:15 am"}
    if publisher == "pawsvet":
        return {"byline": f"Written by {names[0]}, DVM", "date": f"Posted on {month} {day.day}, {day.year}"}
    if publisher == "greenplate":
        return {"byline": f"By {names[0]}", "date": f"Published: {day.month:02d}/{day.day:02d}/{day.year}",
                "updated": f"Last updated: {day.month:02d}/{min(day.day + 2, 28):02d}/{day.year}"}
    if publisher == "askdoc":
        return {"byline": f"Answered by Dr. {names[0]}", "date": f"{day.day} {month[:3]} {day.year}"}
    return {"byline": " and ".join(names) + " | Senior Reporter", "date": f"{day.day:02d} {month[:3]} {day.year}"}


def chrome_lines(publisher: str, language: str, names: tuple[str, ...], published: str) -> tuple[str, ...]:
    """Everything a page of this publisher prints that is not the article's text."""
    if publisher == EUROPEAN:
        words = LOCAL[language]
        boxes = (words[2], words[3], words[4], words[5], words[6], words[7])
    else:
        boxes = CHROME[publisher]
    return (*boxes, *lines(publisher, language, names, published).values())


def markers(publisher: str, language: str, number: int, total: int) -> tuple[str, str]:
    """The (top, bottom) position lines page ``number`` of ``total`` prints."""
    if publisher == "dailyvoice":
        return "", ("CONTINUED ON NEXT PAGE" if number < total else "")
    if publisher == EUROPEAN and language == "es":
        return (f"Página {number} de {total}" if number > 1 else ""), ""
    return "", ""
