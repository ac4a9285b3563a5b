"""The ninth family's own traps: a series' next part, a news carousel, a photo gallery, "Continue Reading", comments."""
from __future__ import annotations

import random
from dataclasses import replace
from html import escape

from . import catalog, ninth_pagers, text
from .catalog import Plan

TRAPS = ("next-in-series", "carousel-pages", "photo-gallery", "continue-reading-story", "comment-view")


def _plan(rng: random.Random, key: str, publisher: str, group: str) -> Plan:
    """A one-page trap article."""
    title = text.headline(rng)
    paths = [f"/{publisher}/health/{text.slug(title)}"]
    return catalog.new_plan(rng, key=key, group=group, kind="trap", publisher=publisher, paths=paths, title=title)


def _serial(key: str) -> int:
    return int(key.rsplit("-", 1)[1])


def _page(title: str, inner: str) -> str:
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title></head>'
            f"<body><h1>{escape(title)}</h1>{inner}</body></html>")


def _next_in_series(rng, key, publisher, others, documents) -> list[Plan]:
    """Part 1 of a series ends with "Next in this series" to part 2: a separate article with its own byline."""
    first = _plan(rng, key, publisher, "next-in-series")
    second = _plan(rng, key + "-part2", publisher, "next-in-series")
    href, title = escape(second.case.page_urls[0]), escape(second.case.title)
    if _serial(key) == 1:
        first.extra["html"] = f'<p class="series-next"><a href="{href}">Next in this series: {title} →</a></p>'
    else:  # an arrow whose only words are its title attribute, like the family's own pagers
        first.extra["html"] = (f'<div class="series-nav"><span>Part 1 of 2</span> <a href="{href}" title="Next Page" '
                               f'class="arrow next"><i class="icon icon-chevron-right"></i></a></div>')
        first.case = replace(first.case, chrome=first.case.chrome + ("Part 1 of 2",))
    return [first, second]


def _carousel_pages(rng, key, publisher, others, documents) -> list[Plan]:
    """A one-page article whose "Latest news" box pages through the newsroom with a numbered pagination."""
    plan = _plan(rng, key, publisher, "carousel-pages")
    mine = [o.case for o in others if o.case.publisher == publisher]
    root = f"/{publisher}/news/latest-headlines"
    urls = [root] + [f"{root}?pg={n}&view=article" for n in (2, 3)]
    for number, url in enumerate(urls, 1):
        items = "".join(f'<li><a href="{escape(c.page_urls[0])}">{escape(c.title)}</a></li>'
                        for c in mine[number - 1::3][:4])
        documents[url] = _page(f"Latest news (page {number})", f"<ul>{items}</ul>"
                               + ninth_pagers.ul_pagination(urls, number))
    plan.extra["sidebar"] = (f'<div class="latest"><h2>Latest news</h2>'
                             f'{ninth_pagers.ul_pagination(urls, 1)}</div>')
    plan.case = replace(plan.case, chrome=plan.case.chrome + ("Latest news",))
    return [plan]


def _photo_gallery(rng, key, publisher, others, documents) -> list[Plan]:
    """A one-page article linking a photo gallery whose slides page with "Next Slide" and ``?slide=N``."""
    plan = _plan(rng, key, publisher, "photo-gallery")
    root = f"/{publisher}/gallery/{text.slug(plan.case.title, 30)}"
    urls = ninth_pagers.page_paths("slide-q", root, 6, rng)
    for number, url in enumerate(urls, 1):
        caption = f"<p>Slide {number} of 6</p><p>{escape(text.sentence(rng))}</p>"
        documents[url] = _page(f"Photos: {plan.case.title}", f'<img src="/img/{number}.jpg" alt="">{caption}'
                               + ninth_pagers.slide_next(urls, number))
    label = "View gallery (6 photos)" if _serial(key) == 1 else "Next Slide"
    plan.extra["html"] = f'<p class="gallery-link"><a href="{escape(urls[0])}">{label}</a></p>'
    plan.case = replace(plan.case, chrome=plan.case.chrome + (label,))
    return [plan]


def _continue_reading_story(rng, key, publisher, others, documents) -> list[Plan]:
    """An article ending with "Continue Reading" that opens the platform's next story, not more of this one."""
    first = _plan(rng, key, publisher, "continue-reading-story")
    second = _plan(rng, key + "-next", publisher, "continue-reading-story")
    href = escape(second.case.page_urls[0])
    label = "Continue Reading" if _serial(key) == 1 else "Continue to Page 2"
    first.extra["html"] = (f'<div class="next-story" data-component="up-next" data-story-id="x{_serial(key)}">'
                           f'<a class="btn-continue" href="{href}">{label}</a></div>')
    first.case = replace(first.case, chrome=first.case.chrome + (label,))
    return [first, second]


def _comment_view(rng, key, publisher, others, documents) -> list[Plan]:
    """A one-page article whose comments live at ``?pg=N&view=comments``, numbered like an article's pages."""
    plan = _plan(rng, key, publisher, "comment-view")
    page = plan.case.page_urls[0]
    urls = [f"{page}?pg={n}&view=comments" for n in (1, 2, 3)]
    for number, url in enumerate(urls, 1):
        notes = "".join(f'<div class="comment"><p>{escape(text.sentence(rng))}</p></div>' for _ in range(4))
        documents[url] = _page(f"Comments: {plan.case.title}", notes + ninth_pagers.ul_pagination(urls, number))
    plan.extra["html"] = (f'<div class="comments-teaser"><a href="{escape(urls[0])}">View Comments (12)</a>'
                          f'{ninth_pagers.continue_to_page(urls, 1)}</div>')
    plan.case = replace(plan.case, chrome=plan.case.chrome + ("View Comments (12)", "Continue to Page 2"))
    return [plan]


BUILDERS = {"next-in-series": _next_in_series, "carousel-pages": _carousel_pages, "photo-gallery": _photo_gallery,
            "continue-reading-story": _continue_reading_story, "comment-view": _comment_view}
