"""Personio job feed: GET {origin}/xml (origin {company}.jobs.personio.de; .jobs.personio.com serves the same),
every position with its description sections (HTML in CDATA) in one XML document."""

from __future__ import annotations

from typing import Any

from lxml import etree

from scrapy_project.items import PostingItem
from scrapy_project.source_types import SourceType
from scrapy_project.spiders.base import SourceSpider
from scrapy_project.wide_net import NONE_GIVEN


def _board(host: str, segments: list[str], query: dict[str, list[str]]) -> str | None:
    labels = host.split(".")
    if len(labels) != 4 or labels[1:3] != ["jobs", "personio"] or labels[3] not in ("de", "com"):
        return None
    return labels[0]


def _text(node: Any, path: str) -> str | None:
    found = node.findtext(path)
    return found.strip() if isinstance(found, str) and found.strip() else None


SOURCE = SourceType(
    name="personio",
    key="company",
    summary="Personio XML job feed: one request per company, every position with its description sections",
    api_base="https://{company}.jobs.personio.de",
    board_hosts=("jobs.personio.de", "jobs.personio.com"),
    board_in_url=_board,
    listing="/xml",  # XML: no slug probe (jobs_in reads JSON)
    job_hosts=("personio.de", "personio.com"),
)


class PersonioSpider(SourceSpider):
    source = SOURCE

    def parse_list(self, response, entry):
        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
        try:
            root = etree.fromstring(response.body, parser=parser)
        except etree.XMLSyntaxError as exc:
            yield self.failure(response, "parse_error", f"malformed XML: {exc}"[:500])
            return
        if root.tag != "workzag-jobs":
            yield self.failure(response, "unexpected_shape", f"expected <workzag-jobs>, found <{root.tag}>")
            return
        for position, node in enumerate(root.iterfind("position")):
            job_id = _text(node, "id")
            if job_id is None:
                yield self.failure(response, "bad_item", f"position {position} has no id")
                continue
            yield self.item(node, job_id, entry)

    def item(self, node, job_id: str, entry) -> PostingItem:
        sections = [
            (_text(section, "name"), _text(section, "value"))
            for section in node.iterfind("jobDescriptions/jobDescription")
        ]
        text = "\n".join(f"<h3>{name}</h3>{value}" if name else value for name, value in sections if value)
        payload: dict[str, Any] = {child.tag: _text(child, ".") for child in node if len(child) == 0}
        if not text:
            payload["detail"] = NONE_GIVEN  # the feed has no sections for it: kept with its title alone
        offices = [_text(node, "office"), *(_text(o, ".") for o in node.iterfind("additionalOffices/office"))]
        return PostingItem(
            source=self.name,
            source_key=self.source_key(entry) or "",
            external_id=job_id,
            url=f"{SOURCE.api_base.format(**entry)}/job/{job_id}",  # the position's public page
            title=_text(node, "name"),
            company=_text(node, "subcompany") or entry.get("company") or entry["company"],
            description=text,
            location="; ".join(dict.fromkeys(o for o in offices if o)) or None,
            posted_at=_text(node, "createdAt"),
            payload=payload,
        )
