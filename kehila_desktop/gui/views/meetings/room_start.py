"""Opening a meeting straight into in-room mode from outside the Meetings view: the
``--in-room MEETING_ID`` of ``kehila-desktop FILE``, whether this process starts the app or a
running app gets the request from a later launch (``gui/single_instance.py``)."""

from __future__ import annotations

from PySide6.QtCore import QTimer

from kehila_desktop.core.i18n import tr
from kehila_desktop.gui import dialogs


def open_in_room(window, meeting_id: str):
    """Open in-room mode of the meeting ``meeting_id`` (its id, or the start of its id) of the
    open file; one clear message when there is no such meeting. Returns the in-room window."""
    pf = window.context.pf
    if pf is None:
        return None
    wanted = (meeting_id or "").strip()
    from kehila_desktop.core.meetings.queries import find_meeting

    found = find_meeting(pf.conn, wanted)
    if len(found) != 1:
        dialogs.error(
            window, tr("There is no meeting {meeting} in this program file.", meeting=wanted)
        )
        return None
    view = window.show_view("meetings")
    room = view.open_inroom(found[0])
    if room is not None:  # on top of the main window (also where no window manager stacks)

        def front() -> None:
            if room.isVisible():
                room.raise_()
                room.activateWindow()

        front()
        QTimer.singleShot(300, front)
    return room
