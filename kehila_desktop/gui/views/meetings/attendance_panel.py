"""Attendance of one meeting: every member expected that day with present / absent / excused /
late (one step per choice), the guests (add by name), and the meeting's attendance rate."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QListWidget, QPushButton, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from ....core import enums
from ....core import meetings as mt
from ....core.i18n import label, tr


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
        self.table = QTableWidget(0, 2)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        layout.addWidget(self.table, 3)
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
        self.table.setHorizontalHeaderLabels([tr("Member"), tr("Attendance")])
        self.table.setAccessibleName(tr("Attendance of members"))
        self.guests_label.setText(tr("Guests"))
        self.guests.setAccessibleName(tr("Guests"))
        self.guest_name.setPlaceholderText(tr("Guest's name"))
        self.guest_name.setAccessibleName(tr("Guest's name"))
        self.guest_button.setText(tr("Add guest"))
        self.guest_button.setAccessibleName(tr("Add guest"))
        self.load(self.meeting_id)

    def load(self, meeting_id: str | None) -> None:
        self.meeting_id = meeting_id
        pf = self.context.pf
        self.table.setRowCount(0)
        self.guests.clear()
        if not (pf and meeting_id):
            self.rate.setText("")
            return
        conn = pf.conn
        body_id, starts_at = conn.execute("SELECT body_id, starts_at FROM meeting WHERE id=?",
                                          (meeting_id,)).fetchone()
        self.members = mt.expected_members(conn, body_id, starts_at)
        marks = mt.attendance_of(conn, meeting_id)
        self.table.setRowCount(len(self.members))
        for n, (person_id, name, _expected) in enumerate(self.members):
            item = QTableWidgetItem(name)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            self.table.setItem(n, 0, item)
            combo = QComboBox()
            combo.addItem(tr("not recorded"), "")
            for key in enums.ATTENDANCE:
                combo.addItem(label("ATTENDANCE", key), key)
            combo.setCurrentIndex(max(0, combo.findData(marks.get(person_id, ""))))
            combo.setAccessibleName(tr("Attendance of {name}", name=name))
            combo.setEnabled(not self.context.read_only)
            combo.activated.connect(lambda _i, c=combo, p=person_id: self._set(p, c.currentData()))
            self.table.setCellWidget(n, 1, combo)
        for _gid, name in mt.guests_of(conn, meeting_id):
            self.guests.addItem(name)
        rate = mt.meeting_rate(conn, meeting_id)
        if rate.expected:
            self.rate.setText(tr("{attended} of {expected} members came ({rate}%).",
                                 attended=rate.attended, expected=rate.expected,
                                 rate=round(rate.rate * 100)))
        else:
            self.rate.setText(tr("This body has no members who joined yet."))
        self.guest_button.setEnabled(not self.context.read_only)

    def _set(self, person_id: str, status: str) -> None:
        if status:
            self.context.run(tr("record attendance"),
                             lambda ops: mt.set_attendance(ops, self.meeting_id, person_id,
                                                           status))

    def _add_guest(self) -> None:
        name = self.guest_name.text()
        if self.meeting_id and self.context.run(
                tr("add guest"), lambda ops: mt.add_guest(ops, self.meeting_id, name)):
            self.guest_name.clear()
