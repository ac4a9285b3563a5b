"""Credits, dates and boxes of kinds of sites not read before: newsrooms, agencies, magazines, TV desks.

Each page is small and written here; it goes through the real extract -> reassemble -> normalize steps.
"""
from __future__ import annotations

import pytest

from parsel import Selector

from crawler.verify import line_key
from pipelines.extract import extract_page
from pipelines.metadata import attribute_date
from pipelines.normalize import normalize
from pipelines.reassemble import merge_blocks, reassemble

TEXT = [
    "County clinics gave more flu shots this autumn than in any year since the programme began, the health "
    "board said on Monday in its report to the council.",
    "Nurses put the rise down to evening hours and a bus that visits the outlying villages twice a week, although "
    "the board warned that one busy season does not make a habit.",
    "Families who used the bus said it saved them half a day off work, and several asked for it to come back "
    "in the spring for the children's routine checks.",
]
URL = "http://unseen.test/news/flu-shots-rise-in-county.html"


def page(*, above: str = "", under: str = "", after: str = "", box: str = "", title: str = "Flu shots rise") -> str:
    """A one-page article with lines above and under the headline, a box before the text and lines after it."""
    paragraphs = "".join(f"<p>{p}</p>" for p in TEXT)
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title} | Unseen</title></head>'
            f'<body><div class="story" data-section="health">{above}<h1>{title}</h1>{under}{box}'
            f'<div class="text">{paragraphs}</div>{after}</div></body></html>')


def record(html: str, *, template=()) -> dict:
    return normalize(reassemble([extract_page(html, URL)], template=template))


def test_only_the_writing_role_of_a_credit_line_names_authors():
    html = page(under='<div class="credits"><p>Words by Maud Ferrier and Ishaan Roe · Photographs by Ama Owusu</p>'
                      "<p>Edited by Clem Ashby</p></div>")
    assert record(html)["authors"] == ["Maud Ferrier", "Ishaan Roe"]


def test_a_role_credit_after_a_semicolon_ends_the_writers_and_a_dek_above_them_is_the_subtitle():
    dek = "Nurses say evening hours and a village bus made the difference."
    html = page(under=f'<h2 class="summary">{dek}</h2><div class="meta"><div>Story by Obadiah C. Tallis, Teodor P. '
                      "Tallis &amp; Philippa M. Bellweather; photos by Ingrid V. Haldane</div><div>Posted: Mon 3:05 PM, "
                      "Jun 3, 2024</div></div>")
    stored = record(html)
    assert stored["authors"] == ["Obadiah C. Tallis", "Teodor P. Tallis", "Philippa M. Bellweather"]
    assert stored["subtitle"] == dek and dek not in stored["body_text"]


def test_a_line_of_names_after_a_dot_still_names_writers():
    assert record(page(under="<p>By Maud Ferrier · Ishaan Roe</p>"))["authors"] == ["Maud Ferrier", "Ishaan Roe"]


@pytest.mark.parametrize("line, author", [
    ("Content source: Office of Environmental Health", "Office of Environmental Health"),
    ("Quelle: kathpress", "kathpress"),
])
def test_an_issuing_body_named_as_the_source_after_the_text_is_the_author(line, author):
    html = page(after=f'<div class="page-meta"><p>Page last reviewed: 4 May 2024</p><p>{line}</p></div>')
    assert record(html)["authors"] == [author]


def test_a_photo_source_names_no_author():
    assert record(page(after="<p><em>Photo source: Markus Lind from Pixstock</em></p>"))["authors"] == []


def test_an_iso_date_in_a_data_attribute_of_the_article_box_dates_it():
    html = page().replace('data-section="health"', 'data-published="2023-10-26T06:00:00Z"')
    assert record(html)["published"].startswith("2023-10-26")


def test_a_modified_data_attribute_is_not_the_publication():
    html = page().replace('data-section="health"', 'data-modified="2023-10-26T06:00:00Z"')
    assert attribute_date(Selector(text=html)) is None
    assert attribute_date(Selector(text=html.replace("data-modified", "data-published"))) == "2023-10-26T06:00:00Z"


def test_a_time_element_without_datetime_is_read_from_its_text():
    html = page(under="<p>Published <time>1 July 2020</time></p>")
    assert record(html)["published"].startswith("2020-07-01")


def test_a_release_line_above_the_headline_dates_it_but_a_review_line_does_not():
    assert record(page(above="<p>FOR IMMEDIATE RELEASE | March 17, 2022</p>"))["published"].startswith("2022-03-17")
    assert record(page(above="<p>Page last reviewed | March 17, 2022</p>"))["published"] is None


def test_a_date_after_words_between_label_and_date_is_read():
    assert record(page(under="<p>Published online October 26, 2023</p>"))["published"].startswith("2023-10-26")


def test_a_heading_over_a_transcript_the_site_prints_everywhere_goes_with_it():
    transcript = "ANCHOR: Health officials are asking families to take a few simple steps this week."
    box = f"<details><summary>Video transcript</summary><p>{transcript}</p></details>"
    body = record(page(box=box), template={line_key(transcript)})["body_text"]
    assert "Video transcript" not in body and transcript not in body and TEXT[0] in body
    # A heading of the article's own over an ad label the site prints everywhere stays.
    blocks = [{"tag": "h2", "text": "Who gets the shot", "html": "Who gets the shot"},
              {"tag": "p", "text": "Advertisement", "html": "Advertisement"},
              {"tag": "p", "text": TEXT[0], "html": TEXT[0]}]
    merged, _ = merge_blocks([{"url": URL, "blocks": blocks}], set(), template={line_key("Advertisement")})
    assert [b["text"] for b in merged] == ["Who gets the shot", TEXT[0]]


def test_a_link_to_another_language_version_of_the_page_goes_but_a_link_elsewhere_stays():
    switch = '<p>Also available in: <a href="/es/news/flu-shots-rise-in-county.html">Español</a></p>'
    assert "Also available in" not in record(page(after=switch))["body_text"]
    # The same label over a link to another article is no switch of versions (other rules judge it).
    blocks = [{"tag": "p", "text": t, "html": t} for t in TEXT]
    link = '<a href="/news/measles-cases-fall.html">Measles cases fall</a>'
    other = {"tag": "p", "text": "Also available in: Measles cases fall", "html": f"Also available in: {link}"}
    merged, _ = merge_blocks([{"url": URL, "blocks": [*blocks, other]}], set())
    assert merged[-1] == other
