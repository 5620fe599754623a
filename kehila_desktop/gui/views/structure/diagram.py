"""The drawn diagram of the program's four mechanisms: steering committee above the design
committee, one work team per channel below it (their representatives sit in the design
committee), the program team beside them. Each box shows name, chair, members and cadence.
Click or use the arrow keys to select a body. Drawn mirrored in right-to-left languages."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from kehila_desktop.core.i18n import ntr, tr
from kehila_desktop.gui.widgets import plain_tip


@dataclass
class BodyBox:
    id: str
    kind: str
    name: str
    chair: str
    members: int
    cadence: str
    channel_chosen: bool = True
    chair_proposed: bool = False  # the chair has not joined yet
    principal: bool = True  # the body of its kind the app means (core live_body_id)


COLORS = {
    "steering": ("#e8eefa", "#3b5b95"),
    "design": ("#e9f6ee", "#2f7a4c"),
    "work_team": ("#fdf3e3", "#a86b12"),
    "program_team": ("#f1ebf8", "#6a4a94"),
}
BOX_W, BOX_H = 230.0, 92.0
WRAP = Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap  # names wrap, never cut


class StructureDiagram(QWidget):
    bodySelected = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.boxes: list[BodyBox] = []
        self.selected_id = ""
        self.rects: dict[str, QRectF] = {}
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(400, 420)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(760, 520)

    def set_boxes(self, boxes: list[BodyBox]) -> None:
        self.boxes = boxes
        if self.selected_id not in {b.id for b in boxes}:
            self.selected_id = ""
        self.setAccessibleDescription(
            "; ".join(self._box_text(b).replace("\n", ", ") for b in boxes)
        )
        self.update()

    def select(self, body_id: str, *, emit: bool = True) -> None:
        if body_id == self.selected_id:
            return
        self.selected_id = body_id
        self.update()
        if emit:
            self.bodySelected.emit(body_id)

    # --- geometry -----------------------------------------------------------------------
    def _layout(self) -> dict[str, QRectF]:
        w, h = float(self.width()), float(self.height())
        bw = min(BOX_W, (w - 40) / 3.4)
        teams = [b for b in self.boxes if b.kind == "work_team"]
        tw = bw
        if teams:
            gap = 12.0
            total = len(teams) * bw + (len(teams) - 1) * gap
            tw = bw * min(1.0, (w - 32) / total)
        bh = max(
            [BOX_H]
            + [self._text_height(b, tw if b.kind == "work_team" else bw) for b in self.boxes]
        )
        rects: dict[str, QRectF] = {}
        main_x = (w - bw) / 2 - bw * 0.35
        side_x = w - bw - 16
        rows = (24.0, h * 0.36, h - bh - 24)
        for box in self.boxes:
            if box.kind == "steering":
                rects[box.id] = QRectF(main_x, rows[0], bw, bh)
            elif box.kind == "design":
                rects[box.id] = QRectF(main_x, rows[1], bw, bh)
            elif box.kind == "program_team":
                rects[box.id] = QRectF(side_x, rows[1], bw, bh)
        if teams:
            x = max(16.0, (w - (len(teams) * tw + (len(teams) - 1) * gap)) / 2)
            for team in teams:
                rects[team.id] = QRectF(x, rows[2], tw, bh)
                x += tw + gap
        if self.isRightToLeft():  # mirror: the drawing reads from the right
            rects = {
                k: QRectF(w - r.right(), r.top(), r.width(), r.height()) for k, r in rects.items()
            }
        return rects

    def _fonts(self) -> tuple[QFont, QFont]:
        title = QFont(self.font())
        title.setBold(True)
        body = QFont(self.font())
        body.setPointSizeF(max(7.0, body.pointSizeF() * 0.9))
        return title, body

    def _text_height(self, box: BodyBox, width: float) -> float:
        """The height a box of ``width`` needs to show its name and lines wrapped, whole."""
        title, body = self._fonts()
        inner = QRectF(0, 0, width - 16, 100000)
        lines = self._box_text(box).split("\n")
        needed = QFontMetricsF(title).boundingRect(inner, WRAP, lines[0]).height() + 4
        for line in lines[1:]:
            needed += QFontMetricsF(body).boundingRect(inner, WRAP, line).height()
        return needed + 12

    # --- painting -----------------------------------------------------------------------
    def linked_boxes(self) -> dict[str, BodyBox]:
        """The box of each kind the arrows join: *the* body of its kind, the first live one,
        as the rest of the app means it (a second steering committee gets no arrows)."""
        return {b.kind: b for b in self.boxes if b.principal}

    def paintEvent(self, _event) -> None:
        self.rects = self._layout()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setLayoutDirection(self.layoutDirection())
        painter.fillRect(self.rect(), QColor("#fbfcfd"))
        by_kind = self.linked_boxes()
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.85))
        link_pen = QPen(QColor("#7b8794"), 1.6)
        steering, design = by_kind.get("steering"), by_kind.get("design")
        if steering and design:
            a, b = self.rects[steering.id], self.rects[design.id]
            self._arrow(
                painter,
                QPointF(a.center().x(), a.bottom()),
                QPointF(b.center().x(), b.top()),
                link_pen,
            )
            self._caption(
                painter,
                small,
                QRectF(a.left() - 40, a.bottom() + 4, a.width() + 80, b.top() - a.bottom() - 8),
                tr("decides the composition"),
            )
        teams = [b for b in self.boxes if b.kind == "work_team"]
        if design and teams:
            d = self.rects[design.id]
            bus_y = (d.bottom() + self.rects[teams[0].id].top()) / 2
            painter.setPen(link_pen)
            xs = [self.rects[t.id].center().x() for t in teams]
            painter.drawLine(QPointF(min(xs), bus_y), QPointF(max(xs), bus_y))
            for x, team in zip(xs, teams):
                painter.drawLine(QPointF(x, self.rects[team.id].top()), QPointF(x, bus_y))
            self._arrow(
                painter,
                QPointF(d.center().x(), bus_y),
                QPointF(d.center().x(), d.bottom()),
                link_pen,
            )
            self._caption(
                painter,
                small,
                QRectF(
                    d.center().x() + 8 if not self.isRightToLeft() else d.center().x() - 8 - 260,
                    d.bottom() + 2,
                    260,
                    bus_y - d.bottom() - 4,
                ),
                tr("work-team representatives sit in the design committee"),
            )
        team = by_kind.get("program_team")
        if team and design:
            a, b = self.rects[design.id], self.rects[team.id]
            dashed = QPen(QColor("#9a86b8"), 1.4, Qt.PenStyle.DashLine)
            left, right = (a, b) if a.center().x() < b.center().x() else (b, a)
            painter.setPen(dashed)
            painter.drawLine(
                QPointF(left.right(), a.center().y()), QPointF(right.left(), a.center().y())
            )
            self._caption(
                painter,
                small,
                QRectF(left.right() + 4, a.center().y() - 40, right.left() - left.right() - 8, 36),
                tr("leads and implements"),
            )
        for box in sorted(self.boxes, key=lambda b: b.principal):  # the body of its kind on top
            self._box(painter, box, self.rects[box.id])
        painter.end()

    def _box(self, painter: QPainter, box: BodyBox, rect: QRectF) -> None:
        fill, edge = COLORS.get(box.kind, ("#ffffff", "#555555"))
        selected = box.id == self.selected_id
        path = QPainterPath()
        path.addRoundedRect(rect, 8, 8)
        painter.fillPath(path, QColor(fill) if box.channel_chosen else QColor("#f0f0f0"))
        pen = QPen(QColor(edge), 3.0 if selected else 1.3)
        if not box.channel_chosen:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawPath(path)
        if selected and self.hasFocus():
            painter.setPen(QPen(QColor(edge), 1, Qt.PenStyle.DotLine))
            painter.drawRoundedRect(rect.adjusted(-5, -5, 5, 5), 10, 10)
        inner = rect.adjusted(8, 6, -8, -6)
        title, body_font = self._fonts()
        lines = self._box_text(box).split("\n")
        y = inner.top()
        for n, (font, color, line) in enumerate(
            [(title, "#1d2733", lines[0])] + [(body_font, "#3c4652", t) for t in lines[1:]]
        ):
            painter.setFont(font)
            painter.setPen(QColor(color))
            room = QRectF(inner.left(), y, inner.width(), inner.bottom() - y)
            used = painter.fontMetrics().boundingRect(room.toRect(), WRAP, line)
            painter.drawText(room, int(WRAP | Qt.AlignmentFlag.AlignTop), line)
            y += used.height() + (4 if n == 0 else 0)

    def _box_text(self, box: BodyBox) -> str:
        chair = tr("No chair yet")
        if box.chair:
            chair = (
                tr("Proposed chair: {name}", name=box.chair)
                if box.chair_proposed
                else tr("Chair: {name}", name=box.chair)
            )
        members = ntr("{n} member", "{n} members", box.members)
        cadence = box.cadence
        if not box.channel_chosen:
            cadence = tr("channel not chosen")
        return "\n".join((box.name, chair, members, cadence))

    @staticmethod
    def _caption(painter: QPainter, font: QFont, rect: QRectF, text: str) -> None:
        painter.setFont(font)
        painter.setPen(QColor("#5b6775"))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, text)

    @staticmethod
    def _arrow(painter: QPainter, start: QPointF, end: QPointF, pen: QPen) -> None:
        painter.setPen(pen)
        painter.drawLine(start, end)
        direction = 1 if end.y() > start.y() else -1
        head = QPolygonF(
            [
                end,
                QPointF(end.x() - 5, end.y() - 9 * direction),
                QPointF(end.x() + 5, end.y() - 9 * direction),
            ]
        )
        painter.setBrush(pen.color())
        painter.drawPolygon(head)
        painter.setBrush(Qt.BrushStyle.NoBrush)

    # --- input --------------------------------------------------------------------------
    def mousePressEvent(self, event) -> None:
        for body_id, rect in self.rects.items():
            if rect.contains(event.position()):
                self.select(body_id)
                return
        super().mousePressEvent(event)

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:  # the whole text of a box, never elided
            for box in self.boxes:
                rect = self.rects.get(box.id)
                if rect is not None and rect.contains(QPointF(event.pos())):
                    QToolTip.showText(event.globalPos(), plain_tip(self._box_text(box)), self)
                    return True
            QToolTip.hideText()
            event.ignore()
            return True
        return super().event(event)

    def keyPressEvent(self, event) -> None:
        ids = [b.id for b in self.boxes]
        if not ids:
            return super().keyPressEvent(event)
        keys = {Qt.Key.Key_Down: 1, Qt.Key.Key_Right: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_Left: -1}
        step = keys.get(event.key())
        if step is None:
            return super().keyPressEvent(event)
        if self.isRightToLeft() and event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            step = -step
        current = ids.index(self.selected_id) if self.selected_id in ids else -1
        self.select(ids[(current + step) % len(ids)])

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self.update()
