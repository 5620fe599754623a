"""The import preview: what importing a sheet will add, update and reject (with the reason
per row), and the encoding it was read in. It offers to add the areas the sheet names that
the program does not have (ticked), and asks, for a sheet with phones or e-mails but no
consent column, whether its people consented (Import waits for the answer; without consent
no contact details are kept). Import applies it as one undo step; Cancel writes nothing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from kehila_desktop.core.i18n import isolated_list, tr
from kehila_desktop.core.people.sheet_io import ImportPlan
from kehila_desktop.gui.widgets import plain_title

ACTIONS = {"add": "to add", "update": "to update", "unchanged": "unchanged", "reject": "rejected"}
FIELD_NAMES = {"area_id": "area", "contact_consent": "consent to keep contact details"}


class ImportPreview(QDialog):
    def __init__(self, plan: ImportPlan, parent=None, replan=None) -> None:
        """``replan(add_areas, consent)`` makes the plan again when an answer changes."""
        super().__init__(parent)
        self.plan = plan
        self.replan = replan
        self.setWindowTitle(plain_title(tr("Import people from {file}", file=plan.source)))
        self.resize(760, 480)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(tr("import summary"))
        self.add_areas = QCheckBox()
        self.add_areas.setChecked(plan.add_areas)
        self.add_areas.setVisible(bool(plan.new_areas) and replan is not None)
        self.add_areas.setText(
            tr(
                "Add the areas the sheet names that the program does not have: {areas}",
                areas=isolated_list(plan.new_areas),
            )
        )
        self.add_areas.setAccessibleName(tr("Add the areas the sheet names"))
        self.add_areas.toggled.connect(lambda _on: self._replan())
        self.consent_label = QLabel(
            tr(
                "The sheet has no consent column. Did these people "
                "consent to keeping their contact details?"
            )
        )
        self.consent_label.setTextFormat(Qt.TextFormat.PlainText)
        self.consent_label.setWordWrap(True)
        self.consent = QComboBox()
        self.consent.addItem(tr("Choose…"), None)
        self.consent.addItem(tr("Yes, they consented"), True)
        self.consent.addItem(tr("No: keep no phone or e-mail"), False)
        self.consent.setAccessibleName(tr("Consent to keeping contact details"))
        self.consent_label.setBuddy(self.consent)
        self.consent.currentIndexChanged.connect(lambda _i: self._replan())
        self.asks_consent = (
            replan is not None
            and not plan.has_consent_column
            and bool({"phone", "email"} & set(plan.columns))
        )
        self.consent_label.setVisible(self.asks_consent)
        self.consent.setVisible(self.asks_consent)
        self.table = QTableWidget(0, 4)
        self.table.setAccessibleName(tr("rows of the sheet"))
        self.table.setHorizontalHeaderLabels(
            [tr("row"), tr("what happens"), tr("name"), tr("details")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(
            tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setAccessibleName(tr("Import"))
        self.cancel_button = self.buttons.addButton(
            tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.cancel_button.setAccessibleName(tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.add_areas)
        consent_row = QHBoxLayout()
        consent_row.addWidget(self.consent_label, 1)
        consent_row.addWidget(self.consent)
        layout.addLayout(consent_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self._fill()

    def _replan(self) -> None:
        if self.replan is None:
            return
        self.plan = self.replan(self.add_areas.isChecked(), self.consent.currentData())
        self._fill()

    def _fill(self) -> None:
        plan = self.plan
        self.summary.setText(plan.summary())
        self.table.setRowCount(len(plan.rows))
        order = {"reject": 0, "add": 1, "update": 2, "unchanged": 3}
        for i, row in enumerate(sorted(plan.rows, key=lambda r: (order[r.action], r.line))):
            if row.action == "reject":
                details = row.reason
            elif row.action == "update":
                details = tr(
                    "matched by {how}; changes: {fields}",
                    how=tr(row.matched_by),
                    fields="; ".join(self._change(row, f) for f in row.values),
                )
            elif row.action == "unchanged":
                details = tr("matched by {how}", how=tr(row.matched_by))
            else:
                details = ""
            if row.new_area and row.action != "reject":
                details = "; ".join(
                    d for d in (details, tr("new area {area}", area=row.new_area)) if d
                )
            if row.dropped_contacts and row.action != "reject":
                details = "; ".join(d for d in (details, tr("contact details not kept")) if d)
            for c, value in enumerate((str(row.line), tr(ACTIONS[row.action]), row.name, details)):
                item = QTableWidgetItem(value)
                if row.action == "reject":
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.table.setItem(i, c, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        answered = not self.asks_consent or self.consent.currentData() is not None
        self.import_button.setEnabled(answered and bool(plan.of("add") or plan.of("update")))

    @staticmethod
    def _change(row, field_name: str) -> str:
        """ "name: old → new" for plain text fields; just the field's name for the others."""
        name = tr(FIELD_NAMES.get(field_name, field_name))
        if field_name in FIELD_NAMES or field_name == "sector":
            return name
        return tr(
            "{field}: from {old} to {new}",
            field=name,
            old=row.old.get(field_name) or "—",
            new=row.values[field_name],
        )
