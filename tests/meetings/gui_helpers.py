"""A small program for the meetings GUI tests: a steering committee with four members and a
design committee with three, one meeting each with an agenda; and a context on the file."""

from __future__ import annotations

from kehila_desktop.core.meetings import records as mt
from kehila_desktop.core.history.operations import Operations
from kehila_desktop.core.file.programfile import open_program

from .helpers import add_meeting, add_members, body_id, set_start


def build_small_program(path) -> dict:
    pf = open_program(path)
    ops = Operations(pf)
    set_start(ops, "2027-01-01")
    steering, design = body_id(ops, "steering"), body_id(ops, "design")
    people = add_members(ops, steering, ["רות לוי", "אחמד חורי", "משה כהן", "ליאת בן דוד"])
    add_members(ops, design, ["נועה", "סמיר", "דנה"])
    meeting = add_meeting(ops, steering, "2027-01-04T10:00", minutes=60)
    items = [
        mt.add_agenda_item(ops, meeting, title, minutes=m, kind=k)
        for title, m, k in (
            ("פתיחה ועדכונים", 10, "information"),
            ("בחירת אפיקים", 30, "decision"),
            ("שונות", 10, "discussion"),
        )
    ]
    other = add_meeting(ops, design, "2027-01-05T17:30", minutes=150)
    pf.close()
    return {
        "steering": steering,
        "design": design,
        "people": people,
        "meeting": meeting,
        "items": items,
        "other": other,
    }


def context_on(path):
    from kehila_desktop.gui.context import AppContext

    return AppContext(open_program(path))


VIEW_WIDTH_AT_1024 = 810  # the main window at 1024 px, less its side bar


def view_at_1024(qtbot, path, code: str):
    """The meetings view on ``path`` in language ``code``, as wide as at 1024x768, shown."""
    from kehila_desktop.gui.language import apply_language
    from kehila_desktop.gui.views.meetings.view import View

    apply_language(code, remember=False)
    view = View(context_on(path))
    qtbot.addWidget(view)
    view.resize(VIEW_WIDTH_AT_1024, 700)
    view.show()
    return view
