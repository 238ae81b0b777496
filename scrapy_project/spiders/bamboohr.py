"""BambooHR careers site: GET {origin}/careers/list (origin {company}.bamboohr.com) lists the openings with no URL,
date or description; GET {origin}/careers/{id}/detail gives them, fetched for the titles that pass the wide net."""

from __future__ import annotations

from scrapy_project.items import PostingItem
from scrapy_project.source_types import SourceType, jobs_under, tenant_hosted
from scrapy_project.spiders.base import SourceSpider, source_id, with_detail


def _place(location: object) -> str | None:
    if not isinstance(location, dict):
        return None
    parts = [location.get(key) for key in ("city", "state", "province", "country")]
    return ", ".join(p.strip() for p in parts if isinstance(p, str) and p.strip()) or None


SOURCE = SourceType(
    name="bamboohr",
    key="company",
    summary="BambooHR careers list (no URL, date or text), then the detail of each opening whose title passes the "
    "wide net",
    **tenant_hosted("bamboohr.com"),
    listing="/careers/list",
    jobs_in=jobs_under("result"),
)


class BambooHRSpider(SourceSpider):
    source = SOURCE
    jobs_key = "result"

    def items_from(self, data, entry, response):
        if response.meta.get("page") == "detail":
            yield from self.detail(data, entry, response)
        else:
            yield from super().items_from(data, entry, response)

    def item_from(self, opening, entry, response, document):
        job_id = source_id(opening.get("id"))
        if not job_id:
            raise ValueError("an opening without an id (its page and detail are named by it)")
        row = PostingItem(
            source=self.name,
            source_key=self.source_key(entry) or "",
            external_id=job_id,
            url=f"{SOURCE.api_base.format(**entry)}/careers/{job_id}",  # the opening's public page
            title=opening.get("jobOpeningName"),
            company=entry.get("company"),
            description=None,
            location=_place(opening.get("location")) or _place(opening.get("atsLocation")),
            payload=opening,
        )
        detail = self.request(f"{self.base_url(entry)}/careers/{job_id}/detail", self.parse_json, entry, listed=row)
        detail.meta["page"] = "detail"
        return self.listed(row, detail)

    def detail(self, data, entry, response):
        opening = ((data or {}).get("result") or {}).get("jobOpening") if isinstance(data, dict) else None
        if not isinstance(opening, dict):
            yield self.failure(response, "unexpected_shape", "expected result.jobOpening in a BambooHR detail")
            return
        listed: PostingItem = response.meta["listed"]
        yield with_detail(
            listed,
            data,
            url=opening.get("jobOpeningShareUrl"),
            title=opening.get("jobOpeningName"),
            description=opening.get("description"),
            location=_place(opening.get("location")) or _place(opening.get("atsLocation")),
            posted_at=opening.get("datePosted"),
        )
