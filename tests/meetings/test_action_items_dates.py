"""The Meetings view's Action items tab writes dates day first, as the rest of the app does
(31/03/2027, not 2027-03-31), and still lists the items by due date — across months and
years, where the day-first text alone would sort them wrongly."""

from __future__ import annotations

from kehila_desktop.core.meetings import records as mt
from kehila_desktop.gui.views.meetings.attendance_actions_tabs import ACTIONS_TAB
from kehila_desktop.gui.views.meetings.view import View

from .gui_helpers import build_small_program, context_on


def test_action_items_show_dates_day_first_by_due_date(qtbot, he_app, new_file):
    ids = build_small_program(new_file)
    view = View(context_on(new_file))
    qtbot.addWidget(view)
    view.resize(1024, 768)
    view.show()
    for text, due in (("לסכם", "2027-03-31"), ("להזמין", "2026-12-05"), ("לבדוק", None)):
        view.context.run(
            "x", lambda ops, t=text, d=due: mt.add_action_item(ops, ids["other"], t, due=d)
        )
    view.left.setCurrentIndex(ACTIONS_TAB)
    view.refresh()
    rows = [
        [view.actions.topLevelItem(i).text(c) for c in (0, 2, 4)]
        for i in range(view.actions.topLevelItemCount())
    ]
    assert rows == [
        ["להזמין", "05/12/2026", "05/01/2027"],
        ["לסכם", "31/03/2027", "05/01/2027"],
        ["לבדוק", "", "05/01/2027"],
    ]
