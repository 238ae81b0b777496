"""Workable widget API: GET {base}/api/v1/widget/accounts/{account}?details=true."""

from __future__ import annotations

from scrapy_project.items import PostingItem
from scrapy_project.source_types import SourceType, jobs_under
from scrapy_project.spiders.base import SourceSpider, first_segment, source_id


def _location(job: dict) -> str | None:
    """City, state and country ("New South Wales" alone is not a place); the first of `locations[]` otherwise."""
    places = [job] + [place for place in job.get("locations") or [] if isinstance(place, dict)]
    for place in places:
        parts = [place.get("city"), place.get("state") or place.get("region"), place.get("country")]
        text = ", ".join(part.strip() for part in parts if isinstance(part, str) and part.strip())
        if text:
            return text
    return None


def _board(host: str, segments: list[str], query: dict[str, list[str]]) -> str | None:
    """apply.workable.com/<account>, and the older <account>.workable.com."""
    if not host.endswith("workable.com") or host in ("www.workable.com", "workable.com", "help.workable.com"):
        return None
    if host != "apply.workable.com":
        return host.split(".")[0]
    return first_segment(segments)


SOURCE = SourceType(
    name="workable",
    key="account",
    summary="Workable widget API: one request per account, with details",
    api_base="https://apply.workable.com",
    board_hosts=("apply.workable.com",),
    board_in_url=_board,
    listing="/api/v1/widget/accounts/{token}",
    jobs_in=jobs_under("jobs"),
    job_hosts=("workable.com",),
)


class WorkableSpider(SourceSpider):
    source = SOURCE

    list_query = "details=true"  # every job with its description

    def item_from(self, job, entry, response, document):
        return PostingItem(
            source=self.name,
            source_key=f"{self.name}:{entry['account']}",
            external_id=source_id(job.get("shortcode")),
            url=job.get("url") or "",
            title=job.get("title"),
            company=document.get("name") or entry.get("company") or entry["account"],
            description=job.get("description"),
            location=_location(job),
            posted_at=job.get("published_on") or job.get("created_at"),
            payload=job,
        )
