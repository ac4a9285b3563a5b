"""The twelfth family's URL schemes and pager widgets, each the way its kind of publisher writes them."""
from __future__ import annotations

import random
from html import escape

SCHEMES = ("tw-pagenum", "tw-p-path", "tw-matrix", "tw-currentpage", "tw-page-folder", "tw-offset", "tw-pagen",
           "tw-part", "tw-numpage", "tw-seite")
HEAD = "<!--head:"  # a widget's rel=prev/next links, moved into <head> by the template


def page_paths(scheme: str, base: str, count: int, rng: random.Random) -> list[str]:
    """The paths of pages 1..count in one of this family's schemes, ``base`` the article's URL stem."""
    numbers = range(2, count + 1)
    if scheme == "tw-offset":  # a "Load more" link: the next six paragraphs' offset
        step = rng.choice((5, 6, 8))
        return [base] + [f"{base}?offset={step * (n - 1)}" for n in numbers]
    first, rest = {
        "tw-pagenum": (base, [f"{base}?pageNum={n}" for n in numbers]),
        "tw-p-path": (f"{base}.html", [f"{base}/p/{n}.html" for n in numbers]),
        "tw-matrix": (base, [f"{base};page={n}" for n in numbers]),
        "tw-currentpage": (base, [f"{base}?currentPage={n}" for n in numbers]),
        "tw-page-folder": (f"{base}/", [f"{base}/page-{n}/" for n in numbers]),
        "tw-pagen": (base, [f"{base}/page{n}" for n in numbers]),
        "tw-part": (base, [f"{base}?part={n}" for n in numbers]),
        "tw-numpage": (f"{base}.html", [f"{base}.html?numpage={n}" for n in numbers]),
        "tw-seite": (f"{base}.html", [f"{base}_seite_{n}.html" for n in numbers]),
    }[scheme]
    return [first, *rest]


def _a(href: str, label: str, css: str = "", rel: str = "") -> str:
    klass = f' class="{css}"' if css else ""
    rel = f' rel="{rel}"' if rel else ""
    return f'<a href="{escape(href)}"{klass}{rel}>{escape(label)}</a>'


def read_page(paths: list[str], current: int, **_: str) -> str:
    """"Read page 2 →" under the text; the last page offers "Back to page 1" instead."""
    if current < len(paths):
        return f'<p class="read-on">{_a(paths[current], f"Read page {current + 1} →")}</p>'
    return f'<p class="read-on">{_a(paths[0], "← Back to page 1")}</p>'


def gov_pagination(paths: list[str], current: int, **_: str) -> str:
    """A government design-system pager: Previous, numbers (the current one aria-current), Next."""
    items = [f'<li class="previous">{_a(paths[current - 2], "Previous", rel="prev")}</li>'] if current > 1 else []
    for n, p in enumerate(paths, 1):
        link = f'<a href="{escape(p)}" aria-current="page">{n}</a>' if n == current else _a(p, str(n))
        items.append(f"<li>{link}</li>")
    if current < len(paths):
        items.append(f'<li class="next">{_a(paths[current], "Next", rel="next")}</li>')
    return f'<nav aria-label="Pagination"><ul class="pagination">{"".join(items)}</ul></nav>'


def footer_pages(paths: list[str], current: int, **_: str) -> str:
    """"Pages: 1 2 3 Next page", printed in the article's own <footer>."""
    items = [f"<strong>{n}</strong>" if n == current else _a(p, str(n)) for n, p in enumerate(paths, 1)]
    nxt = f" {_a(paths[current], 'Next page', 'next-page')}" if current < len(paths) else ""
    return f'<div class="page-links"><span>Pages:</span> {" ".join(items)}{nxt}</div>'


def keep_reading(paths: list[str], current: int, **_: str) -> str:
    """A big "Keep reading" button; later pages add a "Back" button."""
    back = _a(paths[current - 2], "Back", "btn btn--secondary") if current > 1 else ""
    nxt = _a(paths[current], "Keep reading", "btn btn--primary") if current < len(paths) else ""
    return f'<div class="article-continue">{back}{nxt}</div>'


def next_slide(paths: list[str], current: int, **_: str) -> str:
    """A listicle's slide controls: "‹ Previous slide", "2/5", "Next slide ›"."""
    prev = _a(paths[current - 2], "‹ Previous slide", "slide-prev") if current > 1 else ""
    nxt = _a(paths[current], "Next slide ›", "slide-next") if current < len(paths) else ""
    return f'<div class="slide-nav">{prev} <span class="count">{current}/{len(paths)}</span> {nxt}</div>'


def load_more(paths: list[str], current: int, **_: str) -> str:
    """A "Load more" link that scripts would fetch in place; its href is the next chunk."""
    if current == len(paths):
        return ""
    offset = paths[current].rsplit("=", 1)[1]
    return (f'<div class="load-more-wrap"><a class="load-more" data-offset="{offset}" '
            f'href="{escape(paths[current])}">Load more</a></div>')


def gapped_numbers(paths: list[str], current: int, **_: str) -> str:
    """"« Previous 1 … 3 4 5 Next »" with gaps; rel links in <head> only from page 2; "Back to page 1" last."""
    total, shown, last = len(paths), [], 0
    for n in range(1, total + 1):
        if n in (1, total) or abs(n - current) <= 1:
            if last and n - last > 1:
                shown.append('<span class="gap">…</span>')
            shown.append(f'<span class="current">{n}</span>' if n == current else _a(paths[n - 1], str(n)))
            last = n
    prev = _a(paths[current - 2], "« Previous") if current > 1 else ""
    nxt = _a(paths[current], "Next »") if current < total else _a(paths[0], "Back to page 1")
    head = ""
    if current > 1:
        links = [("prev", paths[current - 2])] + ([("next", paths[current])] if current < total else [])
        head = f"{HEAD}{';'.join(f'{rel}={href}' for rel, href in links)}-->"
    return f'{head}<div class="pager">{prev} {" ".join(shown)} {nxt}</div>'


def article_continues(paths: list[str], current: int, **_: str) -> str:
    """An "Article continues" button (a link styled as one) where the page is cut."""
    if current == len(paths):
        return ""
    return (f'<div class="continues"><a class="button" role="button" href="{escape(paths[current])}">'
            f"Article continues ▾</a></div>")


def suivante(paths: list[str], current: int, **_: str) -> str:
    """"« Page précédente  Page 2/3  Page suivante »"."""
    prev = _a(paths[current - 2], "« Page précédente") if current > 1 else ""
    nxt = _a(paths[current], "Page suivante »", "suivante") if current < len(paths) else ""
    return f'<div class="pagination-article">{prev} <span>Page {current}/{len(paths)}</span> {nxt}</div>'


def weiterlesen(paths: list[str], current: int, **_: str) -> str:
    """"Weiterlesen auf Seite 3 ›" and the page numbers in a row below."""
    numbers = " ".join(f"<b>{n}</b>" if n == current else _a(p, str(n)) for n, p in enumerate(paths, 1))
    nxt = f'<p class="weiter">{_a(paths[current], f"Weiterlesen auf Seite {current + 1} ›")}</p>' \
        if current < len(paths) else ""
    return f'{nxt}<div class="seiten">{numbers}</div>'


WIDGETS = {"tw-read-page": read_page, "tw-gov-pagination": gov_pagination, "tw-footer-pages": footer_pages,
           "tw-keep-reading": keep_reading, "tw-next-slide": next_slide, "tw-load-more": load_more,
           "tw-gapped-numbers": gapped_numbers, "tw-article-continues": article_continues,
           "tw-suivante": suivante, "tw-weiterlesen": weiterlesen}
