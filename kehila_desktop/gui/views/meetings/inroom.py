"""In-room mode: the facilitator's full-screen window for running one meeting, and the optional
projector window. Fits a 1024x768 projector laptop in every language. The window builds and
reads (this module); its actions are ``inroom_actions`` and its widgets ``inroom_widgets``.

Large type; the current agenda item with its countdown and the time left for the whole
meeting; on the side, three tabs (Ctrl+1 / Ctrl+2 / Ctrl+3): one-tap check-in of members
(tap again: late, excused, absent) and walk-in guests, in a grid that reflows to the width
and scrolls; decisions with outcome and votes (select one to correct or remove it); action
items, new and followed up from earlier meetings (done / carried / removed). Notes per item:
the notes box always belongs to the item it was loaded for. Next / previous item: PageDown /
PageUp (what presentation clickers send) or Ctrl+Right / Ctrl+Left; pause: Ctrl+Space or the
Pause key; undo: Ctrl+Z (the Edit menu's wording on the button). "Start meeting" records the
real start; the clock and the current item are kept in the file (``core.meetings.clock``), so
a crash or a second laptop resumes where the room was. Every tap is its own committed step.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kehila_desktop.core.meetings import clock as mclock
from kehila_desktop.core.meetings import records as mt
from kehila_desktop.core.i18n import isolate, join_list, label, ntr, tr
from kehila_desktop.gui.widgets import format_date, format_datetime, plain_action_text, plain_tip
from kehila_desktop.gui.views.meetings.agenda_panel import NotesEdit
from kehila_desktop.gui.views.meetings.decisions_panel import ActionItemForm, DecisionForm
from kehila_desktop.core.meetings import queries as mq
from kehila_desktop.gui.views.meetings.inroom_actions import InRoomActions
from kehila_desktop.gui.views.meetings.inroom_widgets import (
    BASE_POINTS,
    NEXT_STATUS,
    STATUS_STYLE,
    clock,
    format_time,
    _big,
    OneLineLabel,
    FitButton,
    ProjectorWindow,
    CheckInGrid,
    CheckInScroll,
    _small,
)


class InRoomWindow(InRoomActions, QWidget):
    CHECKIN, DECISIONS, ACTIONS = range(3)

    def __init__(self, context, meeting_id: str, projector: bool = False, parent=None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.context = context
        self.meeting_id = meeting_id
        self.items: list[dict] = []
        self.member_buttons: dict[str, QPushButton] = {}
        self.member_names: dict[str, str] = {}
        self.notes_item_id = ""  # the agenda item whose notes the notes box holds
        self.notes_loaded = ""  # what the box held when loaded (else: typed, not yet saved)
        conn = context.pf.conn
        self.length = mq.meeting_minutes(conn, meeting_id) * 60
        self.clock = mclock.clock_of(conn, meeting_id)
        self.paused = self.clock.started and not self.clock.running
        self.projector: ProjectorWindow | None = None
        font = QFont(self.font())
        font.setPointSizeF(BASE_POINTS)
        self.setFont(font)
        self.member_font = QFont(font)
        self.member_font.setPointSizeF(BASE_POINTS * 0.875)  # two columns at 1024 pixels
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
        outer.setContentsMargins(8, 6, 8, 6)
        top = QHBoxLayout()
        self.heading = _big(OneLineLabel(), 1.2)
        self.heading.setWordWrap(False)
        self.meeting_clock = _big(QLabel(), 1.2)
        self.meeting_clock.setWordWrap(False)
        top.addWidget(self.heading, 1)
        top.addSpacing(16)  # the heading never runs into the clock
        top.addWidget(self.meeting_clock)
        self.start_button = QPushButton()
        self.start_button.clicked.connect(self.start)
        self.start_button.setMinimumHeight(44)
        top.addWidget(self.start_button)
        outer.addLayout(top)
        self.started_label = _big(QLabel(), 0.8, bold=False)
        outer.addWidget(self.started_label)
        middle = QHBoxLayout()
        outer.addLayout(middle, 1)
        # the current item
        item_box = QVBoxLayout()
        self.position = _big(QLabel(), 0.9, bold=False)
        self.item_title = _big(QLabel(), 1.7)
        self.item_title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.item_meta = _big(QLabel(), 0.9, bold=False)
        self.item_meta.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.countdown = _big(QLabel(), 3.0)
        self.countdown.setWordWrap(False)
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.countdown.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.notes = NotesEdit()
        self.notes.left.connect(self.save_notes)
        for w in (self.position, self.item_title, self.item_meta, self.countdown):
            item_box.addWidget(w)
        item_box.addWidget(self.notes, 1)
        nav = QHBoxLayout()
        self.prev_button = FitButton()
        self.pause_button = FitButton()
        self.next_button = FitButton()
        self.prev_button.clicked.connect(lambda: self.go(-1))
        self.next_button.clicked.connect(lambda: self.go(1))
        self.pause_button.clicked.connect(self.toggle_pause)
        for b in (self.prev_button, self.pause_button, self.next_button):
            b.setMinimumHeight(2 * b.fontMetrics().lineSpacing() + 14)
            nav.addWidget(b)
        item_box.addLayout(nav)
        # two rows: the undo button (it names the step it undoes) across the column, the
        # other three sharing the row under it, so each reads whole at 1024 pixels
        tools = QGridLayout()
        self.undo_button = _small(FitButton())
        self.undo_button.clicked.connect(self.undo)
        self.projector_button = _small(FitButton())
        self.finish_button = _small(FitButton())
        self.exit_button = _small(FitButton())
        self.projector_button.clicked.connect(self.toggle_projector)
        self.finish_button.clicked.connect(self.finish)
        self.exit_button.clicked.connect(self.close)
        tools.addWidget(self.undo_button, 0, 0, 1, 3)
        for n, b in enumerate((self.projector_button, self.finish_button, self.exit_button)):
            tools.addWidget(b, 1, n)
        for b in (self.undo_button, self.projector_button, self.finish_button, self.exit_button):
            b.setMinimumHeight(2 * b.fontMetrics().lineSpacing() + 12)
        item_box.addLayout(tools)
        middle.addLayout(item_box, 5)
        # check-in and quick capture, one tab each
        self.side = QTabWidget()
        self.side.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
        self.side.tabBar().setExpanding(True)
        self.side.tabBar().setUsesScrollButtons(False)
        self.side.tabBar().setElideMode(Qt.TextElideMode.ElideRight)
        checkin = QWidget()
        side = QVBoxLayout(checkin)
        side.setContentsMargins(4, 4, 4, 4)
        self.checkin_label = _big(QLabel(), 0.9, bold=False)
        self.checkin_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        side.addWidget(self.checkin_label)
        self.find = QLineEdit()
        self.find.setClearButtonEnabled(True)
        self.find.textChanged.connect(self._filter_members)
        self.find.returnPressed.connect(self._tap_found)
        side.addWidget(self.find)
        self.grid_host = CheckInGrid()
        self.grid = self.grid_host.grid
        self.checkin_scroll = CheckInScroll(self.grid_host)
        side.addWidget(self.checkin_scroll, 1)
        guest = QHBoxLayout()
        self.guest_name = QLineEdit()
        self.guest_name.returnPressed.connect(self.add_guest)
        self.guest_button = QPushButton()
        self.guest_button.clicked.connect(self.add_guest)
        guest.addWidget(self.guest_name, 1)
        guest.addWidget(self.guest_button)
        side.addLayout(guest)
        self.guests = _big(QLabel(), 0.8, bold=False)
        self.guests.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        side.addWidget(self.guests)
        self.side.addTab(checkin, "")
        # decisions
        decisions = QWidget()
        dbox = QVBoxLayout(decisions)
        dbox.setContentsMargins(4, 4, 4, 4)
        self.decision_form = DecisionForm(self.context, compact=True)
        self.decision_form.set_meeting(self.meeting_id)
        form_scroll = QScrollArea()
        form_scroll.setWidgetResizable(True)
        form_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        form_scroll.setWidget(self.decision_form)
        form_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        dbox.addWidget(form_scroll, 3)
        self.decision_list = QListWidget()
        self.decision_list.setWordWrap(True)
        dbox.addWidget(self.decision_list, 2)
        drow = QHBoxLayout()
        self.correct_button = _small(FitButton())
        self.correct_button.clicked.connect(self.correct_decision)
        self.remove_decision_button = _small(FitButton())
        self.remove_decision_button.clicked.connect(self.remove_decision)
        for b in (self.correct_button, self.remove_decision_button):
            b.setMinimumHeight(2 * b.fontMetrics().lineSpacing() + 12)
            drow.addWidget(b)
        dbox.addLayout(drow)
        self.side.addTab(decisions, "")
        # action items: new ones and those followed up from earlier meetings
        actions = QWidget()
        abox = QVBoxLayout(actions)
        abox.setContentsMargins(4, 4, 4, 4)
        self.action_form = ActionItemForm(self.context, compact=True)
        self.action_form.set_meeting(self.meeting_id)
        abox.addWidget(self.action_form)
        self.action_list = QListWidget()
        self.action_list.setWordWrap(True)
        abox.addWidget(self.action_list, 1)
        arow = QHBoxLayout()
        self.done_button = _small(FitButton())
        self.done_button.clicked.connect(lambda: self.set_action_status("done"))
        self.carry_button = _small(FitButton())
        self.carry_button.clicked.connect(lambda: self.set_action_status("open"))
        self.remove_action_button = _small(FitButton())
        self.remove_action_button.clicked.connect(self.remove_action)
        for b in (self.done_button, self.carry_button, self.remove_action_button):
            b.setMinimumHeight(2 * b.fontMetrics().lineSpacing() + 12)
            arow.addWidget(b)
        abox.addLayout(arow)
        self.side.addTab(actions, "")
        self.captured = _big(QLabel(), 0.8, bold=False)
        self.captured.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        right = QVBoxLayout()
        right.addWidget(self.side, 1)
        right.addWidget(self.captured)
        middle.addLayout(right, 6)
        # The keys work wherever the focus is (also while typing notes): see eventFilter.
        QApplication.instance().installEventFilter(self)

    def _key_action(self, event):
        key, mods = event.key(), event.modifiers()
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        shift = bool(mods & Qt.KeyboardModifier.ShiftModifier)
        if key == Qt.Key.Key_PageDown or (ctrl and key == Qt.Key.Key_Right):
            return lambda: self.go(1)
        if key == Qt.Key.Key_PageUp or (ctrl and key == Qt.Key.Key_Left):
            return lambda: self.go(-1)
        if key == Qt.Key.Key_Pause or (ctrl and key == Qt.Key.Key_Space):
            return self.toggle_pause
        if key == Qt.Key.Key_Escape:
            return self.close
        if key == Qt.Key.Key_F5 and not mods:  # what a clicker sends to start a show
            return self.start
        if ctrl and key == Qt.Key.Key_0:
            return self.notes.setFocus
        if ctrl and key in (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3):
            return lambda: self.show_tab(int(key) - int(Qt.Key.Key_1))
        if ctrl and not shift and key == Qt.Key.Key_Z and not self._text_undo_available():
            return self.undo
        return None

    def _text_undo_available(self) -> bool:
        """While typing, Ctrl+Z undoes the typing first (as in any text box)."""
        focus = QApplication.focusWidget()
        if isinstance(focus, QLineEdit):
            return focus.isUndoAvailable()
        if isinstance(focus, QPlainTextEdit):
            return focus.document().isUndoAvailable()
        return False

    def eventFilter(self, obj, event) -> bool:
        kind = event.type()
        if (
            kind in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride)
            and isinstance(obj, QWidget)
            and obj.window() is self
        ):
            action = self._key_action(event)
            if action is not None:
                if kind == QEvent.Type.ShortcutOverride:
                    event.accept()  # ask for the key press itself
                else:
                    action()
                return True
        return False

    def show_tab(self, index: int) -> None:
        self.side.setCurrentIndex(index)
        first = {
            self.CHECKIN: self.find,
            self.DECISIONS: self.decision_form.text,
            self.ACTIONS: self.action_form.text,
        }[index]
        first.setFocus()

    def retranslate(self, *_args) -> None:
        self.setWindowTitle(tr("In-room mode"))
        for b, text in (
            (self.prev_button, tr("Previous item (PgUp)")),
            (self.next_button, tr("Next item (PgDown)")),
            (self.start_button, tr("Start meeting (F5)")),
            (self.projector_button, tr("Projector window")),
            (self.finish_button, tr("Finish meeting")),
            (self.exit_button, tr("Leave in-room mode (Esc)")),
            (self.guest_button, tr("Add walk-in guest")),
            (self.correct_button, tr("Correct decision")),
            (self.remove_decision_button, tr("Remove decision")),
            (self.done_button, tr("Mark done")),
            (self.carry_button, tr("Carry forward")),
            (self.remove_action_button, tr("Remove action item")),
        ):
            if isinstance(b, FitButton):
                b.set_full_text(text)
            else:
                b.setText(text)
                b.setAccessibleName(text)
        self.notes.setAccessibleName(tr("Notes on the current item, for the minutes"))
        self.notes.setPlaceholderText(tr("Notes on this item, for the minutes"))
        self.notes.setToolTip(tr("Notes on this item, for the minutes") + " (Ctrl+0)")
        self.guest_name.setAccessibleName(tr("Guest's name"))
        self.guest_name.setPlaceholderText(tr("Guest's name"))
        self.find.setPlaceholderText(tr("Find a member by name"))
        self.find.setAccessibleName(tr("Find a member by name"))
        for index, text in (
            (self.CHECKIN, tr("Check-in")),
            (self.DECISIONS, tr("Decisions")),
            (self.ACTIONS, tr("Action items")),
        ):
            self.side.setTabText(index, text)
            self.side.setTabToolTip(index, plain_tip(f"{text} (Ctrl+{index + 1})"))
        self.decision_list.setAccessibleName(tr("Decisions of the meeting"))
        self.action_list.setAccessibleName(tr("Action items of the meeting"))
        self.decision_form.retranslate()
        self.action_form.retranslate()
        self.reload()

    # --- reading ------------------------------------------------------------------------------
    def _changed(self, changed) -> None:
        if {
            "meeting",
            "agenda_item",
            "attendance",
            "person",
            "membership",
            "decision",
            "action_item",
        } & set(changed.tables):
            if changed.kind in ("undo", "redo", "merge"):  # the clock may have moved back
                self.clock = mclock.clock_of(self.context.pf.conn, self.meeting_id)
            self.reload()

    def reload(self) -> None:
        pf = self.context.pf
        if pf is None:
            return
        conn = pf.conn
        row = mq.meeting_heading(conn, self.meeting_id)
        self.title_text = tr("{body} — {when}", body=isolate(row[0]), when=format_datetime(row[1]))
        short = format_datetime(row[1], weekday=False)
        self.heading.set_full_text(
            self.title_text, tr("{body} — {when}", body=isolate(row[0]), when=short)
        )
        self.scheduled = row[1]
        self.items = mt.agenda(conn, self.meeting_id)
        ids = [it["id"] for it in self.items]
        if self.clock.item_id not in ids:  # not started, or the item was removed
            self.clock.item_id = ids[0] if ids else ""
        members = mt.expected_members(conn, row[2], row[1])
        marks = mt.attendance_of(conn, self.meeting_id)
        if [m[0] for m in members] != list(self.member_buttons):
            for b in self.member_buttons.values():
                b.deleteLater()
            self.member_buttons = {}
            for pid, _name, _e in members:
                b = QPushButton()
                b.setFont(self.member_font)
                b.clicked.connect(lambda _c=False, p=pid: self.tap(p))
                self.member_buttons[pid] = b
        marks_shown = [label("ATTENDANCE", s) for s in NEXT_STATUS if s]
        for pid, name, _e in members:
            status = marks.get(pid, "")
            b = self.member_buttons[pid]
            text = name if not status else f"{name}\n{label('ATTENDANCE', status)}"
            b.setAccessibleName(
                tr("Check in {name}", name=name)
                if not status
                else tr("{name}: {status}", name=name, status=label("ATTENDANCE", status))
            )
            # (a style sheet drops the inherited size: say it again)
            b.setStyleSheet(
                f"{STATUS_STYLE.get(status, '')} font-size: {self.member_font.pointSizeF():g}pt;"
            )
            # as high as the name with a mark under it (an Arabic mark is taller than a
            # Latin line): a tap never makes a row grow and push the names below it down
            b.setText(f"{name}\n{' '.join(marks_shown)}")
            two_lines = max(b.sizeHint().height(), int(2.4 * b.fontMetrics().lineSpacing()) + 8)
            b.setMinimumHeight(two_lines)
            b.setText(text)
        self.member_names = {pid: name for pid, name, _e in members}
        self.grid_host.set_buttons(
            list(self.member_buttons.values()), [*self.member_names.values(), *marks_shown]
        )
        chain = [self.find, *self.member_buttons.values(), self.guest_name]
        for first, second in zip(chain, chain[1:]):  # Tab from the search walks the names
            QWidget.setTabOrder(first, second)
        self._filter_members()
        guests = [g for _i, g in mt.guests_of(conn, self.meeting_id)]
        rate = mt.meeting_rate(conn, self.meeting_id)
        self.guests.setText(
            tr(
                "{attended} of {expected} members here; guests: {guests}",
                attended=rate.attended,
                expected=rate.expected,
                guests=join_list(isolate(g) for g in guests) or "—",
            )
        )
        self.decisions = mt.decisions(conn, self.meeting_id)
        self._fill_decisions()
        self.new_actions = mt.meeting_action_items(conn, self.meeting_id)
        self.follow_ups = mt.follow_up_items(conn, self.meeting_id)
        self._fill_actions()
        self.captured.setText(
            tr(
                "Recorded so far: {decisions}, {actions}.",
                decisions=ntr("{n} decision", "{n} decisions", len(self.decisions)),
                actions=ntr("{n} action item", "{n} action items", len(self.new_actions)),
            )
        )
        self._update_start()
        self._update_undo()
        self.show_item()

    def _fill_decisions(self) -> None:
        current = self._selected(self.decision_list)
        self.decision_list.clear()
        for n, d in enumerate(self.decisions, start=1):
            outcome = label("DECISION_OUTCOMES", d["outcome"]) or "—"
            votes = (
                ""
                if not (d["votes_for"] or d["votes_against"] or d["votes_abstain"])
                else " "
                + tr(
                    "({for_} for, {against} against, {abstain} abstaining)",
                    for_=d["votes_for"],
                    against=d["votes_against"],
                    abstain=d["votes_abstain"],
                )
            )
            entry = QListWidgetItem(f"{n}. {d['text']} — {outcome}{votes}")
            entry.setData(Qt.ItemDataRole.UserRole, d["id"])
            self.decision_list.addItem(entry)
            if d["id"] == current:
                self.decision_list.setCurrentItem(entry)
        for b in (self.correct_button, self.remove_decision_button):
            b.setEnabled(bool(self.decisions) and not self.context.read_only)

    def _fill_actions(self) -> None:
        current = self._selected(self.action_list)
        self.action_list.clear()
        rows = [
            (a, tr("follow-up from {date}", date=format_date(a["meeting_date"])))
            for a in self.follow_ups
        ] + [(a, tr("new")) for a in self.new_actions]
        for a, origin in rows:
            status = label("ACTION_ITEM_STATUSES", a["status"])
            owner = f" — {a['owner']}" if a.get("owner") else ""
            entry = QListWidgetItem(f"{a['text']}{owner} ({origin}; {status})")
            entry.setData(Qt.ItemDataRole.UserRole, a["id"])
            self.action_list.addItem(entry)
            if a["id"] == current:
                self.action_list.setCurrentItem(entry)
        for b in (self.done_button, self.carry_button, self.remove_action_button):
            b.setEnabled(bool(rows) and not self.context.read_only)

    @staticmethod
    def _selected(listing: QListWidget) -> str:
        entry = listing.currentItem()
        return entry.data(Qt.ItemDataRole.UserRole) if entry is not None else ""

    def _update_start(self) -> None:
        started = self.clock.started
        self.start_button.setVisible(not started)
        self.start_button.setEnabled(not self.context.read_only)
        scheduled = format_time(self.scheduled)
        if started:
            late = mclock.late_from(self.context.pf.conn, self.meeting_id)
            self.started_label.setText(
                tr(
                    "Started at {start} (scheduled {scheduled}); members checked in after {late} "
                    "are late.",
                    start=format_time(self.clock.started_at),
                    scheduled=scheduled,
                    late=format_time(late),
                )
            )
        else:
            self.started_label.setText(
                tr(
                    "Scheduled for {scheduled}. Press Start meeting when it begins: the clock runs "
                    "from then.",
                    scheduled=scheduled,
                )
            )
        self.checkin_label.setText(
            tr("Tap a name as the member arrives; tap again: late, excused, absent.")
        )

    def _update_undo(self) -> None:
        ops = self.context.ops
        writable = ops is not None and not self.context.read_only
        step = ops.undo_label if writable and ops.can_undo else ""
        text = tr("&Undo: {action}", action=plain_action_text(step)) if step else tr("&Undo")
        shown = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
        self.undo_button.set_full_text(f"{shown} (Ctrl+Z)", part=step)
        self.undo_button.setEnabled(bool(writable and ops.can_undo))

    def _filter_members(self, *_args) -> None:
        text = self.find.text().strip().casefold()
        for pid, button in self.member_buttons.items():
            button.setVisible(not text or text in self.member_names.get(pid, "").casefold())
        self.grid_host.reflow(self.checkin_scroll.viewport().width())

    def _tap_found(self) -> None:
        """Enter in the search box checks in the one member it found (keyboard check-in)."""
        text = self.find.text().strip().casefold()
        found = [pid for pid, b in self.member_buttons.items() if not b.isHidden()]
        exact = [pid for pid in found if self.member_names.get(pid, "").casefold() == text]
        found = exact or found
        if text and len(found) == 1:
            self.tap(found[0])
            self.find.clear()

    @property
    def index(self) -> int:
        ids = [it["id"] for it in self.items]
        return ids.index(self.clock.item_id) if self.clock.item_id in ids else 0

    def current_item(self) -> dict | None:
        return self.items[self.index] if self.items else None

    def show_item(self) -> None:
        it = self.current_item()
        if it is None:
            self.position.setText(tr("No agenda items."))
            self.item_title.setText("")
            self.item_meta.setText("")
            self.notes.setEnabled(False)
            self.notes_item_id = ""
        else:
            self.position.setText(
                tr("Item {n} of {count}", n=self.index + 1, count=len(self.items))
            )
            self.item_title.setText(it["title"])
            self.item_meta.setText(
                " · ".join(
                    p
                    for p in (
                        label("AGENDA_KINDS", it["kind"]),
                        it["presenter"] and isolate(it["presenter"]),
                        tr("{minutes} min", minutes=it["minutes"]),
                    )
                    if p
                )
            )
            self.notes.setEnabled(not self.context.read_only)
            if it["id"] != self.notes_item_id:
                self.save_notes()  # (what was typed belongs to the item it was typed on)
                self._load_notes(it)
            elif self.notes.toPlainText() == self.notes_loaded != it["notes"]:
                self._load_notes(it)  # changed elsewhere (undo, another window), not typed here
        self.update_clocks()

    def _load_notes(self, it: dict) -> None:
        self.notes_item_id = it["id"]
        self.notes_loaded = it["notes"]
        self.notes.setPlainText(it["notes"])

    def item_left(self, it: dict | None) -> int:
        if it is None:
            return 0
        return int(it["minutes"]) * 60 - self.clock.spent.get(it["id"], 0)

    def update_clocks(self) -> None:
        it = self.current_item()
        left = self.item_left(it)
        meeting_left = self.length - self.clock.elapsed
        self.countdown.setText(clock(left))
        self.countdown.setStyleSheet("color: #b00020;" if left < 0 else "color: #114a8b;")
        self.meeting_clock.setText(tr("Meeting: {left} left", left=clock(meeting_left)))
        self.meeting_clock.setStyleSheet("color: #b00020;" if meeting_left < 0 else "")
        self.pause_button.set_full_text(
            tr("Resume (Ctrl+Space)") if self.paused else tr("Pause (Ctrl+Space)")
        )
        self.pause_button.setEnabled(self.clock.started)
        if self.projector is not None:
            title = self.title_text + (f" — {tr('paused')}" if self.paused else "")
            self.projector.show_state(title, self.items, self.index, clock(left))

    def closeEvent(self, event) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        if self._connected:
            self.save_notes()
            self.keep_clock()
        self.timer.stop()
        if self._connected:
            self._connected = False
            self.context.changed.disconnect(self._changed)
            self.context.languageChanged.disconnect(self.retranslate)
        if self.projector is not None:
            self.projector.close()
            self.projector = None
        super().closeEvent(event)
