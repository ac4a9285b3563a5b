"""The eleventh family's traps, each in its publishers' own words: links that look like a next page and are not."""
from __future__ import annotations

import random
from dataclasses import replace
from html import escape

from . import catalog, layout, pagers, text
from .catalog import Plan
from .eleventh import LANGUAGES
from .eleventh_pages import LEAD_REPEAT

TRAPS = ("cpage-plain", "next-article-local", "next-in-series-local", "related-numbered", "tag-listing-paged",
         "gallery-next-photo", "print-view-local", "lead-repeat")
# Two publishers per trap, chosen here rather than by the family so that every language meets some trap.
PUBLISHERS = {"cpage-plain": ("vivirsano", "saudeemdia"), "next-article-local": ("zdravotnik", "jiankangbao"),
              "next-in-series-local": ("halsokoll", "salutedonna"), "related-numbered": ("zdrowiepl", "saglikrehberi"),
              "tag-listing-paged": ("zdravotnik", "vivirsano"), "gallery-next-photo": ("halsokoll", "jiankangbao"),
              "print-view-local": ("salutedonna", "zdrowiepl"), "lead-repeat": ("saudeemdia", "vivirsano")}


def _serial(key: str) -> int:
    return int(key.rsplit("-", 1)[1])


def _convention(publisher: str) -> catalog.Convention:
    """The publisher's own pagination convention, as the family's conventions give it."""
    family = catalog.FAMILIES["eleventh"]
    name = next(name for name, owner in family.publisher_of if owner == publisher)
    return next(c for c in family.more if c.name == name)


def _plan(rng: random.Random, key: str, group: str, pages: int = 1) -> Plan:
    publisher = PUBLISHERS[group][_serial(key.split("-target")[0].split("-part")[0]) - 1]
    language, convention = LANGUAGES[publisher], _convention(publisher)
    title = text.headline(rng, language)
    base = f"/{publisher}/{language}/{text.slug(title)}"
    paths = pagers.page_paths(convention.scheme, base, pages, rng)
    plan = catalog.new_plan(rng, key=key, group=group, kind="trap", publisher=publisher, language=language,
                            paths=paths, title=title)
    plan.convention = convention if pages > 1 else None
    return plan


def _with(url: str, query: str) -> str:
    return f"{url}&{query}" if "?" in url else f"{url}?{query}"


def _page(plan: Plan, paragraphs: list[str], extra: str) -> str:
    """Another page in the article's template: its headline, other text."""
    case = plan.case
    return layout.render(layout.View(publisher=case.publisher, language=case.language, title=case.title,
                                     authors=case.authors, published=case.published, number=1, total=1,
                                     paragraphs=paragraphs, extra=extra))


def _cpage_plain(rng, key, publisher, others, documents) -> list[Plan]:
    """Paged comments at "?cpage=2", no fragment; the first comment page repeats the whole article."""
    plan = _plan(rng, key, "cpage-plain")
    language, first = plan.case.language, plan.case.page_urls[0]
    label = {"es": "Comentarios anteriores »", "pt": "Comentários anteriores »"}[language]
    target = _with(first, "cpage=2")
    comments = [[text.sentence(rng, language, 6, 10) for _ in range(3)] for _ in range(2)]
    for number, items in enumerate(comments, 1):
        lis = "".join(f'<li class="comment"><p>{escape(c)}</p></li>' for c in items)
        nav = f'<a href="{escape(target)}">{escape(label)}</a> <a href="{escape(target)}">2</a>' if number == 1 else \
            f'<a href="{escape(first)}">1</a>'
        block = (f'<section id="comments"><ol class="commentlist">{lis}</ol>'
                 f'<div class="comment-nav">{nav}</div></section>')
        if number == 1:
            plan.extra["html"] = block
        else:  # serial 1: WordPress repeats the article above the older comments; serial 2: comments only
            documents[target] = _page(plan, list(plan.case.pages[0]) if _serial(key) == 1 else [], block)
    plan.case = replace(plan.case, chrome=plan.case.chrome + tuple(comments[0]))
    return [plan]


def _next_article(rng, key, publisher, others, documents) -> list[Plan]:
    """"Další článek: ..." or "下一篇：..." after the text, to another article of the site."""
    first = _plan(rng, key, "next-article-local")
    target = _plan(rng, key + "-target", "next-article-local", pages=2)
    word = "Další článek:" if first.case.language == "cs" else "下一篇："
    first.extra["html"] = (f'<div class="dalsi-clanek"><span>{escape(word)}</span> <a class="next" '
                           f'href="{escape(target.case.page_urls[0])}">{escape(target.case.title)}</a></div>')
    return [first, target]


def _next_in_series(rng, key, publisher, others, documents) -> list[Plan]:
    """Part one of a series links part two, a separate article with its own headline, byline and date."""
    one = _plan(rng, key, "next-in-series-local", pages=2)
    two = _plan(rng, key + "-part2", "next-in-series-local")
    word = {"sv": ("Nästa del i serien", "Föregående del"), "it": ("Prossima puntata", "Puntata precedente")}
    forward, back = word[one.case.language]
    one.extra["html"] = (f'<p class="serie"><a href="{escape(two.case.page_urls[0])}">{escape(forward)}: '
                         f"{escape(two.case.title)} ›</a></p>")
    two.extra["html"] = f'<p class="serie"><a href="{escape(one.case.page_urls[0])}">‹ {escape(back)}</a></p>'
    return [one, two]


def _related_numbered(rng, key, publisher, others, documents) -> list[Plan]:
    """A ranked related list whose links read "1", "2", "3" (or "2. Title"), beside a real pager or none."""
    plan = _plan(rng, key, "related-numbered", pages=_serial(key))
    mine = [o.case for o in others if o.case.publisher == plan.case.publisher][:3]
    if _serial(key) == 1:
        items = "".join(f'<li><a href="{escape(c.page_urls[0])}">{n}</a> {escape(c.title)}</li>'
                        for n, c in enumerate(mine, 1))
    else:
        items = "".join(f'<li><a href="{escape(c.page_urls[0])}">{n}. {escape(c.title)}</a></li>'
                        for n, c in enumerate(mine, 1))
    plan.extra["html"] = f'<div class="ranking"><ol>{items}</ol></div>'
    return [plan]


def _tag_listing(rng, key, publisher, others, documents) -> list[Plan]:
    """A tag listing in the sidebar, paged like the site's articles ("?strana=2", "/2.html")."""
    plan = _plan(rng, key, "tag-listing-paged", pages=_serial(key))
    publisher = plan.case.publisher
    root = f"/{publisher}/tema/zdravi" if publisher == "zdravotnik" else f"/{publisher}/etiqueta/salud.html"
    urls = [root] + ([f"{root}?strana={n}" for n in (2, 3)] if publisher == "zdravotnik"
                     else [root.replace(".html", f"/{n}.html") for n in (2, 3)])
    cases = [o.case for o in others if o.case.publisher == publisher]
    widget = "select-dalsi" if publisher == "zdravotnik" else "pipes-siguiente"
    for number, url in enumerate(urls, 1):
        items = "".join(f'<li><a href="{escape(c.page_urls[0])}">{escape(c.title)}</a></li>'
                        for c in cases[number - 1::3][:4])
        documents[url] = (f'<!DOCTYPE html><html lang="{plan.case.language}"><head><meta charset="utf-8">'
                          f"<title>Tag {number}</title></head><body><h1>{escape(root)}</h1><ul>{items}</ul>"
                          f"{pagers.WIDGETS[widget](urls, number)}</body></html>")
    plan.extra["sidebar"] = f'<div class="tag-box">{pagers.WIDGETS[widget](urls, 1)}</div>'
    return [plan]


def _gallery(rng, key, publisher, others, documents) -> list[Plan]:
    """A photo gallery in the article's template, its headline repeated, "Nästa bild" or "下一张" to go on."""
    plan = _plan(rng, key, "gallery-next-photo")
    publisher, language = plan.case.publisher, plan.case.language
    ident = rng.randrange(10**4, 10**5)
    urls = [f"/{publisher}/bildspel/{ident}/bild-{n}" if language == "sv" else f"/{publisher}/tupian/{ident}_{n}.html"
            for n in (1, 2, 3)]
    word = "Nästa bild ›" if language == "sv" else "下一张"
    for number, url in enumerate(urls, 1):
        nxt = f'<a class="next" href="{escape(urls[number])}">{escape(word)}</a>' if number < len(urls) else ""
        caption = text.sentence(rng, language, 5, 9)
        strip = f'<div class="galleri"><img src="/img/{ident}-{number}.jpg" alt="">{nxt}</div>'
        documents[url] = _page(plan, [caption], strip)
    plan.extra["html"] = f'<p class="galleri-lank"><a href="{escape(urls[0])}">{escape(word)}</a></p>'
    return [plan]


def _print_view(rng, key, publisher, others, documents) -> list[Plan]:
    """A three-page article with a print link to its whole text on one page."""
    plan = _plan(rng, key, "print-view-local", pages=3)
    first = plan.case.page_urls[0]
    view = _with(first, "stampa=1") if plan.case.language == "it" else first.replace("/pl/", "/drukuj/", 1)
    word = "Stampa" if plan.case.language == "it" else "Drukuj"
    plan.case = replace(plan.case, alternates=(view,))
    plan.extra["html"] = f'<p class="tools"><a href="{escape(view)}" rel="nofollow">{word}</a></p>'
    return [plan]


def _lead_repeat(rng, key, publisher, others, documents) -> list[Plan]:
    """A paged article whose every later page opens with page 1's lead paragraph again."""
    plan = _plan(rng, key, "lead-repeat", pages=2 + _serial(key))
    plan.extra["html"] = f"{LEAD_REPEAT}{plan.case.pages[0][0]}{LEAD_REPEAT}"
    return [plan]


BUILDERS = {"cpage-plain": _cpage_plain, "next-article-local": _next_article, "next-in-series-local": _next_in_series,
            "related-numbered": _related_numbered, "tag-listing-paged": _tag_listing, "gallery-next-photo": _gallery,
            "print-view-local": _print_view, "lead-repeat": _lead_repeat}
