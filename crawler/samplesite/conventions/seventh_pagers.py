"""The seventh family's own URL schemes and pager widgets: conventions no other family of the site uses."""
from __future__ import annotations

import random
from html import escape

from . import text

SCHEMES = ("article-page", "p-path", "page-dir", "upper-htm", "toc", "aspx", "halaman")
# The sections of a guide split over pages and listed in its contents: page N is section N.
SECTIONS = ("Overview", "Causes", "Treatment", "Outlook", "Living with it")


def page_paths(scheme: str, base: str, count: int, rng: random.Random) -> list[str]:
    """The paths of pages 1..count in one of this family's schemes, ``base`` the article's URL stem."""
    folder, slug = base.rsplit("/", 1)
    numbers = range(2, count + 1)
    if scheme == "article-page":  # a content id first, the page second: "?id=4821&article_page=2"
        first = f"{base}?id={rng.randrange(1000, 10**4)}"
        return [first] + [f"{first}&article_page={n}" for n in numbers]
    if scheme == "upper-htm":  # an old newsroom system that shouts its paths
        site, section = folder.rsplit("/", 1)
        stem = f"{site}/{section.upper()}/{slug.upper()}"
        return [f"{stem}.htm"] + [f"{stem}/{n}.htm" for n in numbers]
    if scheme == "toc":
        return [base] + [f"{base}/{text.slug(SECTIONS[n - 1])}" for n in numbers]
    first, rest = {
        "p-path": (base, [f"{base}/p{n}" for n in numbers]),
        "page-dir": (f"{base}/", [f"{base}/page-{n}/index.html" for n in numbers]),
        "aspx": (f"{base}.aspx", [f"{base}.aspx?PageNum={n}" for n in numbers]),
        "halaman": (f"{base}/", [f"{base}/halaman-{n}" for n in numbers]),  # page 1 has the trailing slash
    }[scheme]
    return [first, *rest]


def _a(href: str, label: str, **attributes: str) -> str:
    extra = "".join(f' {name.rstrip("_").replace("_", "-")}="{escape(value)}"' for name, value in attributes.items())
    return f'<a href="{escape(href)}"{extra}>{escape(label)}</a>'


def paged_query(paths: list[str], current: int, **_: str) -> str:
    """Numbers and "Next part" in a list; the hrefs carry two query parameters joined by &amp;."""
    items = [f'<li class="current" aria-current="page">{n}</li>' if n == current else f"<li>{_a(p, str(n))}</li>"
             for n, p in enumerate(paths, 1)]
    if current < len(paths):
        items.append(f'<li class="next">{_a(paths[current], "Next part")}</li>')
    return f'<ul class="article-paging">{"".join(items)}</ul>'


def sentence(paths: list[str], current: int, **_: str) -> str:
    """A closing sentence whose last words link the next page: "There is more to this report on page 2 →"."""
    if current >= len(paths):
        return ""
    return (f'<p class="more-note">There is more to this report on '
            f"{_a(paths[current], f'page {current + 1} →')}</p>")


def dir_numbers(paths: list[str], current: int, **_: str) -> str:
    """"Page 1 2 3" and "Continue →" in a labelled nav."""
    items = [f"<strong>{n}</strong>" if n == current else _a(p, str(n)) for n, p in enumerate(paths, 1)]
    if current < len(paths):
        items.append(_a(paths[current], "Continue →", class_="continue"))
    return f'<nav class="story-pages" aria-label="Story pages"><span>Page</span> {" ".join(items)}</nav>'


def table_pager(paths: list[str], current: int, **_: str) -> str:
    """A layout table: "Page:", the numbers, "Next &gt;&gt;"."""
    cells = [f"<td><b>{n}</b></td>" if n == current else f"<td>{_a(p, str(n))}</td>" for n, p in enumerate(paths, 1)]
    if current < len(paths):
        cells.append(f"<td>{_a(paths[current], 'Next >>')}</td>")
    return f'<table class="pgnav" border="0"><tr><td>Page:</td>{"".join(cells)}</tr></table>'


def contents(paths: list[str], current: int, **_: str) -> str:
    """The guide's contents at the top of every page: each section its own page, the current one unlinked."""
    items = [f'<li aria-current="page">{escape(SECTIONS[n - 1])}</li>' if n == current
             else f"<li>{_a(p, SECTIONS[n - 1])}</li>" for n, p in enumerate(paths, 1)]
    return f'<nav class="guide-contents" aria-label="Contents"><h2>Contents</h2><ol>{"".join(items)}</ol></nav>'


def page_form(paths: list[str], current: int, **_: str) -> str:
    """A GET form with a page-number box, and one plain link to the next page beside it."""
    action, total = paths[0], len(paths)
    form = (f'<form method="get" action="{escape(action)}" class="goto"><label for="PageNum">Go to page</label> '
            f'<input id="PageNum" name="PageNum" type="number" min="1" max="{total}" value="{current}"> '
            f'of {total} <button type="submit">Go</button></form>')
    link = ""
    if current < total:
        link = f'<p class="goto-next">{_a(paths[current], f"Continue to page {current + 1}")}</p>'
    return form + link


WIDGETS = {"paged-query": paged_query, "sentence": sentence, "dir-numbers": dir_numbers, "table-pager": table_pager,
           "contents": contents, "page-form": page_form}
