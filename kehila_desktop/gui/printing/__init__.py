"""Printing from the app: File → "Print…" (Ctrl+P) and "Export PDF…" (Ctrl+Shift+E) open the
print window (``window.PrintWindow``) on the handout the current view suggests.

``install(window)`` is the main window's one hook line. A view may offer
``print_context() -> dict`` (``handout`` and ``meeting`` / ``body`` / ``member`` ids); a view
without it gets the handout that matches its subject (``DEFAULT_HANDOUT``).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from kehila_desktop.core.i18n import tr
from kehila_desktop.gui.widgets import insert_menu_group

log = logging.getLogger(__name__)

DEFAULT_HANDOUT = {
    "overview": "structure",
    "structure": "structure",
    "people": "people",
    "meetings": "agenda",
    "workplan": "workplan",
}


class PrintActions(QObject):
    """The two File-menu actions of one main window, and its print window."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.context = window.context
        self.print_window = None
        self.act_print = QAction(window)
        self.act_print.setShortcut(QKeySequence.StandardKey.Print)
        self.act_print.triggered.connect(lambda _=False: self.open("print"))
        self.act_export = QAction(window)
        self.act_export.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.act_export.triggered.connect(lambda _=False: self.open("export"))
        self.context.fileOpened.connect(self._file_opened)
        self.context.languageChanged.connect(self.retranslate)
        self.retranslate()
        self._file_opened()

    def retranslate(self, *_args) -> None:
        self.act_print.setText(tr("Print…"))
        self.act_export.setText(tr("Export PDF…"))
        if self.print_window is not None:
            self.print_window.retranslate()

    def _file_opened(self) -> None:
        has_file = self.context.pf is not None
        self.act_print.setEnabled(has_file)
        self.act_export.setEnabled(has_file)
        if self.print_window is not None:  # another file (or none): its window goes
            self.print_window.close()
            self.print_window.deleteLater()
            self.print_window = None

    def view_choice(self) -> dict:
        """What the current view shows, as the print window's pre-selection."""
        key = self.window.current_view_key()
        view = self.window.views.get(key) if key else None
        choice = {"handout": DEFAULT_HANDOUT.get(key, "structure")}
        ask = getattr(view, "print_context", None)
        if callable(ask):
            try:
                choice.update({k: v for k, v in (ask() or {}).items() if v})
            except Exception:
                log.exception("print_context of %s failed", key)
        return choice

    def open(self, purpose: str = "print"):
        """Show the print window with the current view's handout; returns the window."""
        from kehila_desktop.gui.printing.window import PrintWindow

        if self.context.pf is None:
            return None
        if self.print_window is None:
            self.print_window = PrintWindow(self.context, self.view_choice(), self.window)
        else:
            self.print_window.load(self.view_choice())
        win = self.print_window
        default = win.print_button if purpose == "print" else win.export_button
        default.setDefault(True)
        (win.export_button if purpose == "print" else win.print_button).setDefault(False)
        win.show()
        win.raise_()
        win.activateWindow()
        return win


def install(window) -> PrintActions:
    """Add "Print…" and "Export PDF…" to ``window.file_menu`` (before "Save a copy as…")."""
    actions = PrintActions(window)
    insert_menu_group(
        window.file_menu,
        [actions.act_print, actions.act_export],
        getattr(window, "act_save_copy", None),
    )
    return actions
