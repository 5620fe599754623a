"""The print window: choose a handout, its language and what it is about (meeting, body,
member, without contact details); the PDF is built on a worker thread (progress, Cancel) and
shown in the preview; "Print…" sends the pages to the system print dialog's printer and
"Export PDF…" saves a copy where the user says.

The PDF is built into the window's own temporary folder (removed when it closes); choices
made while a build runs cancel it and start again. Tests replace ``ask_printer`` and
``ask_save_path``.

The window assembles its parts, one job each: ``choices`` (the handout chooser and its
options), ``runner`` (the build on a worker thread), ``preview`` (the pages) and
``print_export`` (Print… and Export PDF…).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kehila_desktop.core.i18n import tr
from kehila_desktop.gui.printing.choices import HandoutChoices
from kehila_desktop.gui.printing.job import BuildJob
from kehila_desktop.gui.printing.preview import Preview
from kehila_desktop.gui.printing.print_export import PrintAndExport
from kehila_desktop.gui.printing.runner import JobRunner


class PrintWindow(HandoutChoices, JobRunner, PrintAndExport, QDialog):
    """One handout at a time; ``busy`` while a build or a print runs."""

    def __init__(self, context, choice: dict | None = None, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("printWindow")
        self.setModal(False)
        self._fit_screen()
        self.job: BuildJob | None = None
        self.built: tuple | None = None  # (key of the choices, pdf path, pages)
        self.error_text = ""
        self._again = False
        self._printing = False
        self._cancel_print = False
        self._serial = 0
        self._dirty = False  # the program changed since the preview was made
        self._temp: Path | None = None
        self._build_ui()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.build)
        self.retranslate()
        context.changed.connect(self._program_changed)
        self.load(choice or {})

    # --- building the window ------------------------------------------------------------
    def _fit_screen(self) -> None:
        """1100 × 760, or less on a small screen (a 1366 × 768 laptop keeps its taskbar)."""
        screen = self.parent().screen() if self.parent() is not None else self.screen()
        room = screen.availableGeometry() if screen is not None else None
        width, height = 1100, 760
        if room is not None:
            width, height = min(width, room.width() - 40), min(height, room.height() - 70)
        self.resize(width, height)

    def _build_ui(self) -> None:
        outer = QHBoxLayout(self)
        split = QSplitter(Qt.Orientation.Horizontal)
        outer.addWidget(split)
        side = QWidget()
        side.setMinimumWidth(300)
        column = QVBoxLayout(side)
        column.addLayout(self._build_choices())
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        column.addWidget(self.status)
        column.addLayout(self._build_progress())
        column.addStretch(1)
        self.print_button = QPushButton()
        self.print_button.clicked.connect(lambda: self.print_pages())
        self.export_button = QPushButton()
        self.export_button.clicked.connect(lambda: self.export())
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.close)
        for button in (self.print_button, self.export_button, self.close_button):
            button.setAutoDefault(False)
            column.addWidget(button)
        split.addWidget(side)
        self.preview = Preview()
        split.addWidget(self.preview)
        split.setStretchFactor(1, 1)
        split.setSizes([320, 780])

        self._connect_choices()
        self._show_progress(False)

    def retranslate(self, *_args) -> None:
        self.setWindowTitle(tr("Print a handout"))
        self._retranslate_choices()
        self._retranslate_progress()
        self._retranslate_outputs()
        self.close_button.setText(tr("Close"))
        self.close_button.setAccessibleName(tr("Close"))
        self.status.setAccessibleName(tr("Notice"))
        self.preview.retranslate()
        self._fill_handouts()
        self._fill_lists()
        self._update()

    # --- closing ------------------------------------------------------------------------
    def done(self, result: int) -> None:
        """Closing (Close, Escape, the title bar): stop any build, forget the temporary PDFs."""
        self._timer.stop()
        self._again = False
        if self.job is not None:
            for signal in (
                self.job.progressed,
                self.job.succeeded,
                self.job.failed,
                self.job.stopped,
            ):
                signal.disconnect()
            self.job.cancel()
            self.job.wait(30000)
        self._cancel_print = True
        self.built = None
        self.preview.clear()
        if self._temp is not None:
            shutil.rmtree(self._temp, ignore_errors=True)
            self._temp = None
        super().done(result)
