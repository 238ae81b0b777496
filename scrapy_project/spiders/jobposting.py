"""Career pages carrying schema.org JobPosting JSON-LD: one object, a list, or an @graph; several per page."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from typing import Any

from scrapy_project.items import PostingItem
from scrapy_project.spiders.base import SourceSpider

LD_JSON = re.compile(r'<script[^>]+type=["\']application/ld\+json["\'][^>]*>(.*?)</script>', re.S | re.I)


def job_postings(node: Any) -> Iterator[dict]:
    """Every JobPosting object in a JSON-LD document, whatever its nesting (list, @graph)."""
    if isinstance(node, list):
        for child in node:
            yield from job_postings(child)
    elif isinstance(node, dict):
        kind = node.get("@type")
        if kind == "JobPosting" or (isinstance(kind, list) and "JobPosting" in kind):
            yield node
        yield from job_postings(node.get("@graph", []))


def _name(value: Any) -> str | None:
    return value.get("name") if isinstance(value, dict) else value


def _location(posting: dict) -> str | None:
    place = posting.get("jobLocation")
    place = place[0] if isinstance(place, list) and place else place
    address = (place or {}).get("address") if isinstance(place, dict) else None
    if isinstance(address, dict):
        parts = [address.get("addressLocality"), address.get("addressRegion")]
        return ", ".join(p for p in parts if p) or address.get("addressCountry")
    return address if isinstance(address, str) else None


class JobPostingSpider(SourceSpider):
    name = "jobposting"

    def requests_for(self, entry):
        yield self.request(entry["url"], self.parse, entry)

    def parse(self, response, entry):
        text, failure = self.decode(response)
        if failure or text is None:
            yield failure
            return
        for block in LD_JSON.findall(text):
            try:
                document = json.loads(block)
            except ValueError as exc:
                yield self.failure(response, "parse_error", f"malformed JSON-LD: {exc}")
                continue
            for posting in job_postings(document):
                identifier = posting.get("identifier")
                external_id = identifier.get("value") if isinstance(identifier, dict) else identifier
                url = posting.get("url") or response.url
                if not external_id:
                    external_id = hashlib.sha1(f"{url}|{posting.get('title')}".encode()).hexdigest()[:16]
                yield PostingItem(
                    source=self.name, source_key=f"{self.name}:{entry['url']}", external_id=str(external_id),
                    url=url, title=posting.get("title"),
                    company=_name(posting.get("hiringOrganization")) or entry.get("company"),
                    description=posting.get("description"), location=_location(posting),
                    posted_at=posting.get("datePosted"), payload=posting,
                )  # fmt: skip
