"""One request rate per site shared by every crawl worker: a token bucket kept in Redis.

AutoThrottle and CONCURRENT_REQUESTS_PER_DOMAIN are per process, so three workers would hit a site
three times as hard. Each request here first reserves a slot in the domain's bucket on the shared
Redis (one Lua script, Redis's own clock, so workers on several machines agree) and waits for it.
"""
from __future__ import annotations

import logging
from urllib.parse import urlsplit

import redis
from scrapy.exceptions import NotConfigured
from scrapy.http import Request
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet import task

logger = logging.getLogger(__name__)

# Reserve the next slot of a bucket (GCRA): KEYS[1] holds the time the bucket is next empty, in µs.
# ARGV: interval between requests (µs), burst (requests allowed at once). Returns the wait in µs.
_RESERVE = """
local now_parts = redis.call('TIME')
local now = tonumber(now_parts[1]) * 1000000 + tonumber(now_parts[2])
local interval, burst = tonumber(ARGV[1]), tonumber(ARGV[2])
local tat = tonumber(redis.call('GET', KEYS[1]) or now)
if tat < now then tat = now end
local wait = tat - now - (burst - 1) * interval
if wait < 0 then wait = 0 end
redis.call('SET', KEYS[1], tat + interval, 'PX', math.ceil((tat + interval - now) / 1000) + 1000)
return wait
"""


class DomainBucket:
    """Reserve request slots for a domain at ``rate`` per second across every client of one Redis."""

    def __init__(self, server: redis.Redis, rate: float, *, burst: int = 1):
        if rate <= 0:
            raise ValueError("rate must be positive")
        self.server = server
        self.interval_us = int(1_000_000 / rate)
        self.burst = max(1, burst)
        self._reserve = server.register_script(_RESERVE)

    def reserve(self, domain: str) -> float:
        """Seconds to wait before this request to ``domain`` may go out (0 when it may go now)."""
        waited = self._reserve(keys=[f"folio:rate:{domain}"], args=[self.interval_us, self.burst])
        return int(waited) / 1_000_000


class DomainRate:
    """Downloader middleware: hold each request until the domain's shared bucket lets it through."""

    def __init__(self, bucket: DomainBucket, stats):
        self.bucket = bucket
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        url, rate = settings.get("FOLIO_REDIS_URL"), settings.getfloat("FOLIO_DOMAIN_RATE")
        if not url or rate <= 0:
            raise NotConfigured  # a message would be logged as a warning on every single-machine crawl
        bucket = DomainBucket(redis.Redis.from_url(url), rate, burst=settings.getint("FOLIO_DOMAIN_BURST"))
        return cls(bucket, crawler.stats)

    async def process_request(self, request: Request) -> None:
        """Wait for this request's slot; the request then continues down the middleware chain."""
        wait = self.bucket.reserve(urlsplit(request.url).hostname or "")
        if wait > 0:
            self.stats.inc_value("folio/ratelimit/delayed")
            from twisted.internet import reactor  # the one Scrapy installed; importing it earlier would pick another

            await maybe_deferred_to_future(task.deferLater(reactor, wait, lambda: None))
