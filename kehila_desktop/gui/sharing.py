"""File menu: "Share by e-mail…" and "Merge a received copy…", with the merge report dialog.

``install(window)`` adds the two actions to the main window's File menu (the shell's one hook
line). Sharing writes a copy with ``core.share`` into a folder the user picks, then shows the
folder in the file manager and opens an e-mail draft. Merging first runs ``core.merge`` as a
dry run and shows its report; only "Merge" writes (one undo step, a backup kept). A copy of
another program is refused, with an offer to open it on its own instead.

Tests replace the hooks: ``open_url`` (no browser or file manager is started), ``confirm``
(answers the report dialog) and the controller's ``ask_share`` / ``ask_incoming``.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QUrl, QUrlQuery
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kehila_desktop.core.errors import KehilaError
from kehila_desktop.core.i18n import tr
from kehila_desktop.gui import dialogs
from kehila_desktop.gui.filedialogs import folder_path, name_filter, open_path
from kehila_desktop.gui.widgets import insert_menu_group
from kehila_desktop.gui.direction import align_to_text

open_url = QDesktopServices.openUrl  # tests replace it: nothing is launched
confirm = None  # tests: a function (ReportDialog) -> bool instead of the modal loop
last_report: ReportDialog | None = None


class ShareDialog(QDialog):
    """Where to put the copy, and whether to leave out phones and e-mail addresses."""

    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Share by e-mail"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        intro = QLabel(
            tr(
                "A copy of the program file is made to attach to an e-mail. When it "
                "comes back with your colleague's changes, merge it with "
                '"Merge a received copy…" in the File menu.'
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        row = QHBoxLayout()
        self.folder = QLineEdit(str(folder))
        self.folder.setAccessibleName(tr("Folder for the copy"))
        row.addWidget(QLabel(tr("Folder:")))
        row.addWidget(self.folder, 1)
        choose = QPushButton(tr("Choose…"))
        choose.setAccessibleName(tr("Choose the folder for the copy"))
        choose.clicked.connect(self._choose)
        row.addWidget(choose)
        layout.addLayout(row)
        self.no_contacts = QCheckBox(tr("Leave out phone numbers and e-mail addresses"))
        self.no_contacts.setAccessibleName(self.no_contacts.text())
        layout.addWidget(self.no_contacts)
        buttons = QDialogButtonBox()
        ok = buttons.addButton(tr("Make the copy"), QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setAccessibleName(ok.text())
        cancel = buttons.addButton(tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setAccessibleName(cancel.text())
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _choose(self) -> None:
        folder = folder_path(self, tr("Folder for the copy"), self.folder.text())
        if folder:
            self.folder.setText(folder)


class ReportDialog(QDialog):
    """The merge report as plain text; before merging it asks, after it only shows."""

    def __init__(self, report, *, ask: bool, parent: QWidget | None = None, context=None) -> None:
        super().__init__(parent)
        self.report = report
        self.context = context
        self.setWindowTitle(tr("Merge a received copy"))
        self.resize(720, 520)
        layout = QVBoxLayout(self)
        self.summary = QLabel(
            tr("This is what merging will do:")
            if ask
            else tr('The copy was merged. "Undo" in the Edit menu takes it back.')
        )
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        from kehila_desktop.core.i18n import isolated_fields

        with isolated_fields():  # names and values each in their own direction
            self.text.setPlainText(report.text())
        self.text.setAccessibleName(tr("Merge report"))
        align_to_text(self.text)
        layout.addWidget(self.text, 1)
        self.conflicts = None
        if not ask and report.conflicts and context is not None:
            self._add_restore(layout)
        self.duplicates = None
        if not ask and report.duplicates and context is not None and context.pf is not None:
            from kehila_desktop.gui.views.people.join_dialog import DuplicatesPanel

            self.duplicates = DuplicatesPanel(context, report.duplicates, self)
            layout.addWidget(self.duplicates)
        buttons = QDialogButtonBox()
        if ask:
            self.ok = buttons.addButton(tr("Merge"), QDialogButtonBox.ButtonRole.AcceptRole)
            cancel = buttons.addButton(tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
            cancel.setAccessibleName(cancel.text())
        else:
            self.ok = buttons.addButton(tr("Close"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setAccessibleName(self.ok.text())
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _add_restore(self, layout) -> None:
        """After the merge: pick a conflict and give the field back the value not kept."""
        from kehila_desktop.core.history.merge_report import field_name

        layout.addWidget(QLabel(tr("Conflicts: the value not kept can be given back.")))
        self.conflicts = QListWidget()
        self.conflicts.setAccessibleName(tr("Conflicts of the merge"))
        for item in self.report.conflicts:
            lost = item["lost"] if item["lost"] not in (None, "") else tr("(empty)")
            if item["field"].endswith("_id"):
                lost = self.report.names.get(item["lost"], lost)
            self.conflicts.addItem(
                tr(
                    "{row}: {field} — {value}",
                    row=item["label"],
                    field=field_name(item["table"], item["field"]),
                    value=lost,
                )
            )
        self.conflicts.setCurrentRow(0)
        self.conflicts.setMaximumHeight(140)
        layout.addWidget(self.conflicts)
        self.restore = QPushButton(tr("Give back the value not kept"))
        self.restore.setAccessibleName(self.restore.text())
        self.restore.clicked.connect(self.restore_selected)
        layout.addWidget(self.restore)

    def restore_selected(self) -> None:
        from kehila_desktop.core.history.merge import restore_lost

        row = self.conflicts.currentRow()
        if row < 0:
            return
        item = self.report.conflicts[row]
        from kehila_desktop.core.history.merge_report import field_name

        label = tr("restore {field}", field=field_name(item["table"], item["field"]))
        self.context.run(label, lambda ops: restore_lost(ops, item))
        self.conflicts.item(row).setFlags(Qt.ItemFlag.NoItemFlags)  # done: greyed out

    def ask(self) -> bool:
        global last_report
        last_report = self
        if confirm is not None:
            return bool(confirm(self))
        return self.exec() == QDialog.DialogCode.Accepted


class SharingActions(QObject):
    """The two File-menu actions of one main window."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.context = window.context
        self.act_share = QAction(window)
        self.act_share.triggered.connect(lambda _=False: self.share())
        self.act_merge = QAction(window)
        self.act_merge.triggered.connect(lambda _=False: self.merge())
        self.context.fileOpened.connect(self.update_actions)
        self.context.languageChanged.connect(self.retranslate)
        self.retranslate()
        self.update_actions()

    def retranslate(self, *_args) -> None:
        self.act_share.setText(tr("Share by e-mail…"))
        self.act_merge.setText(tr("Merge a received copy…"))

    def update_actions(self) -> None:
        has_file = self.context.pf is not None
        self.act_share.setEnabled(has_file)
        self.act_merge.setEnabled(has_file and not self.context.read_only)

    # --- asking (tests replace these) -----------------------------------------------------
    def ask_share(self) -> tuple[Path, bool] | None:
        dialog = ShareDialog(Path(self.context.pf.path).parent, self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return Path(dialog.folder.text()), dialog.no_contacts.isChecked()

    def ask_incoming(self) -> str:
        return open_path(
            self.window,
            tr("Merge a received copy"),
            str(Path(self.context.pf.path).parent),
            name_filter(tr("Kehila program files"), "*.kehila"),
        )

    # --- share ----------------------------------------------------------------------------
    def share(self):
        """Make the copy, show it in its folder, open an e-mail draft; returns the copy."""
        from kehila_desktop.core.history.share import share_copy

        if self.context.pf is None:
            return None
        answer = self.ask_share()
        if answer is None:
            return None
        folder, no_contacts = answer
        if not folder.is_dir():
            dialogs.error(self.window, tr("The folder {path} does not exist.", path=folder))
            return None
        try:
            copy = share_copy(self.context.pf, folder, no_contacts=no_contacts, day=date.today())
        except KehilaError as exc:
            dialogs.error(self.window, exc.text(tr))
            return None
        open_url(QUrl.fromLocalFile(str(copy.path.parent)))
        mail = QUrl("mailto:")
        query = QUrlQuery()
        query.addQueryItem("subject", tr("Program file: {name}", name=copy.program_name))
        query.addQueryItem(
            "body",
            tr(
                "Attached is a copy of our program file, {file}. Open it in Kehila Desktop, work "
                "on it, and send it back to me: I will merge your changes with mine.",
                file=copy.path.name,
            ),
        )
        mail.setQuery(query)
        open_url(mail)
        dialogs.info(
            self.window,
            tr("Share by e-mail"),
            tr(
                "The copy {file} is ready in {folder}. Attach it to the e-mail.",
                file=copy.path.name,
                folder=copy.path.parent,
            ),
        )
        return copy

    # --- merge ----------------------------------------------------------------------------
    def merge(self):
        """Dry run, report, and on "Merge" the merge itself; returns the final report."""
        from kehila_desktop.core.history.merge import MergeRefused, merge_copy

        ops = self.context.ops
        if ops is None or self.context.read_only:
            return None
        path = self.ask_incoming()
        if not path:
            return None
        try:
            preview = merge_copy(ops, path, dry_run=True)
        except MergeRefused as exc:
            if exc.reason == "other_program":
                self._offer_to_open(path, exc.text(tr))
            else:
                dialogs.error(self.window, exc.text(tr))
            return None
        except KehilaError as exc:
            dialogs.error(self.window, exc.text(tr))
            return None
        if preview.nothing_new:
            dialogs.info(self.window, tr("Merge a received copy"), preview.summary())
            return preview
        if not ReportDialog(preview, ask=True, parent=self.window).ask():
            return None
        try:
            report = merge_copy(ops, path)
        except KehilaError as exc:
            dialogs.error(self.window, exc.text(tr))
            return None
        self.window.statusBar().showMessage(report.summary(), 10000)
        ReportDialog(report, ask=False, parent=self.window, context=self.context).ask()
        return report

    def _offer_to_open(self, path: str, text: str) -> None:
        files = getattr(self.window, "files", None)
        if files is None:
            dialogs.error(self.window, text)
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            tr("Merge a received copy"),
            text,
            QMessageBox.StandardButton.NoButton,
            self.window,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        open_it = box.addButton(tr("Open it on its own"), QMessageBox.ButtonRole.AcceptRole)
        open_it.setAccessibleName(open_it.text())
        cancel = box.addButton(tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        cancel.setAccessibleName(cancel.text())
        box.setDefaultButton(cancel)
        dialogs.shown.append(("other_program", text))
        if dialogs.answer is not None:  # the shell's test hook for message boxes
            chosen = dialogs.answer(box, {"open": open_it, "cancel": cancel})
        else:
            box.exec()
            chosen = "open" if box.clickedButton() is open_it else "cancel"
        if chosen == "open":
            files.open_path(path)


def install(window) -> SharingActions:
    """Add "Share by e-mail…" and "Merge a received copy…" to ``window.file_menu``."""
    actions = SharingActions(window)
    insert_menu_group(
        window.file_menu, [actions.act_share, actions.act_merge], getattr(window, "act_close", None)
    )
    return actions
