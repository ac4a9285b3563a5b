"""Normalize: names, reviewer, dates (never guessed), derived fields."""
import pytest

from pipelines.normalize import (_parse_with_dateparser, _written_date, clean_names, clean_reviewer, content_hash, dateline,
                                 normalize, parse_date)


@pytest.mark.parametrize(
    "lines, names",
    [
        (["By Kelli  Miller", "WebMD Health News"], ["Kelli Miller"]),
        (["By Ana Ortiz and Tom Reyes"], ["Ana Ortiz", "Tom Reyes"]),
        (["By Jane Roe, MD"], ["Jane Roe"]),
        # A byline naming only a body is that body's credit, as people marking real pages record it.
        (["Staff Writer"], ["Staff Writer"]),
        (["Office of Environmental Health"], ["Office of Environmental Health"]),
        (["Staff Writer", "By Jane Roe"], ["Jane Roe"]),
        (["Lee Park, Sam Hill & Ola Nord"], ["Lee Park", "Sam Hill", "Ola Nord"]),
        (["By Lee Park | Daily Health News"], ["Lee Park"]),
    ],
)
def test_clean_names(lines, names):
    assert clean_names(lines) == names


def test_clean_reviewer_keeps_credentials_and_splits_review_date():
    assert clean_reviewer("Reviewed by Hansa D. Bhargava, MD") == ("Hansa D. Bhargava, MD", None)
    assert clean_reviewer("Reviewed by Ann Lee, MD on July 05, 2011") == ("Ann Lee, MD", "July 05, 2011")
    assert clean_reviewer(None) == (None, None)


@pytest.mark.parametrize(
    "raw, tz, expected",
    [
        ("April 17, 2015", "America/New_York", "2015-04-17"),
        ("2024-06-12T09:30:00+01:00", "America/New_York", "2024-06-12T09:30:00+01:00"),
        ("2015-04-17", None, "2015-04-17"),
        ("June 12, 2024 9:30 AM", "America/New_York", "2024-06-12T09:30:00-04:00"),
        ("March 2011", None, "2011-03"),
        ("not a date at all", None, None),
        ("", None, None),
    ],
)
def test_parse_date_keeps_the_precision_of_the_source(raw, tz, expected):
    assert parse_date(raw, timezone=tz) == expected


def test_parse_date_in_another_language():
    assert parse_date("12 juin 2024", languages=("fr",)) == "2024-06-12"


@pytest.mark.parametrize("raw", [
    "January 7, 2016", "Jan 7, 2016", "Jan. 7 2016", "Sept. 16, 2020", "SEP 16, 2020", "may 4, 2023", "7 January 2016",
    "07 Dec. 2016", "29 February 2024", "December 31, 1999", "February 30, 2016", "Smarch 3, 2016", "Mon 3, 2016",
])
@pytest.mark.parametrize("languages", [("en",), ("en", "de")])
def test_a_written_english_date_reads_as_dateparser_reads_it(raw, languages):
    """The quick reading of "Month D, YYYY" gives what dateparser gives, or leaves the string to it."""
    quick = _written_date(raw, languages)
    assert quick in (None, _parse_with_dateparser(raw, languages, "America/New_York"))
    assert parse_date(raw, languages=languages, timezone="America/New_York") == \
        _parse_with_dateparser(raw, languages, "America/New_York")


def test_a_written_date_is_left_to_dateparser_when_english_is_not_the_first_language():
    assert _written_date("January 7, 2016", ("en",)) == "2016-01-07"
    assert _written_date("January 7, 2016", ("de", "en")) is None
    assert _written_date("Mar 4, 2020", ("es",)) is None


def test_dateline():
    assert dateline("April 17, 2015 -- Imagine being sick") == "April 17, 2015"
    assert dateline("NEW YORK, Sept. 4, 2012 -- Officials said") == "Sept. 4, 2012"
    assert dateline("On April 17, 2015 the agency said") is None


def _article(**changes):
    article = {
        "site": "s", "url": "https://x.example/a", "title": " A  title ", "subtitle": None,
        "byline": ["By Ann Lee", "Example Health News"], "reviewer": "Reviewed by Bo Chu, MD",
        "dates": [], "section": "Heart", "language": "en-US", "page_count": 2, "complete": True,
        "missing_pages": [], "blocks": [
            {"tag": "p", "text": "May 2, 2016 -- First paragraph here.", "html": "May 2, 2016 -- First paragraph here."},
            {"tag": "h3", "text": "A heading", "html": "A heading"},
            {"tag": "li", "text": "one", "html": "one"},
        ],
    }
    article.update(changes)
    return article


def test_normalize_builds_the_stored_record():
    record = normalize(_article(), timezone="America/New_York")
    assert record["title"] == "A title"
    assert record["authors"] == ["Ann Lee"]
    assert record["reviewer"] == "Bo Chu, MD"
    assert (record["published"], record["published_raw"]) == ("2016-05-02", "May 2, 2016")
    assert record["language"] == "en"
    assert record["body_text"] == "May 2, 2016 -- First paragraph here.\n\nA heading\n\none"
    assert record["body_html"].endswith("<h3>A heading</h3>\n<ul>\n<li>one</li>\n</ul>")
    assert record["word_count"] == 9
    assert record["canonical_url"] == "https://x.example/a"


def test_unparseable_date_is_kept_raw_and_stored_null():
    record = normalize(_article(dates=[["profile", "sometime last spring"]], blocks=[]))
    assert record["published"] is None
    assert record["published_raw"] == "sometime last spring"


def test_content_hash_changes_with_content_only():
    a = normalize(_article())
    assert content_hash(a) == content_hash(normalize(_article(page_count=3)))
    assert content_hash(a) != content_hash(normalize(_article(title="Another title")))


@pytest.mark.parametrize("lines, names", [
    (["By Ana Ruiz, Omar Said and Lea Park"], ["Ana Ruiz", "Omar Said", "Lea Park"]),
    (["Associated Press"], ["Associated Press"]),
    (["By Ana Ruiz Twitter Today 5:00 am"], ["Ana Ruiz"]),
    (["Joshua Sokol May 20, 2019"], ["Joshua Sokol"]),
    (["Post author By Helge Brandt"], ["Helge Brandt"]),
    (["Anna Schmidt und Jan Meier • 8h"], ["Anna Schmidt", "Jan Meier"]),
])
def test_names_from_real_world_bylines(lines, names):
    assert clean_names(lines) == names


def test_each_author_meta_tag_is_an_author():
    from parsel import Selector

    from pipelines.metadata import authors_from_meta, meta_values
    sel = Selector(text='<html><head><meta name="author" content="Ilse Varga"><meta name="author" content="Wren Pellow">'
                        '<meta name="author" content="Ilse Varga"></head><body></body></html>')
    assert clean_names(authors_from_meta({}, meta_values(sel))) == ["Ilse Varga", "Wren Pellow"]


def test_the_names_element_inside_a_byline_box_is_the_byline():
    from parsel import Selector

    from pipelines.metadata import byline_from_page
    sel = Selector(text='<div class="byline"><span class="author">By <a href="/">Ann Lee</a> and <a href="/">Bo Kim</a>'
                        '</span><br><span class="source">Daily Health News</span></div>')
    assert byline_from_page(sel) == ["By Ann Lee and Bo Kim"]
    assert clean_names(byline_from_page(sel)) == ["Ann Lee", "Bo Kim"]


def test_a_dated_line_with_an_abbreviated_month_gives_the_whole_date():
    """dateparser's search splits "Sept. 16, 2020" at the stop; the pieces gave 16 November or the year alone."""
    from pipelines.normalize import published

    for line, expected in (("Published Sept. 16, 2020", "2020-09-16"), ("Last updated 9 Feb. 2020", "2020-02-09"),
                           ("Posted 4 March 2025", "2025-03-04")):
        assert published({"dates": [("line", line)], "blocks": []})[0] == expected
