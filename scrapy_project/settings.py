"""Polite crawl defaults. `leads crawl` overrides USER_AGENT from sources.yml and adds the run's settings; a plain
`scrapy crawl` writes to $WAREHOUSE (default data/warehouse.duckdb) under a new run id."""

import os

BOT_NAME = "solar_leads"
SPIDER_MODULES = ["scrapy_project.spiders"]
NEWSPIDER_MODULE = "scrapy_project.spiders"

USER_AGENT = "solar-leads/0.1 (+https://example.invalid/solar-leads)"
ROBOTSTXT_OBEY = True

CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 4
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 0.25
AUTOTHROTTLE_MAX_DELAY = 10.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0

DOWNLOAD_TIMEOUT = 30
# A board of a few thousand jobs with full descriptions is well over 10 MB; a refused body is logged as
# body_too_large with the setting to raise (--set DOWNLOAD_MAXSIZE=<bytes> on `leads run` / `leads crawl`).
DOWNLOAD_MAXSIZE = 128 * 1024 * 1024
DOWNLOAD_WARNSIZE = 32 * 1024 * 1024

RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [408, 429, 500, 502, 503, 504, 522, 524]
RETRY_BACKOFF_BASE = 1.0  # seconds before the first retry; doubles each time
RETRY_BACKOFF_MAX = 60.0  # cap, also for a server's Retry-After

DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "scrapy.downloadermiddlewares.redirect.RedirectMiddleware": None,
    "scrapy_project.middlewares.HomeRedirectMiddleware": 600,
    "scrapy_project.middlewares.SharedRobotsTxtMiddleware": 100,
    "scrapy_project.middlewares.BackoffRetryMiddleware": 550,
}
SPIDER_MIDDLEWARES = {"scrapy_project.middlewares.CallbackFailureMiddleware": 1000}
ITEM_PIPELINES = {
    "scrapy_project.pipelines.ValidationPipeline": 100,
    "scrapy_project.pipelines.DuckDBPipeline": 800,
}
DUCKDB_BATCH_SIZE = 2000  # rows per committed batch: each commit syncs the WAL, so fewer, larger batches load faster
LEADS_WAREHOUSE = os.environ.get("WAREHOUSE", "data/warehouse.duckdb")
LEADS_RUN_ID = None  # None: the pipeline registers a new run in meta.runs

LOG_LEVEL = "WARNING"  # the crawl summary says what matters; --set LOG_LEVEL=INFO for detail
TELNETCONSOLE_ENABLED = False
REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"
FEED_EXPORT_ENCODING = "utf-8"
LEADS_CAREERS_MAX_PAGES = 200  # pages a `careers` site is asked for at most (its list page included)
