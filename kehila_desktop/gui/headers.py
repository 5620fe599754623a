"""Column headers whose labels wrap onto more lines instead of being cut ("Owner / recom…").

``wrap_headers(view)`` gives a table or tree view a ``WrappingHeader``: each label is word
wrapped in its column's width, and the header grows as tall as its tallest label.
``ColumnShares`` keeps columns at a share of the view's width, so they fit a small window
and use a large one.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt
from PySide6.QtWidgets import QHeaderView, QStyle, QTableView, QTreeView

WRAP = Qt.TextFlag.TextWordWrap


class WrappingHeader(QHeaderView):
    def __init__(self, orientation=Qt.Orientation.Horizontal, parent=None) -> None:
        super().__init__(orientation, parent)
        self.setDefaultAlignment(self.defaultAlignment() | WRAP)

    def lines_fit(self, logical: int) -> bool:
        """Whether the label of column ``logical`` is shown whole (wrapped, never cut)."""
        width = self.sectionSize(logical)
        box = self._label_box(logical, width)
        return box.height() <= self.height() and box.width() <= width

    def _label_box(self, logical: int, width: int) -> QRect:
        """The room the wrapped label takes, with the header's margins."""
        model = self.model()
        text = model.headerData(logical, self.orientation()) if model is not None else None
        if not text:
            return QRect()
        margin = self.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, self)
        inner = max(width - 2 * margin, 1)
        box = self.fontMetrics().boundingRect(QRect(0, 0, inner, 100000), int(WRAP), str(text))
        return box.adjusted(0, 0, 2 * margin, 2 * margin)

    def sectionSizeFromContents(self, logical: int) -> QSize:
        size = super().sectionSizeFromContents(logical)
        if self.orientation() == Qt.Orientation.Horizontal:
            box = self._label_box(logical, self.sectionSize(logical))
            size.setHeight(max(size.height(), box.height()))
        return size


def wrap_headers(view: QTableView | QTreeView) -> WrappingHeader:
    """Give ``view`` a horizontal header whose labels wrap (keeping its settings)."""
    old = view.horizontalHeader() if isinstance(view, QTableView) else view.header()
    header = WrappingHeader(Qt.Orientation.Horizontal, view)
    header.setStretchLastSection(old.stretchLastSection())
    header.setSectionsClickable(old.sectionsClickable())
    header.setSortIndicatorShown(old.isSortIndicatorShown())
    header.setDefaultAlignment(old.defaultAlignment() | WRAP)
    header.setSectionsMovable(old.sectionsMovable())
    if isinstance(view, QTableView):
        view.setHorizontalHeader(header)
    else:
        view.setHeader(header)
    return header


class ColumnShares(QObject):
    """Columns kept at a share of ``view``'s width, each between a least and a most width
    (``shares``: column -> (share, least, most)); a stretching column takes the rest."""

    def __init__(self, view: QTableView | QTreeView, shares: dict[int, tuple[float, int, int]]):
        super().__init__(view)
        self.view, self.shares = view, shares
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.apply()
        return False

    def apply(self) -> None:
        view = self.view
        header = view.horizontalHeader() if isinstance(view, QTableView) else view.header()
        width = view.viewport().width()
        for column, (share, least, most) in self.shares.items():
            header.resizeSection(column, int(min(max(width * share, least), most)))
