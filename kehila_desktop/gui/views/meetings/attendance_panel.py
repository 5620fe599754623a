"""Attendance of one meeting: every member expected that day with present / absent / excused /
late — select one or more members and press a status (one step per press; works the same for
a body of five or of a thousand) — the guests (add by name), and the meeting's rate."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kehila_desktop.core import enums
from kehila_desktop.core.meetings import records as mt
from kehila_desktop.core.i18n import label, tr
from kehila_desktop.core.meetings import queries as mq


class AttendancePanel(QWidget):
    def __init__(self, context, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.meeting_id: str | None = None
        self.members: list[tuple[str, str, int]] = []
        layout = QVBoxLayout(self)
        self.rate = QLabel()
        self.rate.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.rate)
        self.table = QTreeWidget()
        self.table.setRootIsDecorated(False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setColumnWidth(0, 260)
        layout.addWidget(self.table, 3)
        marks = QHBoxLayout()
        self.status_buttons = {}
        for key in enums.ATTENDANCE:
            button = QPushButton()
            button.clicked.connect(lambda _c=False, k=key: self.mark_selected(k))
            marks.addWidget(button)
            self.status_buttons[key] = button
        marks.addStretch(1)
        layout.addLayout(marks)
        self.guests_label = QLabel()
        layout.addWidget(self.guests_label)
        self.guests = QListWidget()
        self.guests.setMaximumHeight(90)
        layout.addWidget(self.guests, 1)
        row = QHBoxLayout()
        self.guest_name = QLineEdit()
        self.guest_name.returnPressed.connect(self._add_guest)
        self.guest_button = QPushButton()
        self.guest_button.clicked.connect(self._add_guest)
        row.addWidget(self.guest_name, 1)
        row.addWidget(self.guest_button)
        layout.addLayout(row)
        self.retranslate()

    def retranslate(self) -> None:
        self.table.setHeaderLabels([tr("Member"), tr("Attendance")])
        self.table.setAccessibleName(tr("Attendance of members (select, then mark)"))
        for key, button in self.status_buttons.items():
            text = tr("Mark {status}", status=label("ATTENDANCE", key))
            button.setText(text)
            button.setAccessibleName(text)
        self.guests_label.setText(tr("Guests"))
        self.guests.setAccessibleName(tr("Guests"))
        self.guest_name.setPlaceholderText(tr("Guest's name"))
        self.guest_name.setAccessibleName(tr("Guest's name"))
        self.guest_button.setText(tr("Add guest"))
        self.guest_button.setAccessibleName(tr("Add guest"))

    def load(self, meeting_id: str | None) -> None:
        selected = set(self.selected_people()) if meeting_id == self.meeting_id else set()
        self.meeting_id = meeting_id
        pf = self.context.pf
        self.table.clear()
        self.guests.clear()
        if not (pf and meeting_id):
            self.rate.setText("")
            return
        conn = pf.conn
        body_id, starts_at = mq.meeting_body_and_start(conn, meeting_id)
        self.members = mt.expected_members(conn, body_id, starts_at)
        marks = mt.attendance_of(conn, meeting_id)
        self.table.setUpdatesEnabled(False)
        items = []
        for person_id, name, _expected in self.members:
            status = marks.get(person_id, "")
            item = QTreeWidgetItem(
                [name, label("ATTENDANCE", status) if status else tr("not recorded")]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, person_id)
            if status in mt.ATTENDED:
                item.setForeground(1, QColor("#1b7f3b"))
            elif status:
                item.setForeground(1, QColor("#8a4b00"))
            items.append(item)
        self.table.addTopLevelItems(items)
        for item in items:
            if item.data(0, Qt.ItemDataRole.UserRole) in selected:
                item.setSelected(True)
        self.table.setUpdatesEnabled(True)
        for _gid, name in mt.guests_of(conn, meeting_id):
            self.guests.addItem(name)
        rate = mt.meeting_rate(conn, meeting_id)
        if rate.expected:
            self.rate.setText(
                tr(
                    "{attended} of {expected} members came ({rate}%).",
                    attended=rate.attended,
                    expected=rate.expected,
                    rate=round(rate.rate * 100),
                )
            )
        else:
            self.rate.setText(tr("This body has no members who joined yet."))
        self.guest_button.setEnabled(not self.context.read_only)
        for button in self.status_buttons.values():
            button.setEnabled(not self.context.read_only)

    def selected_people(self) -> list[str]:
        return [item.data(0, Qt.ItemDataRole.UserRole) for item in self.table.selectedItems()]

    def mark_selected(self, status: str) -> None:
        people = self.selected_people()
        if not (people and self.meeting_id):
            return
        meeting_id = self.meeting_id

        def mark(ops):
            for person_id in people:
                mt.set_attendance(ops, meeting_id, person_id, status)

        self.context.run(tr("record attendance"), mark)

    def _add_guest(self) -> None:
        name = self.guest_name.text()
        if self.meeting_id and self.context.run(
            tr("add guest"), lambda ops: mt.add_guest(ops, self.meeting_id, name)
        ):
            self.guest_name.clear()
