"""One direction rule on screen (``core.direction``, the rule printing follows, pinned on the
same strings in tests/printing/test_direction_rule.py): table cells without a Hebrew/Arabic
letter show left to right as a unit; multi-line editors align to their text's direction."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit, QStyleOptionViewItem

from kehila_desktop.core.direction import EXAMPLES
from kehila_desktop.gui.direction import (
    LRI,
    PDI,
    DirectionDelegate,
    align_to_text,
    shown_in_direction,
)


@pytest.mark.parametrize("text, rtl", EXAMPLES.items())
def test_cells_are_isolated_left_to_right_by_the_rule(text, rtl):
    assert shown_in_direction(text, True) == (text if rtl else f"{LRI}{text}{PDI}")
    assert shown_in_direction(text, False) == text  # an English screen: as it is


def test_people_table_shows_latin_organisations_as_a_unit(main_window, gui_sample):
    conn = sqlite3.connect(gui_sample)
    names = dict(conn.execute("SELECT name, organisation FROM person WHERE deleted=0"))
    conn.close()
    view = main_window.show_view("people")
    table = view.table
    assert isinstance(table.itemDelegate(), DirectionDelegate)
    model = table.model()
    column = next(
        c
        for c in range(model.columnCount())
        if model.headerData(c, Qt.Orientation.Horizontal) == "ארגון"
    )
    seen = 0
    for row in range(model.rowCount()):
        index = model.index(row, column)
        text = index.data()
        if not text:
            continue
        option = QStyleOptionViewItem()
        option.initFrom(table)
        table.itemDelegate().initStyleOption(option, index)
        assert option.text == shown_in_direction(text, True)
        assert index.data() == text  # the model's text is untouched
        seen += 1
    assert seen and names


@pytest.mark.parametrize("text, rtl", EXAMPLES.items())
def test_multi_line_editors_align_to_their_text(qtbot, app_setup, text, rtl):
    edit = QPlainTextEdit()
    qtbot.addWidget(edit)
    edit.resize(400, 120)
    align_to_text(edit)
    edit.show()
    for shown in ("", text):
        edit.setPlainText(shown)
        cursor = edit.textCursor()
        cursor.setPosition(0)  # the text's logical start: its right end when right to left
        edit.setTextCursor(cursor)
        x = edit.cursorRect().x()
        expect_right = rtl or not shown  # empty: the screen's (Hebrew) side
        assert (x > 200) is expect_right, (shown, x)


def test_the_app_s_editors_follow_the_rule(qtbot, app_setup):
    from kehila_desktop.gui.views.meetings.agenda_panel import NotesEdit
    from kehila_desktop.gui.views.workplan.editor import CommitText

    for cls in (NotesEdit, CommitText):
        edit = cls()
        qtbot.addWidget(edit)
        edit.setPlainText("Haddad Tech Ltd.")
        option = edit.document().defaultTextOption()
        assert option.textDirection() == Qt.LayoutDirection.LeftToRight, cls
        edit.setPlainText("הערות מהחדר")
        assert (
            edit.document().defaultTextOption().textDirection() == Qt.LayoutDirection.RightToLeft
        ), cls
