"""A byline's place ("By Ann Lee, Port Harcourt") is no writer when the page itself says it is a place; real second
writers stay. Pages are small and written here; they go through the real extract -> reassemble -> normalize steps."""
from __future__ import annotations

import pytest

from pipelines.bylines import comma_joined_last
from pipelines.offline import process_pages

TEXT = ("<p>Clinics across the state report more flu cases this month than in any October since records began, "
        "and doctors urge everyone over six months old to get a flu shot now.</p>"
        "<p>The vaccine takes about two weeks to work, so an early shot protects people before the virus spreads "
        "in schools and offices, the state's health officer said on Monday.</p>")
DATELINE = ("<p>PORT HARCOURT, Nigeria — Health officials in the city opened ten new vaccination centres on Monday "
            "morning, the first of forty planned before the rains.</p>")


def authors(byline: str, *, opening: str = "", head: str = "") -> list[str]:
    """The stored authors of a one-page article printing ``byline`` under its headline, then ``opening`` and text."""
    html = (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Flu shots | State Health</title>'
            f"{head}</head><body><article><h1>Flu shots</h1><p>{byline}</p>{opening}{TEXT}</article></body></html>")
    return process_pages([(html.encode(), "http://state.test/news/flu.html")])["authors"]


@pytest.mark.parametrize(("line", "found"), [
    ("By Ann Lee, Port Harcourt", ("Port Harcourt", "By Ann Lee")),
    ("By Ann Lee, MD, Port Harcourt", ("Port Harcourt", "By Ann Lee, MD")),
    ("By Ann Lee, Port Harcourt | May 4, 2025", ("Port Harcourt", "By Ann Lee | May 4, 2025")),
    ("By Ann Lee, Tom Baker and Sue Kim", None),  # a list of writers ends with a conjunction
    ("By Ann Lee and Tom Baker", None),
    ("By Ann Lee", None),
])
def test_the_name_after_a_lone_comma_is_the_one_in_doubt(line, found):
    assert comma_joined_last(line) == found


def test_a_place_the_text_opens_with_as_its_dateline_is_no_author():
    assert authors("By Ann Lee, Port Harcourt", opening=DATELINE) == ["Ann Lee"]


def test_a_dateline_with_an_agency_in_title_case_counts_too():
    opening = ("<p>Port Harcourt (Daily Voice) - Health officials in the city opened ten new vaccination centres on "
               "Monday morning for all.</p>")
    assert authors("By Ann Lee, Port Harcourt", opening=opening) == ["Ann Lee"]


def test_a_place_the_json_ld_gives_as_the_storys_location_is_no_author():
    ld = ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Flu shots", '
          '"contentLocation": {"@type": "Place", "name": "Port Harcourt"}}</script>')
    assert authors("By Ann Lee, Port Harcourt", head=ld) == ["Ann Lee"]


def test_a_place_the_geo_tag_names_is_no_author():
    assert authors("By Ann Lee, Port Harcourt", head='<meta name="geo.placename" content="Port Harcourt">') == ["Ann Lee"]


def test_without_evidence_both_names_stay():
    # Two writers are printed "A, B" too: a place no part of the page vouches for is not guessed at.
    assert authors("By Ann Lee, Port Harcourt") == ["Ann Lee", "Port Harcourt"]


def test_a_second_writer_quoted_in_the_text_stays():
    opening = ("<p>Tom Baker, a nurse at the clinic, said officials in the city opened ten new vaccination centres "
               "on Monday morning.</p>")
    assert authors("By Ann Lee, Tom Baker", opening=opening) == ["Ann Lee", "Tom Baker"]


def test_writers_listed_with_a_conjunction_stay_beside_a_dateline():
    assert authors("By Ann Lee, Tom Baker and Sue Kim", opening=DATELINE) == ["Ann Lee", "Tom Baker", "Sue Kim"]


def test_the_byline_line_leaves_the_body_once_its_place_is_dropped():
    found = process_pages([(f'<html lang="en"><head><title>Flu shots | State Health</title></head><body><article>'
                            f"<h1>Flu shots</h1><p>By Ann Lee, Port Harcourt</p>{DATELINE}{TEXT}</article></body></html>"
                            .encode(), "http://state.test/news/flu.html")])
    assert "By Ann Lee" not in found["body_text"] and found["body_text"].startswith("PORT HARCOURT, Nigeria")


def test_a_marked_byline_box_drops_its_place_likewise():
    assert authors('<span class="byline">By Ann Lee, Port Harcourt</span>', opening=DATELINE) == ["Ann Lee"]
