"""The Meetings view's Action items tab fits the list's side of a 1024x768 window in he, ar
and en: every column, the due date included, is in sight without a sideways scroll, the
task column takes the rest (the whole task in its tooltip), and the meeting's body shows under its date when
the list holds several bodies' items (a sixth column pushed the due date out of sight)."""

from __future__ import annotations

import pytest

from kehila_desktop.core.meetings import records as mt
from kehila_desktop.gui.views.meetings.attendance_actions_tabs import ACTIONS_TAB

from .gui_helpers import build_small_program, view_at_1024

TASK = "להכין את סיכום המפגש ולשלוח אותו לכל חברי הוועדה המעצבת עד סוף השבוע"


@pytest.mark.parametrize("code", ["he", "ar", "en"])
def test_action_items_fit_the_list_at_1024(qtbot, he_app, new_file, code):
    ids = build_small_program(new_file)
    view = view_at_1024(qtbot, new_file, code)
    owner = ids["people"][0]
    for meeting, text in ((ids["meeting"], TASK), (ids["other"], "לתאם סיור")):
        view.context.run(
            "x",
            lambda ops, m=meeting, t=text: mt.add_action_item(
                ops, m, t, owner_person_id=owner, due="2027-02-28"
            ),
        )
    view.left.setCurrentIndex(ACTIONS_TAB)
    view.refresh()
    tree = view.actions
    qtbot.waitUntil(lambda: tree.topLevelItemCount() == 2)
    header = tree.header()
    assert tree.horizontalScrollBar().maximum() == 0
    assert header.length() <= tree.viewport().width()
    assert header.sectionPosition(2) + header.sectionSize(2) <= tree.viewport().width()
    metrics = tree.fontMetrics()
    items = [tree.topLevelItem(i) for i in range(2)]
    for item in items:
        for column in range(1, tree.columnCount()):  # the short columns show their text whole
            for line in item.text(column).split("\n"):
                assert metrics.horizontalAdvance(line) <= tree.columnWidth(column)
    long_row = next(item for item in items if item.text(0) == TASK)
    assert long_row.toolTip(0) == TASK  # cut short in its column, whole in its tooltip
    # both bodies' items are listed: each meeting's date carries its body's name
    assert {item.text(4).split("\n")[1] for item in items} == {"ועדת היגוי", "ועדה מעצבת"}
