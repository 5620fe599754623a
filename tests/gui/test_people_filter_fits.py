"""The people view's search box keeps room to type in on a 1024×768 screen in every language:
the filters beside it shrink before it does (they show their whole choices when opened)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("language", ["he", "ar", "en"])
def test_the_search_box_keeps_room_at_1024(main_window, qtbot, language):
    window = main_window
    window.set_language(language)
    view = window.show_view("people")
    window.resize(1600, 900)
    qtbot.waitUntil(lambda: view.search.width() > 200)
    wide = view.search.width()
    window.resize(1024, 738)
    qtbot.waitUntil(lambda: view.search.width() < wide)
    assert view.search.width() >= 180, view.search.width()
    for combo in view._filters():
        assert combo.width() >= 100, combo.currentText()


@pytest.mark.parametrize("language", ["he", "ar", "en"])
def test_the_all_choices_read_whole_at_1024(main_window, qtbot, language):
    """Each filter's "all …" choice (the one shown most) reads whole at 1024 pixels: the
    bundle showed "כל השכונות והא" for all areas in Hebrew."""
    from PySide6.QtWidgets import QStyle, QStyleOptionComboBox

    window = main_window
    window.set_language(language)
    view = window.show_view("people")
    window.resize(1024, 738)
    qtbot.waitUntil(lambda: view.search.width() < 400)
    for combo in view._filters():
        option = QStyleOptionComboBox()
        combo.initStyleOption(option)
        field = combo.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
        )
        text = combo.itemText(0)
        assert combo.currentIndex() == 0
        assert combo.fontMetrics().horizontalAdvance(text) <= field.width(), (text, field.width())
    assert view.search.width() >= 180, view.search.width()
