"""The one direction rule on screen (``core.direction.text_is_rtl``, the rule printing uses).

- Table and tree cells (``follow_text_direction(view)``): a text with no Hebrew/Arabic letter
  (an e-mail, an English name, "Haddad Tech Ltd.") is shown left to right as a unit, still at
  the column's side; a text with one takes the screen's direction (Qt's item views would lay
  every cell out in the view's direction: ".Haddad Tech Ltd").
- Multi-line editors (``align_to_text(edit)``): laid out and aligned in their text's
  direction, updated as it is typed (Hebrew and Arabic to the right, English to the left).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QStyledItemDelegate, QWidget

from kehila_desktop.core.direction import LRI, PDI, text_is_rtl


def screen_rtl(widget: QWidget | None = None) -> bool:
    """The screen's direction: the widget's (the application's when None)."""
    direction = widget.layoutDirection() if widget is not None else QApplication.layoutDirection()
    return direction == Qt.LayoutDirection.RightToLeft


def shown_in_direction(text: str, rtl: bool) -> str:
    """``text`` as a cell shows it on a screen of direction ``rtl``: isolated left to right
    (LRI … PDI) when the rule says so and the screen is right to left."""
    if rtl and text and not text_is_rtl(text, True):
        return f"{LRI}{text}{PDI}"
    return text


class DirectionDelegate(QStyledItemDelegate):
    """The view's delegate, with each cell's text laid out by the direction rule (the model's
    text is not changed: sorting, copying and editing see the text as typed)."""

    def initStyleOption(self, option, index) -> None:
        super().initStyleOption(option, index)
        if option.text:
            option.text = shown_in_direction(
                option.text, option.direction == Qt.LayoutDirection.RightToLeft
            )


def follow_text_direction(*views: QAbstractItemView) -> None:
    """Give ``views`` (whose delegate is Qt's default) the direction rule per cell."""
    for view in views:
        if type(view.itemDelegate()) is QStyledItemDelegate:
            view.setItemDelegate(DirectionDelegate(view))


def align_to_text(*editors) -> None:
    """Lay out and align each multi-line editor (QPlainTextEdit, QTextEdit) in its text's
    direction, now and whenever its text changes."""
    for edit in editors:
        edit.document().contentsChanged.connect(lambda e=edit: _align(e))
        _align(edit)


def _align(edit) -> None:
    document = edit.document()
    rtl = (
        text_is_rtl(document.toPlainText(), screen_rtl(edit))
        if document.toPlainText()
        else screen_rtl(edit)
    )
    option = document.defaultTextOption()
    direction = Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
    if option.textDirection() == direction and edit.property("kehilaAligned"):
        return
    option.setTextDirection(direction)
    option.setAlignment(
        (Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft)
        | Qt.AlignmentFlag.AlignAbsolute
    )
    document.setDefaultTextOption(option)
    edit.setProperty("kehilaAligned", True)


__all__ = [
    "DirectionDelegate",
    "align_to_text",
    "follow_text_direction",
    "screen_rtl",
    "shown_in_direction",
]
