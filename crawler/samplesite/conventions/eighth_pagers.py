"""The eighth family's own URL schemes and pager widgets: conventions no other family of the site uses."""
from __future__ import annotations

import random
from html import escape

SCHEMES = ("seite-dash", "htm-pagina", "hash-trail", "route", "nl-pagina", "fr-suite", "pt-parte", "chunk",
           "ja-index", "pagenumber")
# What the next page of a guide is about, as "On the next page: ..." links name it.
SECTIONS = ("What the research shows", "Who is most at risk", "How doctors treat it", "What you can do at home",
            "When to see a doctor")


def page_paths(scheme: str, base: str, count: int, rng: random.Random) -> list[str]:
    """The paths of pages 1..count in one of this family's schemes, ``base`` the article's URL stem."""
    numbers = range(2, count + 1)
    if scheme == "ja-index":  # Japanese headlines make no ASCII slug: the site numbers its articles
        first = f"{base.rstrip('/')}/article/{rng.randrange(10**5, 10**6)}"
        return [f"{first}/index.html"] + [f"{first}/index_{n}.html" for n in numbers]
    first, rest = {
        "seite-dash": (base, [f"{base}/seite-{n}" for n in numbers]),
        "htm-pagina": (f"{base}.htm", [f"{base}.htm?pagina={n}" for n in numbers]),
        "hash-trail": (f"{base}/", [f"{base}/page/{n}/" for n in numbers]),
        "route": (base, [f"{base}/{n}" for n in numbers]),
        "nl-pagina": (base, [f"{base}/pagina/{n}" for n in numbers]),
        "fr-suite": (f"{base}.html", [f"{base}/suite-{n}.html" for n in numbers]),
        "pt-parte": (base, [f"{base}/parte-{n}" for n in numbers]),
        "chunk": (f"{base}.html", [f"{base}.html?chunk={n}" for n in numbers]),
        "pagenumber": (f"{base}.html", [f"{base}.html?pageNumber={n}" for n in numbers]),
    }[scheme]
    return [first, *rest]


def _a(href: str, label: str, **attributes: str) -> str:
    extra = "".join(f' {name.rstrip("_").replace("_", "-")}="{escape(value)}"' for name, value in attributes.items())
    return f'<a href="{escape(href)}"{extra}>{escape(label)}</a>'


def naechste(paths: list[str], current: int, **_: str) -> str:
    """"Seite 1 2 3" as spans and links, then "Nächste Seite »"."""
    items = [f'<span class="is-active">{n}</span>' if n == current else _a(p, str(n)) for n, p in enumerate(paths, 1)]
    if current < len(paths):
        items.append(_a(paths[current], "Nächste Seite »", class_="next-page"))
    return f'<div class="seitennavigation"><span>Seite</span> {" ".join(items)}</div>'


def select_jump(paths: list[str], current: int, **_: str) -> str:
    """A <select> jump list and nothing else: each option's value is the page's URL."""
    total = len(paths)
    options = "".join(f'<option value="{escape(p)}"{" selected" if n == current else ""}>Página {n} de {total}</option>'
                      for n, p in enumerate(paths, 1))
    return (f'<label for="saltar">Ir a</label> <select id="saltar" class="jump" '
            f'onchange="location.href=this.value">{options}</select>')


def hashed_numbers(paths: list[str], current: int, **_: str) -> str:
    """WordPress-like page links whose numbers jump to "#content"; the arrow has no fragment."""
    items = [f'<span class="post-page-numbers current">{n}</span>' if n == current
             else _a(f"{p}#content", str(n), class_="post-page-numbers") for n, p in enumerate(paths, 1)]
    if current < len(paths):
        items.append(_a(paths[current], "→", class_="post-page-numbers next"))
    return f'<div class="page-links">Pages: {" ".join(items)}</div>'


def hash_route(paths: list[str], current: int, **_: str) -> str:
    """A script app's "#/2" links; the server page is named in data-url and in a <noscript> fallback."""
    items = [f'<a href="#/{n}" data-url="{escape(p)}">{n}</a>' for n, p in enumerate(paths, 1) if n != current]
    fallback = ""
    if current < len(paths):
        items.append(f'<a href="#/{current + 1}" data-url="{escape(paths[current])}" class="next">Next</a>')
        fallback = f"<noscript>{_a(paths[current], f'Page {current + 1}')}</noscript>"
    return f'<div class="app-pager" data-pages="{len(paths)}">{" ".join(items)}</div>{fallback}'


def titled_arrows(paths: list[str], current: int, **_: str) -> str:
    """Icon arrows with only a title attribute ("Volgende pagina"), no text and no aria-label."""
    parts = []
    if current > 1:
        parts.append(f'<a class="icon icon-prev" href="{escape(paths[current - 2])}" title="Vorige pagina"></a>')
    parts.append(f'<span class="count">{current}/{len(paths)}</span>')
    if current < len(paths):
        parts.append(f'<a class="icon icon-next" href="{escape(paths[current])}" title="Volgende pagina"></a>')
    return f'<div class="paginering">{"".join(parts)}</div>'


def lire_la_suite(paths: list[str], current: int, **_: str) -> str:
    """A "Lire la suite »" link at the end of the text, and nothing else."""
    return f'<p class="suite">{_a(paths[current], "Lire la suite »")}</p>' if current < len(paths) else ""


def pipe_plain(paths: list[str], current: int, **_: str) -> str:
    """"Páginas: 1 | 2 | 3" in plain text, the other pages linked, no next link."""
    items = [f"<b>{n}</b>" if n == current else _a(p, str(n)) for n, p in enumerate(paths, 1)]
    return f'<p class="paginas">Páginas: {" | ".join(items)}</p>'


def load_more(paths: list[str], current: int, **_: str) -> str:
    """A "Load more" button whose script fetches JSON; its href is the server page for browsers without it."""
    if current >= len(paths):
        return ""
    href = paths[current]
    return (f'<a class="btn btn-load-more" role="button" href="{escape(href)}" '
            f'data-ajax="/api/story-chunk?n={current + 1}">Show more ↓</a>')


def ja_next(paths: list[str], current: int, **_: str) -> str:
    """"＜ 前へ 1 2 3 次へ ＞" and "次のページへ"."""
    items = [f"<li><span>{n}</span></li>" if n == current else f"<li>{_a(p, str(n))}</li>"
             for n, p in enumerate(paths, 1)]
    if current > 1:
        items.insert(0, f"<li>{_a(paths[current - 2], '＜ 前へ')}</li>")
    if current < len(paths):
        items.append(f"<li>{_a(paths[current], '次へ ＞')}</li>")
    return f'<ul class="pager">{"".join(items)}</ul>'


def next_heading(paths: list[str], current: int, **_: str) -> str:
    """"On the next page: <what it is about> →", the link named by the next page's subject only."""
    if current >= len(paths):
        return ""
    return f'<p class="next-up">On the next page: {_a(paths[current], SECTIONS[current - 1] + " →")}</p>'


WIDGETS = {"naechste": naechste, "select-jump": select_jump, "hashed-numbers": hashed_numbers,
           "hash-route": hash_route, "titled-arrows": titled_arrows, "lire-la-suite": lire_la_suite,
           "pipe-plain": pipe_plain, "load-more-href": load_more, "ja-next": ja_next, "next-heading": next_heading}
