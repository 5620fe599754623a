"""The meetings view's bar above the list: the body and status filters, the search, and the
buttons New meeting, Generate from cadence… and Export calendar… (their commands are in
``meeting_actions``). A mixin of the meetings ``View``; the list (``self.model``) is filtered."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QPushButton

from kehila_desktop.core import enums
from kehila_desktop.core.i18n import label, tr
from kehila_desktop.core.structure import queries as sq


class FilterBar:
    def _build_filter_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.body_filter = QComboBox()
        self.status_filter = QComboBox()
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.new_button = QPushButton()
        self.schedule_button = QPushButton()
        self.ics_button = QPushButton()
        for w in (self.body_filter, self.status_filter):
            # as wide as its texts in the current language (also after a language change)
            w.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            bar.addWidget(w)
        bar.addWidget(self.search, 1)
        for w in (self.new_button, self.schedule_button, self.ics_button):
            bar.addWidget(w)
        return bar

    def _connect_filter_bar(self) -> None:
        self.body_filter.currentIndexChanged.connect(self._filter)
        self.status_filter.currentIndexChanged.connect(self._filter)
        self.search.textChanged.connect(self._filter)
        self.new_button.clicked.connect(self.new_meeting)
        self.schedule_button.clicked.connect(self.generate_dialog)
        self.ics_button.clicked.connect(self.export_ics)

    def _retranslate_filter_bar(self) -> None:
        for w, text in (
            (self.body_filter, tr("Show meetings of")),
            (self.status_filter, tr("Status filter")),
            (self.search, tr("Search meetings")),
        ):
            w.setAccessibleName(text)
        self.search.setPlaceholderText(tr("Search by date, body or place"))
        for b, text in (
            (self.new_button, tr("New meeting")),
            (self.schedule_button, tr("Generate from cadence…")),
            (self.ics_button, tr("Export calendar…")),
        ):
            b.setText(text)
            b.setAccessibleName(text)

    def _fill_statuses(self) -> None:
        self.status_filter.blockSignals(True)
        current = self.status_filter.currentData() or ""
        self.status_filter.clear()
        self.status_filter.addItem(tr("Every status"), "")
        for key in enums.MEETING_STATUSES:
            self.status_filter.addItem(label("MEETING_STATUSES", key), key)
        self.status_filter.setCurrentIndex(max(0, self.status_filter.findData(current)))
        self.status_filter.blockSignals(False)

    def _fill_bodies(self, conn) -> None:
        current = self.body_filter.currentData() or ""
        self.body_filter.blockSignals(True)
        self.body_filter.clear()
        self.body_filter.addItem(tr("All bodies"), "")
        for bid, name, _kind in sq.bodies(conn):
            self.body_filter.addItem(name, bid)
        self.body_filter.setCurrentIndex(max(0, self.body_filter.findData(current)))
        self.body_filter.blockSignals(False)

    def _apply_filter(self) -> None:
        self.model.set_filter(
            self.body_filter.currentData(), self.status_filter.currentData(), self.search.text()
        )

    def _filter(self, *_args) -> None:
        selected = self.current_meeting_id()
        self._apply_filter()
        self._mark_calendar()
        self._fill_side_tabs()
        if selected and self.model.row_of(selected) >= 0:
            self.select_meeting(selected)
        else:
            self.select_meeting(self._default_meeting())

    def _show_every_meeting(self) -> None:
        """Clear the search and the filters (a meeting to show was filtered out)."""
        self.search.clear()
        self.status_filter.setCurrentIndex(0)
        self.body_filter.setCurrentIndex(0)
