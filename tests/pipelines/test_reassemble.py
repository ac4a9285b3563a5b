"""Reassemble: pages of one article into one body, each paragraph once."""
from pipelines.reassemble import merge_blocks, reassemble


def blocks(*texts, tag="p"):
    return [{"tag": tag, "text": t, "html": t} for t in texts]


def extract(url, body, **meta):
    base = {"url": url, "title": "Coffee and Sleep", "subtitle": "What a new study says", "byline": ["By Ann Lee"],
            "reviewer": None, "dates": [], "blocks": body, "page_urls": [], "next_page_url": None}
    base.update(meta)
    return base


def test_pages_are_joined_in_order_without_repeated_headers_or_markers():
    pages = [
        extract("u1", blocks("Coffee and Sleep", "By Ann Lee", "First.", "Second.", "Next Page >", "1 2 3 Next")),
        extract("u2", blocks("Coffee and Sleep", "What a new study says", "continued...", "Third.")),
        extract("u3", blocks("Continued from page 2", "Fourth.", "Today on Example")),
    ]
    article = reassemble(pages)
    assert [b["text"] for b in article["blocks"]] == ["First.", "Second.", "Third.", "Fourth.", "Today on Example"]
    assert article["title"] == "Coffee and Sleep"


LEAD = ("Doctors in three states report that flu cases arrived weeks earlier than usual this year, and public health "
        "officials say the vaccine still matches the strains now going around in schools and offices.")
TWO = ("Pharmacies have stocked more doses than last year, the state pharmacy board says, and most insurance plans "
       "cover the shot with no copay at all, so cost should keep nobody from getting it this autumn.")


def test_a_lead_repeated_at_the_top_of_a_later_page_is_dropped():
    pages = [extract("u1", blocks(LEAD, "Body one.")), extract("u2", blocks(LEAD, TWO))]
    merged, repeated = merge_blocks(pages, set())
    assert [b["text"] for b in merged] == [LEAD, "Body one.", TWO]
    assert repeated == []


def test_short_blocks_on_every_page_are_chrome_and_a_shared_paragraph_is_kept_once():
    masthead, letter = "Harbor Health Daily: plain answers", "Get the Harbor Health Weekly in your inbox."
    pages = [extract("u1", blocks(masthead, "One.", LEAD, letter)),
             extract("u2", blocks(masthead, LEAD, TWO, letter)),
             extract("u3", blocks(masthead, "Three.", letter))]
    merged, _ = merge_blocks(pages, set())
    assert [b["text"] for b in merged] == ["One.", LEAD, TWO, "Three."]


def test_page_position_markers_go_in_any_language():
    pages = [extract("u1", blocks("Step 1 of 3", "One.", "Story continues on page 2")),
             extract("u2", blocks("Step 2 of 3", "Suite de la page 1", "Two.", "Fortsetzung auf Seite 3")),
             extract("u3", blocks("Step 3 of 3", "(Viene de la página 2)", "Three."))]
    merged, _ = merge_blocks(pages, set())
    assert [b["text"] for b in merged] == ["One.", "Two.", "Three."]


def test_a_two_page_article_loses_its_markers_but_not_its_numbers():
    pages = [extract("u1", blocks("By Ann Lee | March 4, 2025", "Medically reviewed by Dr. Bo Chen", "In 2024, 3 of 4 "
                                  "adults got the shot.", "Story continues on page 2")),
             extract("u2", blocks("(Continued from page 1)", "Page 2 has 12 more findings.", "READ MORE: <a>x</a>"))]
    pages[1]["blocks"][-1] = {"tag": "p", "text": "READ MORE: Other Story Here", "html": 'READ MORE: <a href="/o">'
                              'Other Story Here</a>'}
    merged, _ = merge_blocks(pages, {"by ann lee"})
    assert [b["text"] for b in merged] == ["In 2024, 3 of 4 adults got the shot.", "Page 2 has 12 more findings."]


def test_a_near_duplicate_page_is_not_appended_twice():
    text = ("Researchers followed nine hundred adults for six years and measured how they slept each night, "
            "then compared their memory scores with those of people who slept longer.")
    other = "Another paragraph about the findings of the team, which met in spring to compare the numbers."
    pages = [extract("u1", blocks(text, other)), extract("u2", blocks(text.replace("six", "6"), other))]
    merged, repeated = merge_blocks(pages, set())
    assert len(merged) == 2
    assert repeated == ["u2"]


def test_metadata_falls_back_to_later_pages():
    pages = [extract("u1", blocks("a"), section=None), extract("u2", blocks("b"), section="Sleep")]
    assert reassemble(pages)["section"] == "Sleep"


def test_a_one_page_article_loses_its_byline_line_only_when_it_names_every_author():
    lines = ["By Ann Lee and Bo Chen | March 4, 2025", "By the way, the study was small.", LEAD]
    merged, _ = merge_blocks([extract("u1", blocks(*lines))], set(), byline=["Ann Lee", "Bo Chen"])
    assert [b["text"] for b in merged] == lines[1:]
    merged, _ = merge_blocks([extract("u1", blocks(*lines))], set(), byline=["Ann Lee", "Cy Dunn"])
    assert [b["text"] for b in merged] == lines


def test_a_standfirst_equal_to_the_description_is_the_subtitle_but_a_lead_copied_into_it_stays():
    from pipelines.extract import extract_page

    lead = ("Doctors in three states report that flu cases arrived weeks earlier than usual this year, and "
            "officials say the vaccine still matches the strains going around in schools.")
    dek = "A new survey finds the season started early"
    page = ("<html><head><title>Flu Arrives Early</title><meta name='description' content='{d}'></head><body>"
            "<article><header><h1>Flu Arrives Early</h1><p class='standfirst'>{k}</p></header>"
            "<div class='text'><p>{l}</p><p>{t}</p></div></article></body></html>")
    standfirst = reassemble([extract_page(page.format(d=dek, k=dek, l=lead, t=TWO), "http://x/a")])
    assert standfirst["subtitle"] == dek and dek not in [b["text"] for b in standfirst["blocks"]]
    copied = reassemble([extract_page(page.format(d=lead, k="", l=lead, t=TWO), "http://x/a")])
    assert lead in [b["text"] for b in copied["blocks"]] and not copied.get("subtitle")


def test_a_byline_and_a_dateline_under_the_headline_are_read_when_the_page_has_no_metadata():
    from pipelines.normalize import normalize

    body = blocks("By the numbers", "By Ilse Varga, Wren Pellow and Anouk Lindqvist", "Posted 26 January 2022", LEAD, TWO)
    article = reassemble([extract("u1", body, byline=[], dates=[])])
    record = normalize(article)
    assert record["authors"] == ["Ilse Varga", "Wren Pellow", "Anouk Lindqvist"]
    assert (record["published"], record["published_raw"]) == ("2022-01-26", "26 January 2022")
    # A page's own metadata wins; a line with two dates names neither.
    kept = normalize(reassemble([extract("u1", body, dates=[["meta", "2021-05-03"]])]))
    assert (kept["authors"], kept["published"]) == (["Ann Lee"], "2021-05-03")
    two = reassemble([extract("u1", blocks("Updated May 3, 2021 from March 1, 2020", LEAD), byline=[], dates=[])])
    assert normalize(two)["published"] is None


def test_on_a_teaser_page_the_standfirst_is_all_the_text_and_stays():
    from pipelines.extract import extract_page

    dek = ("Doctors in three states report that flu cases arrived weeks earlier than usual this year, and officials "
           "say the vaccine still matches.")
    page = (f"<html><head><title>Flu Arrives Early</title><meta name='description' content='{dek}'></head><body>"
            f"<article><header><h1>Flu Arrives Early</h1><p class='standfirst'>{dek}</p></header>"
            "<div class='paywall'><p>Subscribe to read on.</p></div></article></body></html>")
    article = reassemble([extract_page(page, "http://x/a")])
    assert dek in [b["text"] for b in article["blocks"]] and not article.get("subtitle")


def test_a_continued_line_at_the_top_of_every_later_page_goes_whatever_its_words():
    # "Lees verder" names no page and holds no marker word: it is told by where it stands on each page.
    pages = [extract("u1", blocks("One.", LEAD)),
             extract("u2", blocks("Lees verder", "Two.", TWO)),
             extract("u3", blocks("Lees verder", "Three.", "Four."))]
    merged, _ = merge_blocks(pages, set())
    assert [b["text"] for b in merged] == ["One.", LEAD, "Two.", TWO, "Three.", "Four."]


def test_a_line_every_page_prints_is_chrome_however_a_reading_spaced_its_inline_parts():
    # Two readings join "<span>Sleep better tonight</span><a>Read our guide</a>" with or without a space.
    glued, spaced = "Sleep better tonightRead our guide", "Sleep better tonight Read our guide"
    notes = {1: ("Clinics open early.", "Bring a card."), 2: ("Schools send notes.", "Wash hands often."),
             3: ("Nurses visit homes.", "Rest and drink water.")}
    pages = [extract(f"u{n}", blocks(line, notes[n][0], LEAD if n == 1 else TWO, notes[n][1]))
             for n, line in ((1, glued), (2, glued), (3, spaced))]
    text = [b["text"] for b in merge_blocks(pages, set())[0]]
    assert glued not in text and spaced not in text and len(text) == 8  # TWO, on pages 2 and 3, once
    # Only spacing and punctuation are folded: with another word it is another line, printed on two pages only.
    pages[2]["blocks"][0]["text"] = "Sleep better tonight: read all our guide"
    text = [b["text"] for b in merge_blocks(pages, set())[0]]
    assert text.count(glued) == 1 and "Sleep better tonight: read all our guide" in text


def test_a_short_line_on_one_later_page_only_stays():
    pages = [extract("u1", blocks("One.", LEAD)), extract("u2", blocks("Lees verder", "Two.")),
             extract("u3", blocks("Three.", "Four."))]
    merged, _ = merge_blocks(pages, set())
    assert "Lees verder" in [b["text"] for b in merged]


def test_a_footer_line_glued_to_a_pager_goes_when_every_page_prints_the_line():
    from crawler.verify import line_key
    footer = "Example Health Inc. All rights reserved."
    printed = {"lines": [line_key(footer), line_key("Share")]}
    pages = [extract("u1", blocks("One.", LEAD), report=printed),
             extract("u2", blocks("Two.", TWO, f"‹ Prev Next › {footer}"), report=printed)]
    merged, _ = merge_blocks(pages, set())
    assert [b["text"] for b in merged] == ["One.", LEAD, "Two.", TWO]
    # A sentence ending in a stray word every page prints is no footer: the printed part must be most of it.
    pages[1]["blocks"][-1] = {"tag": "p", "text": "Ask your doctor about the new shot. Share", "html": ""}
    merged, _ = merge_blocks(pages, set())
    assert merged[-1]["text"] == "Ask your doctor about the new shot. Share"


def test_a_copyright_line_at_the_end_of_a_one_page_article_goes():
    for footer in ("Example Health Inc. All rights reserved.", "© 2024 Beispiel Verlag", "Tüm hakları saklıdır."):
        merged, _ = merge_blocks([extract("u1", blocks("One.", LEAD, footer))], set())
        assert [b["text"] for b in merged] == ["One.", LEAD]
    # A paragraph of the text that speaks of copyright is long, or not at the end: it stays.
    about = "Who holds the copyright on a patient's own scans is a question courts have not settled yet."
    merged, _ = merge_blocks([extract("u1", blocks(about, LEAD, TWO, "Four.", "Five."))], set())
    assert merged[0]["text"] == about


def test_a_box_list_under_a_site_heading_goes_whole_when_the_site_prints_some_of_its_items_elsewhere():
    from crawler.verify import line_key
    box = blocks("Key takeaways", tag="h2") + blocks("Talk to your doctor first.", "Sleep and activity go together.",
                                                     tag="li")
    template = {line_key("Key takeaways"), line_key("Talk to your doctor first.")}
    merged, _ = merge_blocks([extract("u1", box + blocks(LEAD, TWO))], set(), template=template)
    assert [b["text"] for b in merged] == [LEAD, TWO]
    # A list of the article's own under the same heading, none of its items printed elsewhere, stays.
    own = box[:1] + blocks("Drink water at night.", "Walk after dinner.", tag="li")
    merged, _ = merge_blocks([extract("u1", own + blocks(LEAD, TWO))], set(), template=template)
    assert [b["text"] for b in merged] == ["Drink water at night.", "Walk after dinner.", LEAD, TWO]
