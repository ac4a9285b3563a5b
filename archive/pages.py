"""Writing one fetch's pages: a `pages` row per URL (its latest state) and a capture per new body."""
from __future__ import annotations

import sqlite3
from urllib.parse import urlsplit

from archive.bodies import Bodies
from archive.rows import CAPTURE_COLUMNS, PAGE_COLUMNS, capture_row, insert_many_sql, page_row, upsert_many_sql
from crawler.identity import article_identity
from crawler.items import ArticleCapture


class PageWriter:
    """Writes pages and captures inside the caller's transaction; mixed into Archive (``conn``, ``bodies``)."""

    conn: sqlite3.Connection
    bodies: Bodies

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
                    new_captures.append(capture_row(page, row, self.bodies.compress(capture.site, page.body),
                                                    self.bodies.pack_headers(capture.site, page.headers)))
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

    def _rows(self, sql: str, params: list) -> list[dict]:
        cursor = self.conn.execute(sql, params)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]

