"""The main window's file handling: the New / Open / Save a copy dialogs (where they start,
the suggested names), the recent files (menu and welcome page) and dropping a program file on
the window. The file itself is opened and closed by ``gui/filecontrol.py``. A mixin of
``MainWindow``. (What it needs only once a dialog opens is imported then: the window paints
sooner.)"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QListWidgetItem

from kehila_desktop.core.i18n import tr
from kehila_desktop.gui import settings
from kehila_desktop.gui.filecontrol import SUFFIX
from kehila_desktop.gui.firstpaint import USER_ROLE


class FileHandling:
    def _filter(self) -> str:
        from kehila_desktop.gui.filedialogs import name_filter

        return name_filter(tr("Kehila program files"), "*" + SUFFIX)

    def _folder(self) -> str:
        """Where file dialogs start: the open file's folder (unless it is the app's own data
        folder, where the sample lives), else the user's documents."""
        if self.context.pf is not None:
            folder = self.context.pf.path.parent
            if folder.resolve() != settings.user_data_dir().resolve():
                return str(folder)
        return self.documents_folder()

    @staticmethod
    def documents_folder() -> str:
        from PySide6.QtCore import QStandardPaths

        return QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        ) or str(Path.home())

    def ask_open_path(self) -> str:
        from kehila_desktop.gui.filedialogs import open_path

        return open_path(self, tr("Open a program file"), self._folder(), self._filter())

    def ask_save_path(self, title: str, suggested: str = "") -> str:
        from kehila_desktop.gui.filedialogs import save_path

        return save_path(self, title, suggested or self._folder(), self._filter())

    def open_dialog(self) -> None:
        path = self.ask_open_path()
        if path:
            self.files.open_path(path)

    def _new_name(self) -> str:
        """A new program's suggested path: in the user's Documents folder, never beside the
        open file or in the app's data folder."""
        return str(Path(self.documents_folder()) / (tr("New program") + SUFFIX))

    def new_empty(self) -> None:
        path = self.ask_save_path(tr("New program file"), self._new_name())
        if path and self.files.new_file(path):
            from kehila_desktop.core.structure import queries as sq

            # a new program starts with its settings: name, locality, scope, channels
            self.navigate("structure", "program", sq.program_id(self.context.pf.conn))

    def new_from_sample(self) -> None:
        path = self.ask_save_path(tr("New program file from the sample"), self._new_name())
        if path:
            self.files.new_file(path, from_sample=True)

    def save_copy_dialog(self) -> None:
        pf = self.context.pf
        if pf is None:
            return
        suggested = str(pf.path.with_name(pf.path.stem + " " + tr("copy") + SUFFIX))
        path = self.ask_save_path(tr("Save a copy as"), suggested)
        if path and self.files.save_copy(path):
            self.statusBar().showMessage(
                tr("A copy was saved as {file}.", file=Path(path).name), 6000
            )

    def _fill_recent(self) -> None:
        from kehila_desktop.gui.widgets import plain_action_text, plain_tip

        self.recent_menu.clear()
        paths = settings.recent_files()
        for path in paths:
            action = self.recent_menu.addAction(plain_action_text(Path(path).name))
            action.setToolTip(plain_tip(path))
            action.triggered.connect(lambda _=False, p=path: self.files.open_path(p))
        self.recent_menu.setEnabled(bool(paths))
        self.welcome_recent.clear()
        for path in paths:
            item = QListWidgetItem(f"{Path(path).name} — {Path(path).parent}")
            item.setData(USER_ROLE, path)
            item.setToolTip(plain_tip(path))
            self.welcome_recent.addItem(item)
        self.welcome_recent.setVisible(bool(paths))
        self.welcome_recent_heading.setVisible(bool(paths))

    def dragEnterEvent(self, event) -> None:
        if _dropped_file(event) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event) -> None:
        path = _dropped_file(event)
        if path is not None:
            event.acceptProposedAction()
            self.files.open_path(path)


def _dropped_file(event) -> str | None:
    mime = event.mimeData()
    if mime is None or not mime.hasUrls():
        return None
    for url in mime.urls():
        if url.isLocalFile() and url.toLocalFile().endswith(SUFFIX):
            return url.toLocalFile()
    return None
