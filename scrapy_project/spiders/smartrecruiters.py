"""SmartRecruiters: the postings list (paged), then each posting's detail for its description."""

from __future__ import annotations

from scrapy_project.items import PostingItem
from scrapy_project.source_types import SourceType
from scrapy_project.spiders.base import SourceSpider, first_segment, source_id


def _board(host: str, segments: list[str], query: dict[str, list[str]]) -> str | None:
    if host not in ("jobs.smartrecruiters.com", "careers.smartrecruiters.com"):
        return None
    return first_segment(segments)


def _jobs_in(document: object) -> int | None:
    """The listing's total (a page holds at most 100 of them)."""
    if not isinstance(document, dict) or not isinstance(document.get("content"), list):
        return None
    return int(document.get("totalFound") or len(document["content"]))


SOURCE = SourceType(
    name="smartrecruiters",
    key="company",
    summary="SmartRecruiters posting API: the postings list (paged by offset), then each posting's detail",
    api_base="https://api.smartrecruiters.com",
    board_hosts=("jobs.smartrecruiters.com",),
    board_in_url=_board,
    listing="/v1/companies/{token}/postings",
    jobs_in=_jobs_in,
    job_hosts=("smartrecruiters.com",),
)


class SmartRecruitersSpider(SourceSpider):
    source = SOURCE
    jobs_key = "content"  # a list page's postings; each becomes a request for its detail

    def list_url(self, entry, offset: int = 0) -> str:
        url = self.source.listing_url(entry)
        return f"{url}?offset={offset}" if offset else url

    def items_from(self, data, entry, response):
        """A list page yields detail requests and the next page; a detail yields the posting."""
        if response.meta.get("page") != "list":
            yield from self.detail(data, entry, response)
            return
        yield from super().items_from(data, entry, response)
        if isinstance(data, dict):
            offset, limit, total = data.get("offset") or 0, data.get("limit") or 0, data.get("totalFound") or 0
            if limit and offset + limit < total:
                yield self.request(self.list_url(entry, offset + limit), self.parse_json, entry, page="list")

    def item_from(self, summary, entry, response, document):
        """A list entry: the request for its detail (`ref` is an absolute API URL, rebased on the entry's base)."""
        ref = summary.get("ref")
        detail = self.rebase(ref, entry) if ref else f"{self.list_url(entry)}/{summary['id']}"
        return self.request(detail, self.parse_json, entry, page="detail")

    def detail(self, posting, entry, response):
        if not isinstance(posting, dict):
            found = type(posting).__name__
            yield self.failure(response, "unexpected_shape", f"expected a posting object, found {found}")
            return
        sections = ((posting.get("jobAd") or {}).get("sections") or {}).values()
        location = posting.get("location") or {}
        place = location.get("fullLocation") or ", ".join(
            str(location[key]) for key in ("city", "region", "country") if location.get(key)
        )
        yield PostingItem(
            source=self.name,
            source_key=f"{self.name}:{entry['company']}",
            external_id=source_id(posting.get("id")),
            url=posting.get("postingUrl") or response.url,
            title=posting.get("name"),
            company=(posting.get("company") or {}).get("name") or entry["company"],
            description="\n".join(section.get("text") or "" for section in sections if isinstance(section, dict)),
            location=place or None,
            posted_at=posting.get("releasedDate"),
            payload=posting,
        )
