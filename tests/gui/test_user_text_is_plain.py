"""User text is never markup: a program whose names, titles and notes look like HTML shows them
literally in every view, panel, tooltip, the in-room and projector windows, the print window
and the app's message boxes (Qt would otherwise guess "rich text" and draw ``<b>x</b>`` bold)."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import QEvent, QModelIndex, Qt
from PySide6.QtGui import QHelpEvent, QTextDocument
from PySide6.QtGui import Qt as GuiQt  # mightBeRichText lives in QtGui's Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCalendarWidget,
    QLabel,
    QTabWidget,
    QToolTip,
    QWidget,
)

from kehila_desktop.gui.sharing import ReportDialog
from kehila_desktop.gui.views import VIEW_KEYS

ROOT = QModelIndex()

# what the user typed; each must still be on screen, literally, wherever the text shows
TAGS = ("<b>", "<i>", "<u>", "<img src=q>", "<font color=red>", "&amp;")
MARKUP = {
    ("program", "name"): "'<b>' || name || '</b> &amp;'",
    ("program", "locality"): "'<i>' || locality || '</i>'",
    ("person", "name"): "'<b>' || name || '</b> & <i>Co</i>'",
    ("person", "organisation"): "'<font color=red>' || COALESCE(organisation, '') || '</font>'",
    ("person", "title"): "'<u>' || COALESCE(title, '') || '</u>'",
    ("person", "notes"): "'<img src=q> &amp;'",
    ("body", "name"): "'<i>' || name || '</i> &amp; <img src=q> [*]'",
    ("meeting", "place"): "'<img src=q>' || COALESCE(place, '')",
    ("meeting", "notes"): "'<b>notes</b>'",
    ("agenda_item", "title"): "'<img src=q>' || title || ' <b>!</b>'",
    ("agenda_item", "presenter"): "'<i>' || COALESCE(presenter, '') || '</i>'",
    ("decision", "text"): "'<b>' || text || '</b> &amp;'",
    ("action_item", "text"): "'<font color=red>' || text || '</font>'",
    ("attendance", "guest_name"): "CASE WHEN guest_name IS NULL THEN NULL "
    "ELSE '<u>' || guest_name || '</u>' END",
    ("goal", "title"): "'<u>' || title || '</u>'",
    ("objective", "title"): "'<b>' || title || '</b>'",
    ("action", "title"): "'<img src=q>' || title",
}


@pytest.fixture
def markup_window(qtbot, app_setup, gui_sample):
    """The main window on a copy of the sample whose user texts all look like markup."""
    from kehila_desktop.gui.mainwindow import MainWindow

    with sqlite3.connect(gui_sample) as conn:
        for (table, column), expr in MARKUP.items():
            conn.execute(f"UPDATE {table} SET {column} = {expr}")
    conn.close()
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.files.open_path(gui_sample)
    yield window
    if window.printing.print_window is not None:
        window.printing.print_window.close()
    window.files.close()
    window.close()


def _shown(tip: str) -> str:
    """The text a tooltip puts on screen (Qt decides rich or plain by ``mightBeRichText``)."""
    if not GuiQt.mightBeRichText(tip):
        return tip
    doc = QTextDocument()
    doc.setHtml(tip)
    return doc.toPlainText()


class Seen:
    """Every label and tooltip met while walking the app."""

    def __init__(self) -> None:
        self.rich_labels: list[str] = []
        self.tips: set[str] = set()

    def walk(self, root: QWidget) -> None:
        QApplication.processEvents()
        for lab in root.findChildren(QLabel) + ([root] if isinstance(root, QLabel) else []):
            if "<" in lab.text() and lab.textFormat() != Qt.TextFormat.PlainText:
                self.rich_labels.append(f"{type(lab).__name__} {lab.text()[:60]!r}")
        for w in root.findChildren(QWidget) + [root]:
            self.tips.add(w.toolTip())
            for action in QWidget.actions(w):  # some views name an attribute 'actions'
                self.tips.add(action.toolTip())
        for view in root.findChildren(QAbstractItemView):
            model = view.model()
            if model is None:
                continue
            for r in range(min(model.rowCount(ROOT), 30)):
                for c in range(12):
                    index = model.index(r, c)
                    if not index.isValid():
                        break
                    self.tips.add(str(index.data(Qt.ItemDataRole.ToolTipRole) or ""))
        for cal in root.findChildren(QCalendarWidget):
            self.tips.update(fmt.toolTip() for fmt in cal.dateTextFormat().values())

    def select_everywhere(self, root: QWidget) -> None:
        """Visit every tab and pick a few rows of every list so the panels fill in."""
        tabs = root.findChildren(QTabWidget)
        for tab in tabs or [None]:
            for i in range(tab.count() if tab else 1):
                if tab:
                    tab.setCurrentIndex(i)
                for view in root.findChildren(QAbstractItemView):
                    model = view.model()
                    if model is None or not view.isVisible():
                        continue
                    rows = model.rowCount(ROOT)
                    for r in sorted({0, 1, rows - 1}):
                        if 0 <= r < rows:
                            view.setCurrentIndex(model.index(r, 0))
                            self.walk(root)
                self.walk(root)

    def bad_tips(self) -> list[str]:
        return [
            t for t in self.tips if t and any(tag in t and tag not in _shown(t) for tag in TAGS)
        ]

    def literal_tips(self) -> list[str]:
        return [t for t in self.tips if any(tag in _shown(t) for tag in TAGS)]


class _Report:
    """A merge report whose lines carry markup-like names."""

    TEXT = "Added: <b>דנה</b> & <i>Co</i>\nChanged: <img src=q> &amp;"
    conflicts: list = []

    def text(self) -> str:
        return self.TEXT


def _diagram_tips(diagram) -> list[str]:
    tips = []
    diagram.grab()  # lays the boxes out
    for rect in diagram.rects.values():
        pos = rect.center().toPoint()
        event = QHelpEvent(QEvent.Type.ToolTip, pos, diagram.mapToGlobal(pos))
        QApplication.sendEvent(diagram, event)
        tips.append(QToolTip.text())
    QToolTip.hideText()
    return tips


def test_every_view_shows_user_markup_literally(markup_window, qtbot):
    w = markup_window
    w.set_language("en")
    seen = Seen()
    for key in VIEW_KEYS:
        view = w.show_view(key)
        seen.select_everywhere(view)
        if key == "structure":
            seen.tips.update(_diagram_tips(view.diagram))
    seen.walk(w)
    meetings = w.views["meetings"]
    meetings.table.selectRow(0)
    for projector in (False, True):
        inroom = meetings.open_inroom(projector=projector)
        qtbot.addWidget(inroom)
        inroom.timer.stop()
        seen.walk(inroom)
        if projector:
            seen.walk(inroom.projector)
            assert "</i> &amp; <img src=q> [*]" in inroom.projector.windowHandle().title()
        inroom.close()
    w.show_view("people")
    seen.walk(w.printing.open())
    report = ReportDialog(_Report(), ask=True, parent=w)
    seen.walk(report)
    assert report.text.toPlainText() == _Report.TEXT
    report.close()
    assert seen.rich_labels == []
    assert seen.bad_tips() == []
    assert seen.literal_tips(), "no tooltip carried user text: the walk saw too little"


def test_people_and_meeting_panels_show_names_literally(markup_window):
    w = markup_window
    people = w.show_view("people")
    people.table.selectRow(0)
    labels = [lab.text() for lab in people.findChildren(QLabel) if lab.isVisible()]
    meetings = w.show_view("meetings")
    meetings.table.selectRow(0)
    labels += [lab.text() for lab in meetings.findChildren(QLabel) if lab.isVisible()]
    assert any("<i>" in t for t in labels)  # a body name reached a heading, untouched
    structure = w.show_view("structure")
    tips = _diagram_tips(structure.diagram)
    assert any("<img src=q>" in _shown(t) for t in tips)


def test_message_boxes_are_plain_text(markup_window, monkeypatch, tmp_path):
    from kehila_desktop.gui import dialogs

    formats = []

    def answer(box, buttons):
        formats.append((box.text(), box.textFormat()))
        return "cancel" if "cancel" in buttons else "ok"

    monkeypatch.setattr(dialogs, "answer", answer)
    missing = tmp_path / "<b>x</b> &amp; <img src=q>.kehila"
    assert not markup_window.files.open_path(missing)
    dialogs.error(None, "<b>דנה</b> & <i>Co</i>", "<font color=red>details</font>")
    dialogs.info(None, "<b>t</b>", "<img src=q>")
    dialogs.ask_read_only(None, "<i>locked</i>")
    assert formats and any("<b>x</b>" in text for text, _f in formats)
    assert all(f == Qt.TextFormat.PlainText for _t, f in formats)


def test_plain_tip_escapes_only_what_qt_would_take_for_markup():
    from kehila_desktop.gui.widgets import plain_tip

    assert plain_tip("דנה כהן\n3 < 4") == "דנה כהן\n3 < 4"  # plain already: unchanged
    text = '<i>ועדה</i> &amp; <img src=q>\nיו"ר: <b>דנה</b>  & Co'
    assert _shown(plain_tip(text)) == text  # lines and double spaces kept


def test_window_titles_and_recent_files_show_names_literally(
    qtbot, app_setup, gui_sample, tmp_path
):
    from kehila_desktop.gui.mainwindow import MainWindow
    from kehila_desktop.gui.views.people.membership_editor import MembershipEditor

    odd = tmp_path / "Tom & <b>Jerry [*].kehila"  # no "/" in a file name
    gui_sample.rename(odd)
    with sqlite3.connect(odd) as conn:
        conn.execute("UPDATE program SET name = '<b>Plan</b> [*] & Co'")
    conn.close()
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.files.open_path(odd)
    title = window.windowHandle().title()
    assert "<b>Plan</b> [*] & Co" in title and odd.name in title
    assert [a.iconText() for a in window.recent_menu.actions()][0] == odd.name
    editor = MembershipEditor("[*] <b>נועה</b> & Co", [])
    qtbot.addWidget(editor)
    editor.show()
    assert "[*] <b>נועה</b> & Co" in editor.windowHandle().title()
    window.files.close()
    window.close()
