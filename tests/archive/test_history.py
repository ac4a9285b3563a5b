"""An article's history on its page, the diff between two versions (page and JSON), changed_articles."""
from __future__ import annotations

import asyncio
import re
from html import unescape

import pytest

from archive.publish import datasette_app
from archive.reading import body_diff, version_diff, word_diff
from tests.archive.conftest import EDITED_PARAGRAPH, PAYLOAD_PARAGRAPH, PAYLOAD_SUBTITLE, STATINS_TEXTS, by_slug

STATINS = by_slug("statins-muscle-pain")
SINGLE = by_slug("walking-after-meals")
DIFF = f"/folio/articles/{STATINS['id']}/diff"


@pytest.fixture(scope="module")
def get(history_db):
    ds = datasette_app(history_db)

    def fetch(path: str):
        return asyncio.run(ds.client.get(path))
    return fetch


def marked(html: str, tag: str) -> list[str]:
    """The text inside each <ins> or <del> of a page, unescaped."""
    return [unescape(text) for text in re.findall(rf"<{tag}>(.*?)</{tag}>", html, re.S)]


def diff_body(html: str) -> str:
    match = re.search(r'<div class="folio-body folio-diff-body">(.*?)</div>', html, re.S)
    assert match, "no diff body on the page"
    return match.group(1)


# --- the article page --------------------------------------------------------------------------------

def test_article_page_shows_its_version_and_history(get):
    html = get(f"/folio/articles/{STATINS['id']}").text
    assert "Version 3 of 3" in html
    history = html[html.index('<section class="folio-history"'):]
    history = history[:history.index("</section>")]
    rows = re.findall(r"<tr.*?</tr>", history.split("<tbody>")[1], re.S)
    assert [re.search(r">Version (\d)<", row).group(1) for row in rows] == ["3", "2", "1"]  # newest first
    versions = f"/folio/article_versions/{STATINS['id']},"
    base = f"/folio/articles/{STATINS['id']}/diff"
    links = [re.findall(r'href="([^"]+)"', row) for row in rows]
    assert links == [
        [versions + "3", f"{base}?from=2&amp;to=3"],
        [versions + "2", f"{base}?from=1&amp;to=2", f"{base}?from=2&amp;to=3"],
        [versions + "1", f"{base}?from=1&amp;to=3"],
    ]
    assert ">diff with 2<" in rows[0] and ">diff with current<" in rows[2]
    # The title column names a title only where it changed, and each version's word count shows.
    assert "Statins and muscle pain: most aches are not from the drug" in rows[0]
    assert re.search(r'folio-version-title">\s*</td>', rows[1]) and re.search(r'folio-version-title">\s*</td>', rows[2])
    # 93 words now; version 2 also had the 9-"word" payload paragraph; version 1 had that but not
    # the 14-word paragraph added in version 2 (the edit of paragraph 4 kept its 17 words).
    assert [re.findall(r"<td>(\d+)</td>", row) for row in rows] == [["93"], ["102"], ["88"]]


def test_single_version_article_has_no_diff_links(get):
    html = get(f"/folio/articles/{SINGLE['id']}").text
    assert "Version 1 of 1" in html and "has not changed since it was first archived" in html
    assert "/diff?" not in html and f"/folio/article_versions/{SINGLE['id']},1" in html


def test_every_history_link_works(get):
    html = get(f"/folio/articles/{STATINS['id']}").text
    for href in set(re.findall(r'href="(/folio/article[^"#]+)"', html)):
        assert get(unescape(href)).status_code == 200, href


# --- the diff page -----------------------------------------------------------------------------------

def test_diff_page_marks_exactly_what_changed(get):
    response = get(f"{DIFF}?from=1&to=3")
    assert response.status_code == 200
    html = response.text
    assert "<title>Changes to Statins and muscle pain: most aches are not from the drug: version 1 to 3</title>" in html
    body = diff_body(html)
    # Paragraph 4 edited word by word, the payload paragraph removed, one paragraph added.
    assert marked(body, "del") == ["could be put down to", PAYLOAD_PARAGRAPH]
    assert marked(body, "ins") == [" only", "was caused by", " itself",
                                   "After the first year, the statin made no difference to muscle pain at all."]
    assert (
        '<p class="folio-diff-change">In the first year,<ins> only</ins> one in 15 cases of muscle pain '
        "<del>could be put down to</del><ins>was caused by</ins> the drug<ins> itself</ins>.</p>"
    ) in body
    # Unchanged paragraphs next to a change stay as context; the others collapse.
    assert re.findall(r'class="folio-diff-equal">(.*?)</p>', body) == [STATINS_TEXTS[2], STATINS_TEXTS[5]]
    assert re.findall(r"⋯ (\d+) unchanged paragraphs ⋯", body) == ["2", "2"]
    for hidden in (STATINS_TEXTS[0], STATINS_TEXTS[1], STATINS_TEXTS[6], STATINS_TEXTS[7]):
        assert hidden not in body
    # Title and subtitle changes above the body; authors and date did not change.
    fields = html[html.index('<table class="folio-diff-fields">'):html.index("</table>")]
    assert re.findall(r'class="folio-field-(\w+)"', fields) == ["title", "subtitle"]
    assert "Statins and muscle pain<ins>: most aches are not from the drug</ins>" in fields
    assert "0 paragraphs changed" not in html and "1 paragraph changed,\n      1 added, 1 removed, 6 unchanged." in html


def test_diff_defaults_to_the_latest_change(get):
    html = get(DIFF).text
    assert "Version 2</a> of 3, captured 2 May 2024, 06:00 UTC" in html and "version 3</a> (current)" in html
    body = diff_body(html)
    assert marked(body, "del") == [PAYLOAD_PARAGRAPH] and marked(body, "ins") == []
    assert re.findall(r"⋯ (\d+) unchanged paragraphs ⋯", body) == ["4", "2"]
    assert f"{DIFF}?from=1&amp;to=2" in html  # ← earlier change


def test_stored_payloads_are_only_ever_text(get):
    for path in (f"{DIFF}?from=1&to=3", f"{DIFF}?from=1&to=2", DIFF):
        html = get(path).text
        assert "window.__pwned" in html  # the payloads are on the page…
        assert "<script>window" not in html and "<img src=x" not in html and 'onerror="' not in html  # …as text
    html = get(f"{DIFF}?from=1&to=2").text
    assert "&lt;script&gt;window.__pwned=&#39;script&#39;&lt;/script&gt;" in html  # unchanged context, escaped
    assert "onerror=&#34;window.__pwned=&#39;subtitle&#39;&#34;&gt;" in html


def test_diff_json_has_the_same_diff_as_data(get):
    response = get(f"{DIFF}.json?from=1&to=3")
    assert response.status_code == 200 and response.headers["content-type"].startswith("application/json")
    data = response.json()
    assert data["article_id"] == STATINS["id"] and data["version_count"] == 3
    assert {k: data["from"][k] for k in ("version", "captured_at", "title", "subtitle", "url")} == {
        "version": 1, "captured_at": "2024-04-06T06:00:00+00:00", "title": "Statins and muscle pain",
        "subtitle": PAYLOAD_SUBTITLE, "url": f"/folio/article_versions/{STATINS['id']},1"}
    assert data["to"]["version"] == 3 and data["to"]["authors"] == ["Lena Fischer"]
    assert "body_text" not in data["from"] and "body_text" not in data["to"]
    assert [(f["name"], f["from"], f["to"]) for f in data["fields"]] == [
        ("title", "Statins and muscle pain", "Statins and muscle pain: most aches are not from the drug"),
        ("subtitle", PAYLOAD_SUBTITLE, "What 19 trials say."),
    ]
    assert [item["op"] for item in data["body"]] == ["skip", "equal", "change", "delete", "insert", "equal", "skip"]
    change = data["body"][2]
    assert change["from"] == EDITED_PARAGRAPH and change["to"] == STATINS_TEXTS[3]
    assert change["words"] == [
        ["equal", "In the first year,"], ["insert", " only"], ["equal", " one in 15 cases of muscle pain "],
        ["delete", "could be put down to"], ["insert", "was caused by"], ["equal", " the drug"],
        ["insert", " itself"], ["equal", "."],
    ]
    assert data["body"][3] == {"op": "delete", "text": PAYLOAD_PARAGRAPH}
    assert data["body"][4] == {"op": "insert", "text": STATINS_TEXTS[4]}
    assert data["body"][0] == data["body"][6] == {"op": "skip", "count": 2}
    assert data["summary"] == {"change": 1, "insert": 1, "delete": 1, "unchanged": 6}


@pytest.mark.parametrize("path, status", [
    (f"{DIFF}?from=4&to=3", 404), (f"{DIFF}.json?to=9", 404), (f"{DIFF}.json?from=one", 400),
    ("/folio/articles/no-such-article/diff", 404), ("/nodb/articles/x/diff.json", 404),
])
def test_bad_diff_requests_are_clear_errors(get, path, status):
    response = get(path)
    assert response.status_code == status
    if ".json" in path:
        assert response.json()["ok"] is False and "Traceback" not in response.text


# --- the canned query --------------------------------------------------------------------------------

def test_changed_articles_lists_only_multi_version_articles(get):
    rows = get("/folio/changed_articles.json?_shape=array").json()
    assert rows == [{"id": STATINS["id"], "site": "carepost", "title": STATINS["title"],
                     "version_count": 3, "last_changed": "2024-06-10T06:00:00+00:00"}]
    html = get("/folio/changed_articles").text
    assert f'<a href="/folio/articles/{STATINS["id"]}">' in html  # ids link to the article and its history


# --- the diff functions ------------------------------------------------------------------------------

def test_word_diff_joins_neighbouring_changes_and_reconstructs_both_sides():
    segments = word_diff("The cat sat on the mat.", "The dog ran on a mat!")
    assert segments == [["equal", "The "], ["delete", "cat sat"], ["insert", "dog ran"], ["equal", " on "],
                        ["delete", "the"], ["insert", "a"], ["equal", " mat"], ["delete", "."], ["insert", "!"]]
    for old, new in [("a b c", "a x c"), ("x, y.", "x; y!"), ("one two three", ""), ("", "new text")]:
        segments = word_diff(old, new)
        assert "".join(t for op, t in segments if op != "insert") == old
        assert "".join(t for op, t in segments if op != "delete") == new


def test_identical_versions_have_no_changes_and_one_collapsed_run():
    text = "\n\n".join(STATINS_TEXTS)
    assert body_diff(text, text) == [{"op": "skip", "count": 8}]
    assert version_diff({"body_text": text, "title": "T"}, {"body_text": text, "title": "T"})["fields"] == []
