"""The crawl at scale: 5,000 boards of every ATS type with a JSON API, served in their real shapes by one local
server on loopback addresses as the services have hosts: one per ATS API (every Greenhouse board on one host, as on
boards-api.greenhouse.io) and one per tenant where each tenant has its own (Workday, Recruitee, BambooHR, Breezy,
Personio: 127.x.y.z),
crawled by `leads crawl` with the product's polite defaults; and one Workday tenant of 2,000 jobs, showing the detail
requests the wide net saves. Reports jobs per second, requests per job and the crawl's peak memory."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from scrapy_project.wide_net import worth_details

TYPES = (
    "greenhouse",
    "lever",
    "ashby",
    "smartrecruiters",
    "workable",
    "recruitee",
    "bamboohr",
    "breezy",
    "personio",
    "workday",
)
PER_TENANT_HOST = {"recruitee", "bamboohr", "breezy", "personio", "workday"}
TITLES = (
    "Solar Designer",
    "PV Drafter",
    "Accountant",
    "Sales Representative",
    "Warehouse Associate",
    "Electrical Engineer",
    "Customer Success Manager",
    "HR Generalist",
    "CAD Technician",
    "Marketing Lead",
)
TEXT = "<p>Design residential PV systems in AutoCAD and prepare permit plan sets for our installers.</p>" * 8


def job_bodies(kind: str, board: str, jobs: int) -> dict[str, bytes]:
    """Every path a board of `kind` answers, with its body, in the service's shape."""
    titles = [f"{TITLES[n % len(TITLES)]} {n}" for n in range(jobs)]
    out: dict[str, object] = {}
    if kind == "greenhouse":
        out[f"/v1/boards/{board}/jobs"] = {
            "jobs": [
                {
                    "id": n,
                    "title": t,
                    "company_name": board,
                    "absolute_url": f"https://x/{board}/{n}",
                    "location": {"name": "Austin, TX"},
                    "content": TEXT,
                    "updated_at": "2026-11-01T10:00:00-05:00",
                }
                for n, t in enumerate(titles)
            ]
        }
    elif kind == "lever":
        out[f"/v0/postings/{board}"] = [
            {
                "id": f"{board}-{n}",
                "text": t,
                "hostedUrl": f"https://jobs.lever.co/{board}/{n}",
                "descriptionPlain": TEXT,
                "categories": {"location": "Austin, TX"},
                "createdAt": 1762000000000,
            }
            for n, t in enumerate(titles)
        ]
    elif kind == "ashby":
        out[f"/posting-api/job-board/{board}"] = {
            "jobs": [
                {
                    "id": f"{board}-{n}",
                    "title": t,
                    "location": "Austin, TX",
                    "descriptionHtml": TEXT,
                    "isListed": True,
                    "jobUrl": f"https://jobs.ashbyhq.com/{board}/{n}",
                    "publishedAt": "2026-11-01T10:00:00Z",
                }
                for n, t in enumerate(titles)
            ]
        }
    elif kind == "smartrecruiters":
        out[f"/v1/companies/{board}/postings"] = {
            "offset": 0,
            "limit": 100,
            "totalFound": jobs,
            "content": [{"id": str(n), "name": t} for n, t in enumerate(titles)],
        }
        for n, t in enumerate(titles):
            out[f"/v1/companies/{board}/postings/{n}"] = {
                "id": str(n),
                "name": t,
                "company": {"name": board},
                "location": {"fullLocation": "Austin, TX"},
                "jobAd": {"sections": {"jobDescription": {"text": TEXT}}},
                "releasedDate": "2026-11-01",
            }
    elif kind == "workable":
        out[f"/api/v1/widget/accounts/{board}"] = {
            "name": board,
            "jobs": [
                {
                    "shortcode": f"{board[:3]}{n}",
                    "title": t,
                    "url": f"https://apply.workable.com/j/{n}",
                    "city": "Austin",
                    "state": "TX",
                    "country": "US",
                    "description": TEXT,
                    "published_on": "2026-11-01",
                }
                for n, t in enumerate(titles)
            ],
        }
    elif kind == "recruitee":
        out["/api/offers/"] = {
            "offers": [
                {
                    "id": n,
                    "title": t,
                    "description": TEXT,
                    "requirements": "",
                    "careers_url": f"https://x/o/{n}",
                    "city": "Austin",
                    "country": "US",
                    "published_at": "2026-11-01 10:00:00 UTC",
                }
                for n, t in enumerate(titles)
            ]
        }
    elif kind == "bamboohr":
        out["/careers/list"] = {
            "meta": {"totalCount": jobs},
            "result": [
                {"id": str(n), "jobOpeningName": t, "location": {"city": "Austin", "state": "TX"}}
                for n, t in enumerate(titles)
            ],
        }
        for n, t in enumerate(titles):
            out[f"/careers/{n}/detail"] = {
                "result": {"jobOpening": {"jobOpeningName": t, "description": TEXT, "datePosted": "2026-11-01"}}
            }
    elif kind == "breezy":
        out["/json"] = [
            {
                "id": str(n),
                "name": t,
                "url": f"https://{board}.breezy.hr/p/{n}",
                "published_date": "2026-11-01T10:00:00Z",
                "location": {"name": "Austin, TX"},
            }
            for n, t in enumerate(titles)
        ]
        for n, t in enumerate(titles):
            posting = {"@context": "https://schema.org", "@type": "JobPosting", "title": t, "description": TEXT}
            out[f"/p/{n}"] = (
                f'<html><head><script type="application/ld+json">{json.dumps(posting)}</script>'
                "</head><body></body></html>"
            )
    elif kind == "personio":
        positions = "".join(
            f"<position><id>{n}</id><subcompany>{board}</subcompany><office>Berlin</office><name>{t}</name>"
            f"<jobDescriptions><jobDescription><name>Tasks</name><value><![CDATA[{TEXT}]]></value></jobDescription>"
            f"</jobDescriptions><createdAt>2026-11-01T10:00:00+00:00</createdAt></position>"
            for n, t in enumerate(titles)
        )
        out["/xml"] = f"<?xml version='1.0' encoding='utf-8'?><workzag-jobs>{positions}</workzag-jobs>"
    elif kind == "workday":
        api = f"/wday/cxs/{board}/External"
        listed = [
            {
                "title": t,
                "externalPath": f"/job/Austin/{n}",
                "locationsText": "Austin, TX",
                "postedOn": "Posted 3 Days Ago",
            }
            for n, t in enumerate(titles)
        ]
        for start in range(0, max(jobs, 1), 20):
            out[f"{api}/jobs@{start}"] = {"total": jobs if start == 0 else 0, "jobPostings": listed[start : start + 20]}
        for n, t in enumerate(titles):
            out[f"{api}/job/Austin/{n}"] = {
                "jobPostingInfo": {"title": t, "jobDescription": TEXT, "location": "Austin", "startDate": "2026-11-01"},
                "hiringOrganization": {"name": board},
            }
    return {
        path: body if isinstance(body, bytes) else (body if isinstance(body, str) else json.dumps(body)).encode()
        for path, body in out.items()
    }


class Site:
    """All boards' answers by (host, path); served on every loopback address."""

    def __init__(self) -> None:
        self.bodies: dict[tuple[str, str], bytes] = {}
        self.requests = 0
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_POST(self):
                offset = json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)) or b"{}")["offset"]
                self.answer(f"{urlsplit(self.path).path}@{offset}")

            def do_GET(self):
                self.answer(urlsplit(self.path).path)

            def answer(self, path: str) -> None:
                site.requests += 1
                host = (self.headers.get("Host") or "").split(":")[0]
                body = site.bodies.get((host, path))
                self.send_response(200 if body is not None else 404)
                self.send_header("Content-Length", str(len(body or b"")))
                self.end_headers()
                self.wfile.write(body or b"")

        self.server = ThreadingHTTPServer(("0.0.0.0", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]

    def __enter__(self) -> Site:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()

    def add_board(self, kind: str, number: int, jobs: int) -> dict:
        """Serve one board; returns its sources.yml entry (base_url on its own loopback host when per tenant)."""
        board = f"{kind}{number}"
        per_ats = f"127.0.0.{10 + TYPES.index(kind)}"  # every board of an ATS API on its one host
        host = f"127.{1 + number // 250}.{number % 250}.1" if kind in PER_TENANT_HOST else per_ats
        for path, body in job_bodies(kind, board, jobs).items():
            self.bodies[(host, path)] = body
        base = f"http://{host}:{self.port}"
        key = {"greenhouse": "board", "lever": "site", "ashby": "org", "workable": "account", "workday": "tenant"}.get(
            kind, "company"
        )
        entry = {"type": kind, key: board, "base_url": base}
        return {**entry, "wd": "wd5", "site": "External"} if kind == "workday" else entry


# runs a command and prints its peak memory (its children's maxrss: the command alone) as the last stderr line
PEAK = (
    "import resource, subprocess, sys; status = subprocess.run(sys.argv[1:]).returncode; "
    "print('peak_rss_kib', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); sys.exit(status)"
)


def crawl(workdir: Path, name: str, entries: list[dict]) -> dict:
    sources = workdir / f"{name}.yml"
    sources.write_text("sources:\n" + "".join(f"  - {json.dumps(e)}\n" for e in entries))
    command = [
        sys.executable,
        "-m",
        "solar_leads.cli",
        "crawl",
        "--sources",
        str(sources),
        "--warehouse",
        str(workdir / f"{name}.duckdb"),
        "--set",
        "ROBOTSTXT_OBEY=False",
    ]
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", PEAK, *command], capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"the {name} crawl failed ({result.returncode}): {result.stderr[-2000:]}")
    peak = int(re.search(r"peak_rss_kib (\d+)", result.stderr).group(1))
    loaded = sum(int(n) for n in re.findall(r"^\s+\w+\s+(\d+) loaded$", result.stderr, re.M))
    responses = int(re.search(r"(\d+) responses in", result.stderr).group(1))
    return {"seconds": seconds, "jobs": loaded, "responses": responses, "peak_rss_mib": peak / 1024}


def run(workdir: Path, repeats: int = 1, boards: int = 5_000, jobs_per_board: int = 10, tenant_jobs: int = 2_000):
    with Site() as site:
        entries = [site.add_board(TYPES[n % len(TYPES)], n, jobs_per_board) for n in range(boards)]
        many = crawl(workdir, "boards", entries)
        tenant = crawl(workdir, "tenant", [site.add_board("workday", boards + 1, tenant_jobs)])
    titles = [f"{TITLES[n % len(TITLES)]} {n}" for n in range(tenant_jobs)]
    fetched = sum(1 for title in titles if worth_details(title))
    pages = -(-tenant_jobs // 20)
    return {
        "name": "crawl",
        "medians_s": {
            f"{boards:,} boards of {len(TYPES)} types, {boards * jobs_per_board:,} jobs": many["seconds"],
            f"one Workday tenant of {tenant_jobs:,} jobs": tenant["seconds"],
        },
        "boards_jobs_per_s": many["jobs"] / many["seconds"],
        "boards_requests_per_job": many["responses"] / many["jobs"],
        "boards_peak_rss_mib": many["peak_rss_mib"],
        "boards_jobs_loaded": many["jobs"],
        "workday_requests": tenant["responses"],
        "workday_requests_without_the_net": pages + tenant_jobs,
        "workday_details_fetched": fetched,
        "workday_details_saved": tenant_jobs - fetched,
        "workday_jobs_loaded": tenant["jobs"],
    }
