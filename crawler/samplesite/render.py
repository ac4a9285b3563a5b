"""HTML for the sample site: Jinja templates fed with catalog articles."""
from __future__ import annotations

from email.utils import format_datetime

from dataclasses import dataclass
from datetime import datetime, timezone
from functools import cache
from pathlib import Path
from zoneinfo import ZoneInfo

from jinja2 import Environment, FileSystemLoader, select_autoescape
from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup

from . import bulk
from .catalog import PUBLISHERS, Article, articles, listing_pages, of_site, parse_moment

TEMPLATES = Path(__file__).parent / "templates"
OFFSITE_HOST = "127.0.0.2"  # another host on the loopback net: a crawler must not go there
# Layout of each site's article pages; faults and bulk borrow medwire's.
LAYOUTS = {"dailyhealth": "dailyhealth", "medwire": "medwire", "wellbeing": "wellbeing", "faults": "medwire", "bulk": "medwire"}
LISTING_PATHS = {
    "dailyhealth": "/dailyhealth/news/",
    "medwire": "/medwire/news/",
    "wellbeing": "/wellbeing/",
    "faults": "/faults/",
    "bulk": "/bulk/",
}


@dataclass(frozen=True)
class Paragraph:
    """One block of article text as the templates print it."""

    html: Markup
    heading: bool = False
    dateline: str | None = None  # medwire prints the date at the start of the first paragraph


@cache
def environment() -> Environment:
    """The Jinja environment (autoescaping; article paragraphs are trusted HTML)."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html", "xml"]),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["localtime"] = _localtime
    return env


def listing_url(site: str, number: int) -> str:
    """Path of listing page ``number`` of ``site``."""
    if number == 1:
        return LISTING_PATHS[site]
    if site == "wellbeing":
        return f"/wellbeing/page/{number}/"
    return f"{LISTING_PATHS[site]}?page={number}"


def article_page(article: Article, number: int, *, base_url: str, printing: bool = False, edition: int = 1) -> str:
    """Page ``number`` of ``article`` (or the whole text on one page when ``printing``)."""
    texts = [p for page in article.pages for p in page] if printing else list(article.pages[number - 1])
    context = {
        "a": article,
        "page": number,
        "printing": printing,
        "paragraphs": _paragraphs(article, texts, first_page=printing or number == 1),
        "base": base_url.rstrip("/"),
        "canonical": article.path if printing else article.page_url(number),
        "links": _page_links(article, base_url=base_url),
        "next_url": None if printing else _next_url(article, number, base_url=base_url),
        "prev_url": article.page_url(number - 1) if number > 1 and not printing else None,
        "related": [a for a in of_site(article.site, edition) if a.path != article.path][:3],
        "json_ld": _json_ld(article, base_url) if number == 1 else None,
    }
    return environment().get_template(f"{LAYOUTS[article.site]}_article.html").render(context)


def listing_page(site: str, number: int, *, base_url: str, bulk_total: int = 0, edition: int = 1) -> str | None:
    """Listing page ``number`` of ``site``; None when there is no such page."""
    if site == "bulk":
        count = -(-bulk_total // bulk.PER_LISTING)
        entries = [(path, bulk.title(n), "", None) for n, path in bulk.listing(number, bulk_total)]
    else:
        pages = listing_pages(site, edition)
        count = len(pages)
        entries = [(a.path, a.title, a.teaser, a) for a in pages[number - 1]] if number <= count else []
    if not 1 <= number <= count:
        return None
    items = [{"path": path, "title": title, "teaser": teaser, "article": a} for path, title, teaser, a in entries]
    context = {
        "site": site,
        "page": number,
        "items": items,
        "base": base_url.rstrip("/"),
        "canonical": listing_url(site, number),
        "next_url": listing_url(site, number + 1) if number < count else None,
        "prev_url": listing_url(site, number - 1) if number > 1 else None,
        "pdf": site == "faults",
    }
    return environment().get_template(f"{LAYOUTS[site]}_listing.html").render(context)


def site_page(name: str, *, base_url: str, edition: int = 1, site: str | None = None, lastmod=None) -> str:
    """The index, robots.txt, sitemap.xml (all publishers, or one ``site``'s), a feed or an error page."""
    listed = [a for a in articles(edition) if a.site in PUBLISHERS and (site is None or a.site == site)]
    context = {
        "base": base_url.rstrip("/"),
        "site": site,
        "listing": LISTING_PATHS.get(site or "", "/"),
        "lastmod": lastmod or (lambda a: a.updated or a.published),
        "rfc822": lambda a: format_datetime(parse_moment(a.published)),
        "articles": listed,
        "listings": [(site, LISTING_PATHS[site]) for site in PUBLISHERS],
    }
    return environment().get_template(name).render(context)


def _json_ld(article: Article, base_url: str) -> Markup:
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "description": article.subtitle or article.teaser,
        "author": [{"@type": "Person", "name": name} for name in article.authors],
        "datePublished": article.published,
        "articleSection": article.section,
        "url": base_url.rstrip("/") + article.path,
        "publisher": {"@type": "Organization", "name": "Wellbeing"},
    }
    return htmlsafe_json_dumps(data, indent=2, ensure_ascii=False)


def _paragraphs(article: Article, texts: list[str], *, first_page: bool) -> list[Paragraph]:
    result = []
    for text in texts:
        if text.startswith("## "):
            result.append(Paragraph(Markup(text[3:]), heading=True))
        else:
            result.append(Paragraph(Markup(text)))
    if first_page and LAYOUTS[article.site] == "medwire" and result:
        first = result[0]
        result[0] = Paragraph(first.html, dateline=article.display_date)
    return result


def _page_links(article: Article, *, base_url: str) -> list[tuple[int, str]]:
    links = []
    for n in range(1, article.page_count + 1):
        url = article.page_url(n) if n == 1 else _numbered(article, n)
        if article.fault == "offsite" and n > 1:
            url = _offsite(article.page_url(n), base_url)
        links.append((n, url))
    return links


def _numbered(article: Article, n: int) -> str:
    # Query-paginated layouts link pages 2+ relatively, as the real sites did.
    return article.page_url(n) if article.site == "wellbeing" else f"?page={n}"


def _next_url(article: Article, number: int, *, base_url: str) -> str | None:
    if number >= article.page_count:
        return article.path if article.fault == "loop" else None
    if article.fault == "offsite":
        return _offsite(article.page_url(number + 1), base_url)
    return _numbered(article, number + 1)


def _offsite(path: str, base_url: str) -> str:
    port = base_url.rstrip("/").rsplit(":", 1)[-1]
    return f"http://{OFFSITE_HOST}:{port}{path}"


def _localtime(value: str, zone: str = "Europe/London") -> str:
    """A wellbeing timestamp as readers see it, e.g. "12 June 2024, 09:30"."""
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    local = moment.astimezone(ZoneInfo(zone))
    return f"{local.day} {local:%B %Y, %H:%M}"
