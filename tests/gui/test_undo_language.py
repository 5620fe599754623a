"""The Edit menu's Undo / Redo name the step in the language the user switched to, at once."""

from __future__ import annotations

from PySide6.QtCore import Qt

from kehila_desktop.core.i18n import tr
from kehila_desktop.core.people.edits import add_person


def _rename_design(w, qtbot, new_name):
    design_id, old = w.context.ops.conn.execute(
        "SELECT id, name FROM live_body WHERE kind='design'"
    ).fetchone()
    w.navigate("structure", "body", design_id)
    edit = w.views["structure"].body_panel.ui.nameEdit
    edit.selectAll()
    edit.insert(new_name)  # QTest cannot type Hebrew keys
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    return old


def test_undo_and_redo_follow_a_language_switch(main_window, qtbot):
    w = main_window
    old = _rename_design(w, qtbot, "ועדה מעצבת חדשה")
    assert w.act_undo.text() == tr("&Undo: {action}", "he", action=f"שינוי שם של {old}")
    w.set_language("ar")
    assert w.act_undo.text() == tr("&Undo: {action}", "ar", action=f"تغيير اسم {old}")
    w.set_language("en")
    assert w.act_undo.text() == f"&Undo: rename {old}"
    w.act_undo.trigger()
    assert w.act_redo.text() == f"&Redo: rename {old}"
    w.set_language("he")
    assert w.act_redo.text() == tr("&Redo: {action}", "he", action=f"שינוי שם של {old}")


def test_a_name_with_an_ampersand_shows_it_in_the_menu(main_window):
    w = main_window
    w.set_language("en")
    w.context.run(
        tr("add {person}", person="Levi & Sons"),
        lambda ops: add_person(ops, {"name": "Levi & Sons", "sector": "business"}),
    )
    assert w.act_undo.text() == "&Undo: add Levi && Sons"  # "&&" shows one "&"
    w.set_language("ar")
    assert w.act_undo.text().endswith("إضافة Levi && Sons")
