"""The fifth family's own traps: a one-page article with a pager-looking widget, a series, numbered neighbours."""
from __future__ import annotations

import random
from dataclasses import replace
from html import escape

from . import catalog, text
from .catalog import Plan

TRAPS = ("pager-lookalike", "series-next", "id-neighbour")


def _plan(rng: random.Random, key: str, publisher: str, group: str, path: str = "") -> Plan:
    """A one-page trap article, at ``path`` when given (``{slug}`` is filled in with its headline's slug)."""
    title = text.headline(rng)
    path = (path or f"/{publisher}/news/{{slug}}.html").format(slug=text.slug(title))
    return catalog.new_plan(rng, key=key, group=group, kind="trap", publisher=publisher, paths=[path], title=title)


def _serial(key: str) -> int:
    return int(key.rsplit("-", 1)[1])


def _pager_lookalike(rng, key, publisher, others, documents) -> list[Plan]:
    """One page, then a widget shaped like a pager: the section's listing pages, or a numbered top-stories strip."""
    plan = _plan(rng, key, publisher, "pager-lookalike")
    if _serial(key) == 1:
        urls = [f"/{publisher}/news/", f"/{publisher}/news/?page=2", f"/{publisher}/news/?page=3"]
        for number, url in enumerate(urls, 1):
            documents[url] = _listing(publisher, others, number, urls)
        links = " ".join(_a(u, str(n)) for n, u in enumerate(urls[1:], 2))
        plan.extra["html"] = (f'<nav class="pagination" aria-label="Pagination"><span class="current">1</span> '
                              f'{links} {_a(urls[1], "Next ›", class_="next")}</nav>')
        return [plan]
    targets = [o.case for o in others if o.case.publisher == publisher][1::5][:3]
    links = " ".join(_a(c.page_urls[0], str(n)) for n, c in enumerate(targets, 2))
    plan.extra["html"] = (f'<div class="pagination top-stories"><p class="label">Top stories</p>'
                          f'<span class="current">1</span> {links} '
                          f'{_a(targets[0].page_urls[0], "›", class_="next")}</div>')
    plan.case = replace(plan.case, chrome=plan.case.chrome + ("Top stories",))
    return [plan]


def _listing(publisher: str, others: list[Plan], number: int, urls: list[str]) -> str:
    cases = [o.case for o in others if o.case.publisher == publisher][number::4][:6]
    items = "".join(f'<li><h2><a href="{escape(c.page_urls[0])}">{escape(c.title)}</a></h2>'
                    f"<p>{escape(c.pages[0][0][:140])}</p></li>" for c in cases)
    pager = " ".join(f"<b>{n}</b>" if n == number else _a(u, str(n)) for n, u in enumerate(urls, 1))
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>News, page {number}</title></head>'
            f'<body><h1>News</h1><ul class="river">{items}</ul><nav class="pagination">{pager}</nav></body></html>')


def _series_next(rng, key, publisher, others, documents) -> list[Plan]:
    """Part 1 of a series links part 2: another article, with its own headline, byline and date."""
    series = text.headline(rng, "en").split()
    folder = f"/{publisher}/series/{text.slug(' '.join(series[:3]))}"
    first = _plan(rng, key, publisher, "series-next", f"{folder}/1-{{slug}}.html")
    second = _plan(rng, key + "-target", publisher, "series-next", f"{folder}/2-{{slug}}.html")
    name = "Series: " + " ".join(series[:3])
    for number, plan in enumerate((first, second), 1):
        banner = f"{name} · Part {number} of 2"
        plan.extra["sidebar"] = f'<div class="series-banner"><p>{escape(banner)}</p></div>'
        plan.case = replace(plan.case, chrome=plan.case.chrome + (banner,))
    first.extra["html"] = (f'<p class="series-next">'
                           f'{_a(second.case.page_urls[0], "Part 2 of our series: " + second.case.title + " →")}</p>')
    second.extra["html"] = f'<p class="series-prev">{_a(first.case.page_urls[0], "← Part 1: " + first.case.title)}</p>'
    return [first, second]


def _id_neighbour(rng, key, publisher, others, documents) -> list[Plan]:
    """Two stories at article.php?id=N and ?id=N+1, the first linking the second as related or as the next post."""
    number = rng.randrange(10**4, 10**5)
    first = _plan(rng, key, publisher, "id-neighbour", f"/{publisher}/news/article.php?id={number}")
    second = _plan(rng, key + "-target", publisher, "id-neighbour", f"/{publisher}/news/article.php?id={number + 1}")
    target = second.case.page_urls[0]
    if _serial(key) == 1:
        first.extra["html"] = f'<p class="related"><b>Related:</b> {_a(target, second.case.title)}</p>'
    else:
        first.extra["html"] = f'<nav class="post-nav">{_a(target, "Next post ›", rel="next")}</nav>'
    return [first, second]


def _a(href: str, label: str, **attributes: str) -> str:
    extra = "".join(f' {name.rstrip("_")}="{escape(value)}"' for name, value in attributes.items())
    return f'<a href="{escape(href)}"{extra}>{escape(label)}</a>'


BUILDERS = {"pager-lookalike": _pager_lookalike, "series-next": _series_next, "id-neighbour": _id_neighbour}
