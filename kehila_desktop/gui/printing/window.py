"""The print window: choose a handout, its language and what it is about (meeting, body,
member, without contact details); the PDF is built on a worker thread (progress, Cancel) and
shown in the preview; "Print…" sends the pages to the system print dialog's printer and
"Export PDF…" saves a copy where the user says.

The PDF is built into the window's own temporary folder (removed when it closes); choices
made while a build runs cancel it and start again. Tests replace ``ask_printer`` and
``ask_save_path``.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kehila_desktop import printing
from kehila_desktop.core.errors import KehilaError
from kehila_desktop.core.i18n import LANGUAGE_NAMES, LANGUAGES, format_date, language, tr
from kehila_desktop.gui import dialogs, settings
from kehila_desktop.gui.printing import output
from kehila_desktop.gui.filedialogs import name_filter, save_path
from kehila_desktop.gui.printing.job import BuildJob
from kehila_desktop.gui.printing.preview import Preview
from kehila_desktop.core.meetings import queries as mq
from kehila_desktop.core.people import queries as pq
from kehila_desktop.core.structure import queries as sq

EVERYONE = ""  # the combo data of "every body" / "every member of the body"
EXPORT_FOLDER = "print/export_folder"  # QSettings key: where the last PDF was exported


class PrintWindow(QDialog):
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
        form = QFormLayout()
        self.handout = QComboBox()
        self.language = QComboBox()
        for code in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[code], code)
        self.meeting = QComboBox()
        self.body = QComboBox()
        self.member = QComboBox()
        self.contacts = QCheckBox()
        self.labels = {}
        for key, widget in (
            ("handout", self.handout),
            ("language", self.language),
            ("meeting", self.meeting),
            ("body", self.body),
            ("member", self.member),
        ):
            self.labels[key] = QLabel()
            self.labels[key].setBuddy(widget)
            form.addRow(self.labels[key], widget)
        form.addRow(self.contacts)
        self.form = form
        column.addLayout(form)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        column.addWidget(self.status)
        progress_row = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.cancel = QPushButton()
        self.cancel.clicked.connect(self.cancel_job)
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel)
        column.addLayout(progress_row)
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

        self.handout.currentIndexChanged.connect(self._handout_changed)
        self.body.currentIndexChanged.connect(self._body_changed)
        for combo in (self.language, self.meeting, self.member):
            combo.currentIndexChanged.connect(self._choices_changed)
        self.contacts.toggled.connect(self._choices_changed)
        self._show_progress(False)

    def retranslate(self, *_args) -> None:
        self.setWindowTitle(tr("Print a handout"))
        for key, text in (
            ("handout", tr("Handout:")),
            ("language", tr("Language:")),
            ("meeting", tr("Meeting:")),
            ("body", tr("Body:")),
            ("member", tr("Member:")),
        ):
            self.labels[key].setText(text)
        self.handout.setAccessibleName(tr("Handout"))
        self.language.setAccessibleName(tr("Language of the handout"))
        self.meeting.setAccessibleName(tr("Meeting"))
        self.body.setAccessibleName(tr("Body"))
        self.member.setAccessibleName(tr("Member"))
        self.contacts.setText(tr("Without contact details"))
        self.contacts.setAccessibleName(tr("Without contact details"))
        self.cancel.setText(tr("Cancel"))
        self.cancel.setAccessibleName(tr("Cancel making the handout"))
        self.progress.setAccessibleName(tr("Pages made"))
        self.print_button.setText(tr("Print…"))
        self.print_button.setAccessibleName(tr("Print…"))
        self.export_button.setText(tr("Export PDF…"))
        self.export_button.setAccessibleName(tr("Export PDF…"))
        self.close_button.setText(tr("Close"))
        self.close_button.setAccessibleName(tr("Close"))
        self.status.setAccessibleName(tr("Notice"))
        self.preview.retranslate()
        self._fill_handouts()
        self._fill_lists()
        self._update()

    # --- the choices --------------------------------------------------------------------
    def _fill_handouts(self) -> None:
        current = self.handout.currentData()
        self.handout.blockSignals(True)
        self.handout.clear()
        for key in printing.HANDOUTS:
            self.handout.addItem(tr(printing.TITLES[key]), key)
        self.handout.setCurrentIndex(max(0, self.handout.findData(current)))
        self.handout.blockSignals(False)

    def _rows(self, query, *args) -> list:
        """``query(conn, *args)`` of the open file (nothing when none is open)."""
        pf = self.context.pf
        return query(pf.conn, *args) if pf is not None else []

    def _refill(self, combo: QComboBox, items: list[tuple[str, str]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for text, data in items:
            combo.addItem(text, data)
        index = combo.findData(current)
        combo.setCurrentIndex(index if index >= 0 else (0 if items else -1))
        combo.blockSignals(False)

    def _fill_lists(self) -> None:
        meetings = self._rows(mq.meeting_choices)
        self._refill(
            self.meeting,
            [(tr("{date} — {body}", date=format_date(s), body=n), i) for i, s, n in meetings],
        )
        self._fill_bodies()
        self._fill_members()

    def _fill_bodies(self) -> None:
        key = self.handout.currentData()
        rows = self._rows(sq.bodies)
        bodies = [(n, i) for i, n, _ in rows]
        if key == "calendar":
            bodies.insert(0, (tr("Every body"), EVERYONE))
        had = self.body.currentData()
        self._refill(self.body, bodies)
        if not had and key != "calendar":  # first fill (or "every body"): the design committee
            design = [i for i, _, k in rows if k == "design"]
            if design:
                self.body.setCurrentIndex(self.body.findData(design[0]))

    def _fill_members(self) -> None:
        body = self.body.currentData()
        people = self._rows(pq.seated_people, body or "")
        self._refill(
            self.member, [(tr("Every member of the body"), EVERYONE)] + [(n, i) for i, n in people]
        )

    def load(self, choice: dict) -> None:
        """Pre-select what the current view shows: ``handout``, ``meeting``, ``body``,
        ``member``, ``language`` (keys that are missing keep their defaults)."""
        widgets = {
            "handout": self.handout,
            "language": self.language,
            "meeting": self.meeting,
            "body": self.body,
        }
        choice = {
            "language": language() if language() in LANGUAGES else LANGUAGES[0],
            **{k: v for k, v in choice.items() if v},
        }
        if choice.get("member") and choice.get("handout") == "role-letter":
            choice.setdefault("body", self._body_of(choice["member"]))
        for key, widget in widgets.items():
            if key in choice:
                index = widget.findData(choice[key])
                if index >= 0:
                    widget.blockSignals(True)
                    widget.setCurrentIndex(index)
                    widget.blockSignals(False)
        self._fill_bodies()
        if choice.get("body"):
            self.body.setCurrentIndex(max(0, self.body.findData(choice["body"])))
        self._fill_members()
        if choice.get("member"):
            self.member.setCurrentIndex(max(0, self.member.findData(choice["member"])))
        self._update()
        self.build()

    def _body_of(self, person_id: str) -> str | None:
        pf = self.context.pf
        return pq.seated_body_of(pf.conn, person_id) if pf is not None else None

    def choices(self) -> tuple[str, str, dict]:
        """(handout, language, options) as ``printing.build`` takes them."""
        key = self.handout.currentData()
        uses = printing.OPTIONS.get(key, ())
        options: dict = {}
        if "meeting" in uses:
            options["meeting"] = self.meeting.currentData()
        if "body" in uses and self.body.currentData():
            options["body"] = self.body.currentData()
        if "member" in uses and self.member.currentData():
            options["member"] = self.member.currentData()
        if "contacts" in uses:
            options["contacts"] = not self.contacts.isChecked()
        return key, self.language.currentData(), options

    def _key(self) -> tuple:
        key, lang, options = self.choices()
        return key, lang, tuple(sorted(options.items()))

    def _program_changed(self, *_args) -> None:
        """An edit in the main window: new lists, and the preview made again."""
        if not self.isVisible() or self.context.pf is None:
            return
        for combo in (self.meeting, self.body, self.member):
            combo.blockSignals(True)
        try:
            self._fill_lists()
        finally:
            for combo in (self.meeting, self.body, self.member):
                combo.blockSignals(False)
        self._dirty = True
        self._choices_changed()

    def _handout_changed(self, *_args) -> None:
        self._fill_bodies()
        self._fill_members()
        self._choices_changed()

    def _body_changed(self, *_args) -> None:
        self._fill_members()
        self._choices_changed()

    def _choices_changed(self, *_args) -> None:
        self._timer.start()
        self._update()  # busy now: Print… and Export PDF… wait for the new preview

    def _update(self) -> None:
        uses = printing.OPTIONS.get(self.handout.currentData(), ())
        for key in ("meeting", "body", "member"):
            self.form.setRowVisible(self.labels[key], key in uses)
        self.contacts.setVisible("contacts" in uses)
        ready = self.built is not None and self.built[0] == self._key() and not self.busy
        self.print_button.setEnabled(ready)
        self.export_button.setEnabled(ready)

    # --- building -----------------------------------------------------------------------
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

    # --- print and export ---------------------------------------------------------------
    def title_of_handout(self) -> str:
        return tr(printing.TITLES[self.handout.currentData()])

    def ask_printer(self):
        """The system print dialog; the chosen printer, or None."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        output.prepare_printer(printer)
        printer.setDocName(self.title_of_handout())
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(tr("Print a handout"))
        if self.built is not None:
            dialog.setMinMax(1, self.built[2])
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return printer

    def print_pages(self, printer=None) -> int:
        """Print the previewed handout on ``printer`` (or one chosen in the print dialog);
        returns the pages printed."""
        if self.built is None or self.busy:
            return 0
        if printer is None:
            printer = self.ask_printer()
            if printer is None:
                return 0
        else:
            output.prepare_printer(printer)
        pages = None
        first, last = printer.fromPage(), printer.toPage()
        if first > 0 and last >= first:
            pages = list(range(first - 1, min(last, self.built[2])))
        self._printing, self._cancel_print = True, False
        self._show_progress(True)
        self._update()
        from PySide6.QtWidgets import QApplication

        total = len(pages) if pages is not None else self.built[2]
        self.progress.setRange(0, total)
        self.progress.setValue(0)

        def progressed(done: int) -> None:
            self.progress.setValue(done)
            self.status.setText(tr("Printing: page {pages}…", pages=done))
            QApplication.processEvents()

        try:
            done = output.print_pdf(
                self.built[1],
                printer,
                pages=pages,
                progress=progressed,
                cancelled=lambda: self._cancel_print,
            )
        except output.PrintFailed:
            dialogs.error(self, tr("The printer could not be started."))
            done = 0
        finally:
            self._printing = False
            self.progress.setRange(0, 0)  # builds: pages done, the total unknown
            self._show_progress(False)
            self._update()
        if self._cancel_print:
            self.status.setText(tr("Printing was cancelled."))
        else:
            self.status.setText(tr("Pages sent to the printer: {pages}", pages=done))
        return done

    def ask_save_path(self, suggested: str) -> str:
        return save_path(self, tr("Export PDF"), suggested, name_filter(tr("PDF files"), "*.pdf"))

    def suggested_path(self) -> str:
        """The handout, the program and today's date, in the folder of the last export (or
        beside the program file)."""
        pf = self.context.pf
        name = output.default_name(
            self.title_of_handout(), sq.program_name(pf.conn) if pf is not None else ""
        )
        last = settings.settings().value(EXPORT_FOLDER, "")
        if isinstance(last, str) and last and Path(last).is_dir():
            return str(Path(last) / name)
        return str(Path(pf.path).parent / name) if pf is not None else name

    def export(self, path: str | None = None) -> Path | None:
        """Save the previewed handout as a PDF (asking where unless ``path`` is given)."""
        if self.built is None or self.busy:
            return None
        path = path or self.ask_save_path(self.suggested_path())
        if not path:
            return None
        target = Path(path)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        if not target.parent.is_dir():
            dialogs.error(self, tr("The folder {path} does not exist.", path=target.parent))
            return None
        try:
            output.export_copy(Path(self.built[1]), target)
        except OSError as exc:
            dialogs.error(
                self, tr("The PDF could not be saved ({error}).", error=exc.strerror or exc)
            )
            return None
        settings.settings().setValue(EXPORT_FOLDER, str(target.parent))
        self.status.setText(tr("Saved as {file}.", file=target.name))
        return target

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
