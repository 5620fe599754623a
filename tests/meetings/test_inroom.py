"""Running a meeting in in-room mode as a facilitator would, then reopening the file."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from kehila_desktop.core.i18n import label
from kehila_desktop.gui import dialogs
from kehila_desktop.core.meetings import records as mt
from kehila_desktop.core.file.programfile import open_program
from kehila_desktop.gui.views.meetings.inroom import InRoomWindow, clock

from .gui_helpers import build_small_program, context_on


def test_run_a_meeting_in_the_room_and_find_it_all_after_reopening(qtbot, he_app, new_file):
    ids = build_small_program(new_file)
    context = context_on(new_file)
    window = InRoomWindow(context, ids["meeting"], projector=True)
    qtbot.addWidget(window)
    window.timer.stop()  # the test drives the clock
    window.show()
    assert window.meeting_clock.text() == "למפגש נותרו 1:00:00"
    qtbot.mouseClick(window.start_button, Qt.MouseButton.LeftButton)  # the real start
    assert window.start_button.isHidden()
    ruth, ahmad, moshe, liat = ids["people"]
    # Check-in: Ruth and Ahmad arrive on time; Moshe ten minutes late; Liat is tapped twice.
    qtbot.mouseClick(window.member_buttons[ruth], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.member_buttons[ahmad], Qt.MouseButton.LeftButton)
    assert "נוכח/ת" in window.member_buttons[ruth].text()
    assert window.item_title.text() == "פתיחה ועדכונים"
    assert window.countdown.text() == "10:00"
    window.tick(11 * 60)
    qtbot.mouseClick(window.member_buttons[moshe], Qt.MouseButton.LeftButton)
    assert "איחר/ה" in window.member_buttons[moshe].text()
    assert window.countdown.text() == "-01:00"  # the first item ran a minute over
    assert window.meeting_clock.text() == "למפגש נותרו 49:00"
    window.guest_name.setText("נציגת משרד הרווחה")  # (QTest cannot type Hebrew)
    qtbot.keyClick(window.guest_name, Qt.Key.Key_Return)
    assert "נציגת משרד הרווחה" in window.guests.text()
    # Notes on the first item, then the clicker's PageDown moves to the next item.
    window.notes.setFocus()
    window.notes.insertPlainText("הוצגה תמונת המצב")
    qtbot.keyClick(window, Qt.Key.Key_PageDown)
    assert window.item_title.text() == "בחירת אפיקים"
    assert window.projector.current.text() == "בחירת אפיקים"
    assert window.countdown.text() == "30:00"
    # Pause: the clock stands still.
    qtbot.keyClick(window, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)
    window.tick(120)
    assert window.countdown.text() == "30:00" and window.paused
    qtbot.keyClick(window, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)
    window.tick(60)
    assert window.countdown.text() == "29:00"
    # A channels decision with votes (three members are here: four votes are refused).
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    form = window.decision_form
    assert form.text.hasFocus() or not window.isActiveWindow()
    form.text.setText("האפיקים הנבחרים: חברתי וחינוכי")
    form.kind.setCurrentIndex(form.kind.findData("channels"))
    assert form.channel_boxes["social"].isVisibleTo(form)
    form.channel_boxes["social"].setChecked(True)
    form.channel_boxes["educational"].setChecked(True)
    form.spins["for"].setValue(3)
    form.spins["abstain"].setValue(1)
    qtbot.mouseClick(form.button, Qt.MouseButton.LeftButton)
    assert "החלטה אחת" not in window.captured.text()  # refused, in one sentence
    assert dialogs.shown[-1][1].startswith("נספרו 4 קולות אך נוכחים רק 3 חברים")
    form.spins["for"].setValue(2)
    assert form.outcome.currentData() == "passed_vote"  # the outcome follows the votes
    qtbot.mouseClick(form.button, Qt.MouseButton.LeftButton)
    assert "החלטה אחת" in window.captured.text()
    # An action item for Ahmad.
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    action = window.action_form
    action.text.setText("להזמין את צוות העבודה החברתי")
    action.owner.setCurrentIndex(action.owner.findData(ahmad))
    qtbot.keyClick(action.text, Qt.Key.Key_Return)
    assert "משימה אחת" in window.captured.text()
    # With many names, the facilitator types a few letters to find one.
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    window.find.setText("ליאת")
    assert [p for p, b in window.member_buttons.items() if b.isVisibleTo(window)] == [liat]
    window.find.clear()
    # Liat arrives late; taps go on to excused and absent, a fourth corrects it to present.
    qtbot.mouseClick(window.member_buttons[liat], Qt.MouseButton.LeftButton)
    assert "איחר/ה" in window.member_buttons[liat].text()
    qtbot.mouseClick(window.member_buttons[liat], Qt.MouseButton.LeftButton)
    assert label("ATTENDANCE", "excused") in window.member_buttons[liat].text()
    qtbot.mouseClick(window.member_buttons[liat], Qt.MouseButton.LeftButton)
    assert label("ATTENDANCE", "absent") in window.member_buttons[liat].text()
    qtbot.mouseClick(window.member_buttons[liat], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.finish_button, Qt.MouseButton.LeftButton)
    assert not window.isVisible() and window.projector is None
    context.pf.close()

    # Reopen the file: everything is there.
    with open_program(new_file) as pf:
        conn = pf.conn
        marks = mt.attendance_of(conn, ids["meeting"])
        assert marks == {ruth: "present", ahmad: "present", moshe: "late", liat: "present"}
        assert [g for _i, g in mt.guests_of(conn, ids["meeting"])] == ["נציגת משרד הרווחה"]
        agenda = mt.agenda(conn, ids["meeting"])
        assert agenda[0]["notes"] == "הוצגה תמונת המצב"
        decision = mt.decisions(conn, ids["meeting"])[0]
        assert (
            decision["kind"],
            decision["votes_for"],
            decision["votes_against"],
            decision["votes_abstain"],
            decision["outcome"],
        ) == ("channels", 2, 0, 1, "passed_vote")
        assert json.loads(decision["payload"]) == {"channels": ["social", "educational"]}
        chosen = {k for (k,) in conn.execute("SELECT key FROM channel WHERE chosen=1")}
        assert chosen == {"social", "educational"}
        item = mt.action_items(conn)[0]
        assert (item["text"], item["owner_person_id"]) == ("להזמין את צוות העבודה החברתי", ahmad)
        status = conn.execute(
            "SELECT status FROM meeting WHERE id=?", (ids["meeting"],)
        ).fetchone()[0]
        assert status == "held"
        steps = conn.execute("SELECT count(*) FROM step").fetchone()[0]
        assert steps >= 10  # every tap was its own committed step


def test_clock_format():
    assert clock(0) == "00:00" and clock(-75) == "-01:15" and clock(3725) == "1:02:05"


def test_the_clock_follows_real_time(qtbot, he_app, new_file, monkeypatch):
    from kehila_desktop.gui.views.meetings import inroom

    ids = build_small_program(new_file)
    now = [1000.0]
    monkeypatch.setattr(inroom.time, "monotonic", lambda: now[0])
    window = InRoomWindow(context_on(new_file), ids["meeting"])
    qtbot.addWidget(window)
    window.timer.stop()
    window.start()
    now[0] += 2.5  # the event loop was busy for two and a half seconds
    window._on_timer()
    assert window.countdown.text() == "09:58"
    now[0] += 0.6
    window._on_timer()  # the half second left over is not lost
    assert window.countdown.text() == "09:57"
    window.close()
