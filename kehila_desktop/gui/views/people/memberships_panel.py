"""The selected person's memberships (or those of all the selected people, with a column
naming each person): which bodies, in which role, where along the pipeline; add to a body,
edit, move along the pipeline (several selected memberships at once), remove."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kehila_desktop.core.i18n import format_date, standalone_label, tr
from kehila_desktop.core.people.queries import SEATED
from kehila_desktop.core.structure.memberships import NEXT_STATUS

COLUMNS = ("person", "body", "role", "pipeline status", "source", "expected attendance")
ROWS_SHOWN = 6  # a person's memberships seen without scrolling, when the window has room


class MembershipsTable(QTableWidget):
    """Asks for the height of its heading and ``ROWS_SHOWN`` rows (a table's own hint is
    about three), so the splitter gives a person's memberships their room."""

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        rows = ROWS_SHOWN * self.verticalHeader().defaultSectionSize()
        height = self.horizontalHeader().sizeHint().height() + rows + 2 * self.frameWidth()
        scroll = self.horizontalScrollBar().sizeHint().height()  # when the columns overflow
        return QSize(hint.width(), height + scroll)


class MembershipsPanel(QWidget):
    addRequested = Signal()
    editRequested = Signal(str)  # membership id
    advanceRequested = Signal(list)  # the selected memberships' ids
    removeRequested = Signal(str)  # membership id

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[dict] = []
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.table = MembershipsTable(0, len(COLUMNS))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab moves on, arrows move in the table
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(lambda *_: self._emit(self.editRequested))
        self.add_button = QPushButton()
        self.edit_button = QPushButton()
        self.advance_button = QPushButton()
        self.remove_button = QPushButton()
        self.add_button.clicked.connect(self.addRequested.emit)
        self.edit_button.clicked.connect(lambda: self._emit(self.editRequested))
        self.advance_button.clicked.connect(self._advance)
        self.remove_button.clicked.connect(lambda: self._emit(self.removeRequested))
        self.table.itemSelectionChanged.connect(self._update_buttons)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.advance_button, self.remove_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.retranslate()
        self.show_person(None, [])

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [
                tr("Name"),
                tr("Body"),
                tr("Role"),
                tr("Pipeline status"),
                tr("Source"),
                tr("Expected attendance"),
            ]
        )
        self.table.setAccessibleName(tr("memberships"))
        for button, text in (
            (self.add_button, "Add to a body…"),
            (self.edit_button, "Edit…"),
            (self.advance_button, "Next pipeline step"),
            (self.remove_button, "Remove from the body"),
        ):
            button.setText(tr(text))
            button.setAccessibleName(tr(text))
        self.show_person(getattr(self, "_name", None), self.rows, getattr(self, "_several", False))

    def show_person(self, name: str | None, rows: list[dict], several: bool = False) -> None:
        """``rows``: membership dicts with body name under ``body`` (and, when ``several``
        people are shown, the person's name under ``person``)."""
        self._name = name
        self._several = several
        self.rows = rows
        self.table.setColumnHidden(0, not several)
        self.heading.setText(
            tr("Memberships of {person}", person=name)
            if name
            else tr("Choose a person to see their memberships.")
        )
        self.table.setRowCount(len(rows))
        for r, m in enumerate(rows):
            status = standalone_label("PIPELINE", m["status"])
            approval = m.get("approved_by")
            if approval and m["status"] in SEATED:
                where = {"date": format_date(approval.day), "number": approval.number}
                status = (
                    tr("approved at the steering meeting of {date}, decision {number}", **where)
                    if m["status"] == "approved"
                    else tr(
                        "{status} (approved at the steering meeting of {date}, decision {number})",
                        status=status,
                        **where,
                    )
                )
            values = (
                m.get("person", ""),
                m["body"],
                standalone_label("ROLES", m["role"]),
                status,
                standalone_label("MEMBERSHIP_SOURCES", m["source"]),
                f"{m['expected_attendance']}%",
            )
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))
        self.add_button.setEnabled(name is not None)
        self._update_buttons()

    def selected_id(self) -> str | None:
        """The membership the cursor is on (one of the selected), or None."""
        ids = self.selected_ids()
        current = self.table.currentRow()
        if 0 <= current < len(self.rows) and self.rows[current]["id"] in ids:
            return self.rows[current]["id"]
        return ids[0] if ids else None

    def selected_ids(self) -> list[str]:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self.rows[r]["id"] for r in rows if r < len(self.rows)]

    def select(self, membership_id: str) -> None:
        for r, m in enumerate(self.rows):
            if m["id"] == membership_id:
                index = self.table.model().index(r, 0)
                self.table.selectionModel().setCurrentIndex(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )

    def _update_buttons(self) -> None:
        ids = set(self.selected_ids())
        chosen = [m for m in self.rows if m["id"] in ids]
        self.edit_button.setEnabled(len(chosen) == 1)
        self.remove_button.setEnabled(len(chosen) == 1)
        self.advance_button.setEnabled(any(m["status"] in NEXT_STATUS for m in chosen))

    def _advance(self) -> None:
        ids = set(self.selected_ids())
        movable = [m["id"] for m in self.rows if m["id"] in ids and m["status"] in NEXT_STATUS]
        if movable:
            self.advanceRequested.emit(movable)

    def _emit(self, signal) -> None:
        mid = self.selected_id()
        if mid:
            signal.emit(mid)
