"""The only code that writes the archive: idempotent, each article whole or not at all."""
from __future__ import annotations

import json
import logging
import sqlite3
from pathlib import Path

from archive.bodies import Bodies
from archive.crawls import CrawlLog
from archive.opening import DEFAULT_DB, ArchiveError, open_archive, write_transaction
from archive.pages import PageWriter
from archive.rows import (INSERT_VERSION, KEEP_VERSION_TEXT, STORE_ERRORS, UPSERT_VISIT, VERSION_COLUMNS,
                          article_row, now, upsert_many_sql)
from crawler.identity import article_id, article_identity
from crawler.items import ArticleCapture

__all__ = ["DEFAULT_DB", "Archive", "ArchiveError", "article_id", "capture_record", "open_archive",
           "save_capture", "write_transaction"]

logger = logging.getLogger(__name__)


class Archive(CrawlLog, PageWriter):
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
        self.train_dictionaries([capture])
        with write_transaction(self.db):
            return self.write(capture, record)

    def save_many(self, items: list[tuple[ArticleCapture, dict | None]]) -> list[str]:
        """Store many articles in one transaction, each whole or not at all; their outcomes in order.

        An article that cannot be stored rolls back to its own savepoint, is logged and recorded as an
        "error" visit (so a resumed crawl fetches it again), and the others still commit.
        """
        outcomes = []
        self.train_dictionaries([capture for capture, _ in items])
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

    def train_dictionaries(self, captures: list[ArticleCapture] = ()) -> None:
        """Train the zstd dictionary of each site that has enough pages for one, and start the headers
        dictionary of each site in ``captures`` that has none, each in a transaction of its own.

        Committed before any capture is compressed with it, so no stored body ever names a missing dictionary.
        """
        firsts = {c.site: p.headers for c in captures for p in reversed(c.pages) if p.body}
        try:
            for site in self.bodies.sites_to_train():
                with write_transaction(self.db):
                    self.bodies.train(site)
            for site, headers in firsts.items():
                if self.bodies.needs_headers_dictionary(site):
                    with write_transaction(self.db):
                        self.bodies.start_headers_dictionary(site, headers)
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
            moved = [c for c in ("url", "canonical_url", "missing_pages", "rejected_pages")
                     if c in row and existing[c] != row[c]]
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

    def _visit(self, capture: ArticleCapture, outcome: str) -> None:
        self.conn.execute(UPSERT_VISIT, [capture.url, capture.site, now(), outcome])



def capture_record(item: ArticleCapture) -> dict | None:
    """The article record to store for a finished capture, or None when only its pages are kept."""
    record = item.article if item.article.get("title") or item.article.get("body_text") else None
    if item.extracted and record is None:
        logger.warning("%s: no title and no text found; pages kept, no article stored", item.url)
    return record if item.extracted else None


def save_capture(archive: Archive, item: ArticleCapture) -> str:
    """Store one finished article as the crawl does; the outcome ("new", "unchanged", "failed"…)."""
    return archive.save(item, capture_record(item))
