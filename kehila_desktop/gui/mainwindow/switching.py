"""The main window's view switching: the side bar of views (on the leading side, the right in
RTL), the stack of views built on first use, and navigation to a row of a view (a health
finding, the print window). A mixin of ``MainWindow``."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from kehila_desktop.core.i18n import tr
from kehila_desktop.gui.firstpaint import USER_ROLE
from kehila_desktop.gui.views import VIEW_KEYS, load_view_class, view_title


class ViewSwitching:
    def _build_sidebar(self) -> QListWidget:
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setFixedWidth(210)
        self.sidebar.setStyleSheet(
            "#sidebar { background: #f3f5f8; border: none; font-size: 11pt; }"
            "#sidebar::item { padding: 10px 14px; }"
            "#sidebar::item:selected { background: #dbe6f5; color: #10325c; }"
        )
        for key in VIEW_KEYS:
            item = QListWidgetItem()
            item.setData(USER_ROLE, key)
            self.sidebar.addItem(item)
        self.sidebar.currentRowChanged.connect(self._sidebar_row)
        return self.sidebar

    def _sidebar_row(self, row: int) -> None:
        # no view is built before a file is open: at start-up the side bar takes the focus
        # (and a current row) while "Opening…" is shown, before the file has been read
        if 0 <= row < len(VIEW_KEYS) and self.context.pf is not None:
            self.show_view(VIEW_KEYS[row])

    def _retranslate_sidebar(self) -> None:
        self.sidebar.setAccessibleName(tr("Views"))
        for row, key in enumerate(VIEW_KEYS):
            self.sidebar.item(row).setText(view_title(key))

    def current_view_key(self) -> str | None:
        widget = self.stack.currentWidget()
        return getattr(widget, "key", None) if widget is not None else None

    def view(self, key: str) -> QWidget:
        """The view for ``key``, built on first use."""
        view = self.views.get(key)
        if view is None:
            view = load_view_class(key)(self.context)
            if getattr(view, "key", None) != key:
                view.key = key
            self.views[key] = view
            self.stack.addWidget(view)  # it has read the file itself (once)
        return view

    def show_view(self, key: str) -> QWidget:
        view = self.view(key)
        self.stack.setCurrentWidget(view)
        row = VIEW_KEYS.index(key)
        if self.sidebar.currentRow() != row:
            self.sidebar.blockSignals(True)
            self.sidebar.setCurrentRow(row)
            self.sidebar.blockSignals(False)
        return view

    def navigate(self, key: str, table: str, row_id: str) -> None:
        if key == "print" and self.context.pf is not None:  # (print, handout, body id)
            window = self.printing.open()
            if window is not None and table:
                window.load({"handout": table, "body": row_id})
            return
        if key not in VIEW_KEYS or self.context.pf is None:
            return
        view = self.show_view(key)
        if table or row_id:
            view.navigate(table, row_id)
