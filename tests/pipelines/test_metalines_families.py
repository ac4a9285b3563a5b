"""The eighth and ninth generated families, read offline: the lines that print an article's metadata, page
position or a teaser, once per article, leave its body (the crawl adds a sibling page on top of this)."""
import re

import pytest

from crawler.samplesite.conventions import build
from pipelines.extract import extract_page
from pipelines.reassemble import reassemble

BASE = "http://127.0.0.1:8000"
# The kinds of line these rules are for: the chrome strings of each case that are one of them.
KINDS = re.compile(r"\(Meridian\)|^Reporting by|^Published |^Updated |^Originally published|^Last reviewed|"
                   r"^Also Read:|^Pagina \d van|^Página \d de|^Page \d sur")


def body(site, case) -> str:
    pages = [extract_page(site.documents[path], BASE + path) for path in case.page_urls]
    return "\n".join(b["text"] for b in reassemble(pages)["blocks"])


@pytest.mark.parametrize("family, publishers", [("eighth", {"lakeside", "rxwell", "pts", "gesundnetz"}),
                                                ("ninth", {"healthnest"})])
def test_metadata_lines_markers_and_teasers_leave_the_body(family, publishers):
    site = build(family=family)
    cases = [c for c in site.cases if c.publisher in publishers]
    assert len(cases) >= 10
    leaks = {c.key: found for c in cases if (found := [s for s in c.chrome if s and KINDS.search(s) and s in body(site, c)])}
    assert leaks == {}
