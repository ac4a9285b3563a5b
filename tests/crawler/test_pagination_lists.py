"""A page's own list of its pages, read by position: what the items say does not matter, their order does.

The pages are written here with labels no rule knows (Finnish words for numbers, chapter names, a drop-down of
chapter names) and opaque URLs, so only the list's shape can name the next page.
"""
from __future__ import annotations

import pytest
from scrapy.http import HtmlResponse

from crawler.continuation import with_text
from crawler.pagelist import listed_page, page_lists
from crawler.pagination import page_anchors, page_options
from tests.crawler.test_pagination_crawl import PARAGRAPHS, TITLE, article_html, other_article
from tests.crawler.test_pagination_unseen import body_is, crawled

NAMES = ["uni.html", "k7731.html", "k1204.html"]
WORDS = ["yksi", "kaksi", "kolme"]  # spelled numbers: no digit, no "next"
CHAPTERS = ["Alku", "Hoito ja lepo", "Lopuksi"]


def lists_of(html: str, url: str = "http://127.0.0.1/uni.html") -> list[dict]:
    response = HtmlResponse(url=url, body=html.encode(), encoding="utf-8")
    return page_lists(with_text(page_anchors(response, url) + page_options(response, url)), url)


def spelled(current: int) -> str:
    """'Osa yksi · kaksi · kolme', the page being read in bold and unlinked."""
    items = [f"<b>{w}</b>" if n == current else f'<a href="{NAMES[n]}">{w}</a>' for n, w in enumerate(WORDS)]
    return '<p class="osat">Osa ' + " · ".join(items) + "</p>"


def dropdown(current: int) -> str:
    """A jump menu whose option values are the pages' URLs: no link at all."""
    options = "".join(f'<option value="{NAMES[n]}"{" selected" if n == current else ""}>{c}</option>'
                      for n, c in enumerate(CHAPTERS))
    return f'<label>Siirry <select onchange="location.href=this.value">{options}</select></label>'


def test_the_item_after_the_current_one_is_named_by_position():
    found = lists_of(article_html(TITLE, PARAGRAPHS[0], spelled(0)))
    assert found == [{"at": 1, "urls": [None, "http://127.0.0.1/k7731.html", "http://127.0.0.1/k1204.html"]}]
    assert listed_page({"lists": found}, 1, 2) == "http://127.0.0.1/k7731.html"
    assert listed_page({"lists": found}, 2, 3) is None  # the list says this page is page 1, not page 2


def test_an_unmarked_link_to_the_page_itself_is_its_current_item():
    items = "".join(f'<li><a href="{name}">{c}</a></li>' for name, c in zip(NAMES, CHAPTERS))
    found = lists_of(article_html(TITLE, PARAGRAPHS[1], f"<ol>{items}</ol>"), "http://127.0.0.1/k7731.html")
    assert listed_page({"lists": found}, 2, 3) == "http://127.0.0.1/k1204.html"


def test_an_option_whose_value_is_the_page_itself_is_its_current_item():
    options = "".join(f'<option value="{name}">{c}</option>' for name, c in zip(NAMES[:2], CHAPTERS))
    found = lists_of(article_html(TITLE, PARAGRAPHS[0], f"<select>{options}</select>"))
    assert listed_page({"lists": found}, 1, 2) == "http://127.0.0.1/k7731.html"


def test_options_whose_values_are_urls_form_a_list_and_other_options_do_not():
    found = lists_of(article_html(TITLE, PARAGRAPHS[1], dropdown(1)), "http://127.0.0.1/k7731.html")
    assert found == [{"at": 2, "urls": ["http://127.0.0.1/uni.html", None, "http://127.0.0.1/k1204.html"]}]
    for values in (("new", "old"), ("1", "0.5")):  # a sort order, an opacity: values not written as URLs
        sorting = f'<select><option value="{values[0]}" selected>A</option><option value="{values[1]}">B</option></select>'
        assert lists_of(article_html(TITLE, PARAGRAPHS[0], sorting)) == []


@pytest.mark.parametrize("html", [
    # a menu: its current item links to its section, not to this page
    '<ul class="menu"><li class="active"><a href="terveys/">Terveys</a></li><li><a href="ruoka/">Ruoka</a></li></ul>',
    # a breadcrumb: nothing after the current item
    '<p><a href="/">Etusivu</a> › <a href="terveys/">Terveys</a> › <span>Flunssa</span></p>',
    # running text: a link in a paragraph is no list, whatever is emphasised beside it
    '<p>Lue myös <em>tärkeä</em> juttu aiheesta, jonka kirjoitimme viime viikolla <a href="k5150.html">täällä</a>.</p>',
    # a teaser: a caption and one headline
    '<p><strong>READ MORE:</strong> <a href="k5150.html">Why knees ache in the cold</a></p>',
    '<p><strong>Lue myös</strong> <a href="k5150.html">Miksi polvet särkevät pakkasella</a></p>',
    # tabs: the current tab is marked, but the tabs lead to different sections of the site
    '<ul><li><a class="tab selected">Uusimmat</a></li><li><a href="/jutut">Kaikki</a></li>'
    '<li><a href="/sarjat/visat">Visat</a></li><li><a href="/videot">Videot</a></li></ul>',
    # account links: a status text among links to several sections
    '<ul><li>Et ole kirjautunut</li><li><a href="/wiki/Keskustelu">Keskustelu</a></li>'
    '<li><a href="/w/index.php?title=Luo">Luo tunnus</a></li><li><a href="/w/index.php?title=Kirjaudu">Kirjaudu</a></li></ul>',
    # a follow box: a page list links no other site
    '<span><strong>Seuraa</strong> <a href="toimittaja/">Toimittaja</a> <a href="https://social.example/t">Somessa</a></span>',
    # a skip link is a place on this page, not this page in a list
    '<div><a href="#main">Siirry sisältöön</a> <a href="/">Etusivu</a></div>',
    # a date beside tags: not peers of one list
    '<p><time>4.3.2025</time> · <a href="/aiheet/uni">uni</a> <a href="/aiheet/flunssa">flunssa</a></p>',
    # a related box: no current item, and its place says what it is
    '<ul class="related"><li>Lue myös</li><li><a href="k5150.html">Toinen juttu</a></li></ul>',
])
def test_menus_breadcrumbs_prose_and_related_boxes_name_no_next_page(html):
    found = lists_of(article_html(TITLE, PARAGRAPHS[0], html))
    assert listed_page({"lists": found}, 1, 2) is None


@pytest.mark.slow
@pytest.mark.parametrize("widget", [spelled, dropdown])
def test_a_page_list_in_words_or_a_dropdown_is_crawled_to_its_end(tmp_path, widget):
    for number, name in enumerate(NAMES):
        (tmp_path / name).write_text(article_html(TITLE, PARAGRAPHS[number], widget(number)))
    article, requested = crawled(tmp_path, NAMES[0])
    assert article["page_count"] == 3 and article["complete"] == 1 and body_is(article, PARAGRAPHS)
    assert requested == ["/" + n for n in NAMES]


@pytest.mark.slow
@pytest.mark.parametrize("widget", [spelled, dropdown])
def test_a_page_the_list_names_and_that_fails_leaves_the_article_incomplete(tmp_path, widget):
    for number in (0, 1):  # k1204.html, page 3 of the list, answers 404
        (tmp_path / NAMES[number]).write_text(article_html(TITLE, PARAGRAPHS[number], widget(number)))
    article, requested = crawled(tmp_path, NAMES[0])
    assert article["page_count"] == 2 and article["complete"] == 0 and body_is(article, PARAGRAPHS[:2])
    assert article["missing_pages"] == ["k1204.html"]


@pytest.mark.slow
def test_a_list_item_that_is_another_article_merges_nothing_and_settles_the_list(tmp_path):
    (tmp_path / NAMES[0]).write_text(article_html(TITLE, sum(PARAGRAPHS, []), spelled(0)))
    (tmp_path / NAMES[1]).write_text(other_article("New Rules for School Lunches", 4))
    (tmp_path / NAMES[2]).write_text(other_article("Why Knees Ache in the Cold", 5))
    article, requested = crawled(tmp_path, NAMES[0])
    assert article["page_count"] == 1 and article["complete"] == 1 and "different story" not in article["body_text"]
    assert requested[:2] == ["/uni.html", "/k7731.html"] and len(requested) <= 3  # within page count + 2


@pytest.mark.parametrize(("box", "expected"), [
    ("<p>Sarja: Talven taudit · Part 1 of 2</p>", 2),  # in the article: its own count
    ("<aside><p>Sarja: Talven taudit · Part 1 of 2</p></aside>", None),  # a series' count beside it
    ('<div class="related-series"><p>Part 1 of 2</p></div>', None),
])
def test_a_count_in_an_aside_or_related_box_is_not_the_articles_page_count(box, expected):
    from crawler.sites import SiteProfile
    from pipelines.extract import extract_page

    url = "http://127.0.0.1/uni.html"
    report = extract_page(article_html(TITLE, PARAGRAPHS[0], box).encode(), url, SiteProfile.generic([url]))["report"]
    assert report["expected"] == expected


def page_with(link: str, *, before: str = "", after: str = "", wrap: str = "") -> str:
    """One page of the article: its text (wrapped in ``wrap``'s element when given), then ``after``."""
    text = "".join(f"<p>{p}</p>" for p in PARAGRAPHS[0])
    text = f'<div id="{wrap}">{text}</div>' if wrap else text
    return (f"<html><head><title>{TITLE}</title></head><body>{before}<h1>{TITLE}</h1>{text}{after}"
            f"{link}</body></html>")


@pytest.mark.parametrize(("page", "expected"), [
    # The fragment names a box this page prints after the article's text: the link numbers that box's pages.
    (page_with("", after='<section id="keskustelu"><h3>Lukijat</h3><p>Hyvä juttu, kiitos!</p>'
                         '<a href="uni.html?sivu=2#keskustelu">2</a></section>'), None),
    (page_with('<a href="uni.html?sivu=2#keskustelu">2</a>', after='<a name="keskustelu"></a>'), None),
    # No fragment, a fragment naming the text or a place before it, or naming nothing here: the pager's count.
    (page_with('<p><a href="uni.html?sivu=2">2</a></p>'), 2),
    (page_with('<p><a href="uni.html?sivu=2#juttu">2</a></p>', wrap="juttu"), 2),
    (page_with('<p><a href="uni.html?sivu=2#alku">2</a></p>', before='<a id="alku"></a>'), 2),
    (page_with('<p><a href="uni.html?sivu=2#keskustelu">2</a></p>'), 2),
])
def test_a_numbered_link_to_a_part_after_the_articles_text_announces_no_page_count(page, expected):
    from crawler.sites import SiteProfile
    from pipelines.extract import extract_page

    url = "http://127.0.0.1/uni.html"
    assert extract_page(page.encode(), url, SiteProfile.generic([url]))["report"]["expected"] == expected
