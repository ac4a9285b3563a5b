"""The only code that writes the archive: idempotent, one transaction per article."""
from __future__ import annotations

import gzip
import hashlib
import json
import logging
import os
import sqlite3
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlsplit

from sqlite_utils import Database

from archive.schema import SchemaError, migrate
from crawler.identity import article_id, article_identity
from crawler.items import ArticleCapture, Page

logger = logging.getLogger(__name__)

DEFAULT_DB = Path(__file__).parent / "folio.db"


BUSY_TIMEOUT = 60.0


class ArchiveError(Exception):
    """The archive file cannot be opened or written; the message says why in one line."""


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@contextmanager
def write_transaction(db: Database):
    """One transaction that takes the write lock first (BEGIN IMMEDIATE).

    A deferred transaction that reads and then writes fails at once in WAL mode when another
    process committed in between; taking the lock up front makes the other writers wait instead.
    sqlite-utils' own writes inside it become savepoints.
    """
    if db.conn.in_transaction:  # inside a batch (archive/writer.py): the batch's transaction holds the lock
        yield db
        return
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        if db.conn.in_transaction:
            db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def open_archive(path: Path | str) -> Database:
    """Open (creating if needed) and migrate the archive at ``path``, or raise ArchiveError."""
    path = Path(path)
    if path.is_dir():
        raise ArchiveError(f"{path} is a folder; give a file path such as {path / 'folio.db'}")
    if not path.parent.exists():
        raise ArchiveError(f"cannot create the archive {path}: folder {path.parent} does not exist")
    try:
        # Several processes may write one archive (scheduled crawls of different sites): a writer
        # waits up to BUSY_TIMEOUT seconds for another's transaction instead of failing at once.
        db = Database(sqlite3.connect(path, timeout=BUSY_TIMEOUT))
        db.execute("PRAGMA synchronous=NORMAL")  # safe in WAL mode, and far fewer fsyncs
        migrate(db)
    except SchemaError as exc:
        db.close()
        raise ArchiveError(f"cannot use {path}: {exc}") from None
    except sqlite3.DatabaseError as exc:
        raise ArchiveError(f"cannot use {path} as an archive: {exc}") from None
    except OSError as exc:
        raise ArchiveError(f"cannot write the archive {path}: {exc.strerror or exc}") from None
    return db


class Archive:
    """Writes articles, their pages and crawl runs."""

    def __init__(self, path: Path | str):
        self.path = Path(path)
        self.db = open_archive(self.path)
        self.article_columns = tuple(self.db["articles"].columns_dict)  # read once, not per article

    def close(self) -> None:
        self.db.close()

    def save(self, capture: ArticleCapture, record: dict | None) -> str:
        """Store an article and its pages; returns "new", "changed", "unchanged", "kept" or "failed".

        "kept": the stored article is complete and this fetch is not, so the stored content stays.
        """
        with write_transaction(self.db):
            key = self.article_key(capture, record) if record else None
            outcome = self.save_article(key, record) if record else "failed"
            self._save_pages(key, capture)
            if outcome in ("new", "changed", "unchanged"):
                self._drop_superseded_pages(key, capture)
            if outcome == "failed":
                self._drop_superseded_failures(capture)
            if outcome in ("new", "changed"):
                self._detach_dropped_pages(key, capture)
            self.db["visits"].upsert({"url": capture.url, "site": capture.site, "checked_at": now(),
                                      "outcome": outcome}, pk="url")
        return outcome

    def article_key(self, capture: ArticleCapture, record: dict) -> str:
        """The id of the article ``capture`` holds: from its normalized URL and canonical link (crawler.identity).

        A row already stored from this exact URL keeps its id even if the page's canonical link changed
        since, so no crawl ever adds a second row for a stored article (nor clashes with its unique url).
        """
        stored = next(self.db.query("select id from articles where url = ?", [capture.url]), None)
        return stored["id"] if stored else article_id(capture.site, capture.url, record.get("canonical_url"))

    def save_article(self, key: str, record: dict) -> str:
        """Write the article row (and a new version) unless its content is unchanged; no commit."""
        row = {column: record.get(column) for column in self.article_columns}
        row.update(
            id=key,
            authors=json.dumps(record.get("authors") or [], ensure_ascii=False),
            missing_pages=json.dumps(record.get("missing_pages") or [], ensure_ascii=False),
            sources=json.dumps(record.get("references") or [], ensure_ascii=False),
            complete=int(bool(record.get("complete"))),
        )
        existing = next(self.db.query("select * from articles where id = ?", [key]), None)
        if existing and self._same_content(existing, row):
            moved = {c: row[c] for c in ("url", "canonical_url", "missing_pages") if existing[c] != row[c]}
            if moved:  # the same article reached at another form of its URLs: the row names where it is now
                self.db["articles"].update(key, moved)
            return "unchanged"
        if existing and existing["complete"] and not row["complete"]:
            logger.warning("%s: incomplete this time (%s); the complete stored version is kept",
                           record.get("url"), ", ".join(record.get("missing_pages") or []))
            return "kept"
        row["first_seen"] = existing["first_seen"] if existing else now()
        row["updated"] = now()
        versions = (existing["version_count"] or 0) if existing else 0
        if not existing or existing["content_hash"] != row["content_hash"]:
            versions += 1
            self.db["article_versions"].insert({
                "article_id": key, "version": versions, "captured_at": row["updated"],
                **{c: row[c] for c in ("title", "subtitle", "authors", "published", "body_text", "content_hash")},
            })
        row["version_count"] = versions
        self.db["articles"].upsert(row, pk="id")
        return "changed" if existing else "new"

    @staticmethod
    def _same_content(existing: dict, row: dict) -> bool:
        """Same text, pages and completeness; missing pages compared by identity (the sample site's port varies)."""
        def missing(value: str | None) -> list[str]:
            return [article_identity(row["site"], url) for url in json.loads(value or "[]")]
        return (all(existing[c] == row[c] for c in ("content_hash", "complete", "page_count"))
                and missing(existing["missing_pages"]) == missing(row["missing_pages"]))

    def _save_pages(self, key: str | None, capture: ArticleCapture) -> None:
        urls = [p.url for p in capture.pages]
        known = {
            r["url"]: r
            for r in self.db.query(
                f"select url, body_sha256, status, error, capture_id from pages where url in ({','.join('?' * len(urls))})",
                urls,
            )
        }
        rows, new_bodies = [], []
        for page in capture.pages:
            row = page_row(page, key, capture.site)
            old = known.get(page.url)
            if old and (old["body_sha256"], old["status"], old["error"]) == (row["body_sha256"], row["status"], row["error"]):
                continue
            if old and old["capture_id"] and not page.ok:
                continue  # a failed re-fetch never replaces a page that was kept
            rows.append(row)
            if page.body:
                new_bodies.append((page, row["body_sha256"]))
        if not rows:
            return
        captures = self._captures(new_bodies)
        for row in rows:
            row["capture_id"] = captures.get((row["url"], row["body_sha256"]))
        self.db["pages"].upsert_all(rows, pk="url")

    def _captures(self, bodies: list[tuple[Page, str]]) -> dict[tuple[str, str], int]:
        """Capture ids for (url, sha256) pairs, appending a capture where a URL's latest body differs."""
        found: dict[tuple[str, str], int] = {}
        new = []
        for page, sha256 in bodies:
            latest = next(self.db.query("select id, body_sha256 from captures where url = ? order by id desc limit 1",
                                        [page.url]), None)
            if latest and latest["body_sha256"] == sha256:
                found[(page.url, sha256)] = latest["id"]
            else:
                new.append({"url": page.url, "final_url": page.final_url, "fetched_at": page.fetched_at,
                            "status": page.status, "headers": json.dumps(page.headers, ensure_ascii=False),
                            "body_sha256": sha256, "body_gz": gzip.compress(page.body, compresslevel=6, mtime=0)})
        if new:
            self.db["captures"].insert_all(new)
            for row in self.db.query(
                f"select max(id) as id, url, body_sha256 from captures where url in ({','.join('?' * len(new))}) "
                "group by url", [r["url"] for r in new],
            ):
                found[(row["url"], row["body_sha256"])] = row["id"]
        return found

    def _drop_superseded_pages(self, key: str, capture: ArticleCapture) -> None:
        """Forget this article's `pages` rows whose page number was fetched now from another URL.

        e.g. the sample site on another port, http before https, or the article reached from its AMP
        page: `pages` is the latest state of each of the article's pages; older bodies stay in captures.
        """
        current = {p.number: p.url for p in capture.pages if p.number}
        stale = [r["url"] for r in self.db.query("select url, number from pages where article_id = ?", [key])
                 if r["number"] in current and r["url"] != current[r["number"]]]
        if stale:
            self.db.execute(f"delete from pages where url in ({','.join('?' * len(stale))})", stale)

    def _drop_superseded_failures(self, capture: ArticleCapture) -> None:
        """Forget earlier failed fetches of this capture's pages under another form of their URL."""
        for page in capture.pages:
            identity = article_identity(capture.site, page.url)
            path = urlsplit(page.url).path  # narrows the candidates; the identity decides
            pattern = "%" + path.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            stale = [r["url"] for r in self.db.query(
                "select url from pages where article_id is null and site = ? and url != ? and url like ? escape '\\'",
                [capture.site, page.url, pattern]) if article_identity(capture.site, r["url"]) == identity]
            if stale:
                self.db.execute(f"delete from pages where url in ({','.join('?' * len(stale))})", stale)

    def _detach_dropped_pages(self, key: str, capture: ArticleCapture) -> None:
        """Pages the article no longer has stop pointing at it; their bodies stay in captures."""
        current = [p.url for p in capture.pages]
        self.db.execute(
            f"update pages set article_id = null, number = null, error = 'no longer part of the article' "
            f"where article_id = ? and url not in ({','.join('?' * len(current))})",
            [key, *current],
        )

    def start_crawl(self, site: str, **details) -> int:
        """Insert a running `crawls` row; ``details``: trigger, log_file, dispatched_to."""
        with write_transaction(self.db):
            return self.db["crawls"].insert({"site": site, "started": now(), "outcome": "running", **details}).last_pk

    def skip_crawl(self, site: str, reason: str, **details) -> int:
        """Record a run that was due but not started (``reason`` becomes its outcome)."""
        with write_transaction(self.db):
            stamp = now()
            return self.db["crawls"].insert({"site": site, "started": stamp, "finished": stamp, "outcome": reason,
                                             **details}).last_pk

    def update_crawl(self, crawl_id: int, **columns) -> None:
        """Set columns of a `crawls` row, e.g. where its log is or where it was dispatched."""
        with write_transaction(self.db):
            self.db["crawls"].update(crawl_id, columns)

    def end_crawl_process(self, crawl_id: int, exit_code: int | None, *, crash: str) -> dict:
        """Record how a run's process ended; a row still "running" (it crashed) gets ``crash`` as outcome."""
        with write_transaction(self.db):
            self.db.execute(
                "update crawls set exit_code = ?, finished = coalesce(finished, ?),"
                " outcome = case when outcome = 'running' then ? else outcome end where id = ?",
                [exit_code, now(), crash, crawl_id],
            )
        return self.db["crawls"].get(crawl_id)

    def close_stale_crawls(self) -> list[int]:
        """Close the "running" rows of crawl processes that are gone (killed or crashed); their ids."""
        # Runs dispatched to scrapyd may live on another machine; the scheduler closes those itself.
        rows = self.db.execute("select id, pid from crawls where outcome = 'running' and pid is not null"
                               " and dispatched_to is null").fetchall()
        stale = [crawl_id for crawl_id, pid in rows if not process_alive(pid)]
        if stale:
            with write_transaction(self.db):
                self.db.execute(
                    f"update crawls set outcome = 'crashed', finished = ? where id in ({','.join('?' * len(stale))})"
                    " and outcome = 'running'", [now(), *stale])
            logger.warning("crawl run(s) %s ended without recording an outcome (killed or crashed); "
                           "closed as 'crashed'", ", ".join(map(str, stale)))
        return stale

    def finish_crawl(self, crawl_id: int, *, outcome: str, counts: dict, stats: dict) -> None:
        row = {"finished": now(), "outcome": outcome, **counts, "stats": json.dumps(stats, default=str, sort_keys=True)}
        with write_transaction(self.db):
            self.db["crawls"].update(crawl_id, row)


def process_alive(pid: int) -> bool:
    """Whether process ``pid`` still runs on this machine (a zombie awaiting its parent does not)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process: alive
        return True
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):  # no /proc (not Linux): trust the signal check
        return True


def page_row(page: Page, key: str | None, site: str) -> dict:
    """The `pages` row of one fetch: validators, status, and the raw body gzip-compressed."""
    headers = {k.lower(): v for k, v in page.headers.items()}
    return {
        "url": page.url,
        "article_id": key,
        "site": site,
        "number": page.number,
        "status": page.status,
        "final_url": page.final_url,
        "fetched_at": page.fetched_at,
        "content_type": headers.get("content-type"),
        "etag": headers.get("etag"),
        "last_modified": headers.get("last-modified"),
        "headers": json.dumps(headers, ensure_ascii=False),
        "error": page.error,
        "body_sha256": hashlib.sha256(page.body).hexdigest() if page.body else None,
        "body_size": len(page.body),
        "html_gz": gzip.compress(page.body, compresslevel=6, mtime=0) if page.body else None,
    }


def save_capture(archive: Archive, item: ArticleCapture) -> str:
    """Store one finished article as the crawl does; the outcome ("new", "unchanged", "failed"…)."""
    record = item.article if item.article.get("title") or item.article.get("body_text") else None
    if item.extracted and record is None:
        logger.warning("%s: no title and no text found; pages kept, no article stored", item.url)
    return archive.save(item, record if item.extracted else None)


class Store:
    """Scrapy pipeline: write each article to the archive named by the ARCHIVE_DB setting."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.archive: Archive | None = None
        self.crawl_id: int | None = None
        self.queue = None  # set in a crawl worker: articles go to Redis for the writer
        self.failed: str | None = None  # why the archive cannot be written, once a write failed

    @classmethod
    def from_crawler(cls, crawler):
        from scrapy import signals

        store = cls(crawler)
        crawler.signals.connect(store.spider_closed, signal=signals.spider_closed)
        return store

    def open_spider(self):
        if self.crawler.settings.get("FOLIO_REDIS_URL"):
            from archive.writer import ItemQueue

            # A crawl worker: `folio archive-writer` is the only process writing the archive.
            self.queue = ItemQueue(self.crawler.settings["FOLIO_REDIS_URL"], self.crawler.settings["FOLIO_REDIS_ITEMS"])
            return
        self.archive = Archive(self.crawler.settings.get("ARCHIVE_DB") or DEFAULT_DB)
        try:
            self.archive.close_stale_crawls()
            # `folio schedule` makes the row before it starts the process, and names it in FOLIO_CRAWL_ID.
            self.crawl_id = self.crawler.settings.getint("FOLIO_CRAWL_ID")
            if self.crawl_id:
                self.archive.update_crawl(self.crawl_id, pid=os.getpid())
            else:
                self.crawl_id = self.archive.start_crawl(self.crawler.spider.profile.slug, pid=os.getpid())
        except sqlite3.DatabaseError as exc:
            self._stop(exc)

    def process_item(self, item: ArticleCapture) -> ArticleCapture:
        if self.failed:  # counted, not logged one by one: the error line already said why
            self.crawler.stats.inc_value("folio/articles/not_stored")
            return item
        stats = self.crawler.stats
        if self.queue:
            self.queue.push(item)
            stats.inc_value("folio/articles/queued")
            return item
        try:
            outcome = save_capture(self.archive, item)
        except sqlite3.DatabaseError as exc:  # disk full, I/O error, a damaged file: nothing more can be kept
            self._stop(exc)
            stats.inc_value("folio/articles/not_stored")
            return item
        stats.inc_value(f"folio/articles/{outcome}")
        article = item.article
        if (article.get("title") or article.get("body_text")) and not article.get("complete"):
            stats.inc_value("folio/articles/incomplete")
        return item

    def _stop(self, exc: sqlite3.DatabaseError) -> None:
        """Stop the crawl at the first failed write: fetching on would only lose more pages."""
        from scrapy.utils.defer import deferred_from_coro

        self.failed = str(exc)
        logger.error("cannot write the archive %s: %s; the crawl stops, the articles written so far are kept",
                     self.archive.path, exc)
        deferred_from_coro(self.crawler.engine.close_spider_async(reason=f"archive not writable: {exc}"))

    def spider_closed(self, spider, reason):
        if self.queue:
            return  # a worker's run is one of many: the archive has no row for it
        stats = self.crawler.stats
        counts = {
            "articles_stored": stats.get_value("folio/articles/new", 0) + stats.get_value("folio/articles/changed", 0),
            "articles_unchanged": stats.get_value("folio/articles/unchanged", 0),
            "articles_incomplete": stats.get_value("folio/articles/incomplete", 0),
            "pages_fetched": stats.get_value("folio/pages/fetched", 0),
            "errors": stats.get_value("folio/pages/failed", 0) + stats.get_value("log_count/ERROR", 0),
        }
        if self.failed:
            logger.warning("%d fetched article(s) were not stored: the archive could not be written (%s)",
                           stats.get_value("folio/articles/not_stored", 0), self.failed)
        try:
            if self.crawl_id:
                self.archive.finish_crawl(self.crawl_id, outcome=reason, counts=counts, stats=stats.get_stats())
        except sqlite3.DatabaseError as exc:  # the disk is still full: the next run closes the row as crashed
            logger.warning("the crawl's outcome could not be recorded in the archive: %s", exc)
        self.archive.close()
