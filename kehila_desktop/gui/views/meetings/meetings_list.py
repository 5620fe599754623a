"""The meetings view's list: the table of meetings (its columns sized to their words), the
selected meeting, and the attendance rates read after the first paint. A mixin of the
meetings ``View``; selecting a row loads the meeting panel."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from kehila_desktop.core import enums
from kehila_desktop.core.i18n import label, tr
from kehila_desktop.gui.direction import follow_text_direction
from kehila_desktop.gui.views.meetings.list_model import MeetingsTableModel


class MeetingsList:
    def _build_list(self) -> QTableView:
        self.model = MeetingsTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        follow_text_direction(self.table)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)  # Tab moves on, arrows move in the table
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((125, 165, 95, 70, 125, 100)):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        return self.table

    def _fit_word_columns(self) -> None:
        """The kind and status columns are as wide as their longest word in this language
        ("Regular meeting" is not cut short); the cells also show it as a tooltip."""
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader().fontMetrics()
        for column, vocabulary in ((2, "MEETING_KINDS"), (3, "MEETING_STATUSES")):
            words = [label(vocabulary, key) for key in getattr(enums, vocabulary)]
            wide = max(metrics.horizontalAdvance(w) for w in words)
            head = header.horizontalAdvance(
                str(self.model.headerData(column, Qt.Orientation.Horizontal))
            )
            self.table.setColumnWidth(column, max(wide, head + 16) + 16)

    def _retranslate_list(self) -> None:
        self.table.setAccessibleName(tr("Meetings"))
        self._fit_word_columns()

    def _load_rates(self) -> None:
        if self.context.pf is not None:
            self.model.load_rates(self.context.pf.conn)

    def _default_meeting(self) -> str | None:
        """The next planned meeting, else the last one."""
        rows = self.model.rows()
        now = datetime.now().strftime("%Y-%m-%dT%H:%M")
        upcoming = [r for r in rows if r.starts_at >= now and r.status == "planned"]
        return (upcoming[0] if upcoming else rows[-1]).id if rows else None

    def current_meeting_id(self) -> str | None:
        index = self.table.currentIndex()
        row = self.model.meeting(index.row()) if index.isValid() else None
        return row.id if row else None

    def select_meeting(self, meeting_id: str | None, reload: bool = False) -> None:
        row = self.model.row_of(meeting_id) if meeting_id else -1
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, 0))  # loads the panel when new
            self.table.scrollTo(self.model.index(row, 0))
        else:
            self.table.clearSelection()
        if reload or self.panel.meeting_id != meeting_id:
            self.panel.load(meeting_id)

    def _row_changed(self, current, _previous) -> None:
        row = self.model.meeting(current.row()) if current.isValid() else None
        if row is not None and row.id != self.panel.meeting_id:
            self.panel.load(row.id)
            day = date.fromisoformat(row.starts_at[:10])
            self.calendar.blockSignals(True)
            self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))
            self.calendar.blockSignals(False)
            self._fill_day_list()
