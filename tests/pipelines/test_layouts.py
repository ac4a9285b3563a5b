"""Layouts and credits Folio had not seen: a page drawn in table cells, credits written as sentences, a time
dateparser misreads, and a "continued" line below the credits every page repeats.

Each page is small and written here; it goes through the real extract -> reassemble -> normalize steps.
"""
from __future__ import annotations

import lxml.html

from pipelines.bylines import byline_names, sentence_credit
from pipelines.chrome import chrome_by_comparison
from pipelines.extract import extract_page
from pipelines.normalize import normalize, parse_date
from pipelines.reassemble import reassemble
from pipelines.tables import is_layout_table

TEXT = [
    "The county's new walk-in clinic treated more than four thousand patients in its first six months, most of "
    "them for minor injuries that would otherwise have gone to the hospital's emergency department.",
    "Nurses said waiting times at the hospital fell by almost an hour on weekday evenings, although they warned "
    "that winter, with its colds and falls on icy pavements, would be the real test of the new arrangement.",
    "The health board will decide in the spring whether to open a second clinic on the other side of the river, "
    "where the nearest doctor's surgery closed two years ago and has not been replaced.",
]


def table_page(title: str = "Walk-in clinic halves waits") -> str:
    """A newspaper drawn in a layout table: masthead row, story cell beside a rail cell, byline in a nested table."""
    story = "".join(f"<p>{p}</p>" for p in TEXT)
    return (f"<html><head><title>{title} | The Dale Courier</title></head><body>"
            f'<table width="100%"><tr><td><p>THE DALE COURIER</p></td><td><p>Health</p></td></tr></table>'
            f'<table width="100%"><tr><td valign="top"><h1>{title}</h1>'
            f'<table class="byline"><tr><td><p>Rhona Breck | Staff writer</p></td><td><p>POSTED: OCT. 2, 2024 7:10 AM ET</p></td>'
            f"</tr></table>{story}</td>"
            f'<td width="200"><p><b>Read most today</b></p><ul><li><a href="/a">Flu jabs open</a></li>'
            f'<li><a href="/b">Pharmacy hours change</a></li></ul></td></tr></table></body></html>')


def test_a_story_in_a_layout_table_cell_is_read_paragraph_by_paragraph_without_the_rail_or_masthead():
    page = extract_page(table_page(), "http://courier.test/health/walk-in.html")
    texts = [b["text"] for b in page["blocks"]]
    assert all(p in texts for p in TEXT)  # each paragraph its own block, not one row glued together
    assert not any("DALE COURIER" in t or "Read most today" in t or "Flu jabs open" in t for t in texts)


def test_a_table_with_a_header_row_is_data_and_one_with_paragraphs_in_its_cells_is_layout():
    data = lxml.html.fromstring("<table><tr><th>Year</th><th>Cases</th></tr><tr><td>2023</td><td>41</td></tr>"
                                "<tr><td>2024</td><td>37</td></tr></table>")
    grid = lxml.html.fromstring("<table><tr><td><h2>News</h2><p>One.</p></td><td><p>Two.</p></td></tr>"
                                "<tr><td>a</td><td>b</td></tr></table>")
    small = lxml.html.fromstring("<table><tr><td>2023</td><td>41</td></tr><tr><td>2024</td><td>37</td></tr></table>")
    assert not is_layout_table(data) and not is_layout_table(small)
    assert is_layout_table(grid)


def test_a_layout_tables_byline_and_date_are_the_metadata_and_leave_the_body():
    stored = normalize(reassemble([extract_page(table_page(), "http://courier.test/health/walk-in.html")]))
    assert stored["authors"] == ["Rhona Breck"]
    assert stored["published"].startswith("2024-10-02")
    assert "Staff writer" not in stored["body_text"] and "POSTED" not in stored["body_text"]


def test_a_short_given_name_is_not_taken_for_a_label():
    assert byline_names("Aino Ó Dálaigh | Staff writer", vouched=True) == ["Aino Ó Dálaigh"]
    assert byline_names("Ezra Ó Dálaigh and Joosua Järvinen | Staff writers") == ["Ezra Ó Dálaigh", "Joosua Järvinen"]
    assert byline_names("Von Ann Lee und Bo Chan") == ["Ann Lee", "Bo Chan"]  # a "by" word stays a label
    assert byline_names("Words by Jonas de la Fuente") == ["Jonas de la Fuente"]


def test_a_credit_written_as_a_sentence_names_its_writers_and_nothing_else():
    assert sentence_credit("This report was written by Rhona Breck and Ann van der Berg for the Dale Courier.") == [
        "Rhona Breck", "Ann van der Berg"]
    assert sentence_credit("Dieser Artikel wurde von Ann Lee und Bo Chan geschrieben.") == ["Ann Lee", "Bo Chan"]
    assert sentence_credit("Rhona Breck and Tom Hale wrote this report.") == ["Rhona Breck", "Tom Hale"]
    assert sentence_credit("Photographs by Rhona Breck for the Dale Courier.") == []  # no writer word
    assert sentence_credit("Reviewed by Rhona Breck, who wrote the guideline.") == []
    assert sentence_credit("Additional reporting from the Northern Wire Service.") == []


def test_a_sentence_byline_after_the_text_is_read_and_a_later_correction_date_is_not_the_date():
    body = "".join(f"<p>{p}</p>" for p in TEXT)
    html = ("<html><head><title>Clinic halves waits | Fell Bulletin</title></head><body><main><article>"
            "<header><h1>Clinic halves waits</h1><p><time>Posted 02 OCT 2024</time></p></header>"
            f'<section class="story-body">{body}</section>'
            '<aside class="correction"><p>Correction, 10 OCT 2024: an earlier version gave the wrong opening hours.</p>'
            "</aside><p>Topics: clinics, waiting times</p>"
            "<footer><p>This article was written by Rhona Breck and Tom Hale for the Fell Bulletin.</p>"
            "<p>Additional material from the Northern Wire Service.</p></footer></article></main></body></html>")
    stored = normalize(reassemble([extract_page(html, "http://fell.test/news/clinic.html")]))
    assert stored["authors"] == ["Rhona Breck", "Tom Hale"]
    assert stored["published"] == "2024-10-02"


def test_a_date_whose_time_dateparser_misreads_keeps_its_written_day():
    assert parse_date("em 13/11/2019, às 09h12", languages=("pt", "en")) == "2019-11-13"
    assert parse_date("le 13/11/2019 à 09h12", languages=("fr", "en")) == "2019-11-13"
    assert parse_date("4 March 2025", languages=("en",)) == "2025-03-04"


def test_a_continued_line_under_the_credits_every_page_repeats_is_chrome():
    def blocks(*texts):
        return [{"tag": "p", "text": t} for t in texts]

    credits = ("Clinic halves waits", "Text: Rhona Breck", "Veröffentlicht am 02.10.2024")
    pages = [blocks(*credits, TEXT[0], TEXT[1]),
             blocks(*credits, "Fortsetzung von der vorigen Seite", TEXT[2], "Next steps for the board")]
    found = chrome_by_comparison(pages)
    assert (1, 3) in found  # the marker, below three lines every page prints
    assert (1, 4) not in found and (0, 3) not in found  # the text stays
    assert (1, 5) not in found  # a heading at the end of the last page points nowhere


def test_an_affiliation_after_a_name_is_not_a_second_author():
    assert byline_names("Prepared by Ann Woodlief, Virginia Commonwealth University") == []
    assert byline_names("By Ann Woodlief and Tom Hale") == ["Ann Woodlief", "Tom Hale"]


def test_a_large_grid_is_data_even_when_its_cells_hold_paragraphs():
    rows = "".join(f"<tr><td><p>Week {n}</p></td><td><p>{n * 3} cases</p></td></tr>" for n in range(1, 13))
    assert not is_layout_table(lxml.html.fromstring(f"<table>{rows}</table>"))
    assert is_layout_table(lxml.html.fromstring(f"<table><tr><td><h2>Health</h2></td></tr>{rows}</table>"))


def test_a_late_evening_time_moved_into_the_next_year_keeps_its_time():
    assert parse_date("Dec 31, 2019 11:30 PM", languages=("en",), timezone="America/New_York").startswith(
        "2019-12-31T23:30")
    assert parse_date("Dec 31, 2019 11:30 PM EST", languages=("en",)).startswith("2020-01-01T04:30")
