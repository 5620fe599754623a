"""The people view's import and export of people as sheets (xlsx, ods, csv): the file
dialogs, the import preview, one "import" step. A mixin of the people ``View``."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog

from kehila_desktop.core.errors import KehilaError
from kehila_desktop.core.i18n import tr
from kehila_desktop.gui.filedialogs import name_filter, open_path, save_path
from kehila_desktop.gui.views.people.import_dialog import ImportPreview


class SheetActions:
    def _ask_open_sheet(self) -> str:
        return open_path(
            self,
            tr("Import people"),
            "",
            name_filter(tr("Sheets"), "*.xlsx", "*.xlsm", "*.xlsb", "*.xls", "*.ods", "*.csv"),
        )

    def _ask_save_sheet(self) -> str:
        return save_path(
            self,
            tr("Export people"),
            tr("people") + ".xlsx",
            name_filter(tr("Sheets"), "*.xlsx", "*.csv"),
        )

    def import_dialog(self) -> None:
        path = self.ask_open_sheet()
        if path:
            self.import_file(path)

    def import_file(self, path: str) -> bool:
        """Show the preview of importing ``path``; import it (one step) if the user agrees."""
        from kehila_desktop.core.people.sheet_io import (
            plan_import,
            read_people_sheet,
            run_import,
        )

        if self.context.ops is None:
            return False
        try:
            grid = read_people_sheet(path)
            source = Path(path).name + (f" — {grid.sheet_name}" if grid.sheet_name else "")
            plan = plan_import(self.context.pf.conn, grid, source, add_areas=True)
        except KehilaError as exc:
            self.context.show_error(exc.text(tr))
            return False
        conn = self.context.pf.conn
        preview = ImportPreview(
            plan,
            self,
            replan=lambda add_areas, consent: plan_import(
                conn, grid, source, add_areas=add_areas, consent=consent
            ),
        )
        if self.exec_dialog(preview) != QDialog.DialogCode.Accepted:
            return False
        try:  # planned again and written in one write transaction, after an integrity check
            run_import(
                self.context.ops,
                grid,
                source,
                add_areas=preview.add_areas.isChecked(),
                consent=preview.consent.currentData(),
            )
        except KehilaError as exc:
            self.context.show_error(exc.text(tr))
            return False
        return True

    def export_dialog(self) -> None:
        path = self.ask_save_sheet()
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> list[Path]:
        from kehila_desktop.core.people.sheet_io import export_people

        try:
            return export_people(self.context.pf.conn, path)
        except (KehilaError, OSError) as exc:
            self.context.show_error(
                exc.text(tr)
                if isinstance(exc, KehilaError)
                else tr(
                    "{path} cannot be written ({error}).",
                    path=path,
                    error=getattr(exc, "strerror", None) or exc,
                )
            )
            return []
