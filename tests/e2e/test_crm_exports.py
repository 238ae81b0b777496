"""The leads as the tools people use take them (issue #11): HubSpot and Salesforce imports, an xlsx workbook, a
CSV with a byte order mark; one lead per company however its name is spelled; separate requisitions kept."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import duckdb
import openpyxl
import pytest

from tests.conftest import run_leads
from tests.e2e.test_crawl import ROBOTS, write_sources
from tests.scripted_server import Reply, ScriptedServer

DESIGN = "&lt;p&gt;Design residential PV systems in Aurora Solar and draft permit plan sets.&lt;/p&gt;"
JOBS = [  # id, company, title, location, absolute_url
    (1, "Acme Solar, Inc.", "Solar Designer", "Austin, TX", "https://boards.greenhouse.io/acme/jobs/1"),
    (2, "Acme Solar Inc", "PV Design Engineer", "Austin, TX", "https://boards.greenhouse.io/acme/jobs/2"),
    (3, "ACME SOLAR LLC", "Solar Design Technician", "Denver, CO", "https://boards.greenhouse.io/acme/jobs/3"),
    (4, "Énergie Solaire Québec", "Solar Designer", "Montréal, QC, Canada", "https://boards.greenhouse.io/esq/jobs/4"),
    (5, "Sunpeak Design Co", "Solar Designer", "Phoenix, AZ", "https://careers.sunpeakdesign.com/jobs/5?gh_jid=5"),
    (6, "Sunpeak Design Co", "Solar Designer", "Phoenix, AZ", "https://careers.sunpeakdesign.com/jobs/6?gh_jid=6"),
    (7, '=HYPERLINK("http://evil")', "Solar Designer", "Reno, NV", "https://boards.greenhouse.io/evil/jobs/7"),
]
HUBSPOT = [
    "Company name",
    "Company Domain Name",
    "City",
    "State/Region",
    "Country/Region",
    "Phone Number",
    "Number of Employees",
    "Year Founded",
    "Lifecycle Stage",
    "Description",
]
SALESFORCE = [
    "Name",
    "Website",
    "Phone",
    "BillingCity",
    "BillingState",
    "BillingCountry",
    "NumberOfEmployees",
    "YearStarted",
    "Type",
    "Description",
]


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("crm")
    jobs = [
        {
            "id": i,
            "title": title,
            "company_name": company,
            "absolute_url": url,
            "location": {"name": place},
            "content": DESIGN,
        }
        for i, company, title, place, url in JOBS
    ]
    routes = {"/robots.txt": [ROBOTS], "/v1/boards/mixed/jobs": [Reply(body=json.dumps({"jobs": jobs}))]}
    with ScriptedServer(routes) as server:
        sources = tmp / "sources.yml"
        write_sources(sources, server.url, [{"type": "greenhouse", "board": "mixed"}])
        formats = [arg for fmt in ("csv", "hubspot", "salesforce", "xlsx") for arg in ("--format", fmt)]
        result = run_leads(
            "run",
            "--sources",
            str(sources),
            "--warehouse",
            str(tmp / "w.duckdb"),
            "--out",
            str(tmp / "out"),
            *formats,
            "--bom",
            "--quiet",
        )
    assert result.returncode == 0, result.stderr[-3000:]
    files = {p.name.split("_", 3)[-1].split(".", 1)[-1]: p for p in (tmp / "out").iterdir() if "solar_leads" in p.name}
    return files, tmp / "w.duckdb"


def rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_every_csv_starts_with_a_byte_order_mark(exported):
    files, _ = exported
    assert sorted(files) == ["csv", "hubspot.csv", "salesforce.csv", "xlsx"]
    for name in ("csv", "hubspot.csv", "salesforce.csv"):
        assert files[name].read_bytes().startswith(b"\xef\xbb\xbf")


def test_one_company_spelled_three_ways_is_one_lead_with_all_its_postings(exported):
    files, warehouse = exported
    leads = {row["company"]: row for row in rows(files["csv"])}
    acme = [row for name, row in leads.items() if name.lower().startswith("acme")]
    assert len(acme) == 1 and acme[0]["qualified_postings"] == "3"
    assert "Énergie Solaire Québec" in leads  # non-ASCII letters kept
    with duckdb.connect(str(warehouse), read_only=True) as con:
        keys = dict(con.execute("select company, company_key from marts.postings").fetchall())
    assert keys["Énergie Solaire Québec"] == "energie solaire quebec"


def test_separate_requisitions_stay_separate_postings_under_one_lead(exported):
    files, warehouse = exported
    with duckdb.connect(str(warehouse), read_only=True) as con:
        sunpeak = con.execute("select count(*) from marts.postings where company_key = 'sunpeak design'").fetchall()
    assert sunpeak == [(2,)]
    [lead] = [row for row in rows(files["csv"]) if row["company"] == "Sunpeak Design Co"]
    assert lead["qualified_postings"] == "2"


def test_hubspot_import_uses_hubspots_properties_and_never_a_guessed_domain(exported):
    files, _ = exported
    leads = rows(files["hubspot.csv"])
    assert list(leads[0]) == HUBSPOT
    by_name = {row["Company name"]: row for row in leads}
    assert by_name["Sunpeak Design Co"]["Company Domain Name"] == "sunpeakdesign.com"  # its own careers site
    [acme] = [row for name, row in by_name.items() if name.lower().startswith("acme")]
    assert acme["Company Domain Name"] == ""  # only a guess (acmesolar.com): left empty
    assert (
        by_name["Sunpeak Design Co"]["City"],
        by_name["Sunpeak Design Co"]["State/Region"],
        by_name["Sunpeak Design Co"]["Country/Region"],
    ) == ("Phoenix", "AZ", "United States")
    quebec = by_name["Énergie Solaire Québec"]
    assert (quebec["City"], quebec["State/Region"], quebec["Country/Region"]) == ("Montréal", "QC", "Canada")
    assert by_name['\'=HYPERLINK("http://evil")']["Lifecycle Stage"] == "Lead"  # neutralized, like the CSV
    csv_domains = {row["company"]: (row["domain"], row["domain_source"]) for row in rows(files["csv"])}
    [acme_csv] = [value for name, value in csv_domains.items() if name.lower().startswith("acme")]
    assert acme_csv == ("acmesolar.com", "guess") and csv_domains["Sunpeak Design Co"][1] == "posting_url"


def test_salesforce_import_uses_account_fields(exported):
    files, _ = exported
    leads = rows(files["salesforce.csv"])
    assert list(leads[0]) == SALESFORCE
    sunpeak = next(row for row in leads if row["Name"] == "Sunpeak Design Co")
    assert (sunpeak["Website"], sunpeak["BillingCity"], sunpeak["Type"]) == ("sunpeakdesign.com", "Phoenix", "Prospect")
    assert "Solar Designer" in sunpeak["Description"] and "careers.sunpeakdesign.com/jobs/" in sunpeak["Description"]


def test_workbook_holds_text_cells_links_and_a_frozen_header(exported):
    files, _ = exported
    sheet = openpyxl.load_workbook(files["xlsx"]).active
    header = [cell.value for cell in sheet[1]]
    assert sheet.freeze_panes == "A2" and header[:3] == ["company", "domain", "domain_source"]
    cells = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
    evil = cells['=HYPERLINK("http://evil")']  # the name as it is, with no apostrophe ...
    assert evil[0].data_type == "s"  # ... stored as text: no formula can run
    link = evil[header.index("posting_url")]
    assert link.hyperlink is not None and link.hyperlink.target == "https://boards.greenhouse.io/evil/jobs/7"
    score = evil[header.index("score")]
    assert isinstance(score.value, int)
