"""The eleventh family's page templates: eight publishers, each laid out the way its country's sites are."""
from __future__ import annotations

from html import escape

from .eleventh import CHROME, DEK, META_AUTHOR, NAMES, lines

LANG = {"es": "es-ES", "sv": "sv-SE", "zh": "zh-CN", "pt": "pt-BR"}
LEAD_REPEAT = "<!--lead-repeat-->"  # a trap's marker: page 2 on opens with page 1's lead paragraph again


def render(view) -> str:
    """The whole HTML page of a ``layout.View`` for an eleventh-family publisher."""
    brand = NAMES[view.publisher]
    separator = "_" if view.language == "zh" else " | "
    head = [f'<meta charset="utf-8"><title>{escape(view.title)}{separator}{escape(brand)}</title>',
            f'<meta property="og:title" content="{escape(view.title)}">']
    head += [f'<link rel="{rel}" href="{escape(href)}">' for rel, href in view.head]
    if view.canonical:
        head.append(f'<link rel="canonical" href="{escape(view.canonical)}">')
    if view.publisher in META_AUTHOR:
        head.append(f'<meta name="author" content="{escape(", ".join(view.authors))}">')
    head.append(f'<meta name="description" content="{escape(view.dek)}">')
    body = _TEMPLATES[view.publisher](view, {k: escape(v) for k, v in _lines(view).items()})
    return (f'<!DOCTYPE html>\n<html lang="{LANG.get(view.language, view.language)}">\n<head>\n' + "\n".join(head)
            + f"\n</head>\n<body>\n{body}\n</body>\n</html>\n")


def _lines(view) -> dict[str, str]:
    return lines(view.publisher, view.authors, view.published)


def _chrome(view, index: int) -> str:
    return escape(CHROME[view.publisher][index])


def _text(view, *, box: str = "", after: int = 1) -> str:
    """The page's paragraphs with its markers, an inline box after paragraph ``after``, trap html and pager."""
    extra, lead = view.extra, ""
    if extra.startswith(LEAD_REPEAT):
        lead, extra = extra[len(LEAD_REPEAT):].split(LEAD_REPEAT, 1)
    parts = [f'<p class="pos">{escape(view.top)}</p>'] if view.top else []
    if lead and view.number > 1:
        parts.append(f"<p>{escape(lead)}</p>")
    for index, paragraph in enumerate(view.paragraphs):
        parts.append(f"<p>{escape(paragraph)}</p>")
        if index == after and box:
            parts.append(box)
    if view.bottom:
        parts.append(f'<p class="pos">{escape(view.bottom)}</p>')
    parts += [extra] if extra else []
    if view.pager and view.pager_place == "article":
        parts.append(view.pager)
    return "\n".join(parts)


def _nav(view) -> str:
    return f'<nav class="pages">{view.pager}</nav>' if view.pager and view.pager_place != "article" else ""


def _related(view, tag: str = "ul") -> str:
    items = "".join(f'<li><a href="{escape(h)}">{escape(t)}</a></li>' for h, t in view.related)
    return f"<{tag}>{items}</{tag}>"


def _dek(view, tag: str, css: str) -> str:
    return f'<{tag} class="{css}">{escape(view.dek)}</{tag}>' if view.number == 1 and view.publisher in DEK else ""


def _vivirsano(view, bits) -> str:
    box = f'<div class="suscripcion"><p>{_chrome(view, 0)}</p><a href="/vivirsano/suscripcion">Suscríbete</a></div>'
    return f"""<header class="cabecera"><a href="/vivirsano/">Vivir Sano</a> <a href="/vivirsano/salud/">Salud</a></header>
<main><article>
<header class="a_e"><h1>{escape(view.title)}</h1>{_dek(view, "h2", "a_st")}
<div class="a_md"><div class="a_md_a"><a href="/vivirsano/autor/">{bits["byline"]}</a></div>
<div class="a_md_f"><p>{bits["date"]}</p><p>{bits["updated"]}</p></div></div></header>
<div class="a_c">
{_text(view, box=box)}
</div>
{_nav(view)}
<footer class="a_f"><p>{_chrome(view, 2)}</p><button>{_chrome(view, 3)}</button> <a href="#">{_chrome(view, 4)}</a></footer>
</article>
<aside><h3>{_chrome(view, 1)}</h3>{_related(view, "ol")}<p>{_chrome(view, 5)}</p>{view.sidebar}</aside></main>
<footer><p>© Vivir Sano Ediciones S.L.</p></footer>"""


def _zdravotnik(view, bits) -> str:
    ad = f'<div class="r-box"><span>{_chrome(view, 0)}</span></div>'
    return f"""<div id="head"><a href="/zdravotnik/">Zdravotník.cz</a></div>
<div id="content"><div class="art-info"><span class="time">{bits["date"]}</span> <span class="upd">{bits["updated"]}</span></div>
<h1>{escape(view.title)}</h1>
<div class="authors">{bits["byline"]}</div>
<div class="bbtext">
{_text(view, box=ad, after=0)}
</div>
<p class="disclaimer">{_chrome(view, 4)}</p>
{_nav(view)}
<div class="share"><a href="#">{_chrome(view, 2)}</a> <a href="/zdravotnik/diskuse/">{_chrome(view, 3)}</a></div>
</div>
<div id="side"><h4>{_chrome(view, 1)}</h4>{_related(view, "ol")}{view.sidebar}</div>"""


def _halsokoll(view, bits) -> str:
    return f"""<header><a href="/halsokoll/">Hälsokoll</a><a href="/halsokoll/prenumerera">{_chrome(view, 3)}</a></header>
<main class="article">
<div class="meta-top"><span>{bits["date"]}</span><span>{bits["updated"]}</span></div>
<h1>{escape(view.title)}</h1>
<figure><img src="/img/h.jpg" alt=""><figcaption>{bits["photo"]}</figcaption></figure>
<div class="body">
{_text(view, box=f'<div class="ad"><small>{_chrome(view, 0)}</small></div>')}
</div>
{_nav(view)}
<div class="byline-bottom"><p>{bits["byline"]}</p><p><em>{_chrome(view, 4)}</em></p></div>
<div class="dela"><button>{_chrome(view, 2)}</button></div>
</main>
<aside class="mest-last"><h2>{_chrome(view, 1)}</h2>{_related(view)}{view.sidebar}</aside>"""


def _jiankangbao(view, bits) -> str:
    author = f'<p class="zuozhe">{bits["byline"]}</p>' if view.number == 1 else ""
    tools = f"{_chrome(view, 5)} <a href=\"javascript:window.print()\">{_chrome(view, 1)}</a> " \
            f"<a href=\"javascript:window.close()\">{_chrome(view, 2)}</a>"
    return f"""<div class="top"><a href="/jiankangbao/">健康生活报</a> &gt; <a href="/jiankangbao/xinwen/">健康新闻</a></div>
<div class="main"><h1>{escape(view.title)}</h1>
<div class="info"><span>{bits["date"]}</span> <span>{bits["source"]}</span> <span>{tools}</span></div>
<div class="TRS_Editor">{author}
{_text(view)}
</div>
{_nav(view)}
<p class="bianji">{bits["editor"]}</p>
<div class="fx">{_chrome(view, 0)}<a href="#">微信</a> <a href="#">微博</a></div>
<div class="xgxw"><h3>{_chrome(view, 3)}</h3>{_related(view)}{view.sidebar}</div></div>
<div class="foot"><p>{_chrome(view, 4)}</p></div>"""


def _saudeemdia(view, bits) -> str:
    ad = f'<div class="publicidade"><p class="aviso">{_chrome(view, 0)}</p></div>'
    return f"""<header class="topo"><a href="/saudeemdia/">Saúde em Dia</a></header>
<main><div class="materia">
<h1 class="titulo">{escape(view.title)}</h1>{_dek(view, "h2", "subtitulo")}
<p class="autoria">{bits["byline"]}</p>
<p class="data"><span>{bits["date"]}</span> · <span>{bits["updated"]}</span></p>
<div class="compartilhar"><a href="#">{_chrome(view, 2)}</a></div>
<div class="conteudo">
{_text(view, box=ad)}
</div>
{_nav(view)}
<div class="whats"><p>{_chrome(view, 3)}</p></div>
</div>
<aside><h3>{_chrome(view, 1)}</h3>{_related(view)}{view.sidebar}</aside></main>"""


def _salutedonna(view, bits) -> str:
    also = ""
    if view.related:
        href, title = view.related[0]
        also = f'<div class="leggi-anche"><strong>{_chrome(view, 1)}</strong> <a href="{escape(href)}">{escape(title)}</a></div>'
    return f"""<header><a href="/salutedonna/">Salute Donna</a></header>
<article class="articolo">
<h1>{escape(view.title)}</h1>{_dek(view, "p", "sommario")}
<div class="firma"><span class="autore">{bits["byline"]}</span> <span class="data">{bits["date"]}</span></div>
<div class="testo">
{_text(view, box=also + f'<div class="adv"><span>{_chrome(view, 0)}</span></div>')}
</div>
{_nav(view)}
<p class="nota">{_chrome(view, 3)}</p>
</article>
<aside><div class="nl"><p>{_chrome(view, 2)}</p></div>{_related(view)}{view.sidebar}</aside>"""


def _zdrowiepl(view, bits) -> str:
    return f"""<header><a href="/zdrowiepl/">Zdrowie.pl</a></header>
<div class="breadcrumbs"><a href="/zdrowiepl/">Strona główna</a> / <a href="/zdrowiepl/zdrowie/">Zdrowie</a></div>
<article>
<h1>{escape(view.title)}</h1>
<div class="article-meta"><p>{bits["byline"]}</p><p>{bits["date"]}</p><p>{bits["reviewed"]}</p></div>
<div class="article-body">
{_text(view, box=f'<div class="ads"><span>{_chrome(view, 0)}</span></div>', after=2)}
</div>
{_nav(view)}
<div class="share"><a href="#">{_chrome(view, 2)}</a></div>
<p class="disclaimer">{_chrome(view, 4)}</p>
</article>
<section class="polecamy"><h2>{_chrome(view, 1)}</h2>{_related(view)}<h3>{_chrome(view, 3)}</h3>{view.sidebar}</section>"""


def _saglikrehberi(view, bits) -> str:
    scroll = f'<div class="devam"><p>{_chrome(view, 3)}</p></div>'
    return f"""<header><a href="/saglikrehberi/">Sağlık Rehberi</a></header>
<div class="haber-detay">
<h1>{escape(view.title)}</h1>
<div class="haber-meta"><span class="muhabir">{bits["byline"]}</span> <span class="tarih">{bits["date"]}</span></div>
<div class="paylas"><a href="#">{_chrome(view, 2)}</a></div>
<div class="reklam"><span>{_chrome(view, 0)}</span></div>
<div class="haber-metni">
{_text(view, box=scroll, after=0)}
</div>
{_nav(view)}
<p class="not">{_chrome(view, 4)}</p>
</div>
<div class="cok-okunan"><h3>{_chrome(view, 1)}</h3>{_related(view, "ol")}{view.sidebar}</div>"""


_TEMPLATES = {"vivirsano": _vivirsano, "zdravotnik": _zdravotnik, "halsokoll": _halsokoll,
              "jiankangbao": _jiankangbao, "saudeemdia": _saudeemdia, "salutedonna": _salutedonna,
              "zdrowiepl": _zdrowiepl, "saglikrehberi": _saglikrehberi}
