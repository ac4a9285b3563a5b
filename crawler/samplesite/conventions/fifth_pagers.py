"""The fifth family's own URL schemes and pager widgets: conventions no other family of the site uses."""
from __future__ import annotations

import random
from html import escape

SCHEMES = ("roman", "id-part", "pageno", "slug-id", "hyphen-page", "pn", "sivu", "hex")
ROMAN = ("I", "II", "III", "IV", "V")
# The chapter titles a multi-part feature names in its "Next:" link: pager text, never body text.
CHAPTERS = ("Where it starts", "What the trials found", "Living with it day to day", "What doctors still argue about",
            "Questions to ask at your next visit")


def page_paths(scheme: str, base: str, count: int, rng: random.Random) -> list[str]:
    """The paths of pages 1..count in one of this family's schemes, ``base`` the article's URL stem."""
    folder, numbers = base.rsplit("/", 1)[0], range(2, count + 1)
    if scheme == "id-part":  # an old CMS: the article is a number, its page a second parameter
        first = f"{folder}/article.php?id={rng.randrange(10**4, 10**5)}"
        return [first] + [f"{first}&part={n}" for n in numbers]
    # "slug-12345.html", then "slug-12345-2.html". Not "slug,12345.html" as some publishers print it:
    # `folio crawl --url` reads a comma in a URL as the end of the URL, so such a first page cannot be given.
    if scheme == "slug-id":
        stem = f"{base}-{rng.randrange(10**4, 10**5)}"
        return [f"{stem}.html"] + [f"{stem}-{n}.html" for n in numbers]
    if scheme == "hex":  # every page its own content id: the URLs share nothing but the folder
        site = base.split("/")[1]
        return [f"{base}.html"] + [f"/{site}/c/{rng.getrandbits(40):010x}" for _ in numbers]
    first, rest = {
        "roman": (f"{base}.html", [f"{base}-part-{ROMAN[n - 1].lower()}.html" for n in numbers]),
        "pageno": (f"{base}.html", [f"{base}.html?pageno={n}" for n in numbers]),
        "hyphen-page": (f"{base}.html", [f"{base}-page-{n}.html" for n in numbers]),
        "pn": (f"{base}.html", [f"{base}.html?pn={n}" for n in numbers]),
        "sivu": (f"{base}/", [f"{base}/?sivu={n}" for n in numbers]),
    }[scheme]
    return [first, *rest]


def _a(href: str, text: str, **attributes: str) -> str:
    extra = "".join(f' {name.rstrip("_").replace("_", "-")}="{escape(value)}"' for name, value in attributes.items())
    return f'<a href="{escape(href)}"{extra}>{escape(text)}</a>'


def roman(paths: list[str], current: int, **_: str) -> str:
    """"Part I · II · III": roman numerals only, the current one in bold."""
    items = [f"<strong>{ROMAN[n - 1]}</strong>" if n == current else _a(p, ROMAN[n - 1])
             for n, p in enumerate(paths, 1)]
    return '<p class="parts">Part ' + " · ".join(items) + "</p>"


def next_title(paths: list[str], current: int, **_: str) -> str:
    """A chapter list and a "Next: <title of the next chapter>" link."""
    items = "".join(f"<li>{escape(CHAPTERS[n - 1])}</li>" if n == current else f"<li>{_a(p, CHAPTERS[n - 1])}</li>"
                    for n, p in enumerate(paths, 1))
    forward = f'<p class="up-next">{_a(paths[current], "Next: " + CHAPTERS[current])}</p>' if current < len(paths) else ""
    return f'<ol class="chapters">{items}</ol>{forward}'


def dots(paths: list[str], current: int, **_: str) -> str:
    """Empty dot links named only by aria-label, the current one marked with aria-current."""
    total = len(paths)
    items = [f'<span class="dot is-active" aria-current="page" aria-label="Page {n} of {total}"></span>' if n == current
             else f'<a class="dot" href="{escape(p)}" aria-label="Page {n} of {total}"></a>'
             for n, p in enumerate(paths, 1)]
    return f'<div class="dots" role="navigation">{"".join(items)}</div>'


def select_only(paths: list[str], current: int, **_: str) -> str:
    """A drop-down of pages whose option values are the URLs, and no link at all."""
    options = "".join(f'<option value="{escape(p)}"{" selected" if n == current else ""}>Page {n}</option>'
                      for n, p in enumerate(paths, 1))
    return (f'<label class="jump">Jump to <select onchange="window.location.href=this.value">{options}</select>'
            "</label>")


def show_more(paths: list[str], current: int, **_: str) -> str:
    """A script button, and the next page named only by a rel=next <link> in the body."""
    if current == len(paths):
        return ""
    return f'<link rel="next" href="{escape(paths[current])}"><button type="button" class="show-more">Show more</button>'


def view_all(paths: list[str], current: int, **_: str) -> str:
    """Bare page numbers after the word "Page"."""
    items = [f"<b>{n}</b>" if n == current else _a(p, str(n)) for n, p in enumerate(paths, 1)]
    return '<div class="pn">Page ' + " ".join(items) + "</div>"


def read_on(paths: list[str], current: int, *, next_label: str = "Read on →", **_: str) -> str:
    """One forward link with a plain label and no way back."""
    return f'<p class="read-on">{_a(paths[current], next_label, class_="button")}</p>' if current < len(paths) else ""


WIDGETS = {"roman": roman, "next-title": next_title, "dots": dots, "select-only": select_only,
           "show-more": show_more, "view-all": view_all, "read-on": read_on}
