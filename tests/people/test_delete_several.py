"""Several people selected: Delete deletes all of them after one question that says how many
(in the language's plural form), as one undo step through ``delete_people``; Edit is off (a
tooltip says to pick one), in the button and the context menu."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtTest import QTest

from kehila_desktop.core import i18n
from kehila_desktop.core.errors import InvalidEdit
from kehila_desktop.core.people.edits import delete_people
from kehila_desktop.core.structure.memberships import set_chair
from kehila_desktop.gui import dialogs

from .helpers import add_person, body_id, join
from . import test_people_view as people_view

context, view = people_view.context, people_view.view  # the same fixtures


def _live(conn, table, where="1"):
    return conn.execute(f"SELECT count(*) FROM {table} WHERE deleted=0 AND {where}").fetchone()[0]


def _three(context):
    conn = context.pf.conn
    with context.ops.step("setup"):
        ids = [add_person(context.ops, n) for n in ("אלף", "בית", "גימל", "דלת")]
        join(context.ops, ids[0], body_id(conn, "design"))
        join(context.ops, ids[1], body_id(conn, "design"))
        join(context.ops, ids[1], body_id(conn, "steering"))
    set_chair(context.ops, body_id(conn, "steering"), ids[1])
    return ids


def _select(view, ids):
    view.select_person(ids[0])
    for pid in ids[1:]:
        index = view.model.index(view.model.row_of(pid), 0)
        view.table.selectionModel().select(
            index, QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        )
    assert set(view.selected_person_ids()) == set(ids)


@pytest.mark.parametrize(
    "code, asked",
    [("he", "למחוק 3 אנשים?"), ("ar", "حذف 3 أشخاص؟"), ("en", "Delete 3 people?")],
)
def test_delete_with_three_selected_deletes_all_three_in_one_undo_step(
    view, context, qtbot, monkeypatch, code, asked
):
    conn = context.pf.conn
    a, b, c, d = _three(context)
    i18n.set_language(code)
    _select(view, [a, b, c])
    answers = ["cancel", "ok"]
    monkeypatch.setattr(dialogs, "answer", lambda box, buttons: answers.pop(0))
    dialogs.shown.clear()
    view.table.setFocus()
    QTest.keyClick(view.table, Qt.Key.Key_Delete)  # asked, and cancelled: nothing changes
    [(kind, text)] = dialogs.shown
    assert kind == "confirm" and text.startswith(asked), text
    three = {"he": "3 השיוכים", "ar": "وعددها 3", "en": "Their 3 memberships"}[code]
    assert three in text  # the memberships that go with them, counted
    assert "בית" in text  # who will no longer chair the steering committee
    assert _live(conn, "person", f"id IN ('{a}','{b}','{c}')") == 3
    qtbot.mouseClick(view.delete_button, Qt.MouseButton.LeftButton)
    assert len(dialogs.shown) == 2  # one question for the three, not three questions
    assert _live(conn, "person", f"id IN ('{a}','{b}','{c}')") == 0
    assert (
        _live(conn, "membership") == 0 and _live(conn, "body", "chair_person_id IS NOT NULL") == 0
    )
    assert view.model.row_of(d) >= 0 and view.model.rowCount() == 1
    label = {"he": "מחיקת 3 אנשים", "ar": "حذف 3 أشخاص", "en": "delete 3 people"}[code]
    assert context.ops.undo_label == label
    context.ops.undo()  # one undo brings all three back, with memberships and the chair
    assert _live(conn, "person", f"id IN ('{a}','{b}','{c}')") == 3
    assert _live(conn, "membership") == 3
    assert _live(conn, "body", f"chair_person_id='{b}'") == 1


def test_edit_is_off_with_several_selected_and_says_to_pick_one(view, context, qtbot):
    a, b, _c, _d = _three(context)
    view.select_person(a)
    assert view.edit_button.isEnabled() and not view.edit_button.toolTip()
    _select(view, [a, b])
    assert not view.edit_button.isEnabled()
    assert view.edit_button.toolTip() == "בחרו אדם אחד כדי לערוך."
    [edit] = [act for act in view.person_menu().actions() if act.text() == "עריכה…"]
    assert not edit.isEnabled()
    opened = []
    view.exec_dialog = lambda dialog: opened.append(dialog) or 0  # (cancelled)
    view.activateWindow()  # (the keys go to the active window)
    qtbot.waitUntil(view.isActiveWindow)
    view.table.setFocus()
    QTest.keyClick(view.table, Qt.Key.Key_Return)  # Enter opens no editor for two people
    assert opened == []
    view.select_person(a)  # one person again
    assert view.selected_person_ids() == [a]
    QTest.keyClick(view.table, Qt.Key.Key_Return)  # and does for one
    assert len(opened) == 1
    assert view.delete_button.isEnabled()


def test_delete_people_refuses_an_unknown_person_and_changes_nothing(ops):
    a = add_person(ops, "אלף")
    with pytest.raises(InvalidEdit):
        delete_people(ops, [a, "no-such-person"])
    with pytest.raises(InvalidEdit):
        delete_people(ops, [])
    assert _live(ops.conn, "person") == 1


@pytest.mark.parametrize(
    "code, button",
    [("he", "מחיקת 3 אנשים"), ("ar", "حذف 3 أشخاص"), ("en", "Delete 3 people")],
)
def test_with_three_selected_delete_says_three_and_join_is_off(view, context, code, button):
    a, b, c, _d = _three(context)
    i18n.set_language(code)
    view.retranslate()
    _select(view, [a, b, c])
    assert view.delete_button.text() == button
    assert [act.text() for act in view.person_menu().actions()][-1] == button
    assert not view.join_button.isEnabled() and view.join_button.toolTip()
    [join_action] = [
        act for act in view.person_menu().actions() if act.text() == i18n.tr("Join with…")
    ]
    assert not join_action.isEnabled()
    view.select_person(a)  # one person: "Delete person", and a join is offered
    assert view.delete_button.text() == i18n.tr("Delete person")
    assert view.join_button.isEnabled() and not view.join_button.toolTip()
