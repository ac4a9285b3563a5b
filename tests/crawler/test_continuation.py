"""Continuation candidates: URL arithmetic, broad proposals, and the bound on links examined."""
from parsel import Selector

from crawler.continuation import next_step, propose, url_step
from crawler.pagination import MAX_LINKS, page_anchors
from pipelines.extract import extract_page

BASE = "http://news.example.org/health"


def report(body: str, url: str, head: str = "") -> dict:
    return extract_page(f"<html><head><title>Flu Season Arrives Early</title>{head}</head><body>"
                        f"<h1>Flu Season Arrives Early</h1><p>{'Doctors report flu cases early. ' * 8}</p>{body}"
                        f"</body></html>", url)["report"]


def proposed(body: str, url: str = f"{BASE}/flu-season.html", head: str = "") -> list[str]:
    return [c["url"] for c in report(body, url, head)["candidates"] if c["score"] >= 30]


def test_urls_that_differ_by_one_number():
    assert url_step(f"{BASE}/flu-season.html", f"{BASE}/flu-season-2.html") == (1, 2)
    assert url_step(f"{BASE}/story", f"{BASE}/story/2/") == (1, 2)
    assert url_step(f"{BASE}/story/", f"{BASE}/story/page/2/") == (1, 2)
    assert url_step(f"{BASE}/a/index.html", f"{BASE}/a/index2.html") == (1, 2)
    assert url_step(f"{BASE}/x?id=5", f"{BASE}/x?id=5&p=2") == (1, 2)
    assert url_step(f"{BASE}/x", f"{BASE}/x?start=10") == (0, 10)
    assert url_step(f"{BASE}/x?page=2", f"{BASE}/x?page=3") == (2, 3)
    assert url_step(f"{BASE}/x?_r=0", f"{BASE}/x?pagewanted=2&_r=0") == (1, 2)
    assert url_step(f"{BASE}/story/", f"{BASE}/story/p2/") == (1, 2)
    assert url_step(f"{BASE}/story.html", f"{BASE}/story,2.html") == (1, 2)
    assert url_step(f"{BASE}/2024/05/one", f"{BASE}/2024/06/two") is None


def test_a_number_inserted_after_any_punctuation_and_a_word_in_any_script():
    assert url_step(f"{BASE}/zdrowie.html", f"{BASE}/zdrowie,strona,2.html") == (1, 2)
    assert url_step(f"{BASE}/gesundheit.html", f"{BASE}/gesundheit;seite=2.html") == (1, 2)
    assert url_step(f"{BASE}/statya", f"{BASE}/statya/страница/2") == (1, 2)
    # Still one insertion of one number: two numbers, two words or a change elsewhere are no step.
    assert url_step(f"{BASE}/story.html", f"{BASE}/story,strona,2,3.html") is None
    assert url_step(f"{BASE}/story.html", f"{BASE}/story,comments,page,2.html") is None
    assert url_step(f"{BASE}/story.html", f"{BASE}/other,strona,2.html") is None
    assert url_step(f"{BASE}/a", f"{BASE}/b") is None


def test_the_pattern_of_pages_one_and_two_predicts_page_three():
    assert next_step(f"{BASE}/flu.html", f"{BASE}/flu-2.html", f"{BASE}/flu-2.html") == f"{BASE}/flu-3.html"
    assert next_step(f"{BASE}/x", f"{BASE}/x?start=10", f"{BASE}/x?start=20") == f"{BASE}/x?start=30"
    assert next_step(f"{BASE}/s/", f"{BASE}/s/2/", f"{BASE}/s/2/") == f"{BASE}/s/3/"
    assert next_step(f"{BASE}/a", f"{BASE}/b", f"{BASE}/b") is None
    assert next_step(f"{BASE}/x", f"{BASE}/x?offset=6", f"{BASE}/x?offset=6") == f"{BASE}/x?offset=12"


def test_a_number_stepping_by_a_constant_offset_under_plain_words_is_proposed():
    more = '<div class="load-more-wrap"><a href="/health/x?offset={}">Load more</a></div>'
    assert url_step(f"{BASE}/x", f"{BASE}/x?offset=5") == (0, 5)
    assert proposed(more.format(5), url=f"{BASE}/x") == [f"{BASE}/x?offset=5"]
    assert proposed(more.format(15), url=f"{BASE}/x?offset=10") == [f"{BASE}/x?offset=15"]
    assert proposed(more.format(17), url=f"{BASE}/x?offset=10") == []  # no constant step: 10 is not 0 + 7k
    comments = '<section class="comments"><a href="/health/x?offset=5">Load more comments</a></section>'
    assert proposed(comments, url=f"{BASE}/x") == []


def test_next_page_text_to_a_dash_number_url_is_proposed():
    assert proposed('<p><a href="flu-season-2.html">Next page</a></p>') == [f"{BASE}/flu-season-2.html"]


def test_next_like_words_in_any_position_and_language():
    for text in ("continued...", "Continue reading »", "Weiter", "Página siguiente", "Volgende", "Próxima",
                 "Suivant ›", "Read the rest of this story"):
        assert proposed(f'<p><a href="/health/r4471.html">{text}</a></p>') == [f"{BASE}/r4471.html"], text


def test_image_only_arrows_and_buttons_name_themselves_by_label():
    arrow = '<a href="/health/r4471.html" aria-label="Next page"><img src="arrow.png" alt=""></a>'
    assert proposed(arrow) == [f"{BASE}/r4471.html"]
    button = '<button type="button"><a href="/health/r4471.html">Next</a></button>'
    assert proposed(button) == [f"{BASE}/r4471.html"]


def test_rel_next_in_the_head_is_proposed():
    assert proposed("", head=f'<link rel="next" href="{BASE}/r4471.html">') == [f"{BASE}/r4471.html"]


def test_previous_pages_and_other_items_score_too_low():
    body = ('<a href="flu-season.html">Previous page</a> <aside class="related"><a href="/health/other">Next: '
            'another story</a></aside> <a href="/health/tag/flu?page=2">Next</a>')
    assert proposed(body, url=f"{BASE}/flu-season-2.html") == []


def test_numbered_pager_links_and_the_announced_page_count():
    found = report('<div class="pager"><a href="/health/r1.html">Page 2 of 3</a> <a href="/health/r9.html">Page 3 of 3'
                   '</a></div>', f"{BASE}/flu-season.html")
    assert found["numbered"] == {2: f"{BASE}/r1.html", 3: f"{BASE}/r9.html"}
    assert found["expected"] == 3


def test_a_pager_label_ending_in_the_next_number_names_that_page_in_any_language():
    found = report('<p><a class="more" href="/health/r1.html">Wczytaj stronę 2</a></p>', f"{BASE}/flu-season.html")
    assert found["numbered"] == {2: f"{BASE}/r1.html"}
    # A bare number names its page before a label does; a headline that starts with a number names none.
    found = report('<p><a href="/health/r5.html">Part 2</a> <a href="/health/r1.html">2</a> '
                   '<a href="/health/r7.html">2 ways to sleep better</a></p>', f"{BASE}/flu-season.html")
    assert found["numbered"] == {2: f"{BASE}/r1.html"}


def test_a_page_with_50000_links_examines_a_bounded_number():
    def candidates(body: str) -> list[str]:
        url = f"{BASE}/flu-season.html"
        sel = Selector(text=f"<html><body><h1>Flu</h1>{body}</body></html>", base_url=url)
        return [c["url"] for c in propose(page_anchors(sel, url), url, rel_next=[], selector_urls=None)]

    links = [f'<a href="/health/story-{n}.html">Story {n}</a>' for n in range(50_000)]
    nxt = '<a href="/health/r77.html">Next page</a>'
    # A next link deep among the middle links is beyond the examined share; one at the end is read.
    assert f"{BASE}/r77.html" not in candidates("".join(links[:MAX_LINKS] + [nxt] + links[MAX_LINKS:]))
    assert candidates("".join(links + [nxt])) == [f"{BASE}/r77.html"]


def test_a_link_in_a_pagination_widget_is_proposed_whatever_it_says():
    for widget in ('<nav class="pagination">{}</nav>', '<div class="pager-row">{}</div>',
                   '<nav aria-label="Pages"><ul><li>{}</li></ul></nav>'):
        assert proposed(widget.format('<a href="/health/r4471.html">Seuraava</a>')) == [f"{BASE}/r4471.html"], widget
    # A wrapper around the whole page, a box of related pages, or an earlier page in the pager: no proposal.
    for other in ('<div class="page-wrapper"><p>{}</p></div>', '<div class="related-pages">{}</div>'):
        assert proposed(other.format('<a href="/health/r4471.html">Seuraava</a>')) == [], other
    earlier = '<nav class="pagination"><a href="/health/flu-season.html?page=1">Edellinen</a></nav>'
    assert proposed(earlier, url=f"{BASE}/flu-season.html?page=2") == []


def test_a_link_that_counts_its_part_names_that_page_whatever_its_slug():
    body = ("<h1>Cost of care</h1><p>" + "Text of the first part of the feature. " * 20 + "</p>"
            f'<p><a href="{BASE}/why-it-matters-4411">Part 2 of 3: Why it matters</a></p>'
            f'<p><a href="{BASE}/other-story">Top 5 of 10 tips for spring sleep routines</a></p>')
    numbered = report(body, f"{BASE}/cost-of-care-4411")["numbered"]
    assert numbered.get(2) == f"{BASE}/why-it-matters-4411"
    assert f"{BASE}/other-story" not in numbered.values()  # "of 10 tips": words after the total, no count
