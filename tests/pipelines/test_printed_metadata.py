"""Dates and credits that pages print only in their own language and layout: a date strip above the headline, a
date with its update in brackets, a Chinese reporter credit beside a "source:" line, a wire byline with a place.

Each page is small and written here; it goes through the real extract -> reassemble -> normalize steps. The
generated eleventh publisher family is read the same way, every article of it.
"""
from __future__ import annotations

from lxml import html as lxml_html
from parsel import Selector

from crawler.samplesite.conventions import build
from pipelines.agency_bylines import filed_from, publisher_only, reporter_names
from pipelines.bylines import byline_names
from pipelines.extract import extract_page
from pipelines.metadata import headline_date
from pipelines.normalize import normalize
from pipelines.offline import process_pages
from pipelines.printed_dates import lines_above
from pipelines.reassemble import reassemble
from tests.pipelines.test_first_contact_credits import TEXT  # the same three paragraphs of running text

URL = "http://printed.test/zdravi/sobotni-ordinace.html"


def page(*, above: str = "", under: str = "", lang: str = "en", site: str = "Hill News") -> str:
    """A one-page article with lines above and under the headline, and no date or author tags."""
    paragraphs = "".join(f"<p>{p}</p>" for p in TEXT)
    title = "Saturday clinic draws a queue"
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}_{site}</title>'
            f'</head><body><div class="main">{above}<h1>{title}</h1>{under}<div class="text">{paragraphs}</div>'
            f'</div></body></html>')


def record(html: str) -> dict:
    return normalize(reassemble([extract_page(html, URL)]))


def test_a_labelled_date_strip_above_the_headline_dates_the_article_not_its_update():
    strip = ('<div class="art-info"><span class="time">Publikováno 17. 4. 2025 10:15</span> '
             '<span class="upd">Aktualizováno 18. 4. 2025 8:30</span></div>')
    assert "Publikováno 17. 4. 2025 10:15" in lines_above(lxml_html.fromstring(page(above=strip, lang="cs")))
    assert record(page(above=strip, lang="cs"))["published"][:10] == "2025-04-17"


def test_text_far_above_the_headline_dates_nothing():
    menu = '<div class="teaser">Publikováno 17. 4. 2025 10:15</div>' + "".join(f"<p>{p}</p>" for p in TEXT)
    assert lines_above(lxml_html.fromstring(page(above=menu, lang="cs"))) == []


def test_a_date_with_its_modification_in_brackets_is_published_on_the_first():
    line = '<div class="firma"><span>di Luca Galli</span> <span>13 marzo 2022 (modifica il 15 marzo 2022 | 08:30)</span></div>'
    assert record(page(under=line, lang="it"))["published"][:10] == "2022-03-13"


def test_a_review_word_labels_the_date_after_it_not_the_one_before():
    assert headline_date(Selector(text=page(under="<p>Reviewed 5 March 2025</p>"))) is None
    assert headline_date(Selector(text=page(under="<p>5 March 2025 (reviewed 7 March 2025)</p>"))) == "5 March 2025"


def test_a_chinese_reporter_credit_names_each_reporter_and_the_source_line_naming_the_paper_is_no_author():
    info = '<div class="info"><span>发布时间：2025年8月24日</span> <span>来源：健康生活报</span></div>'
    credit = '<div class="TRS_Editor"><p class="zuozhe">本报记者 王丽华 陈志强</p></div>'
    got = record(page(under=info + credit, lang="zh-CN", site="健康生活报"))
    assert got["authors"] == ["王丽华", "陈志强"]
    assert got["published"][:10] == "2025-08-24"


def test_a_source_line_naming_another_body_than_the_site_is_not_taken_for_the_site():
    root = lxml_html.fromstring(page(site="健康生活报"))
    assert publisher_only(["健康生活报"], root)
    assert not publisher_only(["新华社"], root)
    assert not publisher_only(["Saturday clinic draws a queue"], root)  # the headline is no site name


def test_a_reporter_credit_needs_a_reporter_word():
    assert reporter_names("本报记者 王丽华 陈志强") == ["王丽华", "陈志强"]
    assert reporter_names("健康 生活") == []
    assert byline_names("健康 生活") == []


def test_a_wire_byline_with_a_place_and_an_agency_names_its_writer():
    assert byline_names("Elif Çelik | İZMİR (DHA)") == ["Elif Çelik"]
    under = ('<div class="haber-meta"><span class="muhabir">Elif Çelik | İZMİR (DHA)</span> '
             '<span class="tarih">Giriş: 27.05.2024 10:15 | Güncelleme: 29.05.2024 08:30</span></div>')
    assert record(page(under=under, lang="tr"))["authors"] == ["Elif Çelik"]


def test_a_lone_name_with_a_tail_that_is_no_place_and_agency_is_still_no_byline():
    assert not filed_from("| Staff")
    assert not filed_from("| İzmir (dha)")
    assert byline_names("Elif Çelik | Sağlık") == []


def test_every_eleventh_family_article_gets_its_title_authors_and_date():
    site = build(family="eleventh")
    wrong = []
    for case in site.cases:
        pages = [(site.documents[p].encode(), f"http://127.0.0.1:8000{p}") for p in case.page_urls]
        got = process_pages(pages)
        if [got["title"], got["authors"], (got["published"] or "")[:10]] != [case.title, list(case.authors),
                                                                             case.published]:
            wrong.append(case.key)
    assert wrong == []
