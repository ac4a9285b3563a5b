"""Credits where sites print them: footers, after the text, other languages; dates in the page's own locale.

Each page is small and written here; it goes through the real extract -> reassemble -> normalize steps.
"""
from __future__ import annotations

import pytest

from parsel import Selector

from pipelines.extract import extract_page
from pipelines.metadata import any_label_date
from pipelines.normalize import normalize
from pipelines.reassemble import reassemble

TEXT = [
    "Hospitals in the region saw fewer admissions for asthma this spring than in any year since records began, "
    "the regional health board said in its annual report on Tuesday.",
    "Doctors put the fall down to cleaner air after the city closed two roads to lorries, although the board "
    "warned that one good season does not make a trend and asked for three more years of data.",
    "Parents of children with the condition said the change was plain to see at the school gates, where fewer "
    "pupils now carry inhalers and fewer lessons are missed in the first weeks of the pollen season.",
]


def page(body: str | None, *, lang: str = "en", before: str = "", after: str = "", title: str = "Asthma admissions fall") -> str:
    """A one-page article: headline, optional lines before the text, three paragraphs, then ``after``."""
    paragraphs = "".join(f"<p>{p}</p>" for p in TEXT) if body is None else body
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title} | Harbour Health</title>'
            f"</head><body><header><p>Harbour Health</p></header><article><h1>{title}</h1>{before}"
            f'<div class="text">{paragraphs}</div>{after}</article>'
            f'<footer class="site"><p>© Harbour Health Trust</p></footer></body></html>')


def record(html: str, url: str = "http://harbour.test/news/asthma.html", *, template=()) -> dict:
    """The stored record of a one-page article."""
    return normalize(reassemble([extract_page(html, url)], template=template))


def test_a_byline_in_the_articles_footer_is_read():
    html = page(None, after='<footer class="article-footer"><p class="byline">By Maud Ferrier and Ishaan Roe</p>'
                            "<p>Published 3 March 2024</p></footer>")
    assert record(html)["authors"] == ["Maud Ferrier", "Ishaan Roe"]


def test_written_by_a_with_b_after_the_text_names_both_and_the_reviewer_stays_the_reviewer():
    html = page(None, after='<div class="after"><p>Written by Odile Marchetti, with Rufus Akande</p>'
                            "<p><small>Medically reviewed by Dr Lena Vogt</small></p></div>")
    assert record(html)["authors"] == ["Odile Marchetti", "Rufus Akande"]


@pytest.mark.parametrize("lang,label,also,reviewed", [
    ("pl", "Autor:", "i", "Konsultacja medyczna: Dr Ewa Lis"),
    ("de", "Autorin/Autor:", "und", "Medizinisch geprüft von Dr Ewa Lis"),
    ("fr", "Auteur :", "et", "Relu par Dr Ewa Lis"),
])
def test_an_author_label_in_another_language_names_the_authors_not_the_reviewer(lang, label, also, reviewed):
    html = page(None, lang=lang, after=f"<footer><p>{reviewed}</p><p>{label} Jan Kowalski {also} Anna Nowak</p></footer>")
    assert record(html)["authors"] == ["Jan Kowalski", "Anna Nowak"]


def test_an_update_date_under_a_label_no_list_knows_is_read_day_first_on_a_polish_page():
    html = page(None, lang="pl", after="<footer><p>Autor: Jan Kowalski</p><p>Aktualizacja: 05.03.2021</p></footer>")
    assert any_label_date(Selector(text=html)) == "05.03.2021"
    assert record(html)["published"] == "2021-03-05"
    assert any_label_date(Selector(text=html.replace("05.03.2021", "05.03.2021 – 12.03.2021"))) is None  # a range


def test_a_wire_dateline_in_a_dateline_box_is_the_date_not_an_author():
    html = page(None, before='<p class="dateline">LONDON, April 22, 2019</p>',
                after='<p class="credits">Reporting by Maud Ferrier; Ishaan Roe</p>')
    stored = record(html)
    assert stored["authors"] == ["Maud Ferrier", "Ishaan Roe"]
    assert stored["published"] == "2019-04-22"


@pytest.mark.parametrize("lang,day", [("en-GB", "2020-04-12"), ("en-US", "2020-12-04")])
def test_a_numeric_date_is_read_in_the_order_of_the_pages_declared_locale(lang, day):
    html = page(None, lang=lang, before="<p>Published 12/04/2020</p>")
    assert record(html)["published"] == day


def test_credit_and_review_lines_after_the_text_leave_the_body():
    paragraphs = "".join(f"<p>{p}</p>" for p in TEXT)
    credits = "<p>Reporting by Maud Ferrier; Ishaan Roe</p><p>Medically reviewed by Dr Lena Vogt</p>"
    stored = record(page(paragraphs + credits))
    assert stored["authors"] == ["Maud Ferrier", "Ishaan Roe"]
    assert "Reporting by" not in stored["body_text"] and "reviewed by" not in stored["body_text"]
    assert stored["body_text"].split("\n\n") == TEXT
    assert stored["reviewer"] == "Dr Lena Vogt"


def test_a_review_line_in_another_language_names_the_reviewer_not_an_author():
    html = page(None, lang="pl", before="<p>Autor: Jan Kowalski</p><p>Konsultacja medyczna: Dr Ewa Lis</p>")
    stored = record(html)
    assert (stored["authors"], stored["reviewer"]) == (["Jan Kowalski"], "Dr Ewa Lis")


def test_a_standfirst_set_in_bold_above_the_text_is_the_subtitle():
    lede = "Fewer children missed school this spring, and the air may be why."
    stored = record(page(f"<p><strong>{lede}</strong></p>" + "".join(f"<p>{p}</p>" for p in TEXT)))
    assert stored["subtitle"] == lede
    assert lede not in stored["body_text"]


def test_the_body_is_the_same_whichever_sibling_page_taught_the_sites_template():
    """A crawl learns the site's chrome from whichever sibling page arrives first; the body must not depend on it."""
    def article(author: str, reviewer: str) -> str:
        return page("".join(f"<p>{p}</p>" for p in TEXT) + f"<p>Reporting by {author}</p>"
                    f"<p>Medically reviewed by {reviewer}</p><p>Send to a friend | Print | Save for later</p>")

    mine = article("Maud Ferrier", "Dr Lena Vogt")
    siblings = [article("Rufus Akande", "Dr Lena Vogt"), article("Odile Marchetti", "Dr Paul Oyelaran")]
    url = "http://harbour.test/news/other.html"
    bodies = {record(mine, template=extract_page(s, url)["report"]["lines"])["body_text"] for s in siblings}
    assert bodies == {"\n\n".join(TEXT)}  # the share bar both siblings print is the site's; the credits are metadata


def test_the_same_pages_give_the_same_body_twice():
    html = page(None, after="<p>Reporting by Maud Ferrier</p><p>Medically reviewed by Dr Lena Vogt</p>")
    assert record(html) == record(html)
