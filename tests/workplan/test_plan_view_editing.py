"""Work-plan view details a user notices: drag and drop, moving an objective to another
goal, duplicating, deleting with undo, the timeline running right to left in Hebrew, and
jumping to an item from a health finding."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, Qt

from kehila_desktop.core.workplan import plans as wp
from kehila_desktop.core.i18n import set_language
from kehila_desktop.core.history.operations import Operations
from kehila_desktop.core.file.programfile import open_program
from kehila_desktop.gui.context import AppContext
from kehila_desktop.gui.views.workplan.timeline import TimelineChart
from kehila_desktop.gui.views.workplan.tree_model import MIME
from kehila_desktop.gui.views.workplan.view import View

from .helpers import small_plan


def make(qtbot, new_file):
    pf = open_program(new_file)
    ops = Operations(pf)
    ids = small_plan(ops)
    ops.forget_undo()
    view = View(AppContext(pf, ops))
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    with qtbot.waitActive(view):
        view.activateWindow()
    return pf, ops, view, ids


def action_titles(view):
    plan = view.plans[0]
    return [a.title for a in plan.actions()]


def drag(view, item_id):
    data = QMimeData()
    kind = view.model.by_id[item_id].kind
    data.setData(MIME, f"{kind}:{item_id}".encode())
    return data


def test_drag_an_action_onto_its_sibling_and_to_another_objective(qtbot, new_file):
    pf, ops, view, (cid, goal, objective, first, second) = make(qtbot, new_file)
    model = view.model
    # drop the second action onto the first: it takes the first one's place
    assert model.canDropMimeData(
        drag(view, second), Qt.DropAction.MoveAction, -1, 0, model.index_of(first)
    )
    model.dropMimeData(drag(view, second), Qt.DropAction.MoveAction, -1, 0, model.index_of(first))
    assert action_titles(view) == ["יום התנדבות", "סדנת הכשרה"]
    # an action cannot be dropped on a goal; a goal cannot go under an objective
    assert not model.canDropMimeData(
        drag(view, first), Qt.DropAction.MoveAction, 0, 0, model.index_of(goal)
    )
    assert not model.canDropMimeData(
        drag(view, goal), Qt.DropAction.MoveAction, 0, 0, model.index_of(objective)
    )
    other = wp.add_item(ops, "objective", goal, {"title": "יעד שני"})
    model.dropMimeData(drag(view, first), Qt.DropAction.MoveAction, 0, 0, model.index_of(other))
    objectives = view.plans[0].goals[0].objectives
    assert [a.title for a in objectives[1].actions] == ["סדנת הכשרה"]
    ops.undo()
    assert [a.title for a in view.plans[0].goals[0].objectives[0].actions] == [
        "יום התנדבות",
        "סדנת הכשרה",
    ]
    pf.close()


def test_move_objective_duplicate_delete_and_undo(qtbot, new_file):
    pf, ops, view, (cid, goal, objective, first, second) = make(qtbot, new_file)
    other_goal = wp.add_item(ops, "goal", cid, {"title": "תעסוקה"})
    view.select(objective)
    assert [g for g, _name in view.other_goals()] == [other_goal]
    assert view.move_objective_to(other_goal)
    assert [o.title for o in view.plans[0].goals[1].objectives] == ["מתנדבים בכל שכונה"]
    assert view.current_node().item_id == objective  # still selected where it went
    view.select(first)
    view.tree.setFocus()
    qtbot.keyClick(view.tree, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert action_titles(view) == ["סדנת הכשרה", "סדנת הכשרה", "יום התנדבות"]
    view.select(other_goal)
    qtbot.keyClick(view.tree, Qt.Key.Key_Delete)
    assert [g.title for g in view.plans[0].goals] == ["חוסן קהילתי"]
    assert ops.undo_label  # each edit is one undo step
    ops.undo()
    assert action_titles(view) == ["סדנת הכשרה", "סדנת הכשרה", "יום התנדבות"]
    ops.undo()
    ops.undo()
    assert [o.id for o in view.plans[0].goals[0].objectives] == [objective]
    pf.close()


def test_bad_budget_source_quarter_shows_one_sentence_and_changes_nothing(
    qtbot, new_file, monkeypatch
):
    pf, ops, view, (cid, goal, objective, first, second) = make(qtbot, new_file)
    shown = []
    monkeypatch.setattr(view.context, "show_error", shown.append)
    view.select(first)
    form = view.editor.forms["action"]
    # the end before the start is refused
    index = form.end.findData("2027Q1")
    form.start.setCurrentIndex(form.start.findData("2027Q2"))
    form.end.setCurrentIndex(index)
    assert shown == ["פעולה אינה יכולה להסתיים לפני שהיא מתחילה."]
    action = wp.read_plan(pf.conn, cid).actions()[0]
    assert (action.start_quarter, action.end_quarter) == ("2027Q2", "2027Q2")
    assert form.end.currentData() == "2027Q2"  # the editor shows what is saved again
    view.select(objective)
    dates = view.editor.forms["objective"].target_date
    dates.setText("31.13.2027")  # D.M.YYYY is read, but there is no 13th month
    dates.setModified(True)
    dates.editingFinished.emit()
    dates.editingFinished.emit()  # Return, then leaving the field
    assert shown[1:] == ["תאריך נכתב בצורה YYYY-MM-DD."]
    assert dates.text() == ""
    pf.close()


def test_timeline_runs_right_to_left_in_hebrew_and_left_to_right_in_english(qtbot, new_file):
    pf = open_program(new_file)
    small_plan(Operations(pf))
    plans = wp.read_plans(pf.conn)
    chart = TimelineChart()
    qtbot.addWidget(chart)
    chart.resize(900, 300)
    chart.set_plans(
        [p for p in plans if p.goals], ["2027Q1", "2027Q2", "2027Q3", "2027Q4", "2028Q1"]
    )
    assert [r.kind for r in chart.rows] == ["goal", "action", "action"]
    chart.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    first, last = chart.quarter_rect(0, 0, 10), chart.quarter_rect(4, 0, 10)
    assert first.left() > last.left()  # time runs leftwards
    assert chart.label_rect(0, 10).left() > first.left()  # labels on the right
    bar = chart.bar_rect(chart.rows[1], 0)  # 2027Q1-Q2, on the right of 2027Q3
    assert bar.left() > chart.quarter_rect(2, 0, 10).right()
    chart.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    assert chart.quarter_rect(0, 0, 10).left() < chart.quarter_rect(4, 0, 10).left()
    image = chart.grab().toImage()
    assert not image.isNull()
    pf.close()


def test_navigate_from_a_finding_selects_the_action(qtbot, new_file):
    pf, ops, view, (cid, goal, objective, first, second) = make(qtbot, new_file)
    view.set_channel("")  # all channels
    view.navigate("action", second)
    assert view.channel.currentData() == cid
    assert view.current_node().item_id == second
    assert view.editor.currentWidget() is view.editor.forms["action"]
    assert view.editor.forms["action"].title.text() == "יום התנדבות"
    pf.close()


def test_retranslate_to_arabic(qtbot, new_file):
    pf, ops, view, ids = make(qtbot, new_file)
    set_language("ar")
    view.retranslate()
    assert view.tabs.tabText(0) == "الأهداف والغايات والنشاطات"
    assert view.model.headerData(0, Qt.Orientation.Horizontal) == "البند"
    assert view.approval.text() == "لم تُقَرّ بعد في لجنة التوجيه."
    pf.close()


def test_hidden_view_catches_up_when_shown_or_navigated_to(qtbot, new_file):
    pf, ops, view, (cid, goal, objective, first, second) = make(qtbot, new_file)
    view.hide()
    added = wp.add_item(ops, "action", objective, {"title": "פעולה שלישית"})
    assert "פעולה שלישית" not in action_titles(view)  # not re-read while hidden
    view.navigate("action", added)
    assert view.current_node().item_id == added
    wp.update_item(ops, "action", added, {"title": "שונתה"})
    view.show()
    assert "שונתה" in action_titles(view)
    pf.close()


def test_read_only_file_shows_the_plan_but_offers_no_edit(qtbot, new_file):
    pf = open_program(new_file)
    small_plan(Operations(pf))
    pf.close()
    pf = open_program(new_file, read_only=True)
    view = View(AppContext(pf))
    qtbot.addWidget(view)
    view.show()
    assert [a.title for a in view.plans[0].actions()] == ["סדנת הכשרה", "יום התנדבות"]
    view.select(view.plans[0].actions()[0].id)
    assert not any(a.isEnabled() for a in view.actions.values())
    assert not view.approve_button.isEnabled() and view.export_button.isEnabled()
    index = view.model.index_of(view.plans[0].actions()[0].id)
    assert not view.model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert not view.editor.currentWidget().isEnabled()
    pf.close()


def test_typing_through_the_objective_editor_with_tab_saves_each_field(qtbot, new_file):
    pf, ops, view, (cid, goal, objective, first, second) = make(qtbot, new_file)
    view.select(objective)
    form = view.editor.forms["objective"]
    form.indicator.setFocus()
    form.indicator.selectAll()
    qtbot.keyClicks(form.indicator, "volunteers")
    qtbot.keyClick(form.indicator, Qt.Key.Key_Tab)
    assert form.baseline.hasFocus()  # the save did not take the focus away
    qtbot.keyClicks(form.baseline, "55")  # Tab selected the old text: typing replaces it
    qtbot.keyClick(form.baseline, Qt.Key.Key_Tab)
    saved = wp.read_plan(pf.conn, cid).goals[0].objectives[0]
    assert (saved.indicator, saved.baseline) == ("volunteers", "55")
    assert view.model.by_id[objective].cells[2] == "volunteers"
    pf.close()


def test_approval_dialog_links_a_decision_already_recorded_in_a_steering_meeting(qtbot, new_file):
    from kehila_desktop.gui.views.workplan.approve_dialog import ApproveDialog

    pf, ops, view, (cid, goal, objective, first, second) = make(qtbot, new_file)
    steering = pf.conn.execute("SELECT id FROM body WHERE kind='steering'").fetchone()[0]
    meeting = ops.insert(
        "meeting", {"body_id": steering, "starts_at": "2027-02-01T10:00", "status": "held"}
    )
    decision = ops.insert(
        "decision", {"meeting_id": meeting, "kind": "work_plan", "text": "אושרה התוכנית החברתית"}
    )
    dialog = ApproveDialog(pf.conn, "social", view)
    qtbot.addWidget(dialog)
    assert dialog.decision.count() == 2 and not dialog.meeting.isEnabled()
    assert "אושרה התוכנית החברתית" in dialog.decision.itemText(0)
    view.approve(**dialog.choice())
    assert pf.conn.execute("SELECT decision_id FROM plan_approval WHERE deleted=0").fetchall() == [
        (decision,)
    ]
    assert view.approval.text() == "אושרה בהחלטת ועדת ההיגוי בתאריך 01/02/2027."
    again = ApproveDialog(pf.conn, "social", view)
    qtbot.addWidget(again)
    assert again.decision.count() == 1 and again.meeting.isEnabled()  # only "a new decision"
    pf.close()


def test_clicking_a_timeline_bar_opens_the_action(qtbot, new_file):
    pf, ops, view, (cid, goal, objective, first, second) = make(qtbot, new_file)
    view.tabs.setCurrentIndex(2)
    chart = view.timeline
    row = next(n for n, r in enumerate(chart.rows) if r.item_id == second)
    y = 44 + row * 24 + 12  # HEAD_H + row * ROW_H, mid-row
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=QPoint(chart.width() // 2, y))
    assert view.tabs.currentIndex() == 0
    assert view.current_node().item_id == second
    pf.close()


def test_removed_items_are_told_in_the_approval_status(qtbot, new_file):
    from kehila_desktop.core.workplan.budget import approve_plan

    pf, ops, view, (cid, goal, objective, first, second) = make(qtbot, new_file)
    approve_plan(ops, cid)
    wp.delete_item(ops, "action", second)
    assert view.approval.text().startswith("השתנתה מאז")
    assert view.approval.text().endswith(" פריטים מאושרים שהוסרו מאז: 1.")
    pf.close()


def test_timeline_by_keyboard(qtbot, new_file):
    pf, ops, view, (cid, goal, objective, first, second) = make(qtbot, new_file)
    view.tabs.setCurrentIndex(2)
    chart = view.timeline
    chart.setFocus()
    qtbot.keyClick(chart, Qt.Key.Key_Down)
    qtbot.keyClick(chart, Qt.Key.Key_Down)
    assert chart.rows[chart.current].item_id == second
    assert chart.accessibleDescription().startswith("יום התנדבות: 2027Q4")
    qtbot.keyClick(chart, Qt.Key.Key_Return)
    assert view.tabs.currentIndex() == 0 and view.current_node().item_id == second
    pf.close()
