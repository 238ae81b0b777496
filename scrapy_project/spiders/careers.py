"""A careers site of an ATS with no public JSON (iCIMS, Jobvite, SuccessFactors, UKG, Paycom, Oracle, JazzHR,
Paylocity, ...): its list page, then the pages it links to on the same host whose address names a job or a list,
up to two links deep and at most LEADS_CAREERS_MAX_PAGES pages a site; every page's schema.org JobPosting (JSON-LD or
microdata) is a posting. A site that gives none, and the links left out at the page limit, are raw.crawl_log rows."""

from __future__ import annotations

import re
from urllib.parse import urldefrag, urljoin, urlsplit

import lxml.html

from scrapy_project.items import PostingItem
from scrapy_project.source_types import SourceType
from scrapy_project.spiders.base import SourceSpider
from scrapy_project.spiders.jobposting import posting_fields, read_page

MAX_DEPTH = 2  # the list page's links (jobs, or more list pages), and their links
# a link worth following names a job or a list of them (the word may be part of a longer one: /JobDetail, /careers)
JOB_LINK = re.compile(r"job|career|position|opening|vacanc|requisition|posting|apply|/p/|/o/", re.IGNORECASE)

SOURCE = SourceType(
    name="careers",
    key="url",
    summary="a careers site with no public JSON (iCIMS, Jobvite, JazzHR, Paylocity, ...): the list page, then the "
    "job pages it links to on the same host (two links deep, LEADS_CAREERS_MAX_PAGES pages), each page's JobPosting",
)


class CareersSpider(SourceSpider):
    source = SOURCE

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.budget: dict[str, int] = {}  # each site's pages left to ask for
        self.asked: dict[str, set[str]] = {}  # each site's pages asked for (a link back to one is not a new page)

    def start_url(self, entry) -> str:
        """The site's list page."""
        return entry["url"]

    def requests_for(self, entry):
        start = self.start_url(entry)
        self.budget[start] = self.settings.getint("LEADS_CAREERS_MAX_PAGES", 200) - 1
        self.asked[start] = {start}
        yield self.request(start, self.parse, entry, depth=0, site=start)

    def parse(self, response, entry):
        text, failure = self.decode(response)
        if failure or text is None:
            yield failure
            return
        depth = response.meta["depth"]
        postings, problems = read_page(text, response.url)
        for problem in problems:
            yield self.failure(response, "parse_error", problem)
        for posting in postings:
            fields = posting_fields(posting, response.url)
            yield PostingItem(
                source=self.name,
                source_key=self.source_key(entry) or "",
                **{**fields, "company": fields["company"] or entry.get("company")},
                payload=posting,
            )
        site = response.meta["site"]
        asked = self.asked[site]
        links = [link for link in self.job_links(text, response.url) if link not in asked] if depth < MAX_DEPTH else []
        left = self.budget[site]
        for link in links[:left]:
            asked.add(link)
            yield self.request(link, self.parse, entry, depth=depth + 1, site=site)
        self.budget[site] = max(0, left - len(links))
        if len(links) > left:
            limit = self.settings.getint("LEADS_CAREERS_MAX_PAGES", 200)
            yield self.failure(
                response,
                "page_limit",
                f"{len(links) - left} job links left out: the site reached {limit} pages "
                "(raise it with --set LEADS_CAREERS_MAX_PAGES=<pages>)",
            )
        if depth == 0 and not postings and not links and not problems:
            yield self.failure(response, "no_job_posting", "the careers page has no JobPosting and no job links")

    def job_links(self, text: str, page: str) -> list[str]:
        """The links of the page to other pages of its host whose address names a job or a list, in page order."""
        try:
            tree = lxml.html.fromstring(text) if text.strip() else None
        except (ValueError, lxml.etree.LxmlError):
            return []
        if tree is None:
            return []
        host = urlsplit(page).netloc.lower()
        links: dict[str, None] = {}
        for anchor in tree.iter("a"):
            href = (anchor.get("href") or "").strip()
            url = urldefrag(urljoin(page, href))[0]
            parts = urlsplit(url)
            same_host = parts.scheme in ("http", "https") and parts.netloc.lower() == host and url != page
            if same_host and JOB_LINK.search(parts.path + "?" + parts.query):
                links[url] = None
        return list(links)
