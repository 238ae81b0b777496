"""Ashby posting API: GET {base}/posting-api/job-board/{org}."""

from __future__ import annotations

from scrapy_project.items import PostingItem
from scrapy_project.source_types import SourceType, jobs_under
from scrapy_project.spiders.base import SourceSpider, first_segment, source_id


def _location(job: dict) -> str | None:
    """The primary location, then every secondary one (multi-city roles), without repeats."""
    names = [job.get("location")]
    names += [(place or {}).get("location") for place in job.get("secondaryLocations") or [] if isinstance(place, dict)]
    kept = list(dict.fromkeys(name.strip() for name in names if isinstance(name, str) and name.strip()))
    return "; ".join(kept) or None


def _board(host: str, segments: list[str], query: dict[str, list[str]]) -> str | None:
    return first_segment(segments) if host == "jobs.ashbyhq.com" else None


SOURCE = SourceType(
    name="ashby",
    key="org",
    summary="Ashby posting API: one request per organization, listed jobs only",
    api_base="https://api.ashbyhq.com",
    board_hosts=("jobs.ashbyhq.com",),
    board_in_url=_board,
    listing="/posting-api/job-board/{token}",
    jobs_in=jobs_under("jobs"),
    job_hosts=("ashbyhq.com",),
)


class AshbySpider(SourceSpider):
    source = SOURCE

    def item_from(self, job, entry, response, document):
        if job.get("isListed") is False:
            return None
        return PostingItem(
            source=self.name,
            source_key=f"{self.name}:{entry['org']}",
            external_id=source_id(job.get("id")),
            url=job.get("jobUrl") or "",
            title=job.get("title"),
            company=entry.get("company") or entry["org"],
            description=job.get("descriptionPlain") or job.get("descriptionHtml"),
            location=_location(job),
            posted_at=job.get("publishedAt"),
            payload=job,
        )
