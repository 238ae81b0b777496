"""Board tokens from every real URL form, the slug forms of company names, and the listings a probe counts."""

from __future__ import annotations

import pytest

from solar_leads.discovery.ats import board_from_url, jobs_in, listing_url, slug_forms


@pytest.mark.parametrize(
    "url,board",
    [
        ("https://boards.greenhouse.io/sunrun", ("greenhouse", "sunrun")),
        ("https://boards.greenhouse.io/sunrun/jobs/4012345?gh_jid=4012345", ("greenhouse", "sunrun")),
        ("https://job-boards.greenhouse.io/sunrun/jobs/4012345", ("greenhouse", "sunrun")),
        ("https://job-boards.eu.greenhouse.io/enpal/jobs/77", ("greenhouse", "enpal")),
        (
            "https://boards.greenhouse.io/embed/job_board?for=sunrun&b=https%3A%2F%2Fwww.sunrun.com",
            ("greenhouse", "sunrun"),
        ),
        ("https://boards.greenhouse.io/embed/job_app?for=sunrun&token=4012345", ("greenhouse", "sunrun")),
        ("https://jobs.lever.co/palmetto/9f1c2d3e-aaaa-bbbb-cccc-0123456789ab", ("lever", "palmetto")),
        ("https://jobs.lever.co/palmetto", ("lever", "palmetto")),
        ("https://jobs.eu.lever.co/otovo/abc", ("lever", "otovo")),
        ("https://jobs.ashbyhq.com/aurora-solar/0f1e2d3c-0000-4000-8000-000000000000", ("ashby", "aurora-solar")),
        ("https://apply.workable.com/sunpower-by-xyz/j/ABC123DEF/", ("workable", "sunpower-by-xyz")),
        ("https://apply.workable.com/sunpower-by-xyz/", ("workable", "sunpower-by-xyz")),
        ("https://solarco.workable.com/jobs/12345", ("workable", "solarco")),
        ("https://jobs.smartrecruiters.com/BoschGroup/743999912345-pv-designer", ("smartrecruiters", "BoschGroup")),
        ("https://careers.smartrecruiters.com/BoschGroup", ("smartrecruiters", "BoschGroup")),
        ("HTTPS://BOARDS.GREENHOUSE.IO/sunrun", ("greenhouse", "sunrun")),
    ],
)
def test_every_board_url_form_names_its_board(url, board):
    assert board_from_url(url) == board


@pytest.mark.parametrize(
    "url",
    [
        "https://www.linkedin.com/jobs/view/123",
        "https://www.greenhouse.io/blog/hiring",  # the vendor's own site, not a board host
        "https://www.workable.com/pricing",
        "https://lever.co/careers",
        "not a url",
    ],
)
def test_urls_off_the_board_hosts_name_no_board(url):
    assert board_from_url(url) is None


@pytest.mark.parametrize(
    "url",
    [
        "https://boards.greenhouse.io/embed/job_board",  # embed without for=
        "https://boards.greenhouse.io/",
        "https://jobs.lever.co/",
        "https://jobs.ashbyhq.com/api/non-user-graphql",
        "https://apply.workable.com/j/ABC123",
        "https://boards.greenhouse.io/<script>",
    ],
)
def test_a_board_host_url_without_a_board_is_malformed(url):
    with pytest.raises(ValueError, match="without a board token"):
        board_from_url(url)


def test_slug_forms_drop_legal_terms_and_punctuation():
    assert slug_forms("Granite State Solar, LLC") == ["granitestatesolar", "granite-state-solar", "GraniteStateSolar"]
    assert slug_forms("Sun & Sky Inc.") == ["sunandsky", "sun-and-sky", "SunAndSky"]
    assert slug_forms("KLA") == ["kla", "Kla"]
    assert slug_forms("!!!") == []


def test_listings_are_counted_in_each_apis_shape():
    assert jobs_in("greenhouse", {"jobs": [{}, {}], "meta": {"total": 2}}) == 2
    assert jobs_in("lever", [{}, {}, {}]) == 3
    assert jobs_in("smartrecruiters", {"totalFound": 140, "content": [{}] * 100}) == 140
    assert jobs_in("ashby", {"jobs": []}) == 0
    assert jobs_in("greenhouse", {"error": "not found"}) is None  # another shape: no verdict
    assert jobs_in("lever", {"ok": False}) is None


def test_listing_urls_follow_a_mirror():
    assert listing_url("lever", "acme") == "https://api.lever.co/v0/postings/acme?mode=json"
    assert listing_url("greenhouse", "acme", "http://127.0.0.1:9/") == "http://127.0.0.1:9/v1/boards/acme/jobs"
