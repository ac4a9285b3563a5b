"""Review lines: the reviewer and the review date, with the date before, after or without the names, in several
languages; the publication date falls back to the review date only when the page prints no other.

Pages are small and written here; they go through the real extract -> reassemble -> normalize steps.
"""
from __future__ import annotations

import pytest

from pipelines.dates_review import Review, read_review
from pipelines.normalize import clean_reviewer
from pipelines.offline import process_pages

TEXT = ("<p>Clinics across the county report more flu cases this month than in any October since records began, "
        "and doctors urge everyone over six months old to get a flu shot now.</p>"
        "<p>The vaccine takes about two weeks to work, so an early shot protects people before the virus spreads "
        "in schools and offices, the county's health officer said on Monday.</p>")


def record(lines: str, *, lang: str = "en", head: str = "") -> dict:
    """The stored record of a one-page article printing ``lines`` under its headline."""
    html = (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>Flu shots | County Health</title>'
            f"{head}</head><body><article><h1>Flu shots</h1>{lines}{TEXT}</article></body></html>")
    return process_pages([(html.encode(), "http://county.test/news/flu.html")])


@pytest.mark.parametrize(("line", "languages", "names", "printed"), [
    ("Medically reviewed on March 3, 2025 by Dr. Jane Roe, MD", ("en",), ["Dr. Jane Roe, MD"], "March 3, 2025"),
    ("Medically reviewed by Dr. Jane Roe, MD on March 3, 2025", ("en",), ["Dr. Jane Roe, MD"], "March 3, 2025"),
    ("Page last reviewed: 4 June 2024", ("en",), [], "4 June 2024"),
    ("Geprüft am 3. März 2025 von Dr. Anna Schmidt", ("de", "en"), ["Dr. Anna Schmidt"], "3. März 2025"),
    ("Medizinisch geprüft von Dr. Anna Schmidt am 3. März 2025", ("de", "en"), ["Dr. Anna Schmidt"], "3. März 2025"),
    ("Revisado el 3 de marzo de 2025 por la Dra. Ana López", ("es", "en"), ["Dra. Ana López"], "3 de marzo de 2025"),
    ("Relu le 3 mars 2025 par le Dr Jean Dupont", ("fr", "en"), ["Dr Jean Dupont"], "3 mars 2025"),
    ("Medically reviewed by Dr. Jane Roe", ("en",), ["Dr. Jane Roe"], None),
])
def test_a_review_line_gives_its_reviewer_and_date(line, languages, names, printed):
    assert read_review(line, languages) == Review(names, printed)


@pytest.mark.parametrize("line", [
    "Written by Ann Lee on March 3, 2025",  # a writer's credit, not a review
    "Published March 3, 2025",
    "Restaurant Review: Three New Places In Town March 3, 2025",  # a teaser headline, no label
])
def test_a_line_about_something_else_is_no_review(line):
    assert read_review(line) is None


def test_the_date_of_another_credit_on_the_same_line_is_not_the_reviews():
    assert read_review("Medically reviewed by Dr. Jane Roe — Written by Ann Lee — Updated on May 4, 2024") == \
        Review(["Dr. Jane Roe"], None)


def test_the_english_form_normalize_always_read_keeps_its_reading():
    assert clean_reviewer("Reviewed by Ann Lee, MD on July 05, 2011") == ("Ann Lee, MD", "July 05, 2011")
    assert clean_reviewer("Hansa D. Bhargava, MD") == ("Hansa D. Bhargava, MD", None)  # a profile's bare names


def test_a_review_date_before_the_names_fills_reviewed_and_reviewer():
    found = record("<p>Medically reviewed on March 3, 2025 by Dr. Jane Roe, MD</p><p>Written by Ann Lee</p>")
    assert (found["reviewer"], found["reviewed"]) == ("Dr. Jane Roe, MD", "2025-03-03")
    assert found["authors"] == ["Ann Lee"]


def test_a_review_date_alone_fills_reviewed_and_stands_in_for_the_publication():
    # The page vouches for its text as of the review: with no other date printed, that is the date it can be placed by.
    found = record("<p>Page last reviewed: 4 June 2024</p>")
    assert (found["reviewer"], found["reviewed"], found["published"]) == (None, "2024-06-04", "2024-06-04")


def test_a_printed_publication_date_wins_over_the_review_date():
    found = record("<p>Published May 1, 2024</p><p>Medizinisch geprüft am 3. März 2025 von Dr. Anna Schmidt</p>",
                   lang="de")
    assert (found["reviewer"], found["reviewed"], found["published"]) == ("Dr. Anna Schmidt", "2025-03-03", "2024-05-01")


def test_a_meta_publication_date_wins_over_the_review_date():
    found = record("<p>Revisado el 3 de marzo de 2025 por la Dra. Ana López</p>", lang="es",
                   head='<meta property="article:published_time" content="2024-11-20T08:00:00+00:00">')
    assert (found["reviewer"], found["reviewed"]) == ("Dra. Ana López", "2025-03-03")
    assert found["published"].startswith("2024-11-20")
