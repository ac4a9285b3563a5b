"""The ninth family's own URL schemes and pager widgets: conventions no other family of the site uses."""
from __future__ import annotations

import random
from html import escape

SCHEMES = ("bare-slash", "slide-q", "pg-view", "page-html", "item-path", "pagenum")
# What a listicle's "Next: ..." link names: the heading of the next item, never the word "page".
HEADINGS = ("You wake up tired", "Your ankles swell by evening", "You are thirsty all day",
            "Small cuts heal slowly", "Your vision blurs after meals")
SVG = ('<svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="false" role="img"><title>{label}</title>'
       '<path d="M9 6l6 6-6 6"/></svg>')


def page_paths(scheme: str, base: str, count: int, rng: random.Random) -> list[str]:
    """The paths of pages 1..count in one of this family's schemes, ``base`` the article's URL stem."""
    numbers = range(2, count + 1)
    first, rest = {
        "bare-slash": (base, [f"{base}/{n}" for n in numbers]),  # "/story/2", no slash after
        "slide-q": (base, [f"{base}?slide={n}" for n in numbers]),
        "pg-view": (f"{base}.html", [f"{base}.html?pg={n}&view=article" for n in numbers]),
        "page-html": (f"{base}/", [f"{base}/page-{n}.html" for n in numbers]),
        "item-path": (base, [f"{base}/item/{n}" for n in numbers]),
        "pagenum": (f"{base}/", [f"{base}/?pagenum={n}" for n in numbers]),
    }[scheme]
    return [first, *rest]


def _a(href: str, inner: str, **attributes: str) -> str:
    """A link; ``inner`` is HTML."""
    extra = "".join(f' {name.rstrip("_").replace("_", "-")}="{escape(value)}"' for name, value in attributes.items())
    return f'<a href="{escape(href)}"{extra}>{inner}</a>'


def svg_arrow(paths: list[str], current: int, **_: str) -> str:
    """Two arrows whose only words are the <title> of their SVG."""
    parts = []
    if current > 1:
        parts.append(_a(paths[current - 2], SVG.format(label="Previous page"), class_="pager__prev"))
    if current < len(paths):
        parts.append(_a(paths[current], SVG.format(label="Next page"), class_="pager__next",
                        data_track="pagination-next"))
    return f'<div class="pager" data-component="pager">{"".join(parts)}</div>'


def slide_next(paths: list[str], current: int, **_: str) -> str:
    """"Previous Slide" and "Next Slide" buttons; the last slide offers nothing further."""
    parts = []
    if current > 1:
        parts.append(_a(paths[current - 2], "Previous Slide", class_="btn btn-prev", data_slide=str(current - 1)))
    if current < len(paths):
        parts.append(_a(paths[current], "Next Slide", class_="btn btn-next", data_slide=str(current + 1)))
    return f'<div class="slide-controls">{" ".join(parts)}</div>'


def ul_pagination(paths: list[str], current: int, **_: str) -> str:
    """A Bootstrap-style <ul class="pagination"> of numbers only, the current one a <span>."""
    items = [f'<li class="page-item active" aria-current="page"><span class="page-link">{n}</span></li>'
             if n == current else f'<li class="page-item">{_a(p, str(n), class_="page-link")}</li>'
             for n, p in enumerate(paths, 1)]
    return f'<nav aria-label="Article pages"><ul class="pagination">{"".join(items)}</ul></nav>'


def continue_to_page(paths: list[str], current: int, **_: str) -> str:
    """A big "Continue to Page N" button, nothing else."""
    if current >= len(paths):
        return ""
    return f'<div class="continue-wrap">{_a(paths[current], f"Continue to Page {current + 1}", class_="btn-continue")}</div>'


def next_heading(paths: list[str], current: int, **_: str) -> str:
    """"Next: <the next item's heading>" and "Previous" in words."""
    parts = []
    if current > 1:
        parts.append(_a(paths[current - 2], "Previous", class_="list-prev"))
    if current < len(paths):
        parts.append('<span class="next-label">Next:</span> '
                     + _a(paths[current], escape(HEADINGS[(current - 1) % len(HEADINGS)]), class_="list-next"))
    return f'<div class="list-nav">{" ".join(parts)}</div>'


def title_arrows(paths: list[str], current: int, **_: str) -> str:
    """Icon links with no text at all: only a ``title`` attribute says what they do."""
    parts = []
    if current > 1:
        parts.append(_a(paths[current - 2], '<i class="icon icon-chevron-left"></i>', title="Previous Page",
                        class_="arrow prev"))
    if current < len(paths):
        parts.append(_a(paths[current], '<i class="icon icon-chevron-right"></i>', title="Next Page",
                        class_="arrow next"))
    return f'<div class="paging-arrows">{"".join(parts)}</div>'


def number_spans(paths: list[str], current: int, **_: str) -> str:
    """Page numbers as plain text spans (a script makes them clickable) and one "»" link to the next page."""
    spans = " ".join(f'<span class="pg{" on" if n == current else ""}" data-pg="{n}">{n}</span>'
                     for n in range(1, len(paths) + 1))
    arrow = _a(paths[current], "»", aria_label="Next page", class_="pg-next") if current < len(paths) else ""
    return f'<div class="pg-list">{spans} {arrow}</div>'


WIDGETS = {"svg-arrow": svg_arrow, "slide-next": slide_next, "ul-pagination": ul_pagination,
           "continue-to-page": continue_to_page, "next-heading": next_heading, "title-arrows": title_arrows,
           "number-spans": number_spans}
