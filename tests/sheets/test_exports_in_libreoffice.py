"""Exported sheets as LibreOffice reads them (headless): formula-like texts stay the texts
(never evaluated, no apostrophe shown), dates are dates and numbers numbers, columns sized,
header frozen, A4 fitted to the width, right to left in Hebrew — and the PDF of the sample
program's sheets is a few pages, not a dozen per sheet."""

from __future__ import annotations

import csv
import io
import subprocess
from datetime import date, datetime

import openpyxl
import pytest

from kehila_desktop.core.i18n import tr
from kehila_desktop.core.people.sheet_io import export_people
from kehila_desktop.core.sheets import read_sheet
from kehila_desktop.core.workplan import plans as wp
from kehila_desktop.core.workplan.export import export_workplan

from people.helpers import add_person, body_id, join
from workplan.helpers import small_plan
from .libreoffice import convert

CSV_UTF8 = "csv:Text - txt - csv (StarCalc):44,34,76,1"
PAYLOADS = [
    "=1+1",
    "+972-54-7654321",
    "-חשוב",
    "@SUM(A1)",
    '=HYPERLINK("http://x","y")',
    "-5",
    "+1",
    "=A1*2",
]


def _people(ops):
    design = body_id(ops.conn, "design")
    with ops.step("people"):
        for i, text in enumerate(PAYLOADS):
            pid = add_person(
                ops,
                f"אדם {i}",
                organisation=text,
                phone="+972-54-7654321",
                email=f"p{i}@example.org",
            )
            join(ops, pid, design, joined_on="2026-06-02", expected_attendance=80)


def test_people_payloads_are_texts_in_libreoffice(ops, tmp_path):
    _people(ops)
    [out] = export_people(ops.conn, tmp_path / "people.xlsx", "he")
    shown = list(
        csv.reader(
            io.StringIO(convert(out, CSV_UTF8, tmp_path / "lo").read_text("utf-8"), newline="")
        )
    )
    header = shown[0]
    organisations = [row[header.index("ארגון")] for row in shown[1:]]
    assert sorted(organisations) == sorted(PAYLOADS)  # as typed: no "2", no apostrophe
    assert {row[header.index("טלפון")] for row in shown[1:]} == {"+972-54-7654321"}


def test_people_cells_are_typed_and_the_sheet_set_up(ops, tmp_path):
    _people(ops)
    [out] = export_people(ops.conn, tmp_path / "people.xlsx", "he")
    book = openpyxl.load_workbook(out)
    people, memberships = book.worksheets
    for ws in (people, memberships):
        assert ws.sheet_view.rightToLeft and ws.freeze_panes == "A2"
        assert int(ws.page_setup.paperSize) == 9 and ws.page_setup.fitToWidth == 1  # 9: A4
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.print_title_rows == "$1:$1"
        assert all(ws.column_dimensions[c].width for c in "ABC")
    org = next(c for c in people["B"] if c.value == "+972-54-7654321" or c.value == "=1+1")
    assert org.data_type == "s" and org.quotePrefix
    joined = next(c for c in memberships[1] if c.value == tr("joined on", "he"))
    cell = memberships.cell(2, joined.column)
    assert cell.is_date and cell.number_format == "mm-dd-yy"  # the locale's short date
    # LibreOffice keeps it a date (its .ods says so), and the percentage a number
    ods = convert(out, "ods", tmp_path / "lo")
    grid = read_sheet(ods, memberships.title)
    assert grid.rows[1][joined.column - 1] == "2026-06-02"
    import python_calamine

    values = python_calamine.CalamineWorkbook.from_path(str(ods)).get_sheet_by_index(1).to_python()
    assert values[1][joined.column - 1] == date(2026, 6, 2)
    assert 80 in values[1]


def test_english_sheets_run_left_to_right(ops, tmp_path):
    _people(ops)
    [out] = export_people(ops.conn, tmp_path / "people.xlsx", "en")
    assert not openpyxl.load_workbook(out).worksheets[0].sheet_view.rightToLeft


def test_workplan_cells_typed_and_formula_safe_in_libreoffice(ops, tmp_path):
    cid, goal, objective, first, second = small_plan(ops)
    wp.update_item(ops, "action", first, {"title": "=1+1", "budget_source": "@SUM(A1)"})
    wp.update_item(
        ops,
        "objective",
        objective,
        {
            "indicator": "-3 מתנדבים",
            "target_date": "2027-12-31",
            "baseline": "30%",
            "target": "120",
        },
    )
    out = export_workplan(ops.conn, tmp_path / "plan.xlsx", "he")
    ws = openpyxl.load_workbook(out)["חברתי"]
    assert ws.column_dimensions["A"].width >= len("מרחב הפתרון")
    cells = {c.value: c for row in ws.iter_rows() for c in row if c.value is not None}
    assert cells[datetime(2027, 12, 31)].number_format == "mm-dd-yy"  # a date cell
    assert cells[0.3].number_format == "0%" and cells[120].data_type == "n"
    assert cells[10000].number_format == '#,##0 "₪"'
    assert all(
        cells[t].data_type == "s" and cells[t].quotePrefix
        for t in ("=1+1", "@SUM(A1)", "-3 מתנדבים")
    )
    shown = convert(out, CSV_UTF8, tmp_path / "lo").read_text("utf-8")
    assert "=1+1" in shown and "@SUM(A1)" in shown and "-3 מתנדבים" in shown
    assert "'" not in shown


def pages(pdf):
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages")))


@pytest.mark.parametrize("language", ["he", "en"])
def test_sample_sheets_print_on_a_few_pages(sample_file, tmp_path, language):
    """The sample program (40 people, 56 memberships, 3 channels): before the print set-up
    LibreOffice printed the people workbook on 12 pages and the plan on 14."""
    from kehila_desktop.core.file.programfile import open_program

    with open_program(sample_file, read_only=True) as pf:
        [people] = export_people(pf.conn, tmp_path / "people.xlsx", language)
        plan = export_workplan(pf.conn, tmp_path / "plan.xlsx", language)
    assert pages(convert(people, "pdf", tmp_path / "lo")) <= 4
    assert pages(convert(plan, "pdf", tmp_path / "lo")) <= 5  # a page per channel + budget


def test_export_through_libreoffice_and_back_changes_nothing(ops, tmp_path):
    """Exported, opened and saved by LibreOffice as .ods and as .xlsx, imported again: every
    person unchanged (formula-like texts, phones and all)."""
    from people.test_people_export import NASTY, _fill

    from kehila_desktop.core.people.sheet_io import plan_import, read_people_sheet

    _fill(ops)
    [out] = export_people(ops.conn, tmp_path / "people.xlsx", "he")
    for to in ("ods", "xlsx"):
        again = convert(out, to, tmp_path / f"lo-{to}")
        plan = plan_import(ops.conn, read_people_sheet(again), again.name)
        changed = {r.old["organisation"] for r in plan.rows if r.action == "update"}
        # known: calamine reads the <text:tab/> of an .ods cell as nothing (LibreOffice keeps
        # the tab, and a re-saved .xlsx brings it back whole)
        assert changed == ({"\tTabbed"} if to == "ods" else set()), to
        assert plan.counts["reject"] == plan.counts["add"] == 0
        assert plan.counts["unchanged"] == len(NASTY) - len(changed)
