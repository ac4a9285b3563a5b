"""Bylines read by their shape (a short label, then person-like names), standfirsts by their place above the credits."""
from __future__ import annotations

import lxml.html
import pytest

from pipelines.bylines import byline_names
from pipelines.credit_lines import dated_box_names, head_lines, standfirst
from pipelines.normalize import clean_names
from pipelines.reassemble import _dated


@pytest.mark.parametrize("line,names", [
    ("By Jane Doe and John Smith", ["Jane Doe", "John Smith"]),
    ("Words by Maren de la Fuente & Maren O'Callaghan", ["Maren de la Fuente", "Maren O'Callaghan"]),
    ("Ein Beitrag von Leonie di Stefano und Matteo Achterberg", ["Leonie di Stefano", "Matteo Achterberg"]),
    ("Di Leonie di Stefano, Matteo Achterberg e Rafael O'Callaghan",
     ["Leonie di Stefano", "Matteo Achterberg", "Rafael O'Callaghan"]),
    ("Av Bram Le Goff och Astrid Lindgren", ["Bram Le Goff", "Astrid Lindgren"]),
    ("Tekst: Yusuf ter Horst", ["Yusuf ter Horst"]),
    ("Written by A Bee & C Dee & E Eff", ["A Bee", "C Dee", "E Eff"]),
    ("Von Saoirse Varga – 2 November 2023", ["Saoirse Varga"]),
    ("Anouk Achterberg for Sorrel Kids Health", ["Anouk Achterberg"]),  # no label: the affiliation vouches
    ("Ilse Vantreece, Corin Holloway", ["Ilse Vantreece", "Corin Holloway"]),  # no label: two names
    ("Anna Schmidt und Jan Meier • 8h", ["Anna Schmidt", "Jan Meier"]),
    ("Harlan Okonkwo-Reyes", []),  # one bare name: nothing says it is a byline
    ("Medically reviewed by Dr. Imre Castellane, MD", []),
    ("Photo: Getty Images", []),
    ("Tidewell Health Journal is supported by its readers.", []),
    ("Get the Quillon Parents letter in your inbox.", []),
    ("Published on 12th October 2025", []),
    ("Mild Vitamin Salt Fatigue Rates Data", []),
    ("Today on Tidewell", []),
])
def test_a_byline_is_a_short_label_then_names(line, names):
    assert byline_names(line) == names


def test_a_bare_name_counts_when_the_page_names_it_elsewhere_or_boxes_it_with_the_date():
    assert byline_names("Harlan Okonkwo-Reyes", {"harlan okonkwo-reyes"}) == ["Harlan Okonkwo-Reyes"]
    box = ["Saoirse Tremayne Apr 4, 2024 · 6 min read", "Saoirse Tremayne", "Apr 4, 2024 · 6 min read"]
    assert dated_box_names(box, _dated) == ["Saoirse Tremayne"]
    assert dated_box_names(["Saoirse Tremayne", "Apr 4, 2024"], _dated) == []  # not in one box


def test_clean_names_reads_a_labelled_line_as_its_names():
    assert clean_names(["View all posts by Daniel Lemire"]) == ["Daniel Lemire"]
    assert clean_names(["Di Ana Ruiz e Luis Gil"]) == ["Ana Ruiz", "Luis Gil"]


PAGE = """<html><body><div class="brand">Lantern</div><main><h1>Flu Arrives Early</h1>
<h2 class="standfirst">Doctors say the season started three weeks sooner than usual.</h2>
<p class="credit">Words by Ann Lee &amp; Bo Park</p><div class="when"><span>Ann Lee</span> <time>4 March 2025</time></div>
<p>{prose}</p><p>More text.</p></main></body></html>"""


def test_head_lines_are_the_short_texts_under_the_headline_until_the_text_starts():
    root = lxml.html.fromstring(PAGE.format(prose=" ".join(["word"] * 30)))
    head = head_lines(root)
    assert head == ["Doctors say the season started three weeks sooner than usual.", "Words by Ann Lee & Bo Park",
                    "Ann Lee 4 March 2025", "Ann Lee", "4 March 2025"]
    assert standfirst(head, _dated) == head[0]  # set above the credits: the dek
    assert standfirst(head[1:], _dated) is None  # a byline is no dek
    assert standfirst(["A first paragraph of the text itself.", "More of the text, and no credit."], _dated) is None


def test_a_long_byline_under_the_dek_is_a_head_line_not_the_text():
    """Three authors with name particles and an affiliation run past the 'long line = text' limit."""
    credits = "Elsa van der Berg, Rafa Le Goff &amp; Mara van der Berg for Example Kids Health"
    html = (f"<html><body><h1>A headline</h1><p>A dek of eight words set under the headline.</p>"
            f"<div><p>{credits}</p><p>Last updated 9 Feb. 2020</p></div>"
            f"<div><p>{' '.join(['word'] * 30)}</p></div></body></html>")
    head = head_lines(lxml.html.fromstring(html))
    assert head[1] == credits.replace("&amp;", "&") and head[2] == "Last updated 9 Feb. 2020"
    assert standfirst(head, _dated) == head[0]
    assert len(head) == 3  # the text itself still ends the head


@pytest.mark.parametrize("line,names", [
    ("Escrito por Kenji Şahin • Tancredi Aldridge", ["Kenji Şahin", "Tancredi Aldridge"]),  # Ş is a capital too
    ("Verfasst von Łucja Dvořák • Ana Čapek • Ida Lind", ["Łucja Dvořák", "Ana Čapek", "Ida Lind"]),
    ("By Ann Lee · 5 min read", ["Ann Lee"]),  # what follows a dot and is no name ends the names
    ("By Ida Fair, PhD, Rob Alder, and Flo Penn, PhD", ["Ida Fair", "Rob Alder", "Flo Penn"]),
    ("Dr. Ann Lee, MD; Bo Chen, RN", ["Ann Lee", "Bo Chen"]),
    ("By Ann McKay, Bob Lee", ["Ann McKay", "Bob Lee"]),  # a capital inside a surname is no degree
])
def test_writers_in_any_latin_script_with_degrees_and_dots(line, names):
    assert byline_names(line) == names


def test_a_reviewer_keeps_the_titles_printed_with_the_name():
    from pipelines.bylines import reviewer_names
    assert reviewer_names("Medically reviewed by Dr Ewa Lis, MD") == ["Dr Ewa Lis, MD"]


def test_a_long_credits_box_under_the_standfirst_is_read_by_its_parts():
    # The box's whole text is longer than a line of credits, but its first part is a byline: the line above is the dek.
    html = ("<html><body><h1>Coffee and Sleep Habits</h1><p>What a new study of night shifts says about coffee.</p>"
            "<div><span>By Ida Fair, PhD, Rob Alder, and Flo Penn, PhD</span><br><span>Tuesday, 20 August 2024, "
            "9.12am</span><br><span>Fact checked by Rosalind Achterberg</span></div><p>" + "Text " * 30 + "</p></body></html>")
    head = head_lines(lxml.html.fromstring(html))
    assert "By Ida Fair, PhD, Rob Alder, and Flo Penn, PhD" in head
    assert standfirst(head, _dated) == "What a new study of night shifts says about coffee."


def test_a_marked_byline_is_found_by_rel_itemprop_or_any_case_of_its_class_or_id():
    from parsel import Selector

    from pipelines.metadata import byline_from_page

    def byline(marked: str) -> list[str]:
        return byline_from_page(Selector(text=f"<html><body><h1>Title</h1><div class='nav'>Menu</div>{marked}"
                                              "<p>Some text of the article.</p></body></html>"))

    # No class or id of these pages holds a byline word: rel and itemprop alone mark the writer.
    assert byline("<p><a rel='author' href='/a'>Mara Lind</a></p>") == ["Mara Lind"]
    assert byline("<p><span itemprop='author'>Mara Lind</span></p>") == ["Mara Lind"]
    assert byline("<p class='BYLINE'>By Mara Lind</p>") == byline("<p id='WrittenBy'>By Mara Lind</p>") != []
