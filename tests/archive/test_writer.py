"""The archive writer fed from Redis: batches, a killed writer's batch recovered, repeats harmless, one writer."""
from __future__ import annotations

import os
import pickle
import socket
import subprocess
import sys

import pytest

from archive.store import Archive
from archive.writer import ItemQueue, Writer, WriterError
from crawler.items import ArticleCapture, Page
from tests.conftest import rows


def finished(n: int, **changes) -> ArticleCapture:
    """A finished article as the pipelines hand it on: pages, extraction, the record."""
    url = f"https://x.example/a{n}"
    pages = [Page(url=url, number=1, status=200, fetched_at="2024-01-01T00:00:00+00:00",
                  headers={"ETag": f'"{n}"', "Content-Type": "text/html"}, body=f"<p>article {n}</p>".encode())]
    article = {"site": "x", "url": url, "title": f"Title {n}", "authors": ["A B"], "body_text": f"Body {n}.",
               "page_count": 1, "complete": True, "missing_pages": [], "content_hash": f"h{n}", **changes}
    return ArticleCapture(site="x", url=url, pages=pages, extracted=[{"title": f"Title {n}"}], article=article)


def drain(redis_url: str, db) -> dict:
    archive = Archive(db)
    try:
        return Writer(ItemQueue(redis_url), archive, batch=4).run(until_done=True, idle_seconds=0.2)
    finally:
        archive.close()


def test_pushed_articles_are_written_in_batches_and_the_list_is_left_empty(redis_url, tmp_path):
    queue = ItemQueue(redis_url)
    for n in range(10):
        queue.push(finished(n))
    assert drain(redis_url, tmp_path / "a.db") == {"new": 10}
    assert len(rows(tmp_path / "a.db", "select id from articles")) == 10
    assert queue.pending() == 0


def test_an_article_written_twice_is_stored_once(redis_url, tmp_path):
    queue = ItemQueue(redis_url)
    queue.push(finished(1))
    queue.push(finished(1))
    assert drain(redis_url, tmp_path / "a.db") == {"new": 1, "unchanged": 1}
    db = tmp_path / "a.db"
    assert len(rows(db, "select id from articles")) == 1
    assert len(rows(db, "select * from article_versions")) == 1
    assert len(rows(db, "select * from captures")) == 1 and len(rows(db, "select * from pages")) == 1


def test_a_batch_a_killed_writer_had_taken_is_written_by_the_next_writer(redis_url, tmp_path):
    queue = ItemQueue(redis_url)
    for n in range(6):
        queue.push(finished(n))
    taken = queue.take(4, wait=1)  # a writer took a batch and died before committing it
    assert len(taken) == 4 and queue.server.llen(queue.key) == 2
    assert drain(redis_url, tmp_path / "a.db") == {"new": 6}
    assert queue.pending() == 0


def test_an_article_the_archive_refuses_is_kept_aside_and_the_rest_is_written(redis_url, tmp_path):
    queue = ItemQueue(redis_url)
    queue.push(finished(1))
    queue.push(finished(2, authors=[{1, 2}]))  # a set cannot become JSON: this save raises
    queue.push(finished(3))
    assert drain(redis_url, tmp_path / "a.db") == {"new": 2}
    kept = [pickle.loads(data) for data in queue.server.lrange(queue.failed, 0, -1)]
    assert [item.url for item in kept] == ["https://x.example/a2"]
    assert queue.pending() == 0


def test_only_one_writer_drains_a_list(redis_url, tmp_path):
    queue = ItemQueue(redis_url)
    queue.server.set(f"{queue.key}:writer", f"{socket.gethostname()}:{os.getpid()}")  # this live process
    with pytest.raises(WriterError, match="another archive writer"):
        Writer(queue, Archive(tmp_path / "a.db")).claim()


def test_the_lock_of_a_writer_killed_on_this_machine_is_taken_over(redis_url, tmp_path):
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    queue = ItemQueue(redis_url)
    queue.server.set(f"{queue.key}:writer", f"{socket.gethostname()}:{dead.pid}")
    queue.push(finished(1))
    assert drain(redis_url, tmp_path / "a.db") == {"new": 1}


def test_a_shared_crawl_that_is_over_becomes_one_crawls_row_written_by_the_writer(redis_url, tmp_path):
    from archive import crawl_runs

    queue = ItemQueue(redis_url)
    crawl_runs.note_start(queue.server, "x")
    queue.server.set("folio:alive:x:w1", "1")  # a live worker: the crawl is not over yet
    queue.push(finished(1))
    queue.push(finished(2, complete=False))
    queue.push(finished(1))
    archive = Archive(tmp_path / "a.db")
    try:
        Writer(queue, archive, batch=4).write(queue.take(4, wait=1))
        assert crawl_runs.record_finished(queue.server, archive) == []
        crawl_runs.note_worker_end(queue.server, "x", {"folio/pages/fetched": 3, "log_count/ERROR": 1}, "finished")
        queue.server.delete("folio:alive:x:w1")
        [crawl_id] = crawl_runs.record_finished(queue.server, archive)
    finally:
        archive.close()
    assert rows(tmp_path / "a.db", "select site, outcome, trigger, articles_stored, articles_unchanged, "
                                   "articles_incomplete, pages_fetched, errors from crawls") == [
        {"site": "x", "outcome": "finished", "trigger": "redis", "articles_stored": 2, "articles_unchanged": 1,
         "articles_incomplete": 1, "pages_fetched": 3, "errors": 1}]
    assert not queue.server.exists(crawl_runs.run_key("x"))
