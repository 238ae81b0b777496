"""SmartRecruiters: the postings list (paged), then each posting's detail for its description."""

from __future__ import annotations

from scrapy_project.items import PostingItem
from scrapy_project.spiders.base import SourceSpider


class SmartRecruitersSpider(SourceSpider):
    name = "smartrecruiters"
    default_base_url = "https://api.smartrecruiters.com"

    def list_url(self, entry, offset: int = 0) -> str:
        url = f"{self.base_url(entry)}/v1/companies/{entry['company']}/postings"
        return f"{url}?offset={offset}" if offset else url

    def requests_for(self, entry):
        yield self.request(self.list_url(entry), self.parse_json, entry)

    def items_from(self, data, entry, response):
        """A list page (with content[]) yields detail requests and the next page; a detail yields the posting."""
        if "content" in data:
            yield from self.detail_requests(data, entry)
        else:
            yield self.posting(data, entry, response)

    def detail_requests(self, data, entry):
        for summary in data.get("content", []):
            detail = summary.get("ref") or f"{self.list_url(entry)}/{summary.get('id')}"
            yield self.request(detail, self.parse_json, entry)
        offset, limit, total = data.get("offset", 0), data.get("limit", 0), data.get("totalFound", 0)
        if limit and offset + limit < total:
            yield self.request(self.list_url(entry, offset + limit), self.parse_json, entry)

    def posting(self, posting, entry, response) -> PostingItem:
        sections = ((posting.get("jobAd") or {}).get("sections") or {}).values()
        return PostingItem(
            source=self.name, source_key=f"{self.name}:{entry['company']}", external_id=str(posting.get("id", "")),
            url=posting.get("postingUrl") or response.url, title=posting.get("name"),
            company=(posting.get("company") or {}).get("name") or entry["company"],
            description="\n".join(section.get("text") or "" for section in sections),
            location=(posting.get("location") or {}).get("fullLocation"), posted_at=posting.get("releasedDate"),
            payload=posting,
        )  # fmt: skip
