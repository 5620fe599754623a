"""The goals → objectives → actions tree as a Qt item model (read from ``core.workplan``).

Columns and texts come from ``core.workplan_table`` (the export writes the same). With one
channel the goals are the top level; with all channels each channel is a top-level row.
The title column is edited in place; rows are reordered by drag and drop (a drop runs one
``core.workplan.move_item`` step through the context; the tree is then rebuilt from the file).
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QByteArray, QMimeData, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from kehila_desktop.core.workplan import plans as wp
from kehila_desktop.core.i18n import standalone_label, tr
from kehila_desktop.core.workplan.budget import shekels
from kehila_desktop.core.workplan.table import COLUMN_KEYS, header, plan_rows

MIME = "application/x-kehila-plan-item"
PARENT_KIND = {"goal": "channel", "objective": "goal", "action": "objective"}
TITLE, BUDGET, SINCE = 0, COLUMN_KEYS.index("budget"), COLUMN_KEYS.index("since_approval")
NCOLS = len(COLUMN_KEYS)
R = Qt.ItemDataRole
DISPLAY, EDIT, FONT, FOREGROUND, ALIGN, ACCESSIBLE, TOOLTIP, USER = (
    R.DisplayRole,
    R.EditRole,
    R.FontRole,
    R.ForegroundRole,
    R.TextAlignmentRole,
    R.AccessibleTextRole,
    R.ToolTipRole,
    R.UserRole,
)
F = Qt.ItemFlag
# the flags are computed once: enum arithmetic costs more than the tree itself
F_NONE, F_DROP = F.NoItemFlags, F.ItemIsDropEnabled
F_READ = F.ItemIsEnabled | F.ItemIsSelectable
F_CHANNEL = F_READ | F_DROP
F_CELL = F_READ | F.ItemIsDragEnabled
F_TITLE = F_CELL | F.ItemIsEditable
F_CELL_PARENT, F_TITLE_PARENT = F_CELL | F_DROP, F_TITLE | F_DROP
TRAILING = int(Qt.AlignmentFlag.AlignTrailing | Qt.AlignmentFlag.AlignVCenter)


def _styles():
    global BOLD, CHANGED_BRUSH, EMPTY_BRUSH
    BOLD = QFont()
    BOLD.setBold(True)
    CHANGED_BRUSH = QBrush(QColor("#a14d00"))
    EMPTY_BRUSH = QBrush(QColor("#777777"))


BOLD = CHANGED_BRUSH = EMPTY_BRUSH = None


class Node:
    __slots__ = ("kind", "item_id", "parent", "children", "row", "cells", "item")

    def __init__(self, kind, item_id, parent, cells, item=None):
        self.kind, self.item_id, self.parent, self.cells, self.item = (
            kind,
            item_id,
            parent,
            cells,
            item,
        )
        self.children: list[Node] = []
        self.row = 0
        if parent is not None:
            self.row = len(parent.children)
            parent.children.append(self)


class PlanTreeModel(QAbstractItemModel):
    """``set_plans(plans, changes_by_channel, status_by_channel, single)`` rebuilds the tree."""

    def __init__(self, context, parent=None) -> None:
        super().__init__(parent)
        if BOLD is None:
            _styles()
        self.context = context
        self.root = Node("root", "", None, [])
        self.by_id: dict[str, Node] = {}
        self.single = True
        self._header = header()

    # --- filling ------------------------------------------------------------------------
    def set_plans(self, plans, changes: dict, statuses: dict, single: bool) -> None:
        self.beginResetModel()
        self._header = header()
        self.single = single
        self.root = Node("root", plans[0].id if single and plans else "", None, [])
        self.by_id = {}
        items = {}
        for plan in plans:
            for goal in plan.goals:
                items[goal.id] = goal
                for objective in goal.objectives:
                    items[objective.id] = objective
                    for action in objective.actions:
                        items[action.id] = action
        for plan in plans:
            top = self.root
            if not single:
                cells = [""] * len(COLUMN_KEYS)
                cells[TITLE] = standalone_label("CHANNELS", plan.key)
                cells[SINCE] = statuses.get(plan.id, "")
                top = Node("channel", plan.id, self.root, cells, plan)
                self.by_id[plan.id] = top
            stack = {0: top}
            for row in plan_rows(plan, changes.get(plan.id)):
                cells = list(row.cells)
                if cells[BUDGET] is not None:
                    cells[BUDGET] = shekels(cells[BUDGET])
                node = Node(row.kind, row.item_id, stack[row.depth], cells, items[row.item_id])
                stack[row.depth + 1] = node
                self.by_id[row.item_id] = node
        self.endResetModel()

    def node(self, index: QModelIndex) -> Node:
        return index.internalPointer() if index.isValid() else self.root

    def index_of(self, item_id: str, column: int = 0) -> QModelIndex:
        node = self.by_id.get(item_id)
        if node is None:
            return QModelIndex()
        return self.createIndex(node.row, column, node)

    def channel_id_of(self, node: Node) -> str:
        while node.parent is not None and node.kind != "channel":
            node = node.parent
        return node.item_id

    # --- the model interface --------------------------------------------------------------
    def index(self, row, column, parent=QModelIndex()):
        owner = parent.internalPointer() if parent.isValid() else self.root
        if 0 <= row < len(owner.children) and 0 <= column < NCOLS:
            return self.createIndex(row, column, owner.children[row])
        return QModelIndex()

    def parent(self, index=QModelIndex()):
        if not index.isValid():
            return QModelIndex()
        up = index.internalPointer().parent
        if up is None or up is self.root:
            return QModelIndex()
        return self.createIndex(up.row, 0, up)

    def rowCount(self, parent=QModelIndex()):
        if not parent.isValid():
            return len(self.root.children)
        if parent.column() != 0:
            return 0
        return len(parent.internalPointer().children)

    def columnCount(self, parent=QModelIndex()):
        return NCOLS

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == DISPLAY:
            return self._header[section]
        return None

    def data(self, index, role=DISPLAY):
        if not index.isValid():
            return None
        return self._value(index.internalPointer(), index.column(), role)

    def multiData(self, index, roles) -> None:
        """All the roles a painted cell asks for, in one call (painting 2,000 rows' tree
        would otherwise cross into Python once per role)."""
        if not index.isValid():
            return
        node, column, value = index.internalPointer(), index.column(), self._value
        for role_data in roles:
            role_data.setData(value(node, column, role_data.role()))

    def _value(self, node: Node, column: int, role):
        if role == DISPLAY or role == EDIT:
            value = node.cells[column]
            if not value and column == TITLE and role == DISPLAY:
                return tr("untitled")
            return "" if value is None else value
        if role == FONT:
            return BOLD if node.kind in ("goal", "channel") else None
        if role == FOREGROUND:
            if (column == SINCE or column == TITLE) and node.cells[SINCE]:
                return CHANGED_BRUSH  # changed since approval: seen without scrolling
            if column == TITLE and not node.cells[TITLE]:
                return EMPTY_BRUSH
            return None
        if role == ALIGN:
            return TRAILING if column == BUDGET else None
        if role == ACCESSIBLE and column == TITLE:
            return f"{tr(node.kind)}: {node.cells[TITLE] or tr('untitled')}"
        if role == TOOLTIP:  # the whole text of a cell too narrow for it
            if column != TITLE:
                value = node.cells[column]
                return str(value) if value else None
            kind = tr(node.kind) if node.kind != "channel" else tr("Channel")
            kind = f"{kind}: {node.cells[TITLE]}" if node.cells[TITLE] else kind
            return f"{kind} — {node.cells[SINCE]}" if node.cells[SINCE] else kind
        if role == USER:
            return (node.kind, node.item_id)
        return None

    def flags(self, index):
        if not index.isValid():
            return F_DROP if self.single else F_NONE
        node = index.internalPointer()
        if node.kind == "channel":
            return F_CHANNEL
        if self.context.read_only:
            return F_READ
        parent = node.kind != "action"
        if index.column() == TITLE:
            return F_TITLE_PARENT if parent else F_TITLE
        return F_CELL_PARENT if parent else F_CELL

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() != TITLE:
            return False
        node = index.internalPointer()
        text = str(value).strip()
        if node.kind == "channel" or text == (node.cells[TITLE] or ""):
            return False
        self.context.run(
            tr("edit {title}", title=text or tr("untitled")),
            lambda ops: wp.update_item(ops, node.kind, node.item_id, {"title": text}),
        )
        return True

    # --- drag and drop ------------------------------------------------------------------
    def supportedDropActions(self):
        return Qt.DropAction.MoveAction

    def supportedDragActions(self):
        return Qt.DropAction.MoveAction

    def mimeTypes(self):
        return [MIME]

    def mimeData(self, indexes):
        nodes = [i.internalPointer() for i in indexes if i.isValid()]
        if not nodes or nodes[0].kind == "channel":
            return None
        data = QMimeData()
        data.setData(MIME, QByteArray(f"{nodes[0].kind}:{nodes[0].item_id}".encode()))
        return data

    def _drop_target(self, data, row, parent):
        """(kind, item id, parent id, index among siblings) of a drop, or None."""
        if data is None or not data.hasFormat(MIME) or self.context.read_only:
            return None
        kind, _, item_id = bytes(data.data(MIME)).decode().partition(":")
        source = self.by_id.get(item_id)
        target = self.node(parent)
        if source is None or kind not in PARENT_KIND:
            return None
        if target.kind == kind and row == -1:  # dropped onto a sibling: take its place
            row, target = target.row, target.parent
        if target is self.root and self.single:
            target_kind, target_id = "channel", self.root.item_id
        else:
            target_kind, target_id = target.kind, target.item_id
        if PARENT_KIND[kind] != target_kind or not target_id:
            return None
        if row < 0:
            row = len(target.children)
        if source.parent is target and source.row < row:
            row -= 1
        return kind, item_id, target_id, row

    def canDropMimeData(self, data, action, row, column, parent):
        return self._drop_target(data, row, parent) is not None

    def dropMimeData(self, data, action, row, column, parent):
        """Move the dragged item there (one undo step); the tree is rebuilt from the file.

        Returns False so that the view does not remove the source rows itself."""
        target = self._drop_target(data, row, parent)
        if target is None:
            return False
        kind, item_id, parent_id, index = target
        title = self.by_id[item_id].cells[TITLE] or tr("untitled")
        self.context.run(
            tr("move {title}", title=title),
            lambda ops: wp.move_item(ops, kind, item_id, index, parent_id),
        )
        return False

    def removeRows(self, row, count, parent=QModelIndex()):
        return False  # rows leave the tree only by an edit of the file
