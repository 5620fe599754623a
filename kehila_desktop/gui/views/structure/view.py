"""The Structure view (מבנה ארגוני): the diagram of the four mechanisms beside a panel with
the selected body's details and the program settings."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QScrollArea, QSplitter, QTabWidget, QVBoxLayout, QWidget

from kehila_desktop.core.i18n import standalone_label, tr
from kehila_desktop.core.structure import queries
from kehila_desktop.gui.views.structure.diagram import BodyBox, StructureDiagram
from kehila_desktop.gui.views.structure.panels import BodyPanel, ProgramPanel


def _scrolled(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no unnamed tab stop
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(widget)
    return area


class View(QWidget):
    key = "structure"

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.diagram = StructureDiagram()
        self.body_panel = BodyPanel(context)
        self.program_panel = ProgramPanel(context)
        self.tabs = QTabWidget()
        self.tabs.addTab(_scrolled(self.body_panel), "")
        self.tabs.addTab(_scrolled(self.program_panel), "")
        self.splitter.addWidget(self.diagram)
        self.splitter.addWidget(self.tabs)
        self.tabs.setMinimumWidth(320)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self._sized = False
        layout.addWidget(self.splitter)
        self.diagram.bodySelected.connect(self._body_selected)
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(0)
        self._pending.timeout.connect(self.refresh)
        context.changed.connect(lambda _c: self._pending.start())
        context.fileOpened.connect(self._file_opened)
        context.languageChanged.connect(self.retranslate)
        self._texts()
        self.refresh()  # a view reads the file once, when it is built (not again by the window)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._sized and self.width() > 900:
            self._sized = True
            self.splitter.setSizes([self.width() - 460, 460])

    def title(self) -> str:
        return tr("Structure")

    def print_context(self) -> dict:
        """What File → Print… starts with: the structure diagram (the selected body for a
        roster)."""
        return {"handout": "structure", "body": self.diagram.selected_id}

    def retranslate(self, *_args) -> None:
        self._texts()
        self.body_panel.retranslate()
        self.program_panel.retranslate()
        self.refresh()

    def _texts(self) -> None:
        self.tabs.setTabText(0, tr("Selected body"))
        self.tabs.setTabText(1, tr("Program settings"))
        self.tabs.setAccessibleName(tr("Details"))
        self.diagram.setAccessibleName(tr("Diagram of the program's structure"))

    def _file_opened(self) -> None:
        self.diagram.selected_id = ""
        self.refresh()

    def refresh(self, *_args) -> None:
        pf = self.context.pf
        if pf is None:
            self.diagram.set_boxes([])
            self.body_panel.load("")
            return
        boxes = [
            BodyBox(
                b.id,
                b.kind,
                b.name,
                b.chair,
                b.members,
                standalone_label("CADENCES", b.cadence),
                b.channel_chosen,
                b.chair_proposed,
                b.principal,
            )
            for b in queries.diagram_bodies(pf.conn)
        ]
        self.diagram.set_boxes(boxes)
        if not self.diagram.selected_id and boxes:
            self.diagram.select(boxes[0].id, emit=False)
        self.body_panel.load(self.diagram.selected_id)
        self.program_panel.load()

    def _body_selected(self, body_id: str) -> None:
        self.body_panel.load(body_id)
        self.tabs.setCurrentIndex(0)

    def navigate(self, table: str, row_id: str) -> None:
        if table == "body" and row_id:
            self.diagram.select(row_id, emit=False)
            self.body_panel.load(row_id)
            self.tabs.setCurrentIndex(0)
            self.body_panel.ui.nameEdit.setFocus()
        elif table in ("program", "channel", "area"):
            self.tabs.setCurrentIndex(1)
            panel = self.program_panel
            if table == "area":
                target = panel.areas.new_name if not panel.areas.list.count() else panel.areas.list
            elif table == "channel":
                target = next(iter(panel.channel_checks.values()))
            else:
                target = panel.ui.nameEdit
            target.setFocus()
            scroll = self.tabs.currentWidget()
            if hasattr(scroll, "ensureWidgetVisible"):
                scroll.ensureWidgetVisible(target)
