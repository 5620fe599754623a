"""In-room mode's actions: the meeting clock (start, pause, the ticks of the monotonic clock,
kept in the file), moving between agenda items, notes, undo, check-in taps and guests, and
correcting decisions and action items; each a committed step. A mixin of ``InRoomWindow``."""

from __future__ import annotations

import time

from PySide6.QtWidgets import QApplication

from kehila_desktop.core.meetings import clock as mclock
from kehila_desktop.core.meetings import records as mt
from kehila_desktop.core.meetings import edits
from kehila_desktop.core.i18n import label, tr
from kehila_desktop.core.meetings import queries as mq
from kehila_desktop.gui.views.meetings.inroom_widgets import (
    LATE_AFTER_SECONDS,
    NEXT_STATUS,
    ProjectorWindow,
)


class InRoomActions:
    def _on_timer(self) -> None:
        """Count whole seconds of the monotonic clock (a busy moment does not lose time)."""
        now = time.monotonic()
        seconds = int(now - self._last)
        if seconds:
            self._last += seconds
            self.tick(seconds)

    def tick(self, seconds: int = 1) -> None:
        if self.clock.started and not self.paused:
            self.clock.elapsed += seconds
            if self.clock.item_id:
                self.clock.spent[self.clock.item_id] = (
                    self.clock.spent.get(self.clock.item_id, 0) + seconds
                )
        self.update_clocks()

    def keep_clock(self) -> None:
        """Write the clock to the file (on every move, pause, finish and leave)."""
        if not self.clock.started or self.context.read_only or self.context.pf is None:
            return
        self.clock.running = not self.paused
        from kehila_desktop.core.errors import KehilaError

        try:  # (not context.run: its step would make the clock an undo step)
            mclock.keep_clock(self.context.ops, self.meeting_id, self.clock, now=mclock.now_utc())
        except KehilaError as exc:
            self.context.show_error(exc.text(tr))

    def start(self) -> None:
        if self.clock.started or self.context.read_only:
            return
        it = self.current_item()
        first = it["id"] if it else ""
        now = mclock.now_utc()
        if self.context.run(
            tr("start meeting"),
            lambda ops: mclock.start_meeting(ops, self.meeting_id, first, now=now),
        ) is None and not mq.started_at(self.context.pf.conn, self.meeting_id):
            return
        self.clock = mclock.clock_of(self.context.pf.conn, self.meeting_id, now)
        self.paused = False
        self._last = time.monotonic()
        self.reload()

    def toggle_pause(self) -> None:
        if not self.clock.started:
            return
        self.paused = not self.paused
        self.keep_clock()
        self.update_clocks()

    def go(self, delta: int) -> None:
        self.save_notes()
        target = self.index + delta
        if 0 <= target < len(self.items):
            self.clock.item_id = self.items[target]["id"]
            self.keep_clock()
            self.show_item()

    def save_notes(self) -> None:
        """Save the notes box to the item it holds (never to whichever item is current)."""
        item_id = self.notes_item_id
        it = next((i for i in self.items if i["id"] == item_id), None)
        text = self.notes.toPlainText()
        if it is None or it["notes"] == text or self.context.read_only:
            return
        it["notes"] = text
        self.notes_loaded = text
        self.context.run(
            tr("notes on {item}", item=it["title"]),
            lambda ops: edits.set_agenda_notes(ops, item_id, text),
        )

    def undo(self) -> None:
        ops = self.context.ops
        if ops is None or self.context.read_only or not ops.can_undo:
            return
        self.save_notes()
        self.notes_item_id = ""  # reload the notes as the undo left them
        from kehila_desktop.core.errors import KehilaError

        try:
            ops.undo()
        except KehilaError as exc:
            self.context.show_error(exc.text(tr))
        self.reload()

    def tap(self, person_id: str) -> None:
        """One tap on a member: not here → present (late ten minutes after the real start)
        → late → excused → absent → present."""
        if self.context.read_only:
            return
        status = mt.attendance_of(self.context.pf.conn, self.meeting_id).get(person_id, "")
        new = NEXT_STATUS.get(status, "present")
        if not status and self.clock.started and self.clock.elapsed >= LATE_AFTER_SECONDS:
            new = "late"
        self.context.run(
            tr("check-in"), lambda ops: mt.set_attendance(ops, self.meeting_id, person_id, new)
        )

    def add_guest(self) -> None:
        name = self.guest_name.text()
        if self.context.run(tr("add guest"), lambda ops: mt.add_guest(ops, self.meeting_id, name)):
            self.guest_name.clear()

    def correct_decision(self) -> None:
        decision_id = self._selected(self.decision_list)
        d = next((d for d in self.decisions if d["id"] == decision_id), None)
        if d is not None:
            self.decision_form.correct(d)

    def remove_decision(self) -> None:
        decision_id = self._selected(self.decision_list)
        if decision_id:
            self.context.run(
                tr("remove decision"), lambda ops: mt.remove_decision(ops, decision_id)
            )

    def set_action_status(self, status: str) -> None:
        item_id = self._selected(self.action_list)
        if item_id:
            self.context.run(
                tr("action item {status}", status=label("ACTION_ITEM_STATUSES", status)),
                lambda ops: mt.set_action_item_status(ops, item_id, status, self.meeting_id),
            )

    def remove_action(self) -> None:
        item_id = self._selected(self.action_list)
        if item_id:
            self.context.run(
                tr("remove action item"), lambda ops: mt.remove_action_item(ops, item_id)
            )

    def finish(self) -> None:
        self.save_notes()
        self.paused = True  # the clock stops with the meeting
        self.keep_clock()
        self.context.run(
            tr("finish meeting"), lambda ops: mt.set_status(ops, self.meeting_id, "held")
        )
        self.close()

    def toggle_projector(self) -> None:
        if self.projector is None:
            self.projector = ProjectorWindow()
            self.projector.resize(1024, 768)
            screens = self.screen().virtualSiblings() if self.screen() else []
            other = [s for s in screens if s is not self.screen()]
            if other:
                self.projector.setGeometry(other[0].geometry())
                self.projector.showFullScreen()
            else:
                self.projector.show()
            self.update_clocks()
        else:
            self.projector.close()
            self.projector = None

    def show_in_room(self) -> None:
        """Full screen on the laptop's screen (sized to it also where no window manager
        makes a full-screen window fill the screen)."""
        screen = self.screen() or QApplication.primaryScreen()
        if screen is not None:
            self.setGeometry(screen.geometry())
        self.showFullScreen()
