"""Guards against a PySide6 6.12 reference-count bug: every conversion of an *invalid* QVariant
to Python (``QComboBox.currentData()`` with no current item, ``itemData`` / ``data()`` of a role
that holds nothing, ``addItem(text, None)``) takes one reference from ``None`` without giving it
back; after enough of them Python aborts with "none_dealloc: deallocating None". So this view
never stores None in Qt (empty string instead) and never reads data that may be unset."""

from __future__ import annotations


def current_data(combo) -> str:
    """The current item's data, or "" when the combo box has no current item."""
    return combo.currentData() if combo.currentIndex() >= 0 else ""
