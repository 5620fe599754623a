"""The Meetings view's Action items tab at 1024x768 in he, ar and en: no sideways scroll,
and the task is read whole. The list's side is only ~300 px there, so each row stacks: the
task word wrapped on its first line(s), "owner · Due: … · status · meeting" below, the row
as tall as its text; a wide list shows the columns. The whole task stays in the tooltip,
overdue rows stay red, and the meeting's body shows with its date when the list holds
several bodies' items. The Members' attendance tab stacks the same way."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

from kehila_desktop.core.i18n import tr
from kehila_desktop.core.meetings import records as mt
from kehila_desktop.gui.views.meetings.attendance_actions_tabs import (
    ACTIONS_TAB,
    MEMBERS_TAB,
    PAST_DUE,
)

from .gui_helpers import build_small_program, view_at_1024

TASK = "להכין את סיכום המפגש ולשלוח אותו לכל חברי הוועדה המעצבת עד סוף השבוע"


def shown_text(tree, item) -> str:
    """The text the first column paints for ``item`` (its delegate's view of it)."""
    index = tree.indexFromItem(item, 0)
    option = QStyleOptionViewItem()
    tree.itemDelegateForColumn(0).initStyleOption(option, index)
    return option.text


def assert_shown_whole(tree, item) -> None:
    """``item``'s first column is painted whole: its wrapped text fits the row's rectangle."""
    rect = tree.visualItemRect(item)
    text = shown_text(tree, item).replace("\u2028", "\n")
    margin = tree.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, tree) + 1
    room = QRect(0, 0, tree.columnWidth(0) - 2 * margin, 100000)
    needed = tree.fontMetrics().boundingRect(room, int(Qt.TextFlag.TextWordWrap), text)
    assert needed.height() <= rect.height()
    assert tree.textElideMode() == Qt.TextElideMode.ElideNone


def actions_view(qtbot, new_file, code):
    ids = build_small_program(new_file)
    view = view_at_1024(qtbot, new_file, code)
    owner = ids["people"][0]
    for meeting, text, due in (
        (ids["meeting"], TASK, "2027-02-28"),
        (ids["other"], "לתאם סיור", "2020-01-01"),  # past due
    ):
        view.context.run(
            "x",
            lambda ops, m=meeting, t=text, d=due: mt.add_action_item(
                ops, m, t, owner_person_id=owner, due=d
            ),
        )
    view.left.setCurrentIndex(ACTIONS_TAB)
    view.refresh()
    qtbot.waitUntil(lambda: view.actions.topLevelItemCount() == 2)
    return view


@pytest.mark.parametrize("code", ["he", "ar", "en"])
def test_action_items_are_read_whole_at_1024(qtbot, he_app, new_file, code):
    view = actions_view(qtbot, new_file, code)
    tree = view.actions
    assert tree.horizontalScrollBar().maximum() == 0
    assert tree.header().length() <= tree.viewport().width()
    overdue, long_row = (tree.topLevelItem(i) for i in range(2))  # by due date, as before
    assert long_row.text(0) == TASK and long_row.toolTip(0) == TASK
    lines = shown_text(tree, long_row).split("\u2028")
    assert lines[0] == TASK  # the whole task, not "ab…"
    details = lines[1].split(" · ")
    assert details[0] == "רות לוי" and "28/02/2027" in details[1]
    assert details[-2:] == ["04/01/2027", "ועדת היגוי"]  # the meeting's date and body
    for item in (overdue, long_row):
        assert_shown_whole(tree, item)
    assert tree.visualItemRect(long_row).height() >= 3 * tree.fontMetrics().height()
    assert overdue.foreground(0).color() == QColor(PAST_DUE)
    assert overdue.toolTip(0).split("\n") == [
        "לתאם סיור",
        tr("Past due."),
    ]  # the due column is hidden


def test_a_wide_list_shows_the_columns(qtbot, he_app, new_file):
    view = actions_view(qtbot, new_file, "he")
    view.resize(1800, 700)
    tree = view.actions
    qtbot.waitUntil(lambda: not tree.header().isSectionHidden(2))
    assert tree.horizontalScrollBar().maximum() == 0
    long_row = tree.topLevelItem(1)
    assert shown_text(tree, long_row) == TASK
    assert tree.columnWidth(0) >= 0.6 * tree.viewport().width()
    assert_shown_whole(tree, long_row)


@pytest.mark.parametrize("code", ["he", "ar", "en"])
def test_members_attendance_has_no_sideways_scroll_at_1024(qtbot, he_app, new_file, code):
    view = actions_view(qtbot, new_file, code)
    view.left.setCurrentIndex(MEMBERS_TAB)
    tree = view.members
    qtbot.waitUntil(lambda: tree.topLevelItemCount() == 7)
    assert tree.horizontalScrollBar().maximum() == 0
    first = tree.topLevelItem(0)
    name, details = shown_text(tree, first).split("\u2028")
    assert name == first.text(0) and first.text(1) in details
    assert_shown_whole(tree, first)
