"""Several people at once in the people view (pytest-qt, a real program file): Ctrl+A or
Ctrl/Shift-click selects them, "Add to a body…" adds all the selected in one step (one undo)
and says in one sentence who was already there."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtTest import QTest

from kehila_desktop.gui import dialogs

from .helpers import add_person, body_id, join
from . import test_people_view as people_view
from .test_people_view import answer_with, choose

context, view = people_view.context, people_view.view  # the same fixtures


def _members(conn, body):
    return sorted(
        r[0]
        for r in conn.execute(
            "SELECT p.name FROM membership m JOIN person p ON p.id=m.person_id "
            "WHERE m.deleted=0 AND m.body_id=?",
            (body,),
        )
    )


def test_ctrl_a_then_add_to_a_body_adds_everyone_in_one_step(view, context, qtbot):
    conn = context.pf.conn
    design = body_id(conn, "design")
    already = set(_members(conn, design))
    with context.ops.step("setup: 20 partners, 3 of them already proposed"):
        people = [add_person(context.ops, f"שותף {i:02}") for i in range(20)]
        for pid in people[:3]:
            join(context.ops, pid, design, status="proposed")
    view.table.setFocus()
    QTest.keySequence(view.table, "Ctrl+A")
    assert len(view.selected_person_ids()) == view.model.rowCount()

    def fill(editor):
        choose(editor.body, design)
        choose(editor.status, "mapped")

    answer_with(view, qtbot, fill)
    dialogs.shown.clear()
    qtbot.mouseClick(view.memberships.add_button, Qt.MouseButton.LeftButton)
    names = {f"שותף {i:02}" for i in range(20)}
    assert names <= set(_members(conn, design))
    assert len(_members(conn, design)) == len(already | names)  # no one twice
    [(kind, report)] = dialogs.shown
    assert kind == "info" and "17 אנשים נוספו" in report and "3 כבר היו" in report
    context.ops.undo()  # one undo takes the batch away, the three stay
    assert set(_members(conn, design)) == already | {"שותף 00", "שותף 01", "שותף 02"}


def test_ctrl_click_selects_several_and_the_menu_adds_them(view, context, qtbot):
    conn = context.pf.conn
    steering = body_id(conn, "steering")
    with context.ops.step("setup"):
        a, b, c = (add_person(context.ops, n) for n in ("אלף", "בית", "גימל"))
    view.select_person(a)
    index = view.model.index(view.model.row_of(c), 0)
    view.table.selectionModel().select(
        index, QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    )
    assert set(view.selected_person_ids()) == {a, c}
    answer_with(view, qtbot, lambda editor: choose(editor.body, steering))
    menu = view.person_menu()
    [add] = [act for act in menu.actions() if act.text() == "הוספה למנגנון…"]
    add.trigger()
    assert {"אלף", "גימל"} <= set(_members(conn, steering))
    assert "בית" not in _members(conn, steering)
