"""The eighth family's own traps: post navigation, more comments, a related carousel, a topic jump list, an archive."""
from __future__ import annotations

import random
from dataclasses import replace
from html import escape

from . import catalog, layout, pagers, text
from .catalog import Plan

TRAPS = ("post-navigation", "more-comments", "related-carousel", "topic-select", "author-archive")


def _plan(rng: random.Random, key: str, publisher: str, group: str) -> Plan:
    """A one-page trap article."""
    title = text.headline(rng)
    base = f"/{publisher}/stories/{text.slug(title)}"
    paths = pagers.page_paths("page-path", base, 1, rng)
    return catalog.new_plan(rng, key=key, group=group, kind="trap", publisher=publisher, paths=paths, title=title)


def _serial(key: str) -> int:
    return int(key.rsplit("-", 1)[1])


def _listing(title: str, cases: list, pager: str) -> str:
    items = "".join(f'<li><h3><a href="{escape(c.page_urls[0])}">{escape(c.title)}</a></h3>'
                    f"<p>{escape(c.pages[0][0][:120])}</p></li>" for c in cases)
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title></head>'
            f'<body><h1>{escape(title)}</h1><ul class="cards">{items}</ul>{pager}</body></html>')


def _post_navigation(rng, key, publisher, others, documents) -> list[Plan]:
    """A post whose footer links the newer post with rel="next" and "Next post ›", as blog themes do."""
    first = _plan(rng, key, publisher, "post-navigation")
    second = _plan(rng, key + "-newer", publisher, "post-navigation")
    href, title = escape(second.case.page_urls[0]), escape(second.case.title)
    label = "Next post ›" if _serial(key) == 1 else "Newer →"
    first.extra["pager"] = (f'<div class="post-nav"><a class="next-post" rel="next" href="{href}">'
                            f'<span>{label}</span> {title}</a></div>')
    return [first, second]


def _more_comments(rng, key, publisher, others, documents) -> list[Plan]:
    """"Load more comments" leads to the same article again, with the next comments under it."""
    plan = _plan(rng, key, publisher, "more-comments")
    case = plan.case
    target = f"{case.page_urls[0]}?comments=2"
    names = [text.person(rng) for _ in range(4)]
    said = [text.sentence(rng) for _ in range(4)]

    def thread(start: int, more: str) -> str:
        items = "".join(f'<li class="comment"><b>{escape(names[i])}</b> <span>{escape(said[i])}</span></li>'
                        for i in (start, start + 1))
        return f'<section class="comments"><h2>Comments</h2><ol>{items}</ol>{more}</section>'

    more = f'<a class="load-more" href="{escape(target)}">Load more comments</a>'
    plan.extra["html"] = thread(0, more)
    view = layout.View(publisher=publisher, language="en", title=case.title, authors=case.authors,
                       published=case.published, number=1, total=1, paragraphs=list(case.pages[0]), dek=plan.dek,
                       extra=thread(2, ""))
    documents[target] = layout.render(view)
    plan.case = replace(plan.case, chrome=plan.case.chrome + ("Load more comments",))
    return [plan]


def _related_carousel(rng, key, publisher, others, documents) -> list[Plan]:
    """A "More like this" carousel with its own numbered pager through listing pages."""
    plan = _plan(rng, key, publisher, "related-carousel")
    root = f"/{publisher}/more-like-this/{text.slug(plan.case.title, 20)}"
    urls = [root] + [f"{root}?related_page={n}" for n in (2, 3)]
    mine = [o.case for o in others if o.case.publisher == publisher]
    for number, url in enumerate(urls, 1):
        documents[url] = _listing(f"More like this ({number}/3)", mine[number::3][:3],
                                  pagers.numbered_next(urls, number))
    numbers = " ".join(f'<a href="{escape(u)}">{n}</a>' for n, u in enumerate(urls[1:], 2))
    plan.extra["sidebar"] = ('<div class="carousel"><h2>More like this</h2><ul>'
                             + "".join(f'<li><a href="{escape(c.page_urls[0])}">{escape(c.title)}</a></li>'
                                       for c in mine[:2])
                             + f'</ul><p class="dots"><b>1</b> {numbers} <a href="{escape(urls[1])}">›</a></p></div>')
    plan.case = replace(plan.case, chrome=plan.case.chrome + ("More like this",))
    return [plan]


def _topic_select(rng, key, publisher, others, documents) -> list[Plan]:
    """A one-page article with a <select> of other articles ("Choose a topic"), like a page jump list."""
    plan = _plan(rng, key, publisher, "topic-select")
    mine = [o.case for o in others if o.case.publisher == publisher][_serial(key)::4][:4]
    options = "".join(f'<option value="{escape(c.page_urls[0])}">{escape(c.title)}</option>' for c in mine)
    plan.extra["html"] = (f'<div class="topic-jump"><label for="topic">Choose a topic</label> '
                          f'<select id="topic" onchange="location.href=this.value">'
                          f'<option value="">{len(mine)} more topics</option>{options}</select></div>')
    plan.case = replace(plan.case, chrome=plan.case.chrome + ("Choose a topic",))
    return [plan]


def _author_archive(rng, key, publisher, others, documents) -> list[Plan]:
    """An author box at the end linking the author's archive and its "Page 2"."""
    plan = _plan(rng, key, publisher, "author-archive")
    author = plan.case.authors[0]
    root = f"/{publisher}/authors/{text.slug(author)}/"
    urls = [root] + [f"{root}page/{n}/" for n in (2, 3)]
    mine = [o.case for o in others if o.case.publisher == publisher]
    for number, url in enumerate(urls, 1):
        documents[url] = _listing(f"Articles by {author} - page {number}", mine[number::4][:3],
                                  pagers.numbered_next(urls, number))
    line = f"{author} writes about medicines and everyday health."
    plan.extra["html"] = (f'<div class="author-box"><p>{escape(line)}</p><p><a href="{escape(root)}">'
                          f'More from {escape(author)}</a> · <a href="{escape(urls[1])}">Page 2 ›</a></p></div>')
    plan.case = replace(plan.case, chrome=plan.case.chrome + (line, f"More from {author}"))
    return [plan]


BUILDERS = {"post-navigation": _post_navigation, "more-comments": _more_comments,
            "related-carousel": _related_carousel, "topic-select": _topic_select,
            "author-archive": _author_archive}
