"""People sheets in every format a local authority has: .ods, .xls, .xlsx made by LibreOffice
(kept in tests/data, and made afresh by LibreOffice headless), read through the import."""

from __future__ import annotations

from pathlib import Path

import pytest

from kehila_desktop.core.people.sheet_io import plan_import, read_people_sheet

from .libreoffice import convert

DATA = Path(__file__).resolve().parent.parent / "data"
WANT = [
    ("דנה כהן", "0501234567", "dana@example.org", 'מתנ"ס'),
    ("סמיר חורי", "+972-54-7654321", "samir@example.org", "-חשוב"),
]


def planned(conn, path):
    plan = plan_import(conn, read_people_sheet(path), path.name, consent=True)
    assert plan.counts == {"add": 2, "update": 0, "unchanged": 0, "reject": 0}, [
        (r.line, r.reason) for r in plan.rows
    ]
    return [
        (r.values["name"], r.values["phone"], r.values["email"], r.values["organisation"])
        for r in plan.rows
    ]


@pytest.mark.parametrize(
    "name",
    ["people-libreoffice.ods", "people-libreoffice.xls", "people-libreoffice.xlsx", "people.csv"],
)
def test_kept_files_import(ops, name):
    assert planned(ops.conn, DATA / name) == WANT


@pytest.mark.parametrize("to", ["ods", "xlsx", "xls"])
def test_sheets_libreoffice_writes_import(ops, tmp_path, to):
    made = convert(DATA / "people.csv", to, tmp_path, infilter="CSV:44,34,76,1")
    assert planned(ops.conn, made) == WANT


def test_an_instructions_sheet_in_front_is_passed_over(ops, tmp_path):
    """A workbook whose first worksheet is instructions: the people sheet is found."""
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "הוראות"
    book.active["A1"] = "מלאו את הגיליון השני"
    ws = book.create_sheet("אנשים")
    ws.append(["שם", "טלפון", 'דוא"ל', "ארגון"])
    for name, phone, email, org in WANT:
        ws.append([name, phone, email, org])
    book.save(tmp_path / "two.xlsx")
    ods = convert(tmp_path / "two.xlsx", "ods", tmp_path / "lo")
    for path in (tmp_path / "two.xlsx", ods):
        assert read_people_sheet(path).sheet_name == "אנשים"
        assert planned(ops.conn, path) == WANT


CALAMINE = DATA / "calamine"  # real files from calamine's tests (see its README.md)


def test_excel_files_read():
    from kehila_desktop.core.sheets import read_sheet, sheet_names

    assert read_sheet(CALAMINE / "date.xlsb").rows[:2] == [
        ["2021-01-01", "15"],
        ["2021-01-02", "16"],
    ]
    assert len(sheet_names(CALAMINE / "issues.xlsb")) > 3
    assert read_sheet(CALAMINE / "any_sheets.xlsx").rows
    wide = read_sheet(CALAMINE / "issue_174.xlsx")  # styled, empty cells out to XFD1048576
    assert wide.rows[0][:2] == ["Your Ref #", "Contact Name"] and len(wide.rows) == 2


@pytest.mark.parametrize(
    "name, words", [("pass_protected.xlsx", "password"), ("issue_594_dos.ods", "999,999,999")]
)
def test_hostile_real_files_are_refused(name, words):
    from kehila_desktop.core.sheets import SheetReadError, read_sheet

    with pytest.raises(SheetReadError) as caught:
        read_sheet(CALAMINE / name)
    assert words in caught.value.text() and "\n" not in caught.value.text()
