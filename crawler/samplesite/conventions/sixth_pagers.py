"""The sixth family's own URL schemes and pager widgets: conventions no other family of the site uses."""
from __future__ import annotations

import random
from html import escape

from . import text

SCHEMES = ("comma", "page-one", "zero-page", "subtitle", "section", "sayfa")
# The subtitles of a feature in parts: page N's URL is made of its subtitle, and the links name it.
SUBTITLES = ("Why it matters", "How the study worked", "What patients told us", "The costs nobody counts",
             "Where the research goes next")


def page_paths(scheme: str, base: str, count: int, rng: random.Random) -> list[str]:
    """The paths of pages 1..count in one of this family's schemes, ``base`` the article's URL stem."""
    folder, numbers = base.rsplit("/", 1)[0], range(2, count + 1)
    if scheme == "comma":  # "story,48213.html", then "story,48213,2.html"
        stem = f"{base},{rng.randrange(10**4, 10**5)}"
        return [f"{stem}.html"] + [f"{stem},{n}.html" for n in numbers]
    if scheme == "subtitle":  # every part its own slug, made of its subtitle, and a shared content number
        number = rng.randrange(10**5, 10**6)
        return [f"{base}-{number}"] + [f"{folder}/{text.slug(SUBTITLES[n - 1])}-{number}" for n in numbers]
    first, rest = {
        "page-one": (f"{base}?page=1", [f"{base}?page={n}" for n in numbers]),  # page 1 says so too
        "zero-page": (base, [f"{base}?page={n - 1}" for n in numbers]),  # a zero-based pager: page 2 is ?page=1
        "section": (base, [f"{base}/section-{n}" for n in numbers]),
        "sayfa": (f"{base}.html", [f"{base}/sayfa-{n}.html" for n in numbers]),
    }[scheme]
    return [first, *rest]


def _a(href: str, label: str, **attributes: str) -> str:
    extra = "".join(f' {name.rstrip("_").replace("_", "-")}="{escape(value)}"' for name, value in attributes.items())
    return f'<a href="{escape(href)}"{extra}>{escape(label)}</a>'


def fraction(paths: list[str], current: int, **_: str) -> str:
    """Tabs that read "1/3", "2/3", "3/3", the current one unlinked."""
    total = len(paths)
    items = [f'<span class="on">{n}/{total}</span>' if n == current else _a(p, f"{n}/{total}")
             for n, p in enumerate(paths, 1)]
    return f'<div class="story-tabs">{" ".join(items)}</div>'


def chevron(paths: list[str], current: int, **_: str) -> str:
    """Numbers and a lone "›" in a list whose classes are build hashes."""
    items = [f'<li class="Pager_item__Q3fZk Pager_active__1xVbe"><span>{n}</span></li>' if n == current
             else f'<li class="Pager_item__Q3fZk">{_a(p, str(n), class_="Pager_link__8cR2m")}</li>'
             for n, p in enumerate(paths, 1)]
    if current < len(paths):
        items.append(f'<li class="Pager_item__Q3fZk">{_a(paths[current], "›", class_="Pager_link__8cR2m")}</li>')
    return f'<ul class="Pager_list__x7Fq2">{"".join(items)}</ul>'


def drupal(paths: list[str], current: int, **_: str) -> str:
    """A Drupal pager: relative "?page=N" links (zero-based), "Next ›" and "Last »"."""
    def href(n: int) -> str:
        return paths[0] if n == 1 else "?" + paths[n - 1].split("?", 1)[1]

    items = []
    for n in range(1, len(paths) + 1):
        if n == current:
            items.append(f'<li class="pager__item is-active"><a href="{escape(href(n))}" title="Current page">'
                         f'<span class="visually-hidden">Current page</span>{n}</a></li>')
        else:
            items.append(f'<li class="pager__item"><a href="{escape(href(n))}" title="Go to page {n}">'
                         f'<span class="visually-hidden">Page</span>{n}</a></li>')
    if current < len(paths):
        items.append(f'<li class="pager__item pager__item--next"><a href="{escape(href(current + 1))}" '
                     'title="Go to next page" rel="next"><span aria-hidden="true">Next ›</span></a></li>')
        items.append(f'<li class="pager__item pager__item--last"><a href="{escape(href(len(paths)))}" '
                     'title="Go to last page"><span aria-hidden="true">Last »</span></a></li>')
    return f'<nav class="pager" role="navigation"><ul class="pager__items js-pager__items">{"".join(items)}</ul></nav>'


def part_of(paths: list[str], current: int, **_: str) -> str:
    """"Part 2 of 3: <subtitle>" links to the neighbouring parts, no word for next or previous."""
    total, links = len(paths), []
    for n in (current - 1, current + 1):
        if 1 <= n <= total:
            links.append(f'<p class="part-link">{_a(paths[n - 1], f"Part {n} of {total}: {SUBTITLES[n - 1]}")}</p>')
    return "".join(links)


def next_section(paths: list[str], current: int, **_: str) -> str:
    """Button-styled links: "Previous section" and "Next section"."""
    parts = [_a(paths[current - 2], "Previous section", role="button", class_="btn-ghost")] if current > 1 else []
    if current < len(paths):
        parts.append(_a(paths[current], "Next section", role="button", class_="btn-solid"))
    return f'<div class="section-nav">{" ".join(parts)}</div>'


WIDGETS = {"fraction": fraction, "chevron": chevron, "drupal": drupal, "part-of": part_of,
           "next-section": next_section}
