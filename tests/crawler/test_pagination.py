"""Next-page detection on small hand-written pages and on real saved pages."""
import pytest
from parsel import Selector

from crawler.pagination import (
    article_key, find_next_page, find_page_links, page_anchors, page_number, same_article_test,
)

URL = "https://news.example.org/health/2024/sleep-and-memory"


def page(body: str, head: str = "") -> Selector:
    return Selector(text=f"<html><head>{head}</head><body>{body}</body></html>")


def test_page_numbers_from_query_path_and_suffix():
    assert page_number(URL) == 1
    assert page_number(URL + "?page=3") == 3
    assert page_number(URL + "?pagewanted=2&x=1") == 2
    assert page_number(URL + "/4/") == 4
    assert page_number("https://a.example/story_2.html") == 2
    assert page_number("https://a.example/covid-19") == 1  # a slug number is not a page


def test_article_key_is_shared_by_all_pages_and_differs_between_articles():
    assert article_key(URL) == article_key(URL + "?page=2") == article_key(URL + "/3/")
    assert article_key(URL + "#comments") == article_key(URL)
    assert article_key(URL) != article_key("https://news.example.org/health/2024/other")


def test_the_quick_same_article_test_agrees_with_article_key():
    tricky = ["https://a.example/health/story", "https://a.example/health/story/2/", "https://a.example/health/story/page/3",
              "https://a.example/health/story_2.html", "https://a.example/health/story.html", "https://a.example",
              "https://a.example/", "https://a.example/other/story/2", "https://a.example/health/story?page=2&x=1",
              "https://a.example/hea\nlth/story/2", "https://a.example//2", "https://a.example/health//story//2"]
    for url in tricky:
        same = same_article_test(url)
        for target in tricky:
            assert same(target) == (article_key(target) == article_key(url)), (url, target)


def test_page_anchors_keep_the_links_whose_host_is_the_page_host():
    links = ["HTTPS://News.Example.org/a", "https://news.example.org:443/b", "https://news.example.org.evil.test/c",
             "https://user@news.example.org/d", "https://news.example.org?e=1", "https://news.example.org",
             "ftp://news.example.org/f", "https://news.example.org@evil.test/g", "/h"]
    sel = page("".join(f'<a href="{href}">x</a>' for href in links))
    assert [target for _, target in page_anchors(sel, URL)] == [
        "https://News.Example.org/a", "https://news.example.org:443/b", "https://user@news.example.org/d",
        "https://news.example.org?e=1", "https://news.example.org", "https://news.example.org/h"]


def test_profile_selector_wins_over_everything():
    sel = page('<a class="nxt" href="?page=2">go</a><a rel="next" href="/elsewhere">Next</a>')
    assert find_next_page(sel, URL, "a.nxt") == URL + "?page=2"


def test_profile_selector_that_matches_nothing_means_last_page():
    assert find_next_page(page('<a href="?page=2">Next</a>'), URL, "a.nxt") is None


def test_rel_next_link_in_head():
    sel = page("<p>text</p>", head=f'<link rel="next" href="{URL}/2/">')
    assert find_next_page(sel, URL) == URL + "/2/"


def test_next_page_text_and_numbered_links():
    sel = page('<div class="pagination"><a href="?page=1">1</a> 2 <a href="?page=3">3</a> '
               '<a href="?page=3">Next Page &gt;</a></div>')
    assert find_next_page(sel, URL + "?page=2") == URL + "?page=3"


def test_continued_link_to_the_same_article():
    sel = page('<p>...</p><a href="sleep-and-memory?page=2">continued...</a>')
    assert find_next_page(sel, URL) == URL + "?page=2"


def test_previous_links_and_other_articles_are_not_next():
    sel = page('<a href="?page=1">&lt; Previous</a><aside class="related"><a href="/health/other">Next: '
               'another story</a></aside><a href="/health/2024/other-story">Continue reading</a>')
    assert find_next_page(sel, URL + "?page=2") is None


def test_next_link_off_the_site_is_ignored():
    sel = page('<a href="https://elsewhere.example/sleep-and-memory?page=2">Next page</a>')
    assert find_next_page(sel, URL) is None


def test_page_links_lists_the_other_numbered_pages_in_order():
    sel = page('<a href="?page=3">3</a><a href="?page=2">2</a><a href="?page=2">Next</a><a href="/x">x</a>')
    assert [link.url for link in find_page_links(sel, URL)] == [URL + "?page=2", URL + "?page=3"]


def test_webmd_page_one_from_the_corpus(corpus):
    html = (corpus / "readability-pages/webmd-2/source.html").read_text(encoding="utf-8")
    url = "http://fakehost/test/page.html"
    sel = Selector(text=html)
    assert find_next_page(sel, url) == url + "?page=2"
    assert [link.url for link in find_page_links(sel, url)] == [url + "?page=2", url + "?page=3"]


@pytest.mark.parametrize("selector", [
    "div.pagination a.next", "a.next, link[rel=next]", "nav li:last-child > a", "a[href*='page=']", "ul.pages a",
    "A.NEXT", "div.missing a",
])
def test_a_profile_selectors_hrefs_are_what_parsel_reads(selector):
    """One compiled query per selector gives sel.css(selector).xpath("@href") exactly, in document order."""
    from crawler.pagination import selector_hrefs

    sel = Selector(text="""<html><head><link rel="next" href="/p2"></head><body>
        <div class="pagination"><a class="next" href="/n1">Next</a><span><a class="next" href="/n2">2</a></span></div>
        <nav><ul class="pages"><li><a href="?page=1">1</a></li><li><a href="?page=3">3</a></li></ul></nav>
        <a class="next other" href="/n3">more</a><a class="next">no href</a></body></html>""")
    assert selector_hrefs(sel, selector) == sel.css(selector).xpath("@href").getall()
