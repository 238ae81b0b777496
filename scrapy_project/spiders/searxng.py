"""SearxNG search API for enrichment snippets: GET {base}/search?q=...&format=json."""

from __future__ import annotations

from urllib.parse import urlencode

from scrapy_project.items import SnippetItem
from scrapy_project.source_types import SourceType
from scrapy_project.spiders.base import SourceSpider

SOURCE = SourceType(
    name="searxng",
    key="base_url",
    summary="a SearxNG search API, for the enrichment snippets (the search plan's queries, or the entry's `searches`)",
    extra_keys=("searches",),
)


class SearxngSpider(SourceSpider):
    """Each entry: base_url plus `searches`, a list of {query, company, field}; keeps PER_QUERY_RESULTS each."""

    source = SOURCE
    jobs_key = "results"

    def requests_for(self, entry):
        for search in entry.get("searches", []):
            url = f"{self.base_url(entry)}/search?{urlencode({'q': search['query'], 'format': 'json'})}"
            yield self.request(url, self.parse_json, entry, search=search)

    def items_from(self, data, entry, response):
        """The first PER_QUERY_RESULTS usable results, ranked from 1 (with any unusable ones before them logged)."""
        per_query = self.settings.getint("LEADS_PER_QUERY_RESULTS", 10)
        rank = 0
        for item in super().items_from(data, entry, response):
            if isinstance(item, SnippetItem):
                if rank == per_query:
                    return
                rank += 1
                item.rank = rank
            yield item

    def item_from(self, result, entry, response, document):
        search = response.meta["search"]
        return SnippetItem(
            query=search["query"],
            rank=0,
            url=result.get("url") or "",
            title=result.get("title"),
            content=result.get("content"),
            company=search.get("company"),
            field=search.get("field"),
        )
