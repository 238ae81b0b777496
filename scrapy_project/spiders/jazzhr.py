"""JazzHR career sites ({company}.applytojob.com): the job list at /apply/jobs links to each job's page, which
carries a schema.org JobPosting; read as a `careers` site (scrapy_project/spiders/careers.py) that starts there."""

from __future__ import annotations

from scrapy_project.source_types import SourceType, tenant_hosted
from scrapy_project.spiders.careers import CareersSpider

SOURCE = SourceType(
    name="jazzhr",
    key="company",
    summary="JazzHR career site: the job list at /apply/jobs, then each job page's JobPosting (as `careers`)",
    **tenant_hosted("applytojob.com"),
    listing="/apply/jobs",  # an HTML list of job links: no slug probe (jobs_in reads JSON)
)


class JazzHRSpider(CareersSpider):
    source = SOURCE

    def start_url(self, entry) -> str:
        return self.source.listing_url(entry)
