"""Where the meetings view holds the meeting panel (``meeting_panel.MeetingPanel``: the
meeting's fields, agenda, attendance and decisions): in a scroll area never narrower than the
panel, so its fields and buttons are not cut and the window fits a 1366x768 laptop."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea

from kehila_desktop.gui.views.meetings.meeting_panel import MeetingPanel


def scrolling_panel(panel: MeetingPanel) -> QScrollArea:
    """A scroll area holding ``panel``: it scrolls down rather than pushing the window past
    the screen, and never sideways."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no unnamed tab stop
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(panel)
    # never narrower than the panel itself: its fields and buttons are not cut or scrolled
    # sideways; the list gives way instead (it scrolls its own columns)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setMinimumWidth(
        panel.minimumSizeHint().width() + scroll.verticalScrollBar().sizeHint().width()
    )
    return scroll
