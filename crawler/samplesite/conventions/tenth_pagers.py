"""The tenth family's own URL schemes and pager widgets: conventions no other family of the site uses."""
from __future__ import annotations

import random
from html import escape

SCHEMES = ("wp-slash", "p-html", "zh-id", "cs-strana", "offset-start", "htm-number", "sv-sida")


def page_paths(scheme: str, base: str, count: int, rng: random.Random) -> list[str]:
    """The paths of pages 1..count in one of this family's schemes, ``base`` the article's URL stem."""
    folder = base.rsplit("/", 1)[0]
    numbers = range(2, count + 1)
    if scheme == "zh-id":  # a Chinese portal: date folder and a numeric id, "_2" before the suffix
        stem = f"{folder}/202{rng.randrange(0, 6)}{rng.randrange(1, 13):02d}/t{rng.randrange(10**7, 10**8)}"
        return [f"{stem}.shtml"] + [f"{stem}_{n}.shtml" for n in numbers]
    if scheme == "offset-start":  # a portal CMS: the content id, then the paragraph offset of the page
        first = f"{folder}/articulo.php?id={rng.randrange(10**4, 10**5)}"
        return [first] + [f"{first}&start={20 * (n - 1)}" for n in numbers]
    first, rest = {
        "wp-slash": (f"{base}/", [f"{base}/{n}/" for n in numbers]),  # WordPress <!--nextpage-->
        "p-html": (f"{base}.html", [f"{base}-p{n}.html" for n in numbers]),
        "cs-strana": (base, [f"{base}?strana={n}" for n in numbers]),
        "htm-number": (f"{base}/", [f"{base}/{n}.htm" for n in numbers]),
        "sv-sida": (base, [f"{base}?sida={n}" for n in numbers]),
    }[scheme]
    return [first, *rest]


def _a(href: str, label: str, css: str = "") -> str:
    klass = f' class="{css}"' if css else ""
    return f'<a href="{escape(href)}"{klass}>{escape(label)}</a>'


def wp_links(paths: list[str], current: int, **_: str) -> str:
    """WordPress wp_link_pages: "Pages: 1 2 3", the current one a span, no next link."""
    items = [f'<span class="post-page-numbers current" aria-current="page">{n}</span>' if n == current
             else _a(p, str(n), "post-page-numbers") for n, p in enumerate(paths, 1)]
    return f'<p class="post-nav-links">Pages: {" ".join(items)}</p>'


def strong_numbers(paths: list[str], current: int, **_: str) -> str:
    """Only "1 2 3", the current one in <strong>: nothing says "page" or "next"."""
    items = [f"<strong>{n}</strong>" if n == current else _a(p, str(n)) for n, p in enumerate(paths, 1)]
    return f'<div class="pg">{" ".join(items)}</div>'


def _worded(paths: list[str], current: int, before: str, after: str, css: str, numbers: bool = True) -> str:
    items = [_a(paths[current - 2], before)] if current > 1 and before else []
    if numbers:
        items += [f'<span class="on">{n}</span>' if n == current else _a(p, str(n)) for n, p in enumerate(paths, 1)]
    if current < len(paths):
        items.append(_a(paths[current], after, "next"))
    return f'<div class="{css}">{" ".join(items)}</div>'


def xiayiye(paths: list[str], current: int, **_: str) -> str:
    """A Chinese portal's pager: "上一页 1 2 3 下一页"."""
    return _worded(paths, current, "上一页", "下一页", "page_nav")


def dalsi(paths: list[str], current: int, **_: str) -> str:
    """A Czech pager: "« Předchozí", numbers, "Další »"."""
    return _worded(paths, current, "« Předchozí", "Další »", "strankovani")


def siguiente(paths: list[str], current: int, **_: str) -> str:
    """A Latin American portal's bare "Siguiente →", no numbers."""
    return _worded(paths, current, "← Anterior", "Siguiente →", "paginacion", numbers=False)


def devami(paths: list[str], current: int, **_: str) -> str:
    """A Turkish "Devamı" (the rest) link after the text, nothing else."""
    if current >= len(paths):
        return ""
    return f'<p class="devami">{_a(paths[current], "Devamı için tıklayın »")}</p>'


def sida_av(paths: list[str], current: int, **_: str) -> str:
    """"Sida 1 av 3" and "Nästa sida ›" in a Swedish article footer."""
    nxt = f" {_a(paths[current], 'Nästa sida ›')}" if current < len(paths) else ""
    return f'<div class="sidnav"><span>Sida {current} av {len(paths)}</span>{nxt}</div>'


WIDGETS = {"wp-links": wp_links, "strong-numbers": strong_numbers, "xiayiye": xiayiye, "dalsi": dalsi,
           "siguiente": siguiente, "devami": devami, "sida-av": sida_av}
