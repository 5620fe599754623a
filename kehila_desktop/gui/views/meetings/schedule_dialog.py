"""The schedule-generation dialog: a body's schedule (its regular meetings, or the program
team's trainings or team days) and a period; shows the plan from ``core.schedule``
before anything is written — each date, whether it is new, kept or covered by an existing
meeting, and why a date moved (weekend, holiday, holiday eve) — then applies it as one step."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from kehila_desktop.core.meetings import schedule
from kehila_desktop.core.errors import KehilaError
from kehila_desktop.core.i18n import label, ntr, tr
from kehila_desktop.gui.widgets import DATE_FORMAT, format_date, use_latin_digits
from kehila_desktop.core.meetings import queries as mq


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class ScheduleDialog(QDialog):
    def __init__(self, context, body_id: str | None = None, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.plan: schedule.SchedulePlan | None = None
        self.setWindowTitle(tr("Generate meetings from the cadence"))
        conn = context.pf.conn
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.body = QComboBox()
        self.body.setAccessibleName(tr("Body"))
        self.kinds: list[str] = []  # the meeting kind of each entry (its data is the body id)
        for bid, kind, name, cadence in mq.bodies_with_cadence(conn):
            every = label("CADENCES", cadence) if cadence else tr("none planned")
            if kind == "training":
                text = tr("{body} — trainings — {cadence}", body=name, cadence=every)
            elif kind == "team_day":
                text = tr("{body} — team days — {cadence}", body=name, cadence=every)
            else:
                text = f"{name} — {every}"
            self.body.addItem(text, bid)
            self.kinds.append(kind)
        self.body.setCurrentIndex(max(0, self.body.findData(body_id)))
        start = mq.program_dates(conn)["start_date"]
        try:
            first = date.fromisoformat(start) if start else date.today()
        except ValueError:
            first = date.today()
        self.start = QDateEdit(_qdate(max(first, date.today())))
        self.end = QDateEdit(_qdate(date(max(first, date.today()).year + 1, 12, 31)))
        for edit, name in ((self.start, tr("From")), (self.end, tr("Until"))):
            edit.setCalendarPopup(True)
            edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
            edit.setDisplayFormat(DATE_FORMAT)
            edit.setAccessibleName(name)
            use_latin_digits(edit)
        form.addRow(tr("Body"), self.body)
        form.addRow(tr("From"), self.start)
        form.addRow(tr("Until"), self.end)
        layout.addLayout(form)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels(
            [tr("Date"), tr("Time"), tr("What happens"), tr("Why the date moved")]
        )
        self.tree.setAccessibleName(tr("The meetings the cadence gives"))
        self.tree.setColumnWidth(0, 190)
        layout.addWidget(self.tree, 1)
        self.buttons = QDialogButtonBox()
        self.apply_button = self.buttons.addButton(
            tr("Create meetings"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.body.currentIndexChanged.connect(self.preview)
        self.start.dateChanged.connect(self.preview)
        self.end.dateChanged.connect(self.preview)
        self.resize(820, 520)
        self.preview()

    def preview(self, *_args) -> None:
        self.tree.clear()
        try:
            self.plan = schedule.plan_schedule(
                self.context.pf.conn,
                self.body.currentData(),
                _pydate(self.start.date()),
                _pydate(self.end.date()),
                kind=self.kinds[self.body.currentIndex()] if self.kinds else "regular",
            )
        except KehilaError as exc:
            self.plan = None
            self.summary.setText(exc.text(tr))
            self.apply_button.setEnabled(False)
            return
        what = {
            "add": tr("new meeting"),
            "keep": tr("already planned"),
            "covered": tr("an existing meeting covers it"),
        }
        for slot in self.plan.slots:
            row = QTreeWidgetItem(
                [
                    format_date(slot.day.isoformat()),
                    slot.starts_at[11:],
                    what[slot.action],
                    slot.note,
                ]
            )
            if slot.moved:
                for col in range(4):
                    row.setForeground(col, QColor("#8a4b00"))
            self.tree.addTopLevelItem(row)
        for _mid, starts_at in self.plan.remove:
            row = QTreeWidgetItem(
                [
                    format_date(starts_at),
                    starts_at[11:16],
                    tr("removed: no longer fits the cadence"),
                    "",
                ]
            )
            row.setForeground(2, QColor("#b00020"))
            self.tree.addTopLevelItem(row)
        moved = sum(1 for s in self.plan.to_add if s.moved)
        self.summary.setText(
            ntr(
                "{n} new meeting ({moved} moved off weekends or holidays), {kept} kept, "
                "{removed} removed. Held and hand-edited meetings are never touched.",
                "{n} new meetings ({moved} moved off weekends or holidays), {kept} kept, "
                "{removed} removed. Held and hand-edited meetings are never touched.",
                len(self.plan.to_add),
                moved=moved,
                kept=len(self.plan.slots) - len(self.plan.to_add),
                removed=len(self.plan.remove),
            )
        )
        self.apply_button.setEnabled(
            bool(self.plan.to_add or self.plan.remove) and not self.context.read_only
        )

    def apply(self) -> None:
        if self.plan is None:
            return
        plan = self.plan
        self.context.run(tr("generate meetings"), lambda ops: schedule.apply_schedule(ops, plan))
        self.accept()
