"""The agenda builder of one meeting: items in order (drag, or Alt+Up/Down, to reorder), each
with title, presenter, minutes, kind and notes; the running total against the meeting's length
with a clear warning when it runs over; above them, the standing "follow-up on action items"
section (the body's items still open from earlier meetings, as the agenda handout and the room
show it; they are marked done or carried in the room). Every edit is one step through the
context."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kehila_desktop.core import enums
from kehila_desktop.core.meetings import records as mt
from kehila_desktop.core.meetings import edits
from kehila_desktop.core.i18n import label, minutes, ptr, tr
from kehila_desktop.gui.direction import align_to_text
from kehila_desktop.gui.widgets import format_date, use_latin_digits


class NotesEdit(QPlainTextEdit):
    """Plain-text notes that report when the user leaves them (to save at once); Tab moves
    on to the next field (it would otherwise type a tab and trap keyboard users)."""

    left = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        align_to_text(self)

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self.left.emit()


class AgendaTree(QTreeWidget):
    """A flat list whose rows can be dragged to a new place; reports (item id, new index)."""

    moved = Signal(str, int)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setRootIsDecorated(False)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

    def dropEvent(self, event) -> None:
        item = self.currentItem()
        super().dropEvent(event)
        if item is None:
            return
        index = self.indexOfTopLevelItem(item)
        if index >= 0:  # committed (and the list rebuilt) once the drop has finished
            item_id = item.data(0, Qt.ItemDataRole.UserRole)
            QTimer.singleShot(0, lambda: self.moved.emit(item_id, index))


class AgendaPanel(QWidget):
    def __init__(self, context, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.meeting_id: str | None = None
        self.items: list[dict] = []
        layout = QVBoxLayout(self)
        self.total = QLabel()
        self.total.setTextFormat(Qt.TextFormat.PlainText)
        self.total.setWordWrap(True)
        layout.addWidget(self.total)
        self.follow_up_heading = QLabel()
        self.follow_up_heading.setTextFormat(Qt.TextFormat.PlainText)
        self.follow_up_heading.setWordWrap(True)
        bold = self.follow_up_heading.font()
        bold.setBold(True)
        self.follow_up_heading.setFont(bold)
        layout.addWidget(self.follow_up_heading)
        self.follow_up = QTreeWidget()
        self.follow_up.setRootIsDecorated(False)
        self.follow_up.setColumnCount(4)
        self.follow_up.setMaximumHeight(120)
        header = self.follow_up.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.follow_up.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        layout.addWidget(self.follow_up)
        self.tree = AgendaTree()
        self.tree.setColumnCount(5)
        self.tree.moved.connect(self._moved)
        self.tree.currentItemChanged.connect(self._selected)
        layout.addWidget(self.tree, 2)
        buttons = QHBoxLayout()
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self._add)
        self.up_button = QPushButton()
        self.up_button.clicked.connect(lambda: self._step(-1))
        self.down_button = QPushButton()
        self.down_button.clicked.connect(lambda: self._step(1))
        self.remove_button = QPushButton()
        self.remove_button.clicked.connect(self._remove)
        for b in (self.add_button, self.up_button, self.down_button, self.remove_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        for keys, delta in (("Alt+Up", -1), ("Alt+Down", 1)):
            shortcut = QShortcut(QKeySequence(keys), self.tree, lambda d=delta: self._step(d))
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        form = QFormLayout()
        self.title_edit = QLineEdit()
        self.presenter_edit = QLineEdit()
        self.minutes_spin = QSpinBox()
        use_latin_digits(self.minutes_spin)
        self.minutes_spin.setRange(0, 600)
        self.kind_combo = QComboBox()
        self.notes_edit = NotesEdit()
        self.notes_edit.setMaximumHeight(90)
        self.title_edit.editingFinished.connect(lambda: self._save("title", self.title_edit.text()))
        self.presenter_edit.editingFinished.connect(
            lambda: self._save("presenter", self.presenter_edit.text())
        )
        self.minutes_spin.editingFinished.connect(
            lambda: self._save("minutes", self.minutes_spin.value())
        )
        self.kind_combo.activated.connect(
            lambda _i: self._save("kind", self.kind_combo.currentData())
        )
        self.notes_edit.left.connect(lambda: self._save("notes", self.notes_edit.toPlainText()))
        self.form_labels = [QLabel() for _ in range(5)]
        for lbl, w in zip(
            self.form_labels,
            (
                self.title_edit,
                self.presenter_edit,
                self.minutes_spin,
                self.kind_combo,
                self.notes_edit,
            ),
        ):
            lbl.setBuddy(w)
            form.addRow(lbl, w)
        layout.addLayout(form, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.follow_up.setHeaderLabels(
            [tr("Task"), tr("Owner"), tr("Due"), tr("From the meeting of")]
        )
        self.follow_up.setAccessibleName(tr("Follow-up on action items"))
        self.tree.setHeaderLabels(
            [
                tr("No."),
                ptr("agenda", "Item"),
                tr("Presenter"),
                tr("Duration (minutes)"),
                tr("Kind"),
            ]
        )
        self.tree.setAccessibleName(tr("Agenda items (drag to reorder)"))
        for b, text in (
            (self.add_button, ptr("agenda", "Add item")),
            (self.up_button, tr("Move up")),
            (self.down_button, tr("Move down")),
            (self.remove_button, ptr("agenda", "Remove item")),
        ):
            b.setText(text)
            b.setAccessibleName(text)
        texts = (tr("Title"), tr("Presenter"), tr("Duration (minutes)"), tr("Kind"), tr("Notes"))
        for lbl, w, text in zip(
            self.form_labels,
            (
                self.title_edit,
                self.presenter_edit,
                self.minutes_spin,
                self.kind_combo,
                self.notes_edit,
            ),
            texts,
        ):
            lbl.setText(text)
            w.setAccessibleName(tr("Agenda item {field}", field=text))
        self.kind_combo.clear()
        for key in enums.AGENDA_KINDS:
            self.kind_combo.addItem(label("AGENDA_KINDS", key), key)

    # --- reading ----------------------------------------------------------------------------
    def load(self, meeting_id: str | None) -> None:
        pf = self.context.pf
        current = self.current_id()
        self.meeting_id = meeting_id
        self.tree.blockSignals(True)
        self.tree.clear()
        self.items = mt.agenda(pf.conn, meeting_id) if (pf and meeting_id) else []
        for n, it in enumerate(self.items, start=1):
            row = QTreeWidgetItem(
                [
                    str(n),
                    it["title"],
                    it["presenter"],
                    str(it["minutes"]),
                    label("AGENDA_KINDS", it["kind"]),
                ]
            )
            row.setData(0, Qt.ItemDataRole.UserRole, it["id"])
            row.setFlags(row.flags() & ~Qt.ItemFlag.ItemIsDropEnabled)
            self.tree.addTopLevelItem(row)
            if it["id"] == current:
                self.tree.setCurrentItem(row)
        self.tree.blockSignals(False)
        self._show_follow_up()
        if self.tree.currentItem() is None and self.items:
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        self._selected()
        self._show_total()
        editable = bool(meeting_id) and not self.context.read_only
        for w in (self.add_button, self.up_button, self.down_button, self.remove_button):
            w.setEnabled(editable)
        self.tree.setDragEnabled(editable)

    def _show_follow_up(self) -> None:
        pf = self.context.pf
        items = mt.follow_up_items(pf.conn, self.meeting_id) if (pf and self.meeting_id) else []
        self.follow_up.clear()
        for a in items:
            row = QTreeWidgetItem(
                [
                    a["text"],
                    a["owner"] or "",
                    format_date(a["due"]) if a["due"] else "",
                    format_date(a["meeting_date"]),
                ]
            )
            self.follow_up.addTopLevelItem(row)
        if items:
            heading = tr("Follow-up on action items") + f" ({len(items)})"
        else:
            heading = (
                tr("Follow-up on action items")
                + " — "
                + tr("No open action items from earlier meetings.")
            )
        self.follow_up_heading.setText(heading)
        self.follow_up_heading.setVisible(bool(self.meeting_id))
        self.follow_up.setVisible(bool(items))

    def _show_total(self) -> None:
        pf = self.context.pf
        if not (pf and self.meeting_id):
            self.total.setText("")
            return
        total = mt.agenda_total(pf.conn, self.meeting_id)
        if total.over:
            text = tr(
                "The agenda runs {over} over: {planned} planned for a meeting of {length}.",
                over=minutes(total.over),
                planned=minutes(total.planned),
                length=minutes(total.length),
            )
            self.total.setStyleSheet("color: #b00020; font-weight: bold;")
        else:
            text = tr(
                "Agenda: {planned} of {length} ({left} free).",
                planned=minutes(total.planned),
                length=minutes(total.length),
                left=minutes(total.left),
            )
            self.total.setStyleSheet("")
        self.total.setText(text)
        self.total.setAccessibleName(text)

    def current_id(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None

    def current(self) -> dict | None:
        cid = self.current_id()
        return next((it for it in self.items if it["id"] == cid), None)

    def _selected(self, *_args) -> None:
        it = self.current()
        enabled = it is not None and not self.context.read_only
        for w in (
            self.title_edit,
            self.presenter_edit,
            self.minutes_spin,
            self.kind_combo,
            self.notes_edit,
        ):
            w.setEnabled(enabled)
        self.title_edit.setText(it["title"] if it else "")
        self.presenter_edit.setText(it["presenter"] if it else "")
        self.minutes_spin.setValue(int(it["minutes"]) if it else 0)
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(it["kind"] if it else "")))
        if it is None or self.notes_edit.toPlainText() != it["notes"]:
            self.notes_edit.setPlainText(it["notes"] if it else "")

    # --- writing ----------------------------------------------------------------------------
    def _save(self, field: str, value) -> None:
        it = self.current()
        if it is None or it[field] == value:
            return
        self.context.run(
            tr("edit agenda item"),
            lambda ops: edits.edit_agenda_item(ops, it["id"], {field: value}),
        )

    def _add(self) -> None:
        if not self.meeting_id:
            return
        new_id = self.context.run(
            tr("add agenda item"),
            lambda ops: mt.add_agenda_item(ops, self.meeting_id, tr("New item")),
        )
        if new_id:
            self.select(new_id)
            self.title_edit.setFocus()
            self.title_edit.selectAll()

    def _remove(self) -> None:
        it = self.current()
        if it is not None:
            self.context.run(
                tr("remove agenda item"), lambda ops: edits.remove_agenda_item(ops, it["id"])
            )

    def _step(self, delta: int) -> None:
        cid = self.current_id()
        ids = [it["id"] for it in self.items]
        if cid is None or cid not in ids:
            return
        target = ids.index(cid) + delta
        if 0 <= target < len(ids):
            self._moved(cid, target)

    def _moved(self, item_id: str, index: int) -> None:
        self.context.run(tr("reorder agenda"), lambda ops: mt.move_agenda_item(ops, item_id, index))
        self.load(self.meeting_id)  # also when nothing changed: undo a refused drop
        self.select(item_id)

    def select(self, item_id: str) -> None:
        for i in range(self.tree.topLevelItemCount()):
            row = self.tree.topLevelItem(i)
            if row.data(0, Qt.ItemDataRole.UserRole) == item_id:
                self.tree.setCurrentItem(row)
                return
