"""`--set NAME=VALUE`: only settings that exist, each read as its type, checked before anything runs."""

from __future__ import annotations

import pytest

from solar_leads.errors import UserError
from solar_leads.pipeline.crawl_settings import crawl_overrides


def test_known_settings_are_read_as_their_types():
    assert crawl_overrides(
        [
            "DOWNLOAD_MAXSIZE=5000",
            "AUTOTHROTTLE_ENABLED=False",
            "RETRY_BACKOFF_BASE=0.05",
            "USER_AGENT=me/1.0",
            "LEADS_CAREERS_MAX_PAGES=2",
            "DOWNLOAD_TIMEOUT=2.5",
            "RETRY_HTTP_CODES=[500, 503]",
        ]
    ) == {
        "DOWNLOAD_MAXSIZE": 5000,
        "AUTOTHROTTLE_ENABLED": False,
        "RETRY_BACKOFF_BASE": 0.05,
        "USER_AGENT": "me/1.0",
        "LEADS_CAREERS_MAX_PAGES": 2,
        "DOWNLOAD_TIMEOUT": 2.5,
        "RETRY_HTTP_CODES": [500, 503],
    }


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (
            "DOWNLOAD_MAXSIZ=5",
            "--set DOWNLOAD_MAXSIZ: not a Scrapy or solar-leads setting (did you mean DOWNLOAD_MAXSIZE?)",
        ),
        ("LEADS_WAREHOUSE=/tmp/other.duckdb", "--set LEADS_WAREHOUSE: not a Scrapy or solar-leads setting"),
        ("DOWNLOAD_MAXSIZE=abc", "--set DOWNLOAD_MAXSIZE=abc: expected a number"),
        ("DOWNLOAD_TIMEOUT=nan", "expected a finite number, not negative"),
        ("DOWNLOAD_TIMEOUT=-1", "expected a finite number, not negative"),
        ("DOWNLOAD_TIMEOUT=inf", "expected a finite number, not negative"),
        ("ROBOTSTXT_OBEY=maybe", "expected true or false"),
        ("RETRY_HTTP_CODES=500", "expected a JSON list"),
        ("=5", "--set expects NAME=VALUE"),
        ("DOWNLOAD_TIMEOUT", "--set expects NAME=VALUE"),
    ],
)
def test_a_bad_setting_is_refused_naming_it(value, message):
    with pytest.raises(UserError) as refused:
        crawl_overrides([value])
    assert message in str(refused.value)
