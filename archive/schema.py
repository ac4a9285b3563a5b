"""The archive's schema as ordered sqlite-utils migrations; `migrate()` brings any file up to date."""
from __future__ import annotations

import gzip
import logging
import sqlite3

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


class SchemaError(Exception):
    """The file is not an archive this Folio may change; the message says why in one line."""


def known_migrations() -> list[str]:
    """The names of this Folio's migrations, in order (``pending`` on an empty database only reads)."""
    return [m.name for m in migrations.pending(Database(memory=True))]


def check_schema(db: Database) -> None:
    """Refuse, before anything is written, another application's SQLite file or an archive of a newer Folio."""
    tables = set(db.table_names())
    applied = {m.name for m in migrations.applied(db)} if migrations.migrations_table in tables else set()
    if tables and not applied:
        shown = ", ".join(sorted(tables)[:3]) + (", …" if len(tables) > 3 else "")
        raise SchemaError(f"not a Folio archive (it has tables {shown} but no Folio migrations); left unchanged")
    known = known_migrations()
    unknown = sorted(applied - set(known))
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if unknown or version > len(known):
        what = f"migration {unknown[0]!r}" if unknown else f"schema version {version}"
        raise SchemaError(f"made by a newer Folio ({what} is unknown to this one); upgrade Folio to use it. "
                          "Left unchanged")


@migrations()
def index_for_browsing(db: Database) -> None:
    # What Datasette's default views and the canned queries filter or sort on (bench/browse.py):
    # newest first, a section's articles, incomplete ones, ones with several versions.
    db.execute("create index if not exists idx_articles_published on articles(published)")
    db.execute("create index if not exists idx_articles_section on articles(section collate nocase, published)")
    db.execute("create index if not exists idx_articles_incomplete on articles(site, published) where complete = 0")
    db.execute("create index if not exists idx_articles_changed on articles(version_count) where version_count > 1")


@migrations()
def store_bytes_once(db: Database) -> None:
    # Each byte once: a page's raw body lives only in its capture, compressed with zstd and a per-site
    # dictionary kept in `zstd_dicts` (archive/bodies.py); a capture's headers are not repeated on its page.
    from archive.bodies import Bodies

    db["zstd_dicts"].create({"id": int, "site": str, "trained_at": str, "samples": int, "dict": bytes}, pk="id")
    db["captures"].add_column("site", str)
    db["captures"].add_column("dict_id", int, fk="zstd_dicts", fk_col="id")
    db["captures"].add_column("body_zst", bytes)
    # pages stored before captures existed: their body becomes a capture first
    db.execute("insert into captures (url, final_url, fetched_at, status, headers, body_sha256, body_gz) "
               "select url, final_url, fetched_at, status, headers, body_sha256, html_gz from pages "
               "where capture_id is null and html_gz is not null")
    db.execute("update pages set capture_id = (select max(id) from captures where captures.url = pages.url) "
               "where capture_id is null and html_gz is not null")
    db.execute("update captures set site = coalesce((select site from pages where pages.capture_id = captures.id), "
               "(select site from pages where pages.url = captures.url))")
    bodies = Bodies(db.conn)
    ids = [row[0] for row in db.execute("select id from captures where body_gz is not null order by id")]
    for start in range(0, len(ids), 500):  # a chunk of bodies in memory at a time
        chunk = ids[start:start + 500]
        rows = db.execute(f"select id, site, body_gz from captures where id in ({','.join('?' * len(chunk))})",
                          chunk).fetchall()
        db.conn.executemany("update captures set body_zst = ? where id = ?",
                            [(bodies.compress(site, gzip.decompress(body))[0], capture_id)
                             for capture_id, site, body in rows])
    for site in bodies.sites_to_train():
        bodies.train(site)
    db.execute("update pages set headers = null where capture_id is not null")
    # the current version's text is the article row's: one copy (readers coalesce with articles.body_text)
    db.execute("update article_versions set body_text = null where body_text = (select body_text from articles "
               "where articles.id = article_versions.article_id and articles.version_count = article_versions.version)")
    db["captures"].transform(drop={"body_gz"})
    db["pages"].transform(drop={"html_gz"})


@migrations(transactional=False)
def reclaim_freed_space(db: Database) -> None:
    # store_bytes_once freed most of an old archive's pages; VACUUM hands them back to the file system.
    # Not critical: if another connection holds the file, later writes reuse the free pages instead.
    try:
        db.execute("VACUUM")
    except sqlite3.OperationalError as exc:
        logging.getLogger(__name__).warning("archive not compacted (%s); its free pages will be reused", exc)


@migrations()
def derive_body_text(db: Database) -> None:
    # body_text repeated what body_html says for most articles: it becomes a generated column
    # (archive.rows.BODY_TEXT_SQL) and only text body_html cannot give back stays, in stored_text.
    from archive.rows import BODY_TEXT_SQL

    triggers = [sql for (sql,) in db.execute("select sql from sqlite_master where type = 'trigger' "
                                             "and tbl_name = 'articles'")]
    for (name,) in db.execute("select name from sqlite_master where type = 'trigger' and tbl_name = 'articles'"):
        db.execute(f"drop trigger [{name}]")  # the text does not change: the search index stays as it is
    db.execute("alter table articles rename column body_text to stored_text")
    db.execute("update articles set stored_text = x'' where stored_text is null and body_html is not null")
    db.execute(f"alter table articles add column body_text text generated always as ({BODY_TEXT_SQL}) virtual")
    # compared with the generated value itself: a row's text goes only when body_html gives it back the same
    db.execute("update articles set stored_text = null where typeof(stored_text) = 'text' and stored_text = "
               f"({BODY_TEXT_SQL.replace('stored_text is null', '1', 1)})")
    for sql in triggers:  # the search index reads the (generated) body_text, as before
        db.execute(sql)


@migrations()
def count_facets(db: Database) -> None:
    # The articles list's facets counted once per write instead of over every article per page view:
    # at a million articles each facet alone ran past Datasette's facet time limit (bench/browse.py).
    from archive import facet_counts

    facet_counts.create(db)


@migrations()
def index_changed_by_update(db: Database) -> None:
    # changed_articles reads the articles with several versions newest change first, from this index.
    db.execute("create index if not exists idx_articles_changed_updated on articles(updated) where version_count > 1")


@migrations()
def index_newest_first(db: Database) -> None:
    # The list and a search walk this index newest first; ties of one date come in id order, the order
    # Datasette's ?_next= pages assume (on (published) alone they came by rowid, and paging skipped rows).
    db.execute("drop index if exists idx_articles_published")
    db.execute("create index if not exists idx_articles_newest on articles(published desc, id)")


@migrations()
def drop_unused_capture_index(db: Database) -> None:
    # Nothing looks captures up by body hash (pages.py reads a URL's latest capture by url); 1.3% of an archive.
    db.execute("drop index if exists idx_captures_body_sha256")


@migrations()
def index_sortable_columns(db: Database) -> None:
    # The articles list sorts by these (metadata.yml sortable_columns) and a common word's search walks
    # them (plugins/search_order.py); unindexed, a sort read every row and hit the time limit at a million.
    for column in ("title", "word_count", "updated"):
        db.execute(f"create index if not exists idx_articles_{column} on articles({column}, id)")


def migrate(db: Database) -> None:
    """Check the file is ours, apply every pending migration, and switch it to WAL for readers during a crawl."""
    check_schema(db)
    db.enable_wal()
    migrations.apply(db)
    version = len(known_migrations())
    if db.execute("PRAGMA user_version").fetchone()[0] != version:
        db.execute(f"PRAGMA user_version = {version}")  # lets an older Folio see the file is newer
