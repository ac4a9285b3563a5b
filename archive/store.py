"""The only code that writes the archive: idempotent, each article whole or not at all."""
from __future__ import annotations

import json
import logging
import os
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

from sqlite_utils import Database

from archive.bodies import Bodies
from archive.rows import (CAPTURE_COLUMNS, INSERT_VERSION, KEEP_VERSION_TEXT, PAGE_COLUMNS, STORE_ERRORS,
                          UPSERT_VISIT, VERSION_COLUMNS, article_row, capture_row, insert_many_sql, now, page_row,
                          upsert_many_sql)
from archive.schema import SchemaError, migrate
from crawler.identity import article_id, article_identity
from crawler.items import ArticleCapture

logger = logging.getLogger(__name__)

DEFAULT_DB = Path(__file__).parent / "folio.db"


BUSY_TIMEOUT = 60.0


class ArchiveError(Exception):
    """The archive file cannot be opened or written; the message says why in one line."""


@contextmanager
def write_transaction(db: Database):
    """One transaction that takes the write lock first (BEGIN IMMEDIATE).

    A deferred transaction that reads and then writes fails at once in WAL mode when another
    process committed in between; taking the lock up front makes the other writers wait instead.
    sqlite-utils' own writes inside it become savepoints.
    """
    if db.conn.in_transaction:  # inside a batch (archive/batch_writer.py): the batch's transaction holds the lock
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
        self.conn = self.db.conn
        # Read once: the hot path writes with prepared statements over known columns, no per-call lookups.
        self.article_columns = tuple(self.db["articles"].columns_dict)
        self._upsert_article = upsert_many_sql("articles", self.article_columns, "id")
        self.bodies = Bodies(self.conn)

    def close(self) -> None:
        self.db.close()

    def save(self, capture: ArticleCapture, record: dict | None) -> str:
        """Store an article and its pages in one transaction; "new", "changed", "unchanged", "kept" or "failed".

        "kept": the stored article is complete and this fetch is not, so the stored content stays.
        """
        self.train_dictionaries()
        with write_transaction(self.db):
            return self.write(capture, record)

    def save_many(self, items: list[tuple[ArticleCapture, dict | None]]) -> list[str]:
        """Store many articles in one transaction, each whole or not at all; their outcomes in order.

        An article that cannot be stored rolls back to its own savepoint, is logged and recorded as an
        "error" visit (so a resumed crawl fetches it again), and the others still commit.
        """
        outcomes = []
        self.train_dictionaries()
        with write_transaction(self.db):
            for capture, record in items:
                self.conn.execute("SAVEPOINT article")
                try:
                    outcomes.append(self.write(capture, record))
                except STORE_ERRORS as exc:
                    self.conn.execute("ROLLBACK TO article")
                    logger.error("%s: not stored (%s: %s)", capture.url, type(exc).__name__, exc)
                    self._visit(capture, "error")
                    outcomes.append("error")
                self.conn.execute("RELEASE article")
        return outcomes

    def train_dictionaries(self) -> None:
        """Train the zstd dictionary of each site that has enough pages for one, in a transaction of its own.

        Committed before any capture is compressed with it, so no stored body ever names a missing dictionary.
        """
        for site in self.bodies.sites_to_train():
            try:
                with write_transaction(self.db):
                    self.bodies.train(site)
            except sqlite3.Error:
                self.bodies.forget()  # the cache may name a dictionary that was rolled back
                raise

    def write(self, capture: ArticleCapture, record: dict | None) -> str:
        """Write one article inside the caller's transaction (no commit); its outcome as for save()."""
        key, outcome = None, "failed"
        if record:
            key, existing = self._find_article(capture, record)
            outcome = self.save_article(key, record, existing)
        stored, latest = self._stored_pages(key, capture)
        self._save_pages(key, capture, stored, latest)
        if outcome in ("new", "changed", "unchanged"):
            self._forget_old_pages(key, capture, stored, detach=outcome != "unchanged")
        if outcome == "failed":
            self._drop_superseded_failures(capture)
        self._visit(capture, outcome)
        return outcome

    def _find_article(self, capture: ArticleCapture, record: dict) -> tuple[str, dict | None]:
        """The id of the article ``capture`` holds, and its stored row if any.

        The id comes from the normalized URL and canonical link (crawler.identity); a row already stored
        from this exact URL keeps its id even if the page's canonical link changed since, so no crawl
        ever adds a second row for a stored article (nor clashes with its unique url).
        """
        key = article_id(capture.site, capture.url, record.get("canonical_url"))
        rows = self._rows("select * from articles where id = ? or url = ?", [key, capture.url])
        existing = next((r for r in rows if r["url"] == capture.url), None) or next(iter(rows), None)
        return (existing["id"] if existing else key), existing

    def article_key(self, capture: ArticleCapture, record: dict) -> str:
        """The id of the article ``capture`` holds (see _find_article)."""
        return self._find_article(capture, record)[0]

    def save_article(self, key: str, record: dict, existing: dict | None = ...) -> str:
        """Write the article row (and a new version) unless its content is unchanged; no commit."""
        row = article_row(self.article_columns, key, record)
        if existing is ...:
            existing = next(iter(self._rows("select * from articles where id = ?", [key])), None)
        if existing and self._same_content(existing, row):
            moved = [c for c in ("url", "canonical_url", "missing_pages") if existing[c] != row[c]]
            if moved:  # the same article reached at another form of its URLs: the row names where it is now
                self.conn.execute(f"update articles set {', '.join(c + ' = ?' for c in moved)} where id = ?",
                                  [*(row[c] for c in moved), key])
            return "unchanged"
        if existing and existing["complete"] and not row["complete"]:
            logger.warning("%s: incomplete this time (%s); the complete stored version is kept",
                           record.get("url"), ", ".join(record.get("missing_pages") or []))
            return "kept"
        row["first_seen"] = existing["first_seen"] if existing else now()
        row["updated"] = now()
        versions = (existing["version_count"] or 0) if existing else 0
        if not existing or existing["content_hash"] != row["content_hash"]:
            if versions:
                self.conn.execute(KEEP_VERSION_TEXT, [existing["body_text"], key, versions])
            versions += 1
            # the current version's text is the article row's: stored once, empty here (a pointer)
            self.conn.execute(INSERT_VERSION, [key, versions, row["updated"],
                                               *(None if c == "body_text" else row[c] for c in VERSION_COLUMNS)])
        row["version_count"] = versions
        self.conn.execute(self._upsert_article, [row[c] for c in self.article_columns])
        return "changed" if existing else "new"

    @staticmethod
    def _same_content(existing: dict, row: dict) -> bool:
        """Same text, pages and completeness; missing pages compared by identity (the sample site's port varies)."""
        def missing(value: str | None) -> list[str]:
            return [article_identity(row["site"], url) for url in json.loads(value or "[]")]
        return (all(existing[c] == row[c] for c in ("content_hash", "complete", "page_count"))
                and missing(existing["missing_pages"]) == missing(row["missing_pages"]))

    def _stored_pages(self, key: str | None, capture: ArticleCapture) -> tuple[dict[str, dict], dict[str, tuple]]:
        """In one query: stored `pages` rows of this capture's URLs or of its article, and each URL's latest capture."""
        urls = [p.url for p in capture.pages]
        marks = ",".join("?" * len(urls))
        rows = self._rows(
            f"select 'page' as kind, url, number, article_id, body_sha256, status, error, capture_id from pages "
            f"where url in ({marks}) or article_id = ? union all "
            f"select 'capture', url, null, null, body_sha256, null, null, max(id) from captures "
            f"where url in ({marks}) group by url", [*urls, key, *urls])
        stored = {r["url"]: r for r in rows if r["kind"] == "page"}
        latest = {r["url"]: (r["capture_id"], r["body_sha256"]) for r in rows if r["kind"] == "capture"}
        return stored, latest

    def _save_pages(self, key: str | None, capture: ArticleCapture, stored: dict, latest: dict) -> None:
        """Upsert the pages whose fetch differs from the stored one; a body new for its URL becomes a capture."""
        rows, new_captures = [], []
        for page in capture.pages:
            row = page_row(page, key, capture.site)
            old = stored.get(page.url)
            # A page another article holds (a false merge in an earlier crawl) moves to the one that now has it.
            if old and (old["body_sha256"], old["status"], old["error"], old["article_id"], old["number"]) == \
                    (row["body_sha256"], row["status"], row["error"], row["article_id"], row["number"]):
                continue
            if old and old["capture_id"] and not page.ok:
                continue  # a failed re-fetch never replaces a page that was kept
            rows.append(row)
            if page.body:
                known = latest.get(page.url)
                if known and known[1] == row["body_sha256"]:
                    row["capture_id"] = known[0]
                else:
                    new_captures.append(capture_row(page, row, self.bodies.compress(capture.site, page.body)))
        if new_captures:
            ids = dict(self.conn.execute(insert_many_sql("captures", CAPTURE_COLUMNS, len(new_captures))
                                         + " returning url, id", [v for r in new_captures for v in r]).fetchall())
            for row in rows:
                row.setdefault("capture_id", ids.get(row["url"]))
        if rows:
            self.conn.execute(upsert_many_sql("pages", PAGE_COLUMNS, "url", len(rows)),
                              [row.get(c) for row in rows for c in PAGE_COLUMNS])

    def _forget_old_pages(self, key: str, capture: ArticleCapture, stored: dict, *, detach: bool) -> None:
        """This article's stored pages that this fetch does not have: superseded ones go, the rest detach.

        A page whose number was fetched now from another URL (the sample site on another port, http before
        https, the article reached from its AMP page) is superseded: `pages` is the latest state of each
        of the article's pages. A page the article no longer has stops pointing at it. Bodies stay in captures.
        """
        current = {p.number: p.url for p in capture.pages if p.number}
        urls = {p.url for p in capture.pages}
        gone = [r for r in stored.values() if r["article_id"] == key and r["url"] not in urls]
        stale = [r["url"] for r in gone if r["number"] in current]
        if stale:
            self.conn.execute(f"delete from pages where url in ({','.join('?' * len(stale))})", stale)
        dropped = [r["url"] for r in gone if r["number"] not in current]
        if detach and dropped:
            self.conn.execute(f"update pages set article_id = null, number = null, error = 'no longer part of the "
                              f"article' where url in ({','.join('?' * len(dropped))})", dropped)

    def _drop_superseded_failures(self, capture: ArticleCapture) -> None:
        """Forget earlier failed fetches of this capture's pages under another form of their URL."""
        for page in capture.pages:
            identity = article_identity(capture.site, page.url)
            path = urlsplit(page.url).path  # narrows the candidates; the identity decides
            pattern = "%" + path.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            stale = [url for (url,) in self.conn.execute(
                "select url from pages where article_id is null and site = ? and url != ? and url like ? escape '\\'",
                [capture.site, page.url, pattern]) if article_identity(capture.site, url) == identity]
            if stale:
                self.conn.execute(f"delete from pages where url in ({','.join('?' * len(stale))})", stale)

    def _visit(self, capture: ArticleCapture, outcome: str) -> None:
        self.conn.execute(UPSERT_VISIT, [capture.url, capture.site, now(), outcome])

    def _rows(self, sql: str, params: list) -> list[dict]:
        cursor = self.conn.execute(sql, params)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]

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


def capture_record(item: ArticleCapture) -> dict | None:
    """The article record to store for a finished capture, or None when only its pages are kept."""
    record = item.article if item.article.get("title") or item.article.get("body_text") else None
    if item.extracted and record is None:
        logger.warning("%s: no title and no text found; pages kept, no article stored", item.url)
    return record if item.extracted else None


def save_capture(archive: Archive, item: ArticleCapture) -> str:
    """Store one finished article as the crawl does; the outcome ("new", "unchanged", "failed"…)."""
    return archive.save(item, capture_record(item))
