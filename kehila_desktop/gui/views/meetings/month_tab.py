"""The meetings view's Month tab: a month calendar with the meeting days marked by status,
and the list of the chosen day's meetings (choosing one selects it). A mixin of the meetings
``View``; it reads the list's rows (``self.model``)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QBrush, QColor, QTextCharFormat
from PySide6.QtWidgets import QCalendarWidget, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from kehila_desktop.core.i18n import label, tr
from kehila_desktop.gui.widgets import plain_tip, use_latin_digits

STATUS_COLOURS = {"planned": "#d6e6ff", "held": "#d7f2dc", "cancelled": "#eeeeee"}


class MonthTab:
    def _build_month(self) -> QWidget:
        self._marked_days: list[QDate] = []
        month = QWidget()
        mlay = QVBoxLayout(month)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        use_latin_digits(self.calendar)
        self.calendar.selectionChanged.connect(self._day_changed)
        self.calendar.currentPageChanged.connect(lambda *_: self._mark_calendar())
        self.day_list = QListWidget()
        self.day_list.itemClicked.connect(self._day_item)
        self.day_list.itemActivated.connect(self._day_item)
        mlay.addWidget(self.calendar, 3)
        mlay.addWidget(self.day_list, 1)
        return month

    def _retranslate_month(self) -> None:
        self.calendar.setAccessibleName(tr("Month calendar of meetings"))
        self.day_list.setAccessibleName(tr("Meetings on the chosen day"))

    def _mark_calendar(self) -> None:
        plain = QTextCharFormat()
        for d in self._marked_days:
            self.calendar.setDateTextFormat(d, plain)
        self._marked_days = []
        page = date(self.calendar.yearShown(), self.calendar.monthShown(), 1)
        first = date.fromordinal(page.toordinal() - 7).isoformat()  # the page's grid
        last = date.fromordinal(page.toordinal() + 45).isoformat()
        for r in self.model.rows():
            if not first <= r.starts_at[:10] <= last:
                continue
            day = QDate.fromString(r.starts_at[:10], "yyyy-MM-dd")
            fmt = QTextCharFormat()
            fmt.setBackground(QBrush(QColor(STATUS_COLOURS.get(r.status, "#d6e6ff"))))
            fmt.setFontWeight(700)
            fmt.setToolTip(plain_tip(f"{r.starts_at[11:16]} {r.body}"))
            self.calendar.setDateTextFormat(day, fmt)
            self._marked_days.append(day)
        self._fill_day_list()

    def _day_changed(self) -> None:
        self._fill_day_list()
        items = [self.day_list.item(i) for i in range(self.day_list.count())]
        if items:
            self.select_meeting(items[0].data(Qt.ItemDataRole.UserRole))

    def _fill_day_list(self) -> None:
        self.day_list.clear()
        day = self.calendar.selectedDate().toString("yyyy-MM-dd")
        for r in self.model.rows():
            if r.starts_at.startswith(day):
                item = QListWidgetItem(
                    tr(
                        "{time} {body} ({status})",
                        time=r.starts_at[11:16],
                        body=r.body,
                        status=label("MEETING_STATUSES", r.status),
                    )
                )
                item.setData(Qt.ItemDataRole.UserRole, r.id)
                self.day_list.addItem(item)
        if not self.day_list.count():
            empty = QListWidgetItem(tr("No meeting on this day."))
            empty.setData(Qt.ItemDataRole.UserRole, "")
            self.day_list.addItem(empty)

    def _day_item(self, item) -> None:
        meeting_id = item.data(Qt.ItemDataRole.UserRole)
        if meeting_id:
            self.select_meeting(meeting_id)
