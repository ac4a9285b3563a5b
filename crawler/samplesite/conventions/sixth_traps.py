"""The sixth family's own traps: up-next links, paginated comments, zero-based listings, partial views, steps, series."""
from __future__ import annotations

import random
from dataclasses import replace
from html import escape

from . import catalog, layout, pagers, sixth_pagers, text
from .catalog import Plan

TRAPS = ("up-next", "comment-chevrons", "category-zero-page", "one-page-partial", "numbered-steps",
         "series-neighbour")
STEPS = ("Prepare", "Measure", "Record", "Review")


def _plan(rng: random.Random, key: str, publisher: str, group: str, path: str = "", pages: int = 1,
          scheme: str = "") -> Plan:
    """A trap article, at ``path`` when given (``{slug}`` filled in), else in a scheme of ``pages`` pages."""
    title = text.headline(rng)
    base = f"/{publisher}/news/{text.slug(title)}"
    paths = pagers.page_paths(scheme, base, pages, rng) if scheme else [(path or "{base}").format(base=base)]
    return catalog.new_plan(rng, key=key, group=group, kind="trap", publisher=publisher, paths=paths, title=title)


def _serial(key: str) -> int:
    return int(key.rsplit("-", 1)[1])


def _view(plan: Plan, paragraphs: list[str], extra: str = "") -> layout.View:
    case = plan.case
    return layout.View(publisher=case.publisher, language=case.language, title=case.title, authors=case.authors,
                       published=case.published, number=1, total=1, paragraphs=paragraphs, dek=plan.dek, extra=extra)


def _up_next(rng, key, publisher, others, documents) -> list[Plan]:
    """A one-page article ending in an "Up next" card, or a "Keep reading:" link, to another article."""
    first = _plan(rng, key, publisher, "up-next")
    second = _plan(rng, key + "-target", publisher, "up-next")
    target, title = second.case.page_urls[0], escape(second.case.title)
    if _serial(key) == 1:
        first.extra["html"] = (f'<div class="up-next"><p class="label">Up next</p>'
                               f'<a href="{escape(target)}">{title} ›</a></div>')
        first.case = replace(first.case, chrome=first.case.chrome + ("Up next",))
    else:
        first.extra["html"] = f'<p class="keep-reading"><a href="{escape(target)}">Keep reading: {title}</a></p>'
    return [first, second]


def _comment_chevrons(rng, key, publisher, others, documents) -> list[Plan]:
    """Reader comments paginated with the same numbers-and-"›" widget articles use, at ?commentPage=N or ?page=N."""
    plan = _plan(rng, key, "kinetic", "comment-chevrons")
    page1 = plan.case.page_urls[0]
    name = "commentPage" if _serial(key) == 1 else "page"
    urls = [page1] + [f"{page1}?{name}={n}" for n in (2, 3)]
    comments = [[text.sentence(rng, "en", 6, 12) for _ in range(3)] for _ in urls]
    for number in (2, 3):
        documents[urls[number - 1]] = layout.render(_view(plan, [], _comments(comments[number - 1], urls, number)))
    plan.extra["html"] = _comments(comments[0], urls, 1)
    plan.case = replace(plan.case, chrome=plan.case.chrome + tuple(c for page in comments for c in page))
    return [plan]


def _comments(items: list[str], urls: list[str], number: int) -> str:
    posts = "".join(f'<div class="css-c0mm3nt"><p class="css-7ql6fj">{escape(c)}</p></div>' for c in items)
    return f'<div class="css-comments" id="comments">{posts}{sixth_pagers.chevron(urls, number)}</div>'


def _category_zero_page(rng, key, publisher, others, documents) -> list[Plan]:
    """A one-page article whose sidebar pages through its topic with a zero-based pager (?page=1 is page 2)."""
    plan = _plan(rng, key, "apothecary", "category-zero-page")
    root = "/apothecary/topics/nutrition" if _serial(key) == 1 else "/apothecary/news"
    urls = [root, f"{root}?page=1", f"{root}?page=2"]
    for number, url in enumerate(urls, 1):
        documents[url] = _listing(others, number, urls)
    # The listing's own pager links "?page=N" relative to the listing; on the article they must name the listing.
    pager = sixth_pagers.drupal(urls, 1).replace('href="?', f'href="{root}?')
    plan.extra["sidebar"] = f'<div class="block-views"><h2>More in this topic</h2>{pager}</div>'
    plan.case = replace(plan.case, chrome=plan.case.chrome + ("More in this topic",))
    return [plan]


def _listing(others: list[Plan], number: int, urls: list[str]) -> str:
    cases = [o.case for o in others if o.case.publisher == "apothecary"][number - 1::3][:5]
    items = "".join(f'<div class="views-row"><h2><a href="{escape(c.page_urls[0])}">{escape(c.title)}</a></h2>'
                    f"<p>{escape(c.pages[0][0][:150])}</p></div>" for c in cases)
    return (f'<!DOCTYPE html><html lang="en-US"><head><meta charset="utf-8"><title>Topic | The Apothecary Journal'
            f'</title></head><body><h1>Topic</h1><div class="view-content">{items}</div>'
            f"{sixth_pagers.drupal(urls, number)}</body></html>")


def _one_page_partial(rng, key, publisher, others, documents) -> list[Plan]:
    """A three-page article whose "Read as one page" view stops after page 2 behind a subscription line."""
    plan = _plan(rng, key, publisher, "one-page-partial", pages=3, scheme="comma")
    plan.convention = catalog.Convention("comma", "comma", "fraction")
    view_url = f"/{publisher}/single/{plan.case.page_urls[0].rsplit(',', 1)[1].removesuffix('.html')}"
    wall = "Subscribe to read the rest of this article."
    view = _view(plan, [*plan.case.pages[0], *plan.case.pages[1]], f"<p>{wall}</p>")
    documents[view_url] = layout.render(view)
    plan.extra["html"] = f'<p class="tools"><a href="{view_url}">Read as one page</a></p>'
    plan.case = replace(plan.case, alternates=(view_url,), chrome=plan.case.chrome + ("Read as one page",))
    return [plan]


def _steps(path: str, active: int) -> str:
    items = "".join(f'<li class="{"on" if n == active else ""}"><a href="{escape(path)}?step={n}">{n}</a></li>'
                    for n in range(1, len(STEPS) + 1))
    forward = f'<a class="step-next" href="{escape(path)}?step={active + 1}">›</a>' if active < len(STEPS) else ""
    return (f'<div class="howto-steps"><p class="step-label">Step {active} of {len(STEPS)}: {STEPS[active - 1]}</p>'
            f"<ol>{items}</ol>{forward}</div>")


def _numbered_steps(rng, key, publisher, others, documents) -> list[Plan]:
    """A one-page article with a how-to widget whose numbered "?step=N" links serve the same article again."""
    plan = _plan(rng, key, publisher, "numbered-steps")
    path = plan.case.page_urls[0]
    for active in range(2, len(STEPS) + 1):
        documents[f"{path}?step={active}"] = layout.render(_view(plan, list(plan.case.pages[0]), _steps(path, active)))
    plan.extra["html"] = _steps(path, 1)
    plan.case = replace(plan.case, chrome=plan.case.chrome + (f"Step 1 of {len(STEPS)}: {STEPS[0]}",))
    return [plan]


def _series_neighbour(rng, key, publisher, others, documents) -> list[Plan]:
    """Two articles of a series at story,N.html and story,N+1.html, linked as previous and next in the series."""
    number = rng.randrange(10**4, 10**5)
    first = _plan(rng, key, publisher, "series-neighbour", f"{{base}},{number}.html")
    second = _plan(rng, key + "-target", publisher, "series-neighbour", f"{{base}},{number + 1}.html")
    name = "Series: " + " ".join(first.case.title.split()[:3])
    forward = f"Next in series: {second.case.title} ›" if _serial(key) == 1 else "Part 2 ›"
    first.extra["html"] = f'<p class="series-nav"><a href="{escape(second.case.page_urls[0])}">{escape(forward)}</a></p>'
    second.extra["html"] = (f'<p class="series-nav"><a href="{escape(first.case.page_urls[0])}">'
                            f"‹ Previous in series</a></p>")
    for plan in (first, second):
        plan.extra["sidebar"] = f'<div class="series-box"><p>{escape(name)}</p></div>'
        plan.case = replace(plan.case, chrome=plan.case.chrome + (name,))
    return [first, second]


BUILDERS = {"up-next": _up_next, "comment-chevrons": _comment_chevrons, "category-zero-page": _category_zero_page,
            "one-page-partial": _one_page_partial, "numbered-steps": _numbered_steps,
            "series-neighbour": _series_neighbour}
