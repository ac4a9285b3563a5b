"""Scrapy settings for Folio. Every value that differs from Scrapy's default says what the default is."""
import os

BOT_NAME = "folio"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

# Identify the crawler honestly; users put a contact address here for real sites.
USER_AGENT = "Folio/0.1 (news archiver)"  # default "Scrapy/VERSION (+https://scrapy.org)"

# Safe by default: obey robots.txt, stay polite, cap sizes.
ROBOTSTXT_OBEY = True  # default False (the project template sets True)
CONCURRENT_REQUESTS = 16  # default 16
CONCURRENT_REQUESTS_PER_DOMAIN = 8  # default 8
AUTOTHROTTLE_ENABLED = True  # default False: adapt the delay to the server's latency
AUTOTHROTTLE_START_DELAY = 0.5  # default 5.0
AUTOTHROTTLE_MAX_DELAY = 30.0  # default 60.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 4.0  # default 1.0
DOWNLOAD_TIMEOUT = 30  # default 180
DOWNLOAD_MAXSIZE = 8 * 1024 * 1024  # default 1 GiB: no article page is larger than 8 MiB
DOWNLOAD_WARNSIZE = 2 * 1024 * 1024  # default 32 MiB
RETRY_TIMES = 2  # default 2 (500, 502, 503, 504, 522, 524, 408 and 429 are retried)
REDIRECT_MAX_TIMES = 10  # default 20: no article page sits behind more than a few hops
TELNETCONSOLE_ENABLED = False  # default True: no open debugging port
REMOTE_CONTROL_ENABLED = False  # default True (Scrapy 2.19+): no HTTP port that runs code sent to it
COOKIES_ENABLED = False  # default True: articles need no session

# Incremental recrawls: known pages are revalidated with their stored ETag / Last-Modified
# through Scrapy's HTTP cache, whose storage is the archive itself (crawler/revalidate.py).
HTTPCACHE_ENABLED = True  # default False
HTTPCACHE_STORAGE = "crawler.revalidate.ArchiveCache"  # default FilesystemCacheStorage
HTTPCACHE_POLICY = "crawler.revalidate.AlwaysRevalidate"  # default DummyPolicy

# Folio's own limits.
FOLIO_MAX_PAGES = 20  # pages followed per article; a profile's max_pages may lower it
FOLIO_MAX_LISTING_PAGES = 500  # listing pages followed per crawl (calendar and tag traps)
# Processes that parse, reassemble and normalize pages off the reactor: one per core the reactor leaves
# free, at least one; 0 = one thread instead.
FOLIO_EXTRACT_WORKERS = max(1, (os.cpu_count() or 2) - 1)
FOLIO_RETRY_AFTER_MAX = 120.0  # seconds: a longer Retry-After gives the page up (recorded as its HTTP status)
FOLIO_REVISIT_ALL = False  # True ignores the profiles' revisit policies (folio crawl --revisit-all)
FOLIO_RESUME_SINCE = None  # set by --resume: articles the archive visited since then are not fetched again
# Pagination without a profile: links are proposed broadly and each fetched candidate is verified.
FOLIO_PAGINATION_EXTRA_REQUESTS = 2  # candidates fetched and rejected per article, at most
FOLIO_PAGINATION_PROPOSE = 30  # least score for a link to be proposed (a sure next link scores 80+)
FOLIO_PAGINATION_TEMPLATE = 0.5  # least share of class/id names a next page shares with page 1
FOLIO_PAGINATION_NEW_TEXT = 0.4  # least share of a next page's text not read on earlier pages
FOLIO_PROGRESS = False  # a live progress line on stderr (the `folio` command turns it on)

# Several crawl workers on one shared frontier (crawler/frontier.py); `folio crawl --redis` sets these.
FOLIO_REDIS_URL = None  # None: the single-machine crawl, writing the archive itself
FOLIO_WORKER_ID = None  # None means HOSTNAME-PID; give restarted workers their old id to recover their work
FOLIO_WORKER_TTL = 30  # seconds without a heartbeat after which a worker's requests go to the others
FOLIO_DOMAIN_RATE = 0.0  # requests per second per site across all workers (crawler/ratelimit.py); 0 = off
FOLIO_DOMAIN_BURST = 1  # requests a site's bucket lets through at once
FOLIO_REDIS_ITEMS = "folio:items"  # the list finished articles wait in for `folio archive-writer`
ADDONS = {
    "crawler.frontier.RedisFrontier": 0,  # inert unless FOLIO_REDIS_URL is set
}
# Where articles land; `datasette archive/` serves this file.
ARCHIVE_DB = None  # None means archive/folio.db
FOLIO_CRAWL_ID = 0  # the `crawls` row this run fills in (`folio schedule` sets it); 0 means a new row

ITEM_PIPELINES = {
    "pipelines.extract.Extract": 100,
    "pipelines.assemble.Assemble": 200,  # Reassemble and Normalize, in a worker
    "pipelines.store.Store": 400,
}
# The Store's writer thread commits a batch of this many articles, or what arrived within this many ms.
FOLIO_STORE_BATCH = 50
FOLIO_STORE_BATCH_MS = 500
# Scrapy's own middlewares, adapted where a faulty site would get past them (crawler/middlewares.py).
DOWNLOADER_MIDDLEWARES = {
    "crawler.middlewares.SiteGuard": 60,  # after OffsiteMiddleware (50), before robots.txt (100)
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "crawler.middlewares.SiteRobots": 100,
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "crawler.middlewares.PoliteRetry": 550,
    "scrapy.downloadermiddlewares.redirect.RedirectMiddleware": None,
    "crawler.middlewares.SiteRedirect": 600,
    "crawler.ratelimit.DomainRate": 590,  # inert unless FOLIO_REDIS_URL and FOLIO_DOMAIN_RATE are set
}
EXTENSIONS = {
    "crawler.progress.Progress": 500,
}

# Scrapy starts this many tasks for every response's output; an article page yields one request or one
# article and a listing page only requests, so more would be tasks made and ended for nothing.
CONCURRENT_ITEMS = 2  # default 100
LOG_LEVEL = "INFO"  # default "DEBUG"
FEED_EXPORT_ENCODING = "utf-8"
