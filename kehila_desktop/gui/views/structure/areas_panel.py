"""The program settings' areas: the neighbourhoods, quarters and areas of the locality, each
ticked when it is in the geographic focus; add, rename, change kind, merge and remove.

Every button calls one named operation of ``core.structure.areas`` (one undo step); a refusal
(an empty or repeated name, an area still used) is one sentence and changes nothing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from kehila_desktop.core import enums
from kehila_desktop.core.i18n import label, standalone_label, tr
from kehila_desktop.core.structure import areas as core_areas
from kehila_desktop.gui import dialogs


def _kind_combo() -> QComboBox:
    combo = QComboBox()
    for key in enums.AREA_KINDS:
        combo.addItem("", key)
    return combo


class AreasEditor(QWidget):
    """``focus_list`` (the form's list) with the controls that edit the areas."""

    def __init__(self, context, focus_list: QListWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.list = focus_list
        self.list.setMinimumHeight(110)
        self.list.currentItemChanged.connect(lambda *_: self._selected())
        self.list.itemChanged.connect(self._focus_toggled)
        self._filling = False
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(4)
        # two columns, so it fits the narrow settings pane at 1024x768
        grid.addWidget(self.list, 0, 0, 1, 2)
        self.hint = QLabel()
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.hint.setWordWrap(True)
        grid.addWidget(self.hint, 1, 0, 1, 2)
        # adding
        self.new_name = QLineEdit()
        self.new_name.returnPressed.connect(self._add)
        self.new_kind = _kind_combo()
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self._add)
        grid.addWidget(self.new_name, 2, 0, 1, 2)
        grid.addWidget(self.new_kind, 3, 0)
        grid.addWidget(self.add_button, 3, 1)
        # the selected area
        self.name_edit = QLineEdit()
        self.name_edit.editingFinished.connect(self._rename)
        self.kind_combo = _kind_combo()
        self.kind_combo.activated.connect(lambda _i: self._set_kind())
        self.remove_button = QPushButton()
        self.remove_button.clicked.connect(self._remove)
        grid.addWidget(self.name_edit, 4, 0, 1, 2)
        grid.addWidget(self.kind_combo, 5, 0)
        grid.addWidget(self.remove_button, 5, 1)
        self.merge_label = QLabel()
        self.merge_target = QComboBox()
        self.merge_button = QPushButton()
        self.merge_button.clicked.connect(self._merge)
        grid.addWidget(self.merge_label, 6, 0, 1, 2)
        grid.addWidget(self.merge_target, 7, 0)
        grid.addWidget(self.merge_button, 7, 1)
        grid.setColumnStretch(0, 1)
        self.merge_label.setBuddy(self.merge_target)
        for widget in (
            self.new_name,
            self.name_edit,
            self.merge_target,
            self.new_kind,
            self.kind_combo,
        ):
            widget.setMinimumWidth(60)
        for combo in (self.new_kind, self.kind_combo, self.merge_target):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(3)
        self.retranslate()

    def retranslate(self) -> None:
        for combo in (self.new_kind, self.kind_combo):
            for i in range(combo.count()):
                combo.setItemText(i, standalone_label("AREA_KINDS", combo.itemData(i)))
        self.hint.setText(
            tr("Tick the neighbourhoods, quarters and areas in the geographic focus.")
        )
        self.new_name.setPlaceholderText(tr("New neighbourhood, quarter or area"))
        self.new_name.setAccessibleName(tr("Name of the new neighbourhood, quarter or area"))
        self.new_kind.setAccessibleName(tr("Kind of the new area"))
        self.add_button.setText(tr("Add"))
        self.add_button.setAccessibleName(tr("Add a neighbourhood, quarter or area"))
        self.name_edit.setAccessibleName(tr("Name of the selected area"))
        self.name_edit.setPlaceholderText(tr("Name of the selected area"))
        self.kind_combo.setAccessibleName(tr("Kind of the selected area"))
        self.remove_button.setText(tr("Remove"))
        self.remove_button.setAccessibleName(tr("Remove the selected area"))
        self.merge_label.setText(tr("Merge into"))
        self.merge_target.setAccessibleName(tr("Merge the selected area into"))
        self.merge_button.setText(tr("Merge"))
        self.merge_button.setAccessibleName(tr("Merge the selected area into the chosen one"))

    # --- showing ----------------------------------------------------------------------
    def load(self, conn, read_only: bool) -> None:
        current = self.current_id()
        self._filling = True
        self.list.clear()
        self.rows = {a.id: a for a in core_areas.list_areas(conn)}
        for area in self.rows.values():
            item = QListWidgetItem(
                tr("{name} ({kind})", name=area.name, kind=label("AREA_KINDS", area.kind))
            )
            item.setData(Qt.ItemDataRole.UserRole, area.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if area.in_focus else Qt.CheckState.Unchecked)
            self.list.addItem(item)
            if area.id == current:
                self.list.setCurrentItem(item)
        self._filling = False
        self.read_only = read_only
        for widget in (self.new_name, self.new_kind, self.add_button):
            widget.setEnabled(not read_only)
        self._selected()

    def current_id(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _selected(self) -> None:
        if self._filling:
            return
        area = self.rows.get(self.current_id() or "") if hasattr(self, "rows") else None
        editable = area is not None and not getattr(self, "read_only", True)
        for widget in (
            self.name_edit,
            self.kind_combo,
            self.remove_button,
            self.merge_target,
            self.merge_button,
        ):
            widget.setEnabled(editable)
        self.name_edit.setText(area.name if area else "")
        if area:
            self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(area.kind)))
        self.merge_target.clear()
        for other in self.rows.values() if area else ():
            if other.id != area.id:
                self.merge_target.addItem(other.name, other.id)
        self.merge_target.setEnabled(editable and self.merge_target.count() > 0)
        self.merge_button.setEnabled(editable and self.merge_target.count() > 0)

    # --- edits ------------------------------------------------------------------------
    def _focus_toggled(self, item: QListWidgetItem) -> None:
        if self._filling or self.context.read_only:
            return
        area_id = item.data(Qt.ItemDataRole.UserRole)
        checked = item.checkState() == Qt.CheckState.Checked
        self.context.run(
            tr("change the geographic focus"),
            lambda ops: core_areas.set_in_focus(ops, area_id, checked),
        )

    def _add(self) -> None:
        name, kind = self.new_name.text(), self.new_kind.currentData()
        new_id = self.context.run(
            tr("add area {name}", name=name.strip()),
            lambda ops: core_areas.add_area(ops, name, kind=kind),
        )
        if new_id:
            self.new_name.clear()
            self.load(self.context.pf.conn, self.context.read_only)
            for i in range(self.list.count()):
                if self.list.item(i).data(Qt.ItemDataRole.UserRole) == new_id:
                    self.list.setCurrentRow(i)

    def _rename(self) -> None:
        area_id = self.current_id()
        area = self.rows.get(area_id or "")
        name = self.name_edit.text()
        if area is None or " ".join(name.split()) == area.name:
            return
        done = self.context.run(
            tr("rename area {old} to {new}", old=area.name, new=name),
            lambda ops: core_areas.rename_area(ops, area_id, name) or True,
        )
        if not done:
            self.name_edit.setText(area.name)

    def _set_kind(self) -> None:
        area_id, kind = self.current_id(), self.kind_combo.currentData()
        if area_id:
            self.context.run(
                tr("edit area {name}", name=self.rows[area_id].name),
                lambda ops: core_areas.set_area_kind(ops, area_id, kind),
            )

    def _remove(self) -> None:
        area_id = self.current_id()
        if not area_id:
            return
        area = self.rows[area_id]
        if area.used:  # the core refuses; say why at once
            self.context.show_error(core_areas.describe_removal(self.context.pf.conn, area_id))
            return
        self.context.run(
            tr("remove area {name}", name=area.name),
            lambda ops: core_areas.remove_area(ops, area_id),
        )

    def _merge(self) -> None:
        area_id, keep_id = self.current_id(), self.merge_target.currentData()
        if not area_id or not keep_id:
            return
        gone, keep = self.rows[area_id], self.rows[keep_id]
        text = tr(
            "Merge {merged} into {name}? The people who live in {merged} ({people}) and "
            "the actions that serve it ({actions}) move to {name}; {merged} is removed. "
            "Undo brings it back.",
            merged=gone.name,
            name=keep.name,
            people=gone.people,
            actions=gone.actions,
        )
        if not dialogs.confirm(self, text, tr("Merge")):
            return
        self.context.run(
            tr("merge {merged} into {name}", merged=gone.name, name=keep.name),
            lambda ops: core_areas.merge_areas(ops, keep_id, area_id),
        )
