"""A real crawl of the faulty site: nothing served is lost, nothing off the site is fetched, nothing crashes."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from crawler.samplesite import bulk
from crawler.samplesite.faulty import ARTICLES, RETRY_AFTER, SENTENCES, TOTAL, FaultySite
from tests.conftest import REPO, rows

pytestmark = pytest.mark.slow
QUICK = ["-s", "DOWNLOAD_TIMEOUT=3", "-s", "AUTOTHROTTLE_ENABLED=False"]
NUMBER = {fault: n for n, (fault, _) in ARTICLES.items()}


def crawl(site: FaultySite, db: Path, log: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "crawler.cli", "crawl", "bulk", "--base-url", site.base_url,
                           "--db", str(db), "--log-file", str(log), *QUICK],
                          cwd=REPO, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    folder = tmp_path_factory.mktemp("faulty")
    db, log = folder / "folio.db", folder / "crawl.log"
    with FaultySite() as site:
        result = crawl(site, db, log)
        served = site.log
        offsite = site.offsite_requests
    return {"db": db, "result": result, "log": log.read_text(), "served": served, "offsite": offsite}


def page_key(target: str) -> tuple[int, int]:
    """(article number, page number) a request was for; (0, 0) for listings and robots.txt."""
    parts = urlsplit(target)
    if "/article-" not in parts.path:
        return 0, 0
    return int(parts.path.rsplit("-", 1)[1]), int((parse_qs(parts.query).get("page") or ["1"])[0])


def requests_for(crawled, number: int) -> list:
    return [s for s in crawled["served"] if page_key(s.target)[0] == number]


def stored(crawled, number: int) -> tuple[dict | None, list[dict]]:
    url_like = f"%/article-{number}"
    article = next(iter(rows(crawled["db"], "select * from articles where url like ?", [url_like])), None)
    pages = rows(crawled["db"], "select url, number, status, final_url, error from pages where url like ? or url like ?"
                 " order by number", [url_like, url_like + "?%"])
    return article, pages


def test_the_crawl_ends_cleanly(crawled):
    result = crawled["result"]
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr and "Traceback" not in crawled["log"]


def test_every_article_served_whole_is_archived_with_exactly_its_pages(crawled):
    whole = {page_key(s.target) for s in crawled["served"] if s.outcome == "200"}
    checked = 0
    for number in range(1, TOTAL + 1):
        fault = ARTICLES.get(number, (None, 0))[0]
        if fault in ("robots-disallowed", "endless-pagination"):
            continue  # their own tests below
        count = bulk.page_count(number)
        article, pages = stored(crawled, number)
        assert article is not None, f"article {number} ({fault}) is not in the archive"
        every_page_served = all((number, p) in whole for p in range(1, count + 1))
        assert bool(article["complete"]) == every_page_served, (number, fault)
        assert [p["number"] for p in pages] == list(range(1, count + 1)), (number, fault)
        for page in pages:
            assert (page["error"] is None) == ((number, page["number"]) in whole), (number, fault, page)
        if not every_page_served:
            assert json.loads(article["missing_pages"]), (number, fault)
        checked += 1
    assert checked == TOTAL - 2


def test_text_is_decoded_right_in_every_charset(crawled):
    for fault, sentence in SENTENCES.items():
        article, _ = stored(crawled, NUMBER[fault])
        assert sentence in article["body_text"], fault
        assert "\ufffd" not in article["body_text"], fault


def test_nothing_off_the_site_is_requested(crawled):
    assert crawled["offsite"] == []
    _, pages = stored(crawled, NUMBER["offsite-redirect"])
    assert pages[1]["error"].startswith("not fetched: redirected off the site")
    assert all(p["error"] is None for p in pages if p["number"] != 2)  # the pages after it are still fetched


def test_robots_txt_is_respected(crawled):
    assert requests_for(crawled, NUMBER["robots-disallowed"]) == []
    assert stored(crawled, NUMBER["robots-disallowed"])[0] is None


def test_retry_after_is_honoured(crawled):
    for fault in ("retry-after-429", "retry-after-date"):
        asked = [s for s in requests_for(crawled, NUMBER[fault]) if s.outcome in ("429", "503", "200")
                 and page_key(s.target)[1] == ARTICLES[NUMBER[fault]][1]]
        assert [s.outcome for s in asked][1:] == ["200"], fault
        assert asked[1].at - asked[0].at >= RETRY_AFTER - 0.05, fault  # a lower bound: load cannot break it
    too_long = requests_for(crawled, NUMBER["retry-after-too-long"])
    assert [s.outcome for s in too_long if page_key(s.target)[1] == 2] == ["503"]  # given up at once
    assert stored(crawled, NUMBER["retry-after-too-long"])[1][1]["error"] == "HTTP 503"


def test_http_errors_are_recorded_with_their_status(crawled):
    assert stored(crawled, NUMBER["server-error"])[1][1]["error"] == "HTTP 500"
    burst = [s.outcome for s in requests_for(crawled, NUMBER["burst-503"]) if page_key(s.target)[1] == 2]
    assert burst == ["503", "503", "200"]
    assert stored(crawled, NUMBER["burst-503"])[0]["complete"] == 1


def test_redirect_loops_and_chains_are_recorded_as_the_page_asked_for(crawled):
    loop = requests_for(crawled, NUMBER["redirect-loop"])
    assert len([s for s in loop if s.outcome == "302"]) <= 2  # one trip round the loop, not hundreds
    _, pages = stored(crawled, NUMBER["redirect-loop"])
    assert pages[1]["error"].startswith("not fetched: redirect loop")
    article, pages = stored(crawled, NUMBER["redirect-chain"])
    assert article["complete"] == 1 and "hop=3" in pages[1]["final_url"] and "hop" not in pages[1]["url"]
    article, pages = stored(crawled, NUMBER["long-redirect-chain"])
    assert pages[1]["error"] == "not fetched: more than 10 redirects (REDIRECT_MAX_TIMES)"
    assert [p["number"] for p in pages] == list(range(1, bulk.page_count(NUMBER["long-redirect-chain"]) + 1))
    assert all("page=2" in p["url"] or "page=2" not in p["url"] for p in pages)
    assert not [p for p in pages if "page=20" in p["url"]]  # a hop's "page 20" is not read as page 20


def test_endless_pagination_stops_at_the_page_limit(crawled):
    article, pages = stored(crawled, NUMBER["endless-pagination"])
    assert article["complete"] == 0 and article["page_count"] == 20
    assert len(requests_for(crawled, NUMBER["endless-pagination"])) == 20
    assert "page limit" in pages[-1]["error"]


def test_huge_bombs_and_broken_bodies_fail_only_their_page(crawled):
    for fault in ("huge-page", "gzip-bomb", "hang", "stall", "truncated"):
        article, pages = stored(crawled, NUMBER[fault])
        failed = [p["number"] for p in pages if p["error"]]
        assert failed == [ARTICLES[NUMBER[fault]][1]] and article["complete"] == 0, fault


def test_odd_markup_is_archived_whole(crawled):
    for fault in ("many-links", "deep-dom", "nul-bytes"):
        article, _ = stored(crawled, NUMBER[fault])
        assert article["complete"] == 1 and "\x00" not in article["body_text"], fault
    assert not [s for s in crawled["served"] if "/elsewhere/" in s.target]  # 50,000 links, none followed


@pytest.mark.parametrize("robots", ["503", "hang"])
def test_an_unreachable_robots_txt_means_nothing_is_fetched(tmp_path, robots):
    with FaultySite(robots=robots) as site:
        result = crawl(site, tmp_path / "folio.db", tmp_path / "crawl.log")
        served = site.log
    assert {s.target for s in served} == {"/robots.txt"}  # RFC 9309: a 5xx or no answer means disallow all
    assert "Traceback" not in result.stderr + (tmp_path / "crawl.log").read_text()
    assert "robots.txt of 127.0.0.1" in (tmp_path / "crawl.log").read_text()
