"""Budget totals of the plan: per channel (approved and waiting), per year, source and owner."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from kehila_desktop.core.i18n import standalone_label, tr
from kehila_desktop.core.workplan.budget import BudgetTotals, shekels

AMOUNTS = (1, 2, 3)
TRAILING = Qt.AlignmentFlag.AlignTrailing | Qt.AlignmentFlag.AlignVCenter


class BudgetPanel(QTreeWidget):
    """Groups of rows: name, total, approved, waiting for approval."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setColumnCount(4)
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.totals = BudgetTotals()
        self.header().setStretchLastSection(False)

    def retranslate(self) -> None:
        self.setHeaderLabels(
            [tr("Budget"), tr("Total"), tr("Approved"), tr("Waiting for approval")]
        )
        self._align_amounts(self.headerItem())
        self.setAccessibleName(tr("Budget totals"))

    def show_totals(self, totals: BudgetTotals, channel_keys: list[str]) -> None:
        self.totals = totals
        self.clear()
        head = QTreeWidgetItem(
            [tr("Total"), shekels(totals.total), shekels(totals.approved), shekels(totals.waiting)]
        )
        self._bold(head)
        self._align_amounts(head)
        self.addTopLevelItem(head)
        if len(channel_keys) > 1:
            self._group(tr("Channel"))
            for key in channel_keys:
                total = totals.per_channel.get(key, 0)
                approved = totals.approved_per_channel.get(key, 0)
                self._row(standalone_label("CHANNELS", key), total, approved, total - approved)
        for heading, values, empty in (
            (tr("Year"), totals.per_year, tr("no quarters")),
            (tr("Budget source"), totals.per_source, tr("no source")),
            (tr("Owner"), totals.per_owner, tr("no owner")),
        ):
            self._group(heading)
            for key, amount in values.items():
                self._row(key or empty, amount)
        for column in range(4):
            self.resizeColumnToContents(column)
            self.setColumnWidth(column, self.columnWidth(column) + 24)

    def _group(self, text: str) -> None:
        item = QTreeWidgetItem([text])
        self._bold(item)
        item.setFirstColumnSpanned(True)
        self.addTopLevelItem(item)
        item.setFirstColumnSpanned(True)

    def _row(
        self, name: str, total: int, approved: int | None = None, waiting: int | None = None
    ) -> None:
        cells = ["    " + name, shekels(total)]
        if approved is not None:
            cells += [shekels(approved), shekels(waiting or 0)]
        item = QTreeWidgetItem(cells)
        self._align_amounts(item)
        self.addTopLevelItem(item)

    @staticmethod
    def _align_amounts(item: QTreeWidgetItem) -> None:
        """Amounts (and their headings) at the columns' trailing side, the totals' too, so
        each amount sits under its heading and above its total."""
        for column in AMOUNTS:
            item.setTextAlignment(column, TRAILING)

    @staticmethod
    def _bold(item: QTreeWidgetItem) -> None:
        font = item.font(0)
        font.setBold(True)
        for column in range(4):
            item.setFont(column, font)

    def texts(self) -> list[list[str]]:
        """Every row's texts (for tests and for reading aloud)."""
        return [
            [self.topLevelItem(i).text(c) for c in range(4)]
            for i in range(self.topLevelItemCount())
        ]
