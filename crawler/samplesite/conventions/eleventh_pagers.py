"""The eleventh family's URL schemes and pager widgets, each in the words of its publisher's language."""
from __future__ import annotations

import random
from html import escape

SCHEMES = ("es-slash-html", "cs-clanek", "sv-sida-path", "zh-trs", "zh-index", "pt-pagina-path", "it-p-html",
           "pl-str", "tr-sayfa-path")


def page_paths(scheme: str, base: str, count: int, rng: random.Random) -> list[str]:
    """The paths of pages 1..count in one of this family's schemes, ``base`` the article's URL stem."""
    folder = base.rsplit("/", 1)[0]
    numbers = range(2, count + 1)
    if scheme == "zh-trs":  # a government-style CMS: page 2 is "_1", the second page counted from zero
        year, month, day = 2020 + rng.randrange(6), rng.randrange(1, 13), rng.randrange(1, 29)
        stem = f"{folder}/{year}{month:02d}/t{year}{month:02d}{day:02d}_{rng.randrange(10**6, 10**7)}"
        return [f"{stem}.html"] + [f"{stem}_{n - 1}.html" for n in numbers]
    if scheme == "zh-index":  # one folder per article: index.html, then index_2.html
        stem = f"{folder}/{rng.randrange(10**5, 10**6)}"
        return [f"{stem}/index.html"] + [f"{stem}/index_{n}.html" for n in numbers]
    if scheme == "cs-clanek":  # the article id in the path, the page in ?strana=
        first = f"{folder}/clanek/{base.rsplit('/', 1)[1]}-{rng.randrange(10**5, 10**6)}"
        return [first] + [f"{first}?strana={n}" for n in numbers]
    first, rest = {
        "es-slash-html": (f"{base}.html", [f"{base}/{n}.html" for n in numbers]),
        "sv-sida-path": (base, [f"{base}/sida/{n}" for n in numbers]),
        "pt-pagina-path": (f"{base}/", [f"{base}/pagina/{n}/" for n in numbers]),
        "it-p-html": (f"{base}.html", [f"{base}_p{n}.html" for n in numbers]),
        "pl-str": (f"{base}.html", [f"{base}.html?str={n}" for n in numbers]),
        "tr-sayfa-path": (base, [f"{base}/sayfa-{n}" for n in numbers]),
    }[scheme]
    return [first, *rest]


def _a(href: str, label: str, css: str = "") -> str:
    klass = f' class="{css}"' if css else ""
    return f'<a href="{escape(href)}"{klass}>{escape(label)}</a>'


def pipes_siguiente(paths: list[str], current: int, **_: str) -> str:
    """"1 | 2 | 3" then "Siguiente página »"; the last page has the numbers only."""
    items = [f"<b>{n}</b>" if n == current else _a(p, str(n)) for n, p in enumerate(paths, 1)]
    nxt = f' {_a(paths[current], "Siguiente página »", "sig")}' if current < len(paths) else ""
    return f'<p class="paginas">{" | ".join(items)}{nxt}</p>'


def select_dalsi(paths: list[str], current: int, **_: str) -> str:
    """A <select> page chooser whose options hold the URLs, and a "Další" link beside it."""
    options = "".join(f'<option value="{escape(p)}"{" selected" if n == current else ""}>{n}. strana</option>'
                      for n, p in enumerate(paths, 1))
    nxt = f" {_a(paths[current], 'Další', 'btn-dalsi')}" if current < len(paths) else ""
    return (f'<form class="strankovani"><select onchange="location.href=this.value">{options}</select>'
            f"{nxt}</form>")


def nasta(paths: list[str], current: int, **_: str) -> str:
    """Words only: "Föregående" and "Nästa", and "2/3" between them."""
    prev = _a(paths[current - 2], "Föregående") if current > 1 else ""
    nxt = _a(paths[current], "Nästa", "nasta") if current < len(paths) else ""
    return f'<div class="bladdra">{prev} <span>{current}/{len(paths)}</span> {nxt}</div>'


def trs_pager(paths: list[str], current: int, **_: str) -> str:
    """"共3页 首页 上一页 1 2 3 下一页 尾页", as a government CMS prints it."""
    items = [f"<span>共{len(paths)}页</span>", _a(paths[0], "首页")]
    items += [_a(paths[current - 2], "上一页")] if current > 1 else []
    items += [f'<span class="cur">{n}</span>' if n == current else _a(p, str(n)) for n, p in enumerate(paths, 1)]
    items += [_a(paths[current], "下一页")] if current < len(paths) else []
    items.append(_a(paths[-1], "尾页"))
    return f'<div class="page">{" ".join(items)}</div>'


def zh_brackets(paths: list[str], current: int, **_: str) -> str:
    """"[1] [2] [3] 下一页": numbers in brackets, then the next word."""
    items = [f"[{n}]" if n == current else f"[{_a(p, str(n))}]" for n, p in enumerate(paths, 1)]
    items += [_a(paths[current], "下一页")] if current < len(paths) else []
    return f'<div class="fenye">{" ".join(items)}</div>'


def proxima(paths: list[str], current: int, **_: str) -> str:
    """Two button-styled links, "Página anterior" and "Próxima página", no numbers."""
    prev = _a(paths[current - 2], "Página anterior", "btn btn-outline") if current > 1 else ""
    nxt = _a(paths[current], "Próxima página", "btn btn-primary") if current < len(paths) else ""
    return f'<div class="navegacao-paginas">{prev}{nxt}</div>'


def avanti(paths: list[str], current: int, **_: str) -> str:
    """"‹ Indietro", "Avanti ›"."""
    prev = _a(paths[current - 2], "‹ Indietro") if current > 1 else ""
    nxt = _a(paths[current], "Avanti ›", "avanti") if current < len(paths) else ""
    return f'<div class="sfoglia">{prev} {nxt}</div>'


def nastepna(paths: list[str], current: int, **_: str) -> str:
    """A <ul class="pagination"> of numbers with "Następna" at the end."""
    items = [f'<li class="active"><span>{n}</span></li>' if n == current else f"<li>{_a(p, str(n))}</li>"
             for n, p in enumerate(paths, 1)]
    if current < len(paths):
        items.append(f'<li>{_a(paths[current], "Następna", "next")}</li>')
    return f'<ul class="pagination">{"".join(items)}</ul>'


def sonraki(paths: list[str], current: int, **_: str) -> str:
    """"« Önceki Sayfa", "2 / 3" and "Sonraki Sayfa »"."""
    prev = _a(paths[current - 2], "« Önceki Sayfa") if current > 1 else ""
    nxt = _a(paths[current], "Sonraki Sayfa »", "sonraki") if current < len(paths) else ""
    return f'<div class="sayfalama">{prev} <span>{current} / {len(paths)}</span> {nxt}</div>'


WIDGETS = {"pipes-siguiente": pipes_siguiente, "select-dalsi": select_dalsi, "nasta": nasta, "trs-pager": trs_pager,
           "zh-brackets": zh_brackets, "proxima": proxima, "avanti": avanti, "nastepna": nastepna,
           "sonraki": sonraki}
