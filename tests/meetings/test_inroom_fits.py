"""In-room mode on a modest 1366x768 laptop: the whole window fits in every language, the
heading stays on one line (whole in its tooltip) and two rows of member names stay in view."""

from __future__ import annotations

import pytest

from kehila_desktop.gui.language import apply_language
from kehila_desktop.gui.views.meetings.inroom import InRoomWindow

from .gui_helpers import build_small_program, context_on


@pytest.mark.parametrize("code", ["he", "ar", "en"])
def test_in_room_mode_fits_a_1366x768_screen(qtbot, he_app, new_file, code):
    ids = build_small_program(new_file)
    apply_language(code, remember=False)
    try:
        window = InRoomWindow(context_on(new_file), ids["meeting"])
        qtbot.addWidget(window)
        window.timer.stop()
        window.resize(1366, 768)
        window.show()
        hint = window.minimumSizeHint()
        assert hint.width() <= 1366 and hint.height() <= 768, hint
        assert window.height() == 768
        assert window.heading.toolTip() == window.title_text
        assert window.heading.height() < 2 * window.heading.fontMetrics().height()
        viewport = window.grid.parentWidget().parentWidget()  # the scroll area's viewport
        button = next(iter(window.member_buttons.values()))
        assert viewport.height() >= 2 * button.height(), (viewport.height(), button.height())
    finally:
        apply_language("he", remember=False)
