"""The application context every view shares: the open program file, its operations layer,
and the signals views listen to (changes, file opened, language, navigation).

Views write only through ``context.run(label, fn)`` (or ``context.ops``), which runs one undo
step and turns a ``KehilaError`` into one clear sentence in a dialog.
"""

from __future__ import annotations

from typing import Any
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from kehila_desktop.core.errors import KehilaError
from kehila_desktop.core.i18n import tr
from kehila_desktop.gui import dialogs


class AppContext(QObject):
    """The open program file (``pf``), its ``ops`` and whether it is ``read_only``."""

    changed = Signal(object)  # core.operations.Changed, after every step
    fileOpened = Signal()  # a file was opened (or closed: pf is None)
    languageChanged = Signal(str)  # "he", "ar" or "en"
    navigateRequested = Signal(str, str, str)  # view key, table, row id

    def __init__(self, pf=None, ops=None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pf = None
        self.ops = None
        self.read_only = False
        self.dialog_parent = None  # the main window sets itself here
        if pf is not None:
            self.set_file(pf, ops)

    # --- the open file ------------------------------------------------------------------
    def set_file(self, pf, ops=None) -> None:
        """Make ``pf`` (with ``ops``; built when not given) the open file, or none."""
        if self.ops is not None:
            self.ops.unsubscribe(self._notify)
        if pf is not None and ops is None:
            from kehila_desktop.core.history.operations import Operations

            ops = Operations(pf)
        self.pf = pf
        self.ops = ops if pf is not None else None
        self.read_only = bool(pf is not None and pf.read_only)
        if self.ops is not None:
            self.ops.subscribe(self._notify)
        self.fileOpened.emit()

    def _notify(self, changed) -> None:
        self.changed.emit(changed)

    # --- editing ------------------------------------------------------------------------
    def run(self, label: str, fn: Callable[[Any], Any]) -> Any:
        """Run ``fn(ops)`` as one undo step named ``label``; on a ``KehilaError`` show its
        sentence and change nothing. Returns what ``fn`` returned (None after an error)."""
        if self.ops is None:
            return None
        try:
            with self.ops.step(label):
                return fn(self.ops)
        except KehilaError as exc:
            self.show_error(exc.text(tr))
            return None

    def show_error(self, text: str) -> None:
        dialogs.error(self.dialog_parent, text)
