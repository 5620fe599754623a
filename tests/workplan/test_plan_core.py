"""The work plan's core: building, reordering, moving, duplicating, undo, budgets, approval."""

from __future__ import annotations

import pytest

from kehila_desktop.core.workplan import plans as wp, budget as wb
from kehila_desktop.core.errors import InvalidEdit

from .helpers import small_plan


def titles(ops, cid):
    return [a.title for a in wp.read_plan(ops.conn, cid).actions()]


def test_build_reorder_and_undo(ops):
    cid, goal, objective, first, second = small_plan(ops)
    plan = wp.read_plan(ops.conn, cid)
    assert [g.title for g in plan.goals] == ["חוסן קהילתי"]
    assert plan.goals[0].objectives[0].indicator == "מספר מתנדבים"
    assert titles(ops, cid) == ["סדנת הכשרה", "יום התנדבות"]
    assert plan.actions()[0].owner_name.endswith("work team") or plan.actions()[0].owner_name
    assert wp.shift_item(ops, "action", second, -1)
    assert titles(ops, cid) == ["יום התנדבות", "סדנת הכשרה"]
    assert not wp.shift_item(ops, "action", second, -1)  # already first: nothing recorded
    ops.undo()
    assert titles(ops, cid) == ["סדנת הכשרה", "יום התנדבות"]
    ops.redo()
    assert titles(ops, cid) == ["יום התנדבות", "סדנת הכשרה"]


def test_insert_between_neighbours_many_times_keeps_order(ops):
    cid, goal, objective, first, second = small_plan(ops)
    ids = [first, second]
    for n in range(60):  # always between the first two: halves the gap each time
        ids.insert(1, wp.add_item(ops, "action", objective, {"title": f"a{n}"}, index=1))
    got = [a.id for a in wp.read_plan(ops.conn, cid).actions()]
    assert got == ids


def test_duplicate_action_copies_areas_and_sits_after_it(ops):
    cid, goal, objective, first, second = small_plan(ops)
    area = ops.insert("area", {"name": "שכונה א"})
    wp.set_action_areas(ops, first, [area])
    copy = wp.duplicate_action(ops, first)
    actions = wp.read_plan(ops.conn, cid).actions()
    assert [a.id for a in actions] == [first, copy, second]
    assert actions[1].area_names == ["שכונה א"] and actions[1].budget == 10000
    ops.undo()
    assert [a.id for a in wp.read_plan(ops.conn, cid).actions()] == [first, second]


def test_move_objective_to_another_goal_takes_its_actions(ops):
    cid, goal, objective, first, second = small_plan(ops)
    other = wp.add_item(ops, "goal", cid, {"title": "תעסוקה"})
    assert wp.move_objective(ops, objective, other)
    plan = wp.read_plan(ops.conn, cid)
    assert plan.goals[0].objectives == []
    assert [a.id for a in plan.goals[1].objectives[0].actions] == [first, second]
    ops.undo()
    assert wp.read_plan(ops.conn, cid).goals[0].objectives[0].id == objective


def test_delete_goal_deletes_below_it_in_one_undo_step(ops):
    cid, goal, objective, first, second = small_plan(ops)
    wp.delete_item(ops, "goal", goal)
    assert wp.read_plan(ops.conn, cid).goals == []
    ops.undo()
    assert titles(ops, cid) == ["סדנת הכשרה", "יום התנדבות"]


@pytest.mark.parametrize(
    "changes",
    [
        {"budget": -5},
        {"budget": "שלושה"},
        {"start_quarter": "2027-1"},
        {"start_quarter": "2028Q1", "end_quarter": "2027Q4"},
        {"status": "lost"},
        {"owner_body_id": "nobody"},
    ],
)
def test_bad_action_values_change_nothing(ops, changes):
    cid, goal, objective, first, second = small_plan(ops)
    before = ops.conn.execute("SELECT count(*) FROM change").fetchone()[0]
    with pytest.raises(InvalidEdit):
        wp.update_item(ops, "action", first, changes)
    assert ops.conn.execute("SELECT count(*) FROM change").fetchone()[0] == before


def test_budget_text_with_shekel_sign_and_commas_is_accepted(ops):
    cid, goal, objective, first, second = small_plan(ops)
    wp.update_item(ops, "action", first, {"budget": "₪ 12,500"})
    assert wp.read_plan(ops.conn, cid).actions()[0].budget == 12500


def test_budget_totals_per_year_source_owner(ops):
    cid, *_ = small_plan(ops)
    totals = wb.budget_totals(ops.conn)
    assert totals.total == 15001 and totals.per_channel["social"] == 15001
    # 10,000 over 2027Q1-Q2; 5,001 over 2027Q4 + 2028Q1 → 2,501 + 2,500
    assert totals.per_year == {"2027": 12501, "2028": 2500}
    assert totals.per_source == {"הרשות": 10000, "משרד הרווחה": 5001}
    assert sum(totals.per_owner.values()) == 15001
    assert totals.approved == 0 and totals.waiting == 15001


def test_approval_through_steering_decision_and_changes_after_it(ops):
    cid, goal, objective, first, second = small_plan(ops)
    wb.approve_plan(ops, cid, when="2027-01-10")
    decision = ops.conn.execute(
        "SELECT d.kind, b.kind FROM decision d JOIN meeting m "
        "ON m.id=d.meeting_id JOIN body b ON b.id=m.body_id"
    ).fetchone()
    assert decision == ("work_plan", "steering")
    approval = wb.latest_approval(ops.conn, cid)
    plan = wp.read_plan(ops.conn, cid)
    assert wb.approval_status(plan, approval) == "approved"
    assert wb.budget_totals(ops.conn).approved == 15001
    wp.shift_item(ops, "action", second, -1)  # reordering is not a change of content
    assert wb.approval_status(wp.read_plan(ops.conn, cid), approval) == "approved"
    wp.update_item(ops, "action", first, {"budget": 20000})
    added = wp.add_item(ops, "action", objective, {"title": "חדש", "budget": 100})
    plan = wp.read_plan(ops.conn, cid)
    assert wb.changes_since_approval(plan, approval) == {first: "changed", added: "added"}
    totals = wb.budget_totals(ops.conn)
    assert (totals.approved, totals.waiting) == (15001, 10100)
    wp.delete_item(ops, "action", second)
    assert wb.changes_since_approval(wp.read_plan(ops.conn, cid), approval)[second] == "removed"
    for _ in range(3):
        ops.undo()
    assert wb.approval_status(wp.read_plan(ops.conn, cid), approval) == "approved"


def test_approval_undo_removes_decision_and_link(ops):
    cid, *_ = small_plan(ops)
    wb.approve_plan(ops, cid)
    ops.undo()
    assert wb.latest_approval(ops.conn, cid) is None
