"""Qt's file dialogs with file-type filters that read right in every language.

Qt shows a filter as it is written, "name (*.kehila)", and reads its patterns from the
parentheses at its end. In a right-to-left dialog that text reads "(kehila.*)", and a mark
added inside the parentheses (to fix the reading) stops the pattern from matching any file.
So each filter carries its patterns twice: once for the eye, isolated left-to-right, and once
at the end for Qt, which the dialog is told not to show (``HideNameFilterDetails``).
"""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QWidget

from kehila_desktop.core.direction import LRI, PDI


def name_filter(name: str, *patterns: str) -> str:
    """One filter: ``name`` (translated, without patterns) and its patterns ("*.kehila")."""
    joined = " ".join(patterns)
    return f"{name} {LRI}({joined}){PDI} ({joined})"


def dialog(
    parent: QWidget | None, caption: str, place: str, filters: list[str], *, save: bool = False
) -> QFileDialog:
    """The dialog ``open_path``/``save_path`` show; ``place`` is a folder or a suggested file."""
    box = QFileDialog(parent, caption, place, ";;".join(filters))
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


def save_path(parent: QWidget | None, caption: str, suggested: str, *filters: str) -> str:
    """The file the user chose to write, or "" when they cancelled."""
    return _run(dialog(parent, caption, suggested, list(filters), save=True))
