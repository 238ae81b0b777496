"""Breezy HR: GET {origin}/json (origin {company}.breezy.hr) lists every position with no description; each job
page carries it as schema.org JobPosting, fetched for the titles that pass the wide net."""

from __future__ import annotations

from scrapy_project.items import PostingItem
from scrapy_project.source_types import SourceType, jobs_under, tenant_hosted
from scrapy_project.spiders.base import SourceSpider, source_id, with_detail
from scrapy_project.spiders.jobposting import posting_fields, read_page


def _location(position: dict) -> str | None:
    names = [(position.get("location") or {}).get("name")]
    names += [(place or {}).get("name") for place in position.get("locations") or [] if isinstance(place, dict)]
    return "; ".join(dict.fromkeys(n.strip() for n in names if isinstance(n, str) and n.strip())) or None


SOURCE = SourceType(
    name="breezy",
    key="company",
    summary="Breezy HR positions list (no descriptions), then the job page's JobPosting for each title that passes "
    "the wide net",
    **tenant_hosted("breezy.hr"),
    listing="/json",
    jobs_in=jobs_under(None),
)


class BreezySpider(SourceSpider):
    source = SOURCE
    jobs_key = None  # the answer is the list of positions

    def item_from(self, position, entry, response, document):
        row = PostingItem(
            source=self.name,
            source_key=self.source_key(entry) or "",
            external_id=source_id(position.get("id")),
            url=position.get("url") or "",
            title=position.get("name"),
            company=(position.get("company") or {}).get("name") or entry.get("company") or entry["company"],
            description=None,
            location=_location(position),
            posted_at=position.get("published_date"),
            payload=position,
        )
        page = self.rebase(row.url, entry) if row.url else None
        return self.listed(row, self.request(page, self.job_page, entry, listed=row) if page else None)

    def job_page(self, response, entry):
        """The job page's JobPosting gives the text; the list's row gives the rest."""
        listed: PostingItem = response.meta["listed"]
        text, failure = self.decode(response)
        postings, problems = read_page(text, response.url) if text is not None else ([], [])
        if failure or not postings:
            why = "; ".join(problems) or "the job page carries no schema.org JobPosting"
            yield failure or self.failure(response, "no_job_posting", why)
            return
        fields = posting_fields(postings[0], response.url)
        # the list's values first (the page's JobPosting may be less precise), the page's text
        yield with_detail(
            listed,
            {**listed.payload, "jobposting": postings[0]},
            title=listed.title or fields["title"],
            description=fields["description"],
            location=listed.location or fields["location"],
            posted_at=listed.posted_at or fields["posted_at"],
        )
