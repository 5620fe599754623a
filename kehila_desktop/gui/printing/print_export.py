"""The print window's outputs: "Print…" sends the previewed pages to the printer chosen in the
system print dialog (with progress and Cancel), "Export PDF…" saves a copy where the user says
(the folder of the last export is remembered). Tests replace ``ask_printer`` and
``ask_save_path``. A mixin of ``PrintWindow``."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog

from kehila_desktop import printing
from kehila_desktop.core.i18n import tr
from kehila_desktop.core.structure import queries as sq
from kehila_desktop.gui import dialogs, settings
from kehila_desktop.gui.filedialogs import name_filter, save_path
from kehila_desktop.gui.printing import output

EXPORT_FOLDER = "print/export_folder"  # QSettings key: where the last PDF was exported


class PrintAndExport:
    def _retranslate_outputs(self) -> None:
        self.print_button.setText(tr("Print…"))
        self.print_button.setAccessibleName(tr("Print…"))
        self.export_button.setText(tr("Export PDF…"))
        self.export_button.setAccessibleName(tr("Export PDF…"))

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
