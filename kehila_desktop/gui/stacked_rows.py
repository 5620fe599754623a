"""Tree rows that stack their columns when the tree is narrow, so the first column's text
(an action item's task, a member's name) is read whole instead of cut to "ab…".

``stack_when_narrow(tree)`` word wraps the tree's rows and lets each row grow to its
wrapped text. While the other columns' contents would leave the first column less than
``share`` of the width, those columns are hidden and each row shows its first column's
text whole on its first line(s) and the other columns' texts on a line below, joined by
" · " (a column's heading before its value where a bare value would be ambiguous); at wider widths the columns are shown as before. Items keep their texts, data,
tooltips and colours: only the first column's painting changes. Call ``arrange()`` after
filling the tree; a resize re-arranges it.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QModelIndex, QObject, QRect, QSize, Qt
from PySide6.QtWidgets import QHeaderView, QStyledItemDelegate, QStyleOptionViewItem, QTreeView

from kehila_desktop.core.i18n import tr

SEPARATOR = " · "


class StackedRows(QStyledItemDelegate):
    def __init__(self, tree: QTreeView, share: float, labelled: Iterable[int]) -> None:
        super().__init__(tree)
        self.tree = tree
        self.share = share
        self.labelled = frozenset(labelled)
        self.stacked = False
        tree.viewport().installEventFilter(self)
        tree.header().sectionResized.connect(self._relayout)

    def details(self, index: QModelIndex) -> str:
        """The other columns' texts of ``index``'s row, on one line."""
        model, texts = self.tree.model(), []
        for column in range(1, model.columnCount(index.parent())):
            text = index.siblingAtColumn(column).data(Qt.ItemDataRole.DisplayRole) or ""
            lines = [line for line in str(text).split("\n") if line]
            if lines and column in self.labelled:
                heading = model.headerData(column, Qt.Orientation.Horizontal)
                lines[0] = tr("{label}: {value}", label=heading, value=lines[0])
            texts += lines
        return SEPARATOR.join(texts)

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        super().initStyleOption(option, index)
        if self.stacked and index.column() == 0:
            details = self.details(index)
            option.text = f"{option.text}\u2028{details}" if details else option.text

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        """As tall as the text wrapped in the column's width (the tree gives no width)."""
        sized = QStyleOptionViewItem(option)
        sized.rect = QRect(0, 0, self.tree.header().sectionSize(index.column()), 1)
        return super().sizeHint(sized, index)

    def arrange(self) -> None:
        """Stack the rows or show the columns, as the tree's width asks, and re-lay its rows."""
        tree, header = self.tree, self.tree.header()
        columns = range(1, header.count())
        others = sum(max(tree.sizeHintForColumn(c), header.sectionSizeHint(c)) for c in columns)
        stacked = others > (1 - self.share) * tree.viewport().width()
        if stacked != self.stacked:
            self.stacked = stacked
            for column in columns:
                header.setSectionHidden(column, stacked)
        self._relayout()

    def _relayout(self, *_args) -> None:
        self.tree.scheduleDelayedItemsLayout()  # the rows' heights follow the wrapped text

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.arrange()
        return False


def stack_when_narrow(
    tree: QTreeView, share: float = 0.6, labelled: Iterable[int] = ()
) -> StackedRows:
    """Let ``tree``'s rows wrap and grow, and stack its columns when it is narrow; the
    ``labelled`` columns' values are preceded by their heading in a stacked row."""
    tree.setWordWrap(True)
    tree.setUniformRowHeights(False)
    tree.setTextElideMode(Qt.TextElideMode.ElideNone)
    tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    tree.setAlternatingRowColors(True)  # tells the stacked rows apart
    rows = StackedRows(tree, share, labelled)
    tree.setItemDelegateForColumn(0, rows)
    return rows
