"""The source types beyond the first five, each against bodies in its service's real shapes: recorded bodies where
a licence allows (tests/fixtures/responses/recorded/, with attribution), else written in the shapes recorded in
the reference (tests/fixtures/responses/<type>/)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import scrapy
from scrapy.http import HtmlResponse, TextResponse, XmlResponse

from scrapy_project.items import CrawlFailure, PostingItem
from scrapy_project.spiders.bamboohr import BambooHRSpider
from scrapy_project.spiders.breezy import BreezySpider
from scrapy_project.spiders.personio import PersonioSpider
from scrapy_project.spiders.recruitee import RecruiteeSpider
from scrapy_project.spiders.workday import WorkdaySpider, posted_estimate
from scrapy_project.wide_net import NOT_FETCHED, worth_details
from solar_leads.discovery.ats import board_from_url, jobs_in, listing_url

RESPONSES = Path(__file__).parents[2] / "fixtures" / "responses"
RECORDED = RESPONSES / "recorded"


def answer(
    spider, entry, body: bytes, url="http://127.0.0.1/x", response_class=TextResponse, asked=None, callback=None, **meta
):
    """The spider's parse of `body` as the answer to a request (`asked`: the JSON body it POSTed)."""
    request = scrapy.Request(url, meta=meta, cb_kwargs={"entry": entry}, body=json.dumps(asked) if asked else b"")
    response = response_class(url=url, body=body, encoding="utf-8", request=request)
    parse = callback or (spider.parse_json if response_class is TextResponse else spider.parse_list)
    return list(parse(response, entry))


def split(results):
    rows = [r for r in results if isinstance(r, PostingItem)]
    requests = [r for r in results if isinstance(r, scrapy.Request)]
    failures = [r for r in results if isinstance(r, CrawlFailure)]
    return rows, requests, failures


def test_the_wide_net_takes_role_words_and_leaves_others():
    assert all(map(worth_details, ["Solar Designer II", "PV Design Lead", "Drafting Tech", "CAD Operator", None]))
    assert not any(map(worth_details, ["Accountant", "Sales Representative", "Payroll Specialist"]))


WORKDAY = {"tenant": "brightgrid", "wd": "wd5", "site": "External", "base_url": "http://127.0.0.1:9"}


def test_workday_lists_fetches_details_past_the_net_and_keeps_the_rest_marked():
    spider = WorkdaySpider()
    first = split(answer(spider, WORKDAY, (RESPONSES / "workday/jobs_page1.json").read_bytes(), page="list"))
    rows, requests, failures = first
    assert not failures
    [payroll] = rows  # fails the net: loaded from the list alone, marked, its relative date estimated
    assert payroll.payload["detail"] == NOT_FETCHED and payroll.description is None
    assert payroll.external_id == "/job/Denver-CO/Payroll-Specialist_JR-1042" and payroll.location == "Denver, CO"
    assert payroll.url == "http://127.0.0.1:9/External/job/Denver-CO/Payroll-Specialist_JR-1042"
    assert payroll.posted_at == (datetime.now(UTC) - timedelta(days=30)).date().isoformat()
    assert payroll.payload["posted_at_estimated"] is True
    detail, more = requests
    assert detail.url == "http://127.0.0.1:9/wday/cxs/brightgrid/External/job/Denver-CO/Solar-Design-Engineer_JR-1041"
    assert detail.meta["listed"].location is None  # "2 Locations" is not a place
    # the page held 2 of 3 jobs: the next asks from the third, and remembers the total
    assert more.method == "POST" and json.loads(more.body)["offset"] == 2 and more.meta["total"] == 3

    page2 = (RESPONSES / "workday/jobs_page2.json").read_bytes()
    second = answer(spider, WORKDAY, page2, asked={"offset": 2}, page="list", total=3)
    rows, requests, _ = split(second)
    assert not rows and [r.meta["page"] for r in requests] == ["detail"]  # total 0 on page 2: no further page


def test_workday_detail_keeps_every_location_and_the_absolute_date():
    spider = WorkdaySpider()
    [listed] = [
        r
        for r in answer(spider, WORKDAY, (RESPONSES / "workday/jobs_page1.json").read_bytes(), page="list")
        if isinstance(r, scrapy.Request) and r.meta.get("page") == "detail"
    ]
    body = (RESPONSES / "workday/detail_JR-1041.json").read_bytes()
    [job] = answer(spider, WORKDAY, body, page="detail", listed=listed.meta["listed"])
    assert job.company == "BrightGrid Energy" and job.location == "Denver, CO; Austin, TX"
    assert job.posted_at == "2026-11-20" and job.payload["posted_at_estimated"] is False
    assert job.external_id == listed.meta["listed"].external_id and "stringing" in job.description
    assert job.url.startswith("https://brightgrid.wd5.myworkdayjobs.com/External/job/")


def test_workday_relative_dates_are_estimates_from_the_fetch():
    fetched = datetime(2026, 12, 8, 10, tzinfo=UTC)
    assert posted_estimate("Posted Today", fetched) == "2026-12-08"
    assert posted_estimate("Posted Yesterday", fetched) == "2026-12-07"
    assert posted_estimate("Posted 30+ Days Ago", fetched) == "2026-11-08"
    assert posted_estimate(None, fetched) is None


def test_recruitee_keeps_requirements_with_the_description_and_every_location():
    entry = {"company": "zonnepanelen"}
    rows, _, failures = split(answer(RecruiteeSpider(), entry, (RESPONSES / "recruitee/offers.json").read_bytes()))
    assert not failures and [r.title for r in rows] == ["PV Design Engineer", "Office Manager"]
    assert "rooftop PV" in rows[0].description and "PVsyst" in rows[0].description
    assert rows[0].location == "Utrecht, Utrecht, Netherlands; Eindhoven, Noord-Brabant, Netherlands"
    assert rows[1].location == "Utrecht, Netherlands" and rows[1].posted_at == "2026-09-01 09:00:00 UTC"


def test_bamboohr_recorded_list_details_past_the_net_only():
    entry = {"company": "pgm", "base_url": "http://127.0.0.1:9"}
    rows, requests, _ = split(answer(BambooHRSpider(), entry, (RECORDED / "bamboohr/normal.json").read_bytes()))
    assert [r.title for r in rows] == ["Process Operator", "Project Manager, Mining"]  # no role word: listed only
    assert all(
        r.payload["detail"] == NOT_FETCHED and r.url.startswith("https://pgm.bamboohr.com/careers/") for r in rows
    )
    assert rows[0].location == "Burnaby, British Columbia"
    assert [r.url for r in requests] == [f"http://127.0.0.1:9/careers/{n}/detail" for n in ("58", "61")]
    detail = (RESPONSES / "bamboohr/detail_58.json").read_bytes()
    [job] = answer(BambooHRSpider(), entry, detail, page="detail", listed=requests[0].meta["listed"])
    assert job.posted_at == "2026-08-14" and job.url == "https://pgm.bamboohr.com/careers/58" and job.description


def test_bamboohr_truncated_list_is_a_logged_parse_error():
    _, _, [failure] = split(
        answer(BambooHRSpider(), {"company": "pgm"}, (RECORDED / "bamboohr/malformed.json").read_bytes())
    )
    assert failure.kind == "parse_error"


def test_breezy_recorded_list_then_the_job_pages_jobposting():
    entry = {"company": "mobilion-systems-inc", "base_url": "http://127.0.0.1:9"}
    rows, requests, _ = split(answer(BreezySpider(), entry, (RECORDED / "breezy/normal.json").read_bytes()))
    assert not requests and len(rows) == 2  # neither title holds a role word: both listed only, with no text
    assert all(row.payload["detail"] == NOT_FETCHED for row in rows)
    assert rows[1].posted_at == "2026-09-11T15:05:27.198Z" and rows[1].location == "United States"
    scientist = rows[0]
    page = BreezySpider().rebase(scientist.url, entry)  # a job page is asked on the entry's base URL
    assert page == "http://127.0.0.1:9/p/4fb21e266193-applications-scientist-proteomics"
    body = (RESPONSES / "breezy/job_page.html").read_bytes()
    spider = BreezySpider()
    [job] = answer(
        spider, entry, body, url=page, response_class=HtmlResponse, callback=spider.job_page, listed=scientist
    )
    assert job.description.startswith("<p>Support customers") and job.location == "Chadds Ford, PA"
    assert job.external_id == "4fb21e266193" and job.company == "mobilion-systems-inc"


def test_personio_recorded_feed_and_an_empty_one():
    entry = {"company": "strohm"}
    rows, _, failures = split(
        answer(PersonioSpider(), entry, (RECORDED / "personio/normal.xml").read_bytes(), response_class=XmlResponse)
    )
    assert [r.external_id for r in rows] == ["2732558", "2653084"] and not failures
    assert rows[0].company == "Strohm B.V." and rows[0].location == "HQ - IJmuiden - NL"
    assert rows[0].url == "https://strohm.jobs.personio.de/job/2732558"
    assert rows[1].posted_at == "2026-06-01T10:52:51+00:00"
    empty = answer(PersonioSpider(), entry, (RECORDED / "personio/empty.xml").read_bytes(), response_class=XmlResponse)
    assert empty == []
    [bad] = answer(PersonioSpider(), entry, b"<html>not a feed", response_class=XmlResponse)
    assert bad.kind in {"parse_error", "unexpected_shape"}


def test_every_new_type_reads_its_board_out_of_its_urls_and_probes_where_it_lists():
    assert board_from_url("https://brightgrid.wd5.myworkdayjobs.com/en-US/External/job/X_JR-1") == (
        "workday",
        "brightgrid.wd5.External",
    )
    assert board_from_url("https://zonnepanelen.recruitee.com/o/pv-design-engineer") == ("recruitee", "zonnepanelen")
    assert board_from_url("https://pgm.bamboohr.com/careers/58") == ("bamboohr", "pgm")
    assert board_from_url("https://elysium-health.breezy.hr/p/a81548050f88") == ("breezy", "elysium-health")
    assert board_from_url("https://strohm.jobs.personio.de/job/2732558") == ("personio", "strohm")
    assert listing_url("recruitee", "zonnepanelen") == "https://zonnepanelen.recruitee.com/api/offers/"
    assert listing_url("bamboohr", "pgm", "http://127.0.0.1:9") == "http://127.0.0.1:9/careers/list"
    assert jobs_in("breezy", json.loads((RECORDED / "breezy/normal.json").read_text())) == 2
    assert jobs_in("bamboohr", json.loads((RECORDED / "bamboohr/normal.json").read_text())) == 4


def test_jobs_without_an_id_are_keyed_by_a_url_of_their_own_or_logged_never_merged():
    """Two id-less jobs sharing one URL are two logged items; an id-less job with a URL of its own is keyed by it;
    a null id is no id (never the text "None")."""
    from scrapy_project.spiders.greenhouse import GreenhouseSpider

    def job(job_id, url):
        return {"id": job_id, "title": "Solar Designer", "absolute_url": url, "content": "<p>PV design</p>"}

    jobs = [
        job(None, "https://x/shared"),
        job(None, "https://x/shared"),
        job(None, "https://x/own"),
        job(7, "https://x/7"),
    ]
    rows, _, failures = split(answer(GreenhouseSpider(), {"board": "acme"}, json.dumps({"jobs": jobs}).encode()))
    assert [row.external_id for row in rows] == ["url:https://x/own", "7"]
    assert [f.kind for f in failures] == ["bad_item", "bad_item"]
    assert all("shared by 2 jobs" in f.error for f in failures)
