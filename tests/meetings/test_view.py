"""The Meetings view as a user sees it: filter, agenda with over-run warning and reordering,
attendance, generating the schedule (with a moved date and why), navigation, undo."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt

from kehila_desktop.core.meetings import records as mt
from kehila_desktop.gui.views.meetings.view import View

from .gui_helpers import build_small_program, context_on


def _view(qtbot, path):
    view = View(context_on(path))
    qtbot.addWidget(view)
    view.resize(1300, 800)
    view.show()
    view.refresh()
    return view


def _rows(view):
    return [(r.starts_at, r.body) for r in view.model.rows()]


def test_filter_agenda_attendance_and_undo(qtbot, he_app, new_file):
    ids = build_small_program(new_file)
    view = _view(qtbot, new_file)
    ctx = view.context
    assert len(_rows(view)) == 2
    view.body_filter.setCurrentIndex(view.body_filter.findData(ids["steering"]))
    assert _rows(view) == [("2027-01-04T10:00", "ועדת היגוי")]
    assert view.panel.meeting_id == ids["meeting"]
    agenda = view.panel.agenda
    assert agenda.total.text() == "סדר היום: 50 דקות מתוך 60 דקות (זמן פנוי: 10 דקות)."
    # A new item makes the agenda run over: a clear warning.
    qtbot.mouseClick(agenda.add_button, Qt.MouseButton.LeftButton)
    agenda.minutes_spin.setValue(25)
    agenda.minutes_spin.editingFinished.emit()
    assert agenda.total.text().endswith("(חריגה: 15 דקות).")
    assert "b00020" in agenda.total.styleSheet()
    row = view.model.row_of(ids["meeting"])
    assert view.model.data(view.model.index(row, 5)) == "75 / 60 דק'"
    assert (
        "b00020" in view.model.data(view.model.index(row, 5), Qt.ItemDataRole.ForegroundRole).name()
    )
    # Reorder: the new item (selected) moves up twice, by button; a drop does the same.
    new_item = agenda.current_id()
    qtbot.mouseClick(agenda.up_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(agenda.up_button, Qt.MouseButton.LeftButton)
    titles = [it["id"] for it in mt.agenda(ctx.pf.conn, ids["meeting"])]
    assert titles.index(new_item) == 1
    agenda.tree.moved.emit(new_item, 3)  # what dropping it last reports
    assert [it["id"] for it in mt.agenda(ctx.pf.conn, ids["meeting"])][-1] == new_item
    # Attendance (its tab is read when shown): the first member present → the rate shows it.
    panel = view.panel.attendance
    view.panel.tabs.setCurrentWidget(panel)
    first = panel.table.topLevelItem(0)
    person = first.data(0, Qt.ItemDataRole.UserRole)
    first.setSelected(True)
    qtbot.mouseClick(panel.status_buttons["present"], Qt.MouseButton.LeftButton)
    assert panel.rate.text() == "הגיעו 1 מתוך 4 חברים (25%)."
    assert panel.table.topLevelItem(0).text(1) == "נוכח/ת"
    assert panel.table.topLevelItem(0).isSelected()  # still selected after the refresh
    assert mt.attendance_of(ctx.pf.conn, ids["meeting"]) == {person: "present"}
    # Two more selected at once, marked excused in one step.
    panel.table.topLevelItem(1).setSelected(True)
    panel.table.topLevelItem(2).setSelected(True)
    panel.table.topLevelItem(0).setSelected(False)
    qtbot.mouseClick(panel.status_buttons["excused"], Qt.MouseButton.LeftButton)
    assert sorted(mt.attendance_of(ctx.pf.conn, ids["meeting"]).values()) == [
        "excused",
        "excused",
        "present",
    ]
    # Undo takes back the last press (both members), then the first.
    ctx.ops.undo()
    assert mt.attendance_of(ctx.pf.conn, ids["meeting"]) == {person: "present"}
    ctx.ops.undo()
    assert mt.attendance_of(ctx.pf.conn, ids["meeting"]) == {}
    # Status: mark the meeting held; the held filter shows it, the planned one does not.
    view.panel.status.setCurrentIndex(view.panel.status.findData("held"))
    view.panel.status.activated.emit(view.panel.status.currentIndex())
    view.status_filter.setCurrentIndex(view.status_filter.findData("planned"))
    assert _rows(view) == []
    view.status_filter.setCurrentIndex(view.status_filter.findData("held"))
    assert len(_rows(view)) == 1


def test_generate_schedule_dialog_shows_moved_dates_and_why(qtbot, he_app, new_file):
    ids = build_small_program(new_file)
    view = _view(qtbot, new_file)
    view.body_filter.setCurrentIndex(view.body_filter.findData(ids["steering"]))
    dialog = view.generate_dialog()
    qtbot.addWidget(dialog)
    dialog.start.setDate(QDate(2029, 7, 1))
    dialog.end.setDate(QDate(2029, 12, 31))
    rows = [
        [dialog.tree.topLevelItem(i).text(c) for c in range(4)]
        for i in range(dialog.tree.topLevelItemCount())
    ]
    assert [r[2] for r in rows] == ["מפגש חדש", "מפגש חדש"]
    assert rows[1][3] == "הוזז מתאריך 01/10/2029 בגלל שמחת תורה / שמיני עצרת."
    assert "2 מפגשים חדשים (הוזזו מסופי שבוע או מחגים: 1)" in dialog.summary.text()
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert ("2029-10-02T10:00", "ועדת היגוי") in _rows(view)
    view.select_meeting(view.model.rows()[-1].id)
    assert view.panel.note.text() == "הוזז מתאריך 01/10/2029 בגלל שמחת תורה / שמיני עצרת."
    view.context.ops.undo()  # one step takes the whole schedule back
    assert len(_rows(view)) == 1


def test_navigate_to_an_action_item_and_a_membership(qtbot, he_app, new_file):
    ids = build_small_program(new_file)
    view = _view(qtbot, new_file)
    item = view.context.run(
        "x", lambda ops: mt.add_action_item(ops, ids["other"], "להכין סיור", due="2027-01-20")
    )
    view.navigate("action_item", item)
    assert view.panel.meeting_id == ids["other"]
    assert view.left.currentIndex() == 3
    assert view.actions.topLevelItem(0).text(0) == "להכין סיור"
    membership = view.context.pf.conn.execute(
        "SELECT id FROM membership WHERE body_id=? LIMIT 1", (ids["design"],)
    ).fetchone()[0]
    view.navigate("membership", membership)
    assert view.left.currentIndex() == 2
    assert view.members.currentItem().data(0, Qt.ItemDataRole.UserRole) == membership
    assert view.members.topLevelItemCount() == 3  # the design committee's members only


def test_language_change_retranslates_the_view_and_in_room_mode(qtbot, he_app, new_file):
    from kehila_desktop.gui.language import apply_language

    ids = build_small_program(new_file)
    view = _view(qtbot, new_file)
    room = view.open_inroom(ids["meeting"])
    qtbot.addWidget(room)
    room.timer.stop()
    assert view.new_button.text() == "מפגש חדש" and room.next_button.full_text.startswith(
        "הנושא הבא"
    )
    try:
        apply_language("ar", remember=False)
        view.context.languageChanged.emit("ar")
        assert view.title() == "اللقاءات" and view.new_button.text() == "لقاء جديد"
        assert view.panel.tabs.tabText(0) == "جدول الأعمال"
        assert room.next_button.full_text == "البند التالي (PgDown)"
        apply_language("en", remember=False)
        view.context.languageChanged.emit("en")
        assert view.model.headerData(0, Qt.Orientation.Horizontal) == "When"
        assert (
            view.panel.agenda.total.text() == "Agenda: 50 minutes of 60 minutes (10 minutes free)."
        )
        assert room.position.text() == "Item 1 of 3"
    finally:
        apply_language("he", remember=False)
    room.close()


def test_steering_decisions_set_focus_and_approve_members_from_the_form(qtbot, he_app, new_file):
    ids = build_small_program(new_file)
    view = _view(qtbot, new_file)
    ctx = view.context
    north, south = (
        ctx.run("area", lambda ops, n=n: ops.insert("area", {"name": n}))
        for n in ("שכונת הצפון", "שכונת הדרום")
    )
    noa = ctx.pf.conn.execute(
        "SELECT m.id FROM membership m JOIN person p ON p.id=m.person_id WHERE p.name='נועה'"
    ).fetchone()[0]
    ctx.run("propose", lambda ops: ops.update("membership", noa, {"status": "proposed"}))
    view.select_meeting(ids["meeting"])
    view.panel.tabs.setCurrentWidget(view.panel.decisions)
    form = view.panel.decisions.form
    form.kind.setCurrentIndex(form.kind.findData("focus"))
    assert form.payload_editor.isVisibleTo(form) and form.labels[3].text() == "מיקוד גיאוגרפי"
    areas = form.payload_editor.areas
    for i in range(areas.count()):
        if areas.item(i).text().startswith("שכונת הצפון"):
            areas.item(i).setCheckState(Qt.CheckState.Checked)
    form.text.setText("המיקוד: שכונת הצפון")
    form.spins["for"].setValue(4)
    qtbot.mouseClick(form.button, Qt.MouseButton.LeftButton)
    in_focus = {a for (a,) in ctx.pf.conn.execute("SELECT id FROM area WHERE in_focus=1")}
    assert in_focus == {north} and south not in in_focus
    form.kind.setCurrentIndex(form.kind.findData("composition"))
    members = form.payload_editor.members
    assert members.count() == 1 and members.item(0).text().startswith("נועה (")
    assert members.item(0).checkState() == Qt.CheckState.Checked  # proposed: preselected
    members.item(0).setCheckState(Qt.CheckState.Checked)
    form.text.setText("אישור הרכב הוועדה המעצבת")
    form.spins["for"].setValue(4)
    qtbot.mouseClick(form.button, Qt.MouseButton.LeftButton)
    status = ctx.pf.conn.execute("SELECT status FROM membership WHERE id=?", (noa,)).fetchone()
    assert status[0] == "approved"
    assert view.panel.decisions.decisions.topLevelItemCount() == 2
    # At the design committee's meeting there is nothing to set: no payload editor.
    view.select_meeting(ids["other"])
    form.kind.setCurrentIndex(form.kind.findData("channels"))
    assert not form.payload_editor.isVisibleTo(form)


def test_a_hidden_view_catches_up_when_shown(qtbot, he_app, new_file):
    ids = build_small_program(new_file)
    view = _view(qtbot, new_file)
    view.hide()
    view.context.run(
        "new",
        lambda ops: ops.insert(
            "meeting", {"body_id": ids["steering"], "starts_at": "2027-04-05T10:00"}
        ),
    )
    assert len(_rows(view)) == 2  # not re-read while hidden
    view.show()
    assert ("2027-04-05T10:00", "ועדת היגוי") in _rows(view)


def test_delete_a_meeting_and_undo(qtbot, he_app, new_file):
    ids = build_small_program(new_file)
    view = _view(qtbot, new_file)
    view.select_meeting(ids["other"])
    qtbot.mouseClick(view.panel.delete_button, Qt.MouseButton.LeftButton)
    assert _rows(view) == [("2027-01-04T10:00", "ועדת היגוי")]
    assert view.panel.meeting_id != ids["other"]
    view.context.ops.undo()
    assert len(_rows(view)) == 2
