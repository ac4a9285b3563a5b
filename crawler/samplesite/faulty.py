"""The bulk sample site with one fault per article: what a failing web server does, served on 127.0.0.1.

Crawl it with the ``bulk`` profile (``folio crawl bulk --base-url URL``). Article ``n`` of FAULTS
misbehaves on page ``page`` (0: every page); the other articles are served as the sample site
serves them. Every answer is logged, so a test can say which pages were served whole at least once.
A second server on another port plays the "other site" that off-site redirects point to.
"""
from __future__ import annotations

import gzip
import re
import threading
import time
from dataclasses import dataclass
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from . import bulk
from .server import Router

# (fault, page it hits; 0 = every page). Each goes to its own article of 3+ pages, in this order.
FAULTS = (
    ("burst-503", 2), ("server-error", 2), ("retry-after-429", 2), ("retry-after-date", 3),
    ("retry-after-too-long", 2), ("hang", 2), ("stall", 2), ("truncated", 2), ("latin-1", 0), ("cp1252", 0),
    ("shift_jis", 0), ("utf-16", 0), ("no-charset", 0), ("unknown-charset", 0), ("huge-page", 2),
    ("gzip-bomb", 2), ("redirect-loop", 2), ("redirect-chain", 2), ("long-redirect-chain", 2),
    ("offsite-redirect", 2), ("endless-pagination", 0), ("many-links", 1), ("deep-dom", 1), ("nul-bytes", 2),
    ("robots-disallowed", 0), ("mislabelled-utf-8", 0),
)
# A sentence each charset can encode, placed first in the article's text on page 1 only: a block printed
# on every page of an article is chrome by comparison (pipelines/reassemble.py) and leaves the body.
SENTENCES = {
    "latin-1": "Le patient naïve a reçu un traitement à l'hôpital.",
    "cp1252": "The nurse said “take two” – and the fee was 5 €.",
    "shift_jis": "日本語の健康ニュースです。睡眠と食事について。",
    "utf-16": "Grüße aus Köln: ein Artikel über Schlaf.",
    "no-charset": "Plain ASCII text about sleep and coffee.",
    "unknown-charset": "Señora Núñez walked 5 km before breakfast.",
    "mislabelled-utf-8": "Größere Studie: Kaffee, Schlaf und Blutdruck – “kein Effekt”.",
}
CHARSETS = {  # fault: (Content-Type, <meta> in the page, Python codec)
    "latin-1": ("text/html; charset=ISO-8859-1", "", "latin-1"),
    "cp1252": ("text/html; charset=windows-1252", "", "cp1252"),
    "shift_jis": ("text/html", '<meta charset="Shift_JIS">', "shift_jis"),
    "utf-16": ("text/html", "", "utf-16"),  # the BOM alone says what it is
    "no-charset": ("text/html", "", "ascii"),
    "unknown-charset": ("text/html; charset=x-no-such-charset", '<meta charset="windows-1252">', "cp1252"),
    "mislabelled-utf-8": ("text/html; charset=ISO-8859-1", '<meta charset="iso-8859-1">', "utf-8"),  # a wrong label
}
RETRY_AFTER = 1  # seconds asked for by the 429
HANG_SECONDS = 60  # a hung answer ends after this even if nobody stops the server
HUGE_BYTES = 10 * 1024 * 1024
BOMB_BYTES = 64 * 1024 * 1024
MANY_LINKS, DEEP_DOM = 50_000, 5_000
_ARTICLE = re.compile(r"^/bulk/news/\d{8}/article-(\d+)$")


def fault_articles() -> dict[int, tuple[str, int]]:
    """Article number -> (fault, page), each fault on the next article with three or more pages."""
    numbers = (n for n in range(1, 10_000) if bulk.page_count(n) >= 3)
    return {next(numbers): fault for fault in FAULTS}


ARTICLES = fault_articles()
TOTAL = max(ARTICLES) + 3  # a few plain articles after the last faulty one


@dataclass(frozen=True)
class Served:
    """One answer: when, to which path (and query), and what happened ("200", "302", "partial", …)."""

    at: float
    target: str
    outcome: str


class FaultyRouter:
    """Decides each answer; the handler only writes it."""

    def __init__(self, base_url: str, offsite_url: str, robots: str):
        self.router = Router(base_url, bulk_articles=TOTAL)
        self.offsite_url = offsite_url
        self.robots = robots  # "ok", "503" or "hang": how robots.txt answers
        self.log: list[Served] = []
        self.hits: dict[str, int] = {}
        self.lock = threading.Lock()
        self.stopping = threading.Event()

    def note(self, target: str, outcome: str) -> None:
        with self.lock:
            self.log.append(Served(time.monotonic(), target, outcome))

    def count(self, target: str) -> int:
        with self.lock:
            self.hits[target] = self.hits.get(target, 0) + 1
            return self.hits[target]

    def fault_of(self, target: str) -> tuple[int, int, str | None]:
        """(article number, page number, fault hitting this page or None); (0, 0, None) for other paths."""
        parts = urlsplit(target)
        match = _ARTICLE.match(parts.path)
        if not match:
            return 0, 0, None
        number = int(match.group(1))
        page = int((parse_qs(parts.query).get("page") or ["1"])[0] or 1)
        fault, where = ARTICLES.get(number, (None, 0))
        hop = "hop" in parse_qs(parts.query)  # a redirect hop of the faulty page, whatever "page" it names
        return number, page, fault if fault and (where in (0, page) or hop) else None

    def robots_txt(self) -> bytes:
        disallowed = [bulk.article_path(n) for n, (fault, _) in ARTICLES.items() if fault == "robots-disallowed"]
        return ("User-agent: *\n" + "".join(f"Disallow: {p}\n" for p in disallowed)).encode()

    def page(self, number: int, page: int, fault: str | None) -> tuple[str, bytes, str]:
        """(status line outcome, body, content type) of an article page, with the content faults applied."""
        path = f"{bulk.article_path(number)}?page={page}" if page > 1 else bulk.article_path(number)
        if fault == "endless-pagination" and page > bulk.page_count(number):
            path = f"{bulk.article_path(number)}?page={bulk.page_count(number)}"
        response = self.router.get(path)
        html = response.body.decode("utf-8")
        if fault in CHARSETS:
            content_type, meta, codec = CHARSETS[fault]
            html = html.replace('<meta charset="utf-8">', meta)
            if page == 1:
                html = html.replace('<div id="textArea" class="copyNormal">',
                                    f'<div id="textArea" class="copyNormal">\n<p>{SENTENCES[fault]}</p>', 1)
            return "200", html.encode(codec), content_type
        if fault == "endless-pagination":
            onward = f'<div class="pagination_fmt"><a class="next_fmt" href="?page={page + 1}">Next</a></div>'
            html = html.replace('<div class="attribution_rdr">', '<div class="attribution_rdr">' + onward, 1)
            html = html.replace('<div id="textArea" class="copyNormal">',
                                f'<div id="textArea" class="copyNormal"><p>Endless page {page}.</p>', 1)
        elif fault == "many-links":
            links = "".join(f'<a href="/bulk/elsewhere/{i}">{i}</a> ' for i in range(MANY_LINKS))
            html = html.replace('<div id="thirdCol_area">', f'<div id="thirdCol_area">{links}', 1)
        elif fault == "deep-dom":
            html = html.replace('<div id="thirdCol_area">',
                                '<div id="thirdCol_area">' + "<div>" * DEEP_DOM + "deep" + "</div>" * DEEP_DOM, 1)
        elif fault == "nul-bytes":
            html = html.replace("<p>", "<p>\x00", 2)
        elif fault == "huge-page":
            html = html.replace("</body>", "<!--" + "x" * HUGE_BYTES + "--></body>")
        return str(response.status), html.encode("utf-8"), response.content_type


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "FolioFaultySite/1.0"
    sys_version = ""
    server: "_Server"

    def do_GET(self) -> None:
        site = self.server.site
        target = self.path
        if target == "/robots.txt":
            return self._robots(site)
        number, page, fault = site.fault_of(target)
        if fault is None or fault in CHARSETS or fault in ("endless-pagination", "many-links", "deep-dom",
                                                           "nul-bytes", "robots-disallowed"):
            if number:
                outcome, body, content_type = site.page(number, page, fault)
            else:
                response = site.router.get(target)
                outcome, body, content_type = str(response.status), response.body, response.content_type
            return self._send(target, int(outcome), body, content_type)
        return getattr(self, "_" + fault.replace("-", "_"))(site, target, number, page)

    def _robots(self, site: FaultyRouter) -> None:
        if site.robots == "hang":
            site.note("/robots.txt", "hang")
            site.stopping.wait(HANG_SECONDS)
            self.close_connection = True
            return None
        if site.robots == "503":
            return self._send("/robots.txt", 503, b"busy", "text/plain")
        return self._send("/robots.txt", 200, site.robots_txt(), "text/plain")

    def _send(self, target: str, status: int, body: bytes, content_type: str, headers: dict | None = None,
              outcome: str | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        try:
            self.wfile.write(body)
            self.server.site.note(target, outcome or str(status))
        except ConnectionError:  # the crawler hung up: it refused the body (too large)
            self.server.site.note(target, "refused")
            self.close_connection = True

    def _whole(self, site: FaultyRouter, target: str, number: int, page: int, outcome: str | None = None) -> None:
        status, body, content_type = site.page(number, page, None)
        self._send(target, int(status), body, content_type, outcome=outcome)

    def _burst_503(self, site, target, number, page) -> None:
        if site.count(target) <= 2:  # two failures, then the page: within RETRY_TIMES
            return self._send(target, 503, b"busy", "text/plain")
        return self._whole(site, target, number, page)

    def _server_error(self, site, target, number, page) -> None:
        return self._send(target, 500, b"broken", "text/plain")

    def _retry_after_429(self, site, target, number, page) -> None:
        if site.count(target) == 1:
            return self._send(target, 429, b"slow down", "text/plain", {"Retry-After": str(RETRY_AFTER)})
        return self._whole(site, target, number, page)

    def _retry_after_date(self, site, target, number, page) -> None:
        if site.count(target) == 1:
            when = formatdate(time.time() + RETRY_AFTER + 1, usegmt=True)  # whole seconds: at least RETRY_AFTER
            return self._send(target, 503, b"maintenance", "text/plain", {"Retry-After": when})
        return self._whole(site, target, number, page)

    def _retry_after_too_long(self, site, target, number, page) -> None:
        return self._send(target, 503, b"come back tomorrow", "text/plain", {"Retry-After": "86400"})

    def _hang(self, site, target, number, page) -> None:
        site.note(target, "hang")
        site.stopping.wait(HANG_SECONDS)
        self.close_connection = True

    def _stall(self, site, target, number, page) -> None:
        self._partial(site, target, number, page, stall=True)

    def _truncated(self, site, target, number, page) -> None:
        self._partial(site, target, number, page, stall=False)

    def _partial(self, site, target, number, page, *, stall: bool) -> None:
        _, body, content_type = site.page(number, page, None)
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body[: len(body) // 2])
        self.wfile.flush()
        site.note(target, "partial")
        if stall:
            site.stopping.wait(HANG_SECONDS)
        self.close_connection = True

    def _huge_page(self, site, target, number, page) -> None:
        status, body, content_type = site.page(number, page, "huge-page")
        return self._send(target, int(status), body, content_type, outcome="huge")  # over DOWNLOAD_MAXSIZE

    def _gzip_bomb(self, site, target, number, page) -> None:
        return self._send(target, 200, gzip_bomb(), "text/html; charset=utf-8", {"Content-Encoding": "gzip"},
                          outcome="bomb")

    def _redirect(self, target: str, location: str) -> None:
        self._send(target, 302, b"", "text/plain", {"Location": location})

    def _redirect_loop(self, site, target, number, page) -> None:
        query = parse_qs(urlsplit(target).query)
        back = f"{bulk.article_path(number)}?page={page}"
        return self._redirect(target, back if "hop" in query else back + "&hop=1")

    def _redirect_chain(self, site, target, number, page) -> None:
        hop = int((parse_qs(urlsplit(target).query).get("hop") or ["0"])[0])
        if hop >= 3:
            return self._whole(site, target, number, page)
        return self._redirect(target, f"{bulk.article_path(number)}?page={page}&hop={hop + 1}")

    def _long_redirect_chain(self, site, target, number, page) -> None:
        hop = int((parse_qs(urlsplit(target).query).get("hop") or ["0"])[0])
        return self._redirect(target, f"{bulk.article_path(number)}?page={20 + hop}&hop={hop + 1}")  # "page 20", …

    def _offsite_redirect(self, site, target, number, page) -> None:
        return self._redirect(target, site.offsite_url + target.lstrip("/"))

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - stdlib signature
        """Quiet: the log list is the record."""


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128
    site: FaultyRouter

    def handle_error(self, request, client_address) -> None:
        """Crawlers hang up on stalled and refused answers: that is the point here."""


class _OtherSite(BaseHTTPRequestHandler):
    """Another site on another port: it only counts what reaches it."""

    def do_GET(self) -> None:
        self.server.requests.append(self.path)
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args) -> None:  # noqa: A002
        """Quiet."""


_BOMB: list[bytes] = []


def gzip_bomb() -> bytes:
    """About 64 KiB of gzip that inflates to BOMB_BYTES of HTML (made once)."""
    if not _BOMB:
        _BOMB.append(gzip.compress(b"<html><body><p>" + b" " * BOMB_BYTES + b"</p></body></html>", 9))
    return _BOMB[0]


class FaultySite:
    """The faulty site and its off-site neighbour on 127.0.0.1, each on an OS-chosen port."""

    def __init__(self, *, robots: str = "ok"):
        self.robots = robots
        self.servers: list[ThreadingHTTPServer] = []

    def __enter__(self) -> "FaultySite":
        other = ThreadingHTTPServer(("127.0.0.1", 0), _OtherSite)
        other.requests = []
        main = _Server(("127.0.0.1", 0), _Handler)
        self.base_url = f"http://127.0.0.1:{main.server_address[1]}/"
        self.offsite_url = f"http://127.0.0.1:{other.server_address[1]}/"
        main.site = FaultyRouter(self.base_url, self.offsite_url, self.robots)
        self.servers = [main, other]
        for server in self.servers:
            threading.Thread(target=server.serve_forever, daemon=True).start()
        return self

    @property
    def log(self) -> list[Served]:
        with self.servers[0].site.lock:
            return list(self.servers[0].site.log)

    @property
    def offsite_requests(self) -> list[str]:
        return list(self.servers[1].requests)

    def __exit__(self, *exc_info) -> None:
        self.servers[0].site.stopping.set()  # hung answers end now
        for server in self.servers:
            server.shutdown()
            server.server_close()
