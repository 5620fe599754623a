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
