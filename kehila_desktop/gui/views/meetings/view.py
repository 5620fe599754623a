"""The Meetings view: every body's meetings (or one body's) as a list and a month calendar,
with status, attendance rates per meeting and per member, action items across meetings, the
schedule generator, and one meeting in detail (agenda, attendance, decisions). In-room mode
opens from here (``inroom.py``)."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QTextCharFormat
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCalendarWidget,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kehila_desktop.core import enums
from kehila_desktop.core.meetings import records as mt
from kehila_desktop.core.meetings import edits
from kehila_desktop.core.i18n import label, tr
from kehila_desktop.gui.views.lazy import LazyView
from kehila_desktop.gui.filedialogs import name_filter, save_path
from kehila_desktop.gui.widgets import plain_tip, use_latin_digits
from kehila_desktop.gui.views.meetings.list_model import MeetingsTableModel
from kehila_desktop.gui.views.meetings.meeting_panel import MeetingPanel
from kehila_desktop.gui.direction import follow_text_direction
from kehila_desktop.core.meetings import queries as mq
from kehila_desktop.core.structure import queries as sq


class View(LazyView):
    key = "meetings"

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.inroom = None
        self._marked_days: list[QDate] = []
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.body_filter = QComboBox()
        self.status_filter = QComboBox()
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.new_button = QPushButton()
        self.schedule_button = QPushButton()
        self.ics_button = QPushButton()
        for w in (self.body_filter, self.status_filter):
            # as wide as its texts in the current language (also after a language change)
            w.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            bar.addWidget(w)
        bar.addWidget(self.search, 1)
        for w in (self.new_button, self.schedule_button, self.ics_button):
            bar.addWidget(w)
        layout.addLayout(bar)
        split = QSplitter(Qt.Orientation.Horizontal)
        layout.addWidget(split, 1)
        self.left = QTabWidget()
        split.addWidget(self.left)
        # the list
        self.model = MeetingsTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        follow_text_direction(self.table)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)  # Tab moves on, arrows move in the table
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((125, 165, 95, 70, 125, 100)):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.left.addTab(self.table, "")
        # the month
        month = QWidget()
        mlay = QVBoxLayout(month)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        use_latin_digits(self.calendar)
        self.calendar.selectionChanged.connect(self._day_changed)
        self.calendar.currentPageChanged.connect(lambda *_: self._mark_calendar())
        self.day_list = QListWidget()
        self.day_list.itemClicked.connect(self._day_item)
        self.day_list.itemActivated.connect(self._day_item)
        mlay.addWidget(self.calendar, 3)
        mlay.addWidget(self.day_list, 1)
        self.left.addTab(month, "")
        # members' attendance, action items across meetings
        self.members = QTreeWidget()
        self.members.setRootIsDecorated(False)
        self.left.addTab(self.members, "")
        self.actions = QTreeWidget()
        self.actions.setRootIsDecorated(False)
        self.actions.setColumnWidth(0, 280)
        self.members.setColumnWidth(0, 160)
        self.members.setColumnWidth(1, 170)
        self.actions.itemActivated.connect(self._action_item)
        self.actions.itemDoubleClicked.connect(self._action_item)
        self.left.addTab(self.actions, "")
        self.left.currentChanged.connect(lambda *_: self._fill_side_tabs())
        # the meeting
        self.panel = MeetingPanel(context)
        self.panel.inRoomRequested.connect(self.open_inroom)
        # scrolls rather than pushing the window past a 1366x768 laptop's screen
        self.panel_scroll = QScrollArea()
        self.panel_scroll.setWidgetResizable(True)
        self.panel_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no unnamed tab stop
        self.panel_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.panel_scroll.setWidget(self.panel)
        # never narrower than the panel itself: its fields and buttons are not cut or scrolled
        # sideways; the list gives way instead (it scrolls its own columns)
        self.panel_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.panel_scroll.setMinimumWidth(
            self.panel.minimumSizeHint().width()
            + self.panel_scroll.verticalScrollBar().sizeHint().width()
        )
        self.left.setMinimumWidth(280)  # the list scrolls; the tabs get scroll arrows
        split.setChildrenCollapsible(False)
        split.addWidget(self.panel_scroll)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([560, 440])  # the list shows its columns on a 1366-pixel-wide screen
        self.body_filter.currentIndexChanged.connect(self._filter)
        self.status_filter.currentIndexChanged.connect(self._filter)
        self.search.textChanged.connect(self._filter)
        self.new_button.clicked.connect(self.new_meeting)
        self.schedule_button.clicked.connect(self.generate_dialog)
        self.ics_button.clicked.connect(self.export_ics)
        context.changed.connect(self._changed)
        context.fileOpened.connect(self.refresh)
        context.languageChanged.connect(self.retranslate)
        self.retranslate()

    def title(self) -> str:
        return tr("Meetings")

    def _fit_word_columns(self) -> None:
        """The kind and status columns are as wide as their longest word in this language
        ("Regular meeting" is not cut short); the cells also show it as a tooltip."""
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader().fontMetrics()
        for column, vocabulary in ((2, "MEETING_KINDS"), (3, "MEETING_STATUSES")):
            words = [label(vocabulary, key) for key in getattr(enums, vocabulary)]
            wide = max(metrics.horizontalAdvance(w) for w in words)
            head = header.horizontalAdvance(
                str(self.model.headerData(column, Qt.Orientation.Horizontal))
            )
            self.table.setColumnWidth(column, max(wide, head + 16) + 16)

    def retranslate(self, *_args) -> None:
        for w, text in (
            (self.body_filter, tr("Show meetings of")),
            (self.status_filter, tr("Status filter")),
            (self.search, tr("Search meetings")),
        ):
            w.setAccessibleName(text)
        self.search.setPlaceholderText(tr("Search by date, body or place"))
        for b, text in (
            (self.new_button, tr("New meeting")),
            (self.schedule_button, tr("Generate from cadence…")),
            (self.ics_button, tr("Export calendar…")),
        ):
            b.setText(text)
            b.setAccessibleName(text)
        for n, text in enumerate(
            (tr("List"), tr("Month"), tr("Members' attendance"), tr("Action items"))
        ):
            self.left.setTabText(n, text)
        self.table.setAccessibleName(tr("Meetings"))
        self._fit_word_columns()
        self.calendar.setAccessibleName(tr("Month calendar of meetings"))
        self.day_list.setAccessibleName(tr("Meetings on the chosen day"))
        self.members.setAccessibleName(tr("Members' attendance"))
        self.members.setHeaderLabels(
            [tr("Member"), tr("Body"), tr("Came"), tr("Excused"), tr("Rate"), tr("Expected")]
        )
        self.actions.setAccessibleName(tr("Action items across meetings"))
        self.actions.setHeaderLabels(
            [tr("Action item"), tr("Owner"), tr("Due"), tr("Status"), tr("Meeting"), tr("Body")]
        )
        self.status_filter.blockSignals(True)
        current = self.status_filter.currentData() or ""
        self.status_filter.clear()
        self.status_filter.addItem(tr("Every status"), "")
        for key in enums.MEETING_STATUSES:
            self.status_filter.addItem(label("MEETING_STATUSES", key), key)
        self.status_filter.setCurrentIndex(max(0, self.status_filter.findData(current)))
        self.status_filter.blockSignals(False)
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

    def _load_rates(self) -> None:
        if self.context.pf is not None:
            self.model.load_rates(self.context.pf.conn)

    def _fill_bodies(self, conn) -> None:
        current = self.body_filter.currentData() or ""
        self.body_filter.blockSignals(True)
        self.body_filter.clear()
        self.body_filter.addItem(tr("All bodies"), "")
        for bid, name, _kind in sq.bodies(conn):
            self.body_filter.addItem(name, bid)
        self.body_filter.setCurrentIndex(max(0, self.body_filter.findData(current)))
        self.body_filter.blockSignals(False)

    def _apply_filter(self) -> None:
        self.model.set_filter(
            self.body_filter.currentData(), self.status_filter.currentData(), self.search.text()
        )

    def _filter(self, *_args) -> None:
        selected = self.current_meeting_id()
        self._apply_filter()
        self._mark_calendar()
        self._fill_side_tabs()
        if selected and self.model.row_of(selected) >= 0:
            self.select_meeting(selected)
        else:
            self.select_meeting(self._default_meeting())

    def _default_meeting(self) -> str | None:
        """The next planned meeting, else the last one."""
        rows = self.model.rows()
        now = datetime.now().strftime("%Y-%m-%dT%H:%M")
        upcoming = [r for r in rows if r.starts_at >= now and r.status == "planned"]
        return (upcoming[0] if upcoming else rows[-1]).id if rows else None

    def print_context(self) -> dict:
        """What File → Print… starts with: the selected meeting's agenda."""
        return {"handout": "agenda", "meeting": self.current_meeting_id() or self.panel.meeting_id}

    def current_meeting_id(self) -> str | None:
        index = self.table.currentIndex()
        row = self.model.meeting(index.row()) if index.isValid() else None
        return row.id if row else None

    def select_meeting(self, meeting_id: str | None, reload: bool = False) -> None:
        row = self.model.row_of(meeting_id) if meeting_id else -1
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, 0))  # loads the panel when new
            self.table.scrollTo(self.model.index(row, 0))
        else:
            self.table.clearSelection()
        if reload or self.panel.meeting_id != meeting_id:
            self.panel.load(meeting_id)

    def _row_changed(self, current, _previous) -> None:
        row = self.model.meeting(current.row()) if current.isValid() else None
        if row is not None and row.id != self.panel.meeting_id:
            self.panel.load(row.id)
            day = date.fromisoformat(row.starts_at[:10])
            self.calendar.blockSignals(True)
            self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))
            self.calendar.blockSignals(False)
            self._fill_day_list()

    # --- month calendar ---------------------------------------------------------------------
    def _mark_calendar(self) -> None:
        plain = QTextCharFormat()
        for d in self._marked_days:
            self.calendar.setDateTextFormat(d, plain)
        self._marked_days = []
        colours = {"planned": "#d6e6ff", "held": "#d7f2dc", "cancelled": "#eeeeee"}
        page = date(self.calendar.yearShown(), self.calendar.monthShown(), 1)
        first = date.fromordinal(page.toordinal() - 7).isoformat()  # the page's grid
        last = date.fromordinal(page.toordinal() + 45).isoformat()
        for r in self.model.rows():
            if not first <= r.starts_at[:10] <= last:
                continue
            day = QDate.fromString(r.starts_at[:10], "yyyy-MM-dd")
            fmt = QTextCharFormat()
            fmt.setBackground(QBrush(QColor(colours.get(r.status, "#d6e6ff"))))
            fmt.setFontWeight(700)
            fmt.setToolTip(plain_tip(f"{r.starts_at[11:16]} {r.body}"))
            self.calendar.setDateTextFormat(day, fmt)
            self._marked_days.append(day)
        self._fill_day_list()

    def _day_changed(self) -> None:
        self._fill_day_list()
        items = [self.day_list.item(i) for i in range(self.day_list.count())]
        if items:
            self.select_meeting(items[0].data(Qt.ItemDataRole.UserRole))

    def _fill_day_list(self) -> None:
        self.day_list.clear()
        day = self.calendar.selectedDate().toString("yyyy-MM-dd")
        for r in self.model.rows():
            if r.starts_at.startswith(day):
                item = QListWidgetItem(
                    tr(
                        "{time} {body} ({status})",
                        time=r.starts_at[11:16],
                        body=r.body,
                        status=label("MEETING_STATUSES", r.status),
                    )
                )
                item.setData(Qt.ItemDataRole.UserRole, r.id)
                self.day_list.addItem(item)
        if not self.day_list.count():
            empty = QListWidgetItem(tr("No meeting on this day."))
            empty.setData(Qt.ItemDataRole.UserRole, "")
            self.day_list.addItem(empty)

    def _day_item(self, item) -> None:
        meeting_id = item.data(Qt.ItemDataRole.UserRole)
        if meeting_id:
            self.select_meeting(meeting_id)

    # --- members and action items -------------------------------------------------------------
    def _fill_side_tabs(self) -> None:
        pf = self.context.pf
        if pf is None:
            return
        tab = self.left.currentIndex()
        body_id = self.body_filter.currentData()
        if tab == 2:
            self._fill_members(pf.conn, body_id)
        elif tab == 3:
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
                    item.setForeground(col, QColor("#b00020"))
                item.setToolTip(4, tr("Below the expected attendance."))
            items.append(item)
        self.members.addTopLevelItems(items)  # at once: 5,000 members one by one took ~0.3 s

    def _fill_actions(self, conn, body_id) -> None:
        self.actions.clear()
        for a in mt.action_items(conn, body_id=body_id):
            item = QTreeWidgetItem(
                [
                    a["text"],
                    a["owner"] or "",
                    a["due"] or "",
                    label("ACTION_ITEM_STATUSES", a["status"]),
                    a["meeting_date"] or "",
                    a["body"] or "",
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, a["meeting_id"] or "")
            item.setData(1, Qt.ItemDataRole.UserRole, a["id"])
            if a["overdue"]:
                for col in range(6):
                    item.setForeground(col, QColor("#b00020"))
                item.setToolTip(2, tr("Past due."))
            self.actions.addTopLevelItem(item)

    def _action_item(self, item, *_args) -> None:
        meeting_id = item.data(0, Qt.ItemDataRole.UserRole)
        if meeting_id:
            self._show_meeting_anywhere(meeting_id)
            self.panel.tabs.setCurrentWidget(self.panel.decisions)

    # --- commands -------------------------------------------------------------------------
    def new_meeting(self) -> None:
        pf = self.context.pf
        body_id = self.body_filter.currentData() or sq.first_body_id(pf.conn)
        today = date.today().isoformat()
        new_id = self.context.run(
            tr("new meeting"), lambda ops: edits.new_meeting(ops, body_id, today)
        )
        if new_id:
            self._show_meeting_anywhere(new_id)

    def generate_dialog(self):
        from kehila_desktop.gui.views.meetings.schedule_dialog import ScheduleDialog

        dialog = ScheduleDialog(self.context, self.body_filter.currentData(), self)
        dialog.open()
        return dialog

    def export_ics(self) -> None:
        from kehila_desktop.core.meetings.calendar_ics import write_ics

        path = save_path(
            self, tr("Export calendar"), "meetings.ics", name_filter(tr("Calendar files"), "*.ics")
        )
        if path:
            try:
                write_ics(self.context.pf.conn, path, self.body_filter.currentData())
            except OSError as exc:
                self.context.show_error(
                    tr("{path} cannot be written ({error}).", path=path, error=exc.strerror or exc)
                )

    def open_inroom(self, meeting_id: str | None = None, projector: bool = False):
        from kehila_desktop.gui.views.meetings.inroom import InRoomWindow

        meeting_id = meeting_id or self.current_meeting_id()
        if not meeting_id:
            return None
        if self.inroom is not None:
            self.inroom.close()
        self.inroom = InRoomWindow(self.context, meeting_id, projector=projector)
        self.inroom.show_in_room()
        return self.inroom

    # --- navigation -----------------------------------------------------------------------
    def _show_meeting_anywhere(self, meeting_id: str) -> None:
        if self.model.row_of(meeting_id) < 0:  # filtered out: show every meeting
            self.search.clear()
            self.status_filter.setCurrentIndex(0)
            self.body_filter.setCurrentIndex(0)
        self.left.setCurrentIndex(0)
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
                self.left.setCurrentIndex(3)
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
            self.left.setCurrentIndex(2)
            for i in range(self.members.topLevelItemCount()):
                item = self.members.topLevelItem(i)
                if item.data(0, Qt.ItemDataRole.UserRole) == row_id:
                    self.members.setCurrentItem(item)
