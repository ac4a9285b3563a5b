"""The sample site's content: articles read from ``articles/<site>/<slug>/article.toml``."""
from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass
from datetime import date, datetime, timezone
from functools import cache
from pathlib import Path

ARTICLES_DIR = Path(__file__).parent / "articles"
# Edition 2 is the same site on a later visit: articles here replace those with the same path
# (an edited paragraph, a new title, a page removed) or are new. Tests switch editions at run time.
EDITION2_DIR = Path(__file__).parent / "edition2"
PUBLISHERS = ("dailyhealth", "medwire", "wellbeing")  # linked from the index and the sitemap
LISTING_SIZE = 3  # articles per listing page, so every publisher's listing has two pages


@dataclass(frozen=True)
class Article:
    """One article of the sample site, as its source file describes it."""

    site: str
    slug: str
    path: str  # page 1, as linked
    title: str
    subtitle: str | None
    authors: tuple[str, ...]
    reviewer: str | None
    published: str  # ISO date, or date-time with offset (wellbeing)
    section: str
    teaser: str
    pages: tuple[tuple[str, ...], ...]  # HTML paragraphs; "## " starts a subheading
    page_count: int  # pages the pagination announces (faults may announce more than exist)
    printable: bool = False  # offers ?print=1 with the whole text on one page
    fault: str | None = None  # how this article misbehaves (faults site only)
    fault_page: int | None = None
    updated: str | None = None  # when a later edition changed it (ISO date); drives Last-Modified

    def page_url(self, number: int) -> str:
        """Path (and query) of page ``number`` of this article."""
        if number == 1:
            return self.path
        if self.site == "wellbeing":
            return f"{self.path}{number}/"
        return f"{self.path}?page={number}"

    @property
    def modified(self) -> datetime:
        """When the article last changed, for Last-Modified: its update, else its publication."""
        return parse_moment(self.updated or self.published)

    @property
    def display_date(self) -> str:
        """The date as the 2011/2015 layouts print it, e.g. "March 4, 2011"."""
        day = parse_moment(self.published)
        return f"{day:%B} {day.day}, {day.year}"


def parse_moment(value: str) -> datetime:
    """An ISO date or date-time as an aware datetime (plain dates at noon UTC)."""
    if "T" not in value:
        return datetime.combine(date.fromisoformat(value), datetime.min.time().replace(hour=12), timezone.utc)
    return datetime.fromisoformat(value)


def _article(directory: Path) -> Article:
    data = tomllib.loads((directory / "article.toml").read_text(encoding="utf-8"))
    pages = tuple(tuple(page["paragraphs"]) for page in data.pop("pages"))
    data["authors"] = tuple(data["authors"])
    data.setdefault("subtitle", None)
    data.setdefault("reviewer", None)
    data.setdefault("page_count", len(pages))
    return Article(site=directory.parent.name, slug=directory.name, pages=pages, **data)


def _load(folder: Path) -> list[Article]:
    return [_article(d) for d in sorted(folder.glob("*/*")) if (d / "article.toml").is_file()]


@cache
def articles(edition: int = 1) -> tuple[Article, ...]:
    """Every article of an edition of the site, newest first within each site."""
    by_url = {a.path: a for a in _load(ARTICLES_DIR)}
    if edition >= 2:
        by_url.update({a.path: a for a in _load(EDITION2_DIR)})
    found = list(by_url.values())
    found.sort(key=lambda a: parse_moment(a.published), reverse=True)
    found.sort(key=lambda a: a.site)
    return tuple(found)


@cache
def by_path(edition: int = 1) -> dict[str, Article]:
    """Articles keyed by their page-1 path."""
    return {a.path: a for a in articles(edition)}


def of_site(site: str, edition: int = 1) -> list[Article]:
    """The articles of one site, newest first."""
    return [a for a in articles(edition) if a.site == site]


def listing_pages(site: str, edition: int = 1) -> list[list[Article]]:
    """A site's listing in pages: LISTING_SIZE articles for publishers, one page for faults."""
    items = of_site(site, edition)
    size = LISTING_SIZE if site in PUBLISHERS else max(len(items), 1)
    return [items[i : i + size] for i in range(0, len(items), size)]


def expected_articles(site: str | None = None, edition: int = 1) -> list[dict]:
    """The hand-written expected result of every article (sorted by site, then path)."""
    pattern = f"{site}/*/expected.json" if site else "*/*/expected.json"
    by_url = {e["path"]: e for e in (json.loads(p.read_text(encoding="utf-8")) for p in ARTICLES_DIR.glob(pattern))}
    if edition >= 2:
        by_url.update({e["path"]: e for e in (json.loads(p.read_text(encoding="utf-8"))
                                              for p in EDITION2_DIR.glob(pattern))})
    found = list(by_url.values())
    return sorted(found, key=lambda e: (e["site"], e["path"]))
