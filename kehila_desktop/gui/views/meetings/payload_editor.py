"""What a steering decision sets, edited beside its text (``decision.payload`` for
``core.edits.apply_decision``): the chosen channels, the focus areas, the program's scope, its
timeline, or the design-committee memberships it approves. Shown only at steering meetings
and only for those kinds; prefilled from the program as it stands."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QDateEdit,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kehila_desktop.core import enums
from kehila_desktop.core.i18n import label, tr
from kehila_desktop.gui.widgets import DATE_FORMAT, use_latin_digits
from kehila_desktop.gui.direction import align_to_text
from kehila_desktop.core.meetings import queries as mq
from kehila_desktop.core.structure import queries as sq

KINDS = ("channels", "focus", "scope", "timeline", "composition")


def _date_edit() -> QDateEdit:
    edit = QDateEdit()
    edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # before the format (ISO order)
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setCalendarPopup(True)
    use_latin_digits(edit)
    return edit


def _checkable_list() -> QListWidget:
    box = QListWidget()
    box.setMaximumHeight(110)
    return box


class PayloadEditor(QStackedWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.kind = ""
        # channels
        page = QWidget()
        grid = QGridLayout(page)  # two by two: four in a row widened the meeting panel
        grid.setContentsMargins(0, 0, 0, 0)
        self.channel_boxes = {k: QCheckBox() for k in enums.CHANNELS}
        for n, box in enumerate(self.channel_boxes.values()):
            grid.addWidget(box, n // 2, n % 2)
        self.pages = {"channels": page}
        self.areas = _checkable_list()
        self.pages["focus"] = self.areas
        self.scope = QPlainTextEdit()
        align_to_text(self.scope)
        self.scope.setMaximumHeight(80)
        self.scope.setTabChangesFocus(True)  # Tab leaves the field (no keyboard trap)
        self.pages["scope"] = self.scope
        page = QWidget()
        grid = QGridLayout(page)  # the dates above the words: one row was the form's widest
        grid.setContentsMargins(0, 0, 0, 0)
        self.start, self.end, self.timeline = _date_edit(), _date_edit(), QLineEdit()
        self.start_label, self.end_label = QLabel(), QLabel()
        for n, w in enumerate((self.start_label, self.start, self.end_label, self.end)):
            grid.addWidget(w, 0, n)
        grid.addWidget(self.timeline, 1, 0, 1, 4)
        self.start_label.setBuddy(self.start)
        self.end_label.setBuddy(self.end)
        self.pages["timeline"] = page
        self.members = QListWidget()  # no cap: at least eight candidates show at a time
        self.members.setMinimumHeight(8 * self.members.fontMetrics().height() + 24)
        self.select_proposed = QPushButton()
        self.select_proposed.clicked.connect(self.check_proposed)
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.members, 1)
        column.addWidget(self.select_proposed, 0, Qt.AlignmentFlag.AlignLeading)
        self.pages["composition"] = page
        for key in KINDS:
            self.addWidget(self.pages[key])
        self.retranslate()

    def retranslate(self) -> None:
        for k, box in self.channel_boxes.items():
            box.setText(label("CHANNELS", k))
            box.setAccessibleName(label("CHANNELS", k))
        self.areas.setAccessibleName(tr("Areas in the geographic focus"))
        self.scope.setAccessibleName(tr("The program's boundaries (scope)"))
        self.start_label.setText(tr("From"))
        self.end_label.setText(tr("Until"))
        self.start.setAccessibleName(tr("Program start"))
        self.end.setAccessibleName(tr("Program end"))
        self.timeline.setAccessibleName(tr("Timeline in words"))
        self.timeline.setPlaceholderText(tr("Timeline in words"))
        self.members.setAccessibleName(tr("Design-committee members approved"))
        self.select_proposed.setText(tr("Select all proposed"))
        self.select_proposed.setAccessibleName(tr("Select all proposed"))

    def caption(self) -> str:
        return {
            # short, as every caption here: a longer one widens the form's label column and
            # with it the whole meeting panel (cut at 1024x768)
            "channels": tr("Channels"),
            "focus": tr("Geographic focus"),
            "scope": tr("Program boundaries"),
            "timeline": tr("Timeline"),
            # short: the form's label column is as wide as "Decision" (a longer one is cut)
            "composition": tr("Approves"),
        }.get(self.kind, "")

    def set_kind(self, kind: str, steering: bool) -> bool:
        """Show the editor of ``kind``; returns whether there is one to show."""
        self.kind = kind if (steering and kind in KINDS) else ""
        if self.kind:
            self.setCurrentWidget(self.pages[self.kind])
        return bool(self.kind)

    def load(self, conn) -> None:
        """Prefill every page from the program as it stands."""
        chosen = sq.chosen_channels(conn)
        for k, box in self.channel_boxes.items():
            box.setChecked(k in chosen)
        self.areas.clear()
        for area_id, name, kind, in_focus in sq.areas(conn):
            item = QListWidgetItem(f"{name} ({label('AREA_KINDS', kind)})")
            item.setData(Qt.ItemDataRole.UserRole, area_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if in_focus else Qt.CheckState.Unchecked)
            self.areas.addItem(item)
        program = mq.program_dates(conn)
        scope, start, end, timeline = (
            program["scope"],
            program["start_date"],
            program["end_date"],
            program["timeline"],
        )
        self.scope.setPlainText(scope or "")
        for edit, value in ((self.start, start), (self.end, end)):
            day = QDate.fromString(value or "", "yyyy-MM-dd")
            edit.setDate(day if day.isValid() else QDate.currentDate())
        self.timeline.setText(timeline or "")
        self.members.clear()
        for mid, name, status in mq.design_candidates(conn):
            item = QListWidgetItem(f"{name} ({label('PIPELINE', status)})")
            item.setData(Qt.ItemDataRole.UserRole, mid)
            item.setData(Qt.ItemDataRole.UserRole + 1, status)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            # those put forward (proposed) are what the room decides on: preselected
            item.setCheckState(
                Qt.CheckState.Checked if status == "proposed" else Qt.CheckState.Unchecked
            )
            self.members.addItem(item)

    def check_proposed(self) -> None:
        """Tick every candidate put forward (proposed) to this decision."""
        for i in range(self.members.count()):
            item = self.members.item(i)
            if item.data(Qt.ItemDataRole.UserRole + 1) == "proposed":
                item.setCheckState(Qt.CheckState.Checked)

    @staticmethod
    def _checked(box: QListWidget) -> list[str]:
        return [
            box.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(box.count())
            if box.item(i).checkState() == Qt.CheckState.Checked
        ]

    def payload(self) -> dict | None:
        if self.kind == "channels":
            return {"channels": [k for k, b in self.channel_boxes.items() if b.isChecked()]}
        if self.kind == "focus":
            return {"areas": self._checked(self.areas)}
        if self.kind == "scope":
            return {"scope": self.scope.toPlainText().strip()}
        if self.kind == "timeline":
            return {
                "start_date": self.start.date().toString("yyyy-MM-dd"),
                "end_date": self.end.date().toString("yyyy-MM-dd"),
                "timeline": self.timeline.text().strip(),
            }
        if self.kind == "composition":
            return {"approve": self._checked(self.members)}
        return None
