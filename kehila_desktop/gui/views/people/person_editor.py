"""The person editor: a dialog for a new or existing person, with phone and e-mail checks
that say what is wrong, and the consent to keep contact details."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
)

from kehila_desktop.core import enums
from kehila_desktop.core.i18n import standalone_label, tr
from kehila_desktop.core.people.contacts import clean_phone, validate_email, validate_phone
from kehila_desktop.gui.direction import align_to_text


def _problem_label() -> QLabel:
    lab = QLabel()
    lab.setTextFormat(Qt.TextFormat.PlainText)
    lab.setWordWrap(True)
    lab.setStyleSheet("color: #b00020;")
    lab.hide()
    return lab


class PersonEditor(QDialog):
    """Edit ``values`` (a dict of person fields); ``result_values()`` after accept."""

    def __init__(
        self, areas: list[tuple[str, str]], values: dict | None = None, parent=None
    ) -> None:
        super().__init__(parent)
        values = values or {}
        self.setWindowTitle(tr("Edit person") if values.get("id") else tr("New person"))
        self.setMinimumWidth(460)
        form = QFormLayout()
        self.name = QLineEdit(values.get("name", ""))
        self.organisation = QLineEdit(values.get("organisation", ""))
        self.title_edit = QLineEdit(values.get("title", ""))
        self.sector = QComboBox()
        for key in enums.SECTORS:
            self.sector.addItem(standalone_label("SECTORS", key), key)
        self.sector.setCurrentIndex(max(0, self.sector.findData(values.get("sector", "resident"))))
        self.area = QComboBox()
        self.area.addItem("—", None)
        for area_id, name in areas:
            self.area.addItem(name, area_id)
        self.area.setCurrentIndex(max(0, self.area.findData(values.get("area_id"))))
        self.community = QLineEdit(values.get("community", ""))
        self.phone = QLineEdit(values.get("phone", ""))
        self.phone.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.phone_problem = _problem_label()
        self.email = QLineEdit(values.get("email", ""))
        self.email.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.email_problem = _problem_label()
        self.name_problem = _problem_label()
        self.notes = QPlainTextEdit(values.get("notes", ""))
        align_to_text(self.notes)
        self.notes.setMaximumHeight(80)
        self.notes.setTabChangesFocus(True)  # Tab leaves the field (no keyboard trap)
        self.consent = QCheckBox(tr("The person agreed that we keep their contact details"))
        self.consent.setChecked(bool(values.get("contact_consent", False)))
        rows = [
            ("name", self.name),
            ("", self.name_problem),
            ("organisation", self.organisation),
            ("title", self.title_edit),
            ("sector", self.sector),
            ("neighbourhood / area", self.area),
            ("community", self.community),
            ("phone", self.phone),
            ("", self.phone_problem),
            ("email", self.email),
            ("", self.email_problem),
            ("notes", self.notes),
            ("", self.consent),
        ]
        for text, widget in rows:
            if text:
                form.addRow(tr(text), widget)
                widget.setAccessibleName(tr(text))
            else:
                form.addRow(widget)
        self.consent.setAccessibleName(self.consent.text())
        self.buttons = QDialogButtonBox()
        self.ok = self.buttons.addButton(tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setAccessibleName(tr("Save"))
        cancel = self.buttons.addButton(tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setAccessibleName(tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        for edit in (self.name, self.phone, self.email):
            edit.textChanged.connect(self.check)
        self.check()

    def check(self) -> bool:
        """Show what is wrong under each field; Save is enabled only when all is well."""
        problems = {
            self.name_problem: None if self.name.text().strip() else tr("A person needs a name."),
            self.phone_problem: validate_phone(clean_phone(self.phone.text())),
            self.email_problem: validate_email(self.email.text().strip()),
        }
        for widget, problem in problems.items():
            widget.setText(problem or "")
            widget.setVisible(
                bool(problem) and (widget is not self.name_problem or self.name.isModified())
            )
        ok = not any(problems.values())
        self.ok.setEnabled(ok)
        return ok

    def result_values(self) -> dict:
        return {
            "name": self.name.text().strip(),
            "organisation": self.organisation.text().strip(),
            "title": self.title_edit.text().strip(),
            "sector": self.sector.currentData(),
            "area_id": self.area.currentData(),
            "community": self.community.text().strip(),
            "phone": clean_phone(self.phone.text()),
            "email": self.email.text().strip(),
            "notes": self.notes.toPlainText(),
            "contact_consent": self.consent.isChecked(),
        }
