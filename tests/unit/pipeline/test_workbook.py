"""The leads workbook: text stays text (no formula runs, no apostrophe shows), links click, control characters that
a workbook cannot hold are dropped instead of failing the export."""

from __future__ import annotations

import openpyxl

from solar_leads.pipeline.workbook import write_workbook


def test_text_cells_links_and_control_characters(tmp_path):
    target = tmp_path / "leads.xlsx"
    columns = ["company", "posting_url", "score"]
    write_workbook(
        target,
        columns,
        [('=HYPERLINK("http://evil")', "https://jobs.example/1", 90), ("Acme\x1b Solar\x00", "not a url", 70)],
    )
    sheet = openpyxl.load_workbook(target).active
    evil, acme = sheet[2], sheet[3]
    assert evil[0].value == '=HYPERLINK("http://evil")' and evil[0].data_type == "s"
    assert evil[1].hyperlink.target == "https://jobs.example/1" and evil[2].value == 90
    assert acme[0].value == "Acme Solar" and acme[1].hyperlink is None
    assert sheet.freeze_panes == "A2"
