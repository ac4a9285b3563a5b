"""Real crawls, no profile, of pages whose pager leads to something that is not more of the article: it is
rejected by what the fetched page shows (its text placed elsewhere, the article again), and what an article
learns from its site's other articles does not depend on the order they arrive in."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import rows
from tests.crawler.test_pagination_crawl import PARAGRAPHS, TITLE, Served, crawl

pytestmark = pytest.mark.slow

COMMENTS = [["I got my shot last week and the pharmacy line was short.", "Jo · March 4, 2025"],
            ["Our school sent a note home about hand washing this morning.", "Sam · March 4, 2025"],
            ["Is the vaccine free for children under two this year?", "Lee · March 5, 2025"],
            ["My doctor said the early season means we should not wait.", "Kim · March 5, 2025"],
            ["The clinic near the station opens at seven on weekdays.", "Ana · March 6, 2025"],
            ["Thanks for the clear advice on when to call a doctor.", "Ray · March 6, 2025"]]


def page(title: str, story: list[str], extra: str = "") -> str:
    """One page of the site's template: the story's paragraphs in their box, then whatever else it prints."""
    body = "".join(f'<div class="para"><p class="text">{p}</p></div>' for p in story)
    return (f"<html><head><title>{title} | Health Daily</title></head><body><div class='brand'>Health Daily</div>"
            f"<h1>{title}</h1><div class='story'>{body}</div>{extra}</body></html>")


def comments(items: list[list[str]], number: int) -> str:
    """A comments thread paged with numbers and "Next", shaped like an article's pager."""
    posts = "".join(f'<div class="comment"><p class="text">{text}</p><p class="meta">{who}</p></div>'
                    for text, who in items)
    pager = ('<a href="flu-2.html">2</a> <a href="flu-2.html">Next ›</a>' if number == 1 else
             '<a href="flu.html">‹ Previous</a> <a href="flu.html">1</a>')
    return f'<div class="comments">{posts}<div class="pager">{pager}</div></div>'


def steps(number: int) -> str:
    """A how-to widget counting steps, each step's URL serving the same article again."""
    links = " ".join(f'<a href="flu{"" if n == 1 else f"-{n}"}.html">{n}</a>' for n in (1, 2, 3))
    return f'<div class="howto"><p>Step {number} of 3: wash hands</p>{links} <a href="flu-{number + 1}.html">Next ›</a></div>'


def crawled(folder: Path, *names: str, log: list | None = None) -> tuple[list[dict], list[dict]]:
    """The articles and pages a crawl of ``names`` stored; the paths it asked for go to ``log``."""
    server = Served(folder)
    try:
        result = crawl(folder / "x.db", *(server.base + name for name in names))
    finally:
        (log if log is not None else []).extend(server.requested())
    assert result.returncode == 0, result.stderr[-3000:]
    return rows(folder / "x.db", "select * from articles order by url"), rows(folder / "x.db", "select * from pages")


def test_a_comments_page_behind_the_articles_own_pager_is_not_merged(tmp_path):
    story = PARAGRAPHS[0] + PARAGRAPHS[1]
    (tmp_path / "flu.html").write_text(page(TITLE, story, comments(COMMENTS[:3], 1)))
    (tmp_path / "flu-2.html").write_text(page(TITLE, [], comments(COMMENTS[3:], 2)))
    articles, pages = crawled(tmp_path, "flu.html")
    assert len(articles) == 1 and articles[0]["page_count"] == 1
    assert not any(text in articles[0]["body_text"] for text, _ in COMMENTS[3:])
    assert [p["url"].rsplit("/", 1)[1] for p in pages] == ["flu.html"]  # page 2 is no missing page either
    assert articles[0]["complete"] == 1  # the pager's count numbered comment pages, not the article's


def test_a_step_url_serving_the_same_article_again_is_not_a_page_and_not_missing(tmp_path):
    story = PARAGRAPHS[0] + PARAGRAPHS[1]
    for number, name in enumerate(("flu.html", "flu-2.html", "flu-3.html"), 1):
        (tmp_path / name).write_text(page(TITLE, story, steps(number)))
    articles, pages = crawled(tmp_path, "flu.html")
    assert len(articles) == 1 and articles[0]["page_count"] == 1 and articles[0]["complete"] == 1
    assert [p["url"].rsplit("/", 1)[1] for p in pages] == ["flu.html"]


def test_bodies_do_not_depend_on_the_order_articles_arrive_in(tmp_path):
    names = ["flu-arrives-early.html", "sleep-and-screens-today.html", "water-in-the-heat.html"]
    titles = ["Flu Arrives Early This Winter", "Sleep And Screens In Teens", "Water And Heat In The City"]
    links = [(1, 2), (0, 2), (0, 1)]  # each article's box, in page order
    series = "<p class='text'>Part of our Winter Health series</p>"  # printed by the first two articles only
    for n, (name, title) in enumerate(zip(names, titles)):
        box = "".join(f'<li><a href="{names[k]}">{titles[k]} today</a></li>' for k in links[n])
        extra = f"<div class='box'><h3>Today on Health Daily</h3><ul>{box}</ul></div>"
        (tmp_path / name).write_text(page(title, PARAGRAPHS[n], extra).replace("</div><div class='box'>",
                                                                             f"{series if n < 2 else ''}</div><div class='box'>", 1))
    bodies = []
    for order in (names, names[::-1]):
        folder = tmp_path / f"run{len(bodies)}"
        folder.mkdir()
        for name in names:
            (folder / name).write_text((tmp_path / name).read_text())
        log: list[str] = []
        articles, _ = crawled(folder, *order, log=log)
        bodies.append({a["url"].rsplit("/", 1)[1]: a["body_text"] for a in articles})
        assert sorted(log) == sorted(f"/{name}" for name in names)  # each other's siblings: no page asked twice
    assert bodies[0] == bodies[1] and len(bodies[0]) == 3
    assert all("Today on Health Daily" not in body for body in bodies[0].values())
    # Alone, an article fetches its sibling page, and learns the same chrome from it.
    log = []
    articles, _ = crawled(tmp_path, names[2], log=log)
    assert log == [f"/{names[2]}", f"/{names[0]}"] and articles[0]["body_text"] == bodies[0][names[2]]
