"""An edit in one view does not make a hidden People view re-read every person (slow on a
5,000-person program); it re-reads when shown, and shows the edit."""

from __future__ import annotations


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
