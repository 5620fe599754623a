"""One meeting in detail: its heading, when / length / place / kind / status (each edit one
step), why the schedule moved it, and tabs for agenda, attendance, decisions and action items."""

from __future__ import annotations

from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kehila_desktop.core import enums
from kehila_desktop.core.meetings import edits
from kehila_desktop.core.i18n import isolate, standalone_label, tr
from kehila_desktop.gui.widgets import (
    DATETIME_FORMAT,
    format_datetime,
    heading_label,
    plain_tip,
    plain_label,
    use_latin_digits,
)
from kehila_desktop.gui.views.meetings.agenda_panel import AgendaPanel
from kehila_desktop.gui.views.meetings.attendance_panel import AttendancePanel
from kehila_desktop.gui.views.meetings.decisions_panel import DecisionsPanel
from kehila_desktop.core.meetings import queries as mq


class MeetingPanel(QWidget):
    inRoomRequested = Signal(str)

    def __init__(self, context, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.meeting_id: str | None = None
        self.row: dict | None = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.heading = heading_label(1.3)
        top.addWidget(self.heading, 1)
        self.inroom_button = QPushButton()
        self.inroom_button.clicked.connect(
            lambda: self.meeting_id and self.inRoomRequested.emit(self.meeting_id)
        )
        top.addWidget(self.inroom_button)
        self.delete_button = QPushButton()
        self.delete_button.clicked.connect(self._delete)
        top.addWidget(self.delete_button)
        layout.addLayout(top)
        self.note = plain_label()
        self.note.setStyleSheet("color: #8a4b00;")
        layout.addWidget(self.note)
        form = QFormLayout()
        self.when = QDateTimeEdit()
        self.when.setCalendarPopup(True)
        # An ISO date and time reads left to right in every language (sections stay in order);
        # the direction must be set before the format.
        self.when.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.when.setDisplayFormat(DATETIME_FORMAT)
        self.minutes = QSpinBox()
        self.minutes.setRange(0, 24 * 60)
        self.minutes.setSingleStep(15)
        use_latin_digits(self.when, self.minutes)
        self.place = QLineEdit()
        self.kind = QComboBox()
        self.status = QComboBox()
        self.when.editingFinished.connect(
            lambda: self._save("starts_at", self.when.dateTime().toString("yyyy-MM-ddTHH:mm"))
        )
        self.minutes.editingFinished.connect(lambda: self._save("minutes", self.minutes.value()))
        self.place.editingFinished.connect(lambda: self._save("place", self.place.text()))
        self.kind.activated.connect(lambda _i: self._save("kind", self.kind.currentData()))
        self.status.activated.connect(lambda _i: self._save("status", self.status.currentData()))
        self.fields = (self.when, self.minutes, self.place, self.kind, self.status)
        self.form = form
        self.field_labels = [QLabel() for _ in self.fields]
        for lbl, w in zip(self.field_labels, self.fields):
            lbl.setBuddy(w)
            form.addRow(lbl, w)
        layout.addLayout(form)
        self.tabs = QTabWidget()
        self.agenda = AgendaPanel(context)
        self.attendance = AttendancePanel(context)
        self.decisions = DecisionsPanel(context)
        for w in (self.agenda, self.attendance, self.decisions):
            self.tabs.addTab(w, "")
        layout.addWidget(self.tabs, 1)
        # Only the tab in view reads the file; the others when they are shown (a body may have
        # a thousand members). panel -> the meeting id it shows.
        self._loaded: dict[int, str | None] = {}
        self.tabs.currentChanged.connect(lambda _i: self._load_visible())
        self.retranslate()

    def heightForWidth(self, width: int) -> int:
        """The height the panel needs at ``width``, not the (much taller) height it would like:
        the scroll area gives a panel with wrapping text this height, and the extra went to the
        decision list, pushing the composition list below the fold at 768 pixels. A taller
        scroll area still fills its height."""
        layout = self.layout()
        return layout.minimumHeightForWidth(width) if layout is not None else -1

    def retranslate(self) -> None:
        names = (tr("Starts at"), tr("Length (minutes)"), tr("Place"), tr("Kind"), tr("Status"))
        for lbl, w, text in zip(self.field_labels, self.fields, names):
            lbl.setText(text)
            w.setAccessibleName(tr("Meeting {field}", field=text))
        self.kind.clear()
        for key in enums.MEETING_KINDS:
            self.kind.addItem(standalone_label("MEETING_KINDS", key), key)
        self.status.clear()
        for key in enums.MEETING_STATUSES:
            self.status.addItem(standalone_label("MEETING_STATUSES", key), key)
        self.inroom_button.setText(tr("In-room mode"))
        self.inroom_button.setAccessibleName(tr("Run this meeting in in-room mode"))
        self.delete_button.setText(tr("Delete meeting"))
        self.delete_button.setAccessibleName(tr("Delete this meeting (Undo brings it back)"))
        for n, text in enumerate(
            (tr("Agenda"), tr("Attendance"), tr("Decisions and action items"))
        ):
            self.tabs.setTabText(n, text)
        self.agenda.retranslate()
        self.attendance.retranslate()
        self.decisions.retranslate()
        self.load(self.meeting_id)

    def load(self, meeting_id: str | None) -> None:
        pf = self.context.pf
        self.meeting_id = meeting_id
        self.row = None
        if pf and meeting_id:
            self.row = mq.meeting(pf.conn, meeting_id)
            if self.row is None:
                self.meeting_id = meeting_id = None
        row = self.row
        editable = row is not None and not self.context.read_only
        for w in (*self.fields, self.inroom_button, self.delete_button):
            w.setEnabled(editable)
        self.tabs.setEnabled(row is not None)
        self.inroom_button.setToolTip(
            plain_tip(
                tr(
                    "For a desktop or calendar shortcut: kehila-desktop FILE --in-room {meeting}",
                    meeting=meeting_id,
                )
            )
            if row is not None
            else ""
        )
        if row is None:
            self.heading.setText(tr("Choose a meeting in the list, or create one."))
            self.note.setText("")
        else:
            self.heading.setText(
                tr(
                    "{body} — {when}",
                    body=isolate(row["body"]),
                    when=format_datetime(row["starts_at"]),
                )
            )
            self.note.setText(row["schedule_note"])
            self.when.setDateTime(QDateTime.fromString(row["starts_at"][:16], "yyyy-MM-ddTHH:mm"))
            self.minutes.setValue(int(row["minutes"]))
            self.place.setText(row["place"])
            self.kind.setCurrentIndex(max(0, self.kind.findData(row["kind"])))
            self.status.setCurrentIndex(max(0, self.status.findData(row["status"])))
        self.note.setVisible(bool(row and row["schedule_note"]))
        self._loaded.clear()
        self._load_visible()

    def _load_visible(self) -> None:
        index = self.tabs.currentIndex()
        if index in self._loaded and self._loaded[index] == self.meeting_id:
            return
        self.tabs.widget(index).load(self.meeting_id)
        self._loaded[index] = self.meeting_id

    def _delete(self) -> None:
        """Tombstone the meeting (its agenda, attendance and decisions stay with it)."""
        if self.meeting_id:
            meeting_id = self.meeting_id
            self.context.run(
                tr("delete meeting"), lambda ops: edits.delete_meeting(ops, meeting_id)
            )

    def _save(self, field: str, value) -> None:
        if self.row is None or self.row.get(field) == value:
            return
        meeting_id = self.meeting_id
        self.context.run(
            tr("edit meeting"), lambda ops: edits.edit_meeting(ops, meeting_id, {field: value})
        )
