"""The membership dialog: a person in a body, with role, role requirements, expected
attendance, areas of responsibility, pipeline status, source and (for a team
representative) the work team represented."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
)

from kehila_desktop.core import enums
from kehila_desktop.core.i18n import label, tr
from kehila_desktop.gui.widgets import plain_title, use_latin_digits
from kehila_desktop.gui.direction import align_to_text

FIELDS = (
    "body_id",
    "role",
    "role_requirements",
    "expected_attendance",
    "responsibilities",
    "status",
    "source",
    "represents_body_id",
)


def _combo(vocabulary: str, current: str) -> QComboBox:
    combo = QComboBox()
    for key in getattr(enums, vocabulary):
        combo.addItem(label(vocabulary, key), key)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo


class MembershipEditor(QDialog):
    def __init__(
        self,
        person_name: str,
        bodies: list[tuple[str, str, str]],
        values: dict | None = None,
        parent=None,
    ) -> None:
        """``bodies``: (id, name, kind) of every body."""
        super().__init__(parent)
        values = values or {}
        self.setWindowTitle(plain_title(tr("{person} in a body", person=person_name)))
        self.setMinimumWidth(440)
        self.body = QComboBox()
        for body_id, name, _ in bodies:
            self.body.addItem(name, body_id)
        self.body.setCurrentIndex(max(0, self.body.findData(values.get("body_id"))))
        self.body.setEnabled(not values.get("id"))
        self.role = _combo("ROLES", values.get("role", "member"))
        self.status = _combo("PIPELINE", values.get("status", "mapped"))
        if values.get("status") != "approved":  # the steering committee's decision only
            approved = self.status.model().item(self.status.findData("approved"))
            approved.setEnabled(False)
            approved.setToolTip(tr("Approval by the steering committee"))
        self.source = _combo("MEMBERSHIP_SOURCES", values.get("source", "mapping"))
        self.attendance = QSpinBox()
        self.attendance.setRange(0, 100)
        self.attendance.setSuffix("%")  # "75%" in every direction (" %" showed "% 75" in RTL)
        use_latin_digits(self.attendance)
        self.attendance.setValue(int(values.get("expected_attendance", 75)))
        self.requirements = QPlainTextEdit(values.get("role_requirements", ""))
        align_to_text(self.requirements)
        self.requirements.setMaximumHeight(70)
        self.requirements.setTabChangesFocus(True)  # Tab leaves the field (no keyboard trap)
        self.responsibilities = QLineEdit(values.get("responsibilities", ""))
        self.represents = QComboBox()
        self.represents.addItem("—", None)
        for body_id, name, kind in bodies:
            if kind == "work_team":
                self.represents.addItem(name, body_id)
        self.represents.setCurrentIndex(
            max(0, self.represents.findData(values.get("represents_body_id")))
        )
        form = QFormLayout()
        for text, widget in (
            ("body", self.body),
            ("role", self.role),
            ("pipeline status", self.status),
            ("source", self.source),
            ("expected attendance", self.attendance),
            ("role requirements", self.requirements),
            ("areas of responsibility", self.responsibilities),
            ("represents", self.represents),
        ):
            form.addRow(tr(text), widget)
            widget.setAccessibleName(tr(text))
        self.role.currentIndexChanged.connect(self._role_changed)
        self._role_changed()
        buttons = QDialogButtonBox()
        ok = buttons.addButton(tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setAccessibleName(tr("Save"))
        cancel = buttons.addButton(tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setAccessibleName(tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _role_changed(self) -> None:
        self.represents.setEnabled(self.role.currentData() == "team_representative")

    def result_values(self) -> dict:
        rep = self.represents.currentData() if self.represents.isEnabled() else None
        return {
            "body_id": self.body.currentData(),
            "role": self.role.currentData(),
            "status": self.status.currentData(),
            "source": self.source.currentData(),
            "expected_attendance": self.attendance.value(),
            "role_requirements": self.requirements.toPlainText().strip(),
            "responsibilities": self.responsibilities.text().strip(),
            "represents_body_id": rep,
        }
