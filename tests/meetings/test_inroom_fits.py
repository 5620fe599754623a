"""In-room mode on a 1024x768 projector laptop (and 1366x768): the whole window fits in every
language, the heading stays on one line (whole in its tooltip), the check-in grid of 25
members shows several rows of whole names (and scrolls the rest), the action-item box is
usable, and every control is reached by the keyboard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from kehila_desktop.core.file.programfile import open_program
from kehila_desktop.core.history.operations import Operations
from kehila_desktop.gui.language import apply_language
from kehila_desktop.gui.views.meetings.inroom import InRoomWindow

from .gui_helpers import build_small_program, context_on
from .helpers import add_members, body_id

LONG_NAMES = {"he": "רות לוי-שטרנברג", "ar": "فاطمة عبد الرحمن الخطيب", "en": "Ruth Levy-Sternberg"}


def _room_with_25(qtbot, path, code, size):
    ids = build_small_program(path)
    with open_program(path) as pf:
        ops = Operations(pf)
        add_members(
            ops, body_id(ops, "steering"), [f"{LONG_NAMES[code]} {n}" for n in range(1, 22)]
        )  # 4 + 21 = 25
    apply_language(code, remember=False)
    window = InRoomWindow(context_on(path), ids["meeting"])
    qtbot.addWidget(window)
    window.timer.stop()
    window.resize(*size)
    window.show()
    QApplication.processEvents()
    return window, ids


@pytest.mark.parametrize("size", [(1024, 768), (1366, 768)])
@pytest.mark.parametrize("code", ["he", "ar", "en"])
def test_in_room_mode_fits_the_screen_with_25_members(qtbot, he_app, new_file, code, size):
    try:
        window, _ids = _room_with_25(qtbot, new_file, code, size)
        hint = window.minimumSizeHint()
        assert hint.width() <= size[0] and hint.height() <= size[1], hint
        assert (window.width(), window.height()) == size
        assert window.heading.toolTip() == window.title_text
        assert window.heading.height() < 2 * window.heading.fontMetrics().height()
        # the check-in grid: whole names, at least two columns and three rows in view
        viewport = window.checkin_scroll.viewport()
        buttons = list(window.member_buttons.values())
        assert len(buttons) == 25
        for b in buttons:
            widest = max(b.fontMetrics().horizontalAdvance(line) for line in b.text().split("\n"))
            assert b.width() >= widest + 8, (b.text(), b.width(), widest)
        cell = window.grid_host.cell_width()
        assert (
            window.grid_host.columns
            == max(1, (viewport.width() + 6) // (cell + 6))
            >= (2 if 2 * cell + 6 <= viewport.width() else 1)
        )  # as many columns as fit
        assert viewport.height() >= 3 * buttons[0].height(), (
            viewport.height(),
            buttons[0].height(),
        )
        assert window.grid_host.width() <= viewport.width()  # no sideways scrolling
        # every button of the window shows its words (none cut to nothing)
        for b in window.findChildren(QAbstractButton):
            if b.isVisibleTo(window) and b.text():
                assert b.width() >= 60, b.text()
        # the action-item box is usable: its text field as wide as the side panel
        window.show_tab(window.ACTIONS)
        QApplication.processEvents()
        assert window.action_form.text.width() >= 300, window.action_form.text.width()
        window.show_tab(window.DECISIONS)
        QApplication.processEvents()
        for spin in window.decision_form.spins.values():
            assert spin.width() >= 60
        # the projector window fits too
        window.toggle_projector()
        window.projector.resize(*size)
        hint = window.projector.minimumSizeHint()
        assert hint.width() <= size[0] and hint.height() <= size[1], hint
        window.projector.close()
    finally:
        apply_language("he", remember=False)


def _focusable(window):
    kinds = (QAbstractButton, QLineEdit, QPlainTextEdit, QComboBox, QAbstractSpinBox)
    return {
        w
        for w in window.findChildren(QWidget)
        if isinstance(w, kinds)
        and w.isVisibleTo(window)
        and w.isEnabled()
        and w.focusPolicy() & Qt.FocusPolicy.TabFocus
        and not isinstance(w.parentWidget(), QAbstractSpinBox)
    }


@pytest.mark.parametrize("code", ["he", "en"])
def test_every_control_of_each_tab_is_reached_by_the_tab_key(qtbot, he_app, new_file, code):
    try:
        window, _ids = _room_with_25(qtbot, new_file, code, (1024, 768))
        window.start()
        window.activateWindow()
        for tab in (window.CHECKIN, window.DECISIONS, window.ACTIONS):
            window.show_tab(tab)
            QApplication.processEvents()
            wanted = _focusable(window)
            seen = set()
            widget = window.focusWidget() or window
            for _ in range(4 * len(wanted) + 10):
                seen.add(widget)
                widget = widget.nextInFocusChain()
                while not (
                    widget.isVisibleTo(window)
                    and widget.isEnabled()
                    and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
                ):
                    widget = widget.nextInFocusChain()
            missing = {
                w.objectName() or w.accessibleName() or type(w).__name__ for w in wanted - seen
            }
            assert not missing, (tab, missing)
    finally:
        apply_language("he", remember=False)


def test_projector_and_item_line_isolate_hebrew_titles_in_english(qtbot, he_app, new_file):
    from kehila_desktop.core.i18n import FSI, PDI

    ids = build_small_program(new_file)
    apply_language("en", remember=False)
    try:
        window = InRoomWindow(context_on(new_file), ids["meeting"], projector=True)
        qtbot.addWidget(window)
        window.timer.stop()
        window.show()
        entry = window.projector.agenda.item(0).text()
        assert entry == f"1. {FSI}פתיחה ועדכונים{PDI} (10 min)"  # not "1. (10 פתיחה… min)"
        window.projector.close()
    finally:
        apply_language("he", remember=False)


def test_keyboard_check_in_by_search_and_enter_or_tab_and_space(qtbot, he_app, new_file):
    from kehila_desktop.core.meetings import records as mt

    window, ids = _room_with_25(qtbot, new_file, "en", (1024, 768))
    try:
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
        assert window.find.hasFocus()
        window.find.setText("Ruth Levy-Sternberg 17")
        qtbot.keyClick(window.find, Qt.Key.Key_Return)
        marks = mt.attendance_of(window.context.pf.conn, ids["meeting"])
        assert [window.member_names[p] for p in marks] == ["Ruth Levy-Sternberg 17"]
        assert window.find.text() == ""
        qtbot.keyClick(window.find, Qt.Key.Key_Tab)  # the first name follows the search box
        first = next(iter(window.member_buttons.values()))
        assert window.focusWidget() is first
        qtbot.keyClick(first, Qt.Key.Key_Space)
        assert len(mt.attendance_of(window.context.pf.conn, ids["meeting"])) == 2
    finally:
        apply_language("he", remember=False)


@pytest.mark.parametrize("size", [(1024, 768), (1366, 768)])
@pytest.mark.parametrize("code", ["he", "ar", "en"])
def test_the_heading_shows_the_meetings_time_whole(qtbot, he_app, new_file, code, size):
    """The body, the date and the time are all read in the heading: a shorter date (without
    the day's name) rather than "…" cutting the time (English at 1024)."""
    try:
        window, _ids = _room_with_25(qtbot, new_file, code, size)
        heading = window.heading
        shown, whole = heading.text(), window.title_text
        assert "…" not in shown, shown
        assert shown.endswith(whole[-5:])  # the time, HH:mm
        assert heading.fontMetrics().horizontalAdvance(shown) <= heading.contentsRect().width()
        assert heading.toolTip() == whole
    finally:
        apply_language("he", remember=False)


@pytest.mark.parametrize("code", ["he", "ar", "en"])
def test_the_undo_button_keeps_its_key_in_view_at_1024(qtbot, he_app, new_file, code):
    """After a check-in the undo button names what it undoes; at 1024 pixels "(Ctrl+Z)" stays
    whole at its end (the walk found it cut: "הגעה (Ctrl…"), on its own line when the words
    need two."""
    try:
        window, _ids = _room_with_25(qtbot, new_file, code, (1024, 768))
        window.tap(next(iter(window.member_buttons)))
        QApplication.processEvents()
        assert window.undo_button.isEnabled()
        shown = window.undo_button.text().split("\n")
        assert shown[-1].endswith("(Ctrl+Z)") and "…" not in shown[-1], shown
        assert len(shown) == 1 or shown[-1] == "(Ctrl+Z)", shown
        assert window.undo_button.toolTip().endswith("(Ctrl+Z)")
    finally:
        apply_language("he", remember=False)


@pytest.mark.parametrize("code", ["he", "ar", "en"])
def test_the_buttons_under_the_notes_read_whole_at_1024(qtbot, he_app, new_file, code):
    """With a long step to undo (two members with long names joined) the undo button still
    reads its action word and "(Ctrl+Z)" whole, only the step's name is cut, in its middle;
    "Leave in-room mode (Esc)" and the other buttons read whole (the shipped bundle showed
    "Leave in-…" and "Undo: joi…")."""
    from kehila_desktop.core.i18n import tr
    from kehila_desktop.core.people.edits import join_people

    try:
        window, _ids = _room_with_25(qtbot, new_file, code, (1024, 768))
        ops = window.context.ops
        long_name = f"{LONG_NAMES[code]} {LONG_NAMES[code]} {LONG_NAMES[code]}"
        keep, drop = add_members(ops, body_id(ops, "steering"), [long_name + " 1", long_name])
        join_people(ops, keep, drop)
        window.reload()
        QApplication.processEvents()
        step = ops.undo_label
        undo = window.undo_button
        lines = undo.shown_text().split("\n")
        assert lines[-1] == "(Ctrl+Z)", lines
        action_word = tr("&Undo: {action}").replace("&", "").split("{action}")[0]
        assert lines[0].startswith(action_word), lines
        name_shown = lines[0][len(action_word) :]
        assert "…" in name_shown, lines  # the test's name is long enough to be cut
        head, tail = name_shown.split("…")
        assert min(len(head), len(tail)) >= 4, lines  # cut in the middle, not at the end
        assert step.startswith(head) and step.endswith(tail), lines
        for b in (undo, window.projector_button, window.finish_button, window.exit_button):
            shown = b.shown_text().split("\n")
            for line in shown:
                assert b.fontMetrics().horizontalAdvance(line) <= b.width() - 12, (line, b.width())
            if b is not undo:
                assert " ".join(shown) == b.full_text, shown  # whole
        assert undo.toolTip().endswith("(Ctrl+Z)") and step in undo.toolTip()
    finally:
        apply_language("he", remember=False)
