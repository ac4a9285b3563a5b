"""The twelfth family's traps: links an English-language health site prints that look like a next page."""
from __future__ import annotations

import random
from dataclasses import replace
from html import escape

from . import catalog, layout, pagers, text
from .catalog import Plan
from .twelfth import LANGUAGES

TRAPS = ("next-colon-title", "part-two-series", "comments-page-query", "newsletter-archive", "author-page-paged",
         "printable-pdf", "view-all-listing", "shared-factbox")
PUBLISHERS = {"next-colon-title": ("glow", "stbrendans"), "part-two-series": ("capehealth", "kidneyaid"),
              "comments-page-query": ("waikatoledger", "santeouest"), "newsletter-archive": ("medbulletin", "chemistplus"),
              "author-page-paged": ("glow", "gesundplus"), "printable-pdf": ("kidneyaid", "healthprotect"),
              "view-all-listing": ("chemistplus", "waikatoledger"), "shared-factbox": ("healthprotect", "medbulletin")}
FACTBOX = "Key facts: the condition is common, it is treatable, and most people recover fully within weeks."


def _serial(key: str) -> int:
    return int(key.split("-target")[0].split("-part")[0].rsplit("-", 1)[1])


def _convention(publisher: str) -> catalog.Convention:
    """The publisher's own pagination convention, as the family's conventions give it."""
    family = catalog.FAMILIES["twelfth"]
    name = next(name for name, owner in family.publisher_of if owner == publisher)
    return next(c for c in family.more if c.name == name)


def _plan(rng: random.Random, key: str, group: str, pages: int = 1) -> Plan:
    publisher = PUBLISHERS[group][_serial(key) - 1]
    language, convention = LANGUAGES[publisher], _convention(publisher)
    title = text.headline(rng, language)
    base = f"/{publisher}/{'news' if language == 'en' else language}/{text.slug(title)}"
    paths = pagers.page_paths(convention.scheme, base, pages, rng)
    plan = catalog.new_plan(rng, key=key, group=group, kind="trap", publisher=publisher, language=language,
                            paths=paths, title=title)
    plan.convention = convention if pages > 1 else None
    return plan


def _page(plan: Plan, paragraphs: list[str], extra: str) -> str:
    """Another page in the article's template: its headline, other text."""
    case = plan.case
    return layout.render(layout.View(publisher=case.publisher, language=case.language, title=case.title,
                                     authors=case.authors, published=case.published, number=1, total=1,
                                     paragraphs=paragraphs, extra=extra))


def _listing(documents: dict, urls: list[str], heading: str, cases: list, word: str = "Next page ›") -> None:
    """A paged listing of article links at ``urls``, each page linking the next."""
    for number, url in enumerate(urls, 1):
        items = "".join(f'<li><a href="{escape(c.page_urls[0])}">{escape(c.title)}</a></li>'
                        for c in cases[number - 1::len(urls)][:4])
        nxt = f'<a rel="next" href="{escape(urls[number])}">{escape(word)}</a>' if number < len(urls) else ""
        prev = f'<a href="{escape(urls[number - 2])}">‹ Previous</a>' if number > 1 else ""
        documents[url] = (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{escape(heading)} '
                          f"- page {number}</title></head><body><h1>{escape(heading)}</h1><ul>{items}</ul>"
                          f'<div class="pager">{prev} {nxt}</div></body></html>')


def _next_colon(rng, key, publisher, others, documents) -> list[Plan]:
    """"Next: <another article's headline>" at the foot of a one-page article."""
    first = _plan(rng, key, "next-colon-title")
    target = _plan(rng, key + "-target", "next-colon-title", pages=2)
    first.extra["html"] = (f'<div class="up-next"><a href="{escape(target.case.page_urls[0])}">Next: '
                           f"{escape(target.case.title)}</a></div>")
    return [first, target]


def _part_two(rng, key, publisher, others, documents) -> list[Plan]:
    """Part 1 of a series (two pages) links Part 2, a separate article with its own byline and date."""
    one = _plan(rng, key, "part-two-series", pages=2)
    two = _plan(rng, key + "-part2", "part-two-series")
    one.extra["html"] = (f'<p class="series">This is part 1 of a series. <a href="{escape(two.case.page_urls[0])}">'
                         f"Part 2: {escape(two.case.title)} →</a></p>")
    two.extra["html"] = f'<p class="series"><a href="{escape(one.case.page_urls[0])}">← Part 1</a></p>'
    return [one, two]


def _comments(rng, key, publisher, others, documents) -> list[Plan]:
    """Reader comments paged at "?comments-page=2", whose page repeats the article's first page."""
    plan = _plan(rng, key, "comments-page-query", pages=_serial(key))
    language, first = plan.case.language, plan.case.page_urls[0]
    target = f"{first}&comments-page=2" if "?" in first else f"{first}?comments-page=2"
    label = {"en": "Older comments »", "fr": "Commentaires plus anciens »"}[language]
    comments = [[text.sentence(rng, language, 6, 10) for _ in range(3)] for _ in range(2)]
    for number, items in enumerate(comments, 1):
        lis = "".join(f'<li class="comment"><p>{escape(c)}</p></li>' for c in items)
        nav = f'<a href="{escape(target)}">{escape(label)}</a>' if number == 1 else f'<a href="{escape(first)}">1</a>'
        block = f'<section class="comments"><ol>{lis}</ol><div class="comments-nav">{nav}</div></section>'
        if number == 1:
            plan.extra["html"] = block
        else:
            documents[target] = _page(plan, list(plan.case.pages[0]), block)
    plan.case = replace(plan.case, chrome=plan.case.chrome + tuple(comments[0]))
    return [plan]


def _newsletter(rng, key, publisher, others, documents) -> list[Plan]:
    """A sidebar link to the newsletter archive, itself paged "?page=2"."""
    plan = _plan(rng, key, "newsletter-archive", pages=1 + _serial(key))
    root = f"/{plan.case.publisher}/newsletters/"
    _listing(documents, [root, f"{root}?page=2", f"{root}?page=3"], "Newsletter archive",
             [o.case for o in others if o.case.publisher == plan.case.publisher], "Older issues ›")
    plan.extra["sidebar"] = f'<div class="nl-archive"><a href="{root}">Newsletter archive</a></div>'
    return [plan]


def _author_page(rng, key, publisher, others, documents) -> list[Plan]:
    """"More from A": the author's page, paged "/page/2/"."""
    plan = _plan(rng, key, "author-page-paged", pages=_serial(key) * 2)
    name = plan.case.authors[0]
    root = f"/{plan.case.publisher}/author/{text.slug(name)}/"
    _listing(documents, [root, f"{root}page/2/"], name, [o.case for o in others if o.case.publisher == plan.case.publisher])
    word = "Mehr von" if plan.case.language == "de" else "More from"
    plan.extra["html"] = f'<p class="more-by"><a href="{root}">{word} {escape(name)}</a></p>'
    return [plan]


def _pdf(rng, key, publisher, others, documents) -> list[Plan]:
    """A "Download printable PDF" link beside a paged article's text."""
    plan = _plan(rng, key, "printable-pdf", pages=2 + _serial(key))
    pdf = f"/{plan.case.publisher}/files/{plan.case.page_urls[0].rsplit('/', 1)[1].split('.')[0]}.pdf"
    plan.extra["html"] = f'<p class="download"><a href="{pdf}" type="application/pdf">Download printable PDF (240 KB)</a></p>'
    return [plan]


def _view_all(rng, key, publisher, others, documents) -> list[Plan]:
    """"View all" after the related list: a topic listing, not the article on one page."""
    plan = _plan(rng, key, "view-all-listing", pages=_serial(key) + 1)
    root = f"/{plan.case.publisher}/topics/heart-health/"
    _listing(documents, [root, f"{root}?page=2"], "Heart health",
             [o.case for o in others if o.case.publisher == plan.case.publisher])
    plan.extra["sidebar"] = f'<p class="view-all"><a href="{root}">View all</a></p>'
    return [plan]


def _factbox(rng, key, publisher, others, documents) -> list[Plan]:
    """A paged article whose every page prints the same key-facts paragraph beside its text."""
    plan = _plan(rng, key, "shared-factbox", pages=2 + _serial(key))
    plan.extra["html"] = f'<aside class="factbox"><p>{FACTBOX}</p></aside>'
    plan.case = replace(plan.case, chrome=plan.case.chrome + (FACTBOX,))
    return [plan]


BUILDERS = {"next-colon-title": _next_colon, "part-two-series": _part_two, "comments-page-query": _comments,
            "newsletter-archive": _newsletter, "author-page-paged": _author_page, "printable-pdf": _pdf,
            "view-all-listing": _view_all, "shared-factbox": _factbox}
