"""Joining two records of one person from the app: the merge report's likely duplicates, each
pair with a Join button (``DuplicatesPanel``), and the People view's "Join with…"
(``JoinWithDialog``). Both run ``core.people.edits.join_people`` as one undo step through
``context.run``; which record stays is ``core.people.queries.join_order``'s suggestion, and the
button's tooltip says which and why."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QScrollArea,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kehila_desktop.core.i18n import isolate, join_list, tr
from kehila_desktop.core.people import edits as people, queries as people_q
from kehila_desktop.core.people.search import search_people
from kehila_desktop.gui.direction import screen_rtl

_SHOWN = 200  # people listed at once in "Join with…" (typing narrows the list)


def plain_label(text: str) -> QLabel:
    """A sentence of the app's language as plain text, laid out in the screen's direction
    (a name at its start must not turn a Hebrew sentence left to right)."""
    label = QLabel(("\u200f" if screen_rtl() else "\u200e") + text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def keeps_text(conn, keep: str, drop: str) -> str:
    """Which record a join keeps and why, in one sentence."""
    names = {
        "keep": isolate(people_q.person_name(conn, keep)),
        "drop": isolate(people_q.person_name(conn, drop)),
    }
    if people_q.keep_reason(conn, keep, drop) == "bodies":
        return tr("Keeps {keep} (in more bodies); {drop} is joined into it and deleted.", **names)
    return tr("Keeps {keep} (added earlier); {drop} is joined into it and deleted.", **names)


def run_join(context, keep: str, drop: str) -> bool:
    """Join ``drop`` into ``keep`` as one undo step; False when refused (the dialog said why)."""
    conn = context.pf.conn
    label = tr(
        "join {person} with {other}",
        person=people_q.person_name(conn, keep),
        other=people_q.person_name(conn, drop),
    )
    return context.run(label, lambda ops: people.join_people(ops, keep, drop)) is not None


class DuplicatesPanel(QWidget):
    """The likely duplicates a merge found: one row per pair, with a Join button."""

    def __init__(self, context, groups: list[dict], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        conn = context.pf.conn
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(plain_label(tr("Likely the same person: Join makes the two one.")))
        rows = QWidget()
        grid = QGridLayout(rows)
        self.buttons: list[QPushButton] = []
        self.pairs: list[tuple[str, str]] = []
        for group in groups:
            for keep, drop in people_q.join_order(conn, group["people"]):
                names = join_list(isolate(people_q.person_name(conn, p)) for p in (keep, drop))
                # each name and the value isolated once (a second isolate around the list
                # would lay the list out left to right)
                value = isolate(group["value"])
                if group["by"] == "email":
                    text = tr("{names} — the same e-mail {value}", names=names, value=value)
                else:
                    text = tr("{names} — the same phone {value}", names=names, value=value)
                label = plain_label(text)
                button = QPushButton(tr("Join"))
                button.setAccessibleName(tr("Join {names}", names=names))
                button.setToolTip(keeps_text(conn, keep, drop))
                button.clicked.connect(lambda _=False, i=len(self.pairs): self.join(i))
                grid.addWidget(label, len(self.pairs), 0)
                grid.addWidget(button, len(self.pairs), 1)
                self.buttons.append(button)
                self.pairs.append((keep, drop))
        grid.setColumnStretch(0, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(rows)
        scroll.setMaximumHeight(150)
        layout.addWidget(scroll)

    def join(self, index: int) -> bool:
        keep, drop = self.pairs[index]
        if not run_join(self.context, keep, drop):
            return False
        button = self.buttons[index]
        button.setText(tr("Joined"))
        button.setEnabled(False)
        return True


class JoinWithDialog(QDialog):
    """Join the selected person with another one: pick the other, pick which record stays."""

    def __init__(self, conn, person_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.conn = conn
        self.person_id = person_id
        self.setWindowTitle(tr("Join with another person"))
        self.resize(560, 480)
        name = people_q.person_name(conn, person_id)
        layout = QVBoxLayout(self)
        layout.addWidget(
            plain_label(
                tr(
                    "Choose the other record of {name}. Memberships, attendance and action items move "
                    "to the record that stays; the other is deleted. Undo brings it back.",
                    name=name,
                )
            )
        )
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Search name, organisation, community, e-mail or phone"))
        self.search.setAccessibleName(tr("Search people"))
        self.search.textChanged.connect(self._fill)
        layout.addWidget(self.search)
        self.people = QListWidget()
        self.people.setAccessibleName(tr("The other person"))
        self.people.currentItemChanged.connect(lambda *_: self._update())
        layout.addWidget(self.people, 1)
        self.keep_this, self.keep_other = QRadioButton(), QRadioButton()
        group = QButtonGroup(self)
        for radio in (self.keep_this, self.keep_other):
            group.addButton(radio)
            layout.addWidget(radio)
        self.why = plain_label("")
        layout.addWidget(self.why)
        buttons = QDialogButtonBox()
        self.ok = buttons.addButton(tr("Join"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setAccessibleName(self.ok.text())
        cancel = buttons.addButton(tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setAccessibleName(cancel.text())
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.likely = people_q.duplicates_of(conn, person_id)
        self._fill("")

    def _fill(self, text: str) -> None:
        self.people.clear()
        rows = [r for r in search_people(self.conn, text) if r.id != self.person_id]
        rows.sort(key=lambda r: r.id not in self.likely)  # likely duplicates first
        for row in rows[:_SHOWN]:
            details = " · ".join(x for x in (row.organisation, row.email, row.phone) if x)
            item = QListWidgetItem(f"{row.name} · {details}" if details else row.name)
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            self.people.addItem(item)
        if self.people.count():
            self.people.setCurrentRow(0)
        self._update()

    def other_id(self) -> str | None:
        item = self.people.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def select(self, person_id: str) -> bool:
        for i in range(self.people.count()):
            if self.people.item(i).data(Qt.ItemDataRole.UserRole) == person_id:
                self.people.setCurrentRow(i)
                return True
        return False

    def _update(self) -> None:
        other = self.other_id()
        self.ok.setEnabled(other is not None)
        for radio in (self.keep_this, self.keep_other):
            radio.setEnabled(other is not None)
        this_name = people_q.person_name(self.conn, self.person_id)
        self.keep_this.setText(tr("Keep the record of {name}", name=this_name))
        if other is None:
            self.keep_other.setText(tr("Keep the other record"))
            self.why.setText("")
            return
        self.keep_other.setText(
            tr("Keep the record of {name}", name=people_q.person_name(self.conn, other))
        )
        ((keep, drop),) = people_q.join_order(self.conn, [self.person_id, other])
        (self.keep_this if keep == self.person_id else self.keep_other).setChecked(True)
        self.why.setText(tr("Suggested: {why}", why=keeps_text(self.conn, keep, drop)))

    def choice(self) -> tuple[str, str] | None:
        """(keep, drop) as chosen, or None when no other person is chosen."""
        other = self.other_id()
        if other is None:
            return None
        if self.keep_this.isChecked():
            return self.person_id, other
        return other, self.person_id
