"""The archive's first migrations: its tables, search, history and visits (archive/schema.py applies them)."""
from __future__ import annotations

from sqlite_utils import Database, Migrations

migrations = Migrations("folio")

ARTICLE_COLUMNS = {
    "id": str,  # stable: a hash of the article's identity (crawler.identity), so a re-crawl or rebuild finds its row
    "site": str,
    "url": str,
    "canonical_url": str,
    "title": str,
    "subtitle": str,
    "authors": str,  # JSON list of names
    "reviewer": str,
    "published": str,  # ISO 8601: a date, or a timezone-aware date-time
    "published_raw": str,
    "section": str,
    "language": str,
    "body_text": str,  # paragraphs separated by a blank line; generated from body_html since derive_body_text
    "body_html": str,  # the same paragraphs as minimal HTML (<p>, <h2>, <ul>), sanitized on output too
    "word_count": int,
    "page_count": int,
    "complete": int,
    "missing_pages": str,  # JSON list of page URLs that could not be fetched
    "content_hash": str,
    "first_seen": str,
    "updated": str,  # when the stored content last changed
}


@migrations()
def create_articles(db: Database) -> None:
    db["articles"].create(ARTICLE_COLUMNS, pk="id", not_null={"site", "url"})
    db["articles"].create_index(["url"], unique=True)
    db["articles"].create_index(["site", "published"])


@migrations()
def create_pages(db: Database) -> None:
    db["pages"].create(
        {
            "url": str,
            "article_id": str,
            "site": str,
            "number": int,
            "status": int,
            "final_url": str,
            "fetched_at": str,
            "content_type": str,
            "etag": str,
            "last_modified": str,
            "headers": str,  # JSON object of the response headers
            "error": str,
            "body_sha256": str,
            "body_size": int,
            "html_gz": bytes,  # the raw body exactly as received, gzip-compressed
        },
        pk="url",
        foreign_keys=[("article_id", "articles", "id")],
    )
    db["pages"].create_index(["article_id", "number"])


@migrations()
def create_crawls(db: Database) -> None:
    db["crawls"].create(
        {
            "id": int,
            "site": str,
            "started": str,
            "finished": str,
            "outcome": str,  # finished, interrupted, failed, …: Scrapy's finish reason
            "articles_stored": int,
            "articles_unchanged": int,
            "articles_incomplete": int,
            "pages_fetched": int,
            "errors": int,
            "stats": str,  # JSON of Scrapy's crawl stats
        },
        pk="id",
    )


@migrations()
def enable_search(db: Database) -> None:
    db["articles"].enable_fts(
        ["title", "subtitle", "authors", "body_text"], create_triggers=True, tokenize="porter"
    )


@migrations()
def add_article_details(db: Database) -> None:
    # Modified and review dates (ISO value + raw string, as for `published`), the description, the
    # article's sources list kept out of the body (JSON list), and its single-page / print view.
    for column in ("modified", "modified_raw", "reviewed", "reviewed_raw", "description", "sources", "single_page_url"):
        db["articles"].add_column(column, str)


@migrations()
def keep_history(db: Database) -> None:
    # Every distinct body a URL ever returned, exactly as received: the source of truth that
    # `folio rebuild` and `folio export-warc` read. `pages` stays the latest state of each URL.
    db["captures"].create(
        {
            "id": int,
            "url": str,
            "final_url": str,
            "fetched_at": str,
            "status": int,
            "headers": str,  # JSON object of every response header as received
            "body_sha256": str,
            "body_gz": bytes,
        },
        pk="id",
    )
    db["captures"].create_index(["url", "fetched_at"])
    db["captures"].create_index(["body_sha256"])
    db["pages"].add_column("capture_id", int, fk="captures", fk_col="id")
    # One row per distinct content of an article; the highest number is the current one.
    db["article_versions"].create(
        {
            "article_id": str,
            "version": int,
            "captured_at": str,
            "title": str,
            "subtitle": str,
            "authors": str,
            "published": str,
            "body_text": str,
            "content_hash": str,
        },
        pk=("article_id", "version"),
        foreign_keys=[("article_id", "articles", "id")],
    )
    db["articles"].add_column("version_count", int)
    db.execute("update articles set version_count = 0 where version_count is null")
    # Who started a run, where its log is, and what the process exited with.
    for column, kind in (("trigger", str), ("log_file", str), ("exit_code", int), ("dispatched_to", str)):
        db["crawls"].add_column(column, kind)


@migrations()
def track_visits(db: Database) -> None:
    # When each article was last looked at and with what outcome: the revisit policy reads it.
    # Bookkeeping only; articles, pages and captures stay untouched by an unchanged recrawl.
    db["visits"].create({"url": str, "site": str, "checked_at": str, "outcome": str}, pk="url")


@migrations()
def merge_duplicate_articles(db: Database) -> None:
    # Ids were a hash of the exact URL, so one article reached at two URLs (another port of the sample
    # site, http and https, utm_* parameters, ...) had two rows. Re-key every row by its identity
    # (crawler.identity) and merge rows that share one: the most recently updated row's content stays,
    # every distinct version of all of them is kept in capture order, captures are untouched.
    from archive.merging import merge_pages, merge_versions
    from crawler.identity import article_id

    groups: dict[str, list[dict]] = {}
    for row in db.query("select id, site, url, canonical_url, first_seen, updated from articles"):
        groups.setdefault(article_id(row["site"], row["url"], row["canonical_url"]), []).append(row)
    for new_id, rows in groups.items():
        rows.sort(key=lambda r: (r["updated"] or "", r["first_seen"] or ""))
        survivor, others = rows[-1], [r["id"] for r in rows[:-1]]
        if not others and survivor["id"] == new_id:
            continue
        merge_versions(db, new_id, [r["id"] for r in rows])
        merge_pages(db, new_id, survivor["id"], others)
        if others:
            db.execute(f"delete from articles where id in ({','.join('?' * len(others))})", others)
        db.execute("update articles set id = ?, first_seen = ?, version_count = "
                   "(select count(*) from article_versions where article_id = ?) where id = ?",
                   [new_id, min(r["first_seen"] or "" for r in rows) or None, new_id, survivor["id"]])
    db["articles"].rebuild_fts()


@migrations()
def record_crawl_process(db: Database) -> None:
    # The pid of the process filling a "running" row: a later run closes the row of a process that is gone.
    db["crawls"].add_column("pid", int)


@migrations()
def record_rejected_pages(db: Database) -> None:
    # The links a crawl fetched as candidate pages (or sibling pages) and rejected, with why: JSON list of
    # {url, reason}. `folio rebuild` reads them to settle completeness as the crawl did; NULL: not recorded
    # (stored before this column, or imported), and the crawl's own verdict stands.
    db["articles"].add_column("rejected_pages", str)
