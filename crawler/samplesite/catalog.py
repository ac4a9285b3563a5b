"""The sample site's content: articles read from ``articles/<site>/<slug>/article.toml``."""
from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass
from datetime import date, datetime, timezone
from functools import cache
from pathlib import Path

ARTICLES_DIR = Path(__file__).parent / "articles"
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

    def page_url(self, number: int) -> str:
        """Path (and query) of page ``number`` of this article."""
        if number == 1:
            return self.path
        if self.site == "wellbeing":
            return f"{self.path}{number}/"
        return f"{self.path}?page={number}"

    @property
    def modified(self) -> datetime:
        """When the article last changed: its publication time, for Last-Modified."""
        return parse_moment(self.published)

    @property
    def display_date(self) -> str:
        """The date as the 2011/2015 layouts print it, e.g. "March 4, 2011"."""
        day = self.modified
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


@cache
def articles() -> tuple[Article, ...]:
    """Every article with a source file, newest first within each site."""
    found = [_article(d) for d in sorted(ARTICLES_DIR.glob("*/*")) if (d / "article.toml").is_file()]
    found.sort(key=lambda a: a.modified, reverse=True)
    found.sort(key=lambda a: a.site)
    return tuple(found)


@cache
def by_path() -> dict[str, Article]:
    """Articles keyed by their page-1 path."""
    return {a.path: a for a in articles()}


def of_site(site: str) -> list[Article]:
    """The articles of one site, newest first."""
    return [a for a in articles() if a.site == site]


def listing_pages(site: str) -> list[list[Article]]:
    """A site's listing in pages: LISTING_SIZE articles for publishers, one page for faults."""
    items = of_site(site)
    size = LISTING_SIZE if site in PUBLISHERS else max(len(items), 1)
    return [items[i : i + size] for i in range(0, len(items), size)]


def expected_articles(site: str | None = None) -> list[dict]:
    """The hand-written expected result of every article (sorted by site, then path)."""
    pattern = f"{site}/*/expected.json" if site else "*/*/expected.json"
    found = [json.loads(p.read_text(encoding="utf-8")) for p in ARTICLES_DIR.glob(pattern)]
    return sorted(found, key=lambda e: (e["site"], e["path"]))
