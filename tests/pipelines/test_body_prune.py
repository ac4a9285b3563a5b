"""Body prune: trafilatura's raw-tree prunes, skipped only where they cannot select anything, prune the same."""
from copy import copy

import pytest
from lxml import etree
from trafilatura.htmlprocessing import prune_unwanted_nodes
from trafilatura.xpaths import RAW_TREE_PRUNE_XPATH, REMOVE_COMMENTS_AND_LISTS_XPATH

from pipelines import passages, quality
from pipelines.body_prune import attribute_values, needed_tests, prune
from pipelines.decode import decode_body
from pipelines.generic import visible_tree

QUERIES = RAW_TREE_PRUNE_XPATH + REMOVE_COMMENTS_AND_LISTS_XPATH
TEXT = "<p>The clinic opens an hour earlier from Monday, the board said in a letter to patients.</p>"
PAGES = [
    f"<html><body><div class='main'>{TEXT}</div><div class='comments-area'><p>A reader's comment.</p></div>"
    "</body></html>",
    f"<html><body><div class='commentary'>{TEXT}</div><section id='Comments'><p>Hi</p></section></body></html>",
    f"<html><body><div class='post\ncomment-list'>{TEXT}</div><ul class='comment'><li>x</li></ul></body></html>",
    f"<html><body><div class='elementor-share-buttons'>Share</div><div>{TEXT}</div></body></html>",
    f"<html><body><div id='infinitescroll'><p>Next article</p></div><div>{TEXT}</div></body></html>",
    f"<html><body><div>{TEXT}</div></body></html>",
]


def _pruned(html: str, queries, skipping: bool) -> bytes:
    tree = visible_tree(html)
    raw = copy(tree)
    if skipping:
        prune(raw, queries, attribute_values(tree))
    else:
        prune_unwanted_nodes(raw, queries)
    return etree.tostring(raw)


@pytest.mark.parametrize("html", PAGES)
def test_prune_removes_what_trafilatura_removes(html):
    assert _pruned(html, QUERIES, True) == _pruned(html, QUERIES, False)


def test_the_comment_sections_go_and_a_commentary_stays():
    assert b"comments-area" not in _pruned(PAGES[0], QUERIES, True)
    kept = _pruned(PAGES[1], QUERIES, True)
    assert b"commentary" in kept and b"Comments" not in kept


def test_each_query_of_this_trafilatura_is_read_so_it_can_be_skipped():
    # If trafilatura reshapes its queries they are simply always run; this says the skipping still applies.
    assert all(needed_tests(query) for query in QUERIES)


def test_a_query_of_another_shape_is_always_run():
    assert needed_tests(etree.XPath(".//div[contains(@class, 'share')] | .//aside")) is None
    assert needed_tests(etree.XPath(".//*[self::div][contains(@class, 'share') or @data-x]")) is None
    assert needed_tests(etree.XPath(".//*[self::div][contains(@class, 'share')] | .//aside")) is None
    query = etree.XPath(".//*[self::div][contains(@class, '')]")  # finds every div, classes or not
    assert needed_tests(query) is not None
    assert _pruned(f"<html><body><div>{TEXT}</div></body></html>", [query], True) == b"<html><body/></html>"


def test_prune_matches_trafilatura_on_corpus_pages(corpus):
    pages = [case.html for case in quality.load_corpus(corpus / "readability-pages")][::3]
    pages += [page.html for page in passages.load_marked(corpus / "trafilatura-eval")][::9]
    for number, html in enumerate(pages):
        text = decode_body(html)
        if visible_tree(text) is not None:
            assert _pruned(text, QUERIES, True) == _pruned(text, QUERIES, False), number
