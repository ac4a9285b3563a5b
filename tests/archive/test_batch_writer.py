"""The writer thread: batched transactions from a bounded queue, every article stored once, failures contained."""
import threading

from archive.store import Archive
from archive.batch_writer import ArchiveWriter
from crawler.items import ArticleCapture, Page


def item(n: int, *, bad: bool = False):
    url = f"https://x.example/a{n}"
    page = Page(url=url, number=1, status=200, body=f"<html>{n}</html>".encode(),
                headers={"X-Bad": object()} if bad else {})
    record = {"site": "x", "url": url, "title": f"T{n}", "body_text": "Body.", "page_count": 1, "complete": True,
              "missing_pages": [], "content_hash": f"h{n}"}
    return ArticleCapture(site="x", url=url, pages=[page]), record


def test_articles_are_committed_in_batches_of_the_set_size(tmp_path):
    Archive(tmp_path / "a.db").close()
    batches: list[list[str]] = []
    writer = ArchiveWriter(tmp_path / "a.db", batch=10, batch_ms=60_000, on_saved=batches.append).start()
    for n in range(25):
        writer.put(*item(n))
    assert writer.close() == {"new": 25}
    assert [len(b) for b in batches] == [10, 10, 5]  # the last one at close, not after 60 s
    assert Archive(tmp_path / "a.db").db["articles"].count == 25


def test_a_lone_article_is_committed_when_its_time_is_up(tmp_path):
    Archive(tmp_path / "a.db").close()
    saved = threading.Event()
    writer = ArchiveWriter(tmp_path / "a.db", batch=50, batch_ms=20, on_saved=lambda _: saved.set()).start()
    writer.put(*item(1))
    assert saved.wait(timeout=120)  # a wait, not a timing: the batch is far from full
    assert Archive(tmp_path / "a.db").db["articles"].count == 1
    writer.close()


def test_the_queue_is_bounded_and_a_bad_article_does_not_stop_the_others(tmp_path):
    Archive(tmp_path / "a.db").close()
    writer = ArchiveWriter(tmp_path / "a.db", batch=4, queue_size=3)
    for n in range(3):  # not started: nothing takes from the queue
        writer.put(*item(n, bad=n == 1))
    assert writer.full()
    writer.start()
    writer.put(*item(3))  # waits for room, then goes in
    assert writer.close() == {"new": 3, "error": 1}
    archive = Archive(tmp_path / "a.db")
    assert [r["url"][-2:] for r in archive.db.query("select url from articles order by url")] == ["a0", "a2", "a3"]
    assert archive.db["visits"].get("https://x.example/a1")["outcome"] == "error"
