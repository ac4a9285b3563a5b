"""The twelfth family's ten page bodies, one function per publisher (``twelfth_pages`` wraps them)."""
from __future__ import annotations

from html import escape

from .twelfth_pages import _chrome, _cookie, _dek, _related, _text


def stbrendans(view, bits, pager) -> str:
    return f"""{_cookie(view)}
<header class="site-header"><a href="/stbrendans/">St Brendan's University Hospital</a></header>
<main id="content"><article class="news-item">
<a class="back" href="/stbrendans/news/">{_chrome(view, 2)}</a>
<h1>{escape(view.title)}</h1>
<p class="news-date">{bits["date"]}</p>
<div class="news-body">
{_text(view, pager=pager)}
</div>
<p class="news-author">{bits["byline"]} <span class="role">{bits["role"]}</span></p>
<p class="media">{_chrome(view, 1)}</p>
</article></main>
<aside class="latest-news"><h2>Latest news</h2>{_related(view)}{view.sidebar}</aside>"""


def healthprotect(view, bits, pager) -> str:
    return f"""<header><a href="/healthprotect/">Coastal Health Protection Agency</a></header>
<nav class="breadcrumb"><a href="/healthprotect/">Home</a> › <a href="/healthprotect/diseases/">Diseases and conditions</a></nav>
<main property="mainContentOfPage">
<h1 property="name">{escape(view.title)}</h1>
<p class="from">{_chrome(view, 0)}</p>
{_text(view, after=-1)}
{pager}
<section class="pagedetails"><a href="/healthprotect/report">{_chrome(view, 1)}</a> <button>{_chrome(view, 2)}</button>
<dl><dt>{bits["date"]}</dt></dl></section>
</main>
<aside>{_related(view)}{view.sidebar}</aside>"""


def kidneyaid(view, bits, pager) -> str:
    box = f'<div class="donate-strip"><p>{_chrome(view, 0)}</p><a href="/kidneyaid/donate">Donate</a></div>'
    return f"""<header><a href="/kidneyaid/">Kidney Aid</a> <a href="/kidneyaid/donate">Donate</a></header>
<main><article class="info-page">
<h1>{escape(view.title)}</h1>
<div class="meta"><p>{bits["byline"]}</p><p>{bits["reviewer"]}</p></div>
<div class="rich-text">
{_text(view, box=box)}
</div>
<footer class="article-footer">{pager}<p>{bits["date"]}</p><p>{bits["review"]}</p></footer>
</article>
<aside class="helpline"><p>{_chrome(view, 1)}</p>{_related(view)}{view.sidebar}</aside></main>
<footer class="site-footer"><p>{_chrome(view, 2)}</p></footer>"""


def chemistplus(view, bits, pager) -> str:
    return f"""{_cookie(view)}
<header class="masthead"><a href="/chemistplus/">ChemistPlus</a> <a href="/chemistplus/shop">{_chrome(view, 2)}</a></header>
<nav class="crumbs"><a href="/chemistplus/health-hub/">Health Hub</a></nav>
<main><h1>{escape(view.title)}</h1>
<div class="author-strip"><p>{bits["byline"]}</p><p>{bits["reviewer"]}</p></div>
<div class="advice-content">
{_text(view, after=2)}
{pager}
</div>
<p class="disclaimer">{_chrome(view, 1)}</p>
</main>
<aside class="related-advice">{_related(view)}{view.sidebar}</aside>"""


def glow(view, bits, pager) -> str:
    ad = f'<div class="ad-slot"><span>{_chrome(view, 1)}</span></div>'
    bio = f'<div class="author-bio"><img src="/img/bio.jpg" alt=""><p>{bits["bio"]}</p></div>' \
        if view.number == view.total else ""
    return f"""<header class="nav-bar"><a href="/glow/">Glow</a></header>
<main><article>
<p class="affiliate">{_chrome(view, 2)}</p>
<h1>{escape(view.title)}</h1>{_dek(view, "p", "dek")}
<div class="byline"><span>{bits["byline"]}</span> <span class="pub">{bits["date"]}</span></div>
<div class="article-body">
{_text(view, box=ad, after=0, pager=pager)}
</div>
{bio}
<div class="newsletter"><p>{_chrome(view, 0)}</p></div>
</article></main>
<aside class="trending">{_related(view)}{view.sidebar}</aside>"""


def waikatoledger(view, bits, pager) -> str:
    return f"""<header><a href="/waikatoledger/">Waikato Ledger</a> <a class="sub" href="/waikatoledger/subscribe">{_chrome(view, 0)}</a></header>
<main class="story"><div class="story-head">
<h1>{escape(view.title)}</h1>
<p class="byline">{bits["byline"]}</p>
<p class="posted">{bits["date"]}</p></div>
<div class="story-body">
{_text(view, after=2, pager=pager)}
</div>
<section class="comments-cta"><h3>{_chrome(view, 2)}</h3></section>
</main>
<aside class="most-read"><h3>{_chrome(view, 1)}</h3>{_related(view, "ol")}{view.sidebar}</aside>"""


def medbulletin(view, bits, pager) -> str:
    return f"""<header><a href="/medbulletin/">The Medical Bulletin</a> <a href="/medbulletin/news/">News</a></header>
<main><article class="news">
<p class="article-type">News</p>
<h1>{escape(view.title)}</h1>{_dek(view, "p", "standfirst")}
<p class="authors">{bits["byline"]}</p>
<p class="pubdate">{bits["date"]}</p>
<p class="citation">{_chrome(view, 1)}</p>
<div class="article-text">
{_text(view, after=-1)}
</div>
{pager}
<p class="ci">{_chrome(view, 0)}</p>
<p class="access">{_chrome(view, 2)}</p>
</article></main>
<aside>{_related(view)}{view.sidebar}</aside>"""


def capehealth(view, bits, pager) -> str:
    sponsored = f'<div class="sponsored"><small>{_chrome(view, 1)}</small></div>'
    return f"""<header><a href="/capehealth/">Cape Health</a></header>
<main><article>
<h1>{escape(view.title)}</h1>{_dek(view, "h2", "excerpt")}
<div class="post-meta"><p class="credits">{bits["byline"]}</p><p>{bits["date"]} | {bits["updated"]}</p></div>
<div class="entry-content">
{_text(view, box=sponsored, pager=pager)}
</div>
<div class="whatsapp"><p>{_chrome(view, 0)}</p><a href="#">{_chrome(view, 2)}</a></div>
</article></main>
<aside>{_related(view)}{view.sidebar}</aside>"""


def santeouest(view, bits, pager) -> str:
    pub = f'<div class="pub"><span>{_chrome(view, 2)}</span></div>'
    return f"""<header><a href="/santeouest/">Santé Ouest</a></header>
<main><article class="article">
<h1 class="article__title">{escape(view.title)}</h1>{_dek(view, "p", "article__chapo")}
<div class="article__meta"><span class="auteur">{bits["byline"]}</span> <time>{bits["date"]}</time></div>
<div class="article__partage"><a href="#">{_chrome(view, 3)}</a></div>
<div class="article__content">
{_text(view, box=pub, pager=pager)}
</div>
<div class="paywall-teaser"><p>{_chrome(view, 0)}</p></div>
</article>
<aside><h3>{_chrome(view, 1)}</h3>{_related(view, "ol")}{view.sidebar}</aside></main>"""


def gesundplus(view, bits, pager) -> str:
    ad = f'<div class="anzeige"><span>{_chrome(view, 0)}</span></div>'
    return f"""<header><a href="/gesundplus/">Gesund Plus</a></header>
<main><article>
<h1>{escape(view.title)}</h1>
<div class="autoren"><p>{bits["byline"]}</p><p>{bits["reviewer"]}</p><p>{bits["date"]}</p></div>
<div class="artikeltext">
{_text(view, box=ad, pager=pager)}
</div>
<p class="hinweis">{_chrome(view, 2)}</p>
</article>
<section class="empfehlungen"><h2>{_chrome(view, 1)}</h2>{_related(view)}{view.sidebar}</section></main>"""


TEMPLATES = {"stbrendans": stbrendans, "healthprotect": healthprotect, "kidneyaid": kidneyaid,
             "chemistplus": chemistplus, "glow": glow, "waikatoledger": waikatoledger, "medbulletin": medbulletin,
             "capehealth": capehealth, "santeouest": santeouest, "gesundplus": gesundplus}
