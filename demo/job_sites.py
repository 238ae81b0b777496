"""The demo's job sites, in the response shapes python-jobspy reads from the real ones: Indeed's GraphQL job search
(POST /graphql) and LinkedIn's guest job search (GET /jobs-guest/jobs/api/seeMoreJobPostings/search, a page of job
cards) with its job pages (GET /jobs/view/<id>). Jobs come from the demo site's jobsearch.json."""

from __future__ import annotations

import html
import re
from datetime import date, datetime

LINKEDIN_PAGE = 10  # LinkedIn's guest search answers 10 cards a page
LINKEDIN_EMPTY = "<!DOCTYPE html>\n\n<!---->"  # what it answers past the last page


def matching(jobs: list[dict], term: str) -> list[dict]:
    """Jobs holding every word of the term, those with the words in their title first."""
    words = re.findall(r"\w+", term.lower())
    hits = [job for job in jobs if all(word in f"{job['title']} {job['description']}".lower() for word in words)]
    return sorted(hits, key=lambda job: not all(word in job["title"].lower() for word in words))


def graphql_term(query: str) -> str:
    found = re.search(r'what: ("(?:[^"\\]|\\.)*")', query)
    return html.unescape(found.group(1)[1:-1]) if found else ""


def indeed_answer(jobs: list[dict], query: str) -> dict:
    """Indeed's jobSearch answer: one page (no next cursor) of the jobs matching the query's `what`."""
    limit = int((re.search(r"limit: (\d+)", query) or [0, 100])[1])
    results = []
    for job in matching(jobs, graphql_term(query))[:limit]:
        posted = datetime.combine(date.fromisoformat(job["date"]), datetime.min.time())
        results.append(
            {
                "trackingKey": f"t-{job['key']}",
                "job": {
                    "key": job["key"],
                    "title": job["title"],
                    "sourceEmployerName": job["company"],
                    "dateOnIndeed": int(posted.timestamp() * 1000),
                    "description": {"html": job["description"]},
                    "location": {"countryCode": "US", "admin1Code": job["state"] or None, "city": job["city"] or None},
                    "compensation": {"estimated": None, "baseSalary": None, "currencyCode": None},
                    "attributes": [{"key": "CF3CP"}],
                    "employer": {
                        "relativeCompanyPageUrl": f"/cmp/{job['company'].replace(' ', '-')}",
                        "name": job["company"],
                        "ugcStats": None,
                        "dossier": None,
                    },
                    "recruit": {"viewJobUrl": None},
                },
            }
        )
    return {"data": {"jobSearch": {"pageInfo": {"nextCursor": None}, "results": results}}}


def linkedin_id(job: dict) -> str:
    return str(int(job["key"], 16) % 4_000_000_000)


def linkedin_cards(jobs: list[dict], term: str, start: int) -> str:
    """A page of LinkedIn job cards (the guest search's `<li>` fragments), or its empty page past the end."""
    page = matching(jobs, term)[start : start + LINKEDIN_PAGE]
    if not page:
        return LINKEDIN_EMPTY
    cards = []
    for job in page:
        job_id, place = linkedin_id(job), ", ".join(part for part in (job["city"], job["state"]) if part)
        cards.append(f"""<li>
<div class="base-card relative w-full hover:no-underline focus:no-underline base-card--link base-search-card base-search-card--link job-search-card" data-entity-urn="urn:li:jobPosting:{job_id}" data-column="1" data-row="1">
  <a class="base-card__full-link" href="https://www.linkedin.com/jobs/view/{job_id}"><span class="sr-only">{html.escape(job["title"])}</span></a>
  <div class="base-search-card__info">
    <h3 class="base-search-card__title">{html.escape(job["title"])}</h3>
    <h4 class="base-search-card__subtitle"><a class="hidden-nested-link" href="https://www.linkedin.com/company/{job_id}">{html.escape(job["company"])}</a></h4>
    <div class="base-search-card__metadata">
      <span class="job-search-card__location">{html.escape(place or "United States")}</span>
      <time class="job-search-card__listdate" datetime="{job["date"]}">recently</time>
    </div>
  </div>
</div>
</li>""")  # noqa: E501
    return "\n".join(cards)


def linkedin_job_page(jobs: list[dict], job_id: str) -> str | None:
    job = next((job for job in jobs if linkedin_id(job) == job_id), None)
    if job is None:
        return None
    return f"""<!DOCTYPE html><html><body>
<section class="description"><div class="description__text">
<div class="show-more-less-html__markup relative overflow-hidden">{job["description"]}</div></div>
<ul class="description__job-criteria-list">
<li><h3 class="description__job-criteria-subheader">Seniority level</h3><span class="description__job-criteria-text">Entry level</span></li>
<li><h3 class="description__job-criteria-subheader">Employment type</h3><span class="description__job-criteria-text">Full-time</span></li>
</ul></section></body></html>"""  # noqa: E501
