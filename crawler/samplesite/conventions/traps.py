"""Traps: links that look like an article's next page but lead elsewhere, and pages that look like its own."""
from __future__ import annotations

import random
from dataclasses import replace
from html import escape

from . import catalog, eighth_traps, eleventh_traps, fifth_traps, layout, ninth_traps, pagers, seventh_traps, sixth_traps, tenth_traps, text, twelfth_traps
from .catalog import Plan

TRAPS = ("related-list", "next-article", "same-site-next", "paginated-listing", "comment-pages", "gallery",
         "tag-pages", "overlap", "numeric-neighbour", "print-partial", "single-page")
_QUERY_PAGE = next(c for c in catalog.CONVENTIONS if c.name == "query-page")
_DASH = catalog.Convention("dash", "dash", "next", "article", "Next ›")


def trap_plans(seed: int, others: list[Plan], family: catalog.Family = catalog.FAMILIES["dev"]
               ) -> tuple[list[Plan], dict[str, str]]:
    """The trap articles, and the extra pages (listings, galleries, comments) they link to."""
    plans: list[Plan] = []
    documents: dict[str, str] = {}
    salt = "" if family.name == "dev" else f"{family.name}:"
    for name in (TRAPS if family.shared else ()) + family.more_traps:
        for serial, publisher in enumerate(family.traps if name != "single-page" else family.single_page):
            rng = random.Random(f"{seed}:{salt}{name}:{serial}")
            made = (_BUILDERS | fifth_traps.BUILDERS | sixth_traps.BUILDERS | seventh_traps.BUILDERS
                     | eighth_traps.BUILDERS | ninth_traps.BUILDERS | tenth_traps.BUILDERS | eleventh_traps.BUILDERS
                     | twelfth_traps.BUILDERS)[name](rng, f"{name}-{serial + 1}", publisher, others, documents)
            plans.extend(made)
    return plans, documents



def _plan(rng: random.Random, key: str, publisher: str, *, pages: int = 1, scheme: str = "dash",
          group: str = "", convention: catalog.Convention | None = None) -> Plan:
    title = text.headline(rng)
    base = f"/{publisher}/news/{text.slug(title)}"
    paths = pagers.page_paths(scheme, base, pages, rng)
    plan = catalog.new_plan(rng, key=key, group=group or key.rsplit("-", 1)[0], kind="trap", publisher=publisher,
                            paths=paths, title=title)
    plan.convention = convention if pages > 1 else None
    return plan


def _related_list(rng, key, publisher, others, documents) -> list[Plan]:
    plan = _plan(rng, key, publisher)
    targets = [o.case for o in others if o.case.publisher == publisher][serial_offset(key)::7][:3]
    items = "".join(f'<li><a href="{escape(c.page_urls[0])}">Next: {escape(c.title)}</a></li>' for c in targets)
    plan.extra["html"] = f'<div class="related-inline"><p>Related</p><ul>{items}</ul></div>'
    return [plan]


def serial_offset(key: str) -> int:
    """1 for the first case of a trap, 2 for the second: spreads the targets they pick."""
    return int(key.rsplit("-", 1)[1])


def _next_article(rng, key, publisher, others, documents) -> list[Plan]:
    first = _plan(rng, key, publisher)
    target = _plan(rng, key + "-target", publisher, pages=3, scheme="page", group="next-article",
                   convention=_QUERY_PAGE)
    first.extra["html"] = (f'<p class="next-article"><a href="{escape(target.case.page_urls[0])}">'
                           f"Next article: {escape(target.case.title)} »</a></p>")
    return [first, target]


def _same_site_next(rng, key, publisher, others, documents) -> list[Plan]:
    """An article whose "Next ›" goes to another article at a URL shaped like its own page 2."""
    first = _plan(rng, key, publisher)
    second = _plan(rng, key + "-target", publisher, group="same-site-next")
    suffix = "_2.html" if key.endswith("-1") else "-2.html"  # both shapes real sites give their page 2
    second.case = replace(second.case, page_urls=(first.case.page_urls[0].replace(".html", suffix),))
    first.extra["pager"] = f'<a href="{escape(second.case.page_urls[0])}" class="next">Next ›</a>'
    second.extra["pager"] = f'<a href="{escape(first.case.page_urls[0])}" class="prev">‹ Previous</a>'
    return [first, second]


def _paginated_listing(rng, key, publisher, others, documents) -> list[Plan]:
    pages = 1 if key.endswith("-1") else 2
    plan = _plan(rng, key, publisher, pages=pages, scheme="page", convention=_QUERY_PAGE)
    root = f"/{publisher}/latest/"
    urls = [root] + [f"{root}?page={n}" for n in (2, 3)]
    for number, url in enumerate(urls, 1):
        documents[url] = _listing(publisher, "Latest news", others, number, urls)
    plan.extra["sidebar"] = f'<div class="latest"><h3>Latest news</h3>{pagers.numbered_next(urls, 1)}</div>'
    return [plan]


def _listing(publisher: str, heading: str, others: list[Plan], number: int, urls: list[str]) -> str:
    cases = [o.case for o in others if o.case.publisher == publisher][number - 1::3][:5]
    items = "".join(f'<article class="teaser"><h2><a href="{escape(c.page_urls[0])}">{escape(c.title)}</a></h2>'
                    f"<p>{escape(c.pages[0][0][:160])}</p></article>" for c in cases)
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{escape(heading)} - page {number}'
            f"</title></head><body><h1>{escape(heading)}</h1>{items}"
            f'<nav class="pagination">{pagers.numbered_next(urls, number)}</nav></body></html>')


def _comment_pages(rng, key, publisher, others, documents) -> list[Plan]:
    plan = _plan(rng, key, publisher, pages=2, scheme="page", convention=_QUERY_PAGE)
    page1 = plan.case.page_urls[0]
    urls = [f"{page1}?cpage={n}" for n in (2, 3)] if key.endswith("-1") else \
        [page1.replace(".html", f"/comments/page/{n}/") for n in (2, 3)]
    comments = [[text.sentence(rng, "en", 6, 12) for _ in range(4)] for _ in range(3)]
    for number, url in enumerate(urls, 2):
        view = _view(plan, 1, paragraphs=[])
        view.extra = _comments(comments[number - 1], [page1, *urls], number)
        documents[url] = layout.render(view)
    plan.extra["html"] = _comments(comments[0], [page1, *urls], 1)
    plan.case = replace(plan.case, chrome=plan.case.chrome + tuple(c for page in comments for c in page))
    return [plan]


def _comments(items: list[str], urls: list[str], number: int) -> str:
    lis = "".join(f'<li class="comment"><p>{escape(c)}</p></li>' for c in items)
    return (f'<section class="comments"><h2>Comments ({len(items) * len(urls)})</h2><ol>{lis}</ol>'
            f'<div class="comment-nav">{pagers.next_only(urls, number, next_label="Older comments ›")}</div></section>')


def _gallery(rng, key, publisher, others, documents) -> list[Plan]:
    """Photo pages that repeat the article's headline and template, each with a caption."""
    plan = _plan(rng, key, publisher)
    slug = plan.case.page_urls[0].rsplit("/", 1)[1].removesuffix(".html")
    urls = [plan.case.page_urls[0]] + [f"/{publisher}/gallery/{slug}/{n}" for n in (2, 3, 4)]
    captions = [text.sentence(rng, "en", 6, 10) for _ in urls]
    for number in range(2, len(urls) + 1):
        view = _view(plan, 1, paragraphs=[captions[number - 1]])
        view.extra = _strip(urls, number)
        documents[urls[number - 1]] = layout.render(view)
    plan.extra["html"] = _strip(urls, 1)
    plan.case = replace(plan.case, chrome=plan.case.chrome + tuple(captions[1:]))
    return [plan]


def _strip(urls: list[str], number: int) -> str:
    forward = f'<a href="{escape(urls[number])}" class="next">Next photo ›</a>' if number < len(urls) else ""
    return (f'<figure class="gallery"><img src="/static/photo-{number}.jpg" alt="">'
            f"<figcaption>Photo {number} of {len(urls)}</figcaption>{forward}</figure>")


def _tag_pages(rng, key, publisher, others, documents) -> list[Plan]:
    plan = _plan(rng, key, publisher)
    tag = ("sleep", "allergy")[serial_offset(key) - 1]
    urls = [f"/{publisher}/tag/{tag}/"] + [f"/{publisher}/tag/{tag}/page/{n}" for n in (2, 3)]
    for number, url in enumerate(urls, 1):
        documents[url] = _listing(publisher, f"Stories tagged {tag}", others, number, urls)
    plan.extra["html"] = (f'<p class="tags">Tags: <a href="{urls[0]}" rel="tag">{tag}</a> '
                          f'<a href="{urls[1]}">More on {tag} ›</a></p>')
    return [plan]


def _overlap(rng, key, publisher, others, documents) -> list[Plan]:
    """Pages that open with the previous page's last paragraph: the shared text belongs in the body once."""
    plan = _plan(rng, key, publisher, pages=3, scheme="dash", convention=_DASH)
    plan.extra["overlap"] = True
    return [plan]


def _numeric_neighbour(rng, key, publisher, others, documents) -> list[Plan]:
    """Two stories whose URLs differ by one number, the first linking the second as its next."""
    first = _plan(rng, key, publisher)
    second = _plan(rng, key + "-target", publisher, group="numeric-neighbour")
    number = rng.randrange(40000, 90000)
    first.case = replace(first.case, page_urls=(f"/{publisher}/articles/{number}.html",))
    second.case = replace(second.case, page_urls=(f"/{publisher}/articles/{number + 1}.html",))
    label = "Next ›" if key.endswith("-1") else "Next story ›"
    first.extra["pager"] = f'<a href="{second.case.page_urls[0]}" class="next">{escape(label)}</a>'
    return [first, second]


def _print_partial(rng, key, publisher, others, documents) -> list[Plan]:
    """A print link whose view holds page 1 only: not a single-page view of the article."""
    plan = _plan(rng, key, publisher, pages=3, scheme="page", convention=_QUERY_PAGE)
    view_url = f"{plan.case.page_urls[0]}?print=1"
    documents[view_url] = layout.render(_view(plan, 1, paragraphs=list(plan.case.pages[0])))
    plan.extra["html"] = f'<p class="tools"><a href="{view_url}">Print this article</a></p>'
    plan.case = replace(plan.case, alternates=(view_url,))
    return [plan]


def _single_page(rng, key, publisher, others, documents) -> list[Plan]:
    return [_plan(rng, key, publisher)]


_BUILDERS = {
    "related-list": _related_list, "next-article": _next_article, "same-site-next": _same_site_next,
    "paginated-listing": _paginated_listing, "comment-pages": _comment_pages, "gallery": _gallery,
    "tag-pages": _tag_pages, "overlap": _overlap, "numeric-neighbour": _numeric_neighbour,
    "print-partial": _print_partial, "single-page": _single_page,
}


def _view(plan: Plan, number: int, *, paragraphs: list[str]) -> layout.View:
    case = plan.case
    return layout.View(publisher=case.publisher, language=case.language, title=case.title, authors=case.authors,
                       published=case.published, number=number, total=len(case.page_urls),
                       paragraphs=paragraphs, dek=plan.dek)
