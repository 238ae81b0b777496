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


def read_page(text: str, url: str) -> tuple[list[dict], list[str]]:
    """Every JobPosting of an HTML page (its JSON-LD blocks, then its microdata), and what could not be read (a
    malformed block does not cost the others)."""
    problems: list[str] = []
    try:
        tree = lxml.html.fromstring(text) if text.strip() else None
    except (ValueError, lxml.etree.LxmlError) as exc:
        return [], [f"the page is not readable HTML: {exc}"]
    if tree is None:
        return [], []
    postings: list[dict] = []
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != LD_JSON:
            continue
        script.set("type", LD_JSON)  # extruct looks for this exact spelling
        try:
            documents = JsonLdExtractor().extract_items(script)
            postings += [posting for document in documents for posting in job_postings(document)]
        except (ValueError, RecursionError) as exc:
            problems.append(f"malformed JSON-LD: {type(exc).__name__}: {exc}"[:500])
    try:
        found = extruct.extract(text, base_url=url, syntaxes=["microdata"], uniform=True, errors="strict")
        postings += list(job_postings(found.get("microdata", [])))
    except Exception as exc:  # extruct raises whatever its parsers raise
        problems.append(f"unreadable microdata: {type(exc).__name__}: {exc}"[:500])
    return postings, problems


def posting_fields(posting: dict, page_url: str) -> dict[str, Any]:
    """A JobPosting's fields as a raw.postings row has them (an id made from its URL and title when it has none)."""
    identifier = posting.get("identifier")
    external_id = identifier.get("value") if isinstance(identifier, dict) else identifier
    url = posting["url"] if isinstance(posting.get("url"), str) else page_url
    if not external_id:
        external_id = hashlib.sha1(f"{url}|{posting.get('title')}".encode()).hexdigest()[:16]
    return {
        "external_id": str(external_id),
        "url": url,
        "title": posting.get("title"),
        "company": _name(posting.get("hiringOrganization")),
        "description": posting.get("description"),
        "location": _location(posting),
        "posted_at": posting.get("datePosted"),
    }


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
        postings, problems = read_page(text, response.url)
        for problem in problems:
            kind = "parse_error"
            yield self.failure(response, kind, problem)
        for posting in postings:
            fields = posting_fields(posting, response.url)
            yield PostingItem(
                source=self.name,
                source_key=f"{self.name}:{entry['url']}",
                **{**fields, "company": fields["company"] or entry.get("company")},
                payload=posting,
            )
        if not postings and not problems:
            yield self.failure(response, "no_job_posting", "the page carries no schema.org JobPosting")
