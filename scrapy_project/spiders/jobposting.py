"""Career pages carrying schema.org JobPosting: JSON-LD (one object, a list, an @graph; several blocks per page; any
spelling of the script's type attribute) and microdata, read with extruct from the page's lxml tree."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from typing import Any

import extruct
import lxml.html
from extruct.jsonld import JsonLdExtractor

from scrapy_project.items import PostingItem
from scrapy_project.source_types import SourceType
from scrapy_project.spiders.base import SourceSpider

LD_JSON = "application/ld+json"
MAX_DEPTH = 50  # JobPostings deeper than this in a JSON-LD document are not looked for (a hostile page nests 1000s)


def job_postings(node: Any, depth: int = 0) -> Iterator[dict]:
    """Every JobPosting object in a JSON-LD document, whatever its nesting (list, @graph)."""
    if depth > MAX_DEPTH:
        return
    if isinstance(node, list):
        for child in node:
            yield from job_postings(child, depth + 1)
    elif isinstance(node, dict):
        kind = node.get("@type")
        if kind == "JobPosting" or (isinstance(kind, list) and "JobPosting" in kind):
            yield node
        yield from job_postings(node.get("@graph", []), depth + 1)


def _name(value: Any) -> str | None:
    value = value[0] if isinstance(value, list) and value else value
    return value.get("name") if isinstance(value, dict) else value if isinstance(value, str) else None


def _location(posting: dict) -> str | None:
    place = posting.get("jobLocation")
    place = place[0] if isinstance(place, list) and place else place
    address = (place or {}).get("address") if isinstance(place, dict) else None
    if isinstance(address, dict):
        country = _name(address.get("addressCountry"))
        parts = [address.get("addressLocality"), address.get("addressRegion"), country]
        return ", ".join(p.strip() for p in parts if isinstance(p, str) and p.strip()) or None
    return address if isinstance(address, str) else None


SOURCE = SourceType(
    name="jobposting",
    key="url",
    summary="a career page's schema.org JobPosting (JSON-LD or microdata), one request per page",
)


class JobPostingSpider(SourceSpider):
    source = SOURCE

    def requests_for(self, entry):
        yield self.request(entry["url"], self.parse, entry)

    def parse(self, response, entry):
        text, failure = self.decode(response)
        if failure or text is None:
            yield failure
            return
        try:
            tree = lxml.html.fromstring(text) if text.strip() else None
        except (ValueError, lxml.etree.LxmlError) as exc:
            yield self.failure(response, "parse_error", f"the page is not readable HTML: {exc}")
            return
        postings = [*self.json_ld(tree, response), *self.microdata(text, response)] if tree is not None else []
        found = 0
        for posting in postings:
            if isinstance(posting, dict):
                found += 1
                yield self.item(posting, entry, response)
            else:
                yield posting  # a failure
        if not found and not any(not isinstance(p, dict) for p in postings):
            yield self.failure(response, "no_job_posting", "the page carries no schema.org JobPosting")

    def json_ld(self, tree, response) -> Iterator[dict | Any]:
        """JobPostings of every JSON-LD block; a block that cannot be parsed is a failure, the others still count."""
        for script in tree.iter("script"):
            if (script.get("type") or "").strip().lower() != LD_JSON:
                continue
            script.set("type", LD_JSON)  # extruct looks for this exact spelling
            try:
                documents = JsonLdExtractor().extract_items(script)
                yield from (posting for document in documents for posting in job_postings(document))
            except (ValueError, RecursionError) as exc:
                yield self.failure(response, "parse_error", f"malformed JSON-LD: {type(exc).__name__}: {exc}"[:500])

    def microdata(self, text: str, response) -> Iterator[dict | Any]:
        try:
            found = extruct.extract(text, base_url=response.url, syntaxes=["microdata"], uniform=True, errors="strict")
        except Exception as exc:  # extruct raises whatever its parsers raise
            yield self.failure(response, "parse_error", f"unreadable microdata: {type(exc).__name__}: {exc}"[:500])
            return
        yield from job_postings(found.get("microdata", []))

    def item(self, posting: dict, entry, response) -> PostingItem:
        identifier = posting.get("identifier")
        external_id = identifier.get("value") if isinstance(identifier, dict) else identifier
        url = posting["url"] if isinstance(posting.get("url"), str) else response.url
        if not external_id:
            external_id = hashlib.sha1(f"{url}|{posting.get('title')}".encode()).hexdigest()[:16]
        return PostingItem(
            source=self.name,
            source_key=f"{self.name}:{entry['url']}",
            external_id=str(external_id),
            url=url,
            title=posting.get("title"),
            company=_name(posting.get("hiringOrganization")) or entry.get("company"),
            description=posting.get("description"),
            location=_location(posting),
            posted_at=posting.get("datePosted"),
            payload=posting,
        )
