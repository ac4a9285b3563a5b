"""Downloader middlewares that keep a crawl on its site and polite when the site misbehaves.

SiteGuard    every request (redirect hops and next pages too) stays on the site's hosts and ports.
SiteRedirect a redirect loop fails at once, with one clear reason, instead of hop after hop.
PoliteRetry  a 429/503 retry waits the Retry-After the server asked for, up to a cap.
SiteRobots   robots.txt per RFC 9309: a 5xx or unreachable robots.txt means "disallow all".
"""
from __future__ import annotations

import logging
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

from scrapy import signals
from scrapy.downloadermiddlewares.redirect import RedirectMiddleware
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request, Response
from scrapy.http.request import NO_CALLBACK
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from scrapy.utils.response import response_status_message
from twisted.internet import defer, task

logger = logging.getLogger(__name__)

DEFAULT_PORTS = {"http": 80, "https": 443}


def port_of(url: str) -> int | None:
    """The port a URL connects to (80/443 when it names none)."""
    parts = urlsplit(url)
    try:
        return parts.port or DEFAULT_PORTS.get(parts.scheme)
    except ValueError:  # a port that is not a number
        return None


def first_url(request: Request) -> str:
    """The URL the spider asked for, before any redirect hop."""
    return (request.meta.get("redirect_urls") or [request.url])[0]


class SiteGuard:
    """Refuse any request off the spider's hosts, or on another port of them (another port is another site)."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.domains: list[str] = []
        self.ports: set[int | None] = set()
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def spider_opened(self, spider) -> None:
        profile = spider.profile
        urls = [*spider.article_urls, *profile.start_urls, *profile.sitemap_urls, *profile.feeds]
        self.domains = [d.lower() for d in spider.allowed_domains if d]
        self.ports = {port_of(u) for u in urls}
        if self.ports <= set(DEFAULT_PORTS.values()):
            self.ports = set(DEFAULT_PORTS.values())  # a site may move between http and https

    def on_site(self, url: str) -> bool:
        """Whether ``url`` is on one of the spider's hosts (or a subdomain) and ports."""
        host = (urlsplit(url).hostname or "").lower()
        on_host = not self.domains or any(host == d or host.endswith("." + d) for d in self.domains)
        return on_host and (not self.ports or port_of(url) in self.ports)

    def process_request(self, request: Request, spider=None) -> None:
        if self.on_site(request.url):
            return
        self.crawler.stats.inc_value("folio/offsite/refused")
        start = first_url(request)
        if start != request.url:
            raise IgnoreRequest(f"redirected off the site to {request.url}")
        raise IgnoreRequest(f"off the site: {request.url}")


class SiteRedirect(RedirectMiddleware):
    """Scrapy's redirects, but a hop back to a URL already in the chain ends it as a loop."""

    def _redirect(self, redirected: Request, request: Request, reason) -> Request:
        chain = [*request.meta.get("redirect_urls", []), request.url]
        if redirected.url in chain:
            self.crawler.stats.inc_value("folio/redirects/loop")
            raise IgnoreRequest(f"redirect loop: {request.url} leads back to {redirected.url}")
        if len(chain) > self.max_redirect_times:
            self.crawler.stats.inc_value("folio/redirects/too_many")
            raise IgnoreRequest(f"more than {self.max_redirect_times} redirects (REDIRECT_MAX_TIMES)")
        return super()._redirect(redirected, request, reason)


def retry_after(response: Response) -> float | None:
    """Seconds the Retry-After header asks for (a number or an HTTP date), or None."""
    value = (response.headers.get(b"Retry-After") or b"").decode("latin-1").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())


class PoliteRetry(RetryMiddleware):
    """Scrapy's retries, but a retried 429/503 waits its Retry-After (at most FOLIO_RETRY_AFTER_MAX seconds)."""

    def __init__(self, settings):
        super().__init__(settings)
        self.max_wait = settings.getfloat("FOLIO_RETRY_AFTER_MAX")

    def process_response(self, request: Request, response: Response, spider=None):
        if request.meta.get("dont_retry") or response.status not in self.retry_http_codes:
            return response
        wait = retry_after(response) if response.status in (429, 503) else None
        if wait is not None and wait > self.max_wait:
            self.crawler.stats.inc_value("folio/retry_after/too_long")
            logger.warning("%s: HTTP %d asks to come back in %.0f s, more than FOLIO_RETRY_AFTER_MAX (%.0f s);"
                           " not retried", request.url, response.status, wait, self.max_wait)
            return response
        retry = self._retry(request, response_status_message(response.status))
        if retry is None or not wait:
            return retry or response
        from twisted.internet import reactor

        self.crawler.stats.inc_value("folio/retry_after/waited")
        # A Deferred, not a coroutine: only this request waits, the download slot serves others meanwhile.
        return task.deferLater(reactor, wait, lambda: retry)


class Unreachable:
    """The robots.txt of a host that answered 5xx or not at all: RFC 9309 says assume everything disallowed."""

    def __init__(self, reason: str):
        self.reason = reason

    def allowed(self, url, user_agent) -> bool:
        return False


class SiteRobots(RobotsTxtMiddleware):
    """Scrapy's robots.txt handling, with RFC 9309's rule for a robots.txt that cannot be read."""

    def process_request_2(self, rp, request: Request) -> None:
        if isinstance(rp, Unreachable):
            self._stats.inc_value("robotstxt/forbidden")
            raise IgnoreRequest(rp.reason)
        super().process_request_2(rp, request)

    async def robot_parser(self, request: Request):
        netloc = urlparse_cached(request).netloc
        if netloc not in self._parsers:
            self._parsers[netloc] = defer.Deferred()
            url = urlparse_cached(request)
            robots = Request(f"{url.scheme}://{netloc}/robots.txt", priority=self.DOWNLOAD_PRIORITY,
                             meta={"dont_obey_robotstxt": True}, callback=NO_CALLBACK)
            try:
                response = await self.crawler.engine.download_async(robots)
            except IgnoreRequest:
                self._robots_error(IgnoreRequest(), netloc)  # e.g. redirected off the site: none to obey
            except Exception as exc:  # any network failure: RFC 9309 "unreachable"
                self._unreachable(netloc, f"{type(exc).__name__}: {exc}".strip())
            else:
                if response.status >= 500:
                    self._unreachable(netloc, f"HTTP {response.status}")
                else:
                    await self._parse_robots(response, netloc, request)
            self._stats.inc_value("robotstxt/request_count")
        parser = self._parsers[netloc]
        if isinstance(parser, defer.Deferred):
            return await maybe_deferred_to_future(parser)
        return parser

    def _unreachable(self, netloc: str, why: str) -> None:
        why = " ".join(why.split())[:200]
        reason = f"robots.txt of {netloc} unreachable ({why}): the host is treated as disallowed (RFC 9309)"
        logger.warning("%s", reason)
        self._stats.inc_value("folio/robots/unreachable")
        waiting = self._parsers[netloc]
        self._parsers[netloc] = Unreachable(reason)
        if isinstance(waiting, defer.Deferred):
            waiting.callback(self._parsers[netloc])
