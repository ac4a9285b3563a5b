"""A crawl frontier shared by many crawl workers: scrapy-redis's queue and dupefilter, made reliable.

scrapy-redis pops a request out of Redis for good, so a worker killed with requests in flight
would lose them (and the dupefilter would stop anyone fetching them again). Here a pop moves the
request into the worker's own ``processing`` hash in one Lua script, and the entry is removed only
once Scrapy is done with the request: its response went through the callback, the requests it
yielded are in the queue and its items were pushed to the writer's list. A restarted worker puts
its own leftovers back first; an idle worker puts back those of a worker whose heartbeat expired.
A new request is marked seen and queued in one script, so no kill leaves it seen but unqueued.
"""
from __future__ import annotations

import logging
import os
import socket
from dataclasses import dataclass

import redis
from scrapy.exceptions import NotConfigured
from scrapy.http import Request
from scrapy.utils.misc import load_object
from scrapy_redis.queue import PriorityQueue
from scrapy_redis.scheduler import Scheduler as RedisScheduler
from twisted.internet import task

from archive import crawl_runs

logger = logging.getLogger(__name__)

# Pop the best request and park it in the worker's processing hash, atomically.
_POP = """
local top = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
if #top == 0 then return false end
redis.call('ZREM', KEYS[1], top[1])
redis.call('HSET', KEYS[2], top[1], top[2])
return top[1]
"""
# Mark a request seen and queue it in one step: a worker killed between scrapy-redis's two calls
# (SADD, then ZADD) would leave a fingerprint with no request, and the re-run of the page that led
# to it would then find it "seen" and drop it for good. ARGV: score, request, fingerprint or "".
_ENQUEUE = """
if ARGV[3] ~= '' and redis.call('SADD', KEYS[2], ARGV[3]) == 0 then return 0 end
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])
return 1
"""
# Put every parked request of one worker back into the queue with its priority, atomically.
_REQUEUE = """
local parked = redis.call('HGETALL', KEYS[2])
for i = 1, #parked, 2 do redis.call('ZADD', KEYS[1], parked[i + 1], parked[i]) end
redis.call('DEL', KEYS[2])
return #parked / 2
"""


@dataclass(frozen=True)
class FrontierKeys:
    """The Redis keys of one site's crawl; several crawls share a server under different slugs."""

    crawl: str

    @property
    def requests(self) -> str:
        return f"folio:{self.crawl}:requests"

    @property
    def dupefilter(self) -> str:
        return f"folio:{self.crawl}:dupefilter"

    @property
    def workers(self) -> str:
        return f"folio:{self.crawl}:workers"

    def processing(self, worker: str) -> str:
        return f"folio:{self.crawl}:processing:{worker}"

    def alive(self, worker: str) -> str:
        return f"folio:alive:{self.crawl}:{worker}"


def redis_settings(url: str, *, worker_id: str | None = None) -> dict:
    """The Scrapy settings that turn a crawl into a worker of the shared frontier at ``url``."""
    settings = {"FOLIO_REDIS_URL": url}
    if worker_id:
        settings["FOLIO_WORKER_ID"] = worker_id
    return settings


class RedisFrontier:
    """Scrapy add-on (ADDONS): with FOLIO_REDIS_URL set, the crawl uses the shared frontier.

    So any way of starting the spider (`folio worker`, `scrapy crawl`, a scrapyd job with
    ``setting=FOLIO_REDIS_URL=...``) becomes a worker by that one setting.
    """

    def update_settings(self, settings) -> None:
        url = settings.get("FOLIO_REDIS_URL")
        if not url:
            return  # the single-machine crawl: Scrapy's own scheduler and dupefilter
        settings.set("REDIS_URL", url, priority="addon")  # read by scrapy-redis's connection helper
        settings.set("SCHEDULER", "crawler.frontier.Scheduler", priority="addon")
        settings.set("DUPEFILTER_CLASS", "scrapy_redis.dupefilter.RFPDupeFilter", priority="addon")
        settings.set("SCHEDULER_PERSIST", True, priority="addon")  # the frontier outlives each worker


def connect(url: str) -> redis.Redis:
    """A Redis client for ``url``, or ValueError with one line saying what is wrong."""
    try:
        server = redis.Redis.from_url(url, socket_connect_timeout=10, socket_timeout=60)
        server.ping()
    except ValueError as exc:
        raise ValueError(f"not a Redis URL: {url} ({exc})") from None
    except redis.RedisError as exc:
        raise ValueError(f"cannot reach Redis at {url}: {exc}") from None
    return server


def frontier_state(server: redis.Redis, crawl: str) -> dict:
    """How much work the shared frontier of ``crawl`` holds: queued, parked, live workers."""
    keys = FrontierKeys(crawl)
    workers = [w.decode() for w in server.smembers(keys.workers)]
    return {
        "queued": server.zcard(keys.requests),
        "parked": sum(server.hlen(keys.processing(w)) for w in workers),
        "alive": sum(bool(server.exists(keys.alive(w))) for w in workers),
    }


def prepare_frontier(server: redis.Redis, crawl: str) -> str:
    """Start a new crawl of ``crawl`` ("new"), or continue an unfinished one ("resumed")."""
    state = frontier_state(server, crawl)
    if state["queued"] or state["parked"] or state["alive"]:
        return "resumed"
    keys = FrontierKeys(crawl)
    server.delete(keys.dupefilter, keys.requests)  # last crawl's fingerprints would filter every page
    return "new"


class ReliableQueue(PriorityQueue):
    """scrapy-redis's priority queue whose pop parks the request until the worker acknowledges it."""

    def __init__(self, server, spider, key, serializer=None, *, processing: str):
        super().__init__(server, spider, key, serializer)
        self.processing = processing
        self._pop = server.register_script(_POP)
        self._requeue = server.register_script(_REQUEUE)
        self._enqueue = server.register_script(_ENQUEUE)

    def push_unseen(self, request: Request, fingerprint: str | None, *, seen_key: str) -> bool:
        """Queue ``request`` unless its fingerprint is already in ``seen_key``; whether it was queued."""
        return bool(self._enqueue(keys=[self.key, seen_key],
                                  args=[-request.priority, self._encode_request(request), fingerprint or ""]))

    def pop(self, timeout: int = 0) -> tuple[Request, bytes] | None:  # type: ignore[override]
        """The next request and its stored form (the handle to acknowledge it with), or None."""
        data = self._pop(keys=[self.key, self.processing])
        return (self._decode_request(data), data) if data else None

    def ack(self, handles: list[bytes]) -> None:
        """Forget parked requests that are fully handled."""
        if handles:
            self.server.hdel(self.processing, *handles)

    def requeue(self, processing: str) -> int:
        """Put back the requests parked under ``processing``; how many."""
        return int(self._requeue(keys=[self.key, processing]))


class Scheduler(RedisScheduler):
    """scrapy-redis's scheduler over ReliableQueue, with a heartbeat and the recovery of dead workers."""

    def __init__(self, server, *, crawler, worker: str, ttl: int, **kwargs):
        super().__init__(server, **kwargs)
        self.crawler = crawler
        self.worker = worker
        self.ttl = ttl
        self.keys: FrontierKeys | None = None
        self.parked: dict[Request, bytes] = {}  # requests this worker popped and has not finished
        self.heartbeat: task.LoopingCall | None = None

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        if not settings.get("FOLIO_REDIS_URL"):
            raise NotConfigured("FOLIO_REDIS_URL is not set")
        plain = RedisScheduler.from_settings(settings)
        worker = settings.get("FOLIO_WORKER_ID") or f"{socket.gethostname()}-{os.getpid()}"
        scheduler = cls(
            plain.server, crawler=crawler, worker=worker, ttl=settings.getint("FOLIO_WORKER_TTL"),
            persist=True, queue_cls=plain.queue_cls, dupefilter_cls=plain.dupefilter_cls,
            serializer=plain.serializer,
        )
        scheduler.stats = crawler.stats
        return scheduler

    def open(self, spider):
        """Attach to the site's frontier, put back what this worker's last run left, start beating."""
        if not hasattr(getattr(self.crawler.engine, "_slot", None), "inprogress"):
            # The one piece of Scrapy's engine this relies on: which requests are still being handled.
            raise RuntimeError("this Scrapy version's engine has no slot.inprogress; crawler.frontier needs it")
        self.spider = spider
        self.keys = FrontierKeys(spider.profile.slug)
        self.queue = ReliableQueue(self.server, spider, self.keys.requests, self.serializer,
                                   processing=self.keys.processing(self.worker))
        self.df = self._dupefilter(spider)
        self.server.sadd(self.keys.workers, self.worker)
        self._beat()
        crawl_runs.note_start(self.server, self.keys.crawl, crawl_id=self.crawler.settings.getint("FOLIO_CRAWL_ID"))
        back = self.queue.requeue(self.keys.processing(self.worker))
        if back:
            logger.warning("worker %s: %d request(s) left by its previous run put back in the queue", self.worker, back)
        self.heartbeat = task.LoopingCall(self._beat)
        self.heartbeat.start(max(1, self.ttl // 3), now=False)

    def _dupefilter(self, spider):
        """The shared duplicate filter, keyed by site rather than by spider name."""
        return load_object(self.dupefilter_cls)(self.server, key=self.keys.dupefilter,
                                                debug=spider.settings.getbool("DUPEFILTER_DEBUG"))

    def _beat(self) -> None:
        try:
            self.server.set(self.keys.alive(self.worker), "1", ex=self.ttl)
        except redis.RedisError as exc:  # an exception would stop the LoopingCall: the worker would look dead
            logger.warning("worker %s: heartbeat not recorded (%s); trying again in %d s", self.worker, exc,
                           max(1, self.ttl // 3))

    def close(self, reason):
        """Leave the frontier: anything not finished goes back to the queue for the others."""
        if self.heartbeat and self.heartbeat.running:
            self.heartbeat.stop()
        self._ack_finished()
        back = self.queue.requeue(self.keys.processing(self.worker))
        if back:
            logger.warning("worker %s: %d unfinished request(s) put back in the queue", self.worker, back)
        crawl_runs.note_worker_end(self.server, self.keys.crawl, self.stats.get_stats(), reason)
        self.server.delete(self.keys.alive(self.worker))  # last: the writer records the run once none is alive

    def enqueue_request(self, request: Request) -> bool:
        """Queue a request the duplicate filter has not seen (marked seen in the same step)."""
        fingerprint = None if request.dont_filter else self.df.request_fingerprint(request)
        if not self.queue.push_unseen(request, fingerprint, seen_key=self.df.key):
            self.df.log(request, self.spider)
            return False
        self.stats.inc_value("scheduler/enqueued/redis")
        return True

    def next_request(self) -> Request | None:
        self._ack_finished()
        popped = self.queue.pop()
        if popped is None:
            return None
        request, handle = popped
        self.parked[request] = handle
        self.stats.inc_value("scheduler/dequeued/redis")
        return request

    def has_pending_requests(self) -> bool:
        """Work is pending while the queue holds requests or any live worker is still handling some."""
        self._ack_finished()
        if len(self.queue) or self.parked:
            return True
        return self._others_busy()

    def _ack_finished(self) -> None:
        inprogress = self.crawler.engine._slot.inprogress
        done = [r for r in self.parked if r not in inprogress]
        if done:
            self.queue.ack([self.parked.pop(r) for r in done])

    def _others_busy(self) -> bool:
        """Whether another worker still handles requests; dead workers' requests are put back."""
        busy = False
        for member in self.server.smembers(self.keys.workers):
            worker = member.decode()
            if worker == self.worker or not self.server.hlen(self.keys.processing(worker)):
                continue
            if self.server.exists(self.keys.alive(worker)):
                busy = True  # its outcome may add requests: wait for it
            else:
                back = self.queue.requeue(self.keys.processing(worker))
                logger.warning("worker %s stopped beating; %d of its requests put back in the queue", worker, back)
                busy = busy or back > 0
        return busy
