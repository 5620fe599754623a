"""The composition chart, drawn with QPainter: one bar per sector (its share of the body's
joined members, residents' sectors in their own colour) and, on top, the residents' share
against the program's target (a dashed line). Follows the layout direction: in Hebrew and
Arabic the bars grow from the right."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QStyle, QWidget

from kehila_desktop.core import enums
from kehila_desktop.core.structure.composition import RESIDENT_SECTORS, Composition
from kehila_desktop.core.i18n import standalone_label, tr

RESIDENT_COLOUR = QColor("#2e7d32")
OTHER_COLOUR = QColor("#1e5fa8")
BELOW_COLOUR = QColor("#c62828")
EMPTY_COLOUR = QColor("#9e9e9e")


class CompositionChart(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.comp: Composition | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setAccessibleName(tr("composition chart"))

    def set_composition(self, comp: Composition | None) -> None:
        self.comp = comp
        self.setAccessibleName(tr("composition chart"))
        self.setAccessibleDescription(self.describe())
        self.updateGeometry()
        self.update()

    def describe(self) -> str:
        """The chart in words (for screen readers and tests)."""
        comp = self.comp
        if comp is None:
            return ""
        parts = [
            tr(
                "Residents: {share}% (target {target}%).",
                share=round(comp.residents_pct),
                target=comp.target_pct,
            )
        ]
        for key in enums.SECTORS:
            parts.append(f"{standalone_label('SECTORS', key)}: {comp.by_sector.get(key, 0)}")
        return " ".join(parts)

    def _rows(self) -> int:
        return len(enums.SECTORS) + 2

    def sizeHint(self) -> QSize:
        line = QFontMetrics(self.font()).height() + 8
        return QSize(520, line * self._rows() + 24)

    def minimumSizeHint(self) -> QSize:
        return QSize(320, self.sizeHint().height())

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        comp = self.comp
        fm = QFontMetrics(self.font())
        line = fm.height() + 8
        direction = self.layoutDirection()
        width = self.width() - 16
        label_w = min(
            width // 2,
            max(fm.horizontalAdvance(standalone_label("SECTORS", k)) for k in enums.SECTORS) + 16,
        )
        value_w = fm.horizontalAdvance("100% (999)") + 12
        bar_x = 8 + label_w
        bar_w = max(40, width - label_w - value_w)

        def visual(x, y, w, h) -> QRect:
            return QStyle.visualRect(direction, self.rect(), QRect(x, y, w, h))

        leading = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeading

        def text(x, y, w, h, s, align=leading):
            painter.drawText(visual(x, y, w, h), int(QStyle.visualAlignment(direction, align)), s)

        painter.setPen(self.palette().text().color())
        if comp is None or comp.total == 0:
            text(8, 8, width, line, tr("Nobody has joined this body yet."))
            painter.end()
            return
        y = 8
        # the residents' share against the target
        share = comp.residents_pct
        text(8, y, label_w - 8, line, tr("Residents"))
        painter.fillRect(visual(bar_x, y + 4, bar_w, line - 8), QColor("#eeeeee"))
        colour = BELOW_COLOUR if comp.residents_below_target else RESIDENT_COLOUR
        painter.fillRect(visual(bar_x, y + 4, int(bar_w * share / 100), line - 8), colour)
        tx = bar_x + int(bar_w * comp.target_pct / 100)
        pen = QPen(self.palette().text().color(), 2, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        target_line = visual(tx, y, 1, line * 2 - 4)
        painter.drawLine(
            target_line.left(), target_line.top(), target_line.left(), target_line.bottom()
        )
        painter.setPen(self.palette().text().color())
        text(bar_x + bar_w + 6, y, value_w, line, f"{round(share)}% ({comp.residents})")
        y += line
        text(tx + 8, y, bar_w, line, tr("target {target}%", target=comp.target_pct))
        y += line
        for key in enums.SECTORS:
            count = comp.by_sector.get(key, 0)
            pct = 100.0 * count / comp.total
            text(8, y, label_w - 8, line, standalone_label("SECTORS", key))
            if count:
                c = RESIDENT_COLOUR if key in RESIDENT_SECTORS else OTHER_COLOUR
                painter.fillRect(visual(bar_x, y + 4, max(2, int(bar_w * pct / 100)), line - 8), c)
                text(bar_x + bar_w + 6, y, value_w, line, f"{round(pct)}% ({count})")
            else:
                painter.setPen(EMPTY_COLOUR)
                text(bar_x, y, bar_w, line, tr("nobody"))
                painter.setPen(self.palette().text().color())
            y += line
        painter.end()
