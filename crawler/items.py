"""What the spider hands to the pipelines: the raw pages of one article."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Page:
    """One fetch of one page of an article, kept exactly as received."""

    url: str  # the URL asked for
    number: int  # 1-based position in the article
    status: int | None = None  # HTTP status; None when no response arrived
    final_url: str | None = None  # after redirects
    fetched_at: str | None = None  # ISO 8601 UTC
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    error: str | None = None  # why this page is not usable (HTTP 500, DNS failure, not HTML…)
    extract: dict | None = None  # extract_page's output, computed once in a worker when the page arrived

    @property
    def ok(self) -> bool:
        return self.error is None

    def __repr__(self) -> str:  # logs name the page, never dump its body
        state = self.error or f"HTTP {self.status}, {len(self.body)} bytes"
        return f"Page({self.number}: {self.url} [{state}])"


@dataclass
class ArticleCapture:
    """Every page fetched for one article, in order, plus what could not be fetched."""

    site: str
    url: str  # page 1 as linked: the article's identity
    pages: list[Page] = field(default_factory=list)
    stopped: str | None = None  # why pagination stopped before the last page (loop, page limit, off-site)
    known_pages: list[str] = field(default_factory=list)  # numbered pages page 1 links to
    expected_pages: int | None = None  # pages the article announces ("page 1 of N", its pager's last number)
    rejected: list[dict] = field(default_factory=list)  # candidates fetched and found not to be pages: url, reason
    pending: list[dict] = field(default_factory=list)  # candidates for the next page, not tried yet
    single_view: Page | None = None  # a verified single-page or print view: its text is the body
    template_lines: list[int] = field(default_factory=list)  # short texts another article of the site prints
    # Filled by the pipelines, in order: Extract, Assemble (reassembled, then normalized).
    extracted: list[dict] = field(default_factory=list)
    article: dict = field(default_factory=dict)

    def __repr__(self) -> str:  # Scrapy logs items on errors: say which article, not its bodies
        return f"ArticleCapture({self.site}: {self.url}, pages={self.pages!r})"
