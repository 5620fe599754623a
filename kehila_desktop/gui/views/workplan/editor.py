"""The editor beside the plan tree: the fields of the selected goal, objective or action.

Each field is saved when the user leaves it (or picks a value) as one undo step through
``context.run``; the view reloads the editor from the file after every change. Bad input is
refused by the core with one sentence and nothing changes.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kehila_desktop.core import enums
from kehila_desktop.core.workplan import plans as wp
from kehila_desktop.core.i18n import format_date, parse_date, standalone_label, tr
from kehila_desktop.gui.direction import align_to_text
from kehila_desktop.gui.widgets import attach_calendar
from kehila_desktop.core.workplan import queries as wq


class CommitText(QPlainTextEdit):
    """A plain-text box that reports its text when the user leaves it after a change."""

    committed = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setMaximumHeight(90)
        align_to_text(self)

    def set_plain(self, text: str) -> None:
        self.blockSignals(True)
        self.setPlainText(text or "")
        self.document().setModified(False)
        self.blockSignals(False)

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        if self.document().isModified():
            self.document().setModified(False)
            self.committed.emit(self.toPlainText())


def _line(slot) -> QLineEdit:
    edit = QLineEdit()

    def finished(e=edit):
        if e.isModified():  # Return and then leaving the field: saved once
            e.setModified(False)
            slot(e.text())

    edit.editingFinished.connect(finished)
    return edit


def _set_line(edit: QLineEdit, text: str) -> None:
    edit.setText(text or "")
    edit.setModified(False)


def _select_data(combo: QComboBox, data) -> None:
    combo.blockSignals(True)
    i = combo.findData(data)
    combo.setCurrentIndex(i if i >= 0 else 0)
    combo.blockSignals(False)


class _Form(QWidget):
    kind = ""

    def __init__(self, context) -> None:
        super().__init__()
        self.context = context
        self.item = None
        self.reload = lambda: None  # set by the ItemEditor: show the saved values again
        outer = QVBoxLayout(self)
        self.form = QFormLayout()
        outer.addLayout(self.form)
        outer.addStretch(1)
        self.labels: dict[str, QLabel] = {}

    def row(self, key: str, widget: QWidget) -> QWidget:
        caption = QLabel()
        caption.setBuddy(widget)
        self.labels[key] = caption
        self.form.addRow(caption, widget)
        return widget

    def save(self, changes: dict) -> None:
        if self.item is None or self.context.read_only:
            return
        title = getattr(self.item, "title", "") or tr("untitled")
        item_id, kind = self.item.id, self.kind
        done = self.context.run(
            tr("edit {title}", title=title), lambda ops: wp.update_item(ops, kind, item_id, changes)
        )
        if done is None:  # refused (the sentence was shown): show what is saved
            self.reload()

    def retranslate(self) -> None:
        for key, caption in self.labels.items():
            caption.setText(tr(key) + ":")
            buddy = caption.buddy()
            if buddy is not None:
                buddy.setAccessibleName(tr(key))


class GoalForm(_Form):
    kind = "goal"

    def __init__(self, context) -> None:
        super().__init__(context)
        self.title = self.row("Goal", _line(lambda t: self.save({"title": t})))
        self.description = self.row("Description", CommitText())
        self.description.committed.connect(lambda t: self.save({"description": t}))
        self.recommended = self.row("Recommended by", QComboBox())
        self.recommended.currentIndexChanged.connect(
            lambda _i: self.save({"recommended_by_body_id": self.recommended.currentData()})
        )
        self.adopted = self.row("Adopted by the design committee", QCheckBox())
        self.adopted.toggled.connect(lambda on: self.save({"adopted": on}))

    def load(self, goal, conn) -> None:
        self.item = goal
        _set_line(self.title, goal.title)
        self.description.set_plain(goal.description)
        self.recommended.blockSignals(True)
        self.recommended.clear()
        self.recommended.addItem(tr("not recorded"), None)
        for body_id, name in wq.recommending_bodies(conn):
            self.recommended.addItem(name, body_id)
        self.recommended.blockSignals(False)
        _select_data(self.recommended, goal.recommended_by_body_id)
        self.adopted.blockSignals(True)
        self.adopted.setChecked(goal.adopted)
        self.adopted.blockSignals(False)


class ObjectiveForm(_Form):
    kind = "objective"

    def __init__(self, context) -> None:
        super().__init__(context)
        self.title = self.row("Objective", _line(lambda t: self.save({"title": t})))
        self.indicator = self.row("Indicator", _line(lambda t: self.save({"indicator": t})))
        self.baseline = self.row("Baseline", _line(lambda t: self.save({"baseline": t})))
        self.target = self.row("Target", _line(lambda t: self.save({"target": t})))
        self.target_date = self.row(
            "Target date", _line(lambda t: self.save({"target_date": _iso_or_text(t)}))
        )
        self.target_date.setPlaceholderText(tr("DD/MM/YYYY"))
        attach_calendar(
            self.target_date,
            lambda: self.save({"target_date": _iso_or_text(self.target_date.text())}),
        )

    def load(self, objective, conn) -> None:
        self.item = objective
        for edit, value in (
            (self.title, objective.title),
            (self.indicator, objective.indicator),
            (self.baseline, objective.baseline),
            (self.target, objective.target),
            (self.target_date, format_date(objective.target_date)),
        ):
            _set_line(edit, value)


def _iso_or_text(text: str) -> str | None:
    """A typed date as ISO (D/M/YYYY or YYYY-MM-DD); other text as typed, for the core to
    refuse with its sentence."""
    try:
        return parse_date(text)
    except ValueError:
        return text.strip()


class ActionForm(_Form):
    kind = "action"

    def __init__(self, context) -> None:
        super().__init__(context)
        self.title = self.row("Action", _line(lambda t: self.save({"title": t})))
        self.owner = self.row("Owner", QComboBox())
        self.owner.currentIndexChanged.connect(self._owner_chosen)
        self.areas = self.row("Focus areas", QListWidget())
        self.areas.setMaximumHeight(96)
        self.areas.itemChanged.connect(self._areas_changed)
        self.start = self.row("Start quarter", QComboBox())
        self.end = self.row("End quarter", QComboBox())
        self.start.currentIndexChanged.connect(
            lambda _i: self.save({"start_quarter": self.start.currentData() or ""})
        )
        self.end.currentIndexChanged.connect(
            lambda _i: self.save({"end_quarter": self.end.currentData() or ""})
        )
        self.budget = self.row("Budget (₪)", QSpinBox())
        self.budget.setRange(0, 1_000_000_000)
        self.budget.setSingleStep(1000)
        self.budget.setGroupSeparatorShown(True)
        # digits as the tree, the budget totals and the workbook write them (12,500)
        self.budget.setLocale(QLocale(QLocale.Language.English, QLocale.Country.Israel))
        self.budget.setPrefix("₪ ")
        self.budget.editingFinished.connect(self._budget_done)
        self.source = self.row("Budget source", _line(lambda t: self.save({"budget_source": t})))
        self.status = self.row("Status", QComboBox())
        self.status.currentIndexChanged.connect(
            lambda _i: self.save({"status": self.status.currentData()})
        )

    def _owner_chosen(self, _i) -> None:
        kind, _, owner_id = (self.owner.currentData() or "").partition(":")
        owner_id = owner_id or None
        self.save(
            {
                "owner_body_id": owner_id if kind == "body" else None,
                "owner_person_id": owner_id if kind == "person" else None,
            }
        )

    def _budget_done(self) -> None:
        if self.item is not None and self.budget.value() != self.item.budget:
            self.save({"budget": self.budget.value()})

    def _areas_changed(self, _item) -> None:
        if self.item is None or self.context.read_only:
            return
        wanted = [
            self.areas.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.areas.count())
            if self.areas.item(i).checkState() == Qt.CheckState.Checked
        ]
        action_id, title = self.item.id, self.item.title or tr("untitled")
        self.context.run(
            tr("set focus areas of {title}", title=title),
            lambda ops: wp.set_action_areas(ops, action_id, wanted),
        )

    def load(self, action, conn, quarters: list[str]) -> None:
        self.item = action
        _set_line(self.title, action.title)
        _set_line(self.source, action.budget_source)
        for combo in (self.owner, self.start, self.end, self.status):
            combo.blockSignals(True)
            combo.clear()
        self.owner.addItem(tr("no owner"), "")
        for body_id, name in wq.owner_bodies(conn):
            self.owner.addItem(name, f"body:{body_id}")
        for person_id, name in wq.owner_people(conn):
            self.owner.addItem(name, f"person:{person_id}")
        for combo, value in ((self.start, action.start_quarter), (self.end, action.end_quarter)):
            combo.addItem(tr("not set"), "")
            for quarter in sorted(set(quarters) | ({value} if value else set())):
                combo.addItem(wp.quarter_label(quarter), quarter)
        for key in enums.ACTION_STATUSES:
            self.status.addItem(standalone_label("ACTION_STATUSES", key), key)
        for combo in (self.owner, self.start, self.end, self.status):
            combo.blockSignals(False)
        owner = (
            f"body:{action.owner_body_id}"
            if action.owner_body_id
            else f"person:{action.owner_person_id}"
            if action.owner_person_id
            else ""
        )
        _select_data(self.owner, owner)
        _select_data(self.start, action.start_quarter)
        _select_data(self.end, action.end_quarter)
        _select_data(self.status, action.status)
        self.budget.blockSignals(True)
        self.budget.setValue(action.budget)
        self.budget.blockSignals(False)
        self.areas.blockSignals(True)
        self.areas.clear()
        for area_id, name in wq.action_areas(conn):
            entry = QListWidgetItem(name)
            entry.setData(Qt.ItemDataRole.UserRole, area_id)
            entry.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(
                Qt.CheckState.Checked if area_id in action.area_ids else Qt.CheckState.Unchecked
            )
            self.areas.addItem(entry)
        self.areas.blockSignals(False)


class ItemEditor(QStackedWidget):
    """Shows the form of the selected item (or a hint when nothing is selected)."""

    def __init__(self, context, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeading)
        self.forms = {
            "goal": GoalForm(context),
            "objective": ObjectiveForm(context),
            "action": ActionForm(context),
        }
        self.addWidget(self.hint)
        self._last = (None, None, [])
        for form in self.forms.values():
            form.reload = lambda: self.show_item(*self._last)
            self.addWidget(form)

    def show_item(self, item, conn, quarters: list[str]) -> None:
        self._last = (item, conn, quarters)
        kind = getattr(item, "kind", None)
        form = self.forms.get(kind)
        if form is None:
            self.setCurrentWidget(self.hint)
            return
        if kind == "action":
            form.load(item, conn, quarters)
        else:
            form.load(item, conn)
        form.setEnabled(not self.context.read_only)
        self.setCurrentWidget(form)

    def retranslate(self) -> None:
        self.hint.setText(
            tr(
                "Choose a goal, an objective or an action in the plan to edit it. "
                "Insert adds an item, Ctrl+Insert adds one inside it, Alt+Up and "
                "Alt+Down move it, Ctrl+D duplicates an action."
            )
        )
        for form in self.forms.values():
            form.retranslate()
