"""The meetings view's Members' attendance and Action items tabs: each member's attendance
rate against the expected one, and the action items across meetings (activating one shows
its meeting's decisions). Filled only when their tab is shown, for the chosen body. A mixin
of the meetings ``View``.

The action items fit the list's side of a 1024x768 window (about 300 px) without a sideways
scroll, their tasks read whole: there each row stacks (``gui/stacked_rows``), the task word
wrapped on its first line(s) and "owner · Due: … · status · meeting" below; a wider list shows
the task column (wrapped, taking the rest of the width) and the owner, due, status and meeting
columns as wide as their contents. The meeting shows the meeting's short date with its body's
name under it when the list holds several bodies' items (a sixth "Body" column pushed the due
date out of sight). The members' attendance stacks the same way (name, then body, came,
excused, rate and expected, each labelled)"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem

from kehila_desktop.core.i18n import label, tr
from kehila_desktop.core.meetings import queries as mq
from kehila_desktop.core.meetings import records as mt
from kehila_desktop.gui.headers import wrap_headers
from kehila_desktop.gui.stacked_rows import stack_when_narrow
from kehila_desktop.gui.widgets import plain_tip, short_date

MEMBERS_TAB, ACTIONS_TAB = 2, 3  # their places among the view's tabs
PAST_DUE = "#b00020"


class AttendanceActionsTabs:
    def _build_attendance_actions(self) -> tuple[QTreeWidget, QTreeWidget]:
        self.members = QTreeWidget()
        self.members.setRootIsDecorated(False)
        self.actions = QTreeWidget()
        self.actions.setRootIsDecorated(False)
        self.actions.setColumnCount(5)
        header = wrap_headers(self.actions)  # "Action item" wraps in the narrow task column
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.actions_rows = stack_when_narrow(self.actions, labelled=[2])  # "Due: …"
        self.members.setColumnCount(6)
        header = self.members.header()
        header.setStretchLastSection(False)
        for column in range(1, 6):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.members_rows = stack_when_narrow(self.members, labelled=range(2, 6))
        self.actions.itemActivated.connect(self._action_item)
        self.actions.itemDoubleClicked.connect(self._action_item)
        return self.members, self.actions

    def _retranslate_attendance_actions(self) -> None:
        self.members.setAccessibleName(tr("Members' attendance"))
        self.members.setHeaderLabels(
            [tr("Member"), tr("Body"), tr("Came"), tr("Excused"), tr("Rate"), tr("Expected")]
        )
        self.actions.setAccessibleName(tr("Action items across meetings"))
        self.actions.setHeaderLabels(
            [tr("Action item"), tr("Owner"), tr("Due"), tr("Status"), tr("Meeting")]
        )

    def _fill_side_tabs(self) -> None:
        pf = self.context.pf
        if pf is None:
            return
        tab = self.left.currentIndex()
        body_id = self.body_filter.currentData()
        if tab == MEMBERS_TAB:
            self._fill_members(pf.conn, body_id)
        elif tab == ACTIONS_TAB:
            self._fill_actions(pf.conn, body_id)

    def _fill_members(self, conn, body_id) -> None:
        self.members.clear()
        bodies = mq.body_names(conn)
        items = []
        for r in mt.member_rates(conn, body_id):
            rate = "" if r.rate is None else f"{round(r.rate * 100)}%"
            item = QTreeWidgetItem(
                [
                    r.name,
                    bodies.get(r.body_id, ""),
                    tr("{attended} of {held}", attended=r.attended, held=r.held),
                    str(r.excused),
                    rate,
                    f"{r.expected_pct}%",
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, r.membership_id)
            if r.below:
                for col in range(6):
                    item.setForeground(col, QColor(PAST_DUE))
                for col in (0, 4):  # the name's too: a stacked row hides the rate's column
                    item.setToolTip(col, tr("Below the expected attendance."))
            items.append(item)
        self.members.addTopLevelItems(items)  # at once: 5,000 members one by one took ~0.3 s
        self.members_rows.arrange()

    def _fill_actions(self, conn, body_id) -> None:
        """The body's action items by due date (the core's order), dates day first; the
        meeting's body under its date when several bodies' items are listed."""
        self.actions.clear()
        rows = mt.action_items(conn, body_id=body_id)
        several = len({a["body"] for a in rows}) > 1
        for a in rows:
            meeting = short_date(a["meeting_date"])
            if several and a["body"]:
                meeting = f"{meeting}\n{a['body']}" if meeting else a["body"]
            item = QTreeWidgetItem(
                [
                    a["text"],
                    a["owner"] or "",
                    short_date(a["due"]),
                    label("ACTION_ITEM_STATUSES", a["status"]),
                    meeting,
                ]
            )
            item.setToolTip(0, plain_tip(a["text"]))
            item.setToolTip(4, plain_tip(a["body"] or ""))
            item.setData(0, Qt.ItemDataRole.UserRole, a["meeting_id"] or "")
            item.setData(1, Qt.ItemDataRole.UserRole, a["id"])
            if a["overdue"]:
                for col in range(5):
                    item.setForeground(col, QColor(PAST_DUE))
                item.setToolTip(2, tr("Past due."))
                item.setToolTip(
                    0, plain_tip(f"{a['text']}\n{tr('Past due.')}")
                )  # stacked: no due column
            self.actions.addTopLevelItem(item)
        self.actions_rows.arrange()

    def _action_item(self, item, *_args) -> None:
        meeting_id = item.data(0, Qt.ItemDataRole.UserRole)
        if meeting_id:
            self._show_meeting_anywhere(meeting_id)
            self.panel.tabs.setCurrentWidget(self.panel.decisions)

    def _select_member(self, membership_id: str) -> None:
        """Show the Members' attendance tab with ``membership_id``'s row current."""
        self.left.setCurrentIndex(MEMBERS_TAB)
        for i in range(self.members.topLevelItemCount()):
            item = self.members.topLevelItem(i)
            if item.data(0, Qt.ItemDataRole.UserRole) == membership_id:
                self.members.setCurrentItem(item)
