"""In-room mode's widgets and constants: large type, a label and a button that shorten to one
line, the projector window and the check-in grid that reflows to the width."""

from __future__ import annotations


from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kehila_desktop.core.meetings import clock as mclock
from kehila_desktop.core.i18n import isolate, tr
from kehila_desktop.gui.widgets import plain_tip, plain_title

BASE_POINTS = 16  # large, and still fits a 1024x768 projector laptop in every language
LATE_AFTER_SECONDS = mclock.LATE_AFTER_SECONDS
NEXT_STATUS = {
    "": "present",
    "present": "late",
    "late": "excused",
    "excused": "absent",
    "absent": "present",
}
STATUS_STYLE = {
    "": "background: #ffffff; color: #222;",
    "present": "background: #1b7f3b; color: white;",
    "late": "background: #c77700; color: white;",
    "absent": "background: #8a8a8a; color: white;",
    "excused": "background: #6c7fa8; color: white;",
}


def clock(seconds: int) -> str:
    """ "MM:SS" (or "H:MM:SS"), with a minus sign when time is over."""
    sign = "-" if seconds < 0 else ""
    seconds = abs(int(seconds))
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{sign}{h}:{m:02d}:{s:02d}" if h else f"{sign}{m:02d}:{s:02d}"


def format_time(iso: str | None) -> str:
    """ "HH:MM" of a local ``YYYY-MM-DDTHH:MM[:SS]`` time (empty when not set)."""
    return iso[11:16] if iso and len(iso) >= 16 else ""


def _big(label_: QLabel, scale: float, bold: bool = True) -> QLabel:
    font = QFont(label_.font())
    font.setPointSizeF(BASE_POINTS * scale)
    font.setBold(bold)
    label_.setFont(font)
    label_.setTextFormat(Qt.TextFormat.PlainText)
    label_.setWordWrap(True)
    return label_


class OneLineLabel(QLabel):
    """A heading kept to one line, so a 768-pixel-high screen keeps room for the check-in
    names: the whole text when it fits, else the first shorter form that does (the date
    without its day's name), cut with "…" only when none fits (the whole text in its tooltip)."""

    def __init__(self) -> None:
        super().__init__()
        self.full_text = ""
        self.shorter: tuple[str, ...] = ()
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def set_full_text(self, text: str, *shorter: str) -> None:
        self.full_text, self.shorter = text, shorter
        self.setToolTip(plain_tip(text))
        self._fit()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        room, metrics = max(0, self.contentsRect().width()), self.fontMetrics()
        forms = (self.full_text, *self.shorter)
        fitting = [t for t in forms if metrics.horizontalAdvance(t) <= room]
        text = fitting[0] if fitting else forms[-1]
        self.setText(metrics.elidedText(text, Qt.TextElideMode.ElideRight, room))


class FitButton(QPushButton):
    """A button whose text is laid out to its width: on one line when it fits, else on two
    (a key in parentheses at the end on the second line, else broken at the space nearest the
    middle), else cut with "…"; the whole text is in its tooltip and accessible name. Keeps a
    row of big buttons inside a 1024-pixel screen. A *part* of the text (a step's name, which
    may be long) is the only thing cut, in its middle, so the words around it and the key stay
    whole ("Undo: join Ruth…Levy 2" over "(Ctrl+Z)")."""

    def __init__(self) -> None:
        super().__init__()
        self.full_text = ""
        self.part = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def set_full_text(self, text: str, part: str = "") -> None:
        self.full_text, self.part = text, part
        self.setToolTip(plain_tip(text))
        self.setAccessibleName(text)
        self._fit()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def shown_text(self) -> str:
        """The text as the button shows it (its lines), without the "&" escapes."""
        return super().text().replace("&&", "&")

    def _fit(self) -> None:
        metrics = self.fontMetrics()
        room = max(0, self.width() - 20)

        def fits(line: str) -> bool:
            return metrics.horizontalAdvance(line) <= room

        text = self.full_text
        if not fits(text):
            lines = [self._shorten(line, fits) for line in self._two_lines(text, fits)]
            text = "\n".join(
                line if fits(line) else metrics.elidedText(line, Qt.TextElideMode.ElideRight, room)
                for line in lines
            )
        super().setText(text.replace("&", "&&"))

    def _shorten(self, line: str, fits) -> str:
        """The line with its part cut in the middle as little as it takes to fit."""
        at = line.find(self.part) if self.part else -1
        if fits(line) or at < 0:
            return line
        before, after = line[:at], line[at + len(self.part) :]
        for keep in range(len(self.part) - 1, 1, -1):
            head = (keep + 1) // 2
            shorter = f"{before}{self.part[:head]}…{self.part[len(self.part) - keep + head :]}"
            if fits(shorter + after):
                return shorter + after
        return line

    @staticmethod
    def _two_lines(text: str, fits) -> list[str]:
        """A key in parentheses at the end ("… (Ctrl+Z)") gets the second line when the words
        before it fit the first; else the text is broken at the space nearest the middle; when
        that does not fit either, the key keeps the second line whole (only the words before it
        are cut), so the key to press is always seen."""
        key_at = text.rfind(" (")
        by_key = [text[:key_at], text[key_at + 1 :]] if key_at > 0 and text.endswith(")") else []
        if by_key and fits(by_key[0]):
            return by_key
        spaces = [n for n, ch in enumerate(text) if ch == " "]
        if not spaces:
            return [text]
        middle = min(spaces, key=lambda n: abs(n - len(text) / 2))
        lines = [text[:middle], text[middle + 1 :]]
        return lines if all(fits(line) for line in lines) or not by_key else by_key


class ProjectorWindow(QWidget):
    """For the wall: the agenda with the current item marked, and its countdown."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("projector")
        self.setStyleSheet(
            "#projector { background: #10243f; } QLabel { color: white; } "
            "QListWidget { background: #10243f; color: #dfe7f2; border: 0; }"
        )
        layout = QVBoxLayout(self)
        self.title = _big(QLabel(), 1.6)
        self.current = _big(QLabel(), 2.6)
        self.countdown = _big(QLabel(), 4.0)
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.agenda = QListWidget()
        font = QFont(self.agenda.font())
        font.setPointSizeF(BASE_POINTS * 1.3)
        self.agenda.setFont(font)
        for w in (self.title, self.current, self.countdown):
            layout.addWidget(w)
        layout.addWidget(self.agenda, 1)
        self.agenda.setAccessibleName(tr("Agenda"))
        self.setAccessibleName(tr("Projector window"))

    def show_state(self, title: str, items: list[dict], index: int, countdown: str) -> None:
        self.setWindowTitle(plain_title(title))
        self.title.setText(title)
        self.current.setText(items[index]["title"] if items else tr("No agenda items."))
        self.countdown.setText(countdown)
        self.agenda.clear()
        for n, it in enumerate(items):
            entry = QListWidgetItem(
                tr(
                    "{n}. {title} ({minutes} min)",
                    n=n + 1,
                    title=isolate(it["title"]),
                    minutes=it["minutes"],
                )
            )
            if n == index:
                entry.setBackground(Qt.GlobalColor.darkCyan)
            elif n < index:
                entry.setForeground(Qt.GlobalColor.gray)
            self.agenda.addItem(entry)


class CheckInGrid(QWidget):
    """The members' buttons in as many columns as the width allows, each as wide as the
    longest line any of them can show (a name, or a mark under it: never cut); the scroll area
    around it scrolls the rest. The cell's width depends on the names and the marks there are,
    not on the marks given so far, so the names stay put while members are checked in."""

    def __init__(self) -> None:
        super().__init__()
        self.grid = QGridLayout(self)
        self.grid.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.buttons: list[QPushButton] = []
        self.lines: list[str] = []  # every line a button may show
        self.columns = 1

    def set_buttons(self, buttons: list[QPushButton], lines: list[str] | None = None) -> None:
        """``lines``: every line a button may come to show (the names and every mark)."""
        for b in self.buttons:
            self.grid.removeWidget(b)
        self.buttons = list(buttons)
        self.lines = list(lines) if lines is not None else []
        for n, b in enumerate(self.buttons):  # in the grid (parented) before anything else
            self.grid.addWidget(b, n, 0)
        self.columns = 0
        self.reflow()

    def cell_width(self) -> int:
        widest = 0
        for b in self.buttons:
            metrics = b.fontMetrics()
            widest = max(
                widest,
                *(metrics.horizontalAdvance(line) for line in (b.text().split("\n") or [""])),
                *(metrics.horizontalAdvance(line) for line in self.lines),
            )
        return widest + 28  # the button's frame and padding

    def reflow(self, width: int | None = None) -> None:
        visible = [b for b in self.buttons if not b.isHidden()]
        cell = self.cell_width()
        spacing = max(0, self.grid.horizontalSpacing())
        margins = self.grid.contentsMargins()
        width = width if width is not None else self.width()
        room = max(cell, width - margins.left() - margins.right())
        columns = max(1, (room + spacing) // (cell + spacing))
        for b in self.buttons:
            b.setMinimumWidth(cell)
        self.columns = columns
        for b in self.buttons:
            self.grid.removeWidget(b)
        for n, b in enumerate(visible):
            self.grid.addWidget(b, n // columns, n % columns)


class CheckInScroll(QScrollArea):
    def __init__(self, host: CheckInGrid) -> None:
        super().__init__()
        self.host = host
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no unnamed tab stop
        self.setWidget(host)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.host.reflow(self.viewport().width())


def _small(button: QPushButton, scale: float = 0.8) -> QPushButton:
    font = QFont(button.font())
    font.setPointSizeF(BASE_POINTS * scale)
    button.setFont(font)
    return button
