"""``kehila-desktop FILE --in-room MEETING_ID`` opens straight into in-room mode."""

from __future__ import annotations

from kehila_desktop.gui import dialogs
from kehila_desktop.gui.app import parse_args
from kehila_desktop.gui.views.meetings.room_start import open_in_room


def test_the_in_room_argument_opens_that_meeting_in_the_room(main_window, gui_sample):
    args = parse_args([str(gui_sample), "--in-room", "abcd1234"])
    assert args.in_room == "abcd1234" and args.file == str(gui_sample)
    conn = main_window.context.pf.conn
    meeting = conn.execute(
        "SELECT id FROM meeting WHERE deleted=0 ORDER BY starts_at DESC"
    ).fetchone()[0]
    room = open_in_room(main_window, meeting[:8])  # the start of the id is enough
    assert room is not None and room.meeting_id == meeting and room.isVisible()
    room.timer.stop()
    room.close()
    assert open_in_room(main_window, "no-such-meeting") is None
    assert dialogs.shown[-1] == ("error", "אין מפגש no-such-meeting בקובץ התוכנית הזה.")
