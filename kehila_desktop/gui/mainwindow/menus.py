"""The main window's menus and their actions: File, Edit (undo / redo named after the action),
View, Settings (the language) and Help. A mixin of ``MainWindow``."""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup, QKeySequence

from kehila_desktop.core.errors import KehilaError
from kehila_desktop.core.i18n import LANGUAGE_NAMES, LANGUAGES, language, tr
from kehila_desktop.gui import dialogs
from kehila_desktop.gui.language import apply_language
from kehila_desktop.gui.views import VIEW_KEYS, view_title
from kehila_desktop.gui.widgets import plain_action_text


class Menus:
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

    def _retranslate_menus(self) -> None:
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

    def set_language(self, code: str) -> None:
        apply_language(code)
        self.retranslate()
        self.context.languageChanged.emit(code)

    def _update_actions(self, *_args) -> None:
        """Undo / Redo named after the step, in the current language (the step's name is
        said again in it, whichever language it was made in: core/history/step_names.py)."""
        ops = self.context.ops
        writable = ops is not None and not self.context.read_only
        self.act_undo.setEnabled(writable and ops.can_undo)
        self.act_redo.setEnabled(writable and ops.can_redo)
        self.act_undo.setText(
            tr("&Undo: {action}", action=plain_action_text(ops.undo_label))
            if writable and ops.can_undo
            else tr("&Undo")
        )
        self.act_redo.setText(
            tr("&Redo: {action}", action=plain_action_text(ops.redo_label))
            if writable and ops.can_redo
            else tr("&Redo")
        )
        if _args:
            self._update_title()

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

    def about(self) -> None:
        dialogs.info(
            self,
            tr("About Kehila Desktop"),
            tr(
                "Kehila Desktop helps a local authority run the Kehila Metiva program: "
                "its structure, partners, meetings and work plan, in one file."
            ),
        )
