"""The dialog that approves a channel's plan through a steering decision: which steering
meeting took the decision (or a new one today) and the decision's text."""

from __future__ import annotations

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel,
                               QLineEdit)

from ....core.i18n import label, tr
from ....core.workplan_budget import steering_meetings
from ...widgets import format_date


class ApproveDialog(QDialog):
    def __init__(self, conn, channel_key: str, parent=None) -> None:
        super().__init__(parent)
        channel = label("CHANNELS", channel_key)
        self.setWindowTitle(tr("Approve the {channel} work plan", channel=channel))
        form = QFormLayout(self)
        intro = QLabel(tr("The steering committee approves the plan by a decision. The plan as "
                          "it is now is kept with the decision; later changes show as such."))
        intro.setWordWrap(True)
        form.addRow(intro)
        self.meeting = QComboBox()
        self.meeting.setAccessibleName(tr("Steering committee meeting"))
        for meeting_id, day, _status in steering_meetings(conn):
            self.meeting.addItem(format_date(day) or day, meeting_id)
        self.meeting.addItem(tr("a new steering meeting today"), None)
        form.addRow(tr("Steering committee meeting") + ":", self.meeting)
        self.text = QLineEdit(tr("The {channel} work plan is approved.", channel=channel))
        self.text.setAccessibleName(tr("Decision"))
        form.addRow(tr("Decision") + ":", self.text)
        buttons = QDialogButtonBox()
        buttons.addButton(tr("Approve"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def choice(self) -> tuple[str | None, str]:
        return self.meeting.currentData(), self.text.text().strip()
