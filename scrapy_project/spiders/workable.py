"""Workable widget API: GET {base}/api/v1/widget/accounts/{account}?details=true."""

from __future__ import annotations

from scrapy_project.items import PostingItem
from scrapy_project.spiders.base import SourceSpider
from solar_leads.discovery.ats import ATS_APIS


def _location(job: dict) -> str | None:
    """City, state and country ("New South Wales" alone is not a place); the first of `locations[]` otherwise."""
    places = [job] + [place for place in job.get("locations") or [] if isinstance(place, dict)]
    for place in places:
        parts = [place.get("city"), place.get("state") or place.get("region"), place.get("country")]
        text = ", ".join(part.strip() for part in parts if isinstance(part, str) and part.strip())
        if text:
            return text
    return None


class WorkableSpider(SourceSpider):
    name = "workable"
    default_base_url = ATS_APIS["workable"].api_base

    def requests_for(self, entry):
        url = f"{self.base_url(entry)}/api/v1/widget/accounts/{entry['account']}?details=true"
        yield self.request(url, self.parse_json, entry)

    def item_from(self, job, entry, response, document):
        return PostingItem(
            source=self.name,
            source_key=f"{self.name}:{entry['account']}",
            external_id=str(job.get("shortcode", "")),
            url=job.get("url") or "",
            title=job.get("title"),
            company=document.get("name") or entry.get("company") or entry["account"],
            description=job.get("description"),
            location=_location(job),
            posted_at=job.get("published_on") or job.get("created_at"),
            payload=job,
        )
