"""Export of the work plan to an Excel workbook (``.xlsx``, openpyxl).

One sheet per channel (the chosen ones, and any other that has goals): its approval status,
situation picture with its sections, problem and solution space, then the goals → objectives
→ actions table of ``core.workplan.table`` (the same texts the work-plan view shows). A last
sheet holds the budget totals. Cells are typed (``core.sheets.put_cell``): target dates are
dates, budgets shekel amounts, years whole numbers, a baseline or target that is a number
("12", "30%") a number; every text is a text cell, never a formula, even when it starts with
= + - @ or a tab (it also gets Excel's hidden quote prefix, no visible apostrophe). Columns are
as wide as their content, the table header frozen, A4 printing fitted to the width
(``core.sheets.finish_sheet``). The file is written beside the target and moved into place
whole.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from kehila_desktop.core.errors import KehilaError
from kehila_desktop.core.i18n import format_date, is_rtl, label, language as current_language, tr
from kehila_desktop.core.workplan.plans import read_plans
from kehila_desktop.core.workplan.budget import (
    approval_status,
    budget_totals,
    changes_since_approval,
    latest_approval,
)
from kehila_desktop.core.sheets import (
    MONEY_FORMAT,
    YEAR_FORMAT,
    finish_sheet,
    iso_date,
    number_or_text,
    put_cell,
    save_workbook,
)
from kehila_desktop.core.workplan.table import COLUMN_KEYS, header, level_name, plan_rows

SHEET_FORBIDDEN = set("[]:*?/\\")
BUDGET_COLUMN = COLUMN_KEYS.index("budget") + 2  # column A is the level
TYPED_COLUMNS = {COLUMN_KEYS.index(k) + 2 for k in ("baseline", "target")}
DATE_COLUMN = COLUMN_KEYS.index("target_date") + 2


def _put(ws, row: int, column: int, value, *, bold: bool = False):
    """One cell: an int is a shekel amount (every amount of this workbook is)."""
    return put_cell(
        ws,
        row,
        column,
        value,
        bold=bold,
        number_format=MONEY_FORMAT if isinstance(value, int) else None,
    )


def _sheet_title(text: str, used: set[str]) -> str:
    title = "".join("_" if ch in SHEET_FORBIDDEN else ch for ch in text).strip("'")[:31] or "_"
    base, n = title, 2
    while title.lower() in used:
        title = f"{base[:28]} {n}"
        n += 1
    used.add(title.lower())
    return title


def approval_text(status: str, approval, language: str | None = None) -> str:
    if status == "none":
        return tr("Not yet approved by the steering committee.", language)
    when = format_date(approval.meeting_date or approval.approved_at)
    if status == "approved":
        return tr("Approved by a steering decision on {date}.", language, date=when)
    return tr("Changed since the steering decision of {date} approved it.", language, date=when)


def channels_to_export(plans):
    chosen = [p for p in plans if p.chosen or p.goals]
    return chosen or plans


def build_workbook(conn: sqlite3.Connection, language: str | None = None):
    """The workbook (openpyxl) of the whole work plan."""
    from openpyxl import Workbook

    language = language or current_language()
    plans = read_plans(conn)
    wb = Workbook()
    wb.remove(wb.active)
    used: set[str] = set()
    for plan in channels_to_export(plans):
        ws = wb.create_sheet(_sheet_title(label("CHANNELS", plan.key, language), used))
        approval = latest_approval(conn, plan.id)
        status = approval_status(plan, approval)
        changes = changes_since_approval(plan, approval) if approval else None
        _put(
            ws,
            1,
            1,
            tr("{channel} work plan", language, channel=label("CHANNELS", plan.key, language)),
            bold=True,
        )
        _put(ws, 2, 1, approval_text(status, approval, language))
        r = 4
        _put(ws, r, 1, tr("Situation picture", language), bold=True)
        _put(ws, r, 2, plan.situation_picture)
        for section in plan.sections:
            r += 1
            _put(ws, r, 1, section.title)
            _put(ws, r, 2, section.text)
            _put(ws, r, 3, section.figure)
        r += 1
        _put(ws, r, 1, tr("Problem space", language), bold=True)
        _put(ws, r, 2, plan.problem_space)
        r += 1
        _put(ws, r, 1, tr("Solution space", language), bold=True)
        _put(ws, r, 2, plan.solution_space)
        r += 2
        header_row = r
        for c, text in enumerate([tr("Level", language)] + header(language), start=1):
            _put(ws, r, c, text, bold=True)
        for row in plan_rows(plan, changes, language):
            r += 1
            _put(ws, r, 1, level_name(row.kind, language), bold=row.kind == "goal")
            for c, value in enumerate(row.cells, start=2):
                if value is None or value == "":
                    continue
                if c in TYPED_COLUMNS:
                    value = number_or_text(value)
                elif c == DATE_COLUMN:
                    value = iso_date(value)
                _put(ws, r, c, value, bold=row.kind == "goal" and c == 2)
        finish_sheet(
            ws,
            header_row=header_row,
            right_to_left=is_rtl(language),
            widths_from_row=4,
            max_width=32,
        )
    _budget_sheet(wb, conn, plans, language, used)
    return wb


def _budget_sheet(wb, conn, plans, language, used) -> None:
    totals = budget_totals(conn, plans)
    ws = wb.create_sheet(_sheet_title(tr("Budget", language), used))
    r = 1
    _put(ws, r, 1, tr("Budget of the work plan", language), bold=True)
    for text, amount in (
        (tr("Total", language), totals.total),
        (tr("Approved", language), totals.approved),
        (tr("Waiting for approval", language), totals.waiting),
    ):
        r += 1
        _put(ws, r, 1, text)
        _put(ws, r, 2, amount)
    r += 2
    for c, text in enumerate(
        (
            tr("Channel", language),
            tr("Total", language),
            tr("Approved", language),
            tr("Waiting for approval", language),
        ),
        1,
    ):
        _put(ws, r, c, text, bold=True)
    for key, amount in totals.per_channel.items():
        if key not in {p.key for p in channels_to_export(plans)}:
            continue
        r += 1
        approved = totals.approved_per_channel.get(key, 0)
        _put(ws, r, 1, label("CHANNELS", key, language))
        _put(ws, r, 2, amount)
        _put(ws, r, 3, approved)
        _put(ws, r, 4, amount - approved)
    for heading, values, empty in (
        (tr("Year", language), totals.per_year, tr("no quarters", language)),
        (tr("Budget source", language), totals.per_source, tr("no source", language)),
        (tr("Owner", language), totals.per_owner, tr("no owner", language)),
    ):
        r += 2
        _put(ws, r, 1, heading, bold=True)
        _put(ws, r, 2, tr("Total", language), bold=True)
        for key, amount in values.items():
            r += 1
            if heading == tr("Year", language) and str(key).isdigit():
                put_cell(ws, r, 1, int(key), number_format=YEAR_FORMAT)
            else:
                _put(ws, r, 1, key or empty)
            _put(ws, r, 2, amount)
    finish_sheet(ws, header_row=None, right_to_left=is_rtl(language), widths_from_row=2)


def export_workplan(
    conn: sqlite3.Connection, out: str | os.PathLike, language: str | None = None
) -> Path:
    """Write the work-plan workbook to ``out`` (atomically) and return its path."""
    out = Path(out)
    if not out.parent.is_dir():
        raise KehilaError("The folder {path} does not exist.", path=out.parent)
    wb = build_workbook(conn, language)
    try:
        save_workbook(wb, out)
    except OSError as exc:
        raise KehilaError(
            "The file {path} cannot be written ({error}).", path=out, error=exc.strerror or exc
        ) from None
    return out
