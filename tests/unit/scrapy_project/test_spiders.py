"""Each spider's parsing of responses in the real shapes of its source (tests/fixtures/responses/, written after
the variations listed in shared reference source-formats.md), without a network or a crawl."""

from __future__ import annotations

from pathlib import Path

import scrapy
from scrapy.http import HtmlResponse, TextResponse

from scrapy_project.items import CrawlFailure, PostingItem
from scrapy_project.spiders.ashby import AshbySpider
from scrapy_project.spiders.greenhouse import GreenhouseSpider
from scrapy_project.spiders.jobposting import JobPostingSpider
from scrapy_project.spiders.lever import LeverSpider
from scrapy_project.spiders.smartrecruiters import SmartRecruitersSpider
from scrapy_project.spiders.workable import WorkableSpider

RESPONSES = Path(__file__).parents[2] / "fixtures" / "responses"


def parsed(spider, entry: dict, body: bytes, url: str = "http://127.0.0.1/x", **meta) -> list:
    request = scrapy.Request(url, meta=meta)
    response = TextResponse(
        url=url, body=body, encoding="utf-8", headers={"Content-Type": "application/json"}, request=request
    )
    return list(spider.parse_json(response, entry))


def postings(results: list) -> list[PostingItem]:
    return [r for r in results if isinstance(r, PostingItem)]


def test_greenhouse_keeps_every_job_and_its_offset_time():
    jobs = postings(parsed(GreenhouseSpider(), {"board": "sunpeak"}, (RESPONSES / "greenhouse.json").read_bytes()))
    assert [j.external_id for j in jobs] == ["4012345", "88"]
    assert jobs[0].company == "Sunpeak Design Co" and jobs[0].location == "Austin, TX"
    assert jobs[0].posted_at == "2026-07-01T09:00:00-04:00"  # the offset reaches staging, which applies it
    assert jobs[1].company == "sunpeak"  # an old board without company_name: the board token stands in
    assert jobs[1].url == "https://careers.example.com/jobs?gh_jid=88"


def test_lever_reads_the_array_and_tolerates_missing_locations():
    body = (RESPONSES / "lever.json").read_bytes()
    jobs = postings(parsed(LeverSpider(), {"site": "helio", "company": "Helio"}, body))
    assert [j.title for j in jobs] == ["PV Drafter", "Recruiter"]
    assert "Stringing layouts" in jobs[0].description and "Draft permit plan sets." in jobs[0].description
    assert jobs[0].posted_at.startswith("2025-07-16T") and jobs[1].location is None


def test_ashby_skips_unlisted_and_keeps_separate_requisitions():
    jobs = postings(parsed(AshbySpider(), {"org": "helio"}, (RESPONSES / "ashby.json").read_bytes()))
    assert [j.external_id for j in jobs] == ["a1", "a2"]  # same title and location, different ids: two postings
    assert jobs[0].description == "Design PV systems."


def test_smartrecruiters_detail_joins_its_sections():
    entry = {"company": "BrightGrid"}
    [job] = postings(parsed(SmartRecruitersSpider(), entry, (RESPONSES / "smartrecruiters_detail.json").read_bytes()))
    assert job.company == "BrightGrid Energy" and job.location == "Phoenix, AZ, United States"
    assert "PV permit sets" in job.description and "BrightGrid builds solar" in job.description


def test_smartrecruiters_list_pages_and_requests_details():
    body = b'{"offset": 0, "limit": 1, "totalFound": 2, "content": [{"id": "1", "ref": "http://127.0.0.1/d/1"}]}'
    entry = {"company": "X", "base_url": "http://127.0.0.1"}
    requests = [r for r in parsed(SmartRecruitersSpider(), entry, body, page="list") if isinstance(r, scrapy.Request)]
    assert [r.url for r in requests] == ["http://127.0.0.1/d/1", "http://127.0.0.1/v1/companies/X/postings?offset=1"]


def test_workable_uses_the_account_name_and_the_job_shortcode():
    body = (RESPONSES / "workable.json").read_bytes()
    [job] = postings(parsed(WorkableSpider(), {"account": "southern-cross"}, body))
    assert job.company == "Southern Cross Solar" and job.external_id == "A1B2C3D4E5"
    assert job.url == "https://apply.workable.com/j/A1B2C3D4E5"


def test_malformed_json_is_a_logged_failure_not_an_exception():
    [failure] = parsed(GreenhouseSpider(), {"board": "x"}, b'{"jobs": [')
    assert isinstance(failure, CrawlFailure) and failure.kind == "parse_error"


def test_jobposting_reads_a_graph_and_a_list_of_postings():
    page = b"""<html><head>
    <script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
      {"@type": "Organization", "name": "Helio"},
      {"@type": "JobPosting", "title": "Solar Designer", "identifier": {"value": "sd-1"},
       "hiringOrganization": {"@type": "Organization", "name": "Helio Power"}, "datePosted": "2026-05-01",
       "description": "<p>Design PV systems.</p>",
       "jobLocation": {"address": {"addressLocality": "Reno", "addressRegion": "NV", "addressCountry": "US"}}}]}
    </script>
    <script type="application/ld+json">[{"@type": "JobPosting", "title": "PV Drafter", "identifier": "pd-2",
       "hiringOrganization": "Helio Power", "description": "Draft plan sets."}]</script>
    </head><body></body></html>"""
    response = HtmlResponse(url="http://127.0.0.1/careers", body=page, encoding="utf-8")
    jobs = postings(list(JobPostingSpider().parse(response, {"url": "http://127.0.0.1/careers"})))
    assert [(j.external_id, j.title, j.company) for j in jobs] == [
        ("sd-1", "Solar Designer", "Helio Power"),
        ("pd-2", "PV Drafter", "Helio Power"),
    ]
    assert jobs[0].location and "Reno" in jobs[0].location


def test_lever_keeps_the_pay_text_and_a_list_without_heading_has_no_stray_colon():
    body = (RESPONSES / "lever.json").read_bytes()
    [drafter, recruiter] = postings(parsed(LeverSpider(), {"site": "helio"}, body))
    assert "Pay: $60k-$75k plus bonus" in drafter.description
    assert "What you'll do:\n<li>Stringing layouts" in drafter.description
    assert "\n<li>Benefits from day one</li>" in drafter.description and "\n:" not in drafter.description
    assert recruiter.location is None  # no location, empty allLocations, country null


def test_ashby_keeps_secondary_locations():
    [first, second] = postings(parsed(AshbySpider(), {"org": "helio"}, (RESPONSES / "ashby.json").read_bytes()))
    assert first.location == "Boston, MA; Remote - US" and second.location == "Boston, MA"


def test_workable_keeps_the_country():
    [job] = postings(parsed(WorkableSpider(), {"account": "x"}, (RESPONSES / "workable.json").read_bytes()))
    assert job.location == "Sydney, New South Wales, Australia"
    state_only = (
        b'{"name": "S", "jobs": [{"title": "T", "shortcode": "Z", "city": "", "state": "Victoria",'
        b' "country": "Australia", "url": "https://apply.workable.com/j/Z", "description": "d"}]}'
    )
    [job] = postings(parsed(WorkableSpider(), {"account": "x"}, state_only))
    assert job.location == "Victoria, Australia"


def test_smartrecruiters_follows_ref_links_on_the_configured_base_url():
    body = (
        b'{"content": [{"id": "744", "ref": "https://api.smartrecruiters.com/v1/companies/brightgrid/postings/744"}'
        b', {"id": "745"}]}'
    )  # the second has no ref; the list lacks offset, limit and company
    entry = {"company": "BrightGrid", "base_url": "http://127.0.0.1:8123/mirror"}
    urls = [r.url for r in parsed(SmartRecruitersSpider(), entry, body, page="list") if isinstance(r, scrapy.Request)]
    assert urls == [
        "http://127.0.0.1:8123/mirror/v1/companies/brightgrid/postings/744",
        "http://127.0.0.1:8123/mirror/v1/companies/BrightGrid/postings/745",
    ]


def test_odd_shapes_are_failures_and_the_valid_job_is_kept():
    valid = b'{"id": 7, "title": "Solar Designer", "absolute_url": "https://x/7", "content": "PV"}'
    results = parsed(GreenhouseSpider(), {"board": "b"}, b'{"jobs": [null, 5, "x", ' + valid + b"]}")
    assert [type(r).__name__ for r in results] == ["CrawlFailure"] * 3 + ["PostingItem"]
    assert [r.error for r in results[:3]] == [
        "jobs[0] is NoneType, not an object",
        "jobs[1] is int, not an object",
        "jobs[2] is str, not an object",
    ]
    [shape] = parsed(GreenhouseSpider(), {"board": "b"}, b'{"jobs": {"id": 1}}')
    assert shape.kind == "unexpected_shape" and shape.error == "expected a list of jobs in jobs, found dict"
    [lever_shape] = parsed(LeverSpider(), {"site": "s"}, b'{"postings": []}')
    assert lever_shape.kind == "unexpected_shape"
    bad_field = b'{"jobs": [{"id": 1, "location": "Austin", "title": "T"}, ' + valid + b"]}"
    results = parsed(GreenhouseSpider(), {"board": "b"}, bad_field)  # location a string, not {name}
    assert [type(r).__name__ for r in results] == ["CrawlFailure", "PostingItem"]
    assert results[0].kind == "bad_item" and "AttributeError" in results[0].error


def test_jobposting_finds_every_attribute_spelling_and_microdata_and_logs_a_page_without_one():
    page = b"""<html><head>
    <script type=application/ld+json>{"@type": "JobPosting", "title": "Unquoted", "identifier": "u1"}</script>
    <script type="Application/LD+JSON ">{"@type": "JobPosting", "title": "Odd case", "identifier": "u2"}</script>
    <script type="application/ld+json">{"@type": "JobPosting", "title": "Broken",</script>
    </head><body><div itemscope itemtype="https://schema.org/JobPosting"><h1 itemprop="title">Microdata Drafter</h1>
    <div itemprop="description"><p>Draft PV plan sets.</p></div>
    <span itemprop="hiringOrganization" itemscope itemtype="https://schema.org/Organization">
    <span itemprop="name">Helio</span></span></div></body></html>"""
    response = HtmlResponse(
        url="http://127.0.0.1/careers", body=page, encoding="utf-8", request=scrapy.Request("http://127.0.0.1/careers")
    )
    results = list(JobPostingSpider().parse(response, {"url": "http://127.0.0.1/careers"}))
    assert sorted(r.title for r in postings(results)) == ["Microdata Drafter", "Odd case", "Unquoted"]
    assert [r.kind for r in results if isinstance(r, CrawlFailure)] == ["parse_error"]
    empty = HtmlResponse(
        url="http://127.0.0.1/none",
        body=b"<html><body>No jobs here</body></html>",
        request=scrapy.Request("http://127.0.0.1/none"),
    )
    [failure] = JobPostingSpider().parse(empty, {"url": "http://127.0.0.1/none"})
    assert failure.kind == "no_job_posting"
