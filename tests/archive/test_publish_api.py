"""Every curl example in docs/api.md, run against a served test archive: shapes and values."""
from __future__ import annotations

import json
import re
import shlex
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlite_utils import Database

API_DOC = Path(__file__).resolve().parents[2] / "docs" / "api.md"
README = Path(__file__).resolve().parents[2] / "README.md"
DOC_HOST = "http://127.0.0.1:8001"


@dataclass
class Example:
    heading: str
    url: str  # as documented
    shown: object  # the JSON block after the example, if any


def examples(doc: Path = API_DOC) -> list[Example]:
    """Each ```sh block's curl line with the ```json block that follows it (before the next example).

    In README, whose other ```sh blocks are commands, only the curl lines count."""
    found, heading = [], ""
    blocks = re.finditer(r"^## ([^\n]+)$|^```(\w+)\n(.*?)^```$", doc.read_text(), re.M | re.S)
    for match in blocks:
        if match.group(1):
            heading = match.group(1)
        elif match.group(2) == "sh" and doc == README and not match.group(3).startswith("curl "):
            continue
        elif match.group(2) == "sh":
            args = shlex.split(match.group(3))
            assert args[0] == "curl" and len(args) == 2, f"keep examples to `curl 'URL'`: {args}"
            found.append(Example(heading, args[1], None))
        elif match.group(2) == "json":
            assert found and found[-1].shown is None, f"JSON block without its curl line under {heading}"
            found[-1].shown = json.loads(match.group(3))
    return found


def contains(shown, actual, where="") -> None:
    """Assert what the docs show is part of the actual response (keys subset, lists item by item)."""
    if isinstance(shown, dict):
        assert isinstance(actual, dict), f"{where}: expected an object, got {actual!r}"
        for key, value in shown.items():
            assert key in actual, f"{where}: no key {key!r} in {sorted(actual)}"
            contains(value, actual[key], f"{where}.{key}")
    elif isinstance(shown, list):
        assert isinstance(actual, list) and len(actual) == len(shown), f"{where}: {actual!r}"
        for index, (item, got) in enumerate(zip(shown, actual)):
            contains(item, got, f"{where}[{index}]")
    else:
        assert shown == actual, f"{where}: docs say {shown!r}, got {actual!r}"


@pytest.fixture(scope="module")
def api(archive_db, serve_archive):
    with serve_archive(archive_db) as base_url:
        def get(url: str):
            assert url.startswith(DOC_HOST + "/")
            with urllib.request.urlopen(base_url + url[len(DOC_HOST):], timeout=10) as response:
                assert response.status == 200
                assert response.headers["content-type"].startswith("application/json")
                return json.loads(response.read())
        yield get


@pytest.fixture(scope="module")
def truth(archive_db) -> list[dict]:
    return list(Database(archive_db)["articles"].rows)


def test_docs_have_the_examples_the_issue_asks_for():
    urls = " ".join(example.url for example in examples())
    for needed in ["_search=", "site=", "published__gte=", "/articles/", "pages.json?article_id=",
                   "_next=", "_shape=array", "articles_mentioning.json?term="]:
        assert needed in urls, f"docs/api.md has no example using {needed}"
    assert all(example.shown is not None for example in examples()), "every example shows its output"


def _newest_first(rows: list[dict]) -> bool:
    dates = [row["published"] for row in rows]
    return dates == sorted(dates, reverse=True)


def check(example: Example, data, truth: list[dict], previous: dict, by_slug) -> None:
    """What each example must return, judged against the database itself, beyond the docs' excerpt."""
    url = example.url
    if "_search=vitamin" in url:
        expected = {a["id"] for a in truth if "vitamin" in (a["title"] + a["body_text"]).lower()}
        assert {row["id"] for row in data} == expected and expected
    elif "?site=medwire" in url:
        assert [row["id"] for row in data] == [a["id"] for a in sorted(
            (a for a in truth if a["site"] == "medwire"), key=lambda a: a["published"], reverse=True)]
    elif "published__gte=" in url:
        expected = {a["id"] for a in truth if a["section"] == "Nutrition" and (a["published"] or "") >= "2024"}
        assert {row["id"] for row in data} == expected and all(r["published"].startswith("2024") for r in data)
    elif "/diff.json?" in url:  # an article's diff between two versions (more in test_history.py)
        article = by_slug("vitamin-d-winter-colds")
        assert data["article_id"] == article["id"] and data["version_count"] == article["version_count"] == 3
        assert [data["from"]["version"], data["to"]["version"]] == [1, 2]
        assert data["to"]["title"] == article["title"] != data["from"]["title"]
    elif "/articles/" in url:
        article = by_slug("how-much-water")
        assert len(data) == 1 and data[0]["id"] == article["id"] and data[0]["body_html"] == article["body_html"]
    elif "pages.json?article_id=" in url:
        assert [page["number"] for page in data] == [1, 2, 3]
        assert all(page["article_id"] == by_slug("how-much-water")["id"] for page in data)
        assert not {"html_gz", "headers"} & set().union(*data)
    elif "_shape=objects" in url:
        if "_next=" in url:
            assert f"_next={previous['next']}" in url, "the docs' second page uses the first page's token"
            assert not {r["id"] for r in data["rows"]} & {r["id"] for r in previous["rows"]}
        ordered = sorted(truth, key=lambda a: a["published"] or "", reverse=True)
        seen = previous.get("rows", []) if "_next=" in url else []
        assert [r["id"] for r in data["rows"]] == [a["id"] for a in ordered][len(seen):len(seen) + 3]
        previous.update(data)
    elif "articles_mentioning" in url:
        assert data and all("<mark>" in row["snippet"] and "vaccin" in row["snippet"].lower() for row in data)
    elif "incomplete_articles" in url:
        incomplete = [a for a in truth if not a["complete"]]
        assert {row["id"] for row in data} == {a["id"] for a in incomplete}
        for row in data:
            assert row["missing_page"] in json.loads(by_slug("how-much-water")["missing_pages"])
    elif "folio.json?sql=" in url:
        assert sum(row["articles"] for row in data) == len(truth)
    else:
        pytest.fail(f"no value check written for {url}: add one to check()")


def test_every_curl_example_returns_what_the_docs_say(api, truth, article):
    previous: dict = {}
    runs = examples()
    assert len(runs) >= 9
    for example in runs:
        data = api(example.url)
        if "_shape=array" in example.url:
            assert isinstance(data, list) and all(isinstance(row, dict) for row in data), example.url
        contains(example.shown, data, example.url)
        check(example, data, truth, previous, article)


def test_every_curl_example_in_readme_returns_what_it_says(api, truth, article):
    runs = examples(README)
    assert len(runs) >= 3 and all(example.shown is not None for example in runs)
    for example in runs:
        data = api(example.url)
        contains(example.shown, data, example.url)
        check(example, data, truth, {}, article)


def test_bad_sort_is_a_json_error_not_a_traceback(api):
    with pytest.raises(urllib.error.HTTPError) as raised:
        api(DOC_HOST + "/folio/articles.json?_sort=nope")
    body = json.loads(raised.value.read())
    assert body["ok"] is False and body["error"] == "Cannot sort table by nope"
    assert "Traceback" not in json.dumps(body)
