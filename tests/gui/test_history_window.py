"""Edit ▸ History of changes: the file's steps, each in the language the user reads now —
the user's own, a colleague's made in Arabic, and the sample's from when the file was made."""

from __future__ import annotations

from kehila_desktop.core import i18n
from kehila_desktop.core.i18n import tr
from kehila_desktop.core.people.edits import add_person


def _rows(dialog):
    table = dialog.table
    return [
        tuple(table.item(r, c).text() for c in range(table.columnCount()))
        for r in range(table.rowCount())
    ]


def test_the_history_names_every_step_in_the_language_switched_to(main_window):
    w = main_window
    w.build_unseen()
    assert w.history.act_history in w.edit_menu.actions()
    i18n.set_language("ar")  # a step as a colleague's Arabic app names it
    w.context.run(
        tr("add {person}", person="سلمى"),
        lambda ops: add_person(ops, {"name": "سلمى", "sector": "resident"}),
    )
    i18n.set_language("he")
    w.context.run(
        tr("add {person}", person="דנה"),
        lambda ops: add_person(ops, {"name": "דנה", "sector": "resident"}),
    )
    w.undo()
    w.history.act_history.trigger()
    dialog = w.history.dialog
    assert dialog.isVisible() and dialog.windowTitle() == "היסטוריית השינויים"
    rows = _rows(dialog)
    assert [r[1] for r in rows[:3]] == ["בוטלה: הוספת דנה", "הוספת דנה", "הוספת سلمى"]
    assert [r[1] for r in rows[-2:]] == ["מילוי תוכנית הדוגמה", "תוכנית חדשה"]  # the sample's
    assert rows[0][2] == "העותק הזה"

    w.set_language("ar")  # the open window follows at once
    rows = _rows(dialog)
    assert dialog.windowTitle() == "سجل التغييرات"
    assert [r[1] for r in rows[:3]] == ["تم التراجع: إضافة דנה", "إضافة דנה", "إضافة سلمى"]
    w.set_language("en")
    assert [r[1] for r in _rows(dialog)[:3]] == ["undone: add דנה", "add דנה", "add سلمى"]
    assert [r[1] for r in _rows(dialog)[-2:]] == ["sample program", "new program"]
