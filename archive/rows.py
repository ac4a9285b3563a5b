"""What the Store writes: row shapes of one fetch or article, and the prepared statements that write them.

Columns are known here, so the hot path never asks SQLite about a table (no per-call introspection).
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import datetime, timezone

from crawler.items import Page

# What storing one article can raise: an unstorable value (TypeError/ValueError from json or sqlite3) or
# a constraint refusal. Anything else (a full disk, an I/O error, a damaged file, a bug) stops the writer.
STORE_ERRORS = (sqlite3.IntegrityError, sqlite3.InterfaceError, sqlite3.DataError, sqlite3.ProgrammingError,
                TypeError, ValueError, OverflowError)

PAGE_COLUMNS = ("url", "article_id", "site", "number", "status", "final_url", "fetched_at", "content_type", "etag",
                "last_modified", "headers", "error", "body_sha256", "body_size", "capture_id")
CAPTURE_COLUMNS = ("url", "final_url", "fetched_at", "status", "headers", "body_sha256", "site", "dict_id", "body_zst")
VERSION_COLUMNS = ("title", "subtitle", "authors", "published", "body_text", "content_hash")

INSERT_VERSION = (f"insert into article_versions (article_id, version, captured_at, {', '.join(VERSION_COLUMNS)}) "
                  f"values ({', '.join('?' * (3 + len(VERSION_COLUMNS)))})")
# The version that was current keeps its own text once the article row moves on to a new one.
KEEP_VERSION_TEXT = "update article_versions set body_text = ? where article_id = ? and version = ? and body_text is null"
UPSERT_VISIT = ("insert into visits (url, site, checked_at, outcome) values (?, ?, ?, ?) on conflict(url) do update "
                "set site = excluded.site, checked_at = excluded.checked_at, outcome = excluded.outcome")


# `articles.body_text` is a generated column (derive_body_text): body_html with its block tags taken
# off and its escapes undone, which is the text for most articles. `stored_text` holds the text only
# when it is something else (inline links, an extractor's own spacing), x'' when the article has none.
BLOCK_TAGS = ("p", "h2", "h3", "h4", "li", "blockquote")
# Each block's tag becomes \x01 so one step turns every "\n<tag>" into a paragraph break. Few steps, as
# SQLite's parser takes about 27 nested calls at most; text holding \x01 itself is simply stored.
_TEXT_STEPS = (("<ul>\n", ""), ("\n</ul>", ""), *((f"</{tag}>", "") for tag in BLOCK_TAGS),
               *((f"<{tag}>", "\x01") for tag in BLOCK_TAGS), ("\n\x01", "\n\n"), ("\x01", ""),
               ("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&#x27;", "'"), ("&amp;", "&"))


def _sql_text(value: str) -> str:
    return "char(1)" if value == "\x01" else "'" + value.replace("'", "''").replace("\x01", "' || char(1) || '") + "'"


def _text_sql() -> str:
    expression = "body_html"
    for old, new in _TEXT_STEPS:
        expression = f"replace({expression}, {_sql_text(old)}, {_sql_text(new)})"
    return expression


BODY_TEXT_SQL = (f"case when stored_text is null then {_text_sql()} "
                 "when typeof(stored_text) = 'blob' then null else stored_text end")


def text_of_html(body_html: str) -> str:
    """What BODY_TEXT_SQL makes of ``body_html`` when no text is stored (the same replacements in order)."""
    for old, new in _TEXT_STEPS:
        body_html = body_html.replace(old, new)
    return body_html


def stored_text(body_html: str | None, body_text: str | None) -> str | bytes | None:
    """The `stored_text` value with which BODY_TEXT_SQL gives back ``body_text`` exactly."""
    if body_text is None:
        return None if body_html is None else b""
    if body_html is not None and text_of_html(body_html) == body_text:
        return None
    return body_text


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def insert_many_sql(table: str, columns: tuple[str, ...], count: int) -> str:
    """One INSERT of ``count`` rows: one statement whatever the number of pages."""
    values = ", ".join(["(" + ", ".join("?" * len(columns)) + ")"] * count)
    return f"insert into {table} ({', '.join(columns)}) values {values}"


def upsert_many_sql(table: str, columns: tuple[str, ...], pk: str, count: int = 1) -> str:
    """INSERT of ``count`` rows that updates every other column of a row whose ``pk`` is stored."""
    updates = ", ".join(f"{c} = excluded.{c}" for c in columns if c != pk)
    return f"{insert_many_sql(table, columns, count)} on conflict({pk}) do update set {updates}"


def article_row(columns: tuple[str, ...], key: str, record: dict) -> dict:
    """The `articles` row of a record: every column, lists as JSON text."""
    row = {column: record.get(column) for column in columns}
    row.update(
        id=key,
        authors=json.dumps(record.get("authors") or [], ensure_ascii=False),
        missing_pages=json.dumps(record.get("missing_pages") or [], ensure_ascii=False),
        sources=json.dumps(record.get("references") or [], ensure_ascii=False),
        complete=int(bool(record.get("complete"))),
    )
    if "rejected_pages" in row and record.get("rejected_pages") is not None:  # None: not recorded
        row["rejected_pages"] = json.dumps(record["rejected_pages"], ensure_ascii=False)
    if "stored_text" in row:  # else an archive from before derive_body_text, with a plain body_text column
        row["stored_text"] = stored_text(record.get("body_html"), record.get("body_text"))
    return row


def page_row(page: Page, key: str | None, site: str) -> dict:
    """The `pages` row of one fetch: validators and status; its body and headers are its capture's (see compact_pages)."""
    headers = {k.lower(): v for k, v in page.headers.items()}
    return {
        "url": page.url,
        "article_id": key,
        "site": site,
        "number": page.number,
        "status": page.status,
        "final_url": None if page.final_url == page.url else page.final_url,  # empty unless redirected
        "fetched_at": page.fetched_at,
        "content_type": headers.get("content-type"),
        "etag": headers.get("etag"),
        "last_modified": headers.get("last-modified"),
        "headers": None if page.body else json.dumps(headers, ensure_ascii=False),  # else the capture has them
        "error": page.error,
        "body_sha256": hashlib.sha256(page.body).digest() if page.body else None,  # 32 bytes
        "body_size": len(page.body),
    }


def capture_row(page: Page, row: dict, compressed: tuple[bytes, int | None], headers: str | bytes) -> list:
    """The `captures` values of a fetch whose body is new for its URL (see compact_captures): headers as
    archive.bodies packs them, the hash as 32 bytes, no final_url when it is the URL, the body as (frame, dict id)."""
    final_url = None if page.final_url == page.url else page.final_url
    return [page.url, final_url, page.fetched_at, page.status, headers, row["body_sha256"],
            row["site"], compressed[1], compressed[0]]
