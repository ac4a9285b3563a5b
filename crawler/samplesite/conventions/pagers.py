"""How the conventions site numbers an article's pages (URL schemes) and links them (pager widgets)."""
from __future__ import annotations

import random
from html import escape

from . import eighth_pagers, eleventh_pagers, fifth_pagers, ninth_pagers, seventh_pagers, sixth_pagers, tenth_pagers, twelfth_pagers


def page_paths(scheme: str, base: str, count: int, rng: random.Random) -> list[str]:
    """The paths (with query) of pages 1..count of an article whose URL stem is ``base``."""
    if scheme in fifth_pagers.SCHEMES:
        return fifth_pagers.page_paths(scheme, base, count, rng)
    if scheme in sixth_pagers.SCHEMES:
        return sixth_pagers.page_paths(scheme, base, count, rng)
    if scheme in seventh_pagers.SCHEMES:
        return seventh_pagers.page_paths(scheme, base, count, rng)
    if scheme in eighth_pagers.SCHEMES:
        return eighth_pagers.page_paths(scheme, base, count, rng)
    if scheme in ninth_pagers.SCHEMES:
        return ninth_pagers.page_paths(scheme, base, count, rng)
    if scheme in tenth_pagers.SCHEMES:
        return tenth_pagers.page_paths(scheme, base, count, rng)
    if scheme in eleventh_pagers.SCHEMES:
        return eleventh_pagers.page_paths(scheme, base, count, rng)
    if scheme in twelfth_pagers.SCHEMES:
        return twelfth_pagers.page_paths(scheme, base, count, rng)
    numbers = range(2, count + 1)
    if scheme == "opaque":  # nothing in the URL says "page": only the link can
        return [f"{base}.html"] + [f"{base.rsplit('/', 1)[0]}/r{rng.randrange(10**5, 10**6)}.html" for _ in numbers]
    first, rest = {
        "dash": (f"{base}.html", [f"{base}-{n}.html" for n in numbers]),
        "underscore": (f"{base}.html", [f"{base}_{n}.html" for n in numbers]),
        "slash": (f"{base}/", [f"{base}/{n}/" for n in numbers]),
        "page-path": (base, [f"{base}/page/{n}" for n in numbers]),
        "page": (f"{base}.html", [f"{base}.html?page={n}" for n in numbers]),
        "pg": (f"{base}.html", [f"{base}.html?pg={n}" for n in numbers]),
        "p": (f"{base}.html", [f"{base}.html?p={n}" for n in numbers]),
        "start": (f"{base}.html", [f"{base}.html?start={10 * (n - 1)}" for n in numbers]),
        "pagewanted": (f"{base}.html", [f"{base}.html?pagewanted={n}" for n in numbers]),
        "index": (f"{base}/index.html", [f"{base}/index{n}.html" for n in numbers]),
        "part": (f"{base}.html", [f"{base}/part-{n}.html" for n in numbers]),
        "step": (f"{base}/", [f"{base}/step-{n}" for n in numbers]),
        "dot": (f"{base}.html", [f"{base}.{n}.html" for n in numbers]),
        "pagina": (f"{base}.html", [f"{base}.html?pagina={n}" for n in numbers]),
        "sida": (f"{base}/", [f"{base}/sida/{n}" for n in numbers]),
        "p-suffix": (f"{base}.html", [f"{base}-p{n}.html" for n in numbers]),
        "bare": (base, [f"{base}/{n}" for n in numbers]),
        "seite": (f"{base}.html", [f"{base}.html?seite={n}" for n in numbers]),
        "strona": (f"{base}.html", [f"{base},strona,{n}.html" for n in numbers]),
    }[scheme]
    return [first, *rest]


# Pager widgets. Each takes the article's page paths and the current page (1-based) and returns HTML.

def _anchor(href: str, text: str, **attributes: str) -> str:
    extra = "".join(f' {name.rstrip("_").replace("_", "-")}="{escape(value)}"' for name, value in attributes.items())
    return f'<a href="{escape(href)}"{extra}>{escape(text)}</a>'


def _numbers(paths: list[str], current: int) -> str:
    items = [f'<li class="current"><span>{n}</span></li>' if n == current else f"<li>{_anchor(p, str(n))}</li>"
             for n, p in enumerate(paths, 1)]
    return f'<ol class="page-numbers">{"".join(items)}</ol>'


def numbered_next(paths: list[str], current: int, *, next_label: str = "Next ›", prev_label: str = "‹ Prev") -> str:
    """A numbered list with previous/next links: the most common widget."""
    parts = [_anchor(paths[current - 2], prev_label, class_="prev")] if current > 1 else []
    parts.append(_numbers(paths, current))
    if current < len(paths):
        parts.append(_anchor(paths[current], next_label, class_="next"))
    return "\n".join(parts)


def numbers_only(paths: list[str], current: int, **_: str) -> str:
    """Page numbers and nothing else."""
    return _numbers(paths, current)


def next_only(paths: list[str], current: int, *, next_label: str = "Next", prev_label: str = "Previous") -> str:
    """One text link forward (and one back)."""
    parts = [_anchor(paths[current - 2], prev_label, class_="back")] if current > 1 else []
    if current < len(paths):
        parts.append(_anchor(paths[current], next_label))
    return " ".join(parts)


def page_of(paths: list[str], current: int, **_: str) -> str:
    """Links that read "Page 2 of 4"."""
    total = len(paths)
    return " | ".join(_anchor(p, f"Page {n} of {total}") for n, p in enumerate(paths, 1) if n != current)


def arrows(paths: list[str], current: int, **_: str) -> str:
    """Image-only arrows named by aria-label."""
    parts = []
    if current > 1:
        parts.append(f'<a href="{escape(paths[current - 2])}" aria-label="Previous page" class="arrow">'
                     '<img src="/static/arrow-left.svg" alt=""></a>')
    if current < len(paths):
        parts.append(f'<a href="{escape(paths[current])}" aria-label="Next page" class="arrow">'
                     '<img src="/static/arrow-right.svg" alt=""></a>')
    return " ".join(parts)


def buttons(paths: list[str], current: int, *, next_label: str = "Next", prev_label: str = "Back") -> str:
    """Buttons, each wrapping its link."""
    parts = []
    if current > 1:
        parts.append(f'<button type="button" class="btn">{_anchor(paths[current - 2], prev_label)}</button>')
    if current < len(paths):
        parts.append(f'<button type="button" class="btn btn-primary">{_anchor(paths[current], next_label)}</button>')
    return " ".join(parts)


def load_more(paths: list[str], current: int, **_: str) -> str:
    """A script-driven button with no link: the next page is named only by rel=next in the head."""
    return '<button type="button" class="load-more" data-action="more">Load more</button>' if current < len(paths) else ""


def fragments(paths: list[str], current: int, *, next_label: str = "Next", **_: str) -> str:
    """Links to #page=N handled by a script that loads the server page named in data-href."""
    items = []
    for n, path in enumerate(paths, 1):
        if n != current:
            items.append(f'<a href="#page={n}" data-href="{escape(path)}">{n}</a>')
    if current < len(paths):
        items.append(f'<a href="#page={current + 1}" data-href="{escape(paths[current])}">{escape(next_label)}</a>')
    return " ".join(items)


def inline(paths: list[str], current: int, *, next_label: str = "Read the rest of this story", **_: str) -> str:
    """A sentence-like link inside the text."""
    return f"<p><em>{_anchor(paths[current], next_label)}</em></p>" if current < len(paths) else ""


def pipe_numbers(paths: list[str], current: int, **_: str) -> str:
    """"Pages: 1 | 2 | 3" in running text, the current number in bold."""
    items = [f"<b>{n}</b>" if n == current else _anchor(p, str(n)) for n, p in enumerate(paths, 1)]
    return "<p>Pages: " + " | ".join(items) + "</p>"


def title_arrow(paths: list[str], current: int, **_: str) -> str:
    """Bare "«" and "»" links named only by their title attribute."""
    parts = [_anchor(paths[current - 2], "«", title="Previous page")] if current > 1 else []
    if current < len(paths):
        parts.append(_anchor(paths[current], "»", title="Next page"))
    return " ".join(parts)


def select(paths: list[str], current: int, **_: str) -> str:
    """A "Page 2 of 3" drop-down that a script follows, and a bare arrow link to the next page."""
    total = len(paths)
    options = "".join(f'<option value="{escape(p)}"{" selected" if n == current else ""}>Page {n} of {total}</option>'
                      for n, p in enumerate(paths, 1))
    arrow = _anchor(paths[current], "→", class_="go", aria_label="Go to next page") if current < total else ""
    return f'<form class="jump"><select name="page" onchange="location=this.value">{options}</select></form>{arrow}'


def load_page(paths: list[str], current: int, **_: str) -> str:
    """A "Load page N" link a script follows through data-href, with a real href for readers without it."""
    if current == len(paths):
        return ""
    target = paths[current]
    return (f'<a class="load-page" href="{escape(target)}" data-href="{escape(target)}?partial=1" '
            f'data-action="append">Load page {current + 1}</a>')


WIDGETS = {
    "numbered-next": numbered_next, "numbers": numbers_only, "next": next_only, "page-of": page_of,
    "arrows": arrows, "buttons": buttons, "load-more": load_more, "fragments": fragments, "inline": inline,
    "pipe-numbers": pipe_numbers, "title-arrow": title_arrow, "select": select, "load-page": load_page,
    **fifth_pagers.WIDGETS, **sixth_pagers.WIDGETS, **seventh_pagers.WIDGETS,
    **eighth_pagers.WIDGETS, **ninth_pagers.WIDGETS, **tenth_pagers.WIDGETS, **eleventh_pagers.WIDGETS,
    **twelfth_pagers.WIDGETS,
}
