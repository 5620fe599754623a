"""The main window: the side bar of views (on the right in RTL), the view stack, the
read-only banner, the welcome page when no file is open, the menus, drag-and-drop of
program files, and the Edit menu's undo/redo named after the action."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kehila_desktop.core.errors import KehilaError
from kehila_desktop.core.i18n import LANGUAGE_NAMES, LANGUAGES, language, tr
from kehila_desktop.gui import dialogs, settings, sharing
from kehila_desktop.gui.context import AppContext
from kehila_desktop.gui.filecontrol import SUFFIX, FileController
from kehila_desktop.gui.filedialogs import name_filter, open_path, save_path
from kehila_desktop.gui.language import apply_language
from kehila_desktop.gui.printing import install as install_printing
from kehila_desktop.gui.views import VIEW_KEYS, load_view_class, view_title
from kehila_desktop.gui.widgets import plain_action_text, plain_tip, plain_title
from kehila_desktop.core.structure import queries as sq


class MainWindow(QMainWindow):
    firstPainted = Signal()

    def __init__(self, context: AppContext | None = None) -> None:
        super().__init__()
        self.context = context or AppContext()
        self.context.dialog_parent = self
        self.files = FileController(self.context, self)
        self.views: dict[str, QWidget] = {}
        self._painted = False
        self.setAcceptDrops(True)
        self.resize(1200, 780)
        self._build()
        self._build_menus()
        self.sharing = sharing.install(self)  # File: Share by e-mail…, Merge a received copy…
        self.printing = install_printing(self)  # File: Print…, Export PDF…
        self.context.changed.connect(self._update_actions)
        self.context.fileOpened.connect(self._file_opened)
        self.context.navigateRequested.connect(self.navigate)
        self.files.recentChanged.connect(self._fill_recent)
        self.retranslate()
        self._file_opened()

    # --- building -----------------------------------------------------------------------
    def _build(self) -> None:
        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.banner = QLabel()
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.setWordWrap(True)
        self.banner.setObjectName("banner")
        self.banner.setStyleSheet(
            "#banner { background: #fff3c4; color: #4a3b00; "
            "padding: 8px 12px; border-bottom: 1px solid #e0c860; }"
        )
        self.banner.hide()
        outer.addWidget(self.banner)
        self.pages = QStackedWidget()
        outer.addWidget(self.pages, 1)

        self.welcome = QWidget()
        welcome = QVBoxLayout(self.welcome)
        welcome.setContentsMargins(48, 48, 48, 48)
        self.welcome_heading = QLabel()
        font = self.welcome_heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.welcome_heading.setFont(font)
        self.welcome_text = QLabel()
        self.welcome_text.setWordWrap(True)
        welcome.addWidget(self.welcome_heading)
        welcome.addWidget(self.welcome_text)
        self.welcome_buttons = {}
        for key, slot in (
            ("new", self.new_empty),
            ("new_sample", self.new_from_sample),
            ("open", self.open_dialog),
            ("sample", self.files.open_sample),
        ):
            button = QPushButton()
            button.clicked.connect(lambda _=False, s=slot: s())
            welcome.addWidget(button, 0, Qt.AlignmentFlag.AlignLeading)
            self.welcome_buttons[key] = button
        self.welcome_recent_heading = QLabel()
        self.welcome_recent = QListWidget()
        self.welcome_recent.setMaximumWidth(640)
        self.welcome_recent.itemActivated.connect(
            lambda item: self.files.open_path(item.data(Qt.ItemDataRole.UserRole))
        )
        welcome.addSpacing(16)
        welcome.addWidget(self.welcome_recent_heading)
        welcome.addWidget(self.welcome_recent)
        welcome.addStretch(1)
        self.pages.addWidget(self.welcome)

        self.workspace = QWidget()
        row = QHBoxLayout(self.workspace)  # first widget sits on the leading side (right in RTL)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setFixedWidth(210)
        self.sidebar.setStyleSheet(
            "#sidebar { background: #f3f5f8; border: none; font-size: 11pt; }"
            "#sidebar::item { padding: 10px 14px; }"
            "#sidebar::item:selected { background: #dbe6f5; color: #10325c; }"
        )
        for key in VIEW_KEYS:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.sidebar.addItem(item)
        self.sidebar.currentRowChanged.connect(self._sidebar_row)
        row.addWidget(self.sidebar)
        self.stack = QStackedWidget()
        self.opening = QLabel()
        self.opening.setTextFormat(Qt.TextFormat.PlainText)
        self.opening.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.opening)
        row.addWidget(self.stack, 1)
        self.pages.addWidget(self.workspace)
        self.setCentralWidget(central)

    def _action(self, menu, slot, shortcut=None) -> QAction:
        action = QAction(self)
        action.triggered.connect(lambda _=False: slot())
        if shortcut is not None:
            action.setShortcuts(shortcut if isinstance(shortcut, list) else [shortcut])
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.new_menu = self.file_menu.addMenu("")
        self.act_new = self._action(self.new_menu, self.new_empty, QKeySequence.StandardKey.New)
        self.act_new_sample = self._action(self.new_menu, self.new_from_sample)
        self.act_open = self._action(
            self.file_menu, self.open_dialog, QKeySequence.StandardKey.Open
        )
        self.recent_menu = self.file_menu.addMenu("")
        self.act_open_sample = self._action(self.file_menu, self.files.open_sample)
        self.file_menu.addSeparator()
        self.act_save_copy = self._action(
            self.file_menu, self.save_copy_dialog, QKeySequence.StandardKey.SaveAs
        )
        self.act_close = self._action(
            self.file_menu, self.files.close, QKeySequence.StandardKey.Close
        )
        self.file_menu.addSeparator()
        self.act_quit = self._action(self.file_menu, self.close, QKeySequence.StandardKey.Quit)

        self.edit_menu = bar.addMenu("")
        self.act_undo = self._action(self.edit_menu, self.undo, QKeySequence.StandardKey.Undo)
        self.act_redo = self._action(
            self.edit_menu, self.redo, [QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")]
        )

        self.view_menu = bar.addMenu("")
        self.view_actions = {}
        for n, key in enumerate(VIEW_KEYS, start=1):
            self.view_actions[key] = self._action(
                self.view_menu, lambda k=key: self.show_view(k), QKeySequence(f"Ctrl+{n}")
            )

        self.settings_menu = bar.addMenu("")
        self.language_menu = self.settings_menu.addMenu("")
        group = QActionGroup(self)
        self.language_actions = {}
        for code in LANGUAGES:
            action = self._action(self.language_menu, lambda c=code: self.set_language(c))
            action.setCheckable(True)
            action.setText(LANGUAGE_NAMES[code])
            group.addAction(action)
            self.language_actions[code] = action

        self.help_menu = bar.addMenu("")
        self.act_about = self._action(self.help_menu, self.about)
        self._fill_recent()

    # --- texts --------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.file_menu.setTitle(tr("&File"))
        self.new_menu.setTitle(tr("&New"))
        self.act_new.setText(tr("Empty program…"))
        self.act_new_sample.setText(tr("Program from the sample…"))
        self.act_open.setText(tr("&Open…"))
        self.recent_menu.setTitle(tr("Open &Recent"))
        self.act_open_sample.setText(tr("Open the sample program"))
        self.act_save_copy.setText(tr("Save a copy as…"))
        self.act_close.setText(tr("&Close"))
        self.act_quit.setText(tr("&Quit"))
        self.edit_menu.setTitle(tr("&Edit"))
        self.view_menu.setTitle(tr("&View"))
        for key, action in self.view_actions.items():
            action.setText(view_title(key))
        self.settings_menu.setTitle(tr("&Settings"))
        self.language_menu.setTitle(tr("&Language"))
        self.language_actions[language()].setChecked(True)
        self.help_menu.setTitle(tr("&Help"))
        self.act_about.setText(tr("&About Kehila Desktop"))
        self.sidebar.setAccessibleName(tr("Views"))
        for row, key in enumerate(VIEW_KEYS):
            self.sidebar.item(row).setText(view_title(key))
        self.welcome_heading.setText(tr("Kehila Metiva"))
        self.welcome_text.setText(
            tr(
                "No program file is open. Start a new program, open a "
                "program file, or look around in the sample program."
            )
        )
        for key, text in (
            ("new", tr("New empty program…")),
            ("new_sample", tr("New program from the sample…")),
            ("open", tr("Open a program file…")),
            ("sample", tr("Open the sample program")),
        ):
            self.welcome_buttons[key].setText(text)
            self.welcome_buttons[key].setAccessibleName(text)
        self.welcome_recent_heading.setText(tr("Recent program files"))
        self.welcome_recent.setAccessibleName(tr("Recent program files"))
        self.banner.setAccessibleName(tr("Notice"))
        self._update_banner()
        self._update_title()
        self._update_actions()

    def set_language(self, code: str) -> None:
        apply_language(code)
        self.retranslate()
        self.context.languageChanged.emit(code)

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
            self.pages.setCurrentWidget(self.welcome)

    def _file_opened(self) -> None:
        has_file = self.context.pf is not None
        self.pages.setCurrentWidget(self.workspace if has_file else self.welcome)
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

    def _update_title(self) -> None:
        pf = self.context.pf
        if pf is None:
            self.setWindowTitle(tr("Kehila Desktop"))
            return
        try:
            program = sq.program_name(pf.conn)
        except Exception:
            program = ""
        program = program or tr("Program")
        title = tr("{program} — {file} — Kehila Desktop", program=program, file=pf.path.name)
        if self.context.read_only:
            title = tr("{title} (read-only)", title=title)
        self.setWindowTitle(plain_title(title))

    def _update_banner(self) -> None:
        reason = self.files.read_only_reason if self.context.pf is not None else ""
        text = {
            "newer": tr(
                "This file was made by a newer version of Kehila Desktop. It is open "
                "read-only: you can read and print it, but changes cannot be saved."
            ),
            "locked": tr(
                "This file is open in Kehila Desktop elsewhere. It is open read-only "
                "here: changes cannot be saved."
            ),
            "permission": tr(
                "You do not have permission to change this file. It is open read-only."
            ),
        }.get(reason, "")
        self.banner.setText(text)
        self.banner.setVisible(bool(text))

    def _update_actions(self, *_args) -> None:
        ops = self.context.ops
        writable = ops is not None and not self.context.read_only
        self.act_undo.setEnabled(writable and ops.can_undo)
        self.act_redo.setEnabled(writable and ops.can_redo)
        self.act_undo.setText(
            tr("&Undo: {action}", action=ops.undo_label)
            if writable and ops.can_undo
            else tr("&Undo")
        )
        self.act_redo.setText(
            tr("&Redo: {action}", action=ops.redo_label)
            if writable and ops.can_redo
            else tr("&Redo")
        )
        if _args:
            self._update_title()

    # --- views --------------------------------------------------------------------------
    def current_view_key(self) -> str | None:
        widget = self.stack.currentWidget()
        return getattr(widget, "key", None) if widget is not None else None

    def view(self, key: str) -> QWidget:
        """The view for ``key``, built on first use."""
        view = self.views.get(key)
        if view is None:
            view = load_view_class(key)(self.context)
            if getattr(view, "key", None) != key:
                view.key = key
            self.views[key] = view
            self.stack.addWidget(view)  # it has read the file itself (once)
        return view

    def _sidebar_row(self, row: int) -> None:
        # no view is built before a file is open: at start-up the side bar takes the focus
        # (and a current row) while "Opening…" is shown, before the file has been read
        if 0 <= row < len(VIEW_KEYS) and self.context.pf is not None:
            self.show_view(VIEW_KEYS[row])

    def show_view(self, key: str) -> QWidget:
        view = self.view(key)
        self.stack.setCurrentWidget(view)
        row = VIEW_KEYS.index(key)
        if self.sidebar.currentRow() != row:
            self.sidebar.blockSignals(True)
            self.sidebar.setCurrentRow(row)
            self.sidebar.blockSignals(False)
        return view

    def navigate(self, key: str, table: str, row_id: str) -> None:
        if key == "print" and self.context.pf is not None:  # (print, handout, body id)
            window = self.printing.open()
            if window is not None and table:
                window.load({"handout": table, "body": row_id})
            return
        if key not in VIEW_KEYS or self.context.pf is None:
            return
        view = self.show_view(key)
        if table or row_id:
            view.navigate(table, row_id)

    # --- commands -----------------------------------------------------------------------
    def undo(self) -> None:
        self._replay(lambda ops: ops.undo())

    def redo(self) -> None:
        self._replay(lambda ops: ops.redo())

    def _replay(self, fn) -> None:
        ops = self.context.ops
        if ops is None or self.context.read_only:
            return
        try:
            fn(ops)
        except KehilaError as exc:
            dialogs.error(self, exc.text(tr))
        self._update_actions(True)

    def _filter(self) -> str:
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
        return open_path(self, tr("Open a program file"), self._folder(), self._filter())

    def ask_save_path(self, title: str, suggested: str = "") -> str:
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
            item.setData(Qt.ItemDataRole.UserRole, path)
            item.setToolTip(plain_tip(path))
            self.welcome_recent.addItem(item)
        self.welcome_recent.setVisible(bool(paths))
        self.welcome_recent_heading.setVisible(bool(paths))

    def about(self) -> None:
        dialogs.info(
            self,
            tr("About Kehila Desktop"),
            tr(
                "Kehila Desktop helps a local authority run the Kehila Metiva program: "
                "its structure, partners, meetings and work plan, in one file."
            ),
        )

    # --- window events ------------------------------------------------------------------
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

    def restore_geometry(self) -> None:
        """Open where and as large as the window was last closed; the first time, as large
        as fits the screen (a 1366x768 laptop has less room than the default size)."""
        saved = settings.settings().value("window/geometry")
        if saved and self.restoreGeometry(saved):
            return
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return
        free = screen.availableGeometry()
        title_bar = 40  # the frame and title bar are outside the window's own size
        size = self.size().boundedTo(QSize(free.width(), free.height() - title_bar))
        self.resize(size)
        self.move(
            free.x() + (free.width() - size.width()) // 2,
            free.y() + max(0, (free.height() - title_bar - size.height()) // 2),
        )


def _dropped_file(event) -> str | None:
    mime = event.mimeData()
    if mime is None or not mime.hasUrls():
        return None
    for url in mime.urls():
        if url.isLocalFile() and url.toLocalFile().endswith(SUFFIX):
            return url.toLocalFile()
    return None
