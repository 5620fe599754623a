"""Export to .xlsx and .csv: Excel-friendly, never a formula, and back through import
unchanged."""

import openpyxl
from hypothesis import given, settings, strategies as st

from kehila_desktop.core.people.sheet_io import export_people, plan_import
from kehila_desktop.core.sheets import escape_cell, read_sheet, unescape_cell

from .helpers import add_person, body_id, join

NASTY = [
    '=HYPERLINK("http://evil","x")',
    "+972 50",
    "-5 apples",
    "@SUM(A1)",
    "\tTabbed",
    "\rCarriage",
    "'=quoted",
    "''",
    "'",
    "'plain",
    "== twice",
    "normal",
]


@given(st.text())
def test_escape_round_trips_every_text(text):
    assert unescape_cell(escape_cell(text)) == text
    escaped = escape_cell(text)
    assert not escaped.startswith(("=", "+", "-", "@", "\t", "\r"))


def _fill(ops):
    with ops.step("people"):
        design = body_id(ops.conn, "design")
        for i, nasty in enumerate(NASTY):
            pid = add_person(
                ops,
                f"אדם {i}",
                organisation=nasty,
                notes=nasty,
                title=nasty,
                email=f"p{i}@example.org" if i % 2 == 0 else "",
                contact_consent=i % 2 == 0,
            )  # no consent: no contact details
            join(ops, pid, design, responsibilities=nasty)


def test_csv_is_utf8_with_bom_and_formula_free(ops, tmp_path):
    _fill(ops)
    people_csv, memberships_csv = export_people(ops.conn, tmp_path / "out.csv")
    data = people_csv.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    import csv
    import io

    for path in (people_csv, memberships_csv):
        rows = list(csv.reader(io.StringIO(path.read_text("utf-8-sig"), newline="")))
        for row in rows:
            for cell in row:
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    assert len(rows) == len(NASTY) + 1  # memberships: header + one per person


def test_xlsx_cells_are_text_not_formulas(ops, tmp_path):
    _fill(ops)
    [path] = export_people(ops.conn, tmp_path / "out.xlsx")
    book = openpyxl.load_workbook(path)
    assert len(book.sheetnames) == 2 and book.worksheets[0].sheet_view.rightToLeft
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", cell.value


def test_export_then_import_changes_nothing(ops, tmp_path):
    _fill(ops)
    for name in ("out.csv", "out.xlsx"):
        [first, *_] = export_people(ops.conn, tmp_path / name)
        plan = plan_import(ops.conn, read_sheet(first), name)
        assert plan.counts == {"add": 0, "update": 0, "unchanged": len(NASTY), "reject": 0}, [
            (r.line, r.action, r.values, r.reason) for r in plan.rows
        ]


def test_formula_like_text_survives_into_a_new_program(ops, tmp_path, new_file):
    """Export from one program, import into an empty one: every text is identical."""
    from kehila_desktop.core.history.operations import Operations
    from kehila_desktop.core.people.sheet_io import apply_import
    from kehila_desktop.core.file.programfile import open_program
    from kehila_desktop.core.file.create import create_program

    _fill(ops)
    [out] = export_people(ops.conn, tmp_path / "out.xlsx")
    other = create_program(tmp_path / "other.kehila")
    with open_program(other) as pf:
        apply_import(Operations(pf), plan_import(pf.conn, read_sheet(out), "out.xlsx"))
        got = pf.conn.execute(
            "SELECT organisation, notes, title, contact_consent FROM person ORDER BY name"
        ).fetchall()
    want = ops.conn.execute(
        "SELECT organisation, notes, title, contact_consent FROM person ORDER BY name"
    ).fetchall()
    assert got == want


@settings(max_examples=25, deadline=None)
# a cell of spaces only reads back empty (the import strips every cell anyway)
@given(st.text(max_size=30).filter(lambda t: t == "" or t.strip() != ""))
def test_xlsx_text_round_trips_exactly(tmp_path_factory, text):
    from kehila_desktop.core.sheets import write_xlsx

    path = tmp_path_factory.mktemp("x") / "t.xlsx"
    write_xlsx(path, {"s": [["h"], [text]]})
    rows = read_sheet(path).rows + [[""]]  # an empty last cell is no row at all
    assert unescape_cell(rows[1][0]) == text
