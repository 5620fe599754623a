"""The people × bodies matrix: who sits where (role and pipeline status in each cell), for
the people the people table currently shows."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor

from kehila_desktop.core.i18n import label
from kehila_desktop.core.people import queries

STATUS_COLOURS = {
    "joined": QColor("#c8e6c9"),
    "declined": QColor("#eeeeee"),
    "left": QColor("#eeeeee"),
    "mapped": QColor("#fff8e1"),
    "proposed": QColor("#ffecb3"),
    "approved": QColor("#ffe082"),
    "invited": QColor("#ffd54f"),
}


class MatrixModel(QAbstractTableModel):
    def __init__(self, people_model, parent=None) -> None:
        super().__init__(parent)
        self.people = people_model
        self.bodies: list[tuple[str, str]] = []
        self.cells: dict[tuple[str, str], list[tuple[str, str]]] = {}
        self.active = False  # follow the people table only while the matrix is showing
        for signal in (people_model.modelReset, people_model.layoutChanged):
            signal.connect(self._people_changed)

    def load(self, conn) -> None:
        self.beginResetModel()
        self.bodies, self.cells = [], {}
        if conn is not None:
            self.bodies = queries.matrix_bodies(conn)
            self.cells = queries.matrix_cells(conn)
        self.endResetModel()

    def _people_changed(self, *args) -> None:
        if not self.active:
            return
        self.beginResetModel()
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else self.people.rowCount()

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.bodies)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.bodies[section][1] if section < len(self.bodies) else None
        person = self.people.person(section)
        return person.name if person else None

    def cell(self, row: int, column: int) -> list[tuple[str, str]]:
        person = self.people.person(row)
        if person is None or column >= len(self.bodies):
            return []
        return self.cells.get((person.id, self.bodies[column][0]), [])

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        entries = self.cell(index.row(), index.column())
        if not entries:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):  # tip: uncut
            return "; ".join(f"{label('ROLES', r)} · {label('PIPELINE', s)}" for r, s in entries)
        if role == Qt.ItemDataRole.BackgroundRole:
            return STATUS_COLOURS.get(entries[-1][1])
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor("#1a1a1a")
        return None
