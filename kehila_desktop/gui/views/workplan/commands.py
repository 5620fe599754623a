"""What the user does to the plan from the work-plan view: add, duplicate, move (by keys and
to another goal), delete, approve through a steering decision, export. A mixin of the view:
each command is one undo step through ``context.run`` and then selects what it touched."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QInputDialog

from kehila_desktop.core.workplan import plans as wp
from kehila_desktop.core.i18n import definite, label, tr
from kehila_desktop.core.workplan.budget import approve_plan
from kehila_desktop.core.workplan.export import export_workplan
from kehila_desktop.gui.views.workplan.approve_dialog import ApproveDialog
from kehila_desktop.gui.filedialogs import name_filter, save_path


class PlanCommands:
    """Needs ``context``, ``model``, ``tree``, ``tabs``, ``plans``, ``channel_id``,
    ``current_node()`` and ``select()`` from the view."""

    # --- editing ------------------------------------------------------------------------
    def _target_channel(self) -> str:
        if self.channel_id:
            return self.channel_id
        node = self.current_node()
        return self.model.channel_id_of(node) if node is not None else ""

    def _add(self, kind: str, parent_id: str, index: int | None = None) -> str | None:
        text = tr({"goal": "New goal", "objective": "New objective", "action": "New action"}[kind])
        new_id = self.context.run(
            tr("add " + kind),
            lambda ops: wp.add_item(ops, kind, parent_id, {"title": text}, index=index),
        )
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
        parent_id = (
            node.parent.item_id if node.parent is not self.model.root else self._target_channel()
        )
        return self._add(node.kind, parent_id, node.row + 1)

    def add_child(self) -> str | None:
        node = self.current_node()
        child = {"channel": "goal", "goal": "objective", "objective": "action"}.get(
            node.kind if node is not None else ""
        )
        return self._add(child, node.item_id) if child else None

    def duplicate(self) -> str | None:
        node = self.current_node()
        if node is None or node.kind != "action":
            return None
        new_id = self.context.run(
            tr("duplicate {title}", title=node.cells[0]),
            lambda ops: wp.duplicate_action(ops, node.item_id),
        )
        if new_id:
            self.select(new_id)
        return new_id

    def move(self, delta: int) -> bool:
        node = self.current_node()
        if node is None or node.kind not in ("goal", "objective", "action"):
            return False
        item_id, kind = node.item_id, node.kind
        moved = self.context.run(
            tr("move {title}", title=node.cells[0]),
            lambda ops: wp.shift_item(ops, kind, item_id, delta),
        )
        self.select(item_id)
        return bool(moved)

    def move_objective_to(self, goal_id: str) -> bool:
        node = self.current_node()
        if node is None or node.kind != "objective":
            return False
        item_id = node.item_id
        moved = self.context.run(
            tr("move {title}", title=node.cells[0]),
            lambda ops: wp.move_objective(ops, item_id, goal_id),
        )
        self.select(item_id)
        return bool(moved)

    def other_goals(self) -> list[tuple[str, str]]:
        """(id, title) of the goals an objective may move to (same channel first)."""
        node = self.current_node()
        if node is None or node.kind != "objective":
            return []
        return [
            (g.id, f"{label('CHANNELS', p.key)} — {g.title or tr('untitled')}")
            for p in self.plans
            for g in p.goals
            if g.id != node.parent.item_id
        ]

    def move_objective_dialog(self) -> None:
        goals = self.other_goals()
        if not goals:
            self.context.show_error(tr("There is no other goal to move this objective to."))
            return
        names = [name for _i, name in goals]
        name, ok = QInputDialog.getItem(
            self, tr("Move objective to another goal…"), tr("Goal") + ":", names, 0, False
        )
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
        self.context.run(
            tr("delete {title}", title=node.cells[0] or tr("untitled")),
            lambda ops: wp.delete_item(ops, kind, item_id),
        )
        if keep:
            self.select(keep)
        return True

    # --- approval and export ------------------------------------------------------------
    def ask_approval(self) -> dict | None:
        """How the steering committee approved (see ``ApproveDialog.choice``); None: cancel."""
        dialog = ApproveDialog(self.context.pf.conn, self.plans[0].key, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.choice()

    def approve_dialog(self) -> None:
        if not self.channel_id or not self.plans:
            return
        answer = self.ask_approval()
        if answer is not None:
            self.approve(**answer)

    def approve(
        self,
        meeting_id: str | None = None,
        text: str | None = None,
        decision_id: str | None = None,
        outcome: str | None = None,
        votes: tuple[int, int, int] = (0, 0, 0),
    ) -> str | None:
        """Approve the shown channel's plan as it is now (one undo step)."""
        channel_id = self.channel_id
        if not channel_id:
            return None
        name = definite("CHANNELS", self.plans[0].key)
        return self.context.run(
            tr("approve the {channel} work plan", channel=name),
            lambda ops: approve_plan(
                ops,
                channel_id,
                meeting_id=meeting_id,
                text=text or None,
                decision_id=decision_id,
                outcome=outcome,
                votes=votes,
            ),
        )

    def ask_export_path(self) -> str:
        path = save_path(
            self,
            tr("Export to Excel…"),
            tr("work-plan") + ".xlsx",
            name_filter(tr("Excel workbook"), "*.xlsx"),
        )
        if path and not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        return path

    def export_dialog(self) -> None:
        path = self.ask_export_path()
        if path:
            self.export(path)

    def export(self, path: str) -> bool:
        from kehila_desktop.core.errors import KehilaError

        try:
            export_workplan(self.context.pf.conn, path)
        except KehilaError as exc:
            self.context.show_error(exc.text(tr))
            return False
        return True
