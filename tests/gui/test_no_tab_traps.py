"""Keyboard users are never trapped: Tab leaves every multi-line text field of every view,
dialog and the in-room window (a plain-text field would otherwise type a tab character), and
every read-only list (else Tab walks 5,000 rows cell by cell; arrows move inside it)."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QPlainTextEdit, QTextEdit

from kehila_desktop.core.i18n import tr
from kehila_desktop.gui.views import VIEW_KEYS
from kehila_desktop.gui.views.people.membership_editor import MembershipEditor
from kehila_desktop.gui.views.people.person_editor import PersonEditor


def _traps(widget):
    return [
        f"{type(t).__name__} {t.accessibleName()!r}"
        for t in widget.findChildren(QPlainTextEdit) + widget.findChildren(QTextEdit)
        if not t.isReadOnly() and not t.tabChangesFocus()
    ] + [
        f"{type(v).__name__} {v.accessibleName()!r}"
        for v in widget.findChildren(QAbstractItemView)
        if v.tabKeyNavigation()
        and v.objectName() != "qt_calendar_calendarview"
        and v.accessibleName() != tr("Sections of the situation picture")
    ]  # edited by cell


def test_tab_leaves_every_text_field(main_window, qtbot):
    w = main_window
    traps = []
    for key in VIEW_KEYS:
        traps += _traps(w.show_view(key))
    meetings = w.views["meetings"]
    inroom = meetings.open_inroom()
    qtbot.addWidget(inroom)
    inroom.timer.stop()
    traps += _traps(inroom)
    inroom.close()
    for dialog in (PersonEditor([]), MembershipEditor("נועה", [])):
        qtbot.addWidget(dialog)
        traps += _traps(dialog)
    assert traps == []


def test_no_unnamed_scroll_area_is_a_tab_stop(main_window, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QScrollArea

    w = main_window
    stops = []
    for key in VIEW_KEYS:
        view = w.show_view(key)
        for area in view.findChildren(QScrollArea):
            if area is getattr(view, "timeline_scroll", None):
                continue  # the wide timeline scrolls with the keys
            if area.focusPolicy() != Qt.FocusPolicy.NoFocus and not area.accessibleName():
                stops.append(f"{key}: {area.widget().__class__.__name__}")
    inroom = w.views["meetings"].open_inroom()
    qtbot.addWidget(inroom)
    inroom.timer.stop()
    stops += [
        f"in-room: {a.widget().__class__.__name__}"
        for a in inroom.findChildren(QScrollArea)
        if a.focusPolicy() != Qt.FocusPolicy.NoFocus and not a.accessibleName()
    ]
    inroom.close()
    assert stops == []
