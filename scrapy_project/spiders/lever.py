"""Lever postings API: GET {base}/v0/postings/{site}?mode=json (a JSON array)."""

from __future__ import annotations

from datetime import UTC, datetime

from scrapy_project.items import PostingItem
from scrapy_project.spiders.base import SourceSpider


def _description(posting: dict) -> str:
    parts = [posting.get("descriptionPlain") or posting.get("description") or ""]
    parts += [f"{block.get('text', '')}: {block.get('content', '')}" for block in posting.get("lists") or []]
    parts.append(posting.get("additionalPlain") or posting.get("additional") or "")
    return "\n".join(part for part in parts if part)


class LeverSpider(SourceSpider):
    name = "lever"
    default_base_url = "https://api.lever.co"

    def requests_for(self, entry):
        yield self.request(f"{self.base_url(entry)}/v0/postings/{entry['site']}?mode=json", self.parse_json, entry)

    def items_from(self, data, entry, response):
        for posting in data if isinstance(data, list) else []:
            created = posting.get("createdAt")
            yield PostingItem(
                source=self.name, source_key=f"{self.name}:{entry['site']}", external_id=str(posting.get("id", "")),
                url=posting.get("hostedUrl") or "", title=posting.get("text"),
                company=entry.get("company") or entry["site"], description=_description(posting),
                location=(posting.get("categories") or {}).get("location"),
                posted_at=datetime.fromtimestamp(created / 1000, UTC).isoformat() if created else None,
                payload=posting,
            )  # fmt: skip
