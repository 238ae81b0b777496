"""Batches of terms, python-jobspy's failure messages, and the discovery summary's exit status."""

from __future__ import annotations

import pytest

from solar_leads.discovery.ats import board_hosts
from solar_leads.discovery.board_search import QueryOutcome, site_queries
from solar_leads.discovery.jobsearch import SearchOutcome, classify
from solar_leads.discovery.probe import ProbeOutcome
from solar_leads.errors import UserError
from solar_leads.pipeline.discover import DiscoverySummary, batch_slice, parse_batch


def test_batches_cover_every_term_once_in_order():
    terms = [f"t{n}" for n in range(65)]
    slices = [batch_slice(terms, (k, 4)) for k in range(1, 5)]
    assert [len(s) for s in slices] == [17, 16, 16, 16]
    assert sum(slices, []) == terms
    assert batch_slice(terms, (1, 1)) == terms
    assert batch_slice(["a"], (2, 3)) == []


@pytest.mark.parametrize("value", ["0/4", "5/4", "2", "a/b", "1/0", "-1/2"])
def test_a_bad_batch_is_refused(value):
    with pytest.raises(UserError, match="--batch expects K/N"):
        parse_batch(value)


@pytest.mark.parametrize(
    "error,outcome",
    [
        ("response status code 403 (blocked: use a proxy)", "blocked"),
        ("response status code 429 (blocked: use a proxy)", "blocked"),
        ("API error: [{'message': 'Cannot query field'}]", "unexpected_shape"),
        ("unexpected page with no jobs (blocked?)", "unexpected_shape"),
        ("1 validation error for JobSearch", "unexpected_shape"),
        ("response status code 500", "failed"),
        ("HTTPSConnectionPool: Read timed out.", "failed"),
    ],
)
def test_jobspy_messages_are_classified(error, outcome):
    assert classify(error) == outcome


def test_site_queries_ask_every_board_host_for_every_term():
    queries = site_queries(("solar designer", "PV drafter"))
    assert ("boards.greenhouse.io", 'site:boards.greenhouse.io "solar designer"') in queries
    assert ("jobs.smartrecruiters.com", 'site:jobs.smartrecruiters.com "PV drafter"') in queries
    assert ("myworkdayjobs.com", 'site:myworkdayjobs.com "PV drafter"') in queries
    hosts = [host for hosts in board_hosts().values() for host in hosts]
    assert len(hosts) >= 12 and len(queries) == 2 * len(hosts)  # every board host of every source type, two terms


def test_exit_status_failed_only_when_nothing_answered_partial_when_something_failed():
    blocked = SearchOutcome("indeed", "t", 2, "blocked", "403")
    ok = SearchOutcome("linkedin", "t", 1)
    assert DiscoverySummary("r", searches=[blocked]).exit_status == 1
    assert DiscoverySummary("r", searches=[blocked, ok]).exit_status == 3
    assert DiscoverySummary("r", searches=[ok]).exit_status == 0
    malformed = QueryOutcome("boards.greenhouse.io", "q", 1, malformed=[("https://boards.greenhouse.io/", "why")])
    assert DiscoverySummary("r", searches=[ok], queries=[malformed]).exit_status == 0  # logged, not a failure
    late = ProbeOutcome("Acme", tried=15, failures=[("ashby", "u", "failed: no answer within 1s")])
    assert DiscoverySummary("r", searches=[ok], probes=[late]).exit_status == 3
    assert DiscoverySummary("r", searches=[ok], dropped=1).exit_status == 3


def test_a_job_listed_twice_in_one_answer_is_one_sighting():
    from jobspy.model import JobPost

    from solar_leads.discovery.jobsearch import first_of_each

    jobs = [
        JobPost(id=job_id, title="Solar Designer", job_url=f"https://jobs.example/{job_id}")
        for job_id in ("in-1", "in-2", "in-1", "in-3", "in-2")
    ]
    assert [job.id for job in first_of_each(jobs)] == ["in-1", "in-2", "in-3"]
