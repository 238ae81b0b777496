"""Greenhouse job board API: GET {base}/v1/boards/{board}/jobs?content=true."""

from __future__ import annotations

from scrapy_project.items import PostingItem
from scrapy_project.spiders.base import SourceSpider
from solar_leads.discovery.ats import ATS_APIS


class GreenhouseSpider(SourceSpider):
    name = "greenhouse"
    default_base_url = ATS_APIS["greenhouse"].api_base

    def requests_for(self, entry):
        url = f"{self.base_url(entry)}/v1/boards/{entry['board']}/jobs?content=true"
        yield self.request(url, self.parse_json, entry)

    def item_from(self, job, entry, response, document):
        return PostingItem(
            source=self.name,
            source_key=f"{self.name}:{entry['board']}",
            external_id=str(job.get("id", "")),
            url=job.get("absolute_url") or "",
            title=job.get("title"),
            company=job.get("company_name") or entry.get("company") or entry["board"],
            description=job.get("content"),  # entity-escaped HTML; the pipeline unescapes and strips it
            location=(job.get("location") or {}).get("name"),
            posted_at=job.get("first_published") or job.get("updated_at"),
            payload=job,
        )
