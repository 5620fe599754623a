"""The meetings list shows whole words: the kind column ("Regular meeting") and the status
column are as wide as their longest label in the language, with the word as a tooltip."""

from __future__ import annotations

from PySide6.QtCore import Qt

from kehila_desktop.gui.views.meetings.view import View

from .gui_helpers import build_small_program, context_on


def test_kind_and_status_columns_fit_their_words_in_english_and_hebrew(qtbot, he_app, new_file):
    from kehila_desktop.gui.language import apply_language

    build_small_program(new_file)
    view = View(context_on(new_file))
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    view.refresh()
    try:
        for code in ("en", "he"):
            apply_language(code, remember=False)
            view.context.languageChanged.emit(code)
            metrics = view.table.fontMetrics()
            for row in range(view.model.rowCount()):
                for column in (2, 3):
                    index = view.model.index(row, column)
                    text = index.data()
                    assert text and index.data(Qt.ItemDataRole.ToolTipRole) == text
                    # the cell's text plus the view's margins fits the column
                    assert metrics.horizontalAdvance(text) + 8 <= view.table.columnWidth(column)
            if code == "en":
                assert view.model.index(0, 2).data().lower() == "regular meeting"
    finally:
        apply_language("he", remember=False)
