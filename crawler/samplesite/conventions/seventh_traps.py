"""The seventh family's own traps: search results, older posts, a series of separate parts, translations, "Next:"."""
from __future__ import annotations

import random
from dataclasses import replace
from html import escape

from . import catalog, layout, pagers, text
from .catalog import Plan

TRAPS = ("search-results", "older-posts", "series-parts", "translation", "next-titled")


def _plan(rng: random.Random, key: str, publisher: str, group: str, path: str = "") -> Plan:
    """A one-page trap article, at ``path`` when given (``{base}`` filled in)."""
    title = text.headline(rng)
    base = f"/{publisher}/news/{text.slug(title)}"
    paths = pagers.page_paths("page-path", base, 1, rng) if not path else [path.format(base=base)]
    return catalog.new_plan(rng, key=key, group=group, kind="trap", publisher=publisher, paths=paths, title=title)


def _serial(key: str) -> int:
    return int(key.rsplit("-", 1)[1])


def _listing(title: str, cases: list, pager: str, language: str = "en") -> str:
    items = "".join(f'<li class="result"><h3><a href="{escape(c.page_urls[0])}">{escape(c.title)}</a></h3>'
                    f"<p>{escape(c.pages[0][0][:140])}</p></li>" for c in cases)
    return (f'<!DOCTYPE html><html lang="{language}"><head><meta charset="utf-8"><title>{escape(title)}</title></head>'
            f'<body><h1>{escape(title)}</h1><ol class="results">{items}</ol>{pager}</body></html>')


def _search_results(rng, key, publisher, others, documents) -> list[Plan]:
    """A one-page article whose sidebar shows the first search results for its topic, with "Page 2" of them."""
    plan = _plan(rng, key, publisher, "search-results")
    query = ("flu shots", "measles")[_serial(key) - 1]
    root = f"/{publisher}/search?q={query.replace(' ', '+')}"
    urls = [root] + [f"{root}&page={n}" for n in (2, 3)]
    mine = [o.case for o in others if o.case.publisher == publisher]
    for number, url in enumerate(urls, 1):
        pager = pagers.numbered_next(urls, number, next_label="Page 2" if number == 1 else "Next ›")
        documents[url] = _listing(f"Search results for {query} (page {number})", mine[number - 1::3][:4], pager)
    first = mine[:2]
    links = "".join(f'<li><a href="{escape(c.page_urls[0])}">{escape(c.title)}</a></li>' for c in first)
    plan.extra["sidebar"] = (f'<div class="site-search"><h2>Results for “{escape(query)}”</h2><ul>{links}</ul>'
                             f'<p class="search-pages">Results page 1 of 3 · '
                             f'<a href="{escape(urls[1])}">Page 2</a></p></div>')
    plan.case = replace(plan.case, chrome=plan.case.chrome + ("Results page 1 of 3",))
    return [plan]


def _older_posts(rng, key, publisher, others, documents) -> list[Plan]:
    """A one-page blog post whose footer pages through the blog: "Older posts" leads to page 2 of the blog."""
    plan = _plan(rng, key, publisher, "older-posts")
    urls = [f"/{publisher}/blog/"] + [f"/{publisher}/blog/page/{n}/" for n in (2, 3)]
    mine = [o.case for o in others if o.case.publisher == publisher]
    for number, url in enumerate(urls, 1):
        older = f'<a class="older" href="{escape(urls[number])}">Older posts</a>' if number < 3 else ""
        pager = f'<div class="blog-nav">{older}</div>'
        documents[url] = _listing(f"Health blog - page {number}", mine[number::3][:4], pager)
    label = "Older posts" if _serial(key) == 1 else "← Older posts"
    plan.extra["html"] = f'<div class="blog-nav"><a class="older" href="{escape(urls[1])}">{escape(label)}</a></div>'
    return [plan]


def _series_parts(rng, key, publisher, others, documents) -> list[Plan]:
    """A three-part series: each part its own article with its own byline and date, linked to the next part."""
    name = text.headline(rng)
    folder = f"/{publisher}/series/{text.slug(name, 24)}"
    parts = [_plan(rng, f"{key}{'' if n == 1 else f'-part{n}'}", publisher, "series-parts", f"{folder}/part-{n}")
             for n in (1, 2, 3)]
    label = f"Series: {name}"
    for n, part in enumerate(parts, 1):
        box = " · ".join(f"Part {m}" if m == n else f'<a href="{escape(p.case.page_urls[0])}">Part {m}</a>'
                         for m, p in enumerate(parts, 1))
        part.extra["sidebar"] = f'<div class="series-box"><p>{escape(label)}</p><p>{box}</p></div>'
        if n < 3:
            nxt = parts[n].case
            words = f"Read part {n + 1}: {nxt.title} →" if _serial(key) == 1 else f"Part {n + 1} of 3 →"
            part.extra["html"] = f'<p class="series-next"><a href="{escape(nxt.page_urls[0])}">{escape(words)}</a></p>'
        part.case = replace(part.case, chrome=part.case.chrome + (label,))
    return parts


def _translation(rng, key, publisher, others, documents) -> list[Plan]:
    """A one-page article linking its Spanish translation, a page of its own with the same template and people."""
    plan = _plan(rng, key, publisher, "translation")
    slug = plan.case.page_urls[0].rstrip("/").rsplit("/", 1)[1]
    target = f"/{publisher}/es/noticias/{slug}"
    case = plan.case
    view = layout.View(publisher=publisher, language="es", title=text.headline(rng, "es"), authors=case.authors,
                       published=case.published, number=1, total=1, paragraphs=list(text.page_text(rng, "es")),
                       dek=text.sentence(rng, "es", 8, 12), canonical=target)
    view.head.append(("alternate", case.page_urls[0]))
    documents[target] = layout.render(view)
    label = "Español" if _serial(key) == 1 else "Leer en español"
    plan.extra["html"] = (f'<p class="translations">Also available in: '
                          f'<a href="{escape(target)}" hreflang="es">{label}</a></p>')
    plan.case = replace(plan.case, chrome=plan.case.chrome + ("Also available in:",))
    return [plan]


def _next_titled(rng, key, publisher, others, documents) -> list[Plan]:
    """A one-page article ending with "Next: <title>" to another article of the site."""
    first = _plan(rng, key, publisher, "next-titled")
    second = _plan(rng, key + "-target", publisher, "next-titled")
    title = escape(second.case.title)
    href = escape(second.case.page_urls[0])
    if _serial(key) == 1:
        first.extra["html"] = f'<p class="next-story"><a href="{href}">Next: {title}</a></p>'
    else:
        first.extra["html"] = (f'<div class="read-next"><span>Next:</span> '
                               f'<a href="{href}" rel="next">{title} →</a></div>')
    return [first, second]


BUILDERS = {"search-results": _search_results, "older-posts": _older_posts, "series-parts": _series_parts,
            "translation": _translation, "next-titled": _next_titled}
