"""The Readability-style reading's test for containers a reader skips ("unlikely candidates")."""
import lxml.html

from pipelines.readable import _unlikely, readable_blocks


def _element(markup: str):
    return lxml.html.fragment_fromstring(markup)


def test_a_chrome_name_makes_a_box_unlikely_unless_it_also_names_content():
    assert _unlikely(_element('<div class="sidebar">x</div>'))
    assert _unlikely(_element('<section id="comments">x</section>'))
    assert not _unlikely(_element('<div class="sidebar-content">x</div>'))
    assert not _unlikely(_element('<div>x</div>'))


def test_links_and_article_boxes_are_never_unlikely_by_name_but_are_by_role():
    for tag in ("a", "article", "main", "table", "td"):
        assert not _unlikely(_element(f'<{tag} class="sidebar footer">x</{tag}>')), tag
    assert _unlikely(_element('<a role="navigation" class="story">x</a>'))
    assert _unlikely(_element('<article role="complementary">x</article>'))


def test_the_reading_skips_an_unlikely_box_and_keeps_a_link_named_like_one():
    text = "A sentence of the article, long enough to score, with commas, and more words here. "
    page = lxml.html.fromstring(
        f'<html><body><div class="story"><p>{text}</p><p>{text}<a class="footer">linked words</a></p>'
        f'<div class="sidebar"><p>{text} Sidebar.</p></div></div></body></html>')
    texts = [block["text"] for block in readable_blocks(page)]
    assert any("linked words" in t for t in texts)
    assert not any("Sidebar." in t for t in texts)
