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


def test_a_lead_repeated_at_the_top_of_a_later_page_is_dropped():
    pages = [extract("u1", blocks("Lead paragraph.", "Body one.")), extract("u2", blocks("Lead paragraph.", "Body two."))]
    merged, repeated = merge_blocks(pages, set())
    assert [b["text"] for b in merged] == ["Lead paragraph.", "Body one.", "Body two."]
    assert repeated == []


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
