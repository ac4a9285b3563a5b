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


class PublishError(Exception):
    """An archive that cannot be published; str() is one line meant for the user."""


def check_database(db_path: Path) -> None:
    """Raise PublishError unless `db_path` is a readable SQLite file holding a Folio archive."""
    db_path = Path(db_path)
    if not db_path.exists():
        raise PublishError(f"{db_path}: no such file (run a crawl first, or pass --db)")
    if not db_path.is_file():
        raise PublishError(f"{db_path}: not a file")
    if db_path.stat().st_size == 0:
        raise PublishError(f"{db_path}: empty file, not a Folio archive")
    try:
        conn = sqlite3.connect(f"file:{quote(str(db_path.resolve()))}?mode=ro", uri=True)
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
        raise PublishError(f"{db_path}: not a readable SQLite database ({error})") from error
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


def datasette_app(db_path: Path) -> Datasette:
    """A Datasette for the archive at `db_path`, configured from the archive/ directory."""
    db_path = Path(db_path)
    return Datasette(
        [str(db_path)],
        metadata=load_metadata(db_path.stem),
        settings=load_settings(),
        template_dir=str(ARCHIVE_DIR / "templates"),
        plugins_dir=str(ARCHIVE_DIR / "plugins"),
        static_mounts=[("static", str(ARCHIVE_DIR / "static"))],
    )


def urls_to_open(base_url: str, db_name: str, article_id: str | None) -> dict[str, str]:
    """Links worth opening first: the archive, a search, an article and a JSON query."""
    base = base_url.rstrip("/")
    urls = {
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


def _first_article_id(db_path: Path) -> str | None:
    conn = sqlite3.connect(f"file:{quote(str(db_path.resolve()))}?mode=ro", uri=True)
    try:
        row = conn.execute(
            "select id from articles order by complete desc, published desc limit 1"
        ).fetchone()
    finally:
        conn.close()
    return row[0] if row else None


def serve(db_path: Path, *, host: str = "127.0.0.1", port: int = 8001) -> None:
    """Check the archive, print where to look, then serve it with uvicorn until Ctrl-C."""
    db_path = Path(db_path)
    check_database(db_path)
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
    print(f"Serving {db_path} at {base_url}/{db_path.stem} (Ctrl-C to stop). Open:", flush=True)
    for name, url in urls_to_open(base_url, db_path.stem, _first_article_id(db_path)).items():
        print(f"  {name:<9} {url}", flush=True)
    config = uvicorn.Config(datasette_app(db_path).app(), log_level="info")
    uvicorn.Server(config).run(sockets=[sock])
