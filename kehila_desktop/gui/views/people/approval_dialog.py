"""The pipeline step "approved by steering" of a design-committee candidate: the steering
committee decides the composition, so the dialog offers (a) adding the candidate to a passed
steering decision on the composition, or (b) putting them forward to the next scheduled
steering meeting (its agenda item on the composition lists them)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
)

from kehila_desktop.core.i18n import format_date, join_list, ntr, tr
from kehila_desktop.gui.widgets import plain_title

ATTACH, FORWARD = "attach", "forward"


def _plain(text: str = "") -> QLabel:
    lab = QLabel(text)
    lab.setTextFormat(Qt.TextFormat.PlainText)
    lab.setWordWrap(True)
    return lab


class ApprovalDialog(QDialog):
    def __init__(
        self,
        person: str | list[str],
        decisions: list[dict],
        next_meeting: dict | None,
        parent=None,
    ) -> None:
        """``person``: the candidate's name (or the names of several, approved together);
        ``decisions``: passed composition decisions (``approval.passed_composition_
        decisions``); ``next_meeting``: the next steering meeting (id, starts_at) or None."""
        super().__init__(parent)
        self.setWindowTitle(plain_title(tr("Approval by the steering committee")))
        self.setMinimumWidth(480)
        self.next_meeting = next_meeting
        names = [person] if isinstance(person, str) else list(person)
        intro = _plain(
            tr(
                "The steering committee decides the design committee's composition: {person} "
                "is approved by its decision.",
                person=names[0],
            )
            if len(names) == 1
            else ntr(
                "The steering committee decides the design committee's composition: {n} "
                "candidate is approved by its decision.",
                "The steering committee decides the design committee's composition: {n} "
                "candidates are approved together by its decision.",
                len(names),
            )
        )
        self.names = _plain(join_list(names) if len(names) > 1 else "")
        self.names.setVisible(len(names) > 1)
        self.attach = QRadioButton(tr("Add to a decision on the composition already passed"))
        self.decision = QComboBox()
        for d in decisions:
            text = " ".join(d["text"].split())
            self.decision.addItem(
                tr(
                    "Steering meeting of {date}, decision {number}: {text}",
                    date=format_date(d["day"]),
                    number=d["number"],
                    text=text if len(text) <= 60 else text[:59] + "…",
                ),
                d["id"],
            )
        self.decision.setAccessibleName(tr("Decision on the composition"))
        self.forward = QRadioButton(
            tr(
                "Put forward to the next steering meeting ({date})",
                date=format_date(next_meeting["starts_at"][:10]),
            )
            if next_meeting
            else tr("Put forward to the next steering meeting")
        )
        self.forward_note = _plain(
            tr(
                "The meeting's agenda item on the composition lists them; the decision "
                "recorded there approves them."
            )
            if next_meeting
            else tr("No steering meeting is scheduled; schedule one in the Meetings view first.")
        )
        self.group = QButtonGroup(self)
        for button in (self.attach, self.forward):
            self.group.addButton(button)
        self.attach.setEnabled(bool(decisions))
        self.decision.setEnabled(bool(decisions))
        if not decisions:
            self.decision.addItem(tr("No decision on the composition has passed yet."), None)
        self.forward.setEnabled(next_meeting is not None)
        (self.attach if decisions else self.forward).setChecked(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(tr("Approve"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.group.buttonToggled.connect(self._update)
        layout = QVBoxLayout(self)
        for w in (intro, self.names, self.attach, self.decision, self.forward, self.forward_note):
            layout.addWidget(w)
        layout.addWidget(buttons)
        self._update()

    def _update(self, *args) -> None:
        forward = self.forward.isChecked()
        self.ok.setText(tr("Put forward") if forward else tr("Approve"))
        self.ok.setEnabled(
            (forward and self.next_meeting is not None)
            or (self.attach.isChecked() and self.decision.currentData() is not None)
        )

    def choice(self) -> tuple[str, str]:
        """(ATTACH, decision id) or (FORWARD, meeting id)."""
        if self.forward.isChecked() and self.next_meeting:
            return FORWARD, self.next_meeting["id"]
        return ATTACH, self.decision.currentData()
