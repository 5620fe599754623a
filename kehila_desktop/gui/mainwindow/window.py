"""The main window: the side bar of views (on the right in RTL), the view stack, the
read-only banner, the welcome page when no file is open, the menus, drag-and-drop of
program files, and the Edit menu's undo/redo named after the action. The window assembles
its parts, one module per job (see the package's ``__init__``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kehila_desktop.core.i18n import tr
from kehila_desktop.gui import settings
from kehila_desktop.gui.context import AppContext
from kehila_desktop.gui.filecontrol import FileController
from kehila_desktop.gui.firstpaint import plain_text
from kehila_desktop.gui.mainwindow.files import FileHandling
from kehila_desktop.gui.mainwindow.menus import Menus
from kehila_desktop.gui.mainwindow.status import WindowStatus
from kehila_desktop.gui.mainwindow.switching import ViewSwitching
from kehila_desktop.gui.mainwindow.welcome import WelcomePage
from kehila_desktop.gui.views import VIEW_KEYS


class MainWindow(Menus, FileHandling, WelcomePage, ViewSwitching, WindowStatus, QMainWindow):
    firstPainted = Signal()

    def __init__(self, context: AppContext | None = None, *, unseen_later: bool = False) -> None:
        """``unseen_later``: what the first paint does not show (the welcome page, the recent
        files, the sharing and printing actions) is built by ``build_unseen()``, which the
        start-up calls after the first view is filled; else at once."""
        super().__init__()
        self.context = context or AppContext()
        self.context.dialog_parent = self
        self.files = FileController(self.context, self)
        self.views: dict[str, QWidget] = {}
        self._painted = False
        self._unseen_built = False
        self.setAcceptDrops(True)
        self.resize(1200, 780)
        self._build()
        self._build_menus()
        self.context.changed.connect(self._update_actions)
        self.context.fileOpened.connect(self._file_opened)
        self.context.navigateRequested.connect(self.navigate)
        if not unseen_later:
            self.build_unseen()
        self.retranslate()
        self._file_opened()

    # --- building -----------------------------------------------------------------------
    def _build(self) -> None:
        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self._build_banner())
        self.pages = QStackedWidget()
        outer.addWidget(self.pages, 1)

        self.workspace = QWidget()
        row = QHBoxLayout(self.workspace)  # first widget sits on the leading side (right in RTL)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self._build_sidebar())
        self.stack = QStackedWidget()
        self.opening = QLabel()
        plain_text(self.opening, centred=True)
        self.stack.addWidget(self.opening)
        row.addWidget(self.stack, 1)
        self.pages.addWidget(self.workspace)
        self.setCentralWidget(central)

    def build_unseen(self) -> None:
        """The parts the first paint does not show (once): the welcome page, the recent files,
        File: Share by e-mail…, Merge a received copy…, Print…, Export PDF…; Edit: History of
        changes…."""
        if self._unseen_built:
            return
        self._unseen_built = True
        from kehila_desktop.gui import history, sharing
        from kehila_desktop.gui.printing import install as install_printing

        self.pages.insertWidget(0, self._build_welcome())
        self._retranslate_welcome()
        self.sharing = sharing.install(self)
        self.history = history.install(self)
        self.printing = install_printing(self)
        self.files.recentChanged.connect(self._fill_recent)
        self._fill_recent()

    # --- texts --------------------------------------------------------------------------
    def retranslate(self) -> None:
        self._retranslate_menus()
        self._retranslate_sidebar()
        if self._unseen_built:
            self._retranslate_welcome()
        self.banner.setAccessibleName(tr("Notice"))
        self._update_banner()
        self._update_title()
        self._update_actions()

    # --- the open file ------------------------------------------------------------------
    def show_opening(self, path: str) -> None:
        """At start-up: the window with its side bar and a word on what is being opened,
        painted before the file is read."""
        self.opening.setText(
            tr("Opening {file}…", file=Path(path).name)
            if path
            else tr("Opening the sample program…")
        )
        self.pages.setCurrentWidget(self.workspace)
        self.stack.setCurrentWidget(self.opening)

    def show_welcome(self) -> None:
        if self.context.pf is None:
            self.build_unseen()
            self.pages.setCurrentWidget(self.welcome)

    def _file_opened(self) -> None:
        has_file = self.context.pf is not None
        if has_file:
            self.pages.setCurrentWidget(self.workspace)
        elif self._unseen_built:  # else start-up shows "Opening…" until it is built
            self.pages.setCurrentWidget(self.welcome)
        for action in (self.act_save_copy, self.act_close):
            action.setEnabled(has_file)
        for action in self.view_actions.values():
            action.setEnabled(has_file)
        if has_file:
            # a view built now is refreshed once by view(); built ones listen to fileOpened
            self.show_view(self.current_view_key() or VIEW_KEYS[0])
        self._update_banner()
        self._update_title()
        self._update_actions()

    # --- window events ------------------------------------------------------------------
    def event(self, event) -> bool:
        result = super().event(event)
        if not getattr(self, "_painted", True) and event.type() == QEvent.Type.UpdateRequest:
            self._painted = True
            self.firstPainted.emit()
        return result

    def closeEvent(self, event) -> None:
        settings.settings().setValue("window/geometry", self.saveGeometry())
        self.files.close()
        super().closeEvent(event)
