"""In the room, the Undo button names the last step in the language the facilitator switched
to, at once (the step was made in Hebrew)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from kehila_desktop.core.i18n import tr
from kehila_desktop.gui.language import apply_language
from kehila_desktop.gui.views.meetings.inroom import InRoomWindow

from .gui_helpers import build_small_program, context_on


def test_the_rooms_undo_follows_a_language_switch(qtbot, he_app, new_file):
    ids = build_small_program(new_file)
    context = context_on(new_file)
    window = InRoomWindow(context, ids["meeting"])
    qtbot.addWidget(window)
    window.timer.stop()
    window.show()
    qtbot.mouseClick(window.member_buttons[ids["people"][0]], Qt.MouseButton.LeftButton)
    assert window.undo_button.full_text == "ביטול פעולה: רישום הגעה (Ctrl+Z)"
    for code in ("ar", "en"):
        apply_language(code, remember=False)
        context.languageChanged.emit(code)
        undo = tr("&Undo: {action}", action=tr("check-in")).replace("&", "")
        assert window.undo_button.full_text == f"{undo} (Ctrl+Z)"
    assert window.undo_button.full_text == "Undo: check-in (Ctrl+Z)"
    apply_language("he", remember=False)
    window.timer.stop()
