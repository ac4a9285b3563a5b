"""The tenth family's own traps: a WordPress archive sharing /2/, comment pages, part two, recipe print, 下一篇."""
from __future__ import annotations

import random
from dataclasses import replace
from html import escape

from . import catalog, pagers, text
from .catalog import Plan

TRAPS = ("wp-archive", "comments-anchor", "part-two", "recipe-print", "next-post")


def _plan(rng: random.Random, key: str, publisher: str, group: str, pages: int = 1, scheme: str = "wp-slash") -> Plan:
    title = text.headline(rng)
    base = f"/{publisher}/blog/{text.slug(title)}"
    paths = pagers.page_paths(scheme, base, pages, rng)
    plan = catalog.new_plan(rng, key=key, group=group, kind="trap", publisher=publisher, paths=paths, title=title)
    if pages > 1:
        plan.convention = catalog.Convention(group, scheme, "wp-links", "article")
    return plan


def _serial(key: str) -> int:
    return int(key.rsplit("-", 1)[1])


def _listing(title: str, cases: list, pager: str, head: str = "") -> str:
    items = "".join(f'<article class="post"><h2><a href="{escape(c.page_urls[0])}">{escape(c.title)}</a></h2>'
                    f"<p>{escape(c.pages[0][0][:140])}</p></article>" for c in cases)
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title>{head}</head>'
            f'<body><h1>{escape(title)}</h1>{items}{pager}</body></html>')


def _wp_archive(rng, key, publisher, others, documents) -> list[Plan]:
    """A two-page post at /slug/2/ whose sidebar links the blog archive at /blog/page/2/, rel=next there only."""
    plan = _plan(rng, key, publisher, "wp-archive", pages=2)
    root = f"/{publisher}/blog/" if _serial(key) == 1 else f"/{publisher}/category/health/"
    urls = [root] + [f"{root}page/{n}/" for n in (2, 3)]
    mine = [o.case for o in others if o.case.publisher == publisher]
    for number, url in enumerate(urls, 1):
        nxt = urls[number] if number < 3 else ""
        head = f'<link rel="next" href="{escape(nxt)}">' if nxt else ""
        pager = pagers.WIDGETS["wp-links"](urls, number)
        documents[url] = _listing(f"Blog - Page {number}", mine[number::3][:4], pager, head)
    plan.extra["sidebar"] = (f'<div class="nav-links"><a class="next page-numbers" href="{escape(urls[1])}">'
                             f"Older Entries</a> <a href=\"{escape(urls[1])}\">2</a></div>")
    return [plan]


def _comments_anchor(rng, key, publisher, others, documents) -> list[Plan]:
    """A one-page article whose comments are paged: "?page=2#comments" and "Next comments"."""
    plan = _plan(rng, key, publisher, "comments-anchor", scheme="p-html")
    first = plan.case.page_urls[0]
    target = f"{first}?page=2#comments" if _serial(key) == 1 else f"{first}?cpage=2#comments"
    documents[target.split("#")[0]] = _listing("Comments - page 2", [], "<p>Reader comments, page 2.</p>")
    plan.extra["html"] = (f'<section id="comments"><h3>3 Comments</h3><p class="comment">Great read, thanks!</p>'
                          f'<div class="comment-nav"><a href="{escape(target)}">Next comments »</a> '
                          f'<a href="{escape(target)}">2</a></div></section>')
    plan.case = replace(plan.case, chrome=plan.case.chrome + ("3 Comments", "Great read, thanks!"))
    return [plan]


def _part_two(rng, key, publisher, others, documents) -> list[Plan]:
    """"Part 1" and "Part 2": separate articles, each its own byline and date, linked like pages."""
    one = _plan(rng, key, publisher, "part-two", scheme="p-html")
    two = _plan(rng, key + "-part2", publisher, "part-two", scheme="p-html")
    two.case = replace(two.case, page_urls=(one.case.page_urls[0].replace(".html", "-part-2.html"),))
    label = "Part 2 →" if _serial(key) == 1 else f"Read Part 2: {two.case.title}"
    one.extra["html"] = f'<p class="series"><a href="{escape(two.case.page_urls[0])}">{escape(label)}</a></p>'
    two.extra["html"] = f'<p class="series"><a href="{escape(one.case.page_urls[0])}">← Part 1</a></p>'
    return [one, two]


def _recipe_print(rng, key, publisher, others, documents) -> list[Plan]:
    """A one-page post with "Print Recipe" to a print page holding only the recipe card."""
    plan = _plan(rng, key, publisher, "recipe-print", scheme="p-html")
    target = f"/{publisher}/wprm_print/{rng.randrange(1000, 9999)}"
    card = ("<div class=\"wprm-recipe\"><h2>Ingredients</h2><ul><li>2 cups oats</li><li>1 banana</li></ul>"
            "<h2>Instructions</h2><ol><li>Mix.</li><li>Bake for 25 minutes.</li></ol></div>")
    documents[target] = _listing("Print recipe", [], card)
    plan.extra["html"] = card.replace("</div>", f'<a class="wprm-print" href="{escape(target)}">Print</a></div>')
    plan.case = replace(plan.case, chrome=plan.case.chrome + ("2 cups oats", "Bake for 25 minutes."))
    return [plan]


def _next_post(rng, key, publisher, others, documents) -> list[Plan]:
    """A one-page article ending with "Next post »" (or "下一篇：") to another article, rel=next on the link."""
    first = _plan(rng, key, publisher, "next-post", scheme="p-html")
    second = _plan(rng, key + "-target", publisher, "next-post", scheme="p-html")
    word = "Next post »" if _serial(key) == 1 else "下一篇："
    first.extra["html"] = (f'<div class="post-navigation"><span>{escape(word)}</span> <a rel="next" '
                           f'href="{escape(second.case.page_urls[0])}">{escape(second.case.title)}</a></div>')
    return [first, second]


BUILDERS = {"wp-archive": _wp_archive, "comments-anchor": _comments_anchor, "part-two": _part_two,
            "recipe-print": _recipe_print, "next-post": _next_post}
