"""In-room mode's heading on a 1024x768 laptop: the body, the date and the time are all read,
in every language — a shorter date (without the day's name) rather than "…" cutting the time."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from kehila_desktop.gui.language import apply_language
from kehila_desktop.gui.views.meetings.inroom import InRoomWindow

from .gui_helpers import build_small_program, context_on


@pytest.mark.parametrize("size", [(1024, 768), (1366, 768)])
@pytest.mark.parametrize("code", ["he", "ar", "en"])
def test_the_heading_shows_the_meetings_time_whole(qtbot, he_app, new_file, code, size):
    ids = build_small_program(new_file)
    try:
        apply_language(code, remember=False)
        window = InRoomWindow(context_on(new_file), ids["meeting"])
        qtbot.addWidget(window)
        window.timer.stop()
        window.resize(*size)
        window.show()
        QApplication.processEvents()
        heading = window.heading
        shown, whole = heading.text(), window.title_text
        assert "…" not in shown, shown
        assert shown.endswith(whole[-5:])  # the time, HH:mm
        assert heading.fontMetrics().horizontalAdvance(shown) <= heading.contentsRect().width()
        assert heading.toolTip() == whole
    finally:
        apply_language("he", remember=False)
