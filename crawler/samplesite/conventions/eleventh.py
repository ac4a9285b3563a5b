"""The eleventh family: publishers writing only in their own languages, dates printed only, written blind.

Built by ``build(seed, family="eleventh")``. A Spanish daily's health section ("Por A y B | Madrid",
"Publicado el 4 de marzo de 2025, 10:15"), a Czech portal ("Autoři: A, B", "Publikováno 4. 3. 2025 10:15",
"Aktualizováno"), a Swedish regional paper ("Text: A", "Foto: B" (a photographer, not an author),
"Publicerad 4 mars 2025 kl. 10.15", "Uppdaterad"), a Chinese health newspaper on a government-style CMS
("发布时间：2025年3月4日", "本报记者 A B", "责任编辑："), a Brazilian portal ("Por A e B", "04/03/2025 10h15",
"Continua após a publicidade"), an Italian women's health magazine ("di A", "4 marzo 2025 (modifica il ...)"),
a Polish portal ("Opublikowano: 04.03.2025, 10:15") and a Turkish news site ("A | İSTANBUL (DHA)",
"Giriş: 04.03.2025 10:15 | Güncelleme: ..."). No page carries a machine-readable date: no
``article:published_time``, no JSON-LD, no ``<time datetime>``. Conventions in ``eleventh_pagers``,
templates in ``eleventh_pages``, traps in ``eleventh_traps``.
"""
from __future__ import annotations

import random
from datetime import date, timedelta

LANGUAGES = {"vivirsano": "es", "zdravotnik": "cs", "halsokoll": "sv", "jiankangbao": "zh",
             "saudeemdia": "pt", "salutedonna": "it", "zdrowiepl": "pl", "saglikrehberi": "tr"}
PUBLISHERS = tuple(LANGUAGES)
ENGLISH = ("halsokoll", "zdravotnik")  # the Family's placeholders: this family writes no English
EUROPEAN = "vivirsano"
NAMES = {"vivirsano": "Vivir Sano", "zdravotnik": "Zdravotník.cz", "halsokoll": "Hälsokoll",
         "jiankangbao": "健康生活报", "saudeemdia": "Saúde em Dia", "salutedonna": "Salute Donna",
         "zdrowiepl": "Zdrowie.pl", "saglikrehberi": "Sağlık Rehberi"}
SELF_CANONICAL = ("zdravotnik", "saudeemdia", "zdrowiepl")
FIRST_PAGE_CANONICAL = ("vivirsano", "salutedonna")
DEK = ("vivirsano", "saudeemdia", "salutedonna")  # print a standfirst under the headline on page 1
META_AUTHOR = ("zdravotnik", "zdrowiepl", "saudeemdia")  # also name the authors in <meta name="author">
CHROME = {  # what each publisher prints on every page besides bylines and dates
    "vivirsano": ("Suscríbete para seguir leyendo", "Lo más visto", "Archivado en: Salud, Medicina",
                  "Comentar", "Compartir en Facebook", "Newsletter Vivir Sano: la salud, cada jueves"),
    "zdravotnik": ("Reklama", "Nejčtenější", "Sdílet na Facebooku", "Diskuse k článku",
                   "Tento článek má pouze informativní charakter."),
    "halsokoll": ("Annons", "Mest läst", "Dela artikeln", "Prenumerera på Hälsokoll Plus",
                  "Artikeln publicerades först i papperstidningen."),
    "jiankangbao": ("分享到：", "打印本页", "关闭窗口", "相关新闻", "版权所有：健康生活报社", "【字体：大 中 小】"),
    "saudeemdia": ("Continua após a publicidade", "Mais lidas", "Compartilhe esta notícia",
                   "Receba as notícias do Saúde em Dia no WhatsApp"),
    "salutedonna": ("Pubblicità", "Leggi anche", "Iscriviti alla newsletter di Salute Donna",
                    "Le informazioni non sostituiscono il parere del medico."),
    "zdrowiepl": ("Reklama", "Polecamy", "Udostępnij", "Zobacz także",
                  "Treści z serwisu mają charakter wyłącznie informacyjny."),
    "saglikrehberi": ("Reklam", "Çok Okunanlar", "Paylaş", "Haberin devamı için aşağı kaydırın",
                      "Bu haber bilgilendirme amaçlıdır."),
}
NAMES_BY_LANGUAGE = {
    "es": ("Lucía Fernández", "Diego Ramírez", "Carmen Ruiz", "Javier Ortega", "Marta Gil"),
    "cs": ("Tereza Nováková", "Jakub Dvořák", "Petra Svobodová", "Martin Černý", "Lenka Procházková"),
    "sv": ("Elin Lindberg", "Sofia Berg", "Johan Ek", "Maja Holm", "Oskar Sandberg"),
    "zh": ("王丽华", "李明", "张晓燕", "陈志强", "刘芳"),
    "pt": ("Camila Souza", "João Pereira", "Ana Ribeiro", "Rafael Costa", "Beatriz Lima"),
    "it": ("Giulia Romano", "Marco Bianchi", "Chiara Ferri", "Luca Galli", "Elena Conti"),
    "pl": ("Marta Kowalska", "Piotr Nowak", "Anna Wiśniewska", "Tomasz Zieliński", "Ewa Lewandowska"),
    "tr": ("Ayşe Yılmaz", "Mehmet Demir", "Zeynep Kaya", "Emre Şahin", "Elif Çelik"),
}
PHOTOGRAPHERS = ("Anders Nyström", "Karin Wall", "Per Lund")
EDITORS = ("赵敏", "孙伟", "周静")
CITIES = {"es": ("Madrid", "Barcelona", "Sevilla"), "tr": ("İSTANBUL", "ANKARA", "İZMİR")}
MONTHS = {
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "sv": "januari februari mars april maj juni juli augusti september oktober november december",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
}


def authors(rng: random.Random, publisher: str, language: str = "") -> tuple[str, ...]:
    """One author, often two for the publishers whose bylines list several."""
    pool = NAMES_BY_LANGUAGE[LANGUAGES[publisher]]
    first = rng.choice(pool)
    if publisher in ("vivirsano", "zdravotnik", "jiankangbao", "saudeemdia") and rng.random() < 0.4:
        second = rng.choice(pool)
        if second != first:
            return (first, second)
    return (first,)


def _pick(names: tuple[str, ...], published: str) -> str:
    return names[int(published[-2:]) % len(names)]


def _month(language: str, day: date) -> str:
    return MONTHS[language].split()[day.month - 1]


def lines(publisher: str, names: tuple[str, ...], published: str) -> dict[str, str]:
    """The byline, date and update lines a page of this article prints, by name, in its own words."""
    day = date.fromisoformat(published)
    later = day + timedelta(days=1 + int(published[-1]) % 3)
    if publisher == "vivirsano":
        return {"byline": f"Por {' y '.join(names)} | {_pick(CITIES['es'], published)}",
                "date": f"Publicado el {day.day} de {_month('es', day)} de {day.year}, 10:15",
                "updated": f"Actualizado el {later.day} de {_month('es', later)} de {later.year}, 08:30"}
    if publisher == "zdravotnik":
        label = "Autoři:" if len(names) > 1 else "Autor:"
        return {"byline": f"{label} {', '.join(names)}",
                "date": f"Publikováno {day.day}. {day.month}. {day.year} 10:15",
                "updated": f"Aktualizováno {later.day}. {later.month}. {later.year} 8:30"}
    if publisher == "halsokoll":
        return {"byline": f"Text: {names[0]}", "photo": f"Foto: {_pick(PHOTOGRAPHERS, published)}",
                "date": f"Publicerad {day.day} {_month('sv', day)} {day.year} kl. 10.15",
                "updated": f"Uppdaterad {later.day} {_month('sv', later)} {later.year} kl. 08.30"}
    if publisher == "jiankangbao":
        return {"date": f"发布时间：{day.year}年{day.month}月{day.day}日", "source": "来源：健康生活报",
                "byline": f"本报记者 {' '.join(names)}", "editor": f"责任编辑：{_pick(EDITORS, published)}"}
    if publisher == "saudeemdia":
        return {"byline": f"Por {' e '.join(names)}", "date": f"{day.day:02d}/{day.month:02d}/{day.year} 10h15",
                "updated": f"Atualizado há {1 + int(published[-1]) % 3} dias"}
    if publisher == "salutedonna":
        return {"byline": f"di {names[0]}",
                "date": f"{day.day} {_month('it', day)} {day.year} (modifica il {later.day} "
                        f"{_month('it', later)} {later.year} | 08:30)"}
    if publisher == "zdrowiepl":
        return {"byline": f"Autor: {names[0]}",
                "date": f"Opublikowano: {day.day:02d}.{day.month:02d}.{day.year}, 10:15",
                "reviewed": f"Konsultacja merytoryczna: lek. {_pick(('Adam Mazur', 'Ewa Krawczyk'), published)}"}
    return {"byline": f"{names[0]} | {_pick(CITIES['tr'], published)} (DHA)",
            "date": f"Giriş: {day.day:02d}.{day.month:02d}.{day.year} 10:15 | "
                    f"Güncelleme: {later.day:02d}.{later.month:02d}.{later.year} 08:30"}


def chrome_lines(publisher: str, language: str, names: tuple[str, ...], published: str) -> tuple[str, ...]:
    """Everything a page of this publisher prints that is not the article's text."""
    return (*CHROME[publisher], *lines(publisher, names, published).values())


def markers(publisher: str, language: str, number: int, total: int) -> tuple[str, str]:
    """The (top, bottom) position lines page ``number`` of ``total`` prints."""
    if publisher == "zdrowiepl" and number < total:
        return "", "Czytaj dalej na następnej stronie"
    if publisher == "salutedonna":
        return f"Pagina {number} di {total}", ""
    if publisher == "saglikrehberi" and number > 1:
        return "Haberin devamı", ""
    return "", ""
