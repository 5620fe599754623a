"""The Meetings view: every body's meetings (or one body's) as a list and a month calendar,
with status, attendance rates per meeting and per member, action items across meetings, the
schedule generator, and one meeting in detail (agenda, attendance, decisions). In-room mode
opens from here (``inroom.py``).

The view assembles its parts; each job lives in its own module: ``filter_bar`` (the filters,
the search and the buttons above the list), ``meetings_list`` (the list and the selected
meeting), ``month_tab`` (the calendar), ``attendance_actions_tabs`` (members' attendance and
action items across meetings), ``meeting_actions`` (new meeting, generate, export calendar,
in-room) and ``panel_host`` (the meeting panel beside the list, ``meeting_panel``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QSplitter, QTabWidget, QVBoxLayout, QWidget

from kehila_desktop.core.i18n import tr
from kehila_desktop.core.meetings import queries as mq
from kehila_desktop.gui.views.lazy import LazyView
from kehila_desktop.gui.views.meetings.attendance_actions_tabs import (
    ACTIONS_TAB,
    AttendanceActionsTabs,
)
from kehila_desktop.gui.views.meetings.filter_bar import FilterBar
from kehila_desktop.gui.views.meetings.meeting_actions import MeetingActions
from kehila_desktop.gui.views.meetings.meeting_panel import MeetingPanel
from kehila_desktop.gui.views.meetings.meetings_list import MeetingsList
from kehila_desktop.gui.views.meetings.month_tab import MonthTab
from kehila_desktop.gui.views.meetings.panel_host import scrolling_panel

LIST_TAB = 0


class View(FilterBar, MeetingsList, MonthTab, AttendanceActionsTabs, MeetingActions, LazyView):
    key = "meetings"

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.inroom = None
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_filter_bar())
        split = QSplitter(Qt.Orientation.Horizontal)
        layout.addWidget(split, 1)
        self.left = QTabWidget()
        split.addWidget(self.left)
        self.left.addTab(self._build_list(), "")
        self.left.addTab(self._build_month(), "")
        for tree in self._build_attendance_actions():
            self.left.addTab(tree, "")
        self.left.currentChanged.connect(lambda *_: self._fill_side_tabs())
        # the meeting
        self.panel = MeetingPanel(context)
        self.panel.inRoomRequested.connect(self.open_inroom)
        self.panel_scroll = scrolling_panel(self.panel)
        self.left.setMinimumWidth(280)  # the list scrolls; the tabs get scroll arrows
        split.setChildrenCollapsible(False)
        split.addWidget(self.panel_scroll)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([560, 440])  # the list shows its columns on a 1366-pixel-wide screen
        self._connect_filter_bar()
        context.changed.connect(self._changed)
        context.fileOpened.connect(self.refresh)
        context.languageChanged.connect(self.retranslate)
        self.retranslate()

    def title(self) -> str:
        return tr("Meetings")

    def retranslate(self, *_args) -> None:
        self._retranslate_filter_bar()
        for n, text in enumerate(
            (tr("List"), tr("Month"), tr("Members' attendance"), tr("Action items"))
        ):
            self.left.setTabText(n, text)
        self._retranslate_list()
        self._retranslate_month()
        self._retranslate_attendance_actions()
        self._fill_statuses()
        self.model.retranslate()
        self.panel.retranslate()
        self.refresh()

    # --- reading ----------------------------------------------------------------------------
    def _changed(self, *_args) -> None:
        """After an edit anywhere: re-read now if shown, else when next shown."""
        self.refresh_when_shown()

    def refresh(self, *_args) -> None:
        pf = self.context.pf
        if pf is None:
            return
        self._stale = False
        selected = self.current_meeting_id()
        self._fill_bodies(pf.conn)
        self.model.load(pf.conn, rates=False)
        self._apply_filter()
        QTimer.singleShot(0, self._load_rates)
        enabled = not self.context.read_only
        for b in (self.new_button, self.schedule_button):
            b.setEnabled(enabled)
        self._mark_calendar()
        self._fill_side_tabs()
        self.select_meeting(selected or self._default_meeting(), reload=True)

    def print_context(self) -> dict:
        """What File → Print… starts with: the selected meeting's agenda."""
        return {"handout": "agenda", "meeting": self.current_meeting_id() or self.panel.meeting_id}

    # --- navigation -----------------------------------------------------------------------
    def _show_meeting_anywhere(self, meeting_id: str) -> None:
        if self.model.row_of(meeting_id) < 0:  # filtered out: show every meeting
            self._show_every_meeting()
        self.left.setCurrentIndex(LIST_TAB)
        self.select_meeting(meeting_id)

    def navigate(self, table: str, row_id: str) -> None:
        pf = self.context.pf
        if pf is None or not row_id:
            return
        if table == "meeting":
            self._show_meeting_anywhere(row_id)
        elif table in ("agenda_item", "attendance", "decision", "action_item"):
            meeting_id = mq.meeting_of(pf.conn, table, row_id)
            if table == "action_item":
                self.body_filter.setCurrentIndex(0)
                self.left.setCurrentIndex(ACTIONS_TAB)
            if meeting_id:
                if table != "action_item":
                    self._show_meeting_anywhere(meeting_id)
                else:
                    self.select_meeting(meeting_id)
                tab = {"agenda_item": self.panel.agenda, "attendance": self.panel.attendance}
                self.panel.tabs.setCurrentWidget(tab.get(table, self.panel.decisions))
        elif table == "body":
            self.body_filter.setCurrentIndex(max(0, self.body_filter.findData(row_id)))
        elif table == "membership":
            body = mq.body_of_membership(pf.conn, row_id)
            if body:
                self.body_filter.setCurrentIndex(max(0, self.body_filter.findData(body)))
            self._select_member(row_id)
