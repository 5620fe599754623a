"""The quarter-by-quarter timeline of the plan's actions, drawn with QPainter.

Rows are grouped by channel and goal; each action is a bar from its start to its end quarter.
Time runs in the reading direction: right to left in Hebrew and Arabic (the widget follows its
layout direction), left to right in English. The quarters span the program's timeline (its
start and end dates) widened to every action's quarters.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from kehila_desktop.core.i18n import label, ntr, standalone_label, tr
from kehila_desktop.core.workplan.plans import QUARTER, quarter_short, quarters_between
from kehila_desktop.core.workplan import queries as wq

ROW_H = 24
HEAD_H = 44
LABEL_W = 260
QUARTER_W = 56
STATUS_COLOURS = {
    "planned": "#5b8def",
    "in_progress": "#e0a030",
    "done": "#3aa56b",
    "stopped": "#9a9a9a",
}


@dataclass
class TimelineRow:
    kind: str  # channel / goal / action
    text: str
    item_id: str = ""
    start: str = ""
    end: str = ""
    status: str = ""


def program_quarters(conn, plans) -> list[str]:
    """The program's quarters (from its dates) widened to every action's quarters."""
    row = wq.program_dates(conn)
    found = []
    for date in row or ():
        if date and len(date) >= 7 and date[:4].isdigit():
            found.append(f"{date[:4]}Q{(int(date[5:7]) - 1) // 3 + 1}")
    for plan in plans:
        for action in plan.actions():
            found += [q for q in (action.start_quarter, action.end_quarter) if QUARTER.match(q)]
    if not found:
        from datetime import date as _date

        year = _date.today().year
        return [f"{year}Q{q}" for q in range(1, 5)]
    return list(quarters_between(min(found), max(found)))


class TimelineChart(QWidget):
    """``set_plans(plans, quarters)``; ``rows`` and ``quarters`` say what is drawn. Clicking
    an action's row emits ``actionActivated(action id)``."""

    actionActivated = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[TimelineRow] = []
        self.quarters: list[str] = []
        self.current = -1  # the row the keyboard is on
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_plans(self, plans, quarters: list[str]) -> None:
        self.quarters = list(quarters)
        kept = self.rows[self.current].item_id if 0 <= self.current < len(self.rows) else ""
        self.rows = []
        for plan in plans:
            actions = plan.actions()
            if len(plans) > 1 and not actions:
                continue
            if len(plans) > 1:
                self.rows.append(
                    TimelineRow("channel", standalone_label("CHANNELS", plan.key), plan.id)
                )
            for goal in plan.goals:
                self.rows.append(TimelineRow("goal", goal.title or tr("untitled"), goal.id))
                for objective in goal.objectives:
                    for action in objective.actions:
                        self.rows.append(
                            TimelineRow(
                                "action",
                                action.title or tr("untitled"),
                                action.id,
                                action.start_quarter,
                                action.end_quarter,
                                action.status,
                            )
                        )
        self.setAccessibleDescription(
            tr(
                "{actions} over {quarters}",
                actions=ntr(
                    "{n} action", "{n} actions", sum(r.kind == "action" for r in self.rows)
                ),
                quarters=ntr("{n} quarter", "{n} quarters", len(self.quarters)),
            )
        )
        ids = [r.item_id for r in self.rows]
        self.current = ids.index(kept) if kept in ids else -1
        self.updateGeometry()
        self.setMinimumHeight(self.sizeHint().height())
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(
            LABEL_W + QUARTER_W * max(1, len(self.quarters)) + 8,
            HEAD_H + ROW_H * max(1, len(self.rows)) + 8,
        )

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def row_at(self, y: int) -> TimelineRow | None:
        n = (y - HEAD_H) // ROW_H
        return self.rows[n] if y >= HEAD_H and 0 <= n < len(self.rows) else None

    def keyPressEvent(self, event) -> None:
        """Up/Down/Home/End walk the actions; Enter opens the current one."""
        actions = [n for n, r in enumerate(self.rows) if r.kind == "action"]
        key = event.key()
        if not actions:
            return super().keyPressEvent(event)
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            if 0 <= self.current < len(self.rows):
                self.actionActivated.emit(self.rows[self.current].item_id)
            return
        later = [n for n in actions if n > self.current]
        earlier = [n for n in actions if n < self.current]
        target = {
            Qt.Key.Key_Down: later[0] if later else None,
            Qt.Key.Key_Up: earlier[-1] if earlier else None,
            Qt.Key.Key_Home: actions[0],
            Qt.Key.Key_End: actions[-1],
        }.get(key, -2)
        if target == -2:
            return super().keyPressEvent(event)
        if target is not None:
            self.set_current(target)

    def set_current(self, n: int) -> None:
        self.current = n
        row = self.rows[n]
        self.setAccessibleDescription(f"{row.text}: {row.start or '?'} – {row.end or row.start}")
        scroll = self.parentWidget().parentWidget() if self.parentWidget() else None
        if hasattr(scroll, "ensureVisible"):
            scroll.ensureVisible(self.width() // 2, HEAD_H + n * ROW_H + ROW_H // 2, 0, ROW_H)
        self.update()

    def mousePressEvent(self, event) -> None:
        row = self.row_at(int(event.position().y()))
        if row is not None and row.kind == "action":
            self.actionActivated.emit(row.item_id)
        super().mousePressEvent(event)

    def current_quarter_index(self) -> int:
        from datetime import date

        today = date.today()
        quarter = f"{today.year}Q{(today.month - 1) // 3 + 1}"
        return self.quarters.index(quarter) if quarter in self.quarters else -1

    # --- geometry ------------------------------------------------------------------------
    def rtl(self) -> bool:
        return self.layoutDirection() == Qt.LayoutDirection.RightToLeft

    def quarter_rect(self, index: int, top: int, height: int) -> QRect:
        """Where quarter ``index`` is drawn: from the label column onward, in reading order."""
        if self.rtl():
            right = self.width() - LABEL_W - index * QUARTER_W
            return QRect(right - QUARTER_W, top, QUARTER_W, height)
        return QRect(LABEL_W + index * QUARTER_W, top, QUARTER_W, height)

    def label_rect(self, top: int, height: int) -> QRect:
        if self.rtl():
            return QRect(self.width() - LABEL_W + 6, top, LABEL_W - 12, height)
        return QRect(6, top, LABEL_W - 12, height)

    def bar_rect(self, row: TimelineRow, top: int) -> QRect | None:
        if row.start not in self.quarters:
            return None
        first = self.quarters.index(row.start)
        last = self.quarters.index(row.end) if row.end in self.quarters else first
        a = self.quarter_rect(first, top + 5, ROW_H - 10)
        b = self.quarter_rect(last, top + 5, ROW_H - 10)
        return a.united(b).adjusted(3, 0, -3, 0)

    def _legend(self, p: QPainter) -> None:
        """The status colours, two by two, in the header of the label column."""
        small = QFont(self.font())
        small.setPointSizeF(max(6.0, small.pointSizeF() * 0.85))
        p.setFont(small)
        half = (LABEL_W - 12) // 2
        for n, (status, colour) in enumerate(STATUS_COLOURS.items()):
            cell = self.label_rect(4 + (n // 2) * (HEAD_H // 2 - 2), HEAD_H // 2 - 4)
            cell.setWidth(half)
            if self.rtl():
                cell.moveRight(self.label_rect(0, 1).right() - (n % 2) * half)
            else:
                cell.moveLeft(self.label_rect(0, 1).left() + (n % 2) * half)
            swatch = QRect(0, cell.top() + (cell.height() - 10) // 2, 18, 10)
            if self.rtl():
                swatch.moveRight(cell.right())
                text_rect = cell.adjusted(0, 0, -24, 0)
            else:
                swatch.moveLeft(cell.left())
                text_rect = cell.adjusted(24, 0, 0, 0)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(colour))
            p.drawRoundedRect(swatch, 3, 3)
            p.setPen(QColor("#333333"))
            p.drawText(
                text_rect,
                Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter,
                label("ACTION_STATUSES", status),
            )

    # --- painting ------------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        p = QPainter(self)
        area = event.rect()
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("#ffffff"))
        # the painter mirrors Leading in right-to-left: labels start at the reading edge
        align = Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter
        bottom = HEAD_H + ROW_H * len(self.rows)
        grid = QPen(QColor("#dfe3ea"))
        year_font = QFont(self.font())
        year_font.setBold(True)
        previous_year = None
        for i, quarter in enumerate(self.quarters):
            cell = self.quarter_rect(i, 0, bottom)
            if i % 2:
                p.fillRect(cell.adjusted(0, HEAD_H, 0, 0), QColor("#f6f8fb"))
            p.setPen(grid)
            p.drawLine(cell.topLeft(), cell.bottomLeft())
            p.drawLine(cell.topRight(), cell.bottomRight())
            p.setPen(QColor("#333333"))
            year, q = quarter[:4], quarter_short(quarter)
            p.setFont(self.font())
            p.drawText(
                self.quarter_rect(i, HEAD_H // 2, HEAD_H // 2), Qt.AlignmentFlag.AlignCenter, q
            )
            if year != previous_year:
                p.setFont(year_font)
                head = self.quarter_rect(i, 0, HEAD_H // 2)
                p.drawText(head.adjusted(4, 0, -4, 0), align | Qt.AlignmentFlag.AlignVCenter, year)
                previous_year = year
        self._legend(p)
        p.setPen(grid)
        p.drawLine(0, HEAD_H, self.width(), HEAD_H)
        bold = QFont(self.font())
        bold.setBold(True)
        first = max(0, (area.top() - HEAD_H) // ROW_H)
        last = min(len(self.rows), (area.bottom() - HEAD_H) // ROW_H + 1)
        for n in range(first, last):  # only the rows being painted
            row = self.rows[n]
            top = HEAD_H + n * ROW_H
            if row.kind == "channel":
                p.fillRect(QRect(0, top, self.width(), ROW_H), QColor("#e8edf5"))
            if n == self.current:
                p.fillRect(
                    QRect(0, top, self.width(), ROW_H),
                    QColor("#cfe0ff" if self.hasFocus() else "#e6eefc"),
                )
            p.setFont(bold if row.kind != "action" else self.font())
            p.setPen(QColor("#1f2a3a"))
            rect = self.label_rect(top, ROW_H)
            if row.kind == "action":
                rect = rect.adjusted(0, 0, -14, 0) if self.rtl() else rect.adjusted(14, 0, 0, 0)
            text = p.fontMetrics().elidedText(row.text, Qt.TextElideMode.ElideRight, rect.width())
            p.drawText(rect, align, text)
            bar = self.bar_rect(row, top) if row.kind == "action" else None
            if bar is not None:
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(QColor(STATUS_COLOURS.get(row.status, "#5b8def")))
                p.drawRoundedRect(bar, 4, 4)
            p.setPen(grid)
            p.drawLine(0, top + ROW_H, self.width(), top + ROW_H)
        now = self.current_quarter_index()
        if now >= 0:  # today: a line through the current quarter
            cell = self.quarter_rect(now, HEAD_H, bottom - HEAD_H)
            p.setPen(QPen(QColor("#d04040"), 2, Qt.PenStyle.DashLine))
            p.drawLine(cell.center().x(), HEAD_H, cell.center().x(), bottom)
        if not self.rows:
            p.setPen(QColor("#666666"))
            p.drawText(
                QRect(0, HEAD_H, self.width(), ROW_H * 2),
                Qt.AlignmentFlag.AlignCenter,
                tr("No actions yet."),
            )
        p.end()
