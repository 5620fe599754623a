"""The meetings list's model: every meeting read in one query (with agenda totals), filtered in
memory by body, status and text; attendance rates (``core.meetings.meeting_rates``) are added
by ``load_rates`` just after the first paint. Re-read only when the file changes."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor

from kehila_desktop.core.i18n import minutes, standalone_label, tr
from kehila_desktop.core.meetings.records import meeting_rates
from kehila_desktop.core.meetings import queries as mq
from kehila_desktop.gui.widgets import short_datetime

_ROOT = QModelIndex()
COLUMNS = ("when", "body", "kind", "status", "attendance", "agenda", "note")


@dataclass
class MeetingRow:
    id: str
    body_id: str
    body: str
    starts_at: str
    minutes: int
    kind: str
    status: str
    place: str
    schedule_note: str
    agenda_minutes: int
    attended: int | None = None
    expected: int | None = None

    @property
    def rate(self) -> float | None:
        return self.attended / self.expected if self.expected else None


def meeting_rows(conn, rates: bool = True) -> list[MeetingRow]:
    out = [MeetingRow(*r) for r in mq.meeting_list(conn)]
    if rates:
        add_rates(conn, out)
    return out


def add_rates(conn, rows: list[MeetingRow]) -> None:
    rates = meeting_rates(conn)
    for row in rows:
        rate = rates.get(row.id)
        if rate is not None:
            row.attended, row.expected = rate.attended, rate.expected


class MeetingsTableModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._all: list[MeetingRow] = []
        self._rows: list[MeetingRow] = []
        self._body: str | None = None
        self._status: str | None = None
        self._text = ""

    def load(self, conn, rates: bool = True) -> None:
        self.beginResetModel()
        self._all = meeting_rows(conn, rates) if conn is not None else []
        self._rows = self._filtered()
        self.endResetModel()

    def load_rates(self, conn) -> None:
        """Fill in the attendance column (after the list is on screen)."""
        add_rates(conn, self._all)
        if self._rows:
            column = COLUMNS.index("attendance")
            self.dataChanged.emit(self.index(0, column), self.index(len(self._rows) - 1, column))

    def set_filter(
        self, body_id: str | None = None, status: str | None = None, text: str = ""
    ) -> None:
        self.beginResetModel()
        self._body, self._status, self._text = body_id, status, text.strip().casefold()
        self._rows = self._filtered()
        self.endResetModel()

    def _filtered(self) -> list[MeetingRow]:
        body, status, text = self._body, self._status, self._text
        return [
            r
            for r in self._all
            if (not body or r.body_id == body)
            and (not status or r.status == status)
            and (
                not text
                or text in r.body.casefold()
                or text in r.starts_at
                or text in short_datetime(r.starts_at)
                or text in r.place.casefold()
            )
        ]

    def rows(self) -> list[MeetingRow]:
        return self._rows

    def all_rows(self) -> list[MeetingRow]:
        return self._all

    def meeting(self, row: int) -> MeetingRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, meeting_id: str) -> int:
        for i, r in enumerate(self._rows):
            if r.id == meeting_id:
                return i
        return -1

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(COLUMNS) - 1)
            )

    # --- Qt model ---------------------------------------------------------------------------
    def rowCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return {
                "when": tr("When"),
                "body": tr("Body"),
                "kind": tr("Kind"),
                "status": tr("Status"),
                "attendance": tr("Attendance"),
                "agenda": tr("Agenda"),
                "note": tr("Schedule note"),
            }[COLUMNS[section]]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        row = self.meeting(index.row())
        if row is None:
            return None
        col = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if col == "when":
                return short_datetime(row.starts_at)
            if col == "body":
                return row.body
            if col == "kind":
                return standalone_label("MEETING_KINDS", row.kind)
            if col == "status":
                return standalone_label("MEETING_STATUSES", row.status)
            if col == "attendance":
                if row.rate is None:
                    return ""
                return tr(
                    "{attended} of {expected} ({rate}%)",
                    attended=row.attended,
                    expected=row.expected,
                    rate=round(row.rate * 100),
                )
            if col == "agenda":
                return tr(
                    "{planned} / {length} min", planned=row.agenda_minutes, length=row.minutes
                )
            if col == "note":
                return row.schedule_note
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == "agenda" and row.agenda_minutes > row.minutes:
                return QColor("#b00020")
            if col == "status" and row.status == "cancelled":
                return QColor("#777777")
        if role == Qt.ItemDataRole.ToolTipRole and col in ("kind", "status"):
            return self.data(index)
        if (
            role == Qt.ItemDataRole.ToolTipRole
            and col == "agenda"
            and row.agenda_minutes > row.minutes
        ):
            return tr(
                "The agenda runs {over} over the meeting.",
                over=minutes(row.agenda_minutes - row.minutes),
            )
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None
