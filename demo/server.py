"""`leads demo-server`: serve the bundled demo corpus on 127.0.0.1, at a free port by default.
The site is generated on first use by demo.build_demo.ensure_site() (not committed).

Files are served at their path; a directory serves its `index` file; query strings are ignored except by
/search (SearxNG-shaped answers from demo/search.json). `__BASE_URL__` in a body becomes the server's address.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from demo import job_sites
from solar_leads.config import PROJECT_DIR

SEARCH_INDEX = PROJECT_DIR / "demo" / "search.json"


def search_results(query: str, index: list[dict]) -> list[dict]:
    """For `site:<host> ...`, the board results on that host; otherwise the results whose company (or any of its
    names) appears in the query, best-scored first."""
    site = re.search(r"site:(\S+)", query)
    if site:
        host = site.group(1).lower()
        on_host = [r for r in index if r.get("board_search") and _on_host(urlsplit(r["url"]).hostname or "", host)]
        return on_host + [r for r in index if r.get("off_site")]
    wanted = query.lower()
    hits = [r for r in index if not r.get("board_search") and r["company"].lower() in wanted]
    return sorted(hits, key=lambda r: -r.get("score", 0.0))


def _on_host(hostname: str, host: str) -> bool:
    """Whether a result is on the host a site: query names, or under it (site:myworkdayjobs.com finds a tenant)."""
    return hostname == host or hostname.endswith("." + host)


class DemoHandler(BaseHTTPRequestHandler):
    server_version = "solar-leads-demo/0.1"
    site: Path
    search_index: list[dict] = []
    jobs: list[dict] = []  # what the job sites find (the site's jobsearch.json)

    def log_message(self, format, *args):  # quiet: the crawl logs what matters
        pass

    def do_GET(self):
        parts = urlsplit(self.path)
        if parts.path == "/search":
            query = parse_qs(parts.query).get("q", [""])[0]
            results = search_results(query, self.search_index)
            body = {
                "query": query,
                "number_of_results": len(results),
                "results": results,
                "answers": [],
                "corrections": [],
                "infoboxes": [],
                "suggestions": [],
                "unresponsive_engines": [],
            }
            return self._send(200, json.dumps(body).encode(), "application/json")
        if parts.path == "/jobs-guest/jobs/api/seeMoreJobPostings/search":
            params = parse_qs(parts.query)
            start = int(params.get("start", ["0"])[0] or 0)
            cards = job_sites.linkedin_cards(self.jobs, params.get("keywords", [""])[0], start)
            return self._send(200, cards.encode(), "text/html; charset=utf-8")
        if parts.path.startswith("/jobs/view/"):
            job_page = job_sites.linkedin_job_page(self.jobs, parts.path.rsplit("/", 1)[-1])
            if job_page is None:
                return self._send(404, b"not found", "text/plain")
            return self._send(200, job_page.encode(), "text/html; charset=utf-8")
        target = (self.site / parts.path.lstrip("/")).resolve()
        if self.site.resolve() not in target.parents and target != self.site.resolve():
            return self._send(404, b"not found", "text/plain")
        if target.is_dir():
            target = target / "index"
        if not target.is_file():
            return self._send(404, b"not found", "text/plain")
        page = target.read_bytes().replace(b"__BASE_URL__", self.server.base_url.encode())  # type: ignore[attr-defined]
        kind = {".html": "text/html; charset=utf-8", ".txt": "text/plain"}.get(target.suffix, "application/json")
        self._send(200, page, kind)

    def do_POST(self):
        path = urlsplit(self.path).path
        length = int(self.headers.get("Content-Length") or 0)
        try:
            body = json.loads(self.rfile.read(length) or b"{}")
        except ValueError:
            return self._send(400, b'{"errors": [{"message": "malformed JSON"}]}', "application/json")
        if path.startswith("/wday/cxs/") and path.endswith("/jobs"):  # a Workday list page, by its offset
            self.path = f"{path}/offset-{int(body.get('offset') or 0)}"
            return self.do_GET()
        if path != "/graphql":
            return self._send(404, b"not found", "text/plain")
        return self._send(
            200, json.dumps(job_sites.indeed_answer(self.jobs, body.get("query", ""))).encode(), "application/json"
        )

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def serve(port: int = 0, site: Path | None = None) -> Iterator[str]:
    """Serve `site` (default: the demo site) on 127.0.0.1 in a background thread; yields the base URL."""
    from demo.build_demo import ensure_site

    site = site or ensure_site()
    index = json.loads(SEARCH_INDEX.read_text()) if SEARCH_INDEX.exists() else []
    jobs_file = site / "jobsearch.json"
    jobs = json.loads(jobs_file.read_text(encoding="utf-8")) if jobs_file.exists() else []
    handler = type("Handler", (DemoHandler,), {"site": site, "search_index": index, "jobs": jobs})
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    base_url = f"http://127.0.0.1:{server.server_address[1]}"
    server.base_url = base_url  # type: ignore[attr-defined]  # read by the handler
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield base_url
    finally:
        server.shutdown()
        server.server_close()
