"""The passage metric, the vote and the leave-one-site-out fit, on tiny hand-made examples."""
from __future__ import annotations

import pytest

from pipelines import crossval, passages
from pipelines.vote import Vote, annotate, choose


def _page(with_, without, url="https://a.example/x"):
    return passages.MarkedPage("x.html", url, b"", list(with_), list(without))


def test_passages_are_found_with_whitespace_collapsed():
    page = _page(["the  clinic opens", "an hour earlier"], ["Read more", "Subscribe now"])
    assert passages.passage_counts("The clinic\nopens... the clinic opens an\n hour earlier. Read more", page) == \
        (2, 0, 1, 1)


def test_passage_scores_sum_counts_over_pages():
    scores = passages.passage_scores([(2, 0, 1, 1), (0, 2, 0, 2)])
    assert scores["precision"] == pytest.approx(2 / 3)
    assert scores["recall"] == pytest.approx(0.5)
    assert scores["f1"] == pytest.approx(4 / 7)
    assert scores["accuracy"] == pytest.approx(5 / 8)


def test_site_is_the_host_without_www():
    assert _page([], [], "https://www.news.example/a?b=1").site == "news.example"


ARTICLE = ["The council voted on Tuesday to keep the night clinic open through the winter months ahead.",
           "Nurses said the extra hours had cut waiting times at the main hospital by a third since May."]


def _blocks(texts, tag="p"):
    return [{"tag": tag, "text": t} for t in texts]


def test_the_vote_takes_the_other_reading_but_leaves_out_its_short_new_lines():
    extracted = _blocks(ARTICLE)
    readable = _blocks(["Photo: City archive"] + ARTICLE + ["A longer closing paragraph that only the other reading "
                                                           "found, with enough words to count as prose here."])
    overlap = annotate(extracted, readable)
    chosen = choose(extracted, readable, overlap, Vote(novel=0.5, tail=False))
    assert [b["text"] for b in chosen] == ARTICLE + [readable[-1]["text"]]
    assert choose(extracted, readable, overlap, Vote(novel=0.0)) is extracted


def test_the_vote_counts_a_paragraph_each_time_it_occurs_in_either_reading():
    # Each text is read once for both readings, but a repeated paragraph still counts as often as it is there.
    extracted = _blocks(ARTICLE)
    readable = _blocks([ARTICLE[0], ARTICLE[0], ARTICLE[1]])
    overlap = annotate(extracted, readable)
    assert overlap["covers"] == 1.0
    assert overlap["kept"] == pytest.approx(28 / 41)  # 13 + 15 shingles of 13 + 13 + 15
    assert [b["novel"] for b in readable] == [0.0, 0.0, 0.0]
    assert [b["words"] for b in readable] == [16, 16, 18] and overlap["words"] == [16, 18]


LATER = "A longer middle paragraph that only the other reading found, with enough words to count as prose here."
PROMO = "Sign up for our weekly newsletter and get the best stories of the week delivered to your inbox."


def test_the_vote_leaves_out_what_follows_the_last_shared_block():
    extracted = _blocks(ARTICLE)
    readable = _blocks([ARTICLE[0], LATER, ARTICLE[1], PROMO])
    overlap = annotate(extracted, readable)
    assert [b["text"] for b in choose(extracted, readable, overlap, Vote(novel=0.6, short=0))] == readable_texts(readable)[:3]
    assert [b["text"] for b in choose(extracted, readable, overlap, Vote(novel=0.6, short=0, tail=False))] == \
        readable_texts(readable)


def readable_texts(blocks):
    return [b["text"] for b in blocks]


def test_a_nearly_empty_reading_gives_way_to_a_longer_one():
    extracted = _blocks(["Share this page"])
    readable = _blocks(ARTICLE * 3)
    assert choose(extracted, readable, annotate(extracted, readable), Vote(short=500)) is not extracted
    assert choose(extracted, readable, annotate(extracted, readable), Vote(short=0)) is extracted


def test_leave_one_site_out_fits_without_the_held_out_site():
    # Site "a" is served best by the Readability-style reading, sites "b" and "c" by trafilatura's: held out,
    # "a" is scored with what the other two sites prefer, so its held-out F1 is lower than its fitted one.
    def reading(site, good_is_readable):
        extracted, readable = _blocks(ARTICLE[:1]), _blocks(ARTICLE)
        page = _page([ARTICLE[1][:30]] if good_is_readable else [ARTICLE[0][:30]],
                     [] if good_is_readable else [ARTICLE[1][:30]])
        return crossval.Reading("c1", site, extracted, readable, annotate(extracted, readable),
                                lambda text: passages.passage_counts(text, page))

    readings = [reading("a", True), reading("b", False), reading("c", False)]
    grid = [Vote(covers=1.01, trim_covers=1.01, short=0), Vote(covers=0.9, novel=1.0, short=0)]
    result = crossval.cross_validate(readings, {"c1": crossval.passage_f1}, grid=grid, shipped=grid[0])
    assert result["sites"] == 3
    assert result["corpora"]["c1"]["held_out"] < result["corpora"]["c1"]["best_on_all"] or \
        result["corpora"]["c1"]["held_out"] < 1.0


STANDFIRST = ("The night clinic that was due to close in October will stay open all winter after a vote that "
              "surprised its own staff and the health board alike.")


def test_the_vote_puts_back_a_lead_paragraph_only_trafilatura_read():
    extracted = _blocks([STANDFIRST] + ARTICLE)
    readable = _blocks(ARTICLE + [LATER, ARTICLE[0]])  # wins: holds all the rest and adds a little
    overlap = annotate(extracted, readable)
    chosen = choose(extracted, readable, overlap, Vote(covers=0.5, novel=0.6, short=0, tail=False, lead=20))
    assert [b["text"] for b in chosen] == [STANDFIRST] + readable_texts(readable)
    without = choose(extracted, readable, overlap, Vote(covers=0.5, novel=0.6, short=0, tail=False, lead=None))
    assert readable_texts(without) == readable_texts(readable)


def test_trafilaturas_short_blocks_after_the_article_end_are_left_out():
    extracted = _blocks(ARTICLE + ["Further reading", LATER])
    readable = _blocks(ARTICLE)
    overlap = annotate(extracted, readable)
    stands = Vote(covers=1.01, trim_covers=1.01, short=0, trailing=5)  # trafilatura's reading stands
    assert readable_texts(choose(extracted, readable, overlap, stands)) == ARTICLE + [LATER]
    assert choose(extracted, readable, overlap, Vote(covers=1.01, trim_covers=1.01, short=0, trailing=None)) \
        is extracted
