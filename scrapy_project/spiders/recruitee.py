"""Recruitee careers-site API: GET {origin}/api/offers/ (origin {company}.recruitee.com), every published offer
with its description and requirements."""

from __future__ import annotations

from scrapy_project.items import PostingItem
from scrapy_project.source_types import SourceType, jobs_under, tenant_hosted
from scrapy_project.spiders.base import SourceSpider, source_id


def _location(offer: dict) -> str | None:
    """Every place the offer lists (locations[]), else its city, state and country."""
    places = []
    for place in offer.get("locations") or []:
        if isinstance(place, dict):
            parts = [place.get("city"), place.get("state") or place.get("state_name"), place.get("country")]
            places.append(", ".join(p.strip() for p in parts if isinstance(p, str) and p.strip()))
    if not any(places):
        parts = [offer.get("city"), offer.get("state_name"), offer.get("country")]
        places = [", ".join(p.strip() for p in parts if isinstance(p, str) and p.strip())]
    return "; ".join(dict.fromkeys(p for p in places if p)) or offer.get("location") or None


SOURCE = SourceType(
    name="recruitee",
    key="company",
    summary="Recruitee careers-site API: one request per company, every offer with its description and requirements",
    **tenant_hosted("recruitee.com"),
    listing="/api/offers/",
    jobs_in=jobs_under("offers"),
)


class RecruiteeSpider(SourceSpider):
    source = SOURCE
    jobs_key = "offers"

    def item_from(self, offer, entry, response, document):
        text = [offer.get("description") or "", offer.get("requirements") or ""]  # both are the posting's text
        return PostingItem(
            source=self.name,
            source_key=self.source_key(entry) or "",
            external_id=source_id(offer.get("id")),
            url=offer.get("careers_url") or offer.get("url") or "",
            title=offer.get("title"),
            company=offer.get("company_name") or entry.get("company"),
            description="\n".join(part for part in text if part),
            location=_location(offer),
            posted_at=offer.get("published_at") or offer.get("created_at"),
            payload=offer,
        )
