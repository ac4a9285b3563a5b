"""Credits and dates as sites nobody tuned for print them: boxes of block lines, labelled date lines, caseless names.

Each page is small and written here; it goes through the real extract -> reassemble -> normalize steps.
"""
from __future__ import annotations

from lxml import html as lxml_html

from pipelines.bylines import byline_names
from pipelines.credit_lines import box_credit, lines_of
from pipelines.dated_lines import publication_date, read_labelled
from pipelines.extract import extract_page
from pipelines.normalize import normalize
from pipelines.reassemble import reassemble

TEXT = [
    "The clinic on the hill opened its doors on Saturdays this winter, and the queue for flu shots stretched "
    "past the bakery on the first morning, nurses said.",
    "Staff put the rise down to a notice in the parish newsletter and a bus that stops at the clinic gate, though "
    "they warned that one good season does not make a habit.",
    "Parents who came said the Saturday hours saved them a day off work, and several asked for the same in spring "
    "for their children's routine checks.",
]
URL = "http://first-contact.test/health/saturday-clinic.html"


def page(*, under: str = "", after: str = "", lang: str = "en", title: str = "Saturday clinic draws a queue") -> str:
    """A one-page article with lines under the headline and after the text, and no date or author tags."""
    paragraphs = "".join(f"<p>{p}</p>" for p in TEXT)
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title} | Hill News</title>'
            f'</head><body><article><h1>{title}</h1>{under}<div class="text">{paragraphs}</div>{after}'
            f'</article></body></html>')


def record(html: str) -> dict:
    return normalize(reassemble([extract_page(html, URL)]))


def test_a_byline_box_of_block_lines_keeps_its_name_apart_from_its_date():
    box = '<div class="byline-block"><p>By Femke Brenninkmeyer</p><p>November 25, 2019 4:12 PM GMT+1</p></div>'
    assert lines_of(lxml_html.fromstring(box)) == ["By Femke Brenninkmeyer", "November 25, 2019 4:12 PM GMT+1"]
    assert record(page(under=box))["authors"] == ["Femke Brenninkmeyer"]


def test_a_writers_bio_credits_no_one_but_the_byline_does():
    bio = '<div class="author-box"><p>Mathilde Dubreuil writes about medicines and everyday health.</p></div>'
    assert box_credit(lxml_html.fromstring(bio)) == ""
    assert record(page(under="<p>Written by Ann Lee</p>", after=bio))["authors"] == ["Ann Lee"]


def test_a_date_under_a_label_at_the_foot_of_the_text_is_the_publication():
    foot = ('<div class="page-foot"><p>Originally published: July 18, 2024</p><p>Last reviewed: January 2025</p>'
            '<p>This information is not a substitute for advice from your own doctor.</p></div>')
    assert record(page(after=foot))["published"] == "2024-07-18"


def test_the_earliest_labelled_date_is_the_publication_whatever_order_the_lines_come_in():
    lines = ["Last updated: 4 March 2025", "First shown: 2 March 2025"]
    assert publication_date(lines, ("en",)) == "2 March 2025"


def test_a_review_date_is_the_publication_only_when_nothing_else_is_dated():
    assert publication_date(["Page last reviewed: March 4, 2025"], ("en",)) == "March 4, 2025"
    assert publication_date(["Page last reviewed: March 4, 2025", "Issued: June 1, 2025"], ("en",)) == "June 1, 2025"


def test_a_bare_date_line_has_no_label_to_split_off():
    assert read_labelled("March 14, 2019", ("en",)) is None  # not "March" as a label of "14, 2019"
    assert read_labelled("Posted by Maribel Pemberton on July 11, 2025", ("en",))[2] == "2025-07-11"


def test_a_japanese_credit_box_gives_its_writers_and_publication_date():
    under = '<div class="meta"><p>文：伊藤直美、渡辺翔</p><p>公開日：2022年8月25日</p><p>更新日：2022年08月26日</p></div>'
    found = record(page(under=under, lang="ja-JP"))
    assert found["authors"] == ["伊藤直美", "渡辺翔"]
    assert found["published"] == "2022-08-25"


def test_caseless_names_need_a_label_and_keep_a_middle_dot():
    assert byline_names("文：ジョン・スミス") == ["ジョン・スミス"]
    assert byline_names("伊藤直美、渡辺翔") == []  # no label: nothing says these are writers


def test_a_byline_set_in_capitals_gives_names_as_people_write_them():
    line = "By MARCUS BRANNIGAN, DESHAWN CASTELLANOS AND HUNTER FITZGERALD | The Daily Courier"
    assert byline_names(line) == ["Marcus Brannigan", "Deshawn Castellanos", "Hunter Fitzgerald"]
    assert byline_names("By JEAN-LUC O'NEIL") == ["Jean-Luc O'Neil"]
    assert byline_names("By Ann LEE, MD") == ["Ann LEE"]  # one word in capitals beside a degree: left as printed


def test_a_marked_byline_in_capitals_is_stored_in_title_case():
    box = ('<div class="Page-byline"><span class="Page-authors">By BRONWYN ASHDOWN AND RHYS OKAFOR | The Courier'
           '</span></div>')
    assert record(page(under=box))["authors"] == ["Bronwyn Ashdown", "Rhys Okafor"]


def test_a_blog_post_line_gives_the_writer_and_the_date():
    found = record(page(under="<p>Posted by Harriet Brannigan on December 3, 2020</p>"))
    assert (found["authors"], found["published"]) == (["Harriet Brannigan"], "2020-12-03")


def test_a_credit_box_on_one_line_between_dashes_names_its_writer_not_its_reviewer():
    box = ('<div class="byline-block"><span>Medically reviewed by Dr. Leland Okoye, MD</span> — '
           '<span>Written by Callum Nguyen</span> — <span>Updated on April 18, 2020</span></div>')
    assert record(page(under=box))["authors"] == ["Callum Nguyen"]


def test_a_bio_in_the_present_tense_is_no_credit_but_a_past_one_is():
    from pipelines.bylines import sentence_credit

    assert sentence_credit("Marcus Brannigan covers health and medicine for The Daily Courier.") == []
    assert sentence_credit("Mathilde Dubreuil writes about medicines and everyday health.") == []
    assert sentence_credit("Rhona Breck reported this story.") == ["Rhona Breck"]


def test_lines_that_end_with_a_date_but_are_no_dated_credit_are_not_read():
    assert read_labelled("— Michael Preetz (@michaelpreetz) July 21, 2017", ("en",)) is None  # an embedded post
    assert read_labelled("© Bundeskriminalamt 2022", ("de", "en")) is None  # a year alone: a copyright
    assert read_labelled("The Guardian 02/10/2020 Anna Fazackerley", ("en",)) is None  # a name after the date
    assert read_labelled("Juni 19th, 2018", ("de", "en")) is None  # "Juni" is the month, not a label


def test_two_dates_on_one_line_are_read_part_by_part():
    assert publication_date(["By Daniel | Published: 23. Juli 2017 | Kommentare geschlossen"], ("de", "en")) == \
        "23. Juli 2017"


def test_an_xhtml_byline_box_is_split_at_its_blocks_too():
    from lxml import etree

    box = etree.fromstring('<div xmlns="http://www.w3.org/1999/xhtml"><p>By Ann Lee</p><!-- x --><p>May 4, 2021</p></div>')
    assert lines_of(box) == ["By Ann Lee", "May 4, 2021"]


def test_a_marked_label_alone_credits_no_one_and_a_handle_is_no_name():
    from pipelines.metadata import byline_from_page
    from parsel import Selector

    marked = ('<h1>Saturday clinic</h1><p><span class="meta-prep-author">By </span>'
              '<a class="url fn n" rel="author" href="/author/daniel">Daniel</a></p>')
    assert byline_from_page(Selector(text=f"<html><body>{marked}</body></html>")) == ["Daniel"]
    assert byline_names("Por Williams Perdomo @wperdomod -") == ["Williams Perdomo"]


def test_only_the_bylines_rel_author_links_name_the_writers():
    from pipelines.credit_lines import rel_author_names

    html = ('<html><body><h1>Saturday clinic</h1><div class="meta"><span>By <a rel="author" href="/a">Ann Lee</a> and '
            '<a rel="author" href="/b">Bo Chan</a></span></div><p>Text.</p><div class="teasers"><div><p>Other post by '
            '<a rel="author" href="/c">Cy Dunn</a></p></div></div><div class="bio"><a rel="author" href="/a">weiter</a>'
            '</div></body></html>')
    assert rel_author_names(lxml_html.fromstring(html).xpath("//a[@rel='author']")) == ["Ann Lee", "Bo Chan"]


def test_a_dated_line_keeps_its_date_not_the_name_before_it():
    from pipelines.dated_lines import date_part

    german = lxml_html.fromstring('<html lang="de"><body><p>x</p></body></html>')
    assert date_part("SeglerBlog am 23. Februar 2020", german) == "23. Februar 2020"
    assert date_part("Sept. 16, 2020", german) == "Sept. 16, 2020"  # never "16, 2020"
    found = record(page(after="<p>Veröffentlicht von SeglerBlog am 23. Februar 2020</p>", lang="de"))
    assert found["published"] == "2020-02-23"


def test_a_role_the_byline_sets_in_its_own_element_after_the_name_is_no_part_of_the_name():
    line = '<p class="news-author">By Niamh Kavanagh <span class="role">Communications Officer</span></p>'
    assert box_credit(lxml_html.fromstring(line)) == "By Niamh Kavanagh"
    assert record(page(after=line))["authors"] == ["Niamh Kavanagh"]


def test_a_name_the_markup_sets_in_parts_stays_whole():
    for parts in ('By Mary Anne <span>de la Cruz</span>', 'By Jean <span>Dupont</span>',
                  'By Mary Anne <span class="family-name">Smith</span>', 'By <span>Mary Anne</span> <span>Smith</span>'):
        line = f'<p class="byline">{parts}</p>'
        assert box_credit(lxml_html.fromstring(line)) == lxml_html.fromstring(line).text_content()
