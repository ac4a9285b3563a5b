"""Score an archive crawled from the conventions site against its ground truth, per article and per group.

A page counts as found for an article when its `pages` row belongs to the article. `pages` keeps
one row per URL (the first article stored with that body keeps it), so a page another article took
also counts as found when its paragraphs are in this article's body; and a page of another article
(or a gallery, comment or listing page) counts as foreign when its row belongs to this article or
its paragraphs are in this article's body. Print and AMP views of the same text count as neither.
"""
from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from pipelines.quality import body_scores

from .catalog import Case
from .site import ConventionSite


@dataclass
class Outcome:
    """What the archive holds for one case."""

    case: Case
    stored: bool
    body: str
    complete: bool = False  # what the archive says
    metadata_ok: bool = False  # title, authors and date all as the ground truth says
    requests: int = 0  # requests made on its behalf (see request_costs)
    found: list[str] = field(default_factory=list)  # its own pages, found
    foreign: list[str] = field(default_factory=list)  # pages that are not its own, merged in
    leaks: list[str] = field(default_factory=list)  # chrome strings in the stored body

    @property
    def exact_pages(self) -> bool:
        """Every page found, in any order, and nothing foreign."""
        return set(self.found) == set(self.case.page_urls) and not self.foreign


def _paragraphs_in(paragraphs: tuple[str, ...], body: str) -> bool:
    """At least half of a page's paragraphs occur verbatim (whitespace folded) in the body."""
    if not paragraphs:
        return False
    folded = " ".join(body.split())
    return sum(" ".join(p.split()) in folded for p in paragraphs) * 2 >= len(paragraphs)


def request_costs(site: ConventionSite, log: list[tuple[str, str | None]], base_url: str) -> dict[str, int]:
    """Requests per case: its first page, and every request whose Referer is one of its pages."""
    first = {c.page_urls[0]: c.key for c in site.cases}
    owner = {p: c.key for c in site.cases for p in c.page_urls}
    costs: dict[str, int] = {}
    for target, referer in log:
        if target == "/robots.txt" or target.startswith("/static/"):
            continue
        key = first.get(target) if referer is None else owner.get(referer.removeprefix(base_url).split("#")[0])
        if key:
            costs[key] = costs.get(key, 0) + 1
    return costs


def read_outcomes(db: Path, site: ConventionSite, base_url: str, costs: dict[str, int] | None = None) -> list[Outcome]:
    """One Outcome per case of the site, read from the archive at ``db`` (and its request costs)."""
    with sqlite3.connect(db) as conn:
        articles = {row[1]: row for row in conn.execute(
            "select id, url, coalesce(body_text, ''), complete, title, authors, published from articles")}
        owner = {url: aid for url, aid in conn.execute("select url, article_id from pages where article_id is not null")}
    own_page = {p: c for c in site.cases for p in c.page_urls}
    views = {v for c in site.cases for v in c.alternates}
    texts = {p: c.pages[n] for c in site.cases for n, p in enumerate(c.page_urls)}
    outcomes = []
    for case in site.cases:
        aid, _, body, complete, title, authors, published = articles.get(base_url + case.page_urls[0], (None,) * 7)
        metadata = [title, json.loads(authors or "[]"), (published or "")[:10]]
        outcome = Outcome(case, aid is not None, body or "", bool(complete),
                          metadata == [case.title, list(case.authors), case.published])
        rows = {url[len(base_url):] for url, holder in owner.items() if holder == aid and url.startswith(base_url)}
        for path in case.page_urls:
            if path in rows or (aid and _paragraphs_in(texts[path], body)):
                outcome.found.append(path)
        for path in sorted(rows - set(case.page_urls) - views):
            outcome.foreign.append(path)
        for path, paragraphs in texts.items():
            if own_page[path] is not case and path not in outcome.foreign and aid and _paragraphs_in(paragraphs, body):
                outcome.foreign.append(path)
        outcome.leaks = [s for s in case.chrome if s and s in body]
        outcome.requests = (costs or {}).get(case.key, 0)
        outcomes.append(outcome)
    return outcomes


@dataclass(frozen=True)
class Figures:
    """The scores of a set of cases."""

    articles: int
    pages: int
    found: int
    foreign: int
    merged_articles: int  # articles with at least one foreign page
    exact: int  # articles with exactly their pages
    false_complete: int  # articles stored as complete while pages are missing
    false_incomplete: int  # articles stored as incomplete though every page was found and none foreign
    metadata: int  # articles with title, authors and date right
    extra_requests: int  # the most requests any article cost beyond its own page count
    f1: float
    leaks: int

    @property
    def precision(self) -> float:
        """Own pages found over all pages attributed to the articles."""
        return self.found / (self.found + self.foreign) if self.found + self.foreign else 1.0

    @property
    def recall(self) -> float:
        """Own pages found over own pages."""
        return self.found / self.pages if self.pages else 1.0

    def rank(self) -> tuple:
        """Sort key, best first: fewest false merges, then recall and body F1, then fewest leaks."""
        return (self.foreign, -round((self.recall + self.f1) / 2, 6), self.leaks)


def figures(outcomes: list[Outcome]) -> Figures:
    """Sum the outcomes: page precision/recall, false merges, merged-body F1 (pipelines.quality), leaks."""
    scores = body_scores([(o.case.body, o.body) for o in outcomes]) if outcomes else {"f1": 0.0}
    return Figures(
        articles=len(outcomes),
        pages=sum(len(o.case.page_urls) for o in outcomes),
        found=sum(len(o.found) for o in outcomes),
        foreign=sum(len(o.foreign) for o in outcomes),
        merged_articles=sum(bool(o.foreign) for o in outcomes),
        exact=sum(o.exact_pages for o in outcomes),
        false_complete=sum(o.complete and len(o.found) < len(o.case.page_urls) for o in outcomes),
        false_incomplete=sum(o.stored and not o.complete and o.exact_pages for o in outcomes),
        metadata=sum(o.metadata_ok for o in outcomes),
        extra_requests=max((max(0, o.requests - len(o.case.page_urls)) for o in outcomes), default=0),
        f1=scores["f1"],
        leaks=sum(len(o.leaks) for o in outcomes),
    )


def by_group(outcomes: list[Outcome]) -> dict[str, list[Outcome]]:
    """Outcomes grouped by convention or trap, in the site's order."""
    groups: dict[str, list[Outcome]] = {}
    for outcome in outcomes:
        groups.setdefault(outcome.case.group, []).append(outcome)
    return groups


def pick(points: list[dict[str, list[Outcome]]], groups: list[str]) -> int:
    """The grid point whose pooled figures over ``groups`` rank best (the first of equals)."""
    ranks = [figures([o for g in groups for o in point.get(g, [])]).rank() for point in points]
    return min(range(len(points)), key=lambda i: (ranks[i], i))


def leave_one_out(points: list[dict[str, list[Outcome]]]) -> dict[str, int]:
    """For each group, the grid point chosen on every OTHER group: its held-out score is read there."""
    groups = list(points[0])
    return {g: pick(points, [other for other in groups if other != g]) for g in groups}
