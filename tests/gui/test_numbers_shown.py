"""Numbers in editors read right in right-to-left languages: a percentage is "75%", never
"% 75" (a space before the sign let the bidi algorithm move it to the other side)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextLayout

from kehila_desktop.gui.views.people.membership_editor import MembershipEditor


def test_expected_attendance_reads_75_percent(qtbot, app_setup):
    editor = MembershipEditor("נועה", [])
    qtbot.addWidget(editor)
    text = editor.attendance.text()
    assert text == "75%"
    layout = QTextLayout(text, editor.font())  # laid out right to left, as Hebrew is
    option = layout.textOption()
    option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    layout.setTextOption(option)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    runs = layout.glyphRuns()
    assert len(runs) == 1 and not runs[0].isRightToLeft()  # one left-to-right run: 75%
