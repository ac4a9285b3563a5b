"""Whose name an author tag gives: an account or desk loses to the printed byline, a person is kept.

Each page is small and written here; it goes through the real extract -> reassemble -> normalize steps.
"""
from __future__ import annotations

import pytest

from pipelines.bylines import byline_names
from pipelines.extract import extract_page
from pipelines.normalize import normalize
from pipelines.reassemble import reassemble

TEXT = "".join(f"<p>{p}</p>" for p in [
    "Clinics in the county gave more flu shots this autumn than in any year since the programme began, the health "
    "board said on Monday in its report to the council.",
    "Nurses put the rise down to evening hours and a bus that visits the outlying villages twice a week, although "
    "the board warned that one busy season does not make a habit.",
    "Families who used the bus said it saved them half a day off work, and several asked for it to come back.",
])
URL = "http://voice.test/health/flu-shots-rise.html"


def record(*, tag: str, credits: str) -> dict:
    """One page with an author tag in its head and a credits box under its headline."""
    html = (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Flu shots rise | The Lake Voice'
            f'</title>{tag}</head><body><article><h1>Flu shots rise</h1><div class="entry-meta">{credits}</div>'
            f'<div class="entry-content">{TEXT}</div></article></body></html>')
    return normalize(reassemble([extract_page(html, URL)]))


CREDITS = '<span class="byline">By AMARA OKONJO and TEMI BALOGUN, Port Harcourt</span> <span class="date">June 5, 2025</span>'


@pytest.mark.parametrize("tag", [
    '<meta name="author" content="Lake Voice Reporter">',  # a role
    '<meta name="author" content="Web Desk">',  # a desk
    '<meta name="author" content="The Lake Voice">',  # the publication itself
    '<script type="application/ld+json">{"@type": "NewsArticle", "author": {"@type": "Person", '
    '"name": "Staff Writer"}}</script>',
])
def test_an_account_in_the_author_tag_loses_to_the_printed_byline(tag):
    assert record(tag=tag, credits=CREDITS)["authors"] == ["Amara Okonjo", "Temi Balogun"]


def test_a_person_in_the_author_tag_is_kept():
    tag = '<meta name="author" content="Amara Okonjo">'
    assert record(tag=tag, credits='<span class="byline">By AMARA OKONJO, Lagos</span>')["authors"] == ["Amara Okonjo"]
    # A person the page does not print is still a person: the tag is kept, not second-guessed.
    tag = '<meta name="author" content="Grace Adeyemi">'
    assert record(tag=tag, credits=CREDITS)["authors"] == ["Grace Adeyemi"]


def test_an_account_with_no_printed_byline_stays():
    tag = '<meta name="author" content="Lake Voice Reporter">'
    assert record(tag=tag, credits='<span class="date">June 5, 2025</span>')["authors"] == ["Lake Voice Reporter"]


@pytest.mark.parametrize("credits", [
    CREDITS,
    '<span class="byline">Written by Amara Okonjo, DVM</span> <span class="date">Posted on June 5, 2025</span>',
    '<span class="byline">By Amara Okonjo</span> <span class="date">Published: 06/05/2025</span> '
    '<span class="updated">Last updated: 06/07/2025</span>',
])
def test_a_credits_box_is_no_subtitle(credits):
    assert record(tag="", credits=credits)["subtitle"] is None


def test_a_standfirst_above_the_credits_is_still_the_subtitle():
    html_credits = CREDITS.replace('<span class="byline">', '<p class="dek">More shots than in any year before</p>'
                                   '<span class="byline">', 1)
    assert record(tag="", credits=html_credits)["subtitle"] == "More shots than in any year before"


@pytest.mark.parametrize("line,names", [
    ("By KWAME OTIENO, Port Harcourt", ["Kwame Otieno"]),  # capitals are the names; the title-case place is not
    ("By WANJIRU OKAFOR, Nairobi", ["Wanjiru Okafor"]),  # one word after the names: a place, a name has two
    ("By Ann Lee, Bo Chan", ["Ann Lee", "Bo Chan"]),  # in one case throughout, both are names
    ("By ANN LEE, MD", ["Ann Lee"]),
])
def test_a_place_after_the_names_is_no_writer(line, names):
    assert byline_names(line) == names


def test_an_editorial_desk_people_credit_is_kept():
    # "Redaktion" is how German sites credit their desk, and people marking pages record it as the author.
    tag = '<meta name="author" content="Redaktion">'
    assert record(tag=tag, credits=CREDITS)["authors"] == ["Redaktion"]


def test_a_lone_bare_name_does_not_outrank_the_tag():
    # A heading fragment can read as one bare name; without a writer's label it is no byline to trust.
    tag = '<meta name="author" content="The Lake Voice">'
    assert record(tag=tag, credits='<p class="byline">Amara Okonjo</p>')["authors"] == ["Lake Voice"]  # "The" goes
