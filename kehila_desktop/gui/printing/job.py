"""A handout built on a worker thread: ``BuildJob`` runs ``printing.build`` (pure Python,
its own read-only connection to the program file) and reports pages done, the result, an
error or its cancellation through Qt signals, so the window never freezes.

``cancel()`` is honoured at the next page: the engine raises ``Cancelled`` and leaves no file.

``progressed`` is sent a few times a second, not once a page: each signal from the worker lets
go of the GIL and takes it back at once, and at a page every 2-3 ms that kept the GUI thread
from ever getting it (the event loop froze for half a second while a big handout was made).
The last page is always sent.
"""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path

from PySide6.QtCore import QThread, Signal

log = logging.getLogger(__name__)

PROGRESS_EVERY = 0.1  # seconds between two ``progressed`` signals at most


class BuildJob(QThread):
    """One build of one handout into ``out``; emits exactly one of succeeded / failed /
    stopped, after any number of ``progressed(pages_done)``."""

    progressed = Signal(int)
    succeeded = Signal(str, int)  # the PDF's path, its pages
    failed = Signal(object)  # the exception (translated on the GUI thread)
    stopped = Signal()  # cancelled: no file was written

    def __init__(
        self, handout: str, program_path, out: Path, language: str, options: dict, parent=None
    ) -> None:
        super().__init__(parent)
        self.handout = handout
        self.program_path = str(program_path)
        self.out = Path(out)
        self.language = language
        self.options = dict(options)
        self._stop = threading.Event()

    def cancel(self) -> None:
        self._stop.set()

    @property
    def cancelling(self) -> bool:
        return self._stop.is_set()

    def run(self) -> None:  # on the worker thread
        from kehila_desktop import printing

        sent = [0, -PROGRESS_EVERY]  # the last page sent, when

        def progress(pages: int) -> None:
            now = time.monotonic()
            if now - sent[1] >= PROGRESS_EVERY:
                sent[:] = [pages, now]
                self.progressed.emit(pages)

        try:
            pages = printing.build(
                self.handout,
                self.program_path,
                self.out,
                language=self.language,
                progress=progress,
                cancelled=self._stop.is_set,
                **self.options,
            )
        except printing.Cancelled:
            self.stopped.emit()
        except Exception as exc:
            if not isinstance(exc, printing.Missing):
                log.exception("building %s failed", self.handout)
            self.failed.emit(exc)
        else:
            if self._stop.is_set():  # cancelled after the last page: drop the result
                self.out.unlink(missing_ok=True)
                self.stopped.emit()
            else:
                if sent[0] != pages:
                    self.progressed.emit(pages)
                self.succeeded.emit(str(self.out), pages)
