"""Decisions and action items of one meeting. ``DecisionForm`` and ``ActionItemForm`` are also
used by in-room mode's quick capture. A steering decision of the kinds the seed gives it
(channels here, with a choice of the four channels) updates the program when recorded."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kehila_desktop.core import enums
from kehila_desktop.core.meetings import records as mt
from kehila_desktop.core.i18n import label, tr
from kehila_desktop.gui.widgets import DATE_FORMAT, use_latin_digits
from kehila_desktop.gui.views.meetings.payload_editor import PayloadEditor
from kehila_desktop.gui.direction import follow_text_direction
from kehila_desktop.core.meetings import queries as mq
from kehila_desktop.core.structure.queries import is_meeting_of


class DecisionForm(QWidget):
    """Text, kind, outcome, votes for / against / abstain (equal weight) and, at a steering
    meeting, what the decision sets (``PayloadEditor``); ``recorded`` carries the new decision's
    id. ``correct(decision)`` loads a recorded decision to correct its text, outcome and votes.
    ``compact``: the votes stacked under their labels (in-room mode's narrow side panel)."""

    recorded = Signal(str)

    def __init__(self, context, parent=None, compact: bool = False) -> None:
        super().__init__(parent)
        self.context = context
        self.meeting_id: str | None = None
        self.correcting: str = ""  # id of the decision being corrected ("" for a new one)
        self._outcome_chosen = False
        form = QFormLayout(self)
        if compact:
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.text = QLineEdit()
        self.kind = QComboBox()
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.outcome = QComboBox()
        self.outcome.activated.connect(self._outcome_activated)
        votes = QGridLayout()
        votes.setContentsMargins(0, 0, 0, 0)
        self.spins = {k: QSpinBox() for k in ("for", "against", "abstain")}
        self.vote_labels = {k: QLabel() for k in self.spins}
        for n, (k, spin) in enumerate(self.spins.items()):
            spin.setRange(0, 999)
            use_latin_digits(spin)
            spin.valueChanged.connect(self._votes_changed)
            self.vote_labels[k].setBuddy(spin)
            # label above its spin box: three narrow columns (side by side, the row was the
            # form's widest and the channel boxes' caption pushed the panel past 1024x768)
            votes.addWidget(self.vote_labels[k], 0, n)
            votes.addWidget(spin, 1, n)
        self.steering = False
        self.payload_editor = PayloadEditor()
        self.channel_boxes = self.payload_editor.channel_boxes
        self.button = QPushButton()
        self.button.clicked.connect(self.record)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.new_decision)
        self.cancel_button.setVisible(False)
        self.labels = [QLabel() for _ in range(5)]
        for lbl, w in zip(
            self.labels, (self.text, self.kind, None, self.payload_editor, self.outcome)
        ):
            if w is None:
                form.addRow(lbl, votes)
            else:
                lbl.setBuddy(w)
                form.addRow(lbl, w)
        buttons = QHBoxLayout()
        buttons.addWidget(self.button, 1)
        buttons.addWidget(self.cancel_button)
        form.addRow(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        for lbl, text in zip(self.labels[:3], (tr("Decision"), tr("Kind"), tr("Votes"))):
            lbl.setText(text)
        self.labels[4].setText(tr("Outcome"))
        self.text.setAccessibleName(tr("Decision text"))
        self.kind.setAccessibleName(tr("Decision kind"))
        self.outcome.setAccessibleName(tr("Decision outcome"))
        chosen = self.outcome.currentData() or "passed_consensus"
        self.outcome.clear()
        for key in enums.DECISION_OUTCOMES:
            self.outcome.addItem(label("DECISION_OUTCOMES", key), key)
        self.outcome.setCurrentIndex(max(0, self.outcome.findData(chosen)))
        current = self.kind.currentData() or ""
        self.kind.blockSignals(True)
        self.kind.clear()
        for key in enums.DECISION_KINDS:
            self.kind.addItem(label("DECISION_KINDS", key), key)
        self.kind.setCurrentIndex(max(0, self.kind.findData(current or "other")))
        self.kind.blockSignals(False)
        for k, text in (("for", tr("For")), ("against", tr("Against")), ("abstain", tr("Abstain"))):
            self.vote_labels[k].setText(text)
            self.spins[k].setAccessibleName(tr("Votes {which}", which=text))
        self.payload_editor.retranslate()
        self._button_texts()
        self._kind_changed()

    def _button_texts(self) -> None:
        text = tr("Save correction") if self.correcting else tr("Record decision")
        self.button.setText(text)
        self.button.setAccessibleName(text)
        self.cancel_button.setText(tr("Cancel correction"))
        self.cancel_button.setAccessibleName(tr("Cancel correction"))
        self.cancel_button.setVisible(bool(self.correcting))
        self.kind.setEnabled(not self.correcting)
        self.payload_editor.setEnabled(not self.correcting)

    def _outcome_activated(self, *_args) -> None:
        self._outcome_chosen = True

    def _votes_changed(self, *_args) -> None:
        """Until the outcome is chosen, it follows the votes (none: consensus)."""
        if self._outcome_chosen:
            return
        v_for, v_against, v_abstain = (self.spins[k].value() for k in ("for", "against", "abstain"))
        key = (
            "passed_consensus"
            if not (v_for or v_against or v_abstain)
            else "passed_vote"
            if v_for > v_against
            else "rejected"
        )
        self.outcome.setCurrentIndex(max(0, self.outcome.findData(key)))

    def _reset(self) -> None:
        self.text.clear()
        self._outcome_chosen = False
        for spin in self.spins.values():
            spin.setValue(0)
        self._votes_changed()

    def correct(self, decision: dict) -> None:
        """Load a recorded decision to correct its text, outcome and votes."""
        self.correcting = decision["id"]
        self.text.setText(decision["text"])
        self.kind.setCurrentIndex(max(0, self.kind.findData(decision["kind"])))
        for k, column in (
            ("for", "votes_for"),
            ("against", "votes_against"),
            ("abstain", "votes_abstain"),
        ):
            self.spins[k].setValue(int(decision[column] or 0))
        outcome = decision.get("outcome") or ""
        self._outcome_chosen = bool(outcome)
        if outcome:
            self.outcome.setCurrentIndex(max(0, self.outcome.findData(outcome)))
        self._button_texts()
        self.text.setFocus()

    def new_decision(self) -> None:
        self.correcting = ""
        self._reset()
        self._button_texts()

    def _kind_changed(self, *_args) -> None:
        shown = self.payload_editor.set_kind(self.kind.currentData() or "", self.steering)
        self.payload_editor.setVisible(shown)
        self.labels[3].setVisible(shown)
        self.labels[3].setText(self.payload_editor.caption())

    def set_meeting(self, meeting_id: str | None) -> None:
        if meeting_id != self.meeting_id:
            self.meeting_id = meeting_id
            pf = self.context.pf
            self.steering = bool(
                meeting_id and pf is not None and is_meeting_of(pf.conn, meeting_id, "steering")
            )
            if self.steering:
                self.payload_editor.load(pf.conn)
            self._kind_changed()
        self.setEnabled(bool(meeting_id) and not self.context.read_only)

    def record(self) -> str | None:
        if not self.meeting_id:
            return None
        kind = self.kind.currentData()
        payload = self.payload_editor.payload() if self.steering else None
        votes = tuple(self.spins[k].value() for k in ("for", "against", "abstain"))
        text = self.text.text()
        outcome = self.outcome.currentData() or None
        meeting_id = self.meeting_id
        if self.correcting:
            decision_id = self.correcting
            done = self.context.run(
                tr("correct decision"),
                lambda ops: (
                    mt.correct_decision(ops, decision_id, text=text, outcome=outcome, votes=votes)
                    or True
                ),
            )
            if done:
                self.new_decision()
                self.recorded.emit(decision_id)
                return decision_id
            return None
        decision_id = self.context.run(
            tr("record decision"),
            lambda ops: mt.record_decision(
                ops, meeting_id, text, kind, votes=votes, payload=payload, outcome=outcome
            ),
        )
        if decision_id:
            self._reset()
            if self.steering and self.context.pf is not None:
                self.payload_editor.load(self.context.pf.conn)  # what the program now is
            self.recorded.emit(decision_id)
        return decision_id


class ActionItemForm(QWidget):
    """Text, owner (a member of the meeting's body) and due date of a new action item."""

    added = Signal(str)

    def __init__(self, context, parent=None, compact: bool = False) -> None:
        super().__init__(parent)
        self.context = context
        self.meeting_id: str | None = None
        self.text = QLineEdit()
        self.text.returnPressed.connect(self.add)
        self.owner = QComboBox()
        self.has_due = QCheckBox()
        self.due = QDateEdit()
        self.due.setCalendarPopup(True)
        self.due.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.due.setDisplayFormat(DATE_FORMAT)
        self.due.setDate(QDate.currentDate().addDays(14))
        use_latin_digits(self.due)
        self.button = QPushButton()
        self.button.clicked.connect(self.add)
        if compact:  # in-room mode's side panel: the text on a line of its own
            grid = QGridLayout(self)
            grid.setContentsMargins(0, 0, 0, 0)
            grid.addWidget(self.text, 0, 0, 1, 3)
            grid.addWidget(self.owner, 1, 0, 1, 3)
            grid.addWidget(self.has_due, 2, 0)
            grid.addWidget(self.due, 2, 1)
            grid.addWidget(self.button, 2, 2)
            grid.setColumnStretch(1, 1)
        else:
            row = QHBoxLayout(self)
            row.setContentsMargins(0, 0, 0, 0)
            row.addWidget(self.text, 3)
            row.addWidget(self.owner, 2)
            row.addWidget(self.has_due)
            row.addWidget(self.due)
            row.addWidget(self.button)
        self.retranslate()

    def retranslate(self) -> None:
        self.text.setPlaceholderText(tr("New action item"))
        self.text.setAccessibleName(tr("Action item text"))
        self.owner.setAccessibleName(tr("Owner"))
        self.has_due.setText(tr("Due"))
        self.has_due.setAccessibleName(tr("The action item has a due date"))
        self.due.setAccessibleName(tr("Due date"))
        self.button.setText(tr("Add action item"))
        self.button.setAccessibleName(tr("Add action item"))
        self.set_meeting(self.meeting_id, force=True)

    def set_meeting(self, meeting_id: str | None, force: bool = False) -> None:
        self.setEnabled(bool(meeting_id) and not self.context.read_only)
        if meeting_id == self.meeting_id and not force:
            return
        self.meeting_id = meeting_id
        current = self.owner.currentData() or ""
        self.owner.clear()
        self.owner.addItem(tr("no owner"), "")
        pf = self.context.pf
        if pf and meeting_id:
            body_id, starts_at = mq.meeting_body_and_start(pf.conn, meeting_id)
            for pid, name, _e in mt.expected_members(pf.conn, body_id, starts_at):
                self.owner.addItem(name, pid)
        self.owner.setCurrentIndex(max(0, self.owner.findData(current)))

    def add(self) -> str | None:
        if not self.meeting_id:
            return None
        text, meeting_id = self.text.text(), self.meeting_id
        owner = self.owner.currentData() or None
        due = self.due.date().toString("yyyy-MM-dd") if self.has_due.isChecked() else None
        new_id = self.context.run(
            tr("add action item"),
            lambda ops: mt.add_action_item(ops, meeting_id, text, owner_person_id=owner, due=due),
        )
        if new_id:
            self.text.clear()
            self.added.emit(new_id)
        return new_id


class DecisionsPanel(QWidget):
    def __init__(self, context, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.meeting_id: str | None = None
        layout = QVBoxLayout(self)
        self.decisions = QTreeWidget()
        self.decisions.setRootIsDecorated(False)
        layout.addWidget(self.decisions, 2)
        self.form = DecisionForm(context)
        layout.addWidget(self.form)
        self.items_label = QLabel()
        layout.addWidget(self.items_label)
        self.items = QTreeWidget()
        self.items.setRootIsDecorated(False)
        follow_text_direction(self.decisions, self.items)
        layout.addWidget(self.items, 2)
        buttons = QHBoxLayout()
        self.done_button = QPushButton()
        self.done_button.clicked.connect(lambda: self._set_item_status("done"))
        self.reopen_button = QPushButton()
        self.reopen_button.clicked.connect(lambda: self._set_item_status("open"))
        buttons.addWidget(self.done_button)
        buttons.addWidget(self.reopen_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.item_form = ActionItemForm(context)
        layout.addWidget(self.item_form)
        self.retranslate()

    def retranslate(self) -> None:
        self.decisions.setHeaderLabels(
            [tr("Decision"), tr("Kind"), tr("Outcome"), tr("For"), tr("Against"), tr("Abstain")]
        )
        self.decisions.setAccessibleName(tr("Decisions of the meeting"))
        self.items_label.setText(tr("Action items"))
        self.items.setHeaderLabels([tr("Action item"), tr("Owner"), tr("Due"), tr("Status")])
        self.items.setAccessibleName(tr("Action items of the meeting"))
        self.done_button.setText(tr("Mark done"))
        self.done_button.setAccessibleName(tr("Mark done"))
        self.reopen_button.setText(tr("Reopen"))
        self.reopen_button.setAccessibleName(tr("Reopen"))
        self.form.retranslate()
        self.item_form.retranslate()

    def load(self, meeting_id: str | None) -> None:
        self.meeting_id = meeting_id
        self.form.set_meeting(meeting_id)
        self.item_form.set_meeting(meeting_id)
        self.decisions.clear()
        self.items.clear()
        pf = self.context.pf
        if not (pf and meeting_id):
            return
        for d in mt.decisions(pf.conn, meeting_id):
            row = QTreeWidgetItem(
                [
                    d["text"],
                    label("DECISION_KINDS", d["kind"]),
                    label("DECISION_OUTCOMES", d["outcome"]),
                    str(d["votes_for"]),
                    str(d["votes_against"]),
                    str(d["votes_abstain"]),
                ]
            )
            row.setData(0, Qt.ItemDataRole.UserRole, d["id"])
            self.decisions.addTopLevelItem(row)
        for a in mq.meeting_action_items(pf.conn, meeting_id):
            row = QTreeWidgetItem(
                [a[1], a[2] or "", a[3] or "", label("ACTION_ITEM_STATUSES", a[4])]
            )
            row.setData(0, Qt.ItemDataRole.UserRole, a[0])
            self.items.addTopLevelItem(row)
        for b in (self.done_button, self.reopen_button):
            b.setEnabled(not self.context.read_only)

    def _set_item_status(self, status: str) -> None:
        item = self.items.currentItem()
        if item is not None:
            item_id = item.data(0, Qt.ItemDataRole.UserRole)
            meeting_id = self.meeting_id
            self.context.run(
                tr("action item {status}", status=label("ACTION_ITEM_STATUSES", status)),
                lambda ops: mt.set_action_item_status(ops, item_id, status, meeting_id),
            )
