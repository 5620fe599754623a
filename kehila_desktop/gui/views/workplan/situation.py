"""A channel's situation picture (text and sections with a key figure), problem space and
solution space. Every text is saved when the user leaves it, as one undo step."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kehila_desktop.core.workplan import plans as wp
from kehila_desktop.core.i18n import tr
from kehila_desktop.gui.views.workplan.editor import CommitText

SECTION_FIELDS = ("title", "text", "figure")


class SituationPanel(QWidget):
    def __init__(self, context, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.channel_id = ""
        self.section_ids: list[str] = []
        layout = QVBoxLayout(self)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.captions = {}
        self.texts = {}
        for key in ("situation_picture", "problem_space", "solution_space"):
            caption = QLabel()
            text = CommitText()
            caption.setBuddy(text)
            text.committed.connect(lambda value, k=key: self._save_text(k, value))
            self.captions[key], self.texts[key] = caption, text
            layout.addWidget(caption)
            layout.addWidget(text)
            if key == "situation_picture":
                self.sections = QTableWidget(0, 3)
                self.sections.setMinimumHeight(120)
                self.sections.horizontalHeader().setSectionResizeMode(
                    1, QHeaderView.ResizeMode.Stretch
                )
                self.sections.setWordWrap(True)
                self.sections.itemChanged.connect(self._section_changed)
                layout.addWidget(self.sections)
                buttons = QHBoxLayout()
                self.add_button = QPushButton()
                self.add_button.clicked.connect(self.add_section)
                self.delete_button = QPushButton()
                self.delete_button.clicked.connect(self.delete_section)
                buttons.addWidget(self.add_button)
                buttons.addWidget(self.delete_button)
                buttons.addStretch(1)
                layout.addLayout(buttons)
        layout.addStretch(1)

    def retranslate(self) -> None:
        self.hint.setText(
            tr(
                "The local situation picture that the work team leads, and the "
                "problem and solution space it helps define."
            )
        )
        for key, caption in self.captions.items():
            name = tr(
                {
                    "situation_picture": "Situation picture",
                    "problem_space": "Problem space",
                    "solution_space": "Solution space",
                }[key]
            )
            caption.setText(name + ":")
            self.texts[key].setAccessibleName(name)
        self.sections.setHorizontalHeaderLabels([tr("Section"), tr("Text"), tr("Key figure")])
        self.sections.setAccessibleName(tr("Sections of the situation picture"))
        self.add_button.setText(tr("Add section"))
        self.add_button.setAccessibleName(tr("Add section"))
        self.delete_button.setText(tr("Delete section"))
        self.delete_button.setAccessibleName(tr("Delete section"))

    def load(self, plan) -> None:
        """Show one channel's plan (None: all channels are shown, nothing to edit here)."""
        self.channel_id = plan.id if plan is not None else ""
        editable = plan is not None and not self.context.read_only
        for key, text in self.texts.items():
            text.set_plain(getattr(plan, key) if plan is not None else "")
            text.setReadOnly(not editable)
        self.sections.blockSignals(True)
        self.sections.setRowCount(0)
        self.section_ids = []
        for section in plan.sections if plan is not None else []:
            r = self.sections.rowCount()
            self.sections.insertRow(r)
            self.section_ids.append(section.id)
            for c, name in enumerate(SECTION_FIELDS):
                self.sections.setItem(r, c, QTableWidgetItem(getattr(section, name)))
        self.sections.blockSignals(False)
        self.sections.setEnabled(plan is not None)
        self.add_button.setEnabled(editable)
        self.delete_button.setEnabled(editable)
        if plan is None:
            self.hint.setText(tr("Choose one channel to see and edit its situation picture."))
        else:
            self.retranslate()

    def _save_text(self, key: str, value: str) -> None:
        if self.channel_id and not self.context.read_only:
            cid = self.channel_id
            self.context.run(
                tr("edit situation picture"),
                lambda ops: wp.set_channel_texts(ops, cid, {key: value}),
            )

    def _section_changed(self, item: QTableWidgetItem) -> None:
        if item.row() >= len(self.section_ids):
            return
        section_id = self.section_ids[item.row()]
        field = SECTION_FIELDS[item.column()]
        value = item.text()
        self.context.run(
            tr("edit situation picture"),
            lambda ops: wp.update_item(ops, "section", section_id, {field: value}),
        )

    def add_section(self) -> None:
        if self.channel_id:
            cid = self.channel_id
            self.context.run(
                tr("add situation section"),
                lambda ops: wp.add_item(ops, "section", cid, {"title": tr("New section")}),
            )

    def delete_section(self) -> None:
        row = self.sections.currentRow()
        if 0 <= row < len(self.section_ids):
            section_id = self.section_ids[row]
            self.context.run(
                tr("delete {title}", title=self.sections.item(row, 0).text()),
                lambda ops: wp.delete_item(ops, "section", section_id),
            )
