"""The conventions site: multi-page articles in many pagination conventions, traps, and their ground truth."""
from __future__ import annotations

import random
from dataclasses import dataclass, field, replace

from . import blind, eighth, fifth, fresh, heldout, layout, ninth, pagers, seventh, sixth, text

ENGLISH = ("harbor", "northpeak", "vitalis", "kestrel", "larch")
PER_CONVENTION = 3  # articles per convention: enough to vary publisher and page count, small for tests


@dataclass(frozen=True)
class Family:
    """A set of invented publishers the site is built from."""

    name: str
    english: tuple[str, ...]
    european: str  # the publisher of the non-English conventions
    slides: str  # the publisher of the slideshow convention
    traps: tuple[str, str]  # the two publishers of each trap
    single_page: tuple[str, ...]  # the publishers of the one-page articles
    per_convention: int = PER_CONVENTION
    more: tuple = ()  # conventions only this family has, after the shared ones
    more_traps: tuple[str, ...] = ()  # traps only this family has (traps.py), after the shared ones




@dataclass(frozen=True)
class Convention:
    """One way of splitting an article over pages: URL scheme, pager widget and where the pager sits."""

    name: str
    scheme: str
    widget: str
    place: str = "nav"
    next_label: str | None = None
    language: str = "en"
    special: str = ""  # "continued", "slides", "head-next", "print", "amp", "all"


CONVENTIONS = (
    Convention("dash-number", "dash", "numbered-next"),
    Convention("underscore-number", "underscore", "numbered-next", "article"),
    Convention("slash-number", "slash", "numbered-next"),
    Convention("page-path", "page-path", "numbered-next", "article"),
    Convention("query-page", "page", "numbered-next"),
    Convention("query-pg", "pg", "numbered-next", "article"),
    Convention("query-p", "p", "numbered-next"),
    Convention("query-start", "start", "numbered-next"),
    Convention("pagewanted", "pagewanted", "numbered-next", "article"),
    Convention("fragment-page", "part", "fragments"),
    Convention("index-number", "index", "numbered-next"),
    Convention("text-next", "opaque", "next", "article", "Next"),
    Convention("text-next-page-raquo", "opaque", "next", "nav", "Next page »"),
    Convention("text-continue-reading", "opaque", "next", "article", "Continue reading"),
    Convention("text-continued", "dash", "next", "article", special="continued"),
    Convention("page-of", "opaque", "page-of"),
    Convention("numbers-only", "opaque", "numbers"),
    Convention("image-arrows", "opaque", "arrows"),
    Convention("button-links", "opaque", "buttons", "article", "Next"),
    Convention("rel-next-head", "opaque", "load-more", "article", special="head-next"),
    Convention("next-de", "opaque", "next", "nav", language="de"),
    Convention("next-fr", "opaque", "next", "article", language="fr"),
    Convention("next-es", "opaque", "next", "nav", language="es"),
    Convention("next-nl", "opaque", "next", "article", language="nl"),
    Convention("next-pt", "opaque", "next", "nav", language="pt"),
    Convention("pager-in-nav", "opaque", "numbered-next", "nav", "Next ›"),
    Convention("pager-in-text", "opaque", "inline", "article", "Read the rest of this story"),
    Convention("slideshow", "step", "next", "nav", "Next step ›", special="slides"),
    Convention("print-view", "page", "numbered-next", special="print"),
    Convention("amp", "dash", "numbered-next", special="amp"),
)
# Conventions only the fresh family uses: none of them was seen while the pagination rules were written.
FRESH_CONVENTIONS = (
    Convention("dot-number", "dot", "pipe-numbers"),
    Convention("next-it", "pagina", "next", "nav", language="it"),
    Convention("next-sv", "sida", "next", "article", language="sv"),
    Convention("title-arrow", "p-suffix", "title-arrow"),
    Convention("keep-reading", "opaque", "inline", "article", "Keep reading this story →"),
)
# Conventions only the blind family uses, written without reading the pagination rules.
BLIND_CONVENTIONS = (
    Convention("bare-number", "bare", "select"),
    Convention("query-seite", "seite", "numbers"),
    Convention("next-pl", "strona", "next", "article", language="pl"),
    Convention("load-page", "opaque", "load-page", "article"),
)
# Conventions only the fifth family uses, written without reading the pagination rules (fifth_pagers.py).
FIFTH_CONVENTIONS = (
    Convention("roman-parts", "roman", "roman"),
    Convention("next-chapter-title", "id-part", "next-title", "article"),
    Convention("aria-dots", "pageno", "dots"),
    Convention("select-only", "slug-id", "select-only", "article"),
    Convention("rel-next-in-body", "hyphen-page", "show-more", "article"),
    Convention("view-all", "pn", "view-all", special="all"),
    Convention("next-fi", "sivu", "next", "article", language="fi"),
    Convention("opaque-read-on", "hex", "read-on", "nav", "Read on →"),
)
# Conventions only the sixth family uses, written without reading the pagination rules (sixth_pagers.py).
SIXTH_CONVENTIONS = (
    Convention("comma-id", "comma", "fraction"),
    Convention("page-one-query", "page-one", "chevron", "article"),
    Convention("zero-based-page", "zero-page", "drupal"),
    Convention("part-subtitle", "subtitle", "part-of", "article"),
    Convention("next-section", "section", "next-section", "article"),
    Convention("next-tr", "sayfa", "next", "nav", language="tr"),
)
# Conventions only the seventh family uses, written without reading the pagination rules (seventh_pagers.py).
SEVENTH_CONVENTIONS = (
    Convention("article-page-amp", "article-page", "paged-query"),
    Convention("p-number-path", "p-path", "sentence", "article"),
    Convention("page-folder-index", "page-dir", "dir-numbers"),
    Convention("uppercase-htm", "upper-htm", "table-pager", "article"),
    Convention("contents-only", "toc", "contents", "top"),
    Convention("form-and-link", "aspx", "page-form", "article"),
    Convention("next-id", "halaman", "next", "article", language="id"),
)
# Conventions only the eighth family uses, written without reading the pagination rules (eighth_pagers.py).
EIGHTH_CONVENTIONS = (
    Convention("seite-dash", "seite-dash", "naechste", "article", language="de"),
    Convention("pagina-select", "htm-pagina", "select-jump", language="es"),
    Convention("hashed-page-links", "hash-trail", "hashed-numbers", "article"),
    Convention("hash-route", "route", "hash-route"),
    Convention("title-only-arrows", "nl-pagina", "titled-arrows", language="nl"),
    Convention("lire-la-suite", "fr-suite", "lire-la-suite", "article", language="fr"),
    Convention("plain-pipes", "pt-parte", "pipe-plain", language="pt"),
    Convention("load-more-href", "chunk", "load-more-href", "article"),
    Convention("next-ja", "ja-index", "ja-next", language="ja"),
    Convention("next-page-subject", "pagenumber", "next-heading", "article"),
)
# Conventions only the ninth family uses, written without reading the pagination rules (ninth_pagers.py).
NINTH_CONVENTIONS = (
    Convention("bare-slash-svg", "bare-slash", "svg-arrow", "article"),
    Convention("slide-query", "slide-q", "slide-next"),
    Convention("pg-view-pagination", "pg-view", "ul-pagination"),
    Convention("page-n-html-continue", "page-html", "continue-to-page", "article"),
    Convention("next-item-heading", "item-path", "next-heading", "article"),
    Convention("title-only-arrows", "pagenum", "title-arrows"),
    Convention("number-spans", "bare-slash", "number-spans"),
)

FAMILIES = {
    "dev": Family("dev", ENGLISH, "euro", "larch", ("vitalis", "harbor"), ("kestrel", "northpeak", "larch")),
    # Written after the rules and never tuned on: the held-out check (see heldout.py).
    "heldout": Family("heldout", heldout.ENGLISH, heldout.EUROPEAN, "cobalt", ("tidewell", "quillon"),
                      heldout.ENGLISH, per_convention=2),
    # Written before the byline, dek and chrome rules were read; measured before and after them (see fresh.py).
    "fresh": Family("fresh", fresh.ENGLISH, fresh.EUROPEAN, "fennel", ("lantern", "sorrel"), fresh.ENGLISH,
                    per_convention=2, more=FRESH_CONVENTIONS),
    # Written without reading the rules and measured once, never tuned on (see blind.py).
    "blind": Family("blind", blind.ENGLISH, blind.EUROPEAN, "wicket", ("foxglove", "saltmarsh"),
                    blind.ENGLISH, per_convention=2, more=BLIND_CONVENTIONS),
    # Written without reading the rules and measured once, never tuned on (see fifth.py).
    "fifth": Family("fifth", fifth.ENGLISH, fifth.EUROPEAN, "wayfarer", ("cairn", "pellucid"), fifth.ENGLISH,
                    per_convention=2, more=FIFTH_CONVENTIONS,
                    more_traps=("pager-lookalike", "series-next", "id-neighbour")),
    # CMS-shaped publishers, written without reading the rules and measured once, never tuned on (see sixth.py).
    "sixth": Family("sixth", sixth.ENGLISH, sixth.EUROPEAN, "lowmoor", ("kinetic", "apothecary"), sixth.ENGLISH,
                    per_convention=2, more=SIXTH_CONVENTIONS,
                    more_traps=("up-next", "comment-chevrons", "category-zero-page", "one-page-partial",
                                "numbered-steps", "series-neighbour")),
    # Newsroom, agency, magazine and TV publishers, written without reading the rules, measured once (seventh.py).
    "seventh": Family("seventh", seventh.ENGLISH, seventh.EUROPEAN, "longhand", ("wktv", "ncdp"), seventh.ENGLISH,
                      per_convention=2, more=SEVENTH_CONVENTIONS,
                      more_traps=("search-results", "older-posts", "series-parts", "translation", "next-titled")),
    # Pharmacy, medical school, society, newsletter, wire and a multilingual network, written blind (eighth.py).
    "eighth": Family("eighth", eighth.ENGLISH, eighth.EUROPEAN, "pts", ("dispatch", "rxwell"), eighth.ENGLISH,
                     per_convention=2, more=EIGHTH_CONVENTIONS,
                     more_traps=("post-navigation", "more-comments", "related-carousel", "topic-select",
                                 "author-archive")),
    # US, UK, Australian and Indian publishers on common platforms, written without reading the rules (ninth.py).
    "ninth": Family("ninth", ninth.ENGLISH, ninth.EUROPEAN, "listwise", ("kxyz", "healthnest"), ninth.ENGLISH,
                    per_convention=2, more=NINTH_CONVENTIONS,
                    more_traps=("next-in-series", "carousel-pages", "photo-gallery", "continue-reading-story",
                                "comment-view")),
}


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
    if case.publisher in fifth.PUBLISHERS:
        return fifth.markers(case.publisher, case.language, number, total)
    if case.publisher in sixth.PUBLISHERS:
        return sixth.markers(case.publisher, case.language, number, total)
    if case.publisher in seventh.PUBLISHERS:
        return seventh.markers(case.publisher, case.language, number, total)
    if case.publisher in eighth.PUBLISHERS:
        return eighth.markers(case.publisher, case.language, number, total)
    if case.publisher in ninth.PUBLISHERS:
        return ninth.markers(case.publisher, case.language, number, total)
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
    if publisher in fifth.PUBLISHERS:
        return [*fifth.chrome_lines(publisher, language, authors, published), title,
                *([dek] if publisher in fifth.DEK else [])]
    if publisher in sixth.PUBLISHERS:
        return [*sixth.chrome_lines(publisher, language, authors, published), title,
                *([dek] if publisher in sixth.DEK else [])]
    if publisher in seventh.PUBLISHERS:
        return [*seventh.chrome_lines(publisher, language, authors, published), title,
                *([dek] if publisher in seventh.DEK else [])]
    if publisher in eighth.PUBLISHERS:
        return [*eighth.chrome_lines(publisher, language, authors, published), title,
                *([dek] if publisher in eighth.DEK else [])]
    if publisher in ninth.PUBLISHERS:
        return [*ninth.chrome_lines(publisher, language, authors, published), title,
                *([dek] if publisher in ninth.DEK else [])]
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
    for index, convention in enumerate(CONVENTIONS + family.more):
        for serial in range(family.per_convention):
            rng = random.Random(f"{seed}:{family.name}:{convention.name}:{serial}" if family.name != "dev"
                                else f"{seed}:{convention.name}:{serial}")
            publisher = family.european if convention.language != "en" else english[(index + serial) % len(english)]
            if convention.special == "slides":
                publisher = family.slides
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
