"""Program-health findings of the plan, and the .xlsx export (CLI included)."""

from __future__ import annotations

import openpyxl

from kehila_desktop import cli
from kehila_desktop.core import health
from kehila_desktop.core.workplan import plans as wp, budget as wb
from kehila_desktop.core.structure.edits import set_chosen_channels
from kehila_desktop.core.history.operations import Operations
from kehila_desktop.core.file.programfile import open_program
from kehila_desktop.core.workplan.export import export_workplan

from .helpers import small_plan


def codes(conn):
    return sorted(f.code for f in health.findings(conn, "en") if f.code.startswith("plan."))


def test_findings_follow_the_plan(ops):
    set_chosen_channels(ops, ["urban"])
    assert codes(ops.conn) == ["plan.no_goals", "plan.no_situation_picture"]
    cid, goal, objective, first, second = small_plan(ops, "urban")
    wp.set_channel_texts(ops, cid, {"situation_picture": "תמונת מצב"})
    wp.update_item(ops, "objective", objective, {"indicator": ""})
    wp.update_item(ops, "action", first, {"owner_body_id": None, "budget": 0})
    assert codes(ops.conn) == [
        "plan.action_without_budget",
        "plan.action_without_owner",
        "plan.not_approved",
        "plan.objective_without_indicator",
    ]
    targets = {f.target for f in health.findings(ops.conn, "he") if f.code.startswith("plan.")}
    assert ("workplan", "action", first) in targets
    wb.approve_plan(ops, cid)
    assert "plan.not_approved" not in codes(ops.conn)
    wp.update_item(ops, "action", second, {"title": "שונה"})
    assert "plan.changed_after_approval" in codes(ops.conn)


def rows_of(ws):
    return [list(r) for r in ws.iter_rows(values_only=True)]


def test_export_sheets_budget_and_formula_safe_text(ops, tmp_path):
    cid, goal, objective, first, second = small_plan(ops)
    wp.update_item(ops, "action", first, {"title": "=1+1", "budget_source": "@SUM(A1)"})
    wp.update_item(ops, "objective", objective, {"indicator": "-3 מתנדבים"})
    out = export_workplan(ops.conn, tmp_path / "plan.xlsx", "he")
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["חברתי", "תקציב"]
    sheet = book["חברתי"]
    assert sheet.sheet_view.rightToLeft
    cells = [c for row in sheet.iter_rows() for c in row if c.value is not None]
    assert all(c.data_type != "f" for c in cells)
    formula_like = [c for c in cells if str(c.value)[:1] in "=+-@"]
    assert {c.value for c in formula_like} == {"=1+1", "@SUM(A1)", "-3 מתנדבים"}
    assert all(c.quotePrefix for c in formula_like)
    budget = rows_of(book["תקציב"])
    assert ["סך הכול", 15001, None, None] in budget


def test_cli_export_workplan(new_file, tmp_path, capsys):
    pf = open_program(new_file)
    small_plan(Operations(pf))
    pf.close()
    out = tmp_path / "out.xlsx"
    assert cli.main(["export", str(new_file), "workplan", str(out), "--language", "en"]) == 0
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["social", "Budget"]
    titles = [r[1] for r in rows_of(book["social"])]
    assert "סדנת הכשרה" in titles and "יום התנדבות" in titles
    assert cli.main(["export", str(new_file), "workplan", str(tmp_path / "no" / "x.xlsx")]) == 2
    assert "does not exist" in capsys.readouterr().err
