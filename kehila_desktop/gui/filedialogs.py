"""Qt's file dialogs with file-type filters that read right in every language.

Qt shows a filter as it is written, "name (*.kehila)", and reads its patterns from the
parentheses at its end. In a right-to-left dialog that text reads "(kehila.*)", and a mark
added inside the parentheses (to fix the reading) stops the pattern from matching any file.
So each filter carries its patterns twice: once for the eye, isolated left-to-right, and once
at the end for Qt, which the dialog is told not to show (``HideNameFilterDetails``).

A path reads left to right in every language: in a right-to-left dialog Qt's own (non-native)
dialog drew "/tmp/x" in its "Look in" box as "x/tmp/". A combo box draws its text in the
application's direction whatever its own, so the "Look in" box shows its paths isolated left
to right (LRI … PDI, through a proxy model: the dialog goes by each entry's URL, not its text);
the file-name field is laid out left to right; the rest of the dialog stays right to left.
"""

from __future__ import annotations

from PySide6.QtCore import QIdentityProxyModel, Qt
from PySide6.QtWidgets import QComboBox, QFileDialog, QLineEdit, QWidget

from kehila_desktop.core.direction import LRI, PDI


def name_filter(name: str, *patterns: str) -> str:
    """One filter: ``name`` (translated, without patterns) and its patterns ("*.kehila")."""
    joined = " ".join(patterns)
    return f"{name} {LRI}({joined}){PDI} ({joined})"


class IsolatedPaths(QIdentityProxyModel):
    """The "Look in" entries, each shown isolated left to right (the rest passed through)."""

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        value = super().data(index, role)
        if role == Qt.ItemDataRole.DisplayRole and isinstance(value, str) and value:
            return f"{LRI}{value}{PDI}"
        return value


def paths_left_to_right(box: QFileDialog) -> None:
    """Make the (non-native) dialog's paths read left to right; a native one has no widgets."""
    look_in = box.findChild(QComboBox, "lookInCombo")
    if look_in is not None and not isinstance(look_in.model(), IsolatedPaths):
        source, proxy = look_in.model(), IsolatedPaths(look_in)
        source.setParent(proxy)  # (a combo box deletes the model it owns when given another)
        proxy.setSourceModel(source)
        look_in.setModel(proxy)
    name = box.findChild(QLineEdit, "fileNameEdit")
    if name is not None:
        name.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


class FileDialog(QFileDialog):
    """Qt's file dialog whose paths read left to right (its widgets exist once it is shown)."""

    def showEvent(self, event) -> None:
        paths_left_to_right(self)
        super().showEvent(event)


def dialog(
    parent: QWidget | None, caption: str, place: str, filters: list[str], *, save: bool = False
) -> QFileDialog:
    """The dialog ``open_path``/``save_path`` show; ``place`` is a folder or a suggested file."""
    box = FileDialog(parent, caption, place, ";;".join(filters))
    box.setOption(QFileDialog.Option.HideNameFilterDetails, True)
    if save:
        box.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        box.setFileMode(QFileDialog.FileMode.AnyFile)
    else:
        box.setFileMode(QFileDialog.FileMode.ExistingFile)
    return box


def _run(box: QFileDialog) -> str:
    if box.exec() != QFileDialog.DialogCode.Accepted:
        return ""
    chosen = box.selectedFiles()
    return chosen[0] if chosen else ""


def open_path(parent: QWidget | None, caption: str, folder: str, *filters: str) -> str:
    """The file the user chose to open, or "" when they cancelled."""
    return _run(dialog(parent, caption, folder, list(filters)))


def folder_path(parent: QWidget | None, caption: str, folder: str) -> str:
    """The folder the user chose, or "" when they cancelled."""
    box = FileDialog(parent, caption, folder)
    box.setFileMode(QFileDialog.FileMode.Directory)
    box.setOption(QFileDialog.Option.ShowDirsOnly, True)
    return _run(box)


def save_path(parent: QWidget | None, caption: str, suggested: str, *filters: str) -> str:
    """The file the user chose to write, or "" when they cancelled."""
    return _run(dialog(parent, caption, suggested, list(filters), save=True))
