"""Quarters are shown to people as words ("Q1 2027", "רבעון 1 2027"), never as the stored
code "2027Q1": the core helper, the plan table and export rows, and the printed work plan."""

from __future__ import annotations

import pdfplumber
import pytest

from kehila_desktop.core.workplan.plans import quarter_label, quarter_short, read_plans
from kehila_desktop.core.workplan.table import plan_rows
from kehila_desktop.printing import build


@pytest.mark.parametrize(
    "language, full, short",
    [
        ("he", "רבעון 1 2027", "רבעון 1"),
        ("ar", "الربع 1 2027", "الربع 1"),
        ("en", "Q1 2027", "Q1"),
    ],
)
def test_quarter_label_in_every_language(language, full, short):
    assert quarter_label("2027Q1", language) == full
    assert quarter_short("2027Q1", language) == short
    assert quarter_label("", language) == "" and quarter_label("soon", language) == "soon"


def test_plan_rows_show_labels_not_codes(printed_sample):
    from kehila_desktop.core.file.programfile import open_program

    with open_program(printed_sample, read_only=True) as pf:
        cells = [
            c
            for plan in read_plans(pf.conn)
            for row in plan_rows(plan, None, "en")
            if row.kind == "action"
            for c in row.cells
            if isinstance(c, str)
        ]
    assert any(c.startswith("Q") and c[-4:].isdigit() for c in cells)
    assert not any(len(c) == 6 and c[4] == "Q" for c in cells), cells


def test_printed_work_plan_shows_quarter_words(printed_sample, tmp_path):
    out = tmp_path / "plan.pdf"
    build("workplan", printed_sample, out, language="en")
    with pdfplumber.open(out) as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
    assert "Q1 2027" in text
    assert "2027Q" not in text


@pytest.mark.parametrize("language", ["he", "ar", "en"])
def test_a_quarter_range_is_printed_whole_on_one_line(printed_sample, tmp_path, language):
    """A work plan's "Q1 2027 – Q3 2027" never wraps between its parts in the table."""
    from kehila_desktop.core.file.programfile import open_program

    from .pdftext import all_segments, fribidi

    with open_program(printed_sample, read_only=True) as pf:
        spans = {
            " – ".join(
                quarter_label(q, language)
                for q in dict.fromkeys(q for q in (a.start_quarter, a.end_quarter) if q)
            )
            for plan in read_plans(pf.conn)
            if plan.chosen
            for goal in plan.goals
            for o in goal.objectives
            for a in o.actions
            if a.start_quarter and a.end_quarter and a.start_quarter != a.end_quarter
        }
    assert spans
    out = tmp_path / "plan.pdf"
    build("workplan", printed_sample, out, language=language)
    printed = all_segments(out)
    for span in spans:
        shown = fribidi([span], language != "en")[0] if language != "en" else span
        assert shown in printed, (span, [s for s in printed if "2027" in s])
