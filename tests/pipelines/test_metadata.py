"""Generic metadata readers: shortcuts taken before their regexes drop nothing the regexes would read."""
import re

from pipelines.metadata import _DATED_START, _LABEL_INITIALS, dated_line


def test_dated_line_initials_hold_every_case_blind_match():
    """The cheap first-letter test before the date-label regex drops no text the regex would match."""
    words = ("first published", "published", "pubblicato", "posted", "updated", "actualizado", "veröffentlicht",
             "aktualisiert", "mis à jour", "gepubliceerd")
    folded = {word[0]: [chr(c) for c in range(0x110000) if re.fullmatch(re.escape(word[0]), chr(c), re.I)]
              for word in words}
    for word in words:
        for initial in folded[word[0]]:
            if _DATED_START.match(initial + word[1:]):
                assert initial in _LABEL_INITIALS, (word, initial)


def test_dated_line_reads_a_label_after_spaces():
    from parsel import Selector

    page = Selector(text="<html><body><div>\u00a0 UPDATED: March 4, 2025</div><p>Text</p></body></html>")
    assert dated_line(page) == "March 4, 2025"
