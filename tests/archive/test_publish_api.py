"""Every curl example in docs/api.md and README, run against the served demo archive: shapes and values."""
from __future__ import annotations

import json
import re
import shlex
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlite_utils import Database

API_DOC = Path(__file__).resolve().parents[2] / "docs" / "api.md"
README = Path(__file__).resolve().parents[2] / "README.md"
DOC_HOST = "http://127.0.0.1:8001"
SAMPLE_ORIGIN = re.compile(r"http://127\.0\.0\.1:\d+/")  # the demo's sample site: its port changes each run


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
    elif isinstance(shown, str) and "127.0.0.1:PORT/" in shown and isinstance(actual, str):
        assert shown == SAMPLE_ORIGIN.sub("http://127.0.0.1:PORT/", actual), f"{where}: docs say {shown!r}, got {actual!r}"
    else:
        assert shown == actual, f"{where}: docs say {shown!r}, got {actual!r}"


@pytest.fixture(scope="module")
def demo_db(demo_runs) -> Path:
    """The archive `folio demo --no-serve` built (run twice), published as `folio` like the default file."""
    db, _, _ = demo_runs
    assert db.name == "folio.db"
    return db


@pytest.fixture(scope="module")
def api(demo_db, serve_archive):
    with serve_archive(demo_db) as base_url:
        def get(url: str):
            assert url.startswith(DOC_HOST + "/")
            with urllib.request.urlopen(base_url + url[len(DOC_HOST):], timeout=30) as response:
                assert response.status == 200
                assert response.headers["content-type"].startswith("application/json")
                return json.loads(response.read())
        yield get


@pytest.fixture(scope="module")
def truth(demo_db) -> list[dict]:
    return list(Database(demo_db)["articles"].rows)


@pytest.fixture(scope="module")
def table(demo_db):
    """Rows of a query on the demo archive."""
    return lambda sql, params=(): list(Database(demo_db).query(sql, params))


def test_docs_have_the_examples_the_issue_asks_for():
    urls = " ".join(example.url for example in examples())
    for needed in ["_search=", "site=", "published__gte=", "/articles/", "pages.json?article_id=",
                   "_next=", "_shape=array", "articles_mentioning.json?term="]:
        assert needed in urls, f"docs/api.md has no example using {needed}"
    assert all(example.shown is not None for example in examples()), "every example shows its output"


def _text(article: dict) -> str:
    return " ".join(article[c] or "" for c in ("title", "subtitle", "authors", "body_text"))


def check(example: Example, data, truth: list[dict], previous: dict, table) -> None:
    """What each example must return, judged against the database itself, beyond the docs' excerpt."""
    url = example.url
    query = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(url).query))
    if "_search" in query:  # stemmed: the word and its forms (sleeps, sleeping), newest first
        word = re.compile(rf"\b{query['_search']}", re.I)
        expected = sorted((a for a in truth if word.search(_text(a))), key=lambda a: a["published"], reverse=True)
        assert [row["id"] for row in data] == [a["id"] for a in expected] and expected
    elif "published__gte" in query:
        expected = [a for a in truth if a["section"] == query["section"]
                    and query["published__gte"] <= a["published"] < query["published__lt"]]
        assert [row["id"] for row in data] == [a["id"] for a in sorted(expected, key=lambda a: a["published"],
                                                                      reverse=True)] and expected
    elif "site" in query:
        assert [row["id"] for row in data] == [a["id"] for a in sorted(
            (a for a in truth if a["site"] == query["site"]), key=lambda a: a["published"], reverse=True)]
    elif "/diff.json?" in url:  # an article's diff between two versions (more in test_history.py)
        article_id = url.split("/articles/")[1].split("/")[0]
        versions = table("select * from article_versions where article_id = ? order by version", [article_id])
        assert data["article_id"] == article_id and data["version_count"] == len(versions) == 2
        assert [data["from"]["version"], data["to"]["version"]] == [1, 2]
        changed = [part for part in data["body"] if part["op"] == "change"]
        assert len(changed) == data["summary"]["change"] == 1
        assert changed[0]["from"] in versions[0]["body_text"] and changed[0]["from"] not in versions[1]["body_text"]
        assert changed[0]["to"] in versions[1]["body_text"]
    elif "/articles/" in url:
        article_id = url.split("/articles/")[1].split(".json")[0]
        article = next(a for a in truth if a["id"] == article_id)
        assert len(data) == 1 and data[0]["id"] == article["id"] and data[0]["body_html"] == article["body_html"]
    elif "article_id" in query:
        pages = table("select number from pages where article_id = ? order by number", [query["article_id"]])
        assert [page["number"] for page in data] == [page["number"] for page in pages] and pages
        assert all(page["article_id"] == query["article_id"] for page in data)
        assert not {"html_gz", "headers"} & set().union(*data)
    elif query.get("_shape") == "objects":
        if "_next" in query:
            assert f"_next={previous['next']}" in url, "the docs' second page uses the first page's token"
            assert not {r["id"] for r in data["rows"]} & {r["id"] for r in previous["rows"]}
        ordered = sorted(truth, key=lambda a: a["published"] or "", reverse=True)
        seen = previous.get("rows", []) if "_next" in query else []
        assert [r["id"] for r in data["rows"]] == [a["id"] for a in ordered][len(seen):len(seen) + 3]
        previous.update(data)
    elif "articles_mentioning" in url:
        expected = {a["id"] for a in truth if re.search(rf"\b{query['term']}", _text(a), re.I)}
        assert {row["id"] for row in data} == expected and expected
        assert all("<mark>" in row["snippet"] and query["term"] in row["snippet"].lower() for row in data)
    elif "incomplete_articles" in url:
        incomplete = {a["id"]: a for a in truth if not a["complete"]}
        assert {row["id"] for row in data} == set(incomplete) and incomplete
        for row in data:
            assert row["missing_page"] in json.loads(incomplete[row["id"]]["missing_pages"])
    elif "folio.json?sql=" in url:
        assert sum(row["articles"] for row in data) == len(truth)
    else:
        pytest.fail(f"no value check written for {url}: add one to check()")


def test_every_curl_example_returns_what_the_docs_say(api, truth, table):
    previous: dict = {}
    runs = examples()
    assert len(runs) >= 9
    for example in runs:
        data = api(example.url)
        if "_shape=array" in example.url:
            assert isinstance(data, list) and all(isinstance(row, dict) for row in data), example.url
        contains(example.shown, data, example.url)
        check(example, data, truth, previous, table)


def test_every_curl_example_in_readme_returns_what_it_says(api, truth, table):
    runs = examples(README)
    assert len(runs) >= 3 and all(example.shown is not None for example in runs)
    for example in runs:
        data = api(example.url)
        contains(example.shown, data, example.url)
        check(example, data, truth, {}, table)


def test_bad_sort_is_a_json_error_not_a_traceback(api):
    with pytest.raises(urllib.error.HTTPError) as raised:
        api(DOC_HOST + "/folio/articles.json?_sort=nope")
    body = json.loads(raised.value.read())
    assert body["ok"] is False and body["error"] == "Cannot sort table by nope"
    assert "Traceback" not in json.dumps(body)
