"""Greenhouse job board API: GET {base}/v1/boards/{board}/jobs?content=true."""

from __future__ import annotations

from scrapy_project.items import PostingItem
from scrapy_project.source_types import SourceType, jobs_under
from scrapy_project.spiders.base import SourceSpider, first_segment, source_id


def _board(host: str, segments: list[str], query: dict[str, list[str]]) -> str | None:
    """boards. / job-boards. (and the regional job-boards.eu.) greenhouse.io/<board>, and the embed form
    boards.greenhouse.io/embed/job_board?for=<board>."""
    if not (host.endswith("greenhouse.io") and host.split(".")[0] in ("boards", "job-boards")):
        return None
    if segments[:1] == ["embed"]:
        return query.get("for", [""])[0]
    return first_segment(segments)


SOURCE = SourceType(
    name="greenhouse",
    key="board",
    summary="Greenhouse job board API: one request per board, every job with its content",
    api_base="https://boards-api.greenhouse.io",
    board_hosts=("boards.greenhouse.io", "job-boards.greenhouse.io"),
    board_in_url=_board,
    listing="/v1/boards/{token}/jobs",
    jobs_in=jobs_under("jobs"),
    job_hosts=("greenhouse.io",),
)


class GreenhouseSpider(SourceSpider):
    source = SOURCE

    list_query = "content=true"  # every job with its content

    def item_from(self, job, entry, response, document):
        return PostingItem(
            source=self.name,
            source_key=f"{self.name}:{entry['board']}",
            external_id=source_id(job.get("id")),
            url=job.get("absolute_url") or "",
            title=job.get("title"),
            company=job.get("company_name") or entry.get("company") or entry["board"],
            description=job.get("content"),  # entity-escaped HTML; the pipeline unescapes and strips it
            location=(job.get("location") or {}).get("name"),
            posted_at=job.get("first_published") or job.get("updated_at"),
            payload=job,
        )
