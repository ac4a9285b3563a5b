"""The conventions site: multi-page articles in many pagination conventions, traps, and their ground truth."""
from __future__ import annotations

import random
from dataclasses import dataclass, field, replace

from . import blind, eighth, eleventh, fifth, fresh, heldout, layout, ninth, pagers, seventh, sixth, tenth, text, twelfth
from .families import CONVENTIONS, FAMILIES, Convention, Family  # noqa: F401 (the site's modules read them here)


@dataclass(frozen=True)
class Case:
    """One generated article and its ground truth."""

    key: str
    group: str  # the convention or trap it exercises
    kind: str  # "convention" or "trap"
    publisher: str
    language: str
    title: str
    authors: tuple[str, ...]
    published: str
    page_urls: tuple[str, ...]  # paths (with query) of its pages, in order
    pages: tuple[tuple[str, ...], ...]  # the clean paragraphs of each page
    chrome: tuple[str, ...] = ()  # text the pages print that must not reach the body
    alternates: tuple[str, ...] = ()  # other views of it (print, AMP; whole or partial): neither found nor foreign

    @property
    def body_paragraphs(self) -> list[str]:
        """The article's text, paragraph by paragraph, each once."""
        return [p for page in self.pages for p in page]

    @property
    def body(self) -> str:
        """The clean body as Folio stores it: paragraphs separated by a blank line."""
        return "\n\n".join(self.body_paragraphs)


@dataclass
class Plan:
    """How to render one case: its case plus the pagination and trap details."""

    case: Case
    dek: str
    convention: Convention | None = None
    extra: dict = field(default_factory=dict)  # trap renderers' options


# Families written blind from the fifth on: each module has its PUBLISHERS, markers, chrome_lines and DEK.
_BLIND_MODULES = (fifth, sixth, seventh, eighth, ninth, tenth, eleventh, twelfth)


def _blind_module(publisher: str):
    """The module of the blind-written family that ``publisher`` belongs to, or None."""
    return next((module for module in _BLIND_MODULES if publisher in module.PUBLISHERS), None)


def markers(plan: Plan, number: int) -> tuple[str, str]:
    """The (top, bottom) position markers page ``number`` prints."""
    case, total = plan.case, len(plan.case.page_urls)
    special = plan.convention.special if plan.convention else ""
    if special == "slides":
        return f"Step {number} of {total}", ""
    if special == "continued":
        return ("continued..." if number > 1 else ""), ""
    if total == 1:
        return "", ""
    if module := _blind_module(case.publisher):
        return module.markers(case.publisher, case.language, number, total)
    top = bottom = ""
    if case.language != "en":
        top = layout.LOCAL[case.language][1].format(n=number - 1) if number > 1 else ""
    elif case.publisher in heldout.MARKERS or case.publisher in fresh.MARKERS or case.publisher in blind.MARKERS:
        above, below = (heldout.MARKERS | fresh.MARKERS | blind.MARKERS)[case.publisher]
        top = above.format(n=number - 1) if above and number > 1 else ""
        bottom = below.format(n=number + 1) if below and number < total else ""
    elif case.publisher == "harbor":
        top = f"(Continued from page {number - 1})" if number > 1 else ""
        bottom = f"Story continues on page {number + 1}" if number < total else ""
    elif case.publisher == "northpeak" and number > 1:
        top = "continued..."
    elif case.publisher == "kestrel" and number < total:
        bottom = "Continued on next page"
    return top, bottom


def chrome_of(publisher: str, language: str, title: str, authors: tuple[str, ...], dek: str, *,
              published: str = "") -> list[str]:
    """Chrome every page of an article prints, whatever its pagination."""
    if publisher in heldout.NAMES or publisher == heldout.EUROPEAN:
        return [*heldout.chrome_lines(publisher, language, authors, published), title,
                *([dek] if publisher in heldout.DEK else [])]
    if publisher in fresh.NAMES or publisher == fresh.EUROPEAN:
        return [*fresh.chrome_lines(publisher, language, authors, published), title,
                *([dek] if publisher in fresh.DEK else [])]
    if publisher in blind.NAMES or publisher == blind.EUROPEAN:
        return [*blind.chrome_lines(publisher, language, authors, published), title,
                *([dek] if publisher in ("juniper", "saltmarsh", blind.EUROPEAN) else [])]
    if module := _blind_module(publisher):
        return [*module.chrome_lines(publisher, language, authors, published), title,
                *([dek] if publisher in module.DEK else [])]
    return [*layout.chrome_strings(publisher, language), title, layout.byline(authors), dek]


def new_plan(rng: random.Random, *, key: str, group: str, kind: str, publisher: str, language: str = "en",
             paths: list[str], title: str) -> Plan:
    """A plan with invented authors, date and text for the article ``title`` at ``paths``."""
    heldout_family = publisher in heldout.NAMES or publisher == heldout.EUROPEAN
    authors, published = text.authors(rng, most=3 if heldout_family else 2), text.day(rng)
    if publisher in fresh.NAMES or publisher == fresh.EUROPEAN:
        authors = fresh.authors(rng)
    if publisher in blind.NAMES or publisher == blind.EUROPEAN:
        authors = blind.authors(rng)
    if publisher in fifth.PUBLISHERS:
        authors = fifth.authors(rng)
    if publisher in sixth.PUBLISHERS:
        authors = sixth.authors(rng)
    if publisher in seventh.PUBLISHERS:
        authors = seventh.authors(rng, publisher)
    if publisher in eighth.PUBLISHERS:
        authors = eighth.authors(rng, publisher, language)
    if publisher in ninth.PUBLISHERS:
        authors = ninth.authors(rng, publisher)
    if publisher in tenth.PUBLISHERS:
        authors = tenth.authors(rng, publisher, language)
    if publisher in eleventh.PUBLISHERS:
        authors = eleventh.authors(rng, publisher, language)
    if publisher in twelfth.PUBLISHERS:
        authors, title = twelfth.authors(rng, publisher, language), twelfth.headline(publisher, title, len(paths))
    dek = text.sentence(rng, language, 8, 12)
    pages = tuple(text.page_text(rng, language) for _ in paths)
    case = Case(key=key, group=group, kind=kind, publisher=publisher, language=language, title=title,
                authors=authors, published=published, page_urls=tuple(paths), pages=pages,
                chrome=tuple(chrome_of(publisher, language, title, authors, dek, published=published)))
    return Plan(case, dek)


def convention_plans(seed: int, family: Family = FAMILIES["dev"]) -> list[Plan]:
    """``family.per_convention`` articles for each convention, publishers and page counts varied."""
    plans = []
    english = family.english
    owners = dict(family.publisher_of)
    for index, convention in enumerate((CONVENTIONS if family.shared else ()) + family.more):
        for serial in range(family.per_convention):
            rng = random.Random(f"{seed}:{family.name}:{convention.name}:{serial}" if family.name != "dev"
                                else f"{seed}:{convention.name}:{serial}")
            publisher = family.european if convention.language != "en" else english[(index + serial) % len(english)]
            if convention.special == "slides":
                publisher = family.slides
            publisher = owners.get(convention.name, publisher)
            count = (2, 3, 4, 5)[(index + serial) % 4] if serial else 3  # the first one always has 3 pages
            title = text.headline(rng, convention.language)
            slug = text.slug(title)
            base = f"/{publisher}/{convention.language}/{slug}" if publisher == family.european else f"/{publisher}/health/{slug}"
            paths = pagers.page_paths(convention.scheme, base, count, rng)
            plan = new_plan(rng, key=f"{convention.name}-{serial + 1}", group=convention.name, kind="convention",
                            publisher=publisher, language=convention.language, paths=paths, title=title)
            plan.convention = convention
            plans.append(_with_views(plan, base))
    return plans


def _with_views(plan: Plan, base: str) -> Plan:
    """Add the print or AMP view a convention offers, as an alternate URL of the same text."""
    special = plan.convention.special
    if special not in ("print", "amp", "all"):
        return plan
    view = f"{plan.case.page_urls[0]}?print=1" if special == "print" else f"/amp{base}.html"
    view = f"{plan.case.page_urls[0]}?view=all" if special == "all" else view
    plan.case = replace(plan.case, alternates=(view,))
    return plan


def pager_html(plan: Plan, number: int) -> tuple[str, list[tuple[str, str]]]:
    """The pager of page ``number`` and the links it adds to <head>."""
    convention, paths = plan.convention, list(plan.case.page_urls)
    if convention is None or len(paths) == 1:
        return "", []
    language = plan.case.language
    labels = {}
    if language != "en":
        labels = {"next_label": layout.LOCAL[language][2], "prev_label": layout.LOCAL[language][3]}
    elif convention.special == "continued":
        labels = {"next_label": "Next page" if number == 1 else "continued..."}
    elif convention.next_label:
        labels = {"next_label": convention.next_label}
    html = pagers.WIDGETS[convention.widget](paths, number, **labels)
    head = []
    if convention.special == "head-next" and number < len(paths):
        head.append(("next", paths[number]))
    if convention.special == "print":
        html += f' <a class="tool" href="{plan.case.alternates[0]}">Print this article</a>'
    if convention.special == "all":
        html += f' <a class="view-all" href="{plan.case.alternates[0]}">View all on one page</a>'
    if convention.special == "amp":
        head.append(("amphtml", plan.case.alternates[0]))
    return html, head
