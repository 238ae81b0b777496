"""Ashby posting API: GET {base}/posting-api/job-board/{org}."""

from __future__ import annotations

from scrapy_project.items import PostingItem
from scrapy_project.spiders.base import SourceSpider


class AshbySpider(SourceSpider):
    name = "ashby"
    default_base_url = "https://api.ashbyhq.com"

    def requests_for(self, entry):
        yield self.request(f"{self.base_url(entry)}/posting-api/job-board/{entry['org']}", self.parse_json, entry)

    def items_from(self, data, entry, response):
        for job in data.get("jobs", []):
            if job.get("isListed") is False:
                continue
            yield PostingItem(
                source=self.name, source_key=f"{self.name}:{entry['org']}", external_id=str(job.get("id", "")),
                url=job.get("jobUrl") or "", title=job.get("title"), company=entry.get("company") or entry["org"],
                description=job.get("descriptionPlain") or job.get("descriptionHtml"), location=job.get("location"),
                posted_at=job.get("publishedAt"), payload=job,
            )  # fmt: skip
