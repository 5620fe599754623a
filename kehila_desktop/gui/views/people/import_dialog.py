"""The import preview: what importing a sheet will add, update and reject (with the reason
per row), and the encoding it was read in. Import applies it as one undo step; Cancel
writes nothing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView,
                               QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout)

from kehila_desktop.core.i18n import tr
from kehila_desktop.core.people.sheet_io import ImportPlan
from kehila_desktop.gui.widgets import plain_title

ACTIONS = {"add": "to add", "update": "to update", "unchanged": "unchanged",
           "reject": "rejected"}
FIELD_NAMES = {"area_id": "area", "contact_consent": "consent to keep contact details"}


class ImportPreview(QDialog):
    def __init__(self, plan: ImportPlan, parent=None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.setWindowTitle(plain_title(tr("Import people from {file}", file=plan.source)))
        self.resize(760, 480)
        self.summary = QLabel(plan.summary())
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(tr("import summary"))
        self.table = QTableWidget(len(plan.rows), 4)
        self.table.setAccessibleName(tr("rows of the sheet"))
        self.table.setHorizontalHeaderLabels([tr("row"), tr("what happens"), tr("name"),
                                              tr("details")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        order = {"reject": 0, "add": 1, "update": 2, "unchanged": 3}
        for i, row in enumerate(sorted(plan.rows, key=lambda r: (order[r.action], r.line))):
            if row.action == "reject":
                details = row.reason
            elif row.action == "update":
                details = tr("matched by {how}; changes: {fields}", how=tr(row.matched_by),
                             fields="; ".join(self._change(row, f) for f in row.values))
            elif row.action == "unchanged":
                details = tr("matched by {how}", how=tr(row.matched_by))
            else:
                details = ""
            for c, value in enumerate((str(row.line), tr(ACTIONS[row.action]), row.name,
                                       details)):
                item = QTableWidgetItem(value)
                if row.action == "reject":
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.table.setItem(i, c, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(tr("Import"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setAccessibleName(tr("Import"))
        self.import_button.setEnabled(bool(plan.of("add") or plan.of("update")))
        self.cancel_button = self.buttons.addButton(tr("Cancel"),
                                                    QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_button.setAccessibleName(tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.table.resizeRowsToContents()
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)

    @staticmethod
    def _change(row, field_name: str) -> str:
        """"name: old → new" for plain text fields; just the field's name for the others."""
        name = tr(FIELD_NAMES.get(field_name, field_name))
        if field_name in FIELD_NAMES or field_name == "sector":
            return name
        return tr("{field}: from {old} to {new}", field=name,
                  old=row.old.get(field_name) or "—", new=row.values[field_name])
