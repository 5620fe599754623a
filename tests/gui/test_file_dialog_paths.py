"""In Hebrew and Arabic, Qt's (non-native) file dialog is right to left but its paths read left
to right: the "Look in" box showed "/tmp/x" as "x/tmp/". The path fields are laid out left to
right, the rest of the dialog (labels, side bar, buttons) stays right to left."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextLayout, QTextOption
from PySide6.QtWidgets import QApplication, QComboBox, QFileDialog, QLineEdit, QListView, QWidget

RTL, LTR = Qt.LayoutDirection.RightToLeft, Qt.LayoutDirection.LeftToRight


def _reads_left_to_right(text: str, direction, widget: QWidget) -> bool:
    """Whether ``text`` laid out in ``direction`` (as Qt paints it) shows its first visible
    character left of its last: "/tmp/x" read as written, not "x/tmp/"."""
    layout = QTextLayout(text, widget.font())
    option = QTextOption()
    option.setTextDirection(direction)
    layout.setTextOption(option)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(10_000)
    layout.endLayout()
    shown = [n for n, ch in enumerate(text) if ch not in "\u2066\u2067\u2068\u2069"]
    if len(shown) < 2:
        return True

    def x_of(n: int) -> float:  # where the glyph of character n is drawn
        [run] = layout.glyphRuns(n, 1)
        return run.boundingRect().x()

    return x_of(shown[0]) < x_of(shown[-1])


def _open_dialog(qtbot, make):
    dialog = make()
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


@pytest.mark.parametrize("code", ["he", "ar", "en"])
@pytest.mark.parametrize("kind", ["open", "folder"])
def test_the_look_in_path_reads_left_to_right(app_setup, qtbot, tmp_path, code, kind):
    from kehila_desktop.gui import filedialogs
    from kehila_desktop.gui.language import apply_language

    folder = tmp_path / "x"
    folder.mkdir()
    apply_language(code, remember=False)
    try:
        if kind == "open":
            dialog = _open_dialog(qtbot, lambda: filedialogs.dialog(None, "x", str(folder), []))
        else:
            dialog = _open_dialog(qtbot, lambda: filedialogs.FileDialog(None, "x", str(folder)))
        look_in = dialog.findChild(QComboBox, "lookInCombo")
        path = look_in.currentText()
        assert path.strip("\u2066\u2069").endswith("/x"), path
        # a combo box paints in the application's direction (whatever its own)
        painted = QApplication.layoutDirection()
        assert _reads_left_to_right(path, painted, look_in)  # "/…/x", not "x/…/"
        look_in.showPopup()  # the folders above it, listed when it opens, too
        folders = [look_in.itemText(n) for n in range(look_in.count())]
        look_in.hidePopup()
        assert any(p.strip("\u2066\u2069") == "/" for p in folders), folders
        for shown in folders:
            if "/" in shown:
                assert _reads_left_to_right(shown, painted, look_in), shown
        # choosing one still goes there
        look_in.setCurrentIndex(
            folders.index(next(p for p in folders if p.strip("\u2066\u2069") == "/"))
        )
        look_in.textActivated.emit(look_in.currentText())
        assert dialog.directory().absolutePath() == "/"
        name = dialog.findChild(QLineEdit, "fileNameEdit")  # a typed path reads as typed
        assert _reads_left_to_right("/tmp/x", name.layoutDirection(), name)
        # the rest of the dialog keeps the language's direction
        direction = RTL if code in ("he", "ar") else LTR
        assert dialog.layoutDirection() == direction
        assert look_in.layoutDirection() == direction
        assert dialog.findChild(QListView, "sidebar").layoutDirection() == direction
    finally:
        apply_language("he", remember=False)
