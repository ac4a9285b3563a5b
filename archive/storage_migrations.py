"""Later migrations: indexes for browsing, each byte stored once, derived text (registered after archive.migrations)."""
from __future__ import annotations

import gzip
import json
import logging
import sqlite3

from sqlite_utils import Database

from archive.migrations import migrations


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
    _vacuum(db)


def _vacuum(db: Database) -> None:
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



@migrations()
def compact_captures(db: Database) -> None:
    # A capture's metadata took as many bytes as its compressed body: headers as JSON text (now zstd with
    # a per-site dictionary of the site's first headers, archive/bodies.py), the SHA-256 in hex (now its
    # 32 bytes), final_url repeating url (now empty unless redirected), and fetched_at repeated in the
    # URL index (nothing reads captures in fetch-time order within a URL: by url alone is enough).
    from archive.bodies import Bodies

    db["header_dicts"].create({"site": str, "created_at": str, "dict": bytes}, pk="site")
    bodies = Bodies(db.conn)
    for site, first in db.execute("select site, headers from captures where id in (select min(id) from captures "
                                  "where site is not null and headers is not null group by site)").fetchall():
        bodies.start_headers_dictionary(site, json.loads(first))  # and packs the site's headers with it
    _hashes_to_bytes(db, "captures")
    db.execute("update captures set final_url = null where final_url = url")
    db.execute("drop index if exists idx_captures_url_fetched_at")
    db.execute("create index if not exists idx_captures_url on captures(url)")


@migrations()
def compact_pages(db: Database) -> None:
    # As for captures: a page's SHA-256 as its 32 bytes, and its final_url only when it was redirected.
    _hashes_to_bytes(db, "pages")
    db.execute("update pages set final_url = null where final_url = url")


def _hashes_to_bytes(db: Database, table: str) -> None:
    """Hex SHA-256 values of ``table`` as their 32 bytes, 500 rows at a time."""
    ids = [row[0] for row in db.execute(f"select rowid from {table} where typeof(body_sha256) = 'text' order by rowid")]
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        rows = db.execute(f"select rowid, body_sha256 from {table} where rowid in ({','.join('?' * len(chunk))})",
                          chunk).fetchall()
        db.conn.executemany(f"update {table} set body_sha256 = ? where rowid = ?",
                            [(bytes.fromhex(sha), rowid) for rowid, sha in rows])


@migrations()
def visits_without_rowid(db: Database) -> None:
    # A visit is looked up by URL only: keyed by it directly, the URL is stored once, not in a row and an index.
    columns = [(row[1], row[2]) for row in db.execute("PRAGMA table_info(visits)")]
    names = ", ".join(f"[{name}]" for name, _ in columns)
    declared = ", ".join(f"[{name}] {kind}{' primary key' if name == 'url' else ''}" for name, kind in columns)
    db.execute(f"create table visits_by_url ({declared}) without rowid")
    db.execute(f"insert into visits_by_url ({names}) select {names} from visits")
    db.execute("drop table visits")
    db.execute("alter table visits_by_url rename to visits")


@migrations(transactional=False)
def reclaim_compacted_space(db: Database) -> None:
    # compact_captures and compact_pages freed about a tenth of an archive: handed back as after store_bytes_once.
    _vacuum(db)


@migrations()
def index_site_order(db: Database) -> None:
    # Sorted by site, a page's ties (one site's articles) must come in id order, as the next page's cursor
    # reads them (archive/plugins/tie_order.py): by (site, published) they came by date, and a next page
    # sorted every article of the site (HTTP 400 at the time limit at a million).
    db.execute("create index if not exists idx_articles_site on articles(site, id)")
