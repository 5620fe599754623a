"""The Structure view as a user drives it: the diagram, a body's details, program settings."""

from __future__ import annotations

import sqlite3

import pytest

from PySide6.QtCore import Qt

from kehila_desktop.core.i18n import format_date
from kehila_desktop.gui import dialogs


def _q(path, sql, *args):
    with sqlite3.connect(path) as conn:
        return conn.execute(sql, args).fetchall()


def _structure(w):
    w.sidebar.setCurrentRow(1)
    return w.views["structure"]


def test_the_diagram_shows_the_four_mechanisms_and_selects_by_click_and_keys(
    main_window, gui_sample, qtbot
):
    view = _structure(main_window)
    kinds = [b.kind for b in view.diagram.boxes]
    assert kinds[:2] == ["steering", "design"] and "work_team" in kinds
    assert kinds[-1] == "program_team"
    design = next(b for b in view.diagram.boxes if b.kind == "design")
    assert design.members > 0 and design.chair
    qtbot.waitExposed(view.diagram)
    view.diagram.repaint()
    rect = view.diagram.rects[design.id]
    qtbot.mouseClick(view.diagram, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert view.body_panel.ui.nameEdit.text() == design.name
    assert "תוכנית העבודה" in view.body_panel.ui.decisionsValue.text()
    qtbot.keyClick(view.diagram, Qt.Key.Key_Down)
    assert view.diagram.selected_id == view.diagram.boxes[2].id
    assert view.body_panel.ui.nameEdit.text() == view.diagram.boxes[2].name


def test_changing_cadence_and_responsibilities_commits_one_step_each(
    main_window, gui_sample, qtbot
):
    w = main_window
    view = _structure(w)
    steering = view.diagram.boxes[0]
    w.navigate("structure", "body", steering.id)
    combo = view.body_panel.ui.cadenceCombo
    combo.setFocus()
    before = _q(gui_sample, "SELECT cadence FROM body WHERE id=?", steering.id)[0][0]
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    after = _q(gui_sample, "SELECT cadence FROM body WHERE id=?", steering.id)[0][0]
    assert after != before and after == combo.currentData()
    assert "תדירות" in w.act_undo.text()
    text = view.body_panel.ui.responsibilitiesEdit
    text.setFocus()
    text.setPlainText("אישור תקציבים")
    view.body_panel.ui.nameEdit.setFocus()  # leaving the field commits it
    assert (
        _q(gui_sample, "SELECT responsibilities FROM body WHERE id=?", steering.id)[0][0]
        == "אישור תקציבים"
    )
    w.act_undo.trigger()
    w.act_undo.trigger()
    assert _q(gui_sample, "SELECT cadence FROM body WHERE id=?", steering.id)[0][0] == before
    qtbot.waitUntil(lambda: combo.currentData() == before)


def test_choosing_a_fourth_channel_is_allowed_with_the_advice_shown(main_window, gui_sample, qtbot):
    w = main_window
    view = _structure(w)
    panel = view.program_panel
    view.tabs.setCurrentIndex(1)
    chosen = {k for (k,) in _q(gui_sample, "SELECT key FROM channel WHERE chosen=1")}
    assert len(chosen) == 3
    assert "שניים או שלושה" in panel.ui.channelsAdvice.text()
    missing = next(k for k in panel.channel_checks if k not in chosen)
    panel.channel_checks[missing].setFocus()
    qtbot.keyClick(panel.channel_checks[missing], Qt.Key.Key_Space)  # keyboard-only use
    assert len(_q(gui_sample, "SELECT key FROM channel WHERE chosen=1")) == 4, dialogs.shown
    assert "4" in panel.ui.channelsAdvice.text()
    qtbot.waitUntil(lambda: sum(b.kind == "work_team" for b in view.diagram.boxes) == 4)
    w.act_undo.trigger()
    assert len(_q(gui_sample, "SELECT key FROM channel WHERE chosen=1")) == 3
    qtbot.waitUntil(lambda: not panel.channel_checks[missing].isChecked())


def test_a_bad_date_gets_one_sentence_and_changes_nothing(main_window, gui_sample, qtbot):
    view = _structure(main_window)
    panel = view.program_panel
    before = _q(gui_sample, "SELECT start_date FROM program")[0][0]
    panel.ui.startEdit.setText("31/2/2027")  # day first, but February has no 31st
    qtbot.keyClick(panel.ui.startEdit, Qt.Key.Key_Return)
    assert dialogs.shown[-1][0] == "error" and "D/M/YYYY" in dialogs.shown[-1][1]
    assert _q(gui_sample, "SELECT start_date FROM program")[0][0] == before
    assert panel.ui.startEdit.text() == format_date(before)
    panel.ui.startEdit.setText("2027-02-01")
    qtbot.keyClick(panel.ui.startEdit, Qt.Key.Key_Return)
    end = _q(gui_sample, "SELECT end_date FROM program")[0][0]
    if end and end < "2027-02-01":
        assert dialogs.shown[-1][1].startswith("תאריך הסיום")
    else:
        assert _q(gui_sample, "SELECT start_date FROM program")[0][0] == "2027-02-01"


def test_toggling_a_focus_area_updates_the_file_and_the_overview(main_window, gui_sample, qtbot):
    w = main_window
    view = _structure(w)
    focus = view.program_panel.ui.focusList
    item = focus.item(0)
    area_id = item.data(Qt.ItemDataRole.UserRole)
    was = _q(gui_sample, "SELECT in_focus FROM area WHERE id=?", area_id)[0][0]
    item.setCheckState(Qt.CheckState.Unchecked if was else Qt.CheckState.Checked)
    assert _q(gui_sample, "SELECT in_focus FROM area WHERE id=?", area_id)[0][0] == (not was)
    qtbot.waitUntil(
        lambda: (
            focus.count() > 0
            and focus.item(0).checkState()
            == (Qt.CheckState.Unchecked if was else Qt.CheckState.Checked)
        )
    )


def test_the_usual_hour_reads_as_written_in_rtl(main_window, gui_sample):
    view = _structure(main_window)
    steering = view.diagram.boxes[0]
    main_window.navigate("structure", "body", steering.id)
    hour = _q(gui_sample, "SELECT preferred_hour FROM body WHERE id=?", steering.id)[0][0]
    assert view.body_panel.ui.hourEdit.text() == hour  # not reversed ("00:10" for "10:00")


def test_the_program_team_shows_and_edits_its_training_and_team_day_cadences(
    main_window, gui_sample, qtbot
):
    view = _structure(main_window)
    panel = view.body_panel
    team_id = _q(gui_sample, "SELECT id FROM body WHERE kind='program_team'")[0][0]
    design_id = _q(gui_sample, "SELECT id FROM body WHERE kind='design'")[0][0]
    caption, combo = panel.extra_cadences["training_cadence"]
    main_window.navigate("structure", "body", design_id)
    assert not caption.isVisible() and not combo.isVisible()  # only the program team has them
    main_window.navigate("structure", "body", team_id)
    qtbot.waitUntil(combo.isVisible)
    assert caption.text() == "הכשרות" and combo.currentText() == "פעם בחודש"
    team_days = panel.extra_cadences["team_day_cadence"][1]
    assert team_days.currentText() == "פעם ברבעון"
    combo.setCurrentIndex(combo.findData(""))
    combo.activated.emit(combo.currentIndex())
    assert _q(gui_sample, "SELECT training_cadence FROM body WHERE id=?", team_id) == [("",)]
    assert combo.currentText() == "לא מתוכנן"
    main_window.act_undo.trigger()
    assert _q(gui_sample, "SELECT training_cadence FROM body WHERE id=?", team_id) == [("monthly",)]


@pytest.mark.parametrize("size", [(1024, 768), (1366, 768)])
@pytest.mark.parametrize("language", ["he", "ar", "en"])
def test_every_body_box_shows_its_name_and_lines_whole(main_window, language, size):
    """No box of the diagram cuts a name ("צוות התוכנית (צוות ..."): each line wraps inside
    its box, which is tall enough for all of them."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QFontMetricsF

    w = main_window
    w.resize(*size)
    w.set_language(language)
    diagram = _structure(w).diagram
    diagram.grab()  # painted: the boxes are laid out
    title, body = diagram._fonts()
    wrap = int(Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap)
    for box in diagram.boxes:
        rect = diagram.rects[box.id].adjusted(8, 6, -8, -6)
        lines = diagram._box_text(box).split("\n")
        height = 0.0
        for font, line in [(title, lines[0])] + [(body, t) for t in lines[1:]]:
            used = QFontMetricsF(font).boundingRect(QRectF(0, 0, rect.width(), 1e5), wrap, line)
            assert used.width() <= rect.width() + 0.5, (language, line)
            height += used.height()
        assert height <= rect.height(), (language, box.name)


def test_english_body_panel_names_the_mechanism_with_a_capital(main_window, qtbot):
    from kehila_desktop.gui.language import apply_language

    apply_language("en", remember=False)
    try:
        main_window.show_view("structure")
        from PySide6.QtWidgets import QLabel

        panel = main_window.view("structure").findChild(QLabel, "kindValue")
        assert panel.text()[:1].isupper(), panel.text()
    finally:
        apply_language("he", remember=False)
