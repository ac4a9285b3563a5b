"""Real crawls, no profile, of an article whose "next" link leads to a photo gallery printed in the article's
own template (its headline, byline and date): the gallery is rejected with its reason and the article stays
whole; a short last page reached the same way, one paragraph of running text, is still the article's."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import rows
from tests.crawler.test_pagination_crawl import PARAGRAPHS, REPO, TITLE, Served, crawl, crawl_one

pytestmark = pytest.mark.slow

CAPTIONS = ["Nurses wait at the north clinic before the doors open.",
            "A long queue outside the pharmacy on Main Street.", "Flu shots lined up and ready for the morning."]
STORY = PARAGRAPHS[0] + PARAGRAPHS[1]


def page(story: list[str], extra: str = "") -> str:
    """One page of a news site's template: dates, headline and photo, the text in its box, byline at the end."""
    body = "".join(f"<p>{p}</p>\n" for p in story)
    related = "".join(f'<li><a href="/health/{slug}.html">{slug.replace("-", " ").title()}</a></li>'
                      for slug in ("sleep-and-screens-in-teens", "water-and-heat-in-the-city"))
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{TITLE} | Health Daily</title>
<meta property="og:title" content="{TITLE}"></head>
<body><header><a href="/">Health Daily</a><a href="/subscribe">Subscribe to Health Daily Plus</a></header>
<main class="article">
<div class="meta-top"><span>Published March 4, 2025 at 10.15</span><span>Updated March 5, 2025 at 08.30</span></div>
<h1>{TITLE}</h1>
<figure><img src="/img/h.jpg" alt=""><figcaption>Photo: Ann Lee</figcaption></figure>
<div class="body">
{body}{extra}
</div>
<div class="byline-bottom"><p>Text: Jane Porter</p><p><em>First printed in the weekend paper.</em></p></div>
<div class="share"><button>Share this article</button></div>
</main>
<aside class="most-read"><h2>Most read</h2><ul>{related}</ul></aside>
</body></html>"""


def gallery(folder, number: int) -> None:
    """Photo ``number`` of the article's gallery: one caption, a picture and the link to the next photo."""
    forward = f'<a class="next" href="/media/4411/photo-{number + 1}.html">Next photo ›</a>' if number < 3 else ""
    strip = f'<div class="photo"><img src="/img/4411-{number}.jpg" alt="">{forward}</div>'
    (folder / "media" / "4411").mkdir(parents=True, exist_ok=True)
    (folder / "media" / "4411" / f"photo-{number}.html").write_text(page([CAPTIONS[number - 1]], strip))


def crawled(folder, name: str) -> tuple[dict, list[str], list[str]]:
    """The one article a crawl of ``name`` stored, the URLs of its stored pages and the paths it asked for."""
    article, pages, requested = crawl_one(folder, name)
    assert len(rows(folder / "x.db", "select id from articles")) == 1
    return article, pages, requested


def test_a_gallery_in_the_articles_template_is_rejected_with_its_reason(tmp_path):
    link = '<p class="more"><a href="/media/4411/photo-1.html">Next photo ›</a></p>'
    (tmp_path / "flu.html").write_text(page(STORY, link))
    for number in (1, 2, 3):
        gallery(tmp_path, number)
    article, pages, requested = crawled(tmp_path, "flu.html")
    assert [p.rsplit("/", 1)[1] for p in pages] == ["flu.html"]
    assert article["page_count"] == 1 and article["complete"] == 1
    assert not any(caption.rstrip(".") in article["body_text"] for caption in CAPTIONS)
    assert all(p in article["body_text"] for p in STORY)
    rejected = [r for r in json.loads(article["rejected_pages"]) if "/media/" in r["url"]]  # siblings aside
    assert [r["url"].split("/", 3)[3] for r in rejected] == ["media/4411/photo-1.html"]
    assert rejected[0]["reason"].startswith("no running text")
    assert "/media/4411/photo-2.html" not in requested  # the gallery's own chain is not walked


def test_a_short_last_page_reached_by_its_words_alone_is_kept(tmp_path):
    link = '<p class="more"><a href="/flu-the-rest.html">Continue reading ›</a></p>'
    (tmp_path / "flu.html").write_text(page(STORY, link))
    last = PARAGRAPHS[2][1]  # one paragraph of running text, shorter than the article's others
    (tmp_path / "flu-the-rest.html").write_text(page([last]))
    article, pages, _ = crawled(tmp_path, "flu.html")
    assert [p.rsplit("/", 1)[1] for p in pages] == ["flu.html", "flu-the-rest.html"]
    assert article["page_count"] == 2 and article["complete"] == 1
    assert last in article["body_text"]
    assert not any("flu-the-rest" in r["url"] for r in json.loads(article["rejected_pages"] or "[]"))


def test_a_warc_holding_the_gallery_imports_without_it(tmp_path):
    link = '<p class="more"><a href="/media/4411/photo-1.html">Next photo ›</a></p>'
    (tmp_path / "flu.html").write_text(page(STORY, link))
    for number in (1, 2, 3):
        gallery(tmp_path, number)
    server = Served(tmp_path)  # the gallery is crawled too, so the WARC holds it beside the article
    try:
        assert crawl(tmp_path / "x.db", server.base + "flu.html", server.base + "media/4411/photo-1.html").returncode == 0
    finally:
        server.requested()
    warc, db = tmp_path / "x.warc.gz", tmp_path / "imported.db"
    for args in (["export-warc", "--db", str(tmp_path / "x.db"), str(warc)], ["import-warc", str(warc), "--db", str(db)]):
        done = subprocess.run([sys.executable, "-m", "crawler.cli", *args], cwd=REPO, capture_output=True, text=True,
                              timeout=300)
        assert done.returncode == 0, done.stderr[-2000:]
    (article,) = [a for a in rows(db, "select * from articles") if a["url"].endswith("/flu.html")]
    assert article["page_count"] == 1
    assert not any(caption.rstrip(".") in article["body_text"] for caption in CAPTIONS)
