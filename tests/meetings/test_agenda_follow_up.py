"""The meeting's agenda editor shows the standing "follow-up on action items" section: the
body's items still open from earlier meetings, as the agenda handout and the room show it."""

from __future__ import annotations

from kehila_desktop.core.file.programfile import open_program
from kehila_desktop.core.history.operations import Operations
from kehila_desktop.core.meetings import records as mt

from .gui_helpers import build_small_program
from .helpers import add_meeting
from .test_view import _view


def test_the_agenda_editor_lists_the_open_items_of_earlier_meetings(qtbot, he_app, new_file):
    ids = build_small_program(new_file)
    with open_program(new_file) as pf:
        ops = Operations(pf)
        later = add_meeting(ops, ids["steering"], "2027-04-05T10:00", minutes=60)
        mt.add_action_item(
            ops,
            ids["meeting"],
            "לשלוח את הסיכום",
            owner_person_id=ids["people"][0],
            due="2027-02-01",
        )
        done = mt.add_action_item(ops, ids["meeting"], 'להזמין את המתנ"ס')
        ops.update("action_item", done, {"status": "done"})
    view = _view(qtbot, new_file)
    agenda = view.panel.agenda
    view.navigate("meeting", later)
    qtbot.waitUntil(lambda: agenda.meeting_id == later)
    assert agenda.follow_up_heading.text() == "מעקב אחר משימות (1)"
    assert agenda.follow_up.isVisible() and agenda.follow_up.topLevelItemCount() == 1
    row = agenda.follow_up.topLevelItem(0)
    assert [row.text(c) for c in range(2)] == ["לשלוח את הסיכום", "רות לוי"]
    assert row.text(3)  # the date of the meeting it came from
    # the first meeting has nothing earlier to follow up: one sentence, no empty list
    view.navigate("meeting", ids["meeting"])
    qtbot.waitUntil(lambda: agenda.meeting_id == ids["meeting"])
    assert "No open" not in agenda.follow_up_heading.text()
    assert agenda.follow_up_heading.text().startswith("מעקב אחר משימות — ")
    assert not agenda.follow_up.isVisible()
