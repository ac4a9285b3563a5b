"""Extract: one page to plain data, with a profile's selectors or generically."""
import textwrap

import pytest

from crawler.sites import SiteProfile
from pipelines.extract import extract_page, json_ld
from pipelines.offline import process_pages, public_view
from parsel import Selector

URL = "https://health.example/news/2019/walking"

PAGE = textwrap.dedent("""\
    <html lang="en-GB"><head><title>Walking After Meals Helps | Example Health</title>
    <link rel="canonical" href="/news/2019/walking">
    <script type="application/ld+json">{"@context": "https://schema.org", "@graph": [{"@type": "NewsArticle",
      "headline": "Walking After Meals Helps", "datePublished": "2019-05-02T08:00:00+01:00",
      "author": [{"@type": "Person", "name": "Ruth Ade"}, {"@type": "Person", "name": "Omar Said"}],
      "articleSection": "Diabetes"}]}</script></head>
    <body><nav><a href="/">Home</a></nav>
    <div class="story"><h1>Walking After Meals Helps</h1>
      <div class="font">Font Size A A A</div>
      <p>A ten-minute walk after dinner lowered blood sugar in <a href="/study">a small study</a>.</p>
      <script>alert(1)</script>
      <h3>What the team found</h3>
      <p>Volunteers who walked had lower readings two hours later.</p>
      <div class="pager"><a href="?page=2">Next Page &gt;</a></div>
    </div></body></html>""")


def test_profile_selectors_give_the_body_without_chrome():
    profile = SiteProfile(slug="t", body="div.story", title="h1", remove=(".font", ".pager", "h1"))
    page = extract_page(PAGE, URL, profile)
    assert [b["text"] for b in page["blocks"]] == [
        "A ten-minute walk after dinner lowered blood sugar in a small study.",
        "What the team found",
        "Volunteers who walked had lower readings two hours later.",
    ]
    assert [b["tag"] for b in page["blocks"]] == ["p", "h3", "p"]
    # links kept, made absolute, and marked nofollow; scripts never survive
    assert 'href="https://health.example/study"' in page["blocks"][0]["html"]
    assert "alert" not in str(page["blocks"])


def test_metadata_from_json_ld_and_head():
    page = extract_page(PAGE, URL, SiteProfile(slug="t", body="div.story"))
    assert page["title"] == "Walking After Meals Helps"
    assert page["byline"] == ["Ruth Ade", "Omar Said"]
    assert page["dates"][0] == ["json-ld", "2019-05-02T08:00:00+01:00"]
    assert page["section"] == "Diabetes"
    assert page["canonical_url"] == "https://health.example/news/2019/walking"
    assert page["language"] == "en-GB"
    assert page["next_page_url"] == URL + "?page=2"


def test_title_without_the_site_name_when_there_is_no_metadata():
    html = "<html><head><title>How Sleep Debt Builds Up Over a Week - Example Health</title></head><body><p>x</p></body></html>"
    assert extract_page(html, URL)["title"] == "How Sleep Debt Builds Up Over a Week"


def test_title_follows_readability_when_the_cut_leaves_too_little():
    def title(text: str, body: str = "<p>x</p>") -> str:
        return extract_page(f"<html><head><title>{text}</title></head><body>{body}</body></html>", URL)["title"]

    # four words or fewer would be left: the <title> is kept whole, as Readability does
    assert title("Sleep Debt Explained - Example Health") == "Sleep Debt Explained - Example Health"
    # a site name in front: the part after the first separator
    assert title("Example Health | Why Short Naps Help Night Shift Nurses") == "Why Short Naps Help Night Shift Nurses"
    # a colon that is part of the headline shown on the page stays
    assert title("Superbugs: What They Are and How to Avoid Them",
                 "<h1>Superbugs: What They Are and How to Avoid Them</h1>") == "Superbugs: What They Are and How to Avoid Them"


def test_title_prefers_metadata_and_json_ld_in_cdata():
    html = ('<html><head><title>Page - Site</title><meta property="og:title" content="Open Graph Headline">'
            '<script type="application/ld+json"><![CDATA[{"@context": "https://schema.org", "@type": "NewsArticle",'
            ' "headline": "JSON-LD Headline"}]]></script></head><body><p>x</p></body></html>')
    assert extract_page(html, URL)["title"] == "JSON-LD Headline"


def test_authors_from_meta_tags_and_byline_elements():
    meta = '<html><head><meta name="author" content="Ana Ruiz"></head><body><p>x</p></body></html>'
    assert extract_page(meta, URL)["byline"] == ["Ana Ruiz"]
    byline = '<html><body><div class="article-byline">By Ana Ruiz</div><p>x</p></body></html>'
    assert extract_page(byline, URL)["byline"] == ["By Ana Ruiz"]


def test_json_ld_ignores_broken_blocks():
    sel = Selector(text='<script type="application/ld+json">{broken</script>'
                        '<script type="application/ld+json">{"@type": "Article", "headline": "H"}</script>')
    assert json_ld(sel)["headline"] == "H"


def test_undecodable_bytes_do_not_stop_extraction():
    html = PAGE.encode("utf-8").replace(b"lowered", b"low\xff\xfeered")
    page = extract_page(html, URL, SiteProfile(slug="t", body="div.story"))
    assert page["blocks"][0]["text"].startswith("A ten-minute walk after dinner low")


def test_webmd_page_one_from_the_corpus(corpus):
    body = (corpus / "readability-pages/webmd-2/source.html").read_bytes()
    url = "http://fakehost/test/page.html"
    view = public_view(process_pages([(body, url)]))
    assert view["title"] == "Superbugs: What They Are and How You Get Them"
    assert view["authors"] == ["Kelli Miller"]
    assert view["reviewer"] == "Hansa D. Bhargava, MD"
    assert view["published"] == "2015-04-17"
    assert view["page_urls"] == [url + "?page=2", url + "?page=3"]
    assert view["next_page_url"] == url + "?page=2"
    assert view["body_text"].startswith("April 17, 2015 -- Imagine being sick in the hospital")
    assert "Reviewed by" not in view["body_text"]


XHTML_PAGE = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en"><head><title>Clinic Hours Change</title></head>
<body><!-- a comment --><?php echo 1; ?><div class="author-box">Mara Lind</div>
<div class="entry"><p>The clinic opens an hour earlier from Monday, the board said in a letter to patients.</p>
<p>Evening appointments stay as they are, and the pharmacy keeps its weekend hours for now.</p></div></body></html>"""


def test_an_xhtml_page_with_an_xml_declaration_does_not_crash():
    # The shape of the pages that crashed byline_from_page: a decoded string with "<?xml ... encoding?>",
    # which lxml.html refuses, so the page was read by a parser giving plain lxml elements.
    record = process_pages([(XHTML_PAGE.encode(), URL)])
    assert record["authors"] == ["Mara Lind"]
    assert "opens an hour earlier" in record["body_text"]


def test_byline_from_a_tree_of_plain_xml_elements():
    from pipelines.metadata import byline_from_page

    sel = Selector(text=XHTML_PAGE.split("\n", 1)[1], type="xml")
    assert byline_from_page(sel) == ["Mara Lind"]


def _dated_page(line: str, lang: str = "en") -> bytes:
    return (f"<html lang='{lang}'><head><title>Flu Season Starts Early</title></head><body><article>"
            f"<h1>Flu Season Starts Early</h1><p class='when'>{line}</p>"
            "<p>Clinics across the region reported the first cases of the season three weeks earlier than usual.</p>"
            "<p>Doctors urged people to book their shots now rather than wait for the winter peak.</p>"
            "</article></body></html>").encode()


@pytest.mark.parametrize("line, lang, expected", [
    ("Published Sept. 16, 2020", "en", "2020-09-16"),
    ("Updated: 3/4/25", "en", "2025-03-04"),
    ("Published March 4, 2025 · Updated March 9, 2025", "en", "2025-03-04"),
    ("Veröffentlicht am 01.11.2023", "de", "2023-11-01"),
])
def test_a_date_printed_near_the_headline_is_read_when_no_tag_gives_one(line, lang, expected):
    assert process_pages([(_dated_page(line, lang), URL)])["published"] == expected


def _titled(head: str, h1: str = "") -> str:
    return (f"<html><head>{head}</head><body><article>{h1}<p>Clinics across the region reported the first "
            "cases of the season three weeks earlier than usual, doctors said on Monday.</p></article></body></html>")


def test_entities_in_a_title_are_decoded():
    page = _titled("<meta property='og:title' content='Why the &amp;#8216;family&amp;#8217; flu shot works'>")
    assert extract_page(page, URL)["title"] == "Why the \u2018family\u2019 flu shot works"


def test_a_site_suffix_is_cut_when_the_page_shows_the_headline_alone():
    page = _titled("<title>Flu season starts three weeks early | AP News</title>"
                   "<meta property='og:title' content='Flu season starts three weeks early | AP News'>",
                   "<h1>Flu season starts three weeks early</h1>")
    assert extract_page(page, URL)["title"] == "Flu season starts three weeks early"


def test_the_visible_headline_wins_over_a_reworded_social_title():
    page = _titled("<meta property='og:title' content='Flu season starts early this year, doctors warn'>",
                   "<h1>Flu season starts three weeks early, doctors warn</h1>")
    assert extract_page(page, URL)["title"] == "Flu season starts three weeks early, doctors warn"


def test_an_unrelated_h1_does_not_replace_the_title():
    page = _titled("<meta property='og:title' content='Flu season starts three weeks early'>", "<h1>Daily Health</h1>")
    assert extract_page(page, URL)["title"] == "Flu season starts three weeks early"


def test_a_json_ld_headline_that_is_only_markup_gives_way():
    ld = '{"@type": "NewsArticle", "headline": "<p><br></p>"}'
    page = _titled(f"<script type='application/ld+json'>{ld}</script><title>Flu season starts three weeks early - Example</title>")
    assert extract_page(page, URL)["title"] == "Flu season starts three weeks early"


def test_a_byline_in_a_related_articles_box_is_not_the_author():
    page = ("<html><head><title>Flu season starts three weeks early</title></head><body>"
            "<aside class='related'><div class='author'>Other Writer</div></aside>"
            "<div class='sidebar-box'><span class='byline'>Third Writer</span></div>"
            "<article><p class='byline'>By Ana Ruiz</p><p>Clinics across the region reported the first cases "
            "of the season three weeks earlier than usual, doctors said.</p></article></body></html>")
    assert process_pages([(page.encode(), URL)])["authors"] == ["Ana Ruiz"]


def test_authors_given_by_id_in_a_json_ld_graph_and_as_microdata_items():
    graph = ('{"@context": "https://schema.org", "@graph": [{"@type": "Article", "headline": "Sleep and Coffee Habits",'
             ' "author": [{"@id": "#p1"}, {"@id": "#p2"}]}, {"@type": "Person", "@id": "#p1", "name": "Ann Lee"},'
             ' {"@type": "Person", "@id": "#p2", "name": "Bo Chen"}]}')
    html = f'<html><head><script type="application/ld+json">{graph}</script></head><body><h1>Sleep</h1></body></html>'
    assert extract_page(html, URL)["byline"] == ["Ann Lee", "Bo Chen"]
    people = "; ".join(f'<span itemprop="author" itemscope itemtype="https://schema.org/Person">Dr. '
                       f'<span itemprop="name">{n}</span>, MD</span>' for n in ("Ann Lee", "Bo Chen"))
    html = f'<html><body><article><h1>Sleep and Coffee Habits</h1><div class="authors">{people}</div></article></body></html>'
    assert extract_page(html, URL)["byline"] == ["Ann Lee", "Bo Chen"]


def test_a_page_read_on_its_own_reports_what_reassembly_reads_and_the_same():
    full = extract_page(PAGE, URL)
    alone = extract_page(PAGE, URL, continuation=False)
    assert set(alone["report"]) == {"dek", "head", "profile"}
    assert alone["report"] == {key: full["report"][key] for key in alone["report"]}
    assert {k: v for k, v in alone.items() if k != "report"} == {k: v for k, v in full.items() if k != "report"}


def test_link_meta_and_time_values_are_the_first_given_in_page_order():
    page = extract_page("""<html><head><link rel="canonical"><link rel="canonical" href=" /a ">
        <link rel="canonical" href="/b"><meta property="og:url" content="https://health.example/og">
        <meta name="date" content="2020-01-02"></head><body><time datetime="2019-05-06">outside</time>
        <article><h1>Walking</h1><time datetime="  ">blank</time><time datetime="2019-07-08">in</time>
        <time itemprop="dateModified" datetime="2019-09-10">changed</time></article></body></html>""", URL)
    assert page["canonical_url"] == "https://health.example/a"  # the first link with an href, stripped
    # the first dated <time> inside the article is blank: its value is not taken, nor a later one's
    assert page["dates"] == [["meta", "2020-01-02"]]
    assert page["modified"] == [["time", "2019-09-10"]]
    blank = extract_page('<html><head><link rel="canonical" href=" "><meta property="og:url" content="/og">'
                         '</head><body><article><time datetime="2019-07-08">in</time></article></body></html>', URL)
    assert blank["canonical_url"] == "https://health.example/og"
    assert blank["dates"] == [["time", "2019-07-08"]]


def test_sources_follow_a_heading_or_a_bold_line_and_authors_come_from_author_links():
    page = extract_page("""<html><body><article><h1>Walking</h1><p>By <a rel="author" href="/a"> Ann
        <b>Lee</b></a></p><p>Walking helps, the study found, in older adults who walk daily.</p>
        <p><strong>Note</strong> and more</p><ul><li>Not a source</li></ul>
        <p><b>Sources:</b></p><p>Smith J. Walking. 2019.</p><p>Doe A.  Steps. 2020.</p>
        </article></body></html>""", URL)
    assert page["references"] == ["Smith J. Walking. 2019.", "Doe A. Steps. 2020."]
    assert page["byline"] == ["Ann Lee"]  # one link is one name, however its text is split into elements
    heading = extract_page("<html><body><h3>References</h3><ol><li>One.</li><li>Two.</li></ol></body></html>", URL)
    assert heading["references"] == ["One.", "Two."]
