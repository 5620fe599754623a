"""In-room mode: the facilitator's full-screen window for running one meeting, and the optional
projector window.

Large type; the current agenda item with its countdown and the time left for the whole
meeting; one-tap check-in of members (tap again: late, then absent) and walk-in guests; quick
capture of decisions with votes and of action items; notes per item. Next / previous item:
PageDown / PageUp (what presentation clickers send) or Ctrl+Right / Ctrl+Left; pause:
Ctrl+Space or the Pause key. Every tap is its own committed step, so pulling the power cord
loses at most the last tap; the clock itself is not data and is not stored.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QApplication, QGridLayout, QHBoxLayout, QLabel, QLineEdit,
                               QListWidget, QListWidgetItem, QPushButton, QScrollArea, QSizePolicy,
                               QTabWidget, QVBoxLayout, QWidget)

from kehila_desktop.core.meetings import records as mt
from kehila_desktop.core.meetings import edits
from kehila_desktop.core.i18n import isolate, join_list, label, ntr, tr
from kehila_desktop.gui.widgets import format_datetime, plain_tip, plain_title
from kehila_desktop.gui.views.meetings.agenda_panel import NotesEdit
from kehila_desktop.gui.views.meetings.decisions_panel import ActionItemForm, DecisionForm
from kehila_desktop.core.meetings import queries as mq

BASE_POINTS = 16  # large, and still fits a 1366x768 laptop in every language
LATE_AFTER_SECONDS = 10 * 60
NEXT_STATUS = {"": "present", "present": "late", "late": "absent", "absent": "present",
               "excused": "present"}
STATUS_STYLE = {"": "background: #ffffff; color: #222;",
                "present": "background: #1b7f3b; color: white;",
                "late": "background: #c77700; color: white;",
                "absent": "background: #8a8a8a; color: white;",
                "excused": "background: #6c7fa8; color: white;"}


def clock(seconds: int) -> str:
    """"MM:SS" (or "H:MM:SS"), with a minus sign when time is over."""
    sign = "-" if seconds < 0 else ""
    seconds = abs(int(seconds))
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{sign}{h}:{m:02d}:{s:02d}" if h else f"{sign}{m:02d}:{s:02d}"


def _big(label_: QLabel, scale: float, bold: bool = True) -> QLabel:
    font = QFont(label_.font())
    font.setPointSizeF(BASE_POINTS * scale)
    font.setBold(bold)
    label_.setFont(font)
    label_.setTextFormat(Qt.TextFormat.PlainText)
    label_.setWordWrap(True)
    return label_


class OneLineLabel(QLabel):
    """A heading kept to one line, cut with "…" when the window is too narrow (the whole text
    in its tooltip), so a 768-pixel-high screen keeps room for the check-in names."""

    def __init__(self) -> None:
        super().__init__()
        self.full_text = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def set_full_text(self, text: str) -> None:
        self.full_text = text
        self.setToolTip(plain_tip(text))
        self._fit()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        self.setText(self.fontMetrics().elidedText(self.full_text, Qt.TextElideMode.ElideRight,
                                                   max(0, self.contentsRect().width())))


class RunningMeeting:
    """The clock of a running meeting: current item, seconds spent per item, pause."""

    def __init__(self, length_minutes: int) -> None:
        self.length = length_minutes * 60
        self.index = 0
        self.spent: dict[int, int] = {}
        self.paused = False
        self.elapsed = 0

    def tick(self, seconds: int = 1) -> None:
        if not self.paused:
            self.elapsed += seconds
            self.spent[self.index] = self.spent.get(self.index, 0) + seconds

    def item_left(self, minutes: int) -> int:
        return minutes * 60 - self.spent.get(self.index, 0)

    @property
    def meeting_left(self) -> int:
        return self.length - self.elapsed


class ProjectorWindow(QWidget):
    """For the wall: the agenda with the current item marked, and its countdown."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("projector")
        self.setStyleSheet("#projector { background: #10243f; } QLabel { color: white; } "
                           "QListWidget { background: #10243f; color: #dfe7f2; border: 0; }")
        layout = QVBoxLayout(self)
        self.title = _big(QLabel(), 1.6)
        self.current = _big(QLabel(), 2.6)
        self.countdown = _big(QLabel(), 4.0)
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.agenda = QListWidget()
        font = QFont(self.agenda.font())
        font.setPointSizeF(BASE_POINTS * 1.3)
        self.agenda.setFont(font)
        for w in (self.title, self.current, self.countdown):
            layout.addWidget(w)
        layout.addWidget(self.agenda, 1)
        self.agenda.setAccessibleName(tr("Agenda"))
        self.setAccessibleName(tr("Projector window"))

    def show_state(self, title: str, items: list[dict], index: int, countdown: str) -> None:
        self.setWindowTitle(plain_title(title))
        self.title.setText(title)
        self.current.setText(items[index]["title"] if items else tr("No agenda items."))
        self.countdown.setText(countdown)
        self.agenda.clear()
        for n, it in enumerate(items):
            entry = QListWidgetItem(tr("{n}. {title} ({minutes} min)", n=n + 1,
                                       title=isolate(it["title"]), minutes=it["minutes"]))
            if n == index:
                entry.setBackground(Qt.GlobalColor.darkCyan)
            elif n < index:
                entry.setForeground(Qt.GlobalColor.gray)
            self.agenda.addItem(entry)


class InRoomWindow(QWidget):
    def __init__(self, context, meeting_id: str, projector: bool = False, parent=None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.context = context
        self.meeting_id = meeting_id
        self.items: list[dict] = []
        self.member_buttons: dict[str, QPushButton] = {}
        self.member_names: dict[str, str] = {}
        conn = context.pf.conn
        self.run = RunningMeeting(mq.meeting_minutes(conn, meeting_id))
        self.projector: ProjectorWindow | None = None
        font = QFont(self.font())
        font.setPointSizeF(BASE_POINTS)
        self.setFont(font)
        self._build()
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self._last = time.monotonic()
        self.timer.timeout.connect(self._on_timer)
        self.timer.start()
        context.changed.connect(self._changed)
        context.languageChanged.connect(self.retranslate)
        self._connected = True
        self.retranslate()
        if projector:
            self.toggle_projector()

    # --- building -------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        self.heading = _big(OneLineLabel(), 1.4)
        self.heading.setWordWrap(False)
        self.meeting_clock = _big(QLabel(), 1.4)
        top.addWidget(self.heading, 1)
        top.addSpacing(24)  # the heading never runs into the clock
        top.addWidget(self.meeting_clock)
        self.projector_button = QPushButton()
        self.finish_button = QPushButton()
        self.exit_button = QPushButton()
        for b in (self.projector_button, self.finish_button, self.exit_button):
            b.setMinimumHeight(48)
            top.addWidget(b)
        outer.addLayout(top)
        middle = QHBoxLayout()
        outer.addLayout(middle, 1)
        # the current item
        item_box = QVBoxLayout()
        self.position = _big(QLabel(), 1.0, bold=False)
        self.item_title = _big(QLabel(), 2.2)
        self.item_meta = _big(QLabel(), 1.0, bold=False)
        self.countdown = _big(QLabel(), 3.6)
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.notes = NotesEdit()
        self.notes.left.connect(self.save_notes)
        for w in (self.position, self.item_title, self.item_meta, self.countdown):
            item_box.addWidget(w)
        item_box.addWidget(self.notes, 1)
        nav = QHBoxLayout()
        self.prev_button = QPushButton()
        self.pause_button = QPushButton()
        self.next_button = QPushButton()
        self.prev_button.clicked.connect(lambda: self.go(-1))
        self.next_button.clicked.connect(lambda: self.go(1))
        self.pause_button.clicked.connect(self.toggle_pause)
        self.projector_button.clicked.connect(self.toggle_projector)
        self.finish_button.clicked.connect(self.finish)
        self.exit_button.clicked.connect(self.close)
        for b in (self.prev_button, self.pause_button, self.next_button):
            b.setMinimumHeight(64)
            nav.addWidget(b)
        item_box.addLayout(nav)
        middle.addLayout(item_box, 3)
        # check-in and quick capture
        side = QVBoxLayout()
        self.checkin_label = _big(QLabel(), 1.1)
        side.addWidget(self.checkin_label)
        self.find = QLineEdit()
        self.find.setClearButtonEnabled(True)
        self.find.textChanged.connect(self._filter_members)
        side.addWidget(self.find)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no unnamed tab stop
        grid_host = QWidget()
        self.grid = QGridLayout(grid_host)
        self.grid.setAlignment(Qt.AlignmentFlag.AlignTop)
        scroll.setWidget(grid_host)
        side.addWidget(scroll, 2)
        guest = QHBoxLayout()
        self.guest_name = QLineEdit()
        self.guest_name.returnPressed.connect(self.add_guest)
        self.guest_button = QPushButton()
        self.guest_button.clicked.connect(self.add_guest)
        guest.addWidget(self.guest_name, 1)
        guest.addWidget(self.guest_button)
        side.addLayout(guest)
        self.guests = _big(QLabel(), 0.9, bold=False)
        side.addWidget(self.guests)
        self.capture = QTabWidget()
        self.decision_form = DecisionForm(self.context)
        self.action_form = ActionItemForm(self.context)
        self.decision_form.set_meeting(self.meeting_id)
        self.action_form.set_meeting(self.meeting_id)
        self.capture.addTab(self.decision_form, "")
        self.capture.addTab(self.action_form, "")
        side.addWidget(self.capture, 1)
        self.captured = _big(QLabel(), 0.9, bold=False)
        side.addWidget(self.captured)
        middle.addLayout(side, 2)
        # The keys work wherever the focus is (also while typing notes): see eventFilter.
        QApplication.instance().installEventFilter(self)

    def _key_action(self, event):
        key, mods = event.key(), event.modifiers()
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        if key == Qt.Key.Key_PageDown or (ctrl and key == Qt.Key.Key_Right):
            return lambda: self.go(1)
        if key == Qt.Key.Key_PageUp or (ctrl and key == Qt.Key.Key_Left):
            return lambda: self.go(-1)
        if key == Qt.Key.Key_Pause or (ctrl and key == Qt.Key.Key_Space):
            return self.toggle_pause
        if key == Qt.Key.Key_Escape:
            return self.close
        return None

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        kind = event.type()
        if kind in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride) and \
                isinstance(obj, QWidget) and obj.window() is self:
            action = self._key_action(event)
            if action is not None:
                if kind == QEvent.Type.ShortcutOverride:
                    event.accept()  # ask for the key press itself
                else:
                    action()
                return True
        return False

    def retranslate(self, *_args) -> None:
        self.setWindowTitle(tr("In-room mode"))
        for b, text in ((self.prev_button, tr("Previous item (PgUp)")),
                        (self.next_button, tr("Next item (PgDown)")),
                        (self.projector_button, tr("Projector window")),
                        (self.finish_button, tr("Finish meeting")),
                        (self.exit_button, tr("Leave in-room mode (Esc)")),
                        (self.guest_button, tr("Add walk-in guest"))):
            b.setText(text)
            b.setAccessibleName(text)
        self.notes.setAccessibleName(tr("Notes on the current item, for the minutes"))
        self.notes.setPlaceholderText(tr("Notes on this item, for the minutes"))
        self.guest_name.setAccessibleName(tr("Guest's name"))
        self.guest_name.setPlaceholderText(tr("Guest's name"))
        self.checkin_label.setText(tr("Check-in: tap a name as the member arrives"))
        self.find.setPlaceholderText(tr("Find a member by name"))
        self.find.setAccessibleName(tr("Find a member by name"))
        self.capture.setTabText(0, tr("Decision"))
        self.capture.setTabText(1, tr("Action item"))
        self.decision_form.retranslate()
        self.action_form.retranslate()
        self.reload()

    # --- reading ------------------------------------------------------------------------------
    def _changed(self, changed) -> None:
        if {"meeting", "agenda_item", "attendance", "person", "membership", "decision",
                "action_item"} & set(changed.tables):
            self.reload()

    def reload(self) -> None:
        pf = self.context.pf
        if pf is None:
            return
        conn = pf.conn
        row = mq.meeting_heading(conn, self.meeting_id)
        self.title_text = tr("{body} — {when}", body=isolate(row[0]),
                             when=format_datetime(row[1]))
        self.heading.set_full_text(self.title_text)
        self.items = mt.agenda(conn, self.meeting_id)
        self.run.index = min(self.run.index, max(0, len(self.items) - 1))
        members = mt.expected_members(conn, row[2], row[1])
        marks = mt.attendance_of(conn, self.meeting_id)
        if [m[0] for m in members] != list(self.member_buttons):
            for b in self.member_buttons.values():
                b.deleteLater()
            self.member_buttons = {}
            columns = 2 if len(members) <= 10 else 3
            for n, (pid, _name, _e) in enumerate(members):
                b = QPushButton()
                b.setMinimumHeight(48)  # two rows stay in view on a 768-pixel-high screen
                b.clicked.connect(lambda _c=False, p=pid: self.tap(p))
                self.grid.addWidget(b, n // columns, n % columns)
                self.member_buttons[pid] = b
        for pid, name, _e in members:
            status = marks.get(pid, "")
            b = self.member_buttons[pid]
            text = name if not status else f"{name}\n{label('ATTENDANCE', status)}"
            b.setText(text)
            b.setAccessibleName(tr("Check in {name}", name=name) if not status else
                                tr("{name}: {status}", name=name,
                                   status=label("ATTENDANCE", status)))
            # (a style sheet drops the inherited size: say it again)
            b.setStyleSheet(f"{STATUS_STYLE.get(status, '')} font-size: {BASE_POINTS}pt;")
        self.member_names = {pid: name for pid, name, _e in members}
        self._filter_members()
        guests = [g for _i, g in mt.guests_of(conn, self.meeting_id)]
        rate = mt.meeting_rate(conn, self.meeting_id)
        self.guests.setText(tr("{attended} of {expected} members here; guests: {guests}",
                               attended=rate.attended, expected=rate.expected,
                               guests=join_list(isolate(g) for g in guests) or "—"))
        decisions = mt.decisions(conn, self.meeting_id)
        actions = mq.action_item_count(conn, self.meeting_id)
        self.captured.setText(tr("Recorded so far: {decisions}, {actions}.",
                                 decisions=ntr("{n} decision", "{n} decisions", len(decisions)),
                                 actions=ntr("{n} action item", "{n} action items", actions)))
        self.show_item()

    def _filter_members(self, *_args) -> None:
        text = self.find.text().strip().casefold()
        for pid, button in self.member_buttons.items():
            button.setVisible(not text or text in self.member_names.get(pid, "").casefold())

    def current_item(self) -> dict | None:
        return self.items[self.run.index] if self.items else None

    def show_item(self) -> None:
        it = self.current_item()
        if it is None:
            self.position.setText(tr("No agenda items."))
            self.item_title.setText("")
            self.item_meta.setText("")
            self.notes.setEnabled(False)
        else:
            self.position.setText(tr("Item {n} of {count}", n=self.run.index + 1,
                                     count=len(self.items)))
            self.item_title.setText(it["title"])
            self.item_meta.setText(" · ".join(p for p in (
                label("AGENDA_KINDS", it["kind"]), it["presenter"] and isolate(it["presenter"]),
                tr("{minutes} min", minutes=it["minutes"])) if p))
            self.notes.setEnabled(not self.context.read_only)
            if not self.notes.hasFocus() and self.notes.toPlainText() != it["notes"]:
                self.notes.setPlainText(it["notes"])
        self.update_clocks()

    def update_clocks(self) -> None:
        it = self.current_item()
        left = self.run.item_left(int(it["minutes"])) if it else 0
        self.countdown.setText(clock(left))
        self.countdown.setStyleSheet("color: #b00020;" if left < 0 else "color: #114a8b;")
        self.meeting_clock.setText(tr("Meeting: {left} left", left=clock(self.run.meeting_left)))
        self.meeting_clock.setStyleSheet("color: #b00020;" if self.run.meeting_left < 0 else "")
        self.pause_button.setText(tr("Resume (Ctrl+Space)") if self.run.paused
                                  else tr("Pause (Ctrl+Space)"))
        self.pause_button.setAccessibleName(self.pause_button.text())
        if self.projector is not None:
            title = self.title_text + (f" — {tr('paused')}" if self.run.paused else "")
            self.projector.show_state(title, self.items, self.run.index, clock(left))

    # --- acting -------------------------------------------------------------------------------
    def _on_timer(self) -> None:
        """Count whole seconds of the monotonic clock (a busy moment does not lose time)."""
        now = time.monotonic()
        seconds = int(now - self._last)
        if seconds:
            self._last += seconds
            self.tick(seconds)

    def tick(self, seconds: int = 1) -> None:
        self.run.tick(seconds)
        self.update_clocks()

    def toggle_pause(self) -> None:
        self.run.paused = not self.run.paused
        self.update_clocks()

    def go(self, delta: int) -> None:
        self.save_notes()
        target = self.run.index + delta
        if 0 <= target < len(self.items):
            self.run.index = target
            self.notes.clearFocus()
            it = self.current_item()
            self.notes.setPlainText(it["notes"] if it else "")
            self.show_item()

    def save_notes(self) -> None:
        it = self.current_item()
        text = self.notes.toPlainText()
        if it is None or it["notes"] == text or self.context.read_only:
            return
        item_id = it["id"]
        it["notes"] = text
        self.context.run(tr("notes on {item}", item=it["title"]),
                         lambda ops: edits.set_agenda_notes(ops, item_id, text))

    def tap(self, person_id: str) -> None:
        """One tap on a member: not here → present (late after ten minutes) → late → absent."""
        if self.context.read_only:
            return
        status = mt.attendance_of(self.context.pf.conn, self.meeting_id).get(person_id, "")
        new = NEXT_STATUS.get(status, "present")
        if not status and self.run.elapsed >= LATE_AFTER_SECONDS:
            new = "late"
        self.context.run(tr("check-in"), lambda ops: mt.set_attendance(
            ops, self.meeting_id, person_id, new))

    def add_guest(self) -> None:
        name = self.guest_name.text()
        if self.context.run(tr("add guest"),
                            lambda ops: mt.add_guest(ops, self.meeting_id, name)):
            self.guest_name.clear()

    def finish(self) -> None:
        self.save_notes()
        self.context.run(tr("finish meeting"),
                         lambda ops: mt.set_status(ops, self.meeting_id, "held"))
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

    def closeEvent(self, event) -> None:  # noqa: N802
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.save_notes()
        self.timer.stop()
        if self._connected:
            self._connected = False
            self.context.changed.disconnect(self._changed)
            self.context.languageChanged.disconnect(self.retranslate)
        if self.projector is not None:
            self.projector.close()
            self.projector = None
        super().closeEvent(event)
