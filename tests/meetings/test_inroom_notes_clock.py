"""In-room mode: notes stay with the item they were typed on whatever moves the room (the
clicker's PageDown, Ctrl+Right, the mouse, a timer tick, the agenda reordered elsewhere);
the clock and the current item are kept in the file and resume after a crash; Undo and
corrections in the room."""

from __future__ import annotations

from datetime import datetime, timedelta, UTC

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kehila_desktop.core.file.programfile import open_program
from kehila_desktop.core.history.operations import Operations
from kehila_desktop.core.meetings import clock as mclock
from kehila_desktop.core.meetings import records as mt
from kehila_desktop.gui.views.meetings.inroom import InRoomWindow

from .gui_helpers import build_small_program, context_on


def _room(qtbot, path, meeting_id, context=None):
    window = InRoomWindow(context or context_on(path), meeting_id)
    qtbot.addWidget(window)
    window.timer.stop()
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # real keyboard focus (focus-out is what moved notes)
    return window


def _type_notes(qtbot, window, text):
    window.notes.setFocus()
    assert window.notes.hasFocus()
    qtbot.keyClicks(window.notes, text)


def _notes(path, meeting_id):
    with open_program(path) as pf:
        return [it["notes"] for it in mt.agenda(pf.conn, meeting_id)]


def test_notes_belong_to_the_item_they_were_typed_on_when_the_clicker_advances(
    qtbot, he_app, new_file
):
    ids = build_small_program(new_file)
    window = _room(qtbot, new_file, ids["meeting"])
    window.start()
    _type_notes(qtbot, window, "first item notes")
    qtbot.keyClick(window.notes, Qt.Key.Key_PageDown)  # the clicker, focus still in the notes
    assert window.index == 1 and window.notes.toPlainText() == ""
    _type_notes(qtbot, window, "second")
    qtbot.keyClick(window.notes, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert window.index == 2 and window.notes.toPlainText() == ""
    window.tick(30)  # the timer runs while the facilitator types
    _type_notes(qtbot, window, "third")
    window.tick(1)
    qtbot.mouseClick(window.prev_button, Qt.MouseButton.LeftButton)
    assert window.notes.toPlainText() == "second"
    qtbot.keyClick(window.notes, Qt.Key.Key_PageUp)
    assert window.notes.toPlainText() == "first item notes"
    window.close()
    assert _notes(new_file, ids["meeting"]) == ["first item notes", "second", "third"]


def test_the_room_stays_on_its_item_when_the_agenda_is_reordered(qtbot, he_app, new_file):
    ids = build_small_program(new_file)
    context = context_on(new_file)
    window = _room(qtbot, new_file, ids["meeting"], context)
    window.start()
    qtbot.keyClick(window, Qt.Key.Key_PageDown)
    _type_notes(qtbot, window, "channels")
    # the agenda is reordered in the main window while the notes are being typed
    context.run("reorder", lambda ops: mt.move_agenda_item(ops, ids["items"][1], 0))
    assert window.item_title.text() == "בחירת אפיקים" and window.index == 0
    qtbot.keyClick(window.notes, Qt.Key.Key_PageDown)
    window.close()
    with open_program(new_file) as pf:
        notes = {it["id"]: it["notes"] for it in mt.agenda(pf.conn, ids["meeting"])}
    assert notes == {ids["items"][0]: "", ids["items"][1]: "channels", ids["items"][2]: ""}


def test_start_sets_the_real_start_and_a_crash_resumes_the_clock_and_item(
    qtbot, he_app, new_file, monkeypatch
):
    ids = build_small_program(new_file)
    t0 = datetime(2027, 1, 4, 8, 7, tzinfo=UTC)
    now = [t0]
    monkeypatch.setattr(mclock, "now_utc", lambda: now[0])
    context = context_on(new_file)
    window = _room(qtbot, new_file, ids["meeting"], context)
    window.tick(300)  # before Start meeting the clock does not run
    assert window.countdown.text() == "10:00" and not window.clock.started
    qtbot.mouseClick(window.start_button, Qt.MouseButton.LeftButton)
    started = context.pf.conn.execute(
        "SELECT started_at FROM meeting WHERE id=?", (ids["meeting"],)
    ).fetchone()[0]
    assert started == t0.astimezone().replace(tzinfo=None).isoformat()
    assert "(" in window.started_label.text() and "10:00" in window.started_label.text()
    now[0] = t0 + timedelta(minutes=12)
    window.tick(12 * 60)
    qtbot.keyClick(window, Qt.Key.Key_PageDown)  # item 2, kept in the file
    window.tick(5 * 60)
    assert window.countdown.text() == "25:00"
    # kill -9: the window never closes; the file is reopened 20 minutes after the last move
    context.ops.unsubscribe(context._notify)
    window._connected = False
    now[0] = t0 + timedelta(minutes=32)
    again = _room(qtbot, new_file, ids["meeting"])
    assert again.index == 1 and again.item_title.text() == "בחירת אפיקים"
    assert again.countdown.text() == "10:00"  # 30 minutes, 20 used since the move
    assert again.meeting_clock.text() == "למפגש נותרו 28:00"  # 60 - 12 - 20
    assert again.start_button.isHidden()
    # a member who arrives now is late (the meeting started 32 minutes ago)
    ruth = ids["people"][0]
    again.tap(ruth)
    assert mt.attendance_of(again.context.pf.conn, ids["meeting"])[ruth] == "late"
    # pause, crash, resume: the paused clock does not run on
    again.toggle_pause()
    now[0] += timedelta(minutes=15)
    third = _room(qtbot, new_file, ids["meeting"])
    assert third.paused and third.countdown.text() == "10:00"
    window.timer.stop()


def test_undo_and_remove_in_the_room(qtbot, he_app, new_file):
    ids = build_small_program(new_file)
    window = _room(qtbot, new_file, ids["meeting"])
    window.start()
    ruth = ids["people"][0]
    qtbot.mouseClick(window.member_buttons[ruth], Qt.MouseButton.LeftButton)
    assert "ביטול" in window.undo_button.full_text and "Ctrl+Z" in window.undo_button.full_text
    qtbot.keyClick(window, Qt.Key.Key_PageDown)  # the clock's write is not an undo step
    window.find.setFocus()
    qtbot.keyClick(window.find, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert mt.attendance_of(window.context.pf.conn, ids["meeting"]) == {}
    assert window.index == 1  # the room did not move back
    # a decision recorded, corrected (consensus), then removed
    window.context.run(
        "check-in",
        lambda ops: [mt.set_attendance(ops, ids["meeting"], p, "present") for p in ids["people"]],
    )
    window.show_tab(window.DECISIONS)
    form = window.decision_form
    form.text.setText("החלטה")
    form.spins["for"].setValue(3)
    form.spins["against"].setValue(1)
    qtbot.mouseClick(form.button, Qt.MouseButton.LeftButton)
    assert len(window.decisions) == 1 and window.decisions[0]["outcome"] == "passed_vote"
    window.decision_list.setCurrentRow(0)
    qtbot.mouseClick(window.correct_button, Qt.MouseButton.LeftButton)
    assert form.correcting and form.text.text() == "החלטה"
    for spin in form.spins.values():
        spin.setValue(0)
    form.outcome.setCurrentIndex(form.outcome.findData("passed_consensus"))
    qtbot.mouseClick(form.button, Qt.MouseButton.LeftButton)
    assert [(d["outcome"], d["votes_for"]) for d in window.decisions] == [("passed_consensus", 0)]
    window.decision_list.setCurrentRow(0)
    qtbot.mouseClick(window.remove_decision_button, Qt.MouseButton.LeftButton)
    assert window.decisions == []
    qtbot.mouseClick(window.undo_button, Qt.MouseButton.LeftButton)
    assert len(window.decisions) == 1
    window.close()


def test_action_items_of_the_last_meeting_are_followed_up_in_the_room(qtbot, he_app, new_file):
    ids = build_small_program(new_file)
    with open_program(new_file) as pf:
        ops = Operations(pf)
        earlier = ops.insert(
            "meeting",
            {"body_id": ids["steering"], "status": "held", "starts_at": "2026-12-01T10:00"},
        )
        old = mt.add_action_item(ops, earlier, "לשלוח סיכום")
        mt.add_action_item(ops, earlier, "להזמין מרצה")
    window = _room(qtbot, new_file, ids["meeting"])
    window.show_tab(window.ACTIONS)
    assert window.action_list.count() == 2
    window.action_list.setCurrentRow(0)
    qtbot.mouseClick(window.done_button, Qt.MouseButton.LeftButton)
    items = {a["id"]: a for a in mt.follow_up_items(window.context.pf.conn, ids["meeting"])}
    assert items[old]["status"] == "done" and items[old]["done_here"]
    assert window.action_list.count() == 2  # still listed here, as done
    window.close()
    QApplication.processEvents()


def test_a_consensus_decision_in_the_room_changes_the_channels(qtbot, he_app, new_file):
    """At the steering meeting, the room records "choose the urban and social channels" by
    consensus (no votes) from the keyboard: the program's chosen channels follow."""
    from kehila_desktop.core.structure import queries as sq

    ids = build_small_program(new_file)
    window = _room(qtbot, new_file, ids["meeting"])
    window.start()
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # Decisions
    form = window.decision_form
    assert form.text.hasFocus()
    qtbot.keyClicks(form.text, "Urban and social channels")  # QTest types ASCII only
    form.kind.setFocus()
    form.kind.setCurrentIndex(form.kind.findData("channels"))
    for key in ("urban", "social"):
        box = form.channel_boxes[key]
        box.setFocus()
        qtbot.keyClick(box, Qt.Key.Key_Space)
    form.outcome.setCurrentIndex(form.outcome.findData("passed_consensus"))
    form.button.setFocus()
    qtbot.keyClick(form.button, Qt.Key.Key_Space)
    assert [(d["outcome"], d["votes_for"]) for d in window.decisions] == [("passed_consensus", 0)]
    assert sq.chosen_channels(window.context.pf.conn) == {"urban", "social"}
    window.close()
