"""The shared frontier on a real redis-server: requests survive Redis, parking, recovery, the shared rate."""
from __future__ import annotations

import pickle
import time

import pytest
import redis
from scrapy.utils.test import get_crawler

from crawler.frontier import FrontierKeys, ReliableQueue, connect, frontier_state, prepare_frontier, redis_settings
from crawler.items import ArticleCapture, Page
from crawler.ratelimit import DomainBucket
from crawler.spiders.article import ArticleSpider


@pytest.fixture
def spider(redis_url):
    crawler = get_crawler(ArticleSpider, settings_dict=redis_settings(redis_url))
    return ArticleSpider.from_crawler(crawler, site="bulk", base_url="http://127.0.0.1:9/")


def queue_for(spider, server, worker: str) -> ReliableQueue:
    keys = FrontierKeys("bulk")
    return ReliableQueue(server, spider, keys.requests, processing=keys.processing(worker))


def article_request(spider):
    capture = ArticleCapture(site="bulk", url="http://127.0.0.1:9/bulk/news/20160105/article-1")
    capture.pages.append(Page(url=capture.url, number=1, status=200, headers={"ETag": '"x"'},
                              body="<p>Caf\u00e9 \u2013 page one</p>".encode(), fetched_at="2026-01-01T00:00:00+00:00"))
    request = spider.article_request(capture.url)
    request.cb_kwargs["capture"] = capture
    return request


def test_a_request_with_its_article_capture_goes_through_redis_intact(spider, redis_url):
    server = connect(redis_url)
    queue = queue_for(spider, server, "w1")
    queue.push(article_request(spider))
    request, handle = queue.pop()
    capture = request.cb_kwargs["capture"]
    assert request.callback == spider.parse_article and request.errback == spider.page_failed
    assert capture.pages[0].body == "<p>Caf\u00e9 \u2013 page one</p>".encode()
    assert capture.pages[0].headers == {"ETag": '"x"'}
    assert pickle.loads(pickle.dumps(capture)) == capture


def test_a_popped_request_stays_parked_until_acknowledged(spider, redis_url):
    server = connect(redis_url)
    queue = queue_for(spider, server, "w1")
    queue.push(article_request(spider))
    _, handle = queue.pop()
    assert len(queue) == 0 and frontier_state(server, "bulk")["queued"] == 0
    assert server.hlen(FrontierKeys("bulk").processing("w1")) == 1
    queue.ack([handle])
    assert server.hlen(FrontierKeys("bulk").processing("w1")) == 0


def test_parked_requests_of_a_dead_worker_go_back_with_their_priority(spider, redis_url):
    server = connect(redis_url)
    queue = queue_for(spider, server, "w1")
    listing = spider.article_request("http://127.0.0.1:9/bulk/news/20160106/article-2")
    listing.priority = -5
    queue.push(article_request(spider))
    queue.push(listing)
    queue.pop(), queue.pop()
    assert len(queue) == 0
    assert queue_for(spider, server, "w2").requeue(FrontierKeys("bulk").processing("w1")) == 2
    first, _ = queue.pop()
    assert first.priority == 10 and first.cb_kwargs["capture"].pages  # the article page first, as before


def test_a_new_request_is_marked_seen_and_queued_in_one_step(spider, redis_url):
    """Either both happen or neither: a worker killed in between must not leave a seen, unqueued request."""
    from scrapy_redis.dupefilter import RFPDupeFilter

    server = connect(redis_url)
    keys = FrontierKeys("bulk")
    queue, seen = queue_for(spider, server, "w1"), RFPDupeFilter(server, key=keys.dupefilter)
    request = spider.article_request("http://127.0.0.1:9/bulk/news/20160106/article-2")
    fingerprint = seen.request_fingerprint(request)
    assert queue.push_unseen(request, fingerprint, seen_key=keys.dupefilter)
    assert server.sismember(keys.dupefilter, fingerprint) and len(queue) == 1
    assert not queue.push_unseen(request, fingerprint, seen_key=keys.dupefilter)  # a duplicate: not queued again
    assert len(queue) == 1
    assert queue.push_unseen(request.replace(dont_filter=True), None, seen_key=keys.dupefilter)  # next pages
    assert len(queue) == 2


def test_a_test_redis_server_never_takes_another_server_for_its_own(redis_url):
    """A port chosen free may be taken before redis-server binds it: the helper then starts elsewhere."""
    from tests.redis_server import RedisServer

    other = RedisServer()
    other.port = int(redis_url.rsplit(":", 1)[1].split("/")[0])  # the port the fixture's server listens on
    with other:
        assert other.url != redis_url
        assert redis.Redis.from_url(other.url).info("server")["process_id"] == other.process.pid


def test_a_new_crawl_clears_the_last_crawls_fingerprints_but_an_unfinished_one_continues(spider, redis_url):
    server = connect(redis_url)
    keys = FrontierKeys("bulk")
    server.sadd(keys.dupefilter, "old-fingerprint")
    assert prepare_frontier(server, "bulk") == "new" and not server.exists(keys.dupefilter)
    server.sadd(keys.dupefilter, "fingerprint")
    queue_for(spider, server, "w1").push(article_request(spider))
    assert prepare_frontier(server, "bulk") == "resumed" and server.exists(keys.dupefilter)


def test_an_unreachable_redis_is_one_clear_error():
    with pytest.raises(ValueError, match="cannot reach Redis at redis://127.0.0.1:9/0"):
        connect("redis://127.0.0.1:9/0")
    with pytest.raises(ValueError, match="not a Redis URL"):
        connect("http://127.0.0.1/")


def test_the_domain_bucket_spaces_requests_of_every_client_at_the_shared_rate(redis_url):
    """Two clients (two workers) share one bucket: reserved slots are one interval apart, not per client."""
    one, two = (DomainBucket(redis.Redis.from_url(redis_url), rate=0.1) for _ in range(2))
    started = time.monotonic()
    waits = [one.reserve("site.test"), two.reserve("site.test"), one.reserve("site.test"), two.reserve("site.test")]
    elapsed = time.monotonic() - started
    assert waits[0] == 0
    for n, wait in enumerate(waits[1:], 1):
        # Slot n starts n intervals (10 s) after the first; the calls themselves took `elapsed`.
        assert 10 * n - elapsed - 0.01 <= wait <= 10 * n
    assert one.reserve("other.test") == 0  # each site has its own bucket


def test_a_bucket_with_a_burst_lets_that_many_through_at_once(redis_url):
    bucket = DomainBucket(redis.Redis.from_url(redis_url), rate=0.1, burst=3)
    waits = [bucket.reserve("site.test") for _ in range(4)]
    assert waits[:3] == [0, 0, 0] and waits[3] > 5


def test_the_add_on_turns_any_crawl_into_a_worker_by_one_setting_and_leaves_the_default_alone(redis_url):
    from scrapy.settings import Settings

    from crawler.frontier import RedisFrontier

    def effective(**extra):
        settings = Settings()
        settings.setmodule("crawler.settings", priority="project")
        settings.setdict(extra, priority="cmdline")
        assert "crawler.frontier.RedisFrontier" in settings.getdict("ADDONS")
        RedisFrontier().update_settings(settings)
        return settings

    worker = effective(FOLIO_REDIS_URL=redis_url)
    assert worker["SCHEDULER"] == "crawler.frontier.Scheduler" and worker["REDIS_URL"] == redis_url
    assert worker["DUPEFILTER_CLASS"] == "scrapy_redis.dupefilter.RFPDupeFilter"
    single = effective()
    assert single["SCHEDULER"] == "scrapy.core.scheduler.Scheduler"
    assert single["DUPEFILTER_CLASS"] == "scrapy.dupefilters.RFPDupeFilter"
