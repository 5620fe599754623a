"""The check-in grid keeps its columns while members are checked in: the number of columns is
decided by the width and the longest name or mark a button may show, so a name never jumps
from under the facilitator's finger after the first taps (it went from 3 columns to 2)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from kehila_desktop.core.file.programfile import open_program
from kehila_desktop.core.history.operations import Operations
from kehila_desktop.gui.language import apply_language
from kehila_desktop.gui.views.meetings.inroom import InRoomWindow

from .gui_helpers import build_small_program, context_on
from .helpers import add_meeting, add_members, body_id

SHORT_NAMES = {"he": ["דן", "גל", "טל", "רון"], "ar": ["علي", "هبة", "ريم", "سعد"]}
SHORT_NAMES["en"] = ["Al", "Bo", "Cy", "Di"]


def _places(window):
    return {pid: b.geometry().topLeft() for pid, b in window.member_buttons.items()}


@pytest.mark.parametrize("size", [(1024, 768), (1366, 768)])
@pytest.mark.parametrize("code", ["he", "ar", "en"])
def test_names_stay_in_place_as_members_are_checked_in(qtbot, he_app, new_file, code, size):
    build_small_program(new_file)
    with open_program(new_file) as pf:
        ops = Operations(pf)
        body = body_id(ops, "design")
        add_members(ops, body, [f"{n} {k}" for k in range(1, 4) for n in SHORT_NAMES[code]])
        meeting = add_meeting(ops, body, "2027-01-06T17:30", minutes=90)
    apply_language(code, remember=False)
    try:
        window = InRoomWindow(context_on(new_file), meeting)
        qtbot.addWidget(window)
        window.timer.stop()
        window.resize(*size)
        window.show()
        QApplication.processEvents()
        columns, places = window.grid_host.columns, _places(window)
        assert columns >= 2
        # every mark in turn: present, late, excused, absent (the taps of a real meeting)
        for pid in list(window.member_buttons)[:5]:
            for _ in range(4):
                window.tap(pid)
                QApplication.processEvents()
                assert window.grid_host.columns == columns
                assert _places(window) == places
                b = window.member_buttons[pid]
                widest = max(b.fontMetrics().horizontalAdvance(t) for t in b.text().split("\n"))
                assert b.width() >= widest + 8, b.text()  # the mark is seen whole
    finally:
        apply_language("he", remember=False)
