"""Edit menu: "History of changes…", the file's steps newest first, each named in the
language the user reads now (``core.history.queries.steps``), whichever language the copy
that made it spoke — this one, a colleague's merged in, or an older version of the app.

``install(window)`` adds the action to the window's Edit menu (the shell's one hook line).
The window stays open beside the main window and follows every step and language switch.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from kehila_desktop.core.history import queries
from kehila_desktop.core.i18n import ntr, tr
from kehila_desktop.gui.widgets import format_datetime, insert_menu_group

SHOWN = 500  # the newest steps listed
HIDDEN_KINDS = ("clock",)  # the meeting clock's writes: no user action


class HistoryWindow(QDialog):
    def __init__(self, context, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.setMinimumSize(560, 360)
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.summary)
        self.table = QTableWidget(0, 3)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
        context.changed.connect(self.reload)
        context.fileOpened.connect(self.reload)
        context.languageChanged.connect(self.reload)
        self.reload()

    def reload(self, *_args) -> None:
        self.setWindowTitle(tr("History of changes"))
        self.table.setAccessibleName(tr("History of changes"))
        self.table.setHorizontalHeaderLabels([tr("When"), tr("Step"), tr("Made on")])
        pf = self.context.pf
        steps = [] if pf is None else queries.steps(pf.conn, limit=SHOWN)
        steps = [s for s in steps if s.kind not in HIDDEN_KINDS]
        here = None if pf is None else pf.copy_id
        self.summary.setText(
            ntr("The last {n} step of this file:", "The last {n} steps of this file:", len(steps))
        )
        self.table.setRowCount(len(steps))
        for row, step in enumerate(steps):
            when = datetime.fromtimestamp(step.at_ms / 1000).isoformat(timespec="minutes")
            copy = tr("this copy") if step.copy_id == here else tr("another copy")
            for column, text in enumerate((format_datetime(when), _named(step), copy)):
                self.table.setItem(row, column, QTableWidgetItem(text))  # plain text


def _named(step: queries.Step) -> str:
    if step.kind == "undo":
        return tr("undone: {step}", step=step.name)
    if step.kind == "redo":
        return tr("redone: {step}", step=step.name)
    return step.name


class HistoryActions(QObject):
    """The Edit-menu action of one main window and the window it opens."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.context = window.context
        self.dialog: HistoryWindow | None = None
        self.act_history = QAction(window)
        self.act_history.triggered.connect(lambda _=False: self.show())
        self.context.fileOpened.connect(self.update_actions)
        self.context.languageChanged.connect(self.retranslate)
        self.retranslate()
        self.update_actions()

    def retranslate(self, *_args) -> None:
        self.act_history.setText(tr("History of changes…"))

    def update_actions(self) -> None:
        self.act_history.setEnabled(self.context.pf is not None)

    def show(self) -> HistoryWindow:
        if self.dialog is None:
            self.dialog = HistoryWindow(self.context, self.window)
        self.dialog.reload()
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog


def install(window) -> HistoryActions:
    """Add "History of changes…" to ``window.edit_menu``, below Undo and Redo."""
    actions = HistoryActions(window)
    window.edit_menu.addSeparator()
    insert_menu_group(window.edit_menu, [actions.act_history])
    return actions
