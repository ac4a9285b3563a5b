"""Serve the conventions site on 127.0.0.1 (OS-chosen port) from a thread, counting what was asked for."""
from __future__ import annotations

import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from .site import DEFAULT_SEED, ConventionSite, build

ROBOTS = b"User-agent: *\nAllow: /\n"
ARROW = b'<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16"><path d="M4 2l8 6-8 6z"/></svg>'


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "FolioConventions/1.0"
    sys_version = ""

    def do_GET(self) -> None:
        status, kind, body = self.server.answer(self.path, self.headers.get("Referer"))
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - stdlib signature
        """Quiet: a crawl makes hundreds of requests."""


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 64  # default 5: too few for a crawler's concurrent connections

    def __init__(self, address, site: ConventionSite) -> None:
        super().__init__(address, _Handler)
        self.site = site
        self.requests: Counter[str] = Counter()
        self.log: list[tuple[str, str | None]] = []  # (target, Referer): whose page asked for it
        self.lock = threading.Lock()

    def answer(self, target: str, referer: str | None) -> tuple[int, str, bytes]:
        with self.lock:
            self.requests[target] += 1
            self.log.append((target, referer))
        if target == "/robots.txt":
            return 200, "text/plain", ROBOTS
        if target.startswith("/static/") and target.endswith(".svg"):
            return 200, "image/svg+xml", ARROW
        html = self.site.documents.get(target)
        if html is None:
            return 404, "text/html; charset=utf-8", b"<!DOCTYPE html><title>Not found</title><h1>Not found</h1>"
        return 200, "text/html; charset=utf-8", html.encode("utf-8")


class ConventionServer:
    """The conventions site on 127.0.0.1; use as a context manager."""

    def __init__(self, seed: int = DEFAULT_SEED, *, site: ConventionSite | None = None) -> None:
        self.site = site or build(seed)  # any ConventionSite: the harness also serves a corpus this way
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        """e.g. "http://127.0.0.1:41234" (no trailing slash: paths start with one)."""
        if self._server is None:
            raise RuntimeError("the conventions site is not running; call start() first")
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def url(self, path: str) -> str:
        """The absolute URL of a site path."""
        return self.base_url + path

    def requests(self) -> Counter[str]:
        """How often each target (path and query) was asked for since the start."""
        if self._server is None:
            return Counter()
        with self._server.lock:
            return Counter(self._server.requests)

    def log(self) -> list[tuple[str, str | None]]:
        """Every request so far as (target, Referer header or None), in order of arrival."""
        if self._server is None:
            return []
        with self._server.lock:
            return list(self._server.log)

    def start(self) -> "ConventionServer":
        """Bind an OS-chosen port and serve from a daemon thread."""
        self._server = _Server(("127.0.0.1", 0), self.site)
        self._thread = threading.Thread(target=self._server.serve_forever, name="conventions", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and close the socket."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._thread.join()
            self._server = self._thread = None

    def __enter__(self) -> "ConventionServer":
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.stop()
