"""The app's message boxes, in one place: plain text, translated buttons, testable.

The last dialogs are recorded in ``shown`` (kind, text; the latest 20, so it does not grow in a
long session) and answered by ``answer`` — tests replace ``answer`` to click a button without a
modal loop.
"""

from __future__ import annotations

from collections import deque
from typing import TYPE_CHECKING

from kehila_desktop.core.i18n import tr

if TYPE_CHECKING:  # QMessageBox is loaded on the first dialog, not at start-up
    from PySide6.QtWidgets import QMessageBox, QWidget

shown: deque[tuple[str, str]] = deque(maxlen=20)


def __getattr__(name: str):
    # ``dialogs.QMessageBox`` still works for callers, loaded on first use
    if name == "QMessageBox":
        from PySide6.QtWidgets import QMessageBox

        return QMessageBox
    raise AttributeError(name)


def _exec(box: QMessageBox) -> object:
    box.exec()
    return box.clickedButton()


# Tests replace this with a function (box, buttons) -> the button to "click".
answer = None


def _box(parent: QWidget | None, icon: str, title: str, text: str) -> QMessageBox:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    if isinstance(icon, str):
        icon = getattr(QMessageBox.Icon, icon)
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


def _run(box: QMessageBox, buttons: dict) -> str:
    if answer is not None:
        return answer(box, buttons)
    clicked = _exec(box)
    for key, button in buttons.items():
        if button is clicked:
            return key
    return "cancel"


def error(parent: QWidget | None, text: str, details: str = "") -> None:
    """One clear sentence that something could not be done."""
    shown.append(("error", text))
    box = _box(parent, "Warning", tr("Kehila Desktop"), text)
    if details:
        box.setDetailedText(details)
    ok = box.addButton(tr("OK"), box.ButtonRole.AcceptRole)
    _run(box, {"ok": ok})


def ask_read_only(parent: QWidget | None, text: str) -> bool:
    """The file is in use elsewhere: open it read-only (True) or cancel (False)."""
    shown.append(("locked", text))
    box = _box(parent, "Question", tr("Kehila Desktop"), text)
    read_only = box.addButton(tr("Open read-only"), box.ButtonRole.AcceptRole)
    cancel = box.addButton(tr("Cancel"), box.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    return _run(box, {"read_only": read_only, "cancel": cancel}) == "read_only"


def info(parent: QWidget | None, title: str, text: str) -> None:
    shown.append(("info", text))
    box = _box(parent, "Information", title, text)
    ok = box.addButton(tr("OK"), box.ButtonRole.AcceptRole)
    _run(box, {"ok": ok})


def confirm(parent: QWidget | None, text: str, action: str) -> bool:
    """Ask before doing something that takes more with it: ``action`` (the button) or Cancel
    (the default)."""
    shown.append(("confirm", text))
    box = _box(parent, "Question", tr("Kehila Desktop"), text)
    ok = box.addButton(action, box.ButtonRole.AcceptRole)
    cancel = box.addButton(tr("Cancel"), box.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    return _run(box, {"ok": ok, "cancel": cancel}) == "ok"
