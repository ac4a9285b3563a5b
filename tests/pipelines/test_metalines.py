"""Metadata lines: short lines that print the article's own date and authors go; text that only looks so stays."""
from pipelines.chrome import chrome_by_comparison, own_page_links, position_markers, sibling_teasers
from pipelines.metalines import credits, known_dates, metadata_lines, read_date
from pipelines.reassemble import reassemble

TEXT = ("Doctors in three states report that flu cases arrived weeks earlier than usual this year, and public health "
        "officials say the vaccine still matches the strains now going around in schools and offices.")
MORE = ("Pharmacies have stocked more doses than last year, the state pharmacy board says, and most insurance plans "
        "cover the shot with no copay at all, so cost should keep nobody from getting it this autumn.")


def blocks(*texts, tag="p"):
    return [{"tag": tag, "text": t, "html": t} for t in texts]


def test_a_date_is_read_with_its_label_in_the_page_language():
    assert read_date("Published Mar 4, 2025") == ((2025, 3, 4), 1)
    assert read_date("Publicado el 4 de marzo de 2025", ("es",)) == ((2025, 3, 4), 2)  # "de" is part of the date
    assert read_date("Mis à jour le 05/03/2025", ("fr",))[0] == (2025, 5, 3)  # numbers as written; order is checked later
    assert read_date("Stand: 05.03.2025 14:20 Uhr", ("de",)) == ((2025, 5, 3), 1)
    assert read_date("GENEVA, March 4 (Meridian) -") == ((None, 3, 4), 2)
    assert read_date("公開日：2025年3月4日", ("ja",)) == ((2025, 3, 4), 1)
    assert read_date("Most people recover within a week") is None


def test_known_dates_come_from_meta_values_and_dated_lines():
    assert known_dates([["meta", "2025-03-04T15:12:00Z"], ["line", "Posted 9 May 2024"]]) == {(3, 4), (5, 9)}


def test_the_metadata_box_above_a_one_page_article_goes_as_a_whole():
    page = blocks("Written by Ann Lee", "Published Mar 4, 2025", "Updated Apr 3, 2025", "8 min read", TEXT, MORE)
    found = metadata_lines(page, dates={(3, 4)}, authors={"ann", "lee"})
    assert found == {0, 1, 2, 3}


def test_lines_that_do_not_print_the_metadata_stay():
    page = blocks("Updated Apr 3, 2025", "8 min read", TEXT, MORE)
    assert metadata_lines(page, dates={(3, 4)}, authors={"ann", "lee"}) == set()  # no verified line to anchor them
    assert metadata_lines(blocks("Updated 03/04/2025", TEXT, MORE), dates={(3, 4)}, authors=set()) == {0}
    assert metadata_lines(blocks("Updated 04/03/2025", TEXT, MORE), dates={(3, 4)}, authors=set()) == {0}
    headed = blocks("Written by Ann Lee", "10 tips", TEXT, MORE)
    headed[1]["tag"] = "h2"
    assert metadata_lines(headed, dates=set(), authors={"ann", "lee"}) == {0}  # a heading with a number is text


def test_two_labelled_dates_are_a_box_but_a_dated_list_is_a_timeline():
    foot = blocks(TEXT, MORE, "Originally published: July 18, 2024", "Last reviewed: January 2025")
    assert metadata_lines(foot, dates=set(), authors=set()) == {2, 3}
    timeline = [*blocks(TEXT, MORE), *blocks("March 2020: first case", "April 2020: schools close", tag="li")]
    assert metadata_lines(timeline, dates=set(), authors=set()) == set()


def test_a_paragraph_that_starts_with_the_date_stays():
    page = blocks("On March 4, 2025, the agency " + TEXT, MORE)
    assert metadata_lines(page, dates={(3, 4)}, authors=set()) == set()


def test_a_dateline_goes_only_when_its_date_is_the_articles():
    page = blocks("GENEVA, March 4 (Meridian) -", TEXT, MORE)
    assert metadata_lines(page, dates={(3, 4)}, authors=set()) == {0}
    assert metadata_lines(page, dates={(5, 1)}, authors=set()) == set()


def test_wire_credits_name_the_byline_even_when_its_names_were_not_read_apart():
    line = "Reporting by Ann Lee and Bo Chen; Additional reporting by Hollis Grant; Editing by Nadia Ferrante"
    assert credits(line, {"ann", "lee", "bo", "chen"})
    assert credits(line, {"annlee"}, printed="By Ann Lee and Bo ChenMarch 4, 2025 4:12 PM")
    assert not credits(line, {"zoe", "park"}, printed="By Zoe Park")
    # a misread byline's names inside a row of links is no credit: three words before them are no label
    assert not credits("Divisions Acme Corporation Acme Foundation", {"see", "acme", "foundation", "corporation"},
                       printed="See also: Acme Foundation and Acme Corporation")
    assert not credits("Ann Lee, who led the trial, said the results surprised everyone in the team", {"ann", "lee"})
    assert not credits("Ann Lee is on Twitter at annlee.", {"ann", "lee"})
    assert credits("Reporting by Jorrit van der Heijden; Editing by Nadia Ferrante", {"jorrit", "van", "der", "heijden"})
    page = blocks(TEXT, MORE, line)
    assert metadata_lines(page, dates=set(), authors={"ann", "lee", "bo", "chen"}) == {2}


def test_a_page_marker_is_checked_against_the_page_number_and_count():
    pages = [blocks(TEXT, MORE), blocks("Pagina 2 van 2", TEXT + " Later.", MORE + " Later.")]
    assert position_markers(pages) == {(1, 0)}
    assert (1, 0) in chrome_by_comparison(pages)
    wrong = [blocks(TEXT, MORE), blocks("Pagina 2 van 3", TEXT + " Later.", MORE + " Later.")]
    assert position_markers(wrong) == set()  # a count the chain does not confirm


def test_reassemble_drops_the_dateline_and_credits_of_a_wire_story():
    first = {"url": "u1", "title": "Flu Arrives Early", "byline": ["By Ann LeeMarch 4, 2025 4:12 PM GMT+1"],
             "dates": [["meta", "2025-03-04T15:12:00Z"]], "blocks": blocks("GENEVA, March 4 (Meridian) -", TEXT),
             "page_urls": [], "next_page_url": "u2"}
    last = {"url": "u2", "title": "Flu Arrives Early", "byline": [], "dates": [], "page_urls": [], "next_page_url": None,
            "blocks": blocks(MORE, "Reporting by Ann Lee; Additional reporting by Bo Chen; Editing by Nadia Ferrante")}
    assert [b["text"] for b in reassemble([first, last])["blocks"]] == [TEXT, MORE]


def linked(text, href, label=""):
    return {"tag": "p", "text": f"{label}{text}", "html": f'{label}<a href="{href}">{text}</a>'}


def test_a_teaser_goes_when_its_link_is_another_article_of_the_site():
    url = "https://example.org/news/flu-arrives-early.html"
    page = [*blocks(TEXT), linked("Sleep Late Doctors Say", "https://example.org/health/sleep-late", "Also Read: "), *blocks(MORE)]
    assert sibling_teasers(page, url, {url}) == {1}
    elsewhere = [*blocks(TEXT), linked("The Trial Registry", "https://trials.example.com/news/x", "Source: ")]
    assert sibling_teasers(elsewhere, url, {url}) == set()  # another site: a source, not a teaser
    own = [*blocks(TEXT), linked("Flu Arrives Early, part 2", "https://example.org/news/flu-arrives-early-2.html", "Next: ")]
    assert sibling_teasers(own, url, {url, "https://example.org/news/flu-arrives-early-2.html"}) == set()
    prose = [*blocks(TEXT), linked("a new study", "https://example.org/health/study",
                                   "Note: the figures come from a trial that followed 2,000 adults, described in ")]
    assert sibling_teasers(prose, url, {url}) == set()  # mostly the writer's words, not the link's


def test_pager_words_are_links_to_the_articles_own_pages():
    url, second = "https://example.org/fr/grippe.html", "https://example.org/fr/grippe-2.html"
    page = [*blocks(TEXT), linked("Précédent", url), linked("Une autre histoire", "https://example.org/fr/autre.html"),
            linked("^", second + "#note-1")]
    assert own_page_links(page, second, {url, second}) == {1}  # a link within the page itself is no pager
    article = reassemble([{"url": url, "title": "Grippe", "byline": [], "dates": [], "page_urls": [], "blocks": blocks(TEXT)},
                          {"url": second, "title": "Grippe", "byline": [], "dates": [], "page_urls": [], "blocks": page[:2]}])
    assert [b["text"] for b in article["blocks"]] == [TEXT]
