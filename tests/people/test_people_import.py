"""Importing people: an .xlsx with numeric phones, blank rows and merged header cells; good,
duplicate and broken rows; matching by e-mail, then phone, then name; one undo step."""

import openpyxl

from kehila_desktop.core.people.sheet_io import apply_import, plan_import
from kehila_desktop.core.sheets import read_sheet

from .helpers import add_person, people


def _messy_workbook(path):
    """What a coordinator's sheet looks like: a merged title, a two-row merged header,
    phones typed as numbers (their 0 lost), blank rows, Hebrew sector labels."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "שותפים"
    ws["A1"] = "מיפוי שותפים — עין גדי"
    ws.merge_cells("A1:F1")
    ws["A2"] = "שם"
    ws.merge_cells("A2:A3")  # the name header spans two rows
    ws["B2"] = "פרטי קשר"
    ws.merge_cells("B2:C2")  # a group header over phone and e-mail
    ws["B3"], ws["C3"] = "טלפון", 'דוא"ל'
    ws["D2"] = "מגזר"
    ws.merge_cells("D2:D3")
    ws["E2"] = "ארגון"
    ws.merge_cells("E2:E3")
    ws["F2"] = "הערה פנימית"  # a column we do not know: ignored, and said so
    rows = [
        ("דנה כהן", 501234567, "dana@example.org", "תושבים / נציגי ציבור", "ועד השכונה"),
        None,
        ("פרופ' רון שגיא", 97226543210, "", "academia", "האוניברסיטה"),
        ("", 521112222, "", "", ""),  # no name
        ("יעל", "050-12", "", "", ""),  # broken phone
        ("אבי", "", "avi@", "", ""),  # broken e-mail
        ("מירב", "", "", "חייזרים", ""),  # unknown sector
        ("דנה כהן", "", "dana@example.org", "", ""),  # same as row 4
        None,
    ]
    r = 4
    for row in rows:
        if row:
            for c, value in enumerate(row, start=1):
                ws.cell(r, c, value)
        r += 1
    book.save(path)


def test_messy_xlsx_plan(ops, tmp_path):
    path = tmp_path / "partners.xlsx"
    _messy_workbook(path)
    grid = read_sheet(path)
    plan = plan_import(ops.conn, grid, path.name, consent=True)
    by_line = {r.line: r for r in plan.rows}
    assert set(by_line) == {4, 6, 7, 8, 9, 10, 11}  # blank rows skipped
    assert by_line[4].action == "add"
    assert by_line[4].values["phone"] == "0501234567"  # the lost zero is back
    assert by_line[4].values["sector"] == "resident"
    assert by_line[6].values["phone"] == "+97226543210"
    assert by_line[6].values["sector"] == "academia"
    assert by_line[7].action == "reject" and by_line[7].reason == "בשורה אין שם."
    assert by_line[8].action == "reject" and "050-12" in by_line[8].reason
    assert by_line[9].action == "reject" and "avi@" in by_line[9].reason
    assert by_line[10].action == "reject" and "חייזרים" in by_line[10].reason
    assert by_line[11].action == "reject" and "4" in by_line[11].reason
    assert plan.counts == {"add": 2, "update": 0, "unchanged": 0, "reject": 5}
    assert plan.ignored_columns == ["הערה פנימית"]
    assert ops.conn.execute("SELECT count(*) FROM person").fetchone()[0] == 0  # nothing yet


def test_apply_is_one_undo_step_and_never_duplicates(ops, tmp_path):
    with ops.step("existing"):
        dana = add_person(ops, "דנה כ.", email="Dana@Example.org")
        roni = add_person(ops, "רוני", phone="052-7654321")
        add_person(ops, "משה לוי", organisation="")
    path = tmp_path / "people.csv"
    path.write_text(
        'שם,טלפון,דוא"ל,ארגון\n'
        "דנה כהן,,dana@example.org,ועד\n"  # matched by e-mail (case aside)
        "רון אלון,0527654321,,\n"  # matched by phone (no dashes)
        'משה לוי,,,מתנ"ס\n'  # matched by exact name
        "חדשה,,new@example.org,\n",
        encoding="utf-8-sig",
    )
    before = people(ops.conn)
    plan = plan_import(ops.conn, read_sheet(path), path.name)
    assert [(r.action, r.matched_by) for r in plan.rows] == [
        ("update", "email"),
        ("update", "phone"),
        ("update", "name"),
        ("add", ""),
    ]
    steps_before = ops.conn.execute("SELECT count(*) FROM step").fetchone()[0]
    apply_import(ops, plan)
    assert ops.conn.execute("SELECT count(*) FROM step").fetchone()[0] == steps_before + 1
    assert ops.conn.execute("SELECT kind FROM step ORDER BY n DESC").fetchone()[0] == "import"
    assert ops.conn.execute("SELECT count(*) FROM person WHERE deleted=0").fetchone()[0] == 4
    assert ops.conn.execute(
        "SELECT name, organisation FROM person WHERE id=?", (dana,)
    ).fetchone() == ("דנה כהן", "ועד")
    assert (
        ops.conn.execute("SELECT name FROM person WHERE id=?", (roni,)).fetchone()[0] == "רון אלון"
    )
    # importing the same sheet again changes nothing
    again = plan_import(ops.conn, read_sheet(path), path.name)
    assert again.counts == {"add": 0, "update": 0, "unchanged": 4, "reject": 0}
    ops.undo()
    assert people(ops.conn) == before


def test_namesakes_with_other_contacts_are_not_overwritten(ops, tmp_path):
    with ops.step("existing"):
        add_person(ops, "יוסי לוי", email="yossi@one.org")
        add_person(ops, "שרה", phone="050-1111111")
        add_person(ops, "שרה", phone="050-2222222")
    path = tmp_path / "people.csv"
    path.write_text("name,email,phone\nיוסי לוי,yossi@two.org,\nשרה,,\n", encoding="utf-8")
    plan = plan_import(ops.conn, read_sheet(path))
    assert [r.action for r in plan.rows] == ["reject", "reject"]
    assert "יוסי לוי" in plan.rows[0].reason and "שרה" in plan.rows[1].reason


def test_a_sheet_without_names_is_refused(ops, tmp_path):
    import pytest

    from kehila_desktop.core.sheets import SheetReadError

    path = tmp_path / "x.csv"
    path.write_text("foo,bar\n1,2\n", encoding="utf-8")
    with pytest.raises(SheetReadError):
        plan_import(ops.conn, read_sheet(path))


def test_an_instructions_sheet_in_front_is_passed_over(ops, tmp_path):
    from kehila_desktop.core.people.sheet_io import read_people_sheet

    book = openpyxl.Workbook()
    book.active.title = "הוראות"
    book.active["A1"] = "מלאו את הגיליון הבא"
    people_ws = book.create_sheet("אנשים")
    people_ws.append(["name", "email"])
    people_ws.append(["Dana", "dana@example.org"])
    path = tmp_path / "book.xlsx"
    book.save(path)
    grid = read_people_sheet(path)
    assert grid.sheet_name == "אנשים"
    assert [r.name for r in plan_import(ops.conn, grid).rows] == ["Dana"]


def test_first_and_last_name_columns_are_joined(ops, tmp_path):
    path = tmp_path / "split.csv"
    path.write_text("שם פרטי,שם משפחה,טלפון\nדנה,כהן,050-1234567\n,לוי,\n", encoding="utf-8")
    plan = plan_import(ops.conn, read_sheet(path))
    assert [(r.action, r.name) for r in plan.rows] == [("add", "דנה כהן"), ("add", "לוי")]
