"""The meetings view's commands: a new meeting (of the chosen body, today), generating
meetings from the cadence, exporting the calendar (.ics) and opening in-room mode. Each
write is one step through ``context.run`` and the meetings core. A mixin of the meetings
``View``."""

from __future__ import annotations

from datetime import date

from kehila_desktop.core.i18n import tr
from kehila_desktop.core.meetings import edits
from kehila_desktop.core.structure import queries as sq
from kehila_desktop.gui.filedialogs import name_filter, save_path


class MeetingActions:
    def new_meeting(self) -> None:
        pf = self.context.pf
        body_id = self.body_filter.currentData() or sq.first_body_id(pf.conn)
        today = date.today().isoformat()
        new_id = self.context.run(
            tr("new meeting"), lambda ops: edits.new_meeting(ops, body_id, today)
        )
        if new_id:
            self._show_meeting_anywhere(new_id)

    def generate_dialog(self):
        from kehila_desktop.gui.views.meetings.schedule_dialog import ScheduleDialog

        dialog = ScheduleDialog(self.context, self.body_filter.currentData(), self)
        dialog.open()
        return dialog

    def export_ics(self) -> None:
        from kehila_desktop.core.meetings.calendar_ics import write_ics

        path = save_path(
            self, tr("Export calendar"), "meetings.ics", name_filter(tr("Calendar files"), "*.ics")
        )
        if path:
            try:
                write_ics(self.context.pf.conn, path, self.body_filter.currentData())
            except OSError as exc:
                self.context.show_error(
                    tr("{path} cannot be written ({error}).", path=path, error=exc.strerror or exc)
                )

    def open_inroom(self, meeting_id: str | None = None, projector: bool = False):
        from kehila_desktop.gui.views.meetings.inroom import InRoomWindow

        meeting_id = meeting_id or self.current_meeting_id()
        if not meeting_id:
            return None
        if self.inroom is not None:
            self.inroom.close()
        self.inroom = InRoomWindow(self.context, meeting_id, projector=projector)
        self.inroom.show_in_room()
        return self.inroom
