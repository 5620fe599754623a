"""Agenda totals, attendance rates, decisions that change the program, action items."""

from __future__ import annotations

import pytest

from kehila_desktop.core.meetings import records as mt
from kehila_desktop.core.errors import InvalidEdit

from .helpers import add_meeting, add_members, body_id


def test_agenda_total_and_overrun(ops):
    m = add_meeting(ops, body_id(ops, "design"), "2027-03-02T17:30", minutes=60)
    a = mt.add_agenda_item(ops, m, "פתיחה", minutes=10, kind="information")
    b = mt.add_agenda_item(ops, m, "תמונת מצב", minutes=30)
    total = mt.agenda_total(ops.conn, m)
    assert (total.planned, total.length, total.over, total.left) == (40, 60, 0, 20)
    c = mt.add_agenda_item(ops, m, "החלטה על אפיקים", minutes=35, kind="decision")
    assert mt.agenda_total(ops.conn, m).over == 15
    mt.move_agenda_item(ops, c, 0)
    assert [i["id"] for i in mt.agenda(ops.conn, m)] == [c, a, b]
    ops.undo()
    assert [i["id"] for i in mt.agenda(ops.conn, m)] == [a, b, c]
    with pytest.raises(InvalidEdit):
        mt.add_agenda_item(ops, m, "x", minutes=-5)
    assert mt.agenda_total(ops.conn, m).items == 3


def test_attendance_rates_per_meeting_and_per_member(ops):
    design = body_id(ops, "design")
    dana, yossi, amal, noa = add_members(ops, design, ["דנה", "יוסי", "אמל", "נועה"], expected=75)
    meetings = [
        add_meeting(ops, design, f"2027-0{n}-02T17:30", status="held") for n in (1, 2, 3, 4)
    ]
    for m in meetings:
        mt.check_in(ops, m, dana)
    mt.check_in(ops, meetings[0], yossi, late=True)
    mt.set_attendance(ops, meetings[1], yossi, "excused")
    mt.set_attendance(ops, meetings[2], yossi, "absent")
    mt.check_in(ops, meetings[3], yossi)
    mt.check_in(ops, meetings[0], amal)
    mt.add_guest(ops, meetings[0], "נציגת משרד הרווחה")
    rate = mt.meeting_rate(ops.conn, meetings[0])
    assert (rate.attended, rate.expected) == (3, 4)  # the guest does not count
    rates = mt.meeting_rates(ops.conn, design)
    assert rates[meetings[0]].rate == 0.75 and rates[meetings[1]].rate == 0.25
    by_name = {r.name: r for r in mt.member_rates(ops.conn, design)}
    assert by_name["דנה"].rate == 1.0 and not by_name["דנה"].below
    assert (by_name["יוסי"].attended, by_name["יוסי"].excused, by_name["יוסי"].held) == (2, 1, 4)
    assert by_name["יוסי"].below and by_name["אמל"].rate == 0.25 and by_name["נועה"].rate == 0
    # One tap changes the status in place (no second row).
    mt.set_attendance(ops, meetings[2], yossi, "present")
    assert (
        ops.conn.execute(
            "SELECT count(*) FROM attendance WHERE person_id=? AND deleted=0", (yossi,)
        ).fetchone()[0]
        == 4
    )
    with pytest.raises(InvalidEdit):
        mt.add_guest(ops, meetings[0], "   ")


def _chosen(ops):
    return sorted(
        k for (k,) in ops.conn.execute("SELECT key FROM channel WHERE chosen=1 AND deleted=0")
    )


def test_a_steering_channels_decision_chooses_the_channels(ops):
    steering = body_id(ops, "steering")
    m = add_meeting(ops, steering, "2027-01-04T10:00", status="held")
    assert _chosen(ops) == []
    d = mt.record_decision(
        ops,
        m,
        "האפיקים הנבחרים: חברתי ואורבני",
        "channels",
        votes=(5, 1, 0),
        payload={"channels": ["social", "urban"]},
    )
    assert _chosen(ops) == ["social", "urban"]
    teams = {
        k
        for (k,) in ops.conn.execute(
            "SELECT channel_key FROM body WHERE kind='work_team' AND deleted=0"
        )
    }
    assert teams == {"social", "urban"}
    assert mt.decisions(ops.conn, m)[0]["votes_for"] == 5
    ops.undo()  # one step: the decision and what it set
    assert _chosen(ops) == [] and mt.decisions(ops.conn, m) == []
    assert d


def test_a_rejected_or_non_steering_decision_changes_nothing(ops):
    steering, design = body_id(ops, "steering"), body_id(ops, "design")
    m1 = add_meeting(ops, steering, "2027-01-04T10:00", status="held")
    mt.record_decision(
        ops, m1, "אפיק כלכלי", "channels", votes=(2, 4, 1), payload={"channels": ["economic"]}
    )
    m2 = add_meeting(ops, design, "2027-01-05T17:30", status="held")
    mt.record_decision(
        ops, m2, "אפיק חינוכי", "channels", votes=(9, 0, 0), payload={"channels": ["educational"]}
    )
    assert _chosen(ops) == []
    with pytest.raises(InvalidEdit):
        mt.record_decision(ops, m1, "x", "channels", votes=(-1, 0, 0))
    with pytest.raises(InvalidEdit):
        mt.record_decision(ops, m1, "", "other")


def test_action_items_across_meetings_with_overdue(ops):
    steering, design = body_id(ops, "steering"), body_id(ops, "design")
    dana = add_members(ops, design, ["דנה"])[0]
    m1 = add_meeting(ops, steering, "2027-01-04T10:00", status="held")
    m2 = add_meeting(ops, design, "2027-02-02T17:30", status="held")
    mt.add_action_item(ops, m1, "להפיץ קול קורא", owner_person_id=dana, due="2027-02-01")
    late = mt.add_action_item(ops, m2, "לתאם סיור", due="2027-01-20")
    mt.add_action_item(ops, m2, "ללא מועד")
    items = mt.action_items(ops.conn, today="2027-03-01")
    assert [i["text"] for i in items] == ["לתאם סיור", "להפיץ קול קורא", "ללא מועד"]
    assert [bool(i["overdue"]) for i in items] == [True, True, False]
    assert items[1]["owner"] == "דנה"
    ops.update("action_item", late, {"status": "done"})
    assert len(mt.action_items(ops.conn, status="open", body_id=design)) == 1
    with pytest.raises(InvalidEdit):
        mt.add_action_item(ops, m1, "x", due="next week")
