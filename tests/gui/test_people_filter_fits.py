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
