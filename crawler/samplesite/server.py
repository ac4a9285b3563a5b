"""The HTTP side of the sample site: routing, caching headers, and a threaded server."""
from __future__ import annotations

import hashlib
import re
import sys
import threading
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timezone
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from . import bulk, render
from .catalog import ARTICLES_DIR, PUBLISHERS, Article, articles, by_path, parse_moment

HTML = "text/html; charset=utf-8"
INVALID_BYTES = b"\xff\xfe\xfa"  # not UTF-8, though the faults page says it is
INVALID_MARKER = b"[[invalid-bytes]]"  # where article.toml asks for them
PDF_PATH = "/faults/report.pdf"
_WELLBEING = re.compile(r"^/wellbeing/([a-z0-9-]+)/(?:(\d+)/)?$")
_WELLBEING_LISTING = re.compile(r"^/wellbeing/page/(\d+)/$")


@dataclass(frozen=True)
class Response:
    """What the server answers to one GET."""

    status: int
    body: bytes
    content_type: str = HTML
    modified: datetime | None = None

    @property
    def etag(self) -> str:
        return '"' + hashlib.sha256(self.body).hexdigest()[:32] + '"'


class Router:
    """Maps a request path to a Response; no HTTP involved, so tests can call it directly."""

    def __init__(self, base_url: str, *, bulk_articles: int = 0) -> None:
        self.base_url = base_url
        self.bulk_articles = bulk_articles
        self._cache: dict[str, Response] = {}  # hand-written pages only, so memory stays flat
        self.edition = 1
        self.switched: datetime | None = None
        self._latest = max(a.modified for a in articles() if a.site in PUBLISHERS)

    def set_edition(self, edition: int) -> None:
        """Serve another edition of the site from now on (1: as first published, 2: a later visit).

        What a later edition changes is stamped with the moment of the switch (Last-Modified,
        sitemap lastmod), as a live site's would be.
        """
        self.edition = edition
        self.switched = datetime.now(timezone.utc).replace(microsecond=0)
        self._cache = {}
        self._latest = max(a.modified for a in articles(edition) if a.site in PUBLISHERS)

    def get(self, target: str) -> Response:
        """The response for ``target`` (path plus optional query)."""
        cached = self._cache.get(target)
        if cached is None:
            cached = self._route(target)
            if cached.status == 200 and not target.startswith("/bulk/") and len(self._cache) < 1000:
                self._cache[target] = cached
        return cached

    def _route(self, target: str) -> Response:
        parts = urlsplit(target)
        path, query = parts.path, parse_qs(parts.query)
        number = _page_number(query)
        if number is None:
            return self.not_found()
        if path == "/":
            return self._page("index.html", self._latest)
        if path == "/robots.txt":
            return self._page("robots.txt", self._latest, "text/plain; charset=utf-8")
        if path == "/sitemap.xml":
            return self._page("sitemap.xml", self._latest, "application/xml; charset=utf-8")
        per_site = _SITE_FILE.match(path)
        if per_site and per_site.group(1) in PUBLISHERS:  # /medwire/sitemap.xml, /wellbeing/feed.xml
            site, name = per_site.groups()
            body = render.site_page(f"{name}.xml", base_url=self.base_url, edition=self.edition, site=site,
                                    lastmod=self._lastmod).encode("utf-8")
            return Response(200, body, "application/xml; charset=utf-8", self._latest)
        if path == PDF_PATH:
            body = (ARTICLES_DIR / "faults" / "report-pdf" / "report.pdf").read_bytes()
            return Response(200, body, "application/pdf", parse_moment("2015-03-02"))
        site = next((s for s, p in render.LISTING_PATHS.items() if p == path), None)
        listing = _WELLBEING_LISTING.match(path)
        if listing:
            site, number = "wellbeing", int(listing.group(1))
        if site and not (site == "bulk" and not self.bulk_articles):
            return self._listing(site, number)
        wellbeing = _WELLBEING.match(path)
        if wellbeing:
            path, number = f"/wellbeing/{wellbeing.group(1)}/", int(wellbeing.group(2) or 1)
            if wellbeing.group(2) == "1":
                return self.not_found()
        article = by_path(self.edition).get(path) or bulk.find(path, self.bulk_articles)
        if article is None:
            return self.not_found()
        return self._article(article, number, printing=query.get("print") == ["1"])

    def _article(self, article: Article, number: int, *, printing: bool) -> Response:
        if printing and not article.printable:
            return self.not_found()
        if number > len(article.pages):
            if article.fault == "http-500" and number == article.fault_page:
                return Response(500, self._text("500.html"))
            return self.not_found()
        html = render.article_page(article, number, base_url=self.base_url, printing=printing, edition=self.edition)
        body = html.encode("utf-8")
        if article.fault == "invalid-bytes":
            body = body.replace(INVALID_MARKER, INVALID_BYTES)
        return Response(200, body, HTML, self._modified(article))

    def _modified(self, article: Article) -> datetime:
        """Last-Modified: the switch to a later edition for what it changed, else the article's date."""
        return self.switched if article.updated and self.edition > 1 else article.modified

    def _lastmod(self, article: Article) -> str:
        return self._modified(article).isoformat()

    def _listing(self, site: str, number: int) -> Response:
        html = render.listing_page(site, number, base_url=self.base_url, bulk_total=self.bulk_articles,
                                   edition=self.edition)
        if html is None:
            return self.not_found()
        if site == "bulk":
            return Response(200, html.encode("utf-8"), HTML, parse_moment("2016-01-04"))
        latest = max(a.modified for a in articles(self.edition) if a.site == site)
        return Response(200, html.encode("utf-8"), HTML, latest)

    def _page(self, template: str, modified: datetime, content_type: str = HTML) -> Response:
        return Response(200, self._text(template), content_type, modified)

    def _text(self, template: str) -> bytes:
        return render.site_page(template, base_url=self.base_url, edition=self.edition).encode("utf-8")

    def not_found(self) -> Response:
        """The 404 page."""
        return Response(404, self._text("404.html"))


_SITE_FILE = re.compile(r"^/([a-z]+)/(sitemap|feed)\.xml$")


def _page_number(query: dict[str, list[str]]) -> int | None:
    values = query.get("page", ["1"])
    if len(values) != 1 or not values[0].isdigit() or int(values[0]) < 1:
        return None
    return int(values[0])


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive: the benchmark fetches thousands of pages
    disable_nagle_algorithm = True  # headers and body go out in two writes; don't wait 40 ms for an ACK
    server_version = "FolioSampleSite/1.0"
    sys_version = ""

    def do_GET(self) -> None:
        self._answer(send_body=True)

    def do_HEAD(self) -> None:
        self._answer(send_body=False)

    def _answer(self, *, send_body: bool) -> None:
        response = self.server.router.get(self.path)
        status = 304 if response.status == 200 and self._not_modified(response) else response.status
        self.server.count(status, self.path)
        self.send_response(status)
        self.send_header("Content-Type", response.content_type)
        # HEAD and 304 announce the length of the body they leave out (RFC 9110 8.6).
        self.send_header("Content-Length", str(len(response.body)))
        if response.status == 200:
            self.send_header("ETag", response.etag)
        if response.modified is not None and response.status == 200:
            self.send_header("Last-Modified", _http_date(response.modified))
        self.end_headers()
        if send_body and status != 304:
            self.wfile.write(response.body)

    def _not_modified(self, response: Response) -> bool:
        match = self.headers.get("If-None-Match")
        if match is not None:  # RFC 9110: If-None-Match wins over If-Modified-Since
            tags = [t.strip() for t in match.split(",")]
            return "*" in tags or response.etag in tags
        since = self.headers.get("If-Modified-Since")
        if since is None or response.modified is None:
            return False
        try:
            when = parsedate_to_datetime(since)
        except (TypeError, ValueError):
            return False
        if when.tzinfo is None:
            when = when.replace(tzinfo=timezone.utc)
        return response.modified.replace(microsecond=0) <= when

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - stdlib signature
        """Stay quiet: the benchmark makes thousands of requests."""


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # default 5: too few for a crawler's concurrent connections
    router: Router

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.statuses: Counter[int] = Counter()
        self.paths: Counter[str] = Counter()  # the server's log: how often each path was asked for
        self._lock = threading.Lock()

    def count(self, status: int, path: str = "") -> None:
        with self._lock:
            self.statuses[status] += 1
            self.paths[path] += 1

    def handle_error(self, request, client_address) -> None:
        """Clients that hang up mid-response are normal for a crawler; anything else is printed."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def _http_date(moment: datetime) -> str:
    return format_datetime(moment.astimezone(timezone.utc), usegmt=True)


class SampleSite:
    """The bundled health news site on 127.0.0.1 with an OS-chosen port, served from a thread."""

    def __init__(self, *, bulk_articles: int = 0, port: int = 0) -> None:
        self.bulk_articles = bulk_articles
        self.port = port
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        """e.g. "http://127.0.0.1:41234/"."""
        if self._server is None:
            raise RuntimeError("the sample site is not running; call start() first")
        return f"http://127.0.0.1:{self._server.server_address[1]}/"

    def start(self) -> "SampleSite":
        """Bind the socket and serve in a daemon thread."""
        self._server = _Server(("127.0.0.1", self.port), _Handler)
        self._server.router = Router(self.base_url, bulk_articles=self.bulk_articles)
        self._thread = threading.Thread(target=self._server.serve_forever, name="samplesite", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and close the socket."""
        if self._server is None:
            return
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join()
        self._server = self._thread = None

    def set_edition(self, edition: int) -> None:
        """Switch the running site to another edition: some articles edited, a page gone, new ones."""
        if self._server is None:
            raise RuntimeError("the sample site is not running; call start() first")
        self._server.router.set_edition(edition)

    def statuses(self) -> dict[int, int]:
        """How many responses of each status the site has sent since it started (tests read it)."""
        if self._server is None:
            return {}
        with self._server._lock:
            return dict(self._server.statuses)

    def fetches(self) -> dict[str, int]:
        """How many times each path was requested since the site started (tests read it)."""
        if self._server is None:
            return {}
        with self._server._lock:
            return dict(self._server.paths)

    def wait(self) -> None:
        """Block until the server thread ends (the CLI waits here for Ctrl-C)."""
        if self._thread is not None:
            self._thread.join()

    def __enter__(self) -> "SampleSite":
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.stop()
