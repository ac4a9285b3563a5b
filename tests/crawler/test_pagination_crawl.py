"""Real crawls, no profile, of pages served by `python -m http.server`: every page found, nothing foreign merged."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, rows

pytestmark = pytest.mark.slow

LEAD = ("Doctors across the region are reporting a surge in influenza cases weeks earlier than usual, and clinics "
        "say waiting rooms are already full on most mornings.")
PARAGRAPHS = [
    [LEAD, "Public health officials urge everyone older than six months to get vaccinated now rather than waiting "
           "for the usual peak in the winter months."],
    ["Pharmacies have stocked more doses than last year, according to the state pharmacy board, and most "
     "insurance plans cover the shot with no copay at all.",
     "Hospitals are also preparing extra beds in case the season proves as severe as the early numbers suggest."],
    ["Experts recommend frequent hand washing, staying home when sick and covering coughs to slow the spread of "
     "the virus through schools and offices.",
     "Anyone with trouble breathing or a fever that lasts more than three days should call a doctor right away."],
]
TITLE = "Flu Season Arrives Early This Year"


class Served:
    """`python -m http.server` on 127.0.0.1 with an OS-chosen port, serving a folder; its access log read back."""

    def __init__(self, folder: Path):
        self.process = subprocess.Popen([sys.executable, "-u", "-m", "http.server", "0", "--bind", "127.0.0.1",
                                         "--directory", str(folder)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                        text=True)
        line = self.process.stdout.readline()  # "Serving HTTP on 127.0.0.1 port 41234 (http://127.0.0.1:41234/) ..."
        port = re.search(r"port (\d+)", line).group(1)
        self.base = f"http://127.0.0.1:{port}/"

    def requested(self) -> list[str]:
        """Paths asked for so far (robots.txt left out), read once the server is stopped."""
        self.process.terminate()
        log = self.process.communicate(timeout=30)[1]
        return [p for p in re.findall(r'"GET (\S+) HTTP', log) if p != "/robots.txt"]


def crawl(db: Path, *urls: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "crawler.cli", "crawl", "--db", str(db)]
    for url in urls:
        command += ["--url", url]
    return subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=300)


def crawl_one(folder: Path, start: str, server: Served | None = None) -> tuple[dict, list[str], list[str]]:
    """Crawl ``start`` (a path on ``server``, a `Served` of ``folder`` by default) with no profile: the first article
    stored, the URLs of its stored pages in order, and the paths the server was asked for."""
    server = server or Served(folder)
    try:
        result = crawl(folder / "x.db", server.base + start)
    finally:
        requested = server.requested()
    assert result.returncode == 0, result.stderr[-3000:]
    articles = rows(folder / "x.db", "select * from articles")
    pages = [p["url"] for p in rows(folder / "x.db", "select url from pages where article_id = ? order by number",
                                    [articles[0]["id"]])]
    return articles[0], pages, requested


def article_html(title: str, paragraphs: list[str], extra: str = "", byline: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"<html><head><title>{title}</title></head><body><h1>{title}</h1>{byline}{body}{extra}</body></html>"


def flu_season(folder: Path) -> None:
    published = "<p>By Jane Porter</p><p>Published March 4, 2025</p>"
    (folder / "flu-season.html").write_text(article_html(
        TITLE, PARAGRAPHS[0], '<p><a href="flu-season-2.html">Next page</a></p>', published))
    (folder / "flu-season-2.html").write_text(article_html(
        TITLE, ["continued...", *PARAGRAPHS[1]], '<p><a href="flu-season-3.html">continued...</a></p>'))
    (folder / "flu-season-3.html").write_text(article_html(TITLE, ["continued...", *PARAGRAPHS[2]]))


@pytest.fixture(scope="module")
def flu(tmp_path_factory) -> dict:
    folder = tmp_path_factory.mktemp("flu")
    flu_season(folder)
    server = Served(folder)
    try:
        result = crawl(folder / "x.db", server.base + "flu-season.html")
    finally:
        requested = server.requested()
    assert result.returncode == 0, result.stderr[-3000:]
    return {"article": rows(folder / "x.db", "select * from articles")[0], "requested": requested, "db": folder / "x.db"}


def test_a_plain_three_page_article_is_found_whole(flu):
    article = flu["article"]
    assert article["page_count"] == 3 and article["complete"] == 1
    assert article["title"] == TITLE
    body = article["body_text"]
    assert TITLE not in body and "continued" not in body.lower() and "Next page" not in body
    assert [p for p in body.split("\n\n") if p in sum(PARAGRAPHS, [])] == sum(PARAGRAPHS, [])
    assert flu["requested"] == ["/flu-season.html", "/flu-season-2.html", "/flu-season-3.html"]


def test_its_warc_export_imports_as_the_same_three_page_article(flu, tmp_path):
    warc, db = tmp_path / "flu.warc.gz", tmp_path / "imported.db"
    for args in (["export-warc", "--db", str(flu["db"]), str(warc)], ["import-warc", str(warc), "--db", str(db)]):
        result = subprocess.run([sys.executable, "-m", "crawler.cli", *args], cwd=REPO, capture_output=True,
                                text=True, timeout=300)
        assert result.returncode == 0, result.stderr[-3000:]
    imported = rows(db, "select * from articles")
    assert len(imported) == 1 and imported[0]["page_count"] == 3 and imported[0]["complete"] == 1
    assert imported[0]["body_text"] == flu["article"]["body_text"]


def test_its_date_is_read_from_the_running_text(flu):
    assert flu["article"]["published"] == "2025-03-04"


def other_article(title: str, seed: int) -> str:
    return article_html(title, [f"{title} is a different story, paragraph {n}, with text of its own about school "
                                f"meals, sports and homework that no flu article shares." for n in range(seed, seed + 3)],
                        byline="<p>By Omar Diaz</p>")


@pytest.fixture(scope="module")
def traps(tmp_path_factory) -> dict:
    """A one-page article whose page links five other articles the way next pages are linked."""
    folder = tmp_path_factory.mktemp("traps")
    others = {"lunch-rules.html": "New Rules for School Lunches", "r2291.html": "Teen Sports Injuries Rise",
              "story-2.html": "A Second Look at Homework", "flu-season-review.html": "Flu Shots: What Changed",
              "weiter.html": "Sleep and Screens"}
    for name, title in others.items():
        (folder / name).write_text(other_article(title, len(name)))
    links = ('<p><a href="lunch-rules.html">Next</a></p><p><a href="r2291.html">Continue reading</a></p>'
             '<p><a href="story-2.html">Next page</a></p><aside class="related"><a href="flu-season-review.html">'
             'Next: Flu Shots</a></aside><p><a href="weiter.html">Weiter</a></p>')
    (folder / "story.html").write_text(article_html(TITLE, sum(PARAGRAPHS, []), links))
    server = Served(folder)
    try:
        result = crawl(folder / "t.db", server.base + "story.html")
    finally:
        requested = server.requested()
    assert result.returncode == 0, result.stderr[-3000:]
    stats = json.loads(rows(folder / "t.db", "select stats from crawls")[0]["stats"])
    return {"article": rows(folder / "t.db", "select * from articles")[0], "requested": requested, "stats": stats,
            "db": folder / "t.db"}


def test_next_links_to_other_articles_merge_nothing(traps):
    article = traps["article"]
    assert article["page_count"] == 1 and article["complete"] == 1
    assert "different story" not in article["body_text"]
    assert len(rows(traps["db"], "select * from pages where error is null")) == 1


def test_rejected_candidates_cost_at_most_the_extra_request_budget(traps):
    assert traps["requested"][0] == "/story.html"
    assert len(traps["requested"]) == 1 + 2  # the page, plus FOLIO_PAGINATION_EXTRA_REQUESTS candidates
    assert traps["stats"]["folio/pagination/rejected"] == 2


def test_an_article_that_ends_before_its_announced_pages_is_incomplete(tmp_path):
    pager = '<p class="pager">Page {} of 3 <a href="slides-{}.html">Page {} of 3</a></p>'
    (tmp_path / "slides.html").write_text(article_html(TITLE, PARAGRAPHS[0], pager.format(1, 2, 2) +
                                                       pager.format(1, 3, 3).replace("Page 1 of 3 ", "")))
    (tmp_path / "slides-2.html").write_text(article_html(TITLE, PARAGRAPHS[1], pager.format(2, 3, 3)))
    server = Served(tmp_path)  # slides-3.html is missing: the server answers 404
    try:
        result = crawl(tmp_path / "s.db", server.base + "slides.html")
    finally:
        server.requested()
    assert result.returncode == 0, result.stderr[-3000:]
    article = rows(tmp_path / "s.db", "select * from articles")[0]
    assert article["page_count"] == 2 and article["complete"] == 0
    assert json.loads(article["missing_pages"]) == [server.base + "slides-3.html"]


def test_a_verified_single_page_view_gives_the_body_and_a_foreign_one_is_ignored(tmp_path):
    links = '<p><a href="story-2.html">Next page</a> <a href="{}">Print</a></p>'
    (tmp_path / "story.html").write_text(article_html(TITLE, PARAGRAPHS[0], links.format("story-print.html")))
    (tmp_path / "story-2.html").write_text(article_html(TITLE, PARAGRAPHS[1]))  # links no page 3
    (tmp_path / "story-print.html").write_text(article_html(TITLE, sum(PARAGRAPHS, [])))
    (tmp_path / "other.html").write_text(article_html(TITLE, PARAGRAPHS[0], links.format("lunch-print.html")))
    (tmp_path / "other-2.html").write_text(article_html(TITLE, PARAGRAPHS[1]))
    (tmp_path / "lunch-print.html").write_text(other_article("New Rules for School Lunches", 3))
    (tmp_path / "other.html").write_text((tmp_path / "other.html").read_text().replace("story-2", "other-2"))
    server = Served(tmp_path)
    try:
        result = crawl(tmp_path / "v.db", server.base + "story.html", server.base + "other.html")
    finally:
        requested = server.requested()
    assert result.returncode == 0, result.stderr[-3000:]
    found = {r["url"].rsplit("/", 1)[-1]: r for r in rows(tmp_path / "v.db", "select * from articles")}
    whole, other = found["story.html"], found["other.html"]
    assert whole["page_count"] == 2 and whole["single_page_url"].endswith("/story-print.html")
    assert whole["body_text"].split("\n\n") == sum(PARAGRAPHS, [])  # page 3's text came from the print view
    assert other["page_count"] == 2 and other["body_text"].split("\n\n") == PARAGRAPHS[0] + PARAGRAPHS[1]
    assert "lunch" not in other["body_text"].lower()
    assert sorted(requested) == sorted(["/story.html", "/story-2.html", "/story-print.html", "/other.html",
                                        "/other-2.html", "/lunch-print.html"])
