"""The people table's model: every person read once by ``core.people_search``, filtered in
memory per keystroke and sorted by column. Re-read only when the file changes."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QColor

from kehila_desktop.core.i18n import join_list, label, standalone_label, tr
from kehila_desktop.core.people.search import (
    PeopleFilter,
    PersonRow,
    filter_rows,
    narrows,
    normalise,
    people_rows,
    prepare,
)

COLUMNS = (
    "name",
    "organisation",
    "sector",
    "area",
    "community",
    "bodies",
    "status",
    "phone",
    "email",
)


def headers() -> dict[str, str]:
    """The table's own headings in the current language (capitalised in English; the
    export's lowercase column names stay as they are, since import reads them)."""
    return {
        "name": tr("Name"),
        "organisation": tr("Organisation"),
        "sector": tr("Sector"),
        "area": tr("Neighbourhood / area"),
        "community": tr("Community"),
        "bodies": tr("Bodies"),
        "status": tr("Pipeline status"),
        "phone": tr("Phone"),
        "email": tr("E-mail"),
    }


NO_CONSENT = QColor("#8a8a8a")
_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.UserRole,
    }
)
PIPELINE_ORDER = ("mapped", "proposed", "approved", "invited", "joined", "declined", "left")


class PeopleTableModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._all: list[PersonRow] = []
        self._rows: list[PersonRow] = []
        self._filter = PeopleFilter()
        self._sort: tuple[int, Qt.SortOrder] = (0, Qt.SortOrder.AscendingOrder)
        self._sector_labels: dict[str, str] = {}
        self._status_labels: dict[frozenset, str] = {}

    # --- data in ------------------------------------------------------------------------
    def load(self, conn) -> None:
        """Re-read every person from the file (after a change or on opening)."""
        self.beginResetModel()
        self._all = people_rows(conn) if conn is not None else []  # ordered by name
        self._relabel()
        if self._sort != (0, Qt.SortOrder.AscendingOrder):
            self._all = self._sorted(self._all)
        self._rows = filter_rows(self._all, self._filter)  # keeps the order
        self.endResetModel()
        # the search keys and memberships are made once the event loop is idle (after the table
        # is painted), so neither opening nor the first keystroke or filter waits for them
        QTimer.singleShot(0, lambda rows=self._all: prepare(rows))

    def set_filter(self, flt: PeopleFilter) -> None:
        self.beginResetModel()
        source = self._rows if narrows(self._filter, flt) else self._all
        self._filter = flt
        self._rows = filter_rows(source, flt)
        self.endResetModel()

    def retranslate(self) -> None:
        self.beginResetModel()
        self._relabel()
        self.endResetModel()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)

    def _relabel(self) -> None:
        self._sector_labels = {}
        self._status_labels = {}

    # --- reading ------------------------------------------------------------------------
    def person(self, row: int) -> PersonRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, person_id: str) -> int:
        for i, person in enumerate(self._rows):
            if person.id == person_id:
                return i
        return -1

    @property
    def total(self) -> int:
        return len(self._all)

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return headers()[COLUMNS[section]]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        # a view asks for many roles per cell: answer the ones we do not use at once
        if role not in _ROLES or not index.isValid():
            return None
        person = self._rows[index.row()]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(person, column)
        if column in ("phone", "email") and not person.contact_consent:
            # contact details kept without consent are shown greyed, and say why
            if role == Qt.ItemDataRole.ToolTipRole and (person.phone or person.email):
                return tr("No consent to keep contact details.")
            if role == Qt.ItemDataRole.ForegroundRole:
                return NO_CONSENT
        if role == Qt.ItemDataRole.UserRole:
            return person.id
        return None

    def _text(self, person: PersonRow, column: str) -> str:
        if column == "sector":
            cached = self._sector_labels.get(person.sector)
            if cached is None:
                cached = self._sector_labels[person.sector] = standalone_label(
                    "SECTORS", person.sector
                )
            return cached
        if column == "status":
            cached = self._status_labels.get(person.statuses)
            if cached is None:
                cached = self._status_labels[person.statuses] = join_list(
                    label("PIPELINE", s) for s in PIPELINE_ORDER if s in person.statuses
                )
            return cached
        return getattr(person, column)

    # --- sorting ------------------------------------------------------------------------
    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        """Sort every row (kept sorted, so each keystroke only filters)."""
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self._all = self._sorted(self._all)
        self._rows = filter_rows(self._all, self._filter)
        self.layoutChanged.emit()

    def _sorted(self, rows: list[PersonRow]) -> list[PersonRow]:
        column, order = self._sort
        name = COLUMNS[column]
        keyed = [(normalise(self._text(p, name)), p.name, p.id, p) for p in rows]
        keyed.sort(
            key=lambda k: (k[0] == "", k[0], k[1], k[2]),
            reverse=order == Qt.SortOrder.DescendingOrder,
        )
        return [k[3] for k in keyed]
