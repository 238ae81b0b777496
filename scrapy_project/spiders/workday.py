"""Workday's public job board (the candidate experience API its own pages call):
POST {origin}/wday/cxs/{tenant}/{site}/jobs pages through the list by offset; GET {origin}/wday/cxs/{tenant}/{site}
{externalPath} is one job's detail, fetched for the titles that pass the wide net (scrapy_project.wide_net)."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta

from scrapy_project.items import PostingItem
from scrapy_project.source_types import SourceType
from scrapy_project.spiders.base import SourceSpider, with_detail

PAGE = 20  # jobs per list request, as Workday's own board asks
_SEVERAL = re.compile(r"^\d+ Locations?$", re.IGNORECASE)  # locationsText of a job in several places
_POSTED = re.compile(r"Posted (Today|Yesterday|(\d+)\+? Days? Ago)", re.IGNORECASE)


def _board(host: str, segments: list[str], query: dict[str, list[str]]) -> str | None:
    """<tenant>.wdN.myworkdayjobs.com/[<locale>/]<site>[/job/...] as tenant.wdN.site."""
    labels = host.split(".")
    if not host.endswith(".myworkdayjobs.com") or len(labels) != 4:
        return None
    path = [s for s in segments if not re.fullmatch(r"[a-z]{2}-[A-Z]{2}", s)]  # a locale (en-US) comes first
    site = path[0] if path and path[0] not in ("wday", "job") else ""
    return f"{labels[0]}.{labels[1]}.{site}" if site else ""


def posted_estimate(text: str | None, fetched: datetime) -> str | None:
    """Workday lists only a relative date ("Posted 3 Days Ago", "Posted 30+ Days Ago"): the day it gives, counted
    back from the fetch (for "30+", the latest it can be). None when there is none."""
    match = _POSTED.search(text or "")
    if match is None:
        return None
    word = match.group(1).lower()
    days = 0 if word == "today" else 1 if word == "yesterday" else int(match.group(2))
    return (fetched - timedelta(days=days)).date().isoformat()


SOURCE = SourceType(
    name="workday",
    key="tenant",
    also_required=("wd", "site"),
    summary="Workday candidate experience API: the list (POST, paged by offset), then the detail of each job whose "
    "title passes the wide net",
    api_base="https://{tenant}.{wd}.myworkdayjobs.com",
    board_hosts=("myworkdayjobs.com",),
    board_in_url=_board,
    job_hosts=("myworkdayjobs.com",),
)


class WorkdaySpider(SourceSpider):
    source = SOURCE
    jobs_key = "jobPostings"

    def api(self, entry) -> str:
        return f"{self.base_url(entry)}/wday/cxs/{entry['tenant']}/{entry['site']}"

    def list_request(self, entry, offset: int = 0, total: int | None = None):
        body = json.dumps({"appliedFacets": {}, "limit": PAGE, "offset": offset, "searchText": ""})
        request = self.request(f"{self.api(entry)}/jobs", self.parse_json, entry, page="list", total=total)
        return request.replace(method="POST", body=body, headers={"Content-Type": "application/json"})

    def requests_for(self, entry):
        yield self.list_request(entry)

    def items_from(self, data, entry, response):
        """A list page: each job (its detail request, or its listed row) and the next page; a detail: the job."""
        if response.meta.get("page") == "detail":
            yield from self.detail(data, entry, response)
            return
        yield from super().items_from(data, entry, response)
        jobs = data.get(self.jobs_key) if isinstance(data, dict) else None
        if isinstance(jobs, list) and jobs:
            # Workday states the total on the first page only (later pages may say 0); a page may hold fewer jobs
            # than asked for, so the next one starts after the jobs this one gave
            total = response.meta.get("total") or data.get("total") or 0
            offset = json.loads(response.request.body or b"{}").get("offset", 0) if response.request else 0
            if isinstance(total, int) and offset + len(jobs) < total:
                yield self.list_request(entry, offset + len(jobs), total)

    def item_from(self, job, entry, response, document):
        path = job["externalPath"]
        fetched = datetime.now(UTC)
        estimate = posted_estimate(job.get("postedOn"), fetched)
        places = job.get("locationsText")
        row = PostingItem(
            source=self.name,
            source_key=self.source_key(entry) or "",
            external_id=path,
            url=f"{self.base_url(entry)}/{entry['site']}{path}",
            title=job.get("title"),
            company=entry.get("company") or entry["tenant"],
            description=None,
            location=None if places is None or _SEVERAL.match(places) else places,
            posted_at=estimate,
            payload={**job, "posted_at_estimated": estimate is not None},
        )
        detail = self.request(f"{self.api(entry)}{path}", self.parse_json, entry, page="detail", listed=row)
        return self.listed(row, detail)

    def detail(self, data, entry, response):
        info = data.get("jobPostingInfo") if isinstance(data, dict) else None
        if not isinstance(info, dict):
            yield self.failure(response, "unexpected_shape", "expected jobPostingInfo in a Workday job's detail")
            return
        listed: PostingItem = response.meta["listed"]
        places = [info.get("location"), *(info.get("additionalLocations") or [])]
        place = "; ".join(dict.fromkeys(p.strip() for p in places if isinstance(p, str) and p.strip()))
        organization = data.get("hiringOrganization") or {}
        estimated = not info.get("startDate") and bool(listed.payload.get("posted_at_estimated"))
        yield with_detail(
            listed,
            {**data, "posted_at_estimated": estimated},
            url=info.get("externalUrl"),
            title=info.get("title"),
            company=organization.get("name"),
            description=info.get("jobDescription"),
            location=place,
            posted_at=info.get("startDate"),
        )
