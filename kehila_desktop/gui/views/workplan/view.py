"""The work-plan view: per channel (or all), the goals → objectives → actions tree with its
editor, the situation picture, a quarter timeline, budget totals, and approval by a steering
decision; export to .xlsx. Reads from ``context.pf.conn``; writes only through
``context.run`` with ``core.workplan`` / ``core.workplan_budget``."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from kehila_desktop.core.workplan import plans as wp
from kehila_desktop.core.i18n import label, ntr, tr
from kehila_desktop.core.workplan.budget import (
    approval_status,
    budget_totals,
    changes_since_approval,
    latest_approval,
)
from kehila_desktop.core.workplan.export import approval_text
from kehila_desktop.core.workplan.table import COLUMN_KEYS
from kehila_desktop.gui.views.workplan.budget_panel import BudgetPanel
from kehila_desktop.gui.views.workplan.commands import PlanCommands
from kehila_desktop.gui.views.workplan.editor import ItemEditor
from kehila_desktop.gui.views.workplan.situation import SituationPanel
from kehila_desktop.gui.views.workplan.timeline import TimelineChart, program_quarters
from kehila_desktop.gui.views.workplan.tree_model import PlanTreeModel
from kehila_desktop.gui.direction import follow_text_direction
from kehila_desktop.gui.headers import ColumnShares, wrap_headers
from kehila_desktop.core.workplan import queries as wq

ALL = ""
PLAN_TABLES = {
    "channel",
    "situation_section",
    "goal",
    "objective",
    "action",
    "action_area",
    "plan_approval",
    "decision",
    "body",
    "person",
    "area",
    "program",
    "meeting",
}
# the tree's columns: (share of its width, least, most); the title takes the rest
TREE_COLUMNS = {"title": (0, 0, 0), "owner": (0.22, 110, 200), "indicator": (0.28, 140, 320)}
ACTIONS = {  # key: (English text, shortcut)
    "add_goal": ("Add goal", None),
    "add_sibling": ("Add item", "Insert"),
    "add_child": ("Add item inside", "Ctrl+Insert"),
    "duplicate": ("Duplicate action", "Ctrl+D"),
    "up": ("Move up", "Alt+Up"),
    "down": ("Move down", "Alt+Down"),
    "move_goal": ("Move objective to another goal…", "Ctrl+M"),
    "delete": ("Delete", "Delete"),
}


class View(PlanCommands, QWidget):
    key = "workplan"

    def __init__(self, context, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.plans = []
        self.quarters: list[str] = []
        self.collapsed: set[str] = set()
        self.channel_id = ALL
        self._channel_picked = False
        self._stale = False
        self._build()
        context.changed.connect(self._changed)
        context.fileOpened.connect(self._file_opened)
        context.languageChanged.connect(self.retranslate)
        self._retranslate_texts()
        self._file_opened()

    # --- building -----------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.channel_caption = QLabel()
        self.channel = QComboBox()
        self.channel_caption.setBuddy(self.channel)
        self.channel.currentIndexChanged.connect(self._channel_chosen)
        self.approval = QLabel()
        self.approval.setTextFormat(Qt.TextFormat.PlainText)
        self.approval.setWordWrap(True)
        self.approve_button = QPushButton()
        self.approve_button.clicked.connect(self.approve_dialog)
        self.export_button = QPushButton()
        self.export_button.clicked.connect(self.export_dialog)
        top.addWidget(self.channel_caption)
        top.addWidget(self.channel)
        top.addWidget(self.approval, 1)
        top.addWidget(self.approve_button)
        top.addWidget(self.export_button)
        layout.addLayout(top)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)

        plan_page = QWidget()
        plan_layout = QVBoxLayout(plan_page)
        plan_layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.tree = QTreeView()
        self.model = PlanTreeModel(self.context, self)
        self.tree.setModel(self.model)
        wrap_headers(self.tree)
        follow_text_direction(self.tree)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.tree.setDropIndicatorShown(True)
        self._size_columns()
        self.tree.collapsed.connect(lambda i: self.collapsed.add(self.model.node(i).item_id))
        self.tree.expanded.connect(lambda i: self.collapsed.discard(self.model.node(i).item_id))
        self.tree.selectionModel().currentRowChanged.connect(self._current_changed)
        self.actions: dict[str, QAction] = {}
        self.buttons: dict[str, QToolButton] = {}
        slots = {
            "add_goal": self.add_goal,
            "add_sibling": self.add_sibling,
            "add_child": self.add_child,
            "duplicate": self.duplicate,
            "up": lambda: self.move(-1),
            "down": lambda: self.move(1),
            "move_goal": self.move_objective_dialog,
            "delete": self.delete_current,
        }
        for key, (_text, shortcut) in ACTIONS.items():
            action = QAction(self)
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _=False, s=slots[key]: s())
            self.tree.addAction(action)
            self.actions[key] = action
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            bar.addWidget(button)
            self.buttons[key] = button
        bar.addStretch(1)
        plan_layout.addLayout(bar)
        split = QSplitter()
        split.addWidget(self.tree)
        self.editor = ItemEditor(self.context)
        editor_scroll = QScrollArea()
        editor_scroll.setWidgetResizable(True)
        editor_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no unnamed tab stop
        editor_scroll.setWidget(self.editor)
        split.addWidget(editor_scroll)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 1)
        plan_layout.addWidget(split, 1)
        self.tabs.addTab(plan_page, "")

        self.situation = SituationPanel(self.context)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no unnamed tab stop
        scroll.setWidget(self.situation)
        self.tabs.addTab(scroll, "")
        self.timeline = TimelineChart()
        self.timeline.actionActivated.connect(self._open_from_timeline)
        self.timeline_scroll = QScrollArea()
        self.timeline_scroll.setWidgetResizable(True)
        self.timeline_scroll.setWidget(self.timeline)
        self.tabs.addTab(self.timeline_scroll, "")
        self.budget = BudgetPanel()
        self.tabs.addTab(self.budget, "")

    def _size_columns(self) -> None:
        """The tree shows the columns a plan is read by, and fits beside the editor at
        1024×768; the editor holds every field of the chosen item, the timeline and budget
        tabs its quarters and budgets (and the export every column)."""
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(60)
        for n, key in enumerate(COLUMN_KEYS):
            self.tree.setColumnHidden(n, key not in TREE_COLUMNS)
        header.setSectionResizeMode(COLUMN_KEYS.index("title"), QHeaderView.ResizeMode.Stretch)
        shares = {COLUMN_KEYS.index(k): v for k, v in TREE_COLUMNS.items() if k != "title"}
        self._column_shares = ColumnShares(self.tree, shares)

    def title(self) -> str:
        return tr("Work plan")

    def retranslate(self, *_args) -> None:
        self._retranslate_texts()
        self._fill_channels()
        self.refresh()

    def _retranslate_texts(self) -> None:
        self.channel_caption.setText(tr("Channel") + ":")
        self.channel.setAccessibleName(tr("Channel"))
        self.approve_button.setText(tr("Approve through a steering decision…"))
        self.approve_button.setAccessibleName(tr("Approve through a steering decision…"))
        self.export_button.setText(tr("Export to Excel…"))
        self.export_button.setAccessibleName(tr("Export to Excel…"))
        self.approval.setAccessibleName(tr("Approval"))
        for n, text in enumerate(
            ("Goals, objectives and actions", "Situation picture", "Timeline", "Budget")
        ):
            self.tabs.setTabText(n, tr(text))
        self.tree.setAccessibleName(tr("Goals, objectives and actions"))
        self.timeline.setAccessibleName(tr("Timeline"))
        for key, (text, shortcut) in ACTIONS.items():
            self.actions[key].setText(tr(text))
            keys = QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)
            tip = f"{tr(text)} ({keys})" if shortcut else tr(text)
            self.actions[key].setToolTip(tip)
            self.buttons[key].setAccessibleName(tr(text))
        self.editor.retranslate()
        self.situation.retranslate()
        self.budget.retranslate()

    # --- reading ------------------------------------------------------------------------
    def _file_opened(self) -> None:
        self._channel_picked = False
        self.collapsed.clear()
        self._fill_channels()
        self.refresh()

    def _fill_channels(self) -> None:
        pf = self.context.pf
        self.channel.blockSignals(True)
        self.channel.clear()
        self.channel.addItem(tr("All channels"), ALL)
        rows = wp.channel_rows(pf.conn) if pf is not None else []
        for cid, key, chosen in rows:
            text = label("CHANNELS", key)
            self.channel.addItem(
                text if chosen else tr("{channel} (not chosen)", channel=text), cid
            )
        if not self._channel_picked:
            chosen = [cid for cid, _k, c in rows if c]
            self.channel_id = chosen[0] if len(chosen) == 1 else ALL
        i = self.channel.findData(self.channel_id)
        self.channel.setCurrentIndex(max(i, 0))
        self.channel.blockSignals(False)

    def _channel_chosen(self, _i) -> None:
        self._channel_picked = True
        self.channel_id = self.channel.currentData() or ALL
        self.refresh()

    def set_channel(self, channel_id: str) -> None:
        self._channel_picked = True
        i = self.channel.findData(channel_id)
        if i >= 0:
            self.channel.blockSignals(True)
            self.channel.setCurrentIndex(i)
            self.channel.blockSignals(False)
            self.channel_id = channel_id
            self.reload()

    def _changed(self, changed) -> None:
        if not getattr(changed, "tables", None) or changed.tables & PLAN_TABLES:
            if "channel" in changed.tables:
                self._fill_channels()
            if self.tree.state() == QAbstractItemView.State.EditingState:
                # an in-place edit is being committed: rebuild the tree once it has closed
                QTimer.singleShot(0, self, self.refresh)
            else:
                self.refresh()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self, *_args) -> None:
        """Re-read the plan from the file (put off while the view is hidden)."""
        if not self.isVisible() and self.plans:
            self._stale = True
            return
        self.reload()

    def reload(self) -> None:
        """Re-read the plan from the file now."""
        self._stale = False
        pf = self.context.pf
        if pf is None:
            self.plans = []
            self.model.set_plans([], {}, {}, True)
            return
        conn = pf.conn
        current = self.current_node()
        current_id = current.item_id if current is not None else ""
        single = bool(self.channel_id)
        all_plans = wp.read_plans(conn)
        if single:
            self.plans = [p for p in all_plans if p.id == self.channel_id]
        else:
            self.plans = [p for p in all_plans if p.chosen or p.goals] or all_plans
        changes, statuses, approvals = {}, {}, {}
        for plan in self.plans:
            approval = approvals[plan.id] = latest_approval(conn, plan.id)
            status = approval_status(plan, approval)
            changes[plan.id] = changes_since_approval(plan, approval) if approval else None
            statuses[plan.id] = approval_text(status, approval)
            removed = sum(1 for c in (changes[plan.id] or {}).values() if c == "removed")
            if removed:
                statuses[plan.id] += " " + tr(
                    "Approved items removed since: {count}.", count=removed
                )
        self.model.set_plans(self.plans, changes, statuses, single)
        self.tree.expandAll()
        for item_id in list(self.collapsed):
            index = self.model.index_of(item_id)
            if index.isValid():
                self.tree.collapse(index)
        if current_id:
            self.select(current_id)
        self._show_current()
        self.quarters = program_quarters(conn, self.plans)
        self.timeline.set_plans(self.plans, self.quarters)
        self.budget.show_totals(budget_totals(conn, self.plans), [p.key for p in self.plans])
        self.situation.load(self.plans[0] if single and self.plans else None)
        if single and self.plans:
            self.approval.setText(statuses[self.plans[0].id])
        else:
            approved = sum(1 for p in self.plans if approvals[p.id] is not None)
            self.approval.setText(
                ntr(
                    "{approved} of {n} channel plan approved.",
                    "{approved} of {n} channel plans approved.",
                    len(self.plans),
                    approved=approved,
                )
            )
        self._enable()

    def _enable(self) -> None:
        node = self.current_node()
        kind = node.kind if node is not None else ""
        editable = self.context.pf is not None and not self.context.read_only
        single = bool(self.channel_id)
        self.actions["add_goal"].setEnabled(editable and (single or kind != ""))
        self.actions["add_sibling"].setEnabled(editable and (single or kind not in ("", "channel")))
        self.actions["add_child"].setEnabled(editable and kind in ("channel", "goal", "objective"))
        self.actions["duplicate"].setEnabled(editable and kind == "action")
        for key in ("up", "down", "delete"):
            self.actions[key].setEnabled(editable and kind in ("goal", "objective", "action"))
        self.actions["move_goal"].setEnabled(editable and kind == "objective")
        self.approve_button.setEnabled(editable and single)
        self.export_button.setEnabled(self.context.pf is not None)

    # --- selection ----------------------------------------------------------------------
    def current_node(self):
        index = self.tree.currentIndex()
        return self.model.node(index) if index.isValid() else None

    def select(self, item_id: str) -> bool:
        index = self.model.index_of(item_id)
        if not index.isValid():
            return False
        parent = index.parent()
        while parent.isValid():
            self.tree.expand(parent)
            parent = parent.parent()
        self.tree.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.tree.scrollTo(index)
        return True

    def _current_changed(self, *_args) -> None:
        self._show_current()
        self._enable()

    def _show_current(self) -> None:
        node = self.current_node()
        if self.context.pf is None:
            return
        self.editor.show_item(
            node.item if node is not None else None, self.context.pf.conn, self.quarters
        )

    def navigate(self, table: str, row_id: str) -> None:
        """Show the channel of that row and select it (goal, objective, action or channel)."""
        if self.context.pf is None:
            return
        conn = self.context.pf.conn
        kind = {"goal": "goal", "objective": "objective", "action": "action"}.get(table)
        channel_id = row_id if table == "channel" else ""
        if kind:
            channel_id = self._channel_of(kind, row_id) or ""
        elif table == "situation_section":
            channel_id = wq.channel_of(conn, "situation_section", row_id) or ""
        if channel_id:
            self.set_channel(channel_id)
        elif self._stale:
            self.reload()
        self.tabs.setCurrentIndex(1 if table == "situation_section" else 0)
        if kind:
            self.select(row_id)
            self.tree.setFocus()

    def _open_from_timeline(self, action_id: str) -> None:
        """A bar of the timeline was clicked: show that action in the tree and its editor."""
        self.tabs.setCurrentIndex(0)
        if self.select(action_id):
            self.tree.setFocus()

    def _channel_of(self, kind: str, item_id: str) -> str | None:
        return wq.channel_of(self.context.pf.conn, kind, item_id)
