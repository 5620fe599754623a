"""The work-plan view: per channel (or all), the goals → objectives → actions tree with its
editor, the situation picture, a quarter timeline, budget totals, and approval by a steering
decision; export to .xlsx. Reads from ``context.pf.conn``; writes only through
``context.run`` with ``core.workplan`` / ``core.workplan_budget``."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QFileDialog, QHBoxLayout,
                               QInputDialog, QLabel, QPushButton, QScrollArea, QSplitter,
                               QTabWidget, QToolButton, QTreeView, QVBoxLayout, QWidget)

from ....core import workplan as wp
from ....core.i18n import label, tr
from ....core.workplan_budget import (approval_status, approve_plan, budget_totals,
                                      changes_since_approval, latest_approval)
from ....core.workplan_export import approval_text, export_workplan
from ....core.workplan_table import COLUMN_KEYS
from .budget_panel import BudgetPanel
from .editor import ItemEditor
from .situation import SituationPanel
from .timeline import TimelineChart, program_quarters
from .tree_model import PlanTreeModel

ALL = ""
PLAN_TABLES = {"channel", "situation_section", "goal", "objective", "action", "action_area",
               "plan_approval", "decision", "body", "person", "area", "program", "meeting"}
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


class View(QWidget):
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
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.DoubleClicked)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.tree.setDropIndicatorShown(True)
        widths = {"title": 300, "owner": 170, "indicator": 150, "areas": 140, "source": 140,
                  "since_approval": 150}
        for n, key in enumerate(COLUMN_KEYS):
            self.tree.header().resizeSection(n, widths.get(key, 100))
        self.tree.collapsed.connect(lambda i: self.collapsed.add(self.model.node(i).item_id))
        self.tree.expanded.connect(lambda i: self.collapsed.discard(self.model.node(i).item_id))
        self.tree.selectionModel().currentRowChanged.connect(self._current_changed)
        self.actions: dict[str, QAction] = {}
        self.buttons: dict[str, QToolButton] = {}
        slots = {"add_goal": self.add_goal, "add_sibling": self.add_sibling,
                 "add_child": self.add_child, "duplicate": self.duplicate,
                 "up": lambda: self.move(-1), "down": lambda: self.move(1),
                 "move_goal": self.move_objective_dialog, "delete": self.delete_current}
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
        editor_scroll.setWidget(self.editor)
        split.addWidget(editor_scroll)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        plan_layout.addWidget(split, 1)
        self.tabs.addTab(plan_page, "")

        self.situation = SituationPanel(self.context)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.situation)
        self.tabs.addTab(scroll, "")
        self.timeline = TimelineChart()
        self.timeline_scroll = QScrollArea()
        self.timeline_scroll.setWidgetResizable(True)
        self.timeline_scroll.setWidget(self.timeline)
        self.tabs.addTab(self.timeline_scroll, "")
        self.budget = BudgetPanel()
        self.tabs.addTab(self.budget, "")

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
        for n, text in enumerate(("Goals, objectives and actions", "Situation picture",
                                  "Timeline", "Budget")):
            self.tabs.setTabText(n, tr(text))
        self.tree.setAccessibleName(tr("Goals, objectives and actions"))
        self.timeline.setAccessibleName(tr("Timeline"))
        for key, (text, shortcut) in ACTIONS.items():
            self.actions[key].setText(tr(text))
            tip = tr(text) + (f" ({QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)})" if shortcut else "")
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
            self.channel.addItem(text if chosen else tr("{channel} (not chosen)", channel=text),
                                 cid)
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
                QTimer.singleShot(0, self.refresh)
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
            self.approval.setText(tr("{approved} of {count} channel plans approved.",
                                     approved=approved, count=len(self.plans)))
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
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.tree.scrollTo(index)
        return True

    def _current_changed(self, *_args) -> None:
        self._show_current()
        self._enable()

    def _show_current(self) -> None:
        node = self.current_node()
        if self.context.pf is None:
            return
        self.editor.show_item(node.item if node is not None else None, self.context.pf.conn,
                              self.quarters)

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
            row = conn.execute("SELECT channel_id FROM situation_section WHERE id=?",
                               (row_id,)).fetchone()
            channel_id = row[0] if row else ""
        if channel_id:
            self.set_channel(channel_id)
        elif self._stale:
            self.reload()
        if table in ("situation_section",) or (table == "channel" and not self.plans[0].goals
                                              if self.plans else False):
            self.tabs.setCurrentIndex(1)
        else:
            self.tabs.setCurrentIndex(0)
        if kind:
            self.select(row_id)
            self.tree.setFocus()

    def _channel_of(self, kind: str, item_id: str) -> str | None:
        sql = {"goal": "SELECT channel_id FROM goal WHERE id=?",
               "objective": "SELECT g.channel_id FROM objective o JOIN goal g ON g.id=o.goal_id "
                            "WHERE o.id=?",
               "action": "SELECT g.channel_id FROM action a JOIN objective o ON "
                         "o.id=a.objective_id JOIN goal g ON g.id=o.goal_id WHERE a.id=?"}[kind]
        row = self.context.pf.conn.execute(sql, (item_id,)).fetchone()
        return row[0] if row else None

    # --- editing ------------------------------------------------------------------------
    def _target_channel(self) -> str:
        if self.channel_id:
            return self.channel_id
        node = self.current_node()
        return self.model.channel_id_of(node) if node is not None else ""

    def _add(self, kind: str, parent_id: str, index: int | None = None) -> str | None:
        text = tr({"goal": "New goal", "objective": "New objective",
                   "action": "New action"}[kind])
        new_id = self.context.run(
            tr("add " + kind), lambda ops: wp.add_item(ops, kind, parent_id, {"title": text},
                                                       index=index))
        if new_id:
            self.tabs.setCurrentIndex(0)
            self.select(new_id)
            self.tree.setFocus()
            self.tree.edit(self.model.index_of(new_id))
        return new_id

    def add_goal(self) -> str | None:
        channel_id = self._target_channel()
        return self._add("goal", channel_id) if channel_id else None

    def add_sibling(self) -> str | None:
        node = self.current_node()
        if node is None or node.kind == "channel":
            return self.add_goal() if node is None else self._add("goal", node.item_id)
        parent_id = (node.parent.item_id if node.parent is not self.model.root
                     else self._target_channel())
        return self._add(node.kind, parent_id, node.row + 1)

    def add_child(self) -> str | None:
        node = self.current_node()
        child = {"channel": "goal", "goal": "objective", "objective": "action"}.get(
            node.kind if node is not None else "")
        return self._add(child, node.item_id) if child else None

    def duplicate(self) -> str | None:
        node = self.current_node()
        if node is None or node.kind != "action":
            return None
        new_id = self.context.run(tr("duplicate {title}", title=node.cells[0]),
                                  lambda ops: wp.duplicate_action(ops, node.item_id))
        if new_id:
            self.select(new_id)
        return new_id

    def move(self, delta: int) -> bool:
        node = self.current_node()
        if node is None or node.kind not in ("goal", "objective", "action"):
            return False
        item_id, kind = node.item_id, node.kind
        moved = self.context.run(tr("move {title}", title=node.cells[0]),
                                 lambda ops: wp.shift_item(ops, kind, item_id, delta))
        self.select(item_id)
        return bool(moved)

    def move_objective_to(self, goal_id: str) -> bool:
        node = self.current_node()
        if node is None or node.kind != "objective":
            return False
        item_id = node.item_id
        moved = self.context.run(tr("move {title}", title=node.cells[0]),
                                 lambda ops: wp.move_objective(ops, item_id, goal_id))
        self.select(item_id)
        return bool(moved)

    def other_goals(self) -> list[tuple[str, str]]:
        """(id, title) of the goals an objective may move to (same channel first)."""
        node = self.current_node()
        if node is None or node.kind != "objective":
            return []
        return [(g.id, f"{label('CHANNELS', p.key)} — {g.title or tr('untitled')}")
                for p in self.plans for g in p.goals if g.id != node.parent.item_id]

    def move_objective_dialog(self) -> None:
        goals = self.other_goals()
        if not goals:
            self.context.show_error(tr("There is no other goal to move this objective to."))
            return
        names = [name for _i, name in goals]
        name, ok = QInputDialog.getItem(self, tr("Move objective to another goal…"),
                                        tr("Goal") + ":", names, 0, False)
        if ok and name in names:
            self.move_objective_to(goals[names.index(name)][0])

    def delete_current(self) -> bool:
        node = self.current_node()
        if node is None or node.kind not in ("goal", "objective", "action"):
            return False
        item_id, kind = node.item_id, node.kind
        neighbour = None
        siblings = node.parent.children
        if len(siblings) > 1:
            neighbour = siblings[node.row + 1 if node.row + 1 < len(siblings) else node.row - 1]
        elif node.parent is not self.model.root:
            neighbour = node.parent
        keep = neighbour.item_id if neighbour is not None else ""
        self.context.run(tr("delete {title}", title=node.cells[0] or tr("untitled")),
                         lambda ops: wp.delete_item(ops, kind, item_id))
        if keep:
            self.select(keep)
        return True

    # --- approval and export ------------------------------------------------------------
    def ask_approval(self) -> tuple[str | None, str] | None:
        """Which steering meeting and what decision text (None: cancelled)."""
        plan = self.plans[0]
        dialog = ApproveDialogFactory(self.context.pf.conn, plan.key, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.choice()

    def approve_dialog(self) -> None:
        if not self.channel_id or not self.plans:
            return
        answer = self.ask_approval()
        if answer is not None:
            self.approve(*answer)

    def approve(self, meeting_id: str | None = None, text: str | None = None) -> str | None:
        channel_id = self.channel_id
        if not channel_id:
            return None
        name = label("CHANNELS", self.plans[0].key)
        return self.context.run(
            tr("approve the {channel} work plan", channel=name),
            lambda ops: approve_plan(ops, channel_id, meeting_id=meeting_id, text=text or None))

    def ask_export_path(self) -> str:
        path, _filter = QFileDialog.getSaveFileName(
            self, tr("Export to Excel…"), tr("work-plan") + ".xlsx",
            tr("Excel workbook") + " (*.xlsx)")
        if path and not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        return path

    def export_dialog(self) -> None:
        path = self.ask_export_path()
        if path:
            self.export(path)

    def export(self, path: str) -> bool:
        from ....core.errors import KehilaError

        try:
            export_workplan(self.context.pf.conn, path)
        except KehilaError as exc:
            self.context.show_error(exc.text(tr))
            return False
        return True


def ApproveDialogFactory(conn, key, parent):  # noqa: N802 (a seam tests may replace)
    from .approve_dialog import ApproveDialog

    return ApproveDialog(conn, key, parent)
