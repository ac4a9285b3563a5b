"""Site profiles: one declarative TOML file per site, loaded into a SiteProfile."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields
from importlib.resources import files
from pathlib import Path
from urllib.parse import urljoin, urlsplit

# A folder, or a folder inside a zipped egg (scrapyd runs the project from one).
PROFILE_DIR = files(__name__)


class ProfileError(ValueError):
    """A site profile is missing, malformed, or cannot be used as asked."""


@dataclass(frozen=True)
class SiteProfile:
    """What the generic spider and the extractor need to know about one site.

    Every selector is a CSS selector for elements (not ``::attr``); link selectors
    match ``<a>`` elements and the spider reads their ``href``.
    """

    slug: str
    name: str = ""
    start_urls: tuple[str, ...] = ()
    sitemap_urls: tuple[str, ...] = ()
    feeds: tuple[str, ...] = ()  # RSS or Atom feeds whose items are articles
    allowed_domains: tuple[str, ...] = ()
    article_links: str | None = None  # <a> on listing pages that lead to articles
    listing_next: str | None = None  # <a> to the next listing page
    next_page: str | None = None  # <a> to an article's next page
    title: str | None = None
    subtitle: str | None = None
    body: str | None = None  # the container of the article text on every page
    remove: tuple[str, ...] = ()  # chrome inside `body` to drop (widgets, pagers, related links)
    byline: str | None = None
    reviewer: str | None = None
    date: str | None = None
    section: str | None = None
    date_languages: tuple[str, ...] = ("en",)
    timezone: str | None = None  # IANA name applied to dates given without an offset
    max_pages: int = 20  # pages followed per article before the crawl gives up on it
    # Revisit policy for articles already archived (0 = recheck on every crawl): articles published
    # within `revisit_recent_days` are rechecked at most every `revisit_recent_hours`, older ones
    # at most every `revisit_old_days`. A sitemap lastmod newer than the last capture always wins.
    revisit_recent_days: float = 0
    revisit_recent_hours: float = 0
    revisit_old_days: float = 0
    sample: bool = False  # part of the bundled sample site (start URLs are paths)
    test_only: bool = False  # serves the tests and benchmark (faults, bulk): not listed as a shipped site
    extra: dict = field(default_factory=dict, compare=False)

    @classmethod
    def generic(cls, urls: list[str] | tuple[str, ...] = ()) -> "SiteProfile":
        """A profile with no site knowledge: generic detection only, any host of ``urls``."""
        domains = tuple(sorted({urlsplit(u).hostname or "" for u in urls} - {""}))
        return cls(slug="web", name="Articles given by URL", allowed_domains=domains)

    def with_base_url(self, base_url: str) -> "SiteProfile":
        """Resolve path-only start URLs against ``base_url`` and allow its host."""
        host = urlsplit(base_url).hostname
        if not host:
            raise ProfileError(f"--base-url {base_url!r} is not an absolute http(s) URL")
        return _replace(
            self,
            start_urls=tuple(urljoin(base_url, u) for u in self.start_urls),
            sitemap_urls=tuple(urljoin(base_url, u) for u in self.sitemap_urls),
            feeds=tuple(urljoin(base_url, u) for u in self.feeds),
            allowed_domains=(host,),
        )

    def check_runnable(self) -> None:
        """Raise ProfileError unless the spider has absolute URLs to start from."""
        urls = self.start_urls + self.sitemap_urls + self.feeds
        if not urls:
            raise ProfileError(f"site {self.slug!r} has no start_urls, sitemap_urls or feeds")
        relative = [u for u in urls if not urlsplit(u).scheme]
        if relative:
            raise ProfileError(
                f"site {self.slug!r} starts from paths ({relative[0]}); give --base-url, the address it is served at "
                "(with scrapy crawl: -a base_url=URL; `python -m crawler.samplesite` serves the sample sites "
                "and prints theirs)"
            )


def _replace(profile: SiteProfile, **changes) -> SiteProfile:
    values = {f.name: getattr(profile, f.name) for f in fields(profile)}
    values.update(changes)
    return SiteProfile(**values)


def available(*, test_only: bool = False) -> list[str]:
    """Slugs of the profiles shipped with Folio, sorted; with ``test_only``, also those kept for the tests."""
    slugs = sorted(p.name.removesuffix(".toml") for p in PROFILE_DIR.iterdir() if p.name.endswith(".toml"))
    return slugs if test_only else [slug for slug in slugs if not load(slug).test_only]


def load(slug: str, directory: Path | None = None) -> SiteProfile:
    """Load the profile ``slug`` from ``directory`` (default: the bundled profiles)."""
    directory = directory or PROFILE_DIR
    path = directory / f"{slug}.toml"
    if not slug.replace("_", "").isalnum() or not path.is_file():
        known = ", ".join(available()) or "none"
        raise ProfileError(f"unknown site {slug!r}; known sites: {known}")
    return parse(path.read_text(encoding="utf-8"), slug=slug, source=str(path))


def parse(text: str, *, slug: str, source: str = "<profile>") -> SiteProfile:
    """Build a SiteProfile from TOML text, rejecting unknown keys with their name."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(f"{source}: not valid TOML: {exc}") from None
    known = {f.name for f in fields(SiteProfile)} - {"slug", "extra"}
    unknown = sorted(set(data) - known)
    if unknown:
        raise ProfileError(f"{source}: unknown key(s) {', '.join(unknown)}")
    data.setdefault("name", slug)
    for key, value in list(data.items()):
        if isinstance(value, list):
            data[key] = tuple(value)
    return SiteProfile(slug=slug, **data)
