"""`leads demo-server`: serve the bundled demo corpus on 127.0.0.1, at a free port by default.
The site is generated on first use by demo.build_demo.ensure_site() (not committed).

Files are served at their path; a directory serves its `index` file; query strings are ignored except by
/search (SearxNG-shaped answers from demo/search.json). `__BASE_URL__` in a body becomes the server's address.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from solar_leads.config import PROJECT_DIR

SEARCH_INDEX = PROJECT_DIR / "demo" / "search.json"


def search_results(query: str, index: list[dict]) -> list[dict]:
    """Results whose company (or any of its names) appears in the query, best-scored first."""
    wanted = query.lower()
    hits = [r for r in index if r["company"].lower() in wanted]
    return sorted(hits, key=lambda r: -r.get("score", 0.0))


class DemoHandler(BaseHTTPRequestHandler):
    server_version = "solar-leads-demo/0.1"
    site: Path
    search_index: list[dict] = []

    def log_message(self, format, *args):  # quiet: the crawl logs what matters
        pass

    def do_GET(self):
        parts = urlsplit(self.path)
        if parts.path == "/search":
            query = parse_qs(parts.query).get("q", [""])[0]
            results = search_results(query, self.search_index)
            body = {"query": query, "number_of_results": len(results), "results": results, "answers": [],
                    "corrections": [], "infoboxes": [], "suggestions": [], "unresponsive_engines": []}  # fmt: skip
            return self._send(200, json.dumps(body).encode(), "application/json")
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
    handler = type("Handler", (DemoHandler,), {"site": site, "search_index": index})
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
