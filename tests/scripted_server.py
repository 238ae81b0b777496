"""An HTTP server on 127.0.0.1 that answers each path from a script: status, body, headers, delay, in turn.
A reply may also be a function of the request body (for POST APIs such as chat completions)."""

from __future__ import annotations

import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit


@dataclass
class Reply:
    status: int = 200
    body: bytes | str = b""
    content_type: str = "application/json"
    delay: float = 0.0
    headers: dict[str, str] = field(default_factory=dict)


class ScriptedServer:
    """routes: path -> list of Replies (or callables body -> Reply); the last repeats. Records every path."""

    def __init__(self, routes: dict[str, list[Reply]]):
        self.routes = routes
        self.requests: list[str] = []
        self.counts: dict[str, int] = defaultdict(int)
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                self.do_GET(self.rfile.read(int(self.headers.get("Content-Length", 0))).decode())

            def do_GET(self, body: str = ""):
                path = urlsplit(self.path).path
                owner.requests.append(path)
                replies = owner.routes.get(path, [Reply(404, b"not found", "text/plain")])
                reply = replies[min(owner.counts[path], len(replies) - 1)]
                owner.counts[path] += 1
                if callable(reply):
                    reply = reply(body)
                if reply.delay:
                    time.sleep(reply.delay)
                body = reply.body.encode() if isinstance(reply.body, str) else reply.body
                try:
                    self.send_response(reply.status)
                    self.send_header("Content-Type", reply.content_type)
                    self.send_header("Content-Length", str(len(body)))
                    for name, value in reply.headers.items():
                        self.send_header(name, value)
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (timeout, size limit)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self) -> ScriptedServer:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
