"""Build the demo corpus deterministically: the site that `leads demo-server` serves, the demo sources.yml, the
search answers and the golden set.

    python -m demo.build_demo

The site (240 pages in the sources' API shapes) is not committed: `ensure_site()` builds it on first use into
target/demo_site/<hash of its inputs>, so it always matches this generator and its data (~0.1 s).

Solar postings come from demo/solar_postings.py; background postings are the 500 real LinkedIn postings in
demo/data/ (CC-BY-SA-4.0, see demo/data/README.md). Every file is in the real response shape of its source
(see the README's "Sources" section). `__BASE_URL__` in a file is replaced by the server's own address.
"""

from __future__ import annotations

import csv
import hashlib
import html
import json
import random
import re
import shutil
import tempfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from demo.solar_postings import (
    CATEGORY_COMPANIES,
    CLOSINGS,
    GENERIC_INTROS,
    INTROS,
    SOLAR_COMPANIES,
    SPECS,
)

DEMO = Path(__file__).resolve().parent
SITE_CACHE = DEMO.parent / "target" / "demo_site"
SEED = 20261121
BACKGROUND = DEMO / "data" / "linkedin-job-postings-2023-24-sample500.csv"
GOLDEN = DEMO.parent / "data" / "golden" / "golden-test-set.json"
SOURCE_TYPES = ["greenhouse", "lever", "ashby", "smartrecruiters", "workable", "jobposting"]
COPIES_PER_SPEC = {True: 3, False: 2}
COMPANY_TYPES = [
    ("installer", "solar installer"),
    ("EPC", "solar EPC (engineering, procurement and construction) company"),
    ("engineering firm", "design and engineering firm"),
    ("developer", "solar developer"),
    ("manufacturer", "racking manufacturer"),
]


@dataclass
class Posting:
    key: str
    company: str
    website: str
    title: str
    city: str
    description: str
    label: bool
    category: str


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def solar_postings(rng: random.Random) -> list[Posting]:
    postings = []
    for index, (category, label, title, body) in enumerate(SPECS):
        companies = CATEGORY_COMPANIES.get(category, SOLAR_COMPANIES)
        for copy in range(COPIES_PER_SPEC[label]):
            name, website, city = companies[(index + copy * 5) % len(companies)]
            intro = rng.choice(INTROS if category.startswith("tier") else GENERIC_INTROS)
            text = " ".join([intro.format(company=name, city=city), body, rng.choice(CLOSINGS)])
            postings.append(Posting(f"s{index:02d}-{copy}", name, website, title, city, text, label, category))
    return postings


def background_postings() -> list[Posting]:
    with BACKGROUND.open(newline="", encoding="utf-8") as fh:
        return [
            Posting(
                f"li{row['job_id']}",
                row["company_name"] or "Confidential employer",
                "",
                row["title"],
                row["location"] or "United States",
                row["description"],
                False,
                "background",
            )
            for row in csv.DictReader(fh)
        ]


def as_html(text: str) -> str:
    return "".join(f"<p>{html.escape(part)}</p>" for part in text.split(". ") if part)


def city_state(location: str) -> tuple[str, str]:
    city, _, state = location.partition(", ")
    return city, state


def write_json(path: Path, payload: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(payload, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def greenhouse(board: str, postings: list[Posting]) -> dict:
    jobs = []
    for n, p in enumerate(postings):
        job_id = 4_000_000 + zlib.crc32(p.key.encode()) % 1_000_000
        jobs.append(
            {
                "id": job_id,
                "internal_job_id": job_id - 1000,
                "title": p.title,
                "company_name": p.company,
                "absolute_url": f"__BASE_URL__/gh/{board}/jobs/{job_id}?gh_jid={job_id}&utm_source=demo",
                "location": {"name": p.city},
                "updated_at": "2026-10-01T12:00:00-04:00",
                "first_published": "2026-09-15T09:30:00-04:00",
                "requisition_id": f"REQ-{n:04d}",
                "language": "en",
                "application_deadline": None,
                "metadata": None,
                "departments": [{"id": 11, "name": "Engineering", "child_ids": [], "parent_id": None}],
                "offices": [{"id": 21, "name": p.city, "location": p.city, "child_ids": [], "parent_id": None}],
                "data_compliance": [],
                "content": html.escape(as_html(p.description)),
            }
        )
    return {"jobs": jobs, "meta": {"total": len(jobs)}}


def lever(site: str, postings: list[Posting]) -> list:
    return [
        {
            "id": f"{site}-{n:04d}-lever",
            "text": p.title,
            "categories": {
                "commitment": "Full-time",
                "department": "Engineering",
                "location": p.city,
                "team": "Design",
                "allLocations": [p.city],
            },
            "createdAt": 1_790_000_000_000 + n * 86_400_000,
            "country": "US",
            "workplaceType": "hybrid",
            "description": as_html(p.description),
            "descriptionPlain": p.description,
            "descriptionBody": as_html(p.description),
            "descriptionBodyPlain": p.description,
            "opening": "",
            "openingPlain": "",
            "additional": "",
            "additionalPlain": "",
            "lists": [{"text": "What you'll do", "content": "<li>Design</li><li>Document</li>"}],
            "salaryRange": {"min": 55000, "max": 85000, "currency": "USD", "interval": "per-year-salary"},
            "hostedUrl": f"__BASE_URL__/lever/{site}/{n:04d}",
            "applyUrl": f"__BASE_URL__/lever/{site}/{n:04d}/apply",
        }
        for n, p in enumerate(postings)
    ]


def ashby(org: str, postings: list[Posting]) -> dict:
    jobs = []
    for n, p in enumerate(postings):
        city, state = city_state(p.city)
        jobs.append(
            {
                "id": f"a5b{n:05d}-{org}",
                "title": p.title,
                "department": "Engineering",
                "team": "Design",
                "employmentType": "FullTime",
                "location": p.city,
                "secondaryLocations": [],
                "publishedAt": "2026-09-20T15:00:00.000+00:00",
                "isListed": True,
                "isRemote": False,
                "workplaceType": "OnSite",
                "address": {"postalAddress": {"addressLocality": city, "addressRegion": state, "addressCountry": "US"}},
                "jobUrl": f"__BASE_URL__/ashby/{org}/{n}",
                "applyUrl": f"__BASE_URL__/ashby/{org}/{n}/apply",
                "descriptionHtml": as_html(p.description),
                "descriptionPlain": p.description,
            }
        )
    return {"jobs": jobs}


def smartrecruiters(company: str, postings: list[Posting]) -> tuple[dict, dict[str, dict]]:
    summaries, details = [], {}
    for n, p in enumerate(postings):
        city, state = city_state(p.city)
        posting_id = str(7_440_000_000 + n)
        summary = {
            "id": posting_id,
            "name": p.title,
            "uuid": f"uuid-{company}-{n}",
            "company": {"identifier": company, "name": p.company},
            "releasedDate": "2026-09-30T10:00:00.000Z",
            "location": {"city": city, "region": state, "country": "us", "remote": False, "fullLocation": p.city},
            "department": {"label": "Engineering"},
            "function": {"label": "Engineering"},
            "typeOfEmployment": {"label": "Full-time"},
            "experienceLevel": {"label": "Associate"},
            "ref": f"__BASE_URL__/v1/companies/{company}/postings/{posting_id}",
        }
        summaries.append(summary)
        details[posting_id] = {
            **summary,
            "postingUrl": f"__BASE_URL__/sr/{company}/{posting_id}",
            "jobAd": {
                "sections": {
                    "companyDescription": {"title": "Company Description", "text": f"<p>{html.escape(p.company)}</p>"},
                    "jobDescription": {"title": "Job Description", "text": as_html(p.description)},
                    "qualifications": {"title": "Qualifications", "text": ""},
                    "additionalInformation": {"title": "Additional Information", "text": ""},
                }
            },
        }
    listing = {"offset": 0, "limit": 100, "totalFound": len(summaries), "content": summaries}
    return listing, details


WORKDAY_SITE = "External"  # the demo's Workday tenants publish one site, as most do
WORKDAY_PAGE = 20  # jobs per list page, as Workday's own board asks


def workday(tenant: str, postings: list[Posting]) -> tuple[list[dict], dict[str, dict]]:
    """A Workday tenant's list pages (by offset; the total on the first page only, as Workday answers) and each job's
    detail, by externalPath."""
    jobs, details = [], {}
    for n, p in enumerate(postings):
        city, state = city_state(p.city)
        path = f"/job/{slug(city) or 'remote'}/{slug(p.title)[:40]}_JR-{1000 + n}"
        jobs.append(
            {
                "title": p.title,
                "externalPath": path,
                "locationsText": p.city,
                "postedOn": "Posted 30+ Days Ago",
                "bulletFields": [f"JR-{1000 + n}"],
            }
        )
        details[path] = {
            "jobPostingInfo": {
                "id": f"{tenant}-{n}",
                "title": p.title,
                "jobDescription": as_html(p.description),
                "location": p.city,
                "startDate": "2026-10-01",
                "timeType": "Full time",
                "jobReqId": f"JR-{1000 + n}",
                "externalUrl": f"__BASE_URL__/{WORKDAY_SITE}{path}",
            },
            "hiringOrganization": {"name": p.company, "url": ""},
        }
    pages = [
        {
            "total": len(jobs) if start == 0 else 0,
            "jobPostings": jobs[start : start + WORKDAY_PAGE],
            "facets": [],
            "userAuthenticated": False,
        }
        for start in range(0, max(len(jobs), 1), WORKDAY_PAGE)
    ]
    return pages, details


def workable(account: str, postings: list[Posting]) -> dict:
    jobs = []
    for n, p in enumerate(postings):
        city, state = city_state(p.city)
        code = f"{account[:3].upper()}{n:04d}"
        jobs.append(
            {
                "title": p.title,
                "shortcode": code,
                "code": "",
                "employment_type": "Full-time",
                "telecommuting": False,
                "department": "Design",
                "url": f"__BASE_URL__/workable/{account}/j/{code}",
                "shortlink": f"__BASE_URL__/workable/j/{code}",
                "application_url": f"__BASE_URL__/workable/{code}/apply",
                "published_on": "2026-09-28",
                "created_at": "2026-09-28",
                "country": "United States",
                "city": city,
                "state": state,
                "education": "",
                "experience": "",
                "function": "",
                "industry": "Renewables",
                "locations": [
                    {"country": "United States", "countryCode": "US", "city": city, "region": state, "hidden": False}
                ],
                "description": as_html(p.description),
            }
        )
    return {"name": postings[0].company if postings else account, "description": "", "jobs": jobs}


def job_posting_ld(p: Posting, n: int, page: str) -> dict:
    city, state = city_state(p.city)
    return {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": p.title,
        "description": as_html(p.description),
        "datePosted": "2026-09-25",
        "validThrough": "2026-12-31",
        "employmentType": "FULL_TIME",
        "identifier": {"@type": "PropertyValue", "name": p.company, "value": p.key},
        "hiringOrganization": {
            "@type": "Organization",
            "name": p.company,
            "sameAs": f"https://{p.website}" if p.website else None,
        },
        "jobLocation": {
            "@type": "Place",
            "address": {
                "@type": "PostalAddress",
                "addressLocality": city,
                "addressRegion": state,
                "addressCountry": "US",
            },
        },
        "url": f"__BASE_URL__/careers/{page}.html#{p.key}",
    }


def career_page(page: str, postings: list[Posting], layout: int) -> str:
    """A career page holding its postings as one object per script, a list, or an @graph."""
    objects = [job_posting_ld(p, n, page) for n, p in enumerate(postings)]
    if layout == 0:
        scripts = [json.dumps(o, indent=1) for o in objects]
    elif layout == 1:
        scripts = [json.dumps(objects, indent=1)]
    else:
        graph = [{k: v for k, v in o.items() if k != "@context"} for o in objects]
        scripts = [json.dumps({"@context": "https://schema.org", "@graph": graph}, indent=1)]
    blocks = "\n".join(f'<script type="application/ld+json">\n{s}\n</script>' for s in scripts)
    items = "\n".join(f"<li>{html.escape(p.title)}</li>" for p in postings)
    return (
        f'<!doctype html>\n<html><head><meta charset="utf-8"><title>Careers</title>\n{blocks}\n</head>\n'
        f"<body><h1>Open roles</h1><ul>{items}</ul></body></html>\n"
    )


def assign(postings: list[Posting]) -> dict[tuple[str, str], list[Posting]]:
    """Group postings into boards: a solar-side company keeps one source type; background spreads over three."""
    boards: dict[tuple[str, str], list[Posting]] = {}
    companies = sorted({p.company for p in postings if p.category != "background"})
    company_type = {c: SOURCE_TYPES[i % len(SOURCE_TYPES)] for i, c in enumerate(companies)}
    for n, p in enumerate(postings):
        if p.category == "background":
            # one employer of the real background postings is a Workday tenant; the others spread over three types
            kind = "workday" if n % 4 == 3 else ["greenhouse", "smartrecruiters", "jobposting"][n % 3]
            board = f"background-{n % 4}"
        else:
            kind, board = company_type[p.company], slug(p.company)
        boards.setdefault((kind, board), []).append(p)
    return boards


def write_site(boards: dict[tuple[str, str], list[Posting]], site: Path) -> list[dict]:
    """Write every board / page of `boards` under `site`; returns their sources.yml entries."""
    sources = []
    for (kind, board), postings in sorted(boards.items()):
        if kind == "greenhouse":
            write_json(site / "v1" / "boards" / board / "jobs", greenhouse(board, postings))
            sources.append({"type": kind, "board": board})
        elif kind == "lever":
            write_json(site / "v0" / "postings" / board, lever(board, postings))
            sources.append({"type": kind, "site": board, "company": postings[0].company})
        elif kind == "ashby":
            write_json(site / "posting-api" / "job-board" / board, ashby(board, postings))
            sources.append({"type": kind, "org": board, "company": postings[0].company})
        elif kind == "smartrecruiters":
            listing, details = smartrecruiters(board, postings)
            write_json(site / "v1" / "companies" / board / "postings" / "index", listing)
            for posting_id, detail in details.items():
                write_json(site / "v1" / "companies" / board / "postings" / posting_id, detail)
            sources.append({"type": kind, "company": board})
        elif kind == "workable":
            write_json(site / "api" / "v1" / "widget" / "accounts" / board, workable(board, postings))
            sources.append({"type": kind, "account": board})
        elif kind == "workday":
            pages, details = workday(board, postings)
            api = site / "wday" / "cxs" / board / WORKDAY_SITE
            for number, listing in enumerate(pages):
                write_json(api / "jobs" / f"offset-{number * WORKDAY_PAGE}", listing)  # demo/server.py: POST jobs
            for external_path, detail in details.items():
                write_json(api / external_path.lstrip("/"), detail)
            sources.append({"type": kind, "tenant": board, "wd": "wd5", "site": WORKDAY_SITE})
        else:
            for start in range(0, len(postings), 6):
                page = f"{board}-{start // 6}"
                path = site / "careers" / f"{page}.html"
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(career_page(page, postings[start : start + 6], (start // 6) % 3), encoding="utf-8")
                sources.append({"type": "jobposting", "url": f"${{DEMO_URL}}/careers/{page}.html"})
    (site / "robots.txt").write_text("User-agent: *\nDisallow: /private/\n")
    write_json(site / "jobsearch.json", keyword_search_jobs(boards))
    return sources


def keyword_search_jobs(boards: dict[tuple[str, str], list[Posting]]) -> list[dict]:
    """What the demo's job sites (Indeed- and LinkedIn-shaped, demo/server.py) find: every posting of the career
    pages, and those of the Lever and SmartRecruiters companies, whose boards discovery then finds by probing."""
    jobs: list[dict] = []
    for (kind, board), postings in sorted(boards.items()):
        if kind == "jobposting" or (kind in ("lever", "smartrecruiters") and not board.startswith("background")):
            for p in postings:
                city, state = city_state(p.city)
                jobs.append(
                    {
                        "key": f"{zlib.crc32(p.key.encode()):08x}{len(jobs):04d}",
                        "title": p.title,
                        "company": p.company,
                        "city": city,
                        "state": state,
                        "description": as_html(p.description),
                        "date": "2026-11-1" + str(len(jobs) % 10),
                    }
                )
    return jobs


DEMO_SOURCES = """\
# The demo: `leads run` serves the demo corpus on 127.0.0.1 and sets DEMO_URL to its address. No board is
# listed by hand: discovery finds them through the two endpoints below, as it would on the real sites.
user_agent: solar-leads-demo/0.1 (+https://example.invalid/solar-leads; demo crawl)
sources:
  # keyword search on job sites (python-jobspy); base_url points its Indeed and LinkedIn endpoints at the demo
  - {type: jobsearch, sites: [indeed, linkedin], base_url: "${DEMO_URL}", results_per_term: 10, retry_wait: 0}
  # the search API: site: queries for boards, and the enrichment searches
  - {type: searxng, base_url: "${DEMO_URL}"}
discover:
  search: true
  probe: true
  api_base_url: "${DEMO_URL}"  # the demo serves every ATS API; without it they are the public APIs
"""


def write_sources(sources: list[dict]) -> None:
    (DEMO / "sources.yml").write_text(DEMO_SOURCES)
    lines = [
        "# Every board of the demo corpus by hand (the tests crawl them all, career pages included):",
        "# `leads demo-server`, then DEMO_URL=<its address> leads crawl --sources demo/boards.yml",
        "user_agent: solar-leads-demo/0.1 (+https://example.invalid/solar-leads; demo crawl)",
        "sources:",
    ]
    for source in sources:
        entry = dict(source)
        if entry["type"] != "jobposting":
            entry["base_url"] = "${DEMO_URL}"
        lines.append("  - " + json.dumps(entry))
    lines.append('  - {"type": "searxng", "base_url": "${DEMO_URL}"}')
    (DEMO / "boards.yml").write_text("\n".join(lines) + "\n")


def write_golden(solar: list[Posting], background: list[Posting]) -> None:
    """The demo's labeled postings: every real background posting (label false: none is a solar design role) and
    every fictional solar-side posting, marked synthetic so `leads evaluate` reports the two apart."""
    items = [
        {
            "id": p.key,
            "description": p.description,
            "label": p.label,
            "company": p.company,
            "title": p.title,
            "category": p.category,
            "synthetic": p.category != "background",
        }
        for p in solar + background
    ]
    payload = {
        "metadata": {
            "created": "2026-11-21T00:00:00Z",
            "purpose": "golden_test_set",
            "count": len(items),
            "positives": sum(1 for i in items if i["label"]),
            "real": sum(1 for i in items if not i["synthetic"]),
            "notes": "label true = a solar PV design / drafting / design-engineering role. Background items are "
            "the 500 real LinkedIn postings (CC-BY-SA-4.0, see demo/data/README.md), each read and labeled "
            "by that definition; the solar-side items are the demo's fictional postings (synthetic).",
        },
        "items": items,
    }
    write_json(GOLDEN, payload)


def search_result(company: str, url: str, title: str, content: str, score: float) -> dict:
    """One result in SearxNG's shape (`company` is for the demo server's matching and is not in real answers)."""
    parts = url.split("/")
    parsed = ["https", parts[2], "/" + "/".join(parts[3:]), "", "", ""]
    return {
        "company": company,
        "url": url,
        "title": title,
        "content": content,
        "engine": "duckduckgo",
        "engines": ["duckduckgo", "brave"],
        "parsed_url": parsed,
        "score": score,
        "positions": [1],
        "category": "general",
        "publishedDate": None,
    }


def search_index(rng: random.Random) -> list[dict]:
    """Search answers about the solar companies: their own site, a registry, LinkedIn, news, and a directory
    that disagrees - and for every fourth company only thin, conflicting evidence."""
    results = []
    for n, (name, website, city) in enumerate(SOLAR_COMPANIES):
        founded, employees = rng.randint(1998, 2019), rng.randint(12, 480)
        phone = f"({rng.randint(201, 989)}) 555-{rng.randint(1000, 9999)}"
        kind, phrase = COMPANY_TYPES[n % len(COMPANY_TYPES)]
        slug_name = slug(name)
        results.append(
            search_result(
                name,
                f"https://www.linkedin.com/company/{slug_name}",
                f"{name} | LinkedIn",
                f"{name} | Renewable Energy | {employees} employees | {city}",
                0.9,
            )
        )
        results.append(
            search_result(
                name,
                f"https://solar-directory.example/companies/{slug_name}",
                f"{name} reviews and contact",
                f"{name}, a {phrase}. Founded in {founded - 3}. "
                f"Call ({rng.randint(201, 989)}) 555-{rng.randint(1000, 9999)}.",
                0.4,
            )
        )
        if n % 4 == 3:
            continue  # thin evidence: only a profile page and a directory that disagrees
        results.append(
            search_result(
                name,
                f"https://www.{website}/about",
                f"About {name}",
                f"{name} is a {phrase} headquartered in {city}. Founded in {founded}, we have "
                f"{employees} employees. Call us at {phone}.",
                2.5,
            )
        )
        results.append(
            search_result(
                name,
                f"https://www.{website}/contact",
                f"Contact {name}",
                f"Contact {name}: {phone}. Headquarters: {city}. Visit {website}.",
                1.8,
            )
        )
        results.append(
            search_result(
                name,
                f"https://opencorporates.com/companies/us/{4_100_000 + n}",
                f"{name.upper()} LLC :: OpenCorporates",
                f"{name.upper()} LLC. Incorporated {founded}. Registered office: {city}.",
                1.2,
            )
        )
        if n % 3 != 2:
            results.append(
                search_result(
                    name,
                    f"https://www.seia.org/members/{slug_name}",
                    f"{name} | SEIA member directory",
                    f"{name}. Member since {founded + 2}. Website: {website}. Phone: {phone}. "
                    f"Headquarters: {city}. Founded {founded}.",
                    1.4,
                )
            )
        if n % 2 == 0:
            results.append(
                search_result(
                    name,
                    f"https://www.pv-magazine-usa.com/2026/05/{slug_name}-expands",
                    f"{name} expands its design team",
                    f"{name}, a {phrase} based in {city}, now has {employees} employees "
                    f"after hiring designers for permit plan sets.",
                    1.5,
                )
            )
    return results


def board_search_index(boards: dict[tuple[str, str], list[Posting]]) -> list[dict]:
    """Answers to `site:` queries on the ATS board hosts: each Greenhouse, Ashby, Workable and Workday board and the
    SmartRecruiters background boards, in the URL forms real results have; plus a truncated board URL and a page
    off the board hosts, as real results hold."""
    results = []
    for n, ((kind, board), postings) in enumerate(sorted(boards.items())):
        title = postings[0].title
        if kind == "greenhouse":
            forms = [
                f"https://boards.greenhouse.io/{board}",
                f"https://job-boards.greenhouse.io/{board}/jobs/{n + 41}",
                f"https://boards.greenhouse.io/embed/job_board?for={board}&b=https%3A%2F%2Fexample.com",
            ]
            url = forms[n % 3]
        elif kind == "ashby":
            url = f"https://jobs.ashbyhq.com/{board}/{zlib.crc32(board.encode()):08x}-0000-4000-8000-000000000000"
        elif kind == "workable":
            url = f"https://apply.workable.com/{board}/j/{board[:3].upper()}{n:04d}/"
        elif kind == "smartrecruiters" and board.startswith("background"):
            url = f"https://jobs.smartrecruiters.com/{board}/{7_440_000_000 + n}-{slug(title)[:40]}"
        elif kind == "workday":
            url = f"https://{board}.wd5.myworkdayjobs.com/en-US/{WORKDAY_SITE}/job/Remote/{slug(title)[:40]}_JR-1000"
        else:
            continue
        results.append(search_result("", url, f"{title} - {postings[0].company}", title, 1.0))
    results.append(search_result("", "https://boards.greenhouse.io/embed/job_board", "Job board", "", 0.5))
    off_site = search_result("", "https://www.pv-magazine-usa.com/jobs/solar-designer", "Solar designer jobs", "", 0.5)
    results.append({**off_site, "off_site": True})  # a page off the board hosts, in every site: query's answer
    return [{**result, "board_search": True} for result in results]


def site_inputs_hash() -> str:
    digest = hashlib.sha256()
    for path in (Path(__file__), DEMO / "solar_postings.py", BACKGROUND):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def ensure_site() -> Path:
    """The demo site for the current generator and data, built (atomically, by rename) when missing."""
    site = SITE_CACHE / site_inputs_hash()
    if site.is_dir():
        return site
    SITE_CACHE.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(prefix=".building-", dir=SITE_CACHE))
    write_site(assign(solar_postings(random.Random(SEED)) + background_postings()), building)
    try:
        building.rename(site)
    except OSError:  # another process built it meanwhile: theirs is identical
        shutil.rmtree(building, ignore_errors=True)
    return site


def main() -> None:
    rng = random.Random(SEED)
    solar = solar_postings(rng)  # the first draws from rng, as in ensure_site: the same postings
    background = background_postings()
    sources = write_site(assign(solar + background), Path(tempfile.mkdtemp(prefix="demo-site-")))
    write_sources(sources)
    write_golden(solar, background)
    write_json(DEMO / "search.json", search_index(rng) + board_search_index(assign(solar + background)))
    print(
        f"{len(solar)} solar-side + {len(background)} background postings, {len(sources)} sources; "
        f"site: {ensure_site()}"
    )


if __name__ == "__main__":
    main()
