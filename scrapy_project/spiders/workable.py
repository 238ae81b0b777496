"""Workable widget API: GET {base}/api/v1/widget/accounts/{account}?details=true."""

from __future__ import annotations

from scrapy_project.items import PostingItem
from scrapy_project.spiders.base import SourceSpider


class WorkableSpider(SourceSpider):
    name = "workable"
    default_base_url = "https://apply.workable.com"

    def requests_for(self, entry):
        url = f"{self.base_url(entry)}/api/v1/widget/accounts/{entry['account']}?details=true"
        yield self.request(url, self.parse_json, entry)

    def items_from(self, data, entry, response):
        company = data.get("name") or entry.get("company") or entry["account"]
        for job in data.get("jobs", []):
            location = ", ".join(part for part in (job.get("city"), job.get("state")) if part)
            yield PostingItem(
                source=self.name, source_key=f"{self.name}:{entry['account']}",
                external_id=str(job.get("shortcode", "")), url=job.get("url") or "", title=job.get("title"),
                company=company, description=job.get("description"), location=location or job.get("country"),
                posted_at=job.get("published_on") or job.get("created_at"), payload=job,
            )  # fmt: skip
