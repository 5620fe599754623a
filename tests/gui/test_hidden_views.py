"""An edit in one view does not make a hidden People view re-read every person (slow on a
5,000-person program); it re-reads when shown, and shows the edit."""

from __future__ import annotations

from kehila_desktop.gui.views import VIEW_KEYS


def test_people_view_rereads_when_shown_not_on_every_edit(main_window, monkeypatch):
    w = main_window
    people = w.show_view("people")
    loads = []
    original = people.model.load
    monkeypatch.setattr(people.model, "load", lambda conn: (loads.append(1), original(conn)))
    w.show_view("overview")
    w.context.run("Add a person", lambda ops: ops.insert("person", {"name": "נגה חדשה"}))
    assert loads == []  # hidden: nothing read yet
    w.show_view("people")
    assert len(loads) == 1
    names = [people.model.index(r, 0).data() for r in range(people.model.rowCount())]
    assert "נגה חדשה" in names
    w.context.run("Add a person", lambda ops: ops.insert("person", {"name": "עוד אחת"}))
    assert len(loads) == 2  # shown: re-read at once


def test_people_count_follows_a_language_change(main_window):
    w = main_window
    people = w.show_view("people")
    assert people.count_label.text() == "40 מתוך 40 אנשים"
    w.set_language("en")
    assert people.count_label.text() == "40 of 40 people"


def test_meetings_filters_fit_their_text_after_a_language_change(main_window, qtbot):
    w = main_window
    w.resize(1366, 700)
    for key in VIEW_KEYS:
        w.show_view(key)
        qtbot.wait(20)  # shown and painted, as a user would see it
    meetings = w.views["meetings"]
    w.set_language("en")  # while the meetings view is hidden
    w.show_view("meetings")
    combo = meetings.status_filter
    assert combo.currentText() == "Every status"
    needed = combo.fontMetrics().horizontalAdvance(combo.currentText()) + 30  # + the arrow
    qtbot.waitUntil(lambda: combo.width() >= needed, timeout=20000)
