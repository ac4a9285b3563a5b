"""Publish an archive with Datasette: check the file, configure Datasette from archive/, serve it."""
from __future__ import annotations

import json
import socket
import sqlite3
from pathlib import Path
from urllib.parse import quote, urlencode

import uvicorn
from datasette.app import Datasette
from datasette.utils import parse_metadata, tilde_encode

# archive/ is a Datasette configuration directory: `datasette archive/` uses the same files.
ARCHIVE_DIR = Path(__file__).resolve().parent
METADATA_DB_NAME = "folio"  # the database key in metadata.yml, i.e. archive/folio.db


# `folio serve --public`: a finished archive published read-only to anyone. Datasette's local
# defaults (settings.json) stay as they are for `folio serve` without --public.
PUBLIC_SETTINGS = {
    "sql_time_limit_ms": 1000,  # settings.json: 2000
    "facet_time_limit_ms": 200,  # Datasette's default
    "max_returned_rows": 1000,  # Datasette's default, named so it stays put
    "allow_download": False,  # no download of the whole .db file
    "allow_csv_stream": False,  # CSV of one page of rows, never the whole table in one request
    "max_csv_mb": 5,  # default 100
}
PUBLIC_HIDDEN_TABLES = ("captures", "visits", "_sqlite_migrations")  # bookkeeping and raw bodies, off the lists


class PublishError(Exception):
    """An archive that cannot be published; str() is one line meant for the user."""


def connect_read_only(db_path: Path, *, immutable: bool = False) -> sqlite3.Connection:
    """A read-only connection; `immutable` also works on a read-only disk (SQLite writes no -shm)."""
    mode = "immutable=1" if immutable else "mode=ro"
    return sqlite3.connect(f"file:{quote(str(Path(db_path).resolve()))}?{mode}", uri=True)


def check_database(db_path: Path, *, immutable: bool = False) -> None:
    """Raise PublishError unless `db_path` is a readable SQLite file holding a Folio archive."""
    db_path = Path(db_path)
    if not db_path.exists():
        raise PublishError(f"{db_path}: no such file (run a crawl first, or pass --db)")
    if not db_path.is_file():
        raise PublishError(f"{db_path}: not a file")
    if db_path.stat().st_size == 0:
        raise PublishError(f"{db_path}: empty file, not a Folio archive")
    wal = db_path.with_name(db_path.name + "-wal")
    if immutable and wal.exists() and wal.stat().st_size > 0:
        # An immutable open never reads the write-ahead log: what it holds would silently be missing.
        raise PublishError(f"{db_path}: recent changes are still in {wal.name}; on a writable copy run "
                           f"`sqlite-utils disable-wal {db_path.name}` first, then publish that file")
    try:
        conn = connect_read_only(db_path, immutable=immutable)
    except sqlite3.Error as error:
        raise PublishError(f"{db_path}: cannot open ({error})") from error
    try:
        tables = {row[0] for row in conn.execute("select name from sqlite_master where type = 'table'")}
        if "articles" not in tables:
            raise PublishError(f"{db_path}: SQLite, but not a Folio archive (no articles table)")
        # Cheap probe: touch the first and last pages of the articles table and its search index,
        # which is where a truncated or half-copied file fails.
        conn.execute("select * from articles order by rowid limit 1").fetchall()
        conn.execute("select * from articles order by rowid desc limit 1").fetchall()
        conn.execute("select count(*) from articles").fetchone()
        problems = conn.execute("pragma quick_check(1)").fetchone()[0] if _small(db_path) else "ok"
        if problems != "ok":
            raise PublishError(f"{db_path}: corrupt SQLite file ({problems})")
    except sqlite3.DatabaseError as error:
        # "file is not a database", "database disk image is malformed", …
        hint = "; on a read-only disk, publish it with --public" if "unable to open" in str(error) else ""
        raise PublishError(f"{db_path}: not a readable SQLite database ({error}){hint}") from error
    finally:
        conn.close()


def _small(db_path: Path) -> bool:
    # quick_check reads every page: ~37 ms for 100 MB here, so skip it for very large archives,
    # where the probes above still catch truncation and garbage.
    return db_path.stat().st_size < 256 * 1024 * 1024


def load_metadata(db_name: str) -> dict:
    """metadata.yml with its database section keyed by `db_name` (Datasette keys metadata by file stem)."""
    metadata = parse_metadata((ARCHIVE_DIR / "metadata.yml").read_text())  # Datasette's own loader
    databases = metadata.get("databases", {})
    if METADATA_DB_NAME in databases and db_name != METADATA_DB_NAME:
        databases[db_name] = databases.pop(METADATA_DB_NAME)
    for dashboard in metadata.get("plugins", {}).get("datasette-dashboards", {}).values():
        for chart in dashboard.get("charts", {}).values():
            if chart.get("db") == METADATA_DB_NAME:
                chart["db"] = db_name
    return metadata


def load_settings() -> dict:
    """archive/settings.json, the Datasette settings `datasette archive/` picks up too."""
    path = ARCHIVE_DIR / "settings.json"
    return json.loads(path.read_text()) if path.exists() else {}


def datasette_app(db_path: Path, *, public: bool = False, schedule: Path | None = None) -> Datasette:
    """A Datasette for the archive at `db_path`, configured from the archive/ directory.

    `public`: opened immutable (read-only disks work) with PUBLIC_SETTINGS, robots kept out and
    bookkeeping tables unlisted. `schedule`: the `folio schedule` file the crawl-health page reads.
    """
    db_path = Path(db_path)
    metadata, settings = load_metadata(db_path.stem), load_settings()
    folio = metadata.setdefault("plugins", {}).setdefault("folio", {})
    if schedule:
        folio["schedule"] = str(Path(schedule).resolve())
    if public:
        settings.update(PUBLIC_SETTINGS)
        folio["block_robots"] = True
        tables = metadata.setdefault("databases", {}).setdefault(db_path.stem, {}).setdefault("tables", {})
        for table in PUBLIC_HIDDEN_TABLES:
            tables.setdefault(table, {})["hidden"] = True
    return Datasette(
        [] if public else [str(db_path)],
        immutables=[str(db_path)] if public else [],
        metadata=metadata,
        settings=settings,
        template_dir=str(ARCHIVE_DIR / "templates"),
        plugins_dir=str(ARCHIVE_DIR / "plugins"),
        static_mounts=[("static", str(ARCHIVE_DIR / "static"))],
    )


def urls_to_open(base_url: str, db_name: str, article_id: str | None) -> dict[str, str]:
    """Links worth opening first: the archive, a search, an article and a JSON query."""
    base = base_url.rstrip("/")
    urls = {
        "home": f"{base}/",
        "health": f"{base}/-/dashboards/crawl-health",
        "archive": f"{base}/{db_name}",
        "articles": f"{base}/{db_name}/articles",
        "search": f"{base}/{db_name}/articles?" + urlencode({"_search": "health"}),
        "json": f"{base}/{db_name}/articles.json?" + urlencode(
            {"_shape": "array", "_col": "title", "_size": "5"}, doseq=True
        ) + "&_col=published",
    }
    if article_id:
        urls["article"] = f"{base}/{db_name}/articles/{tilde_encode(article_id)}"
    return urls


def _first_article_id(db_path: Path, *, immutable: bool) -> str | None:
    conn = connect_read_only(db_path, immutable=immutable)
    try:
        row = conn.execute(
            "select id from articles order by complete desc, published desc limit 1"
        ).fetchone()
    finally:
        conn.close()
    return row[0] if row else None


def check_schedule(schedule: Path) -> None:
    """Raise PublishError unless `schedule` is a schedule file `folio schedule` accepts."""
    from crawler.schedule import ScheduleError, load_schedule

    try:
        load_schedule(Path(schedule))
    except ScheduleError as error:
        raise PublishError(str(error)) from error


def serve(db_path: Path, *, host: str = "127.0.0.1", port: int = 8001, public: bool = False,
          schedule: Path | None = None) -> None:
    """Check the archive, print where to look, then serve it with uvicorn until Ctrl-C."""
    db_path = Path(db_path)
    check_database(db_path, immutable=public)
    if schedule:
        check_schedule(schedule)
    # Bind first: a busy port becomes one clear error, and port=0 lets the OS choose.
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
        sock.listen(128)  # from here on, early requests wait in the backlog until uvicorn accepts
    except OSError as error:
        sock.close()
        raise PublishError(f"cannot listen on {host}:{port} ({error.strerror})") from error
    base_url = f"http://{host}:{sock.getsockname()[1]}"
    how = "read-only, public settings" if public else "local settings"
    print(f"Serving {db_path} at {base_url}/{db_path.stem} ({how}; Ctrl-C to stop). Open:", flush=True)
    for name, url in urls_to_open(base_url, db_path.stem, _first_article_id(db_path, immutable=public)).items():
        print(f"  {name:<9} {url}", flush=True)
    app = datasette_app(db_path, public=public, schedule=schedule).app()
    config = uvicorn.Config(app, log_level="info")
    uvicorn.Server(config).run(sockets=[sock])
