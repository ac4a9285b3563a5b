"""Build the whole conventions site: every page's HTML by path, and every article's ground truth."""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache
from html import escape

from . import blind, catalog, eighth, eleventh, fifth, fresh, heldout, layout, ninth, seventh, sixth, tenth, traps, twelfth
from .catalog import Case, Plan

DEFAULT_SEED = 8
# Publishers that point rel=canonical at the page itself, and those that point every page at page 1.
SELF_CANONICAL = ("harbor", "kestrel", *heldout.SELF_CANONICAL, *fresh.SELF_CANONICAL, *blind.SELF_CANONICAL,
                  *fifth.SELF_CANONICAL, *sixth.SELF_CANONICAL, *seventh.SELF_CANONICAL,
                  *eighth.SELF_CANONICAL, *ninth.SELF_CANONICAL, *tenth.SELF_CANONICAL, *eleventh.SELF_CANONICAL,
                  *twelfth.SELF_CANONICAL)
FIRST_PAGE_CANONICAL = ("northpeak", "cobalt", *fresh.FIRST_PAGE_CANONICAL, *fifth.FIRST_PAGE_CANONICAL,
                        *sixth.FIRST_PAGE_CANONICAL, *seventh.FIRST_PAGE_CANONICAL,
                        *eighth.FIRST_PAGE_CANONICAL, *ninth.FIRST_PAGE_CANONICAL,
                        *tenth.FIRST_PAGE_CANONICAL, *eleventh.FIRST_PAGE_CANONICAL,
                        *twelfth.FIRST_PAGE_CANONICAL)
FAMILIES = tuple(catalog.FAMILIES)


@dataclass(frozen=True)
class ConventionSite:
    """The generated site: ground truth per article and the HTML of every path it serves."""

    seed: int
    cases: tuple[Case, ...]
    documents: dict[str, str]
    family: str = "dev"

    def groups(self, kind: str | None = None) -> list[str]:
        """Convention and trap names in order (only one kind when given)."""
        return list(dict.fromkeys(c.group for c in self.cases if kind in (None, c.kind)))

    def case(self, key: str) -> Case:
        """The case with this key."""
        return next(c for c in self.cases if c.key == key)


@cache
def build(seed: int = DEFAULT_SEED, family: str = "dev") -> ConventionSite:
    """The site for ``seed`` and publisher ``family``: the same arguments always give the same bytes."""
    if family not in catalog.FAMILIES:
        raise ValueError(f"no publisher family {family!r}; there are {', '.join(catalog.FAMILIES)}")
    plans = catalog.convention_plans(seed, catalog.FAMILIES[family])
    trap_plans, documents = traps.trap_plans(seed, plans, catalog.FAMILIES[family])
    plans += trap_plans
    cases = []
    for plan in plans:
        chrome = set(plan.case.chrome)
        for number, path in enumerate(plan.case.page_urls, 1):
            view = _view(plan, number, _related(plan, plans))
            chrome.update(s for s in (view.top, view.bottom) if s)
            if plan.case.publisher == "vitalis" and view.total > 1:
                chrome.add(f"Page {number} of {view.total}")
            if path in documents:  # two headlines made the same slug: ground truth would be ambiguous
                raise ValueError(f"seed {seed}: two pages at {path}")
            documents[path] = layout.render(view)
        for path in plan.case.alternates:
            if path not in documents:  # the print-partial trap made its own view of page 1 only
                documents[path] = layout.render(_whole(plan, path))
        cases.append(replace(plan.case, chrome=tuple(sorted(chrome - {""}))))
    documents["/"] = _index(cases)
    return ConventionSite(seed, tuple(cases), documents, family)


def _related(plan: Plan, plans: list[Plan]) -> list[tuple[str, str]]:
    """Three other articles of the same publisher, as its sidebars and related lists show them."""
    mine = [p.case for p in plans if p.case.publisher == plan.case.publisher and p.case.language == plan.case.language]
    start = mine.index(plan.case) + 1
    others = (mine[start:] + mine[:start - 1])[:3]
    return [(c.page_urls[0], c.title) for c in others]


def _view(plan: Plan, number: int, related: list[tuple[str, str]]) -> layout.View:
    case = plan.case
    paragraphs = list(case.pages[number - 1])
    if plan.extra.get("overlap") and number > 1:  # the page repeats the previous page's last paragraph
        paragraphs.insert(0, case.pages[number - 2][-1])
    top, bottom = catalog.markers(plan, number)
    pager, head = catalog.pager_html(plan, number)
    path = case.page_urls[number - 1]
    canonical = path if case.publisher in SELF_CANONICAL else ""
    if case.publisher in FIRST_PAGE_CANONICAL:
        canonical = case.page_urls[0]
    return layout.View(
        publisher=case.publisher, language=case.language, title=case.title, authors=case.authors,
        published=case.published, number=number, total=len(case.page_urls), paragraphs=paragraphs, dek=plan.dek,
        pager=plan.extra.get("pager", pager), pager_place=plan.convention.place if plan.convention else "nav",
        top=top, bottom=bottom, head=head, canonical=canonical, related=related,
        extra=plan.extra.get("html", ""), sidebar=plan.extra.get("sidebar", ""),
    )


def _whole(plan: Plan, path: str) -> layout.View:
    """The print or AMP view: the whole text on one page, canonical to page 1."""
    case = plan.case
    return layout.View(publisher=case.publisher, language=case.language, title=case.title, authors=case.authors,
                       published=case.published, number=1, total=1, paragraphs=case.body_paragraphs, dek=plan.dek,
                       canonical=case.page_urls[0])


def _index(cases: list[Case]) -> str:
    items = "".join(f'<li><a href="{escape(c.page_urls[0])}">{escape(c.title)}</a> ({escape(c.group)}, '
                    f"{len(c.page_urls)} pages)</li>" for c in cases)
    return f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Conventions</title></head>' \
           f"<body><h1>Pagination conventions</h1><ul>{items}</ul></body></html>\n"
