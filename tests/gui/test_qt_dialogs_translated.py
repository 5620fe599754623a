"""Qt's own dialogs (the file dialog's "Look in:", "Files of type:", its buttons) speak the
app's language: qtbase_he / qtbase_ar from PySide6's translations folder are loaded."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFileDialog, QLabel


@pytest.mark.parametrize(
    "language,look_in,files_of_type",
    [
        ("he", "חפש בתוך:", "קבצים מסוג:"),
        ("ar", "اعثر في:", "الملفّات من النّوع:"),
        ("en", "&Look in:", "Files of &type:"),
    ],
)
def test_the_file_dialog_is_translated(app_setup, qtbot, language, look_in, files_of_type):
    from kehila_desktop.gui.language import apply_language

    apply_language(language, remember=False)
    try:
        dialog = QFileDialog(None, "x")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        qtbot.addWidget(dialog)
        texts = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
        assert texts["lookInLabel"] == look_in
        assert texts["fileTypeLabel"] == files_of_type
    finally:
        apply_language("he", remember=False)


def _shown_names(dialog) -> set[str]:
    from PySide6.QtWidgets import QListView

    view = dialog.findChild(QListView, "listView")
    model, root = view.model(), view.rootIndex()
    return {model.index(row, 0, root).data() for row in range(model.rowCount(root))}


@pytest.mark.parametrize(
    "language,folder_type", [("he", "תיקייה"), ("ar", "مجلّد"), ("en", "Folder")]
)
def test_the_file_dialog_lists_program_files_and_names_folders(
    app_setup, qtbot, tmp_path, language, folder_type
):
    """The program-file filter reads "(*.kehila)" in every language (not "(kehila.*)"), still
    shows only program files, and a folder's type is in the app's language."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QComboBox, QTreeView

    from kehila_desktop.core.i18n import tr
    from kehila_desktop.gui import filedialogs
    from kehila_desktop.gui.language import apply_language

    folder = tmp_path / "files"
    (folder / "Sub").mkdir(parents=True)
    (folder / "a.kehila").write_bytes(b"")
    (folder / "b.txt").write_bytes(b"")
    apply_language(language, remember=False)
    try:
        wanted = filedialogs.name_filter(tr("Kehila program files"), "*.kehila")
        dialog = filedialogs.dialog(None, "x", str(folder), [wanted])
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitUntil(lambda: "Sub" in _shown_names(dialog))
        assert _shown_names(dialog) == {"Sub", "a.kehila"}
        shown = dialog.findChild(QComboBox, "fileTypeCombo").currentText()
        assert shown == tr("Kehila program files") + " \u2066(*.kehila)\u2069"
        tree = dialog.findChild(QTreeView, "treeView")
        model, root = tree.model(), tree.rootIndex()
        types = {
            model.index(row, 0, root).data(): model.index(row, 2, root).data(
                Qt.ItemDataRole.DisplayRole
            )
            for row in range(model.rowCount(root))
        }
        assert types["Sub"] == folder_type
    finally:
        apply_language("he", remember=False)
