"""The last resort for a page's date: htmldate's search of its text, when no tag, labelled line or dateline gives one.

Pages are small and written here; they go through the real extract -> reassemble -> normalize steps."""
from __future__ import annotations

from pipelines.offline import process_pages

TEXT = ("<p>Clinics across the county report more flu cases this month than in any October since records began, "
        "and doctors urge everyone over six months old to get a flu shot now.</p>"
        "<p>The vaccine takes about two weeks to work, so an early shot protects people before the virus spreads "
        "in schools and offices, the county's health officer said on Monday.</p>")


def published(*, before: str = "", after: str = "", lang: str = "de") -> tuple[str | None, str | None]:
    """(published, published_raw) of a one-page article with ``before`` and ``after`` around its text."""
    html = (f'<html lang="{lang}"><head><meta charset="utf-8"><title>Grippe | Kreis</title></head><body><article>'
            f"<h1>Grippeimpfung</h1>{before}{TEXT}{after}</article>"
            f"<footer><p>© 2019 Kreis Gesundheit</p></footer></body></html>")
    found = process_pages([(html.encode(), "http://kreis.test/news/grippe.html")])
    return found["published"], found["published_raw"]


def test_a_date_in_running_text_dates_a_page_that_prints_no_other():
    assert published(after="<p>Dieser Artikel erschien am 04.02.2022 im Kreisblatt.</p>")[0] == "2022-02-04"


def test_a_copyright_year_alone_dates_nothing():
    assert published() == (None, None)


def test_a_dateline_opening_the_text_is_read_before_any_search():
    before = "<p>April 17, 2015 -- Doctors in the county say the season came early this year and clinics are busy.</p>"
    found = published(before=before, after="<p>Dieser Artikel erschien am 04.02.2019 im Kreisblatt.</p>", lang="en")
    assert found == ("2015-04-17", "April 17, 2015")


def test_a_short_dated_line_under_the_headline_is_read_before_any_search():
    # Reassembly reads it in the site's languages, at the precision it is printed.
    found = published(before="<p>November 2018</p>", after="<p>Dieser Artikel erschien am 04.02.2019 im Kreisblatt.</p>")
    assert found == ("2018-11", "November 2018")
