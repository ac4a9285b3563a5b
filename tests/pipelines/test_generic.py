"""Generic body extraction: trafilatura's stages, run on one copy of the tree, give what bare_extraction gives."""
import pytest
import trafilatura
from lxml import etree

from pipelines import passages, quality
from pipelines.decode import decode_body
from pipelines.generic import _OPTIONS, _STAGES, _trafilatura_body, trafilatura_blocks, visible_tree

ARTICLE = ("""<html><head><title>Clinic hours</title></head><body><nav><a href="/">Home</a></nav>
<div class="main"><h1>Clinic hours change</h1>
<p>The clinic opens an hour earlier from Monday, the board said in a letter sent to patients this week.</p>
<p>Evening appointments stay as they are, and the pharmacy keeps its weekend hours for now, it added.</p>
<div id="comments">"""
    + "<p>A reader's long comment on the clinic's new hours, which is not the article's text at all.</p>" * 30
    + "</div></div></body></html>")
SHORT = "<html><body><div><span>Opening hours: nine to five.</span></div></body></html>"  # the baseline rescue
EMPTY = "<html><body><div><img src='a.png'></div></body></html>"
FORUM = ("<html><head><script type='application/ld+json'>{\"@type\": \"DiscussionForumPosting\"}</script></head>"
         "<body><div class='comments'><p>" + "A forum post is the page's content, not a comment. " * 8
         + "</p></div></body></html>")


def _body_of(tree):
    body = _trafilatura_body(tree)
    return None if body is None else etree.tostring(body)


def _bare(tree):
    document = trafilatura.bare_extraction(tree, options=_OPTIONS)
    return None if document is None or document.body is None else etree.tostring(document.body)


@pytest.mark.parametrize("page", [ARTICLE, SHORT, EMPTY, FORUM])
def test_the_stages_give_what_bare_extraction_gives(page):
    assert _STAGES, "this trafilatura no longer has the stages generic.py runs: bare_extraction is used instead"
    tree = visible_tree(page)
    before = etree.tostring(tree)
    assert _body_of(tree) == _bare(tree)
    assert etree.tostring(tree) == before  # Folio's tree is read again after trafilatura: it must not change


def test_the_article_is_read_without_its_comments():
    texts = [block["text"] for block in trafilatura_blocks(visible_tree(ARTICLE), "https://clinic.example/")]
    assert texts[0] == "Clinic hours change" and texts[1].startswith("The clinic opens an hour earlier")
    assert not any("comment" in text for text in texts)


def test_the_stages_match_bare_extraction_on_corpus_pages(corpus):
    pages = [case.html for case in quality.load_corpus(corpus / "readability-pages")][::13]
    pages += [page.html for page in passages.load_marked(corpus / "trafilatura-eval")][::47]
    assert len(pages) >= 15
    for number, html in enumerate(pages):
        tree = visible_tree(decode_body(html))
        assert _body_of(tree) == _bare(tree), number


def test_hidden_parts_go_but_a_styled_body_stays():
    page = ("<html style='display:none'><body style='visibility:hidden'><p>Seen text.</p>"
            "<div style='display: none'>Hidden text.</div><p hidden>Also hidden.</p><p aria-hidden='true'>Icon</p>"
            "<p aria-hidden='false'>Shown too.</p><script>var code;</script><style>p {}</style>"
            "<noscript>No script.</noscript><template>Later.</template><script>var more;</script>"
            "<script type='application/ld+json'>{}</script></body></html>")
    tree = visible_tree(page)
    assert " ".join(tree.itertext()).split() == ["Seen", "text.", "Shown", "too.", "{}"]


def test_links_are_joined_as_urljoin_joins_them():
    """The shortcut for plain paths and fragments gives what urljoin gives, dot segments and odd bases included."""
    from urllib.parse import urljoin

    from pipelines.generic import _absolute

    bases = ["http://fakehost/test/page.html", "http://host", "http://host?q=1", "https://a.b:8080/x/y?z=1", "http://h/p#f",
             "http://h/p;x", "HTTP://Host/p"]
    hrefs = ["/a/b.html", "/", "/a//b", "/a/./b", "/a/../b", "/..", "/a/b/..", "/.hidden", "#x", "#", "#a/b?c",
             "/a%20b", "/a b", "/a?", "/a;p", "//other.org/x", "https://other.org/y", "x/../y", "?q", ""]
    for base in bases:
        for href in hrefs:
            assert _absolute(base, href) == urljoin(base, href), (base, href)
