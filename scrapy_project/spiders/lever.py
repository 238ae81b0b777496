"""Lever postings API: GET {base}/v0/postings/{site}?mode=json (a JSON array)."""

from __future__ import annotations

from datetime import UTC, datetime

from scrapy_project.items import PostingItem
from scrapy_project.source_types import SourceType, jobs_under
from scrapy_project.spiders.base import SourceSpider, first_segment, source_id


def _description(posting: dict) -> str:
    """The description, each list under its heading (a list without one stands alone), then the pay text."""
    parts = [posting.get("descriptionPlain") or posting.get("description") or ""]
    for block in posting.get("lists") or []:
        heading, content = (block.get("text") or "").strip(), block.get("content") or ""
        parts.append(f"{heading}:\n{content}" if heading else content)
    parts.append(posting.get("additionalPlain") or posting.get("additional") or "")
    pay = posting.get("salaryDescriptionPlain") or posting.get("salaryDescription")
    if pay:
        parts.append(f"Pay: {pay}")
    return "\n".join(part for part in parts if part)


def _location(posting: dict) -> str | None:
    categories = posting.get("categories") or {}
    places = categories.get("allLocations") or []
    return categories.get("location") or "; ".join(p for p in places if p) or posting.get("country")


def _board(host: str, segments: list[str], query: dict[str, list[str]]) -> str | None:
    """jobs.lever.co/<site> and the regional jobs.eu.lever.co/<site>."""
    if not (host.endswith(".lever.co") and host.split(".")[0] == "jobs"):
        return None
    return first_segment(segments)


SOURCE = SourceType(
    name="lever",
    key="site",
    summary="Lever postings API: one request per site, a JSON array of postings",
    api_base="https://api.lever.co",
    board_hosts=("jobs.lever.co",),
    board_in_url=_board,
    listing="/v0/postings/{token}?mode=json",
    jobs_in=jobs_under(None),
    job_hosts=("lever.co",),
)


class LeverSpider(SourceSpider):
    source = SOURCE
    jobs_key = None  # the document is the list of postings

    def item_from(self, posting, entry, response, document):
        created = posting.get("createdAt")
        return PostingItem(
            source=self.name,
            source_key=f"{self.name}:{entry['site']}",
            external_id=source_id(posting.get("id")),
            url=posting.get("hostedUrl") or "",
            title=posting.get("text"),
            company=entry.get("company") or entry["site"],
            description=_description(posting),
            location=_location(posting),
            posted_at=datetime.fromtimestamp(created / 1000, UTC).isoformat() if created else None,
            payload=posting,
        )
