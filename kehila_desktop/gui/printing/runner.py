"""The print window's job runner: the PDF of the current choices is built on a worker thread
(``job.BuildJob``) into the window's temporary folder, with progress and Cancel; choices made
while a build runs cancel it and start again. A mixin of ``PrintWindow``."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QPushButton

from kehila_desktop import printing
from kehila_desktop.core.errors import KehilaError
from kehila_desktop.core.i18n import tr
from kehila_desktop.gui import dialogs
from kehila_desktop.gui.printing.job import BuildJob


class JobRunner:
    def _build_progress(self) -> QHBoxLayout:
        progress_row = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.cancel = QPushButton()
        self.cancel.clicked.connect(self.cancel_job)
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel)
        return progress_row

    def _retranslate_progress(self) -> None:
        self.cancel.setText(tr("Cancel"))
        self.cancel.setAccessibleName(tr("Cancel making the handout"))
        self.progress.setAccessibleName(tr("Pages made"))

    @property
    def busy(self) -> bool:
        """A build runs or is due (choices just changed), or a print runs."""
        return self.job is not None or self._printing or self._timer.isActive()

    def build(self) -> None:
        """Make the PDF of the current choices (cancelling one under way)."""
        self._timer.stop()
        if self.context.pf is None:
            return
        if self.job is not None:
            self._again = True
            self.job.cancel()
            return
        key, lang, options = self.choices()
        if "meeting" in printing.OPTIONS.get(key, ()) and not options.get("meeting"):
            self._drop_built(tr("There are no meetings in this program yet."))
            return
        if self.built is not None and self.built[0] == self._key() and not self._dirty:
            return
        self._dirty = False
        self._drop_built(tr("Making the handout…"))
        self._serial += 1
        out = self.folder / f"handout-{self._serial}.pdf"
        self.job = BuildJob(key, self.context.pf.path, out, lang, options, self)
        self.job.progressed.connect(self._progressed)
        self.job.succeeded.connect(self._succeeded)
        self.job.failed.connect(self._failed)
        self.job.stopped.connect(self._stopped)
        self.job.finished.connect(self._finished)
        self._job_key = self._key()
        self._show_progress(True)
        self._update()
        self.job.start()

    @property
    def folder(self) -> Path:
        """The window's temporary folder for built PDFs (made on first use)."""
        if self._temp is None or not self._temp.is_dir():
            self._temp = Path(tempfile.mkdtemp(prefix="kehila-print-"))
        return self._temp

    def _drop_built(self, message: str) -> None:
        if self.built is not None:
            self.preview.clear()
            Path(self.built[1]).unlink(missing_ok=True)
        self.built = None
        self.preview.clear(message)
        self.status.setText(message)

    def _show_progress(self, shown: bool) -> None:
        self.progress.setVisible(shown)
        self.cancel.setVisible(shown)
        self.cancel.setEnabled(shown)

    def _progressed(self, pages: int) -> None:
        self.status.setText(tr("Making the handout: page {pages}…", pages=pages))

    def _succeeded(self, path: str, pages: int) -> None:
        if self._temp is None or not Path(path).is_file():
            return  # the window closed (its folder is gone) before this queued signal came
        self.built = (self._job_key, path, pages)
        self.preview.show_pdf(path)
        self.status.setText(tr("Pages in the handout: {pages}", pages=pages))

    def _failed(self, exc) -> None:
        if isinstance(exc, KehilaError):
            text = exc.text(tr)
        elif isinstance(exc, OSError):
            text = tr("The handout could not be made ({error}).", error=exc.strerror or exc)
        else:
            text = tr("The handout could not be made ({error}).", error=exc)
        self.error_text = text
        self.preview.clear(text)
        self.status.setText(text)
        if not self._again:
            dialogs.error(self, text)

    def _stopped(self) -> None:
        self.preview.clear(tr("Cancelled: no handout was made."))
        self.status.setText(tr("Cancelled: no handout was made."))

    def _finished(self) -> None:
        job, self.job = self.job, None
        if job is not None:
            job.deleteLater()
        self._show_progress(False)
        again, self._again = self._again, False
        self._update()
        if again:
            self.build()

    def cancel_job(self) -> None:
        """Stop the build (or the print) under way; the preview says nothing was made."""
        self._again = False
        self._timer.stop()
        if self.job is not None:
            self.job.cancel()
            self.cancel.setEnabled(False)
            self.status.setText(tr("Cancelling…"))
        if self._printing:
            self._cancel_print = True
