"""The dialog that approves a channel's plan through a steering decision: a work-plan decision
already recorded in a steering meeting, or a new decision (in which steering meeting, with
what text)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
)

from kehila_desktop.core.i18n import definite, label, tr
from kehila_desktop.core.workplan.budget import open_plan_decisions, steering_meetings
from kehila_desktop.gui.widgets import format_date, use_latin_digits

NEW = ""


class ApproveDialog(QDialog):
    def __init__(self, conn, channel_key: str, parent=None) -> None:
        super().__init__(parent)
        channel = definite("CHANNELS", channel_key)
        self.setWindowTitle(tr("Approve the {channel} work plan", channel=channel))
        outer = QVBoxLayout(self)
        intro = QLabel(
            tr(
                "The steering committee approves the plan by a decision. The plan as "
                "it is now is kept with the decision; later changes show as such."
            )
        )
        intro.setWordWrap(True)
        intro.setMinimumWidth(420)
        outer.addWidget(intro)
        form = QFormLayout()
        outer.addLayout(form)
        self.decision = QComboBox()
        self.decision.setAccessibleName(tr("Decision"))
        for decision_id, day, text in open_plan_decisions(conn):
            self.decision.addItem(f"{format_date(day) or day} — {text}", decision_id)
        self.decision.addItem(tr("a new decision"), NEW)
        self.decision.currentIndexChanged.connect(self._decision_chosen)
        form.addRow(tr("Decision") + ":", self.decision)
        self.meeting = QComboBox()
        self.meeting.setAccessibleName(tr("Steering committee meeting"))
        today = date.today().isoformat()
        for meeting_id, day, _status in steering_meetings(conn):
            if day <= today:  # a plan is approved at a meeting that has taken place
                self.meeting.addItem(format_date(day) or day, meeting_id)
        self.meeting.addItem(tr("a new steering meeting today"), None)
        form.addRow(tr("Steering committee meeting") + ":", self.meeting)
        self.text = QLineEdit(tr("The {channel} work plan is approved.", channel=channel))
        self.text.setAccessibleName(tr("Text of the decision"))
        form.addRow(tr("Text of the decision") + ":", self.text)
        self.outcome = QComboBox()
        self.outcome.setAccessibleName(tr("Decision outcome"))
        for key in ("passed_vote", "passed_consensus"):
            self.outcome.addItem(label("DECISION_OUTCOMES", key), key)
        self.outcome.currentIndexChanged.connect(self._decision_chosen)
        form.addRow(tr("Outcome") + ":", self.outcome)
        votes = QHBoxLayout()
        self.spins = {}
        for key, text in (
            ("for", tr("For")),
            ("against", tr("Against")),
            ("abstain", tr("Abstain")),
        ):
            spin = QSpinBox()
            spin.setRange(0, 999)
            spin.setAccessibleName(tr("Votes {which}", which=text))
            use_latin_digits(spin)
            caption = QLabel(text)
            caption.setBuddy(spin)
            votes.addWidget(caption)
            votes.addWidget(spin)
            self.spins[key] = spin
        form.addRow(tr("Votes") + ":", votes)
        buttons = QDialogButtonBox()
        buttons.addButton(tr("Approve"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
        self._decision_chosen()

    def _decision_chosen(self, *_args) -> None:
        new = self.decision.currentData() == NEW
        self.meeting.setEnabled(new)
        self.text.setEnabled(new)
        self.outcome.setEnabled(new)
        by_vote = self.outcome.currentData() == "passed_vote"
        for spin in self.spins.values():
            spin.setEnabled(new and by_vote)

    def choice(self) -> dict:
        """What ``approve_plan`` needs: an existing decision, or a meeting and a text."""
        decision_id = self.decision.currentData()
        if decision_id:
            return {"decision_id": decision_id}
        outcome = self.outcome.currentData()
        votes = (
            tuple(self.spins[k].value() for k in ("for", "against", "abstain"))
            if outcome == "passed_vote"
            else (0, 0, 0)
        )
        return {
            "meeting_id": self.meeting.currentData(),
            "text": self.text.text().strip(),
            "outcome": outcome,
            "votes": votes,
        }
