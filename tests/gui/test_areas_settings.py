"""Program settings → geographic focus: areas added, renamed, merged and removed from the GUI."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt

from kehila_desktop.gui import dialogs


def _q(path, sql, *args):
    with sqlite3.connect(path) as conn:
        return conn.execute(sql, args).fetchall()


def _panel(w):
    w.sidebar.setCurrentRow(1)
    return w.views["structure"].program_panel.areas


def _select(editor, name):
    for i in range(editor.list.count()):
        if editor.list.item(i).text().startswith(name):
            editor.list.setCurrentRow(i)
            return editor.list.item(i).data(Qt.ItemDataRole.UserRole)
    raise AssertionError(name)


def test_add_rename_kind_focus_remove_from_the_settings(main_window, gui_sample, qtbot, answers):
    w = main_window
    editor = _panel(w)
    before = editor.list.count()
    editor.new_name.setText("גבעת הזיתים")
    editor.new_kind.setCurrentIndex(editor.new_kind.findData("quarter"))
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    assert _q(
        gui_sample, "SELECT kind, in_focus FROM area WHERE name='גבעת הזיתים' AND deleted=0"
    ) == [("quarter", 0)]
    qtbot.waitUntil(lambda: editor.list.count() == before + 1)
    assert editor.new_name.text() == ""
    # the same name again: one sentence, nothing added
    editor.new_name.setText("גבעת  הזיתים")
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    assert dialogs.shown[-1][0] == "error" and "גבעת הזיתים" in dialogs.shown[-1][1]
    assert _q(gui_sample, "SELECT count(*) FROM area WHERE name='גבעת הזיתים'") == [(1,)]

    area_id = _select(editor, "גבעת הזיתים")
    assert editor.name_edit.text() == "גבעת הזיתים"
    editor.name_edit.setText("גבעת הזית")
    qtbot.keyClick(editor.name_edit, Qt.Key.Key_Return)
    assert _q(gui_sample, "SELECT name FROM area WHERE id=?", area_id) == [("גבעת הזית",)]
    qtbot.waitUntil(
        lambda: any(
            editor.list.item(i).text().startswith("גבעת הזית (") for i in range(editor.list.count())
        )
    )
    item = editor.list.item(editor.list.currentRow())
    item.setCheckState(Qt.CheckState.Checked)
    assert _q(gui_sample, "SELECT in_focus FROM area WHERE id=?", area_id) == [(1,)]
    _select(editor, "גבעת הזית")
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    assert _q(gui_sample, "SELECT deleted FROM area WHERE id=?", area_id) == [(1,)]
    w.act_undo.trigger()
    assert _q(gui_sample, "SELECT deleted FROM area WHERE id=?", area_id) == [(0,)]


def test_merge_asks_then_moves_people_and_remove_of_a_used_area_is_refused(
    main_window, gui_sample, qtbot, answers
):
    editor = _panel(main_window)
    used = _q(
        gui_sample,
        "SELECT a.id, a.name, count(p.id) FROM area a JOIN person p "
        "ON p.area_id=a.id AND p.deleted=0 WHERE a.deleted=0 GROUP BY a.id "
        "ORDER BY count(p.id) DESC",
    )
    (gone_id, gone_name, people), (keep_id, _keep_name, kept) = used[0], used[1]
    _select(editor, gone_name)
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    assert dialogs.shown[-1][0] == "error" and gone_name in dialogs.shown[-1][1]
    assert _q(gui_sample, "SELECT deleted FROM area WHERE id=?", gone_id) == [(0,)]

    editor.merge_target.setCurrentIndex(editor.merge_target.findData(keep_id))
    qtbot.mouseClick(editor.merge_button, Qt.MouseButton.LeftButton)  # Cancel (the default)
    assert dialogs.shown[-1][0] == "confirm" and str(people) in dialogs.shown[-1][1]
    assert _q(gui_sample, "SELECT deleted FROM area WHERE id=?", gone_id) == [(0,)]
    answers.choice["locked"] = "ok"
    qtbot.mouseClick(editor.merge_button, Qt.MouseButton.LeftButton)
    assert _q(gui_sample, "SELECT deleted FROM area WHERE id=?", gone_id) == [(1,)]
    assert _q(gui_sample, "SELECT count(*) FROM person WHERE area_id=? AND deleted=0", keep_id) == [
        (people + kept,)
    ]
    assert "מיזוג" in main_window.act_undo.text()
    main_window.act_undo.trigger()
    assert _q(gui_sample, "SELECT count(*) FROM person WHERE area_id=? AND deleted=0", gone_id) == [
        (people,)
    ]
