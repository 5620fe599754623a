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


def test_projector_and_item_line_isolate_hebrew_titles_in_english(qtbot, he_app, new_file):
    from kehila_desktop.core.i18n import FSI, PDI

    ids = build_small_program(new_file)
    apply_language("en", remember=False)
    try:
        window = InRoomWindow(context_on(new_file), ids["meeting"], projector=True)
        qtbot.addWidget(window)
        window.timer.stop()
        window.show()
        entry = window.projector.agenda.item(0).text()
        assert entry == f"1. {FSI}פתיחה ועדכונים{PDI} (10 min)"  # not "1. (10 פתיחה… min)"
        window.projector.close()
    finally:
        apply_language("he", remember=False)
