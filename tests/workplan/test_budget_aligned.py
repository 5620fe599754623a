"""The Budget tab's total row sits under its columns: every amount, the total's included, ends
at the same side of its column as the amounts above it and its heading, in every language."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QStyle

from kehila_desktop.core.i18n import set_language
from kehila_desktop.core.workplan.budget import BudgetTotals
from kehila_desktop.gui.views.workplan.budget_panel import BudgetPanel


def _text_edge(panel, item, column, rtl) -> int:
    """Where the painted text of a cell ends, on its column's trailing side."""
    index = panel.indexFromItem(item, column)
    rect = panel.visualRect(index)
    width = QFontMetrics(item.font(column)).horizontalAdvance(item.text(column))
    alignment = Qt.AlignmentFlag(item.textAlignment(column)) or Qt.AlignmentFlag.AlignLeading
    placed = QStyle.alignedRect(panel.layoutDirection(), alignment, QSize(width, 1), rect)
    return placed.left() if rtl else placed.right()


@pytest.mark.parametrize("language", ["he", "ar", "en"])
def test_the_total_row_sits_under_its_columns(qtbot, language):
    rtl = language != "en"
    set_language(language)
    direction = Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
    before = QApplication.layoutDirection()
    QApplication.instance().setLayoutDirection(direction)
    try:
        panel = BudgetPanel()
        qtbot.addWidget(panel)
        panel.retranslate()
        totals = BudgetTotals(
            total=575000,
            approved=380000,
            per_channel={"urban": 380000, "social": 195000},
            approved_per_channel={"urban": 380000},
            per_year={"2027": 575000},
        )
        panel.show_totals(totals, ["urban", "social"])
        panel.resize(800, 400)
        panel.show()
        qtbot.waitExposed(panel)
        total, urban = panel.topLevelItem(0), panel.topLevelItem(2)
        for column in (1, 2, 3):
            edge = _text_edge(panel, urban, column, rtl)
            assert _text_edge(panel, total, column, rtl) == edge, column
            header = panel.headerItem()
            assert Qt.AlignmentFlag(header.textAlignment(column)) & Qt.AlignmentFlag.AlignTrailing
    finally:
        QApplication.instance().setLayoutDirection(before)
