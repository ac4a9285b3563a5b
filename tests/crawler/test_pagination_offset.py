"""Real crawls, no profile, of a server that answers ``?offset=`` with another file: an article continued by a
"Load more" link whose offset steps by a constant is found whole, and a comment thread's "Load more comments"
offset is not merged into its article."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import rows
from tests.crawler.test_pagination_crawl import PARAGRAPHS, Served, crawl_one
from tests.crawler.test_pagination_gallery import page

pytestmark = pytest.mark.slow

# ``/story?offset=5`` is served from the file ``story__offset-5``, every file as HTML; the access log on stderr.
SERVER = """
import functools, sys
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
class Handler(SimpleHTTPRequestHandler):
    def translate_path(self, path):
        head, _, query = path.partition("?")
        return super().translate_path(head + ("__" + query.replace("=", "-") if query else ""))
    def guess_type(self, path):
        return "text/html"
server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=sys.argv[1]))
print(f"Serving HTTP on 127.0.0.1 port {server.server_port}", flush=True)
server.serve_forever()
"""
COMMENTS = [["I had the shot last week and felt fine the next day.", "Our clinic had a queue out of the door."],
            ["My whole family caught it before Christmas last year.", "Thanks for the clear advice on symptoms."]]


class QueryServed(Served):
    """A server like ``python -m http.server`` whose answer depends on the query string too."""

    def __init__(self, folder: Path):  # noqa: super().__init__ would start the plain server
        self.process = subprocess.Popen([sys.executable, "-u", "-c", SERVER, str(folder)], stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE, text=True)
        port = re.search(r"port (\d+)", self.process.stdout.readline()).group(1)
        self.base = f"http://127.0.0.1:{port}/"


def crawled(folder: Path) -> tuple[dict, list[str], list[str]]:
    """The one article a crawl of ``/story`` stored, the URLs of its stored pages and the paths it asked for."""
    article, pages, requested = crawl_one(folder, "story", QueryServed(folder))
    assert len(rows(folder / "x.db", "select id from articles")) == 1
    return article, pages, requested


def load_more(offset: int, words: str = "Load more") -> str:
    return f'<div class="load-more-wrap"><a class="load-more" href="/story?offset={offset}">{words}</a></div>'


def test_an_article_continued_by_a_load_more_offset_is_found_whole(tmp_path):
    (tmp_path / "story").write_text(page(PARAGRAPHS[0], load_more(5)))
    (tmp_path / "story__offset-5").write_text(page(PARAGRAPHS[1], load_more(10)))
    (tmp_path / "story__offset-10").write_text(page(PARAGRAPHS[2]))
    article, pages, requested = crawled(tmp_path)
    assert [p.rsplit("/", 1)[1] for p in pages] == ["story", "story?offset=5", "story?offset=10"]
    assert article["page_count"] == 3 and article["complete"] == 1
    assert all(p in article["body_text"] for chunk in PARAGRAPHS for p in chunk)
    assert "/story?offset=15" not in requested  # nothing on page 3 goes on


@pytest.mark.parametrize("repeated", [True, False], ids=["with-the-article", "comments-only"])
def test_a_comment_threads_load_more_offset_is_not_merged(tmp_path, repeated):
    def thread(items: list[str], offset: int | None) -> str:
        more = f'<a href="/story?offset={offset}">Load more comments</a>' if offset else ""
        return '<section class="comments"><h2>Comments</h2><ol>' + "".join(
            f'<li class="comment"><p>{c}</p></li>' for c in items) + f"</ol>{more}</section>"
    story = PARAGRAPHS[0] + PARAGRAPHS[1]
    (tmp_path / "story").write_text(page(story, thread(COMMENTS[0], 5)))
    (tmp_path / "story__offset-5").write_text(page(story if repeated else [], thread(COMMENTS[1], None)))
    article, pages, requested = crawled(tmp_path)
    assert [p.rsplit("/", 1)[1] for p in pages] == ["story"]
    assert "/story?offset=5" not in requested  # a comment box's link is not proposed: it costs no request
    assert article["page_count"] == 1 and article["complete"] == 1
    assert all(p in article["body_text"] for p in story)
    assert not any(c.rstrip(".") in article["body_text"] for c in COMMENTS[1])


def test_an_offset_chain_cut_short_by_a_failed_fetch_is_not_stored_whole(tmp_path):
    (tmp_path / "story").write_text(page(PARAGRAPHS[0], load_more(5)))
    (tmp_path / "story__offset-5").write_text(page(PARAGRAPHS[1], load_more(10)))  # ?offset=10 answers 404
    article, pages, requested = crawled(tmp_path)
    assert [p.rsplit("/", 1)[1] for p in pages][:2] == ["story", "story?offset=5"]
    assert "/story?offset=10" in requested
    assert article["complete"] == 0, article
    assert all(p in article["body_text"] for chunk in PARAGRAPHS[:2] for p in chunk)
