"""The work plan is approved by *the* steering committee (the first live body of the kind):
the approval dialog offers its meetings and decisions only, and a meeting or decision of a
deleted or a second steering committee is refused."""

from __future__ import annotations

import pytest

from kehila_desktop.core.errors import InvalidEdit
from kehila_desktop.core.meetings.edits import new_meeting
from kehila_desktop.core.meetings.records import record_decision
from kehila_desktop.core.workplan import budget as wb

from .helpers import small_plan


def _meetings_and_decisions(ops, steering: str, other: str) -> dict[str, str]:
    made = {
        "theirs": new_meeting(ops, other, "2026-06-01", {"status": "held"}),
        "ours": new_meeting(ops, steering, "2026-05-01", {"status": "held"}),
    }
    for whose in ("theirs", "ours"):
        made[whose + "_decision"] = record_decision(ops, made[whose], whose, "work_plan")
    return made


def _approved_in(ops, cid: str) -> tuple[str, str]:
    """(body, date) of the meeting whose decision approved the channel's plan."""
    approval = wb.latest_approval(ops.conn, cid)
    return ops.conn.execute(
        "SELECT m.body_id, substr(m.starts_at, 1, 10) FROM decision d JOIN meeting m "
        "ON m.id=d.meeting_id WHERE d.id=?",
        (approval.decision_id,),
    ).fetchone()


def test_the_approval_offers_the_steering_committees_meetings_and_decisions(ops, two_of_kind):
    steering, other, settle = two_of_kind(ops, "steering")
    made = _meetings_and_decisions(ops, steering, other)
    settle()
    assert [m[0] for m in wb.steering_meetings(ops.conn)] == [made["ours"]]
    assert [d[0] for d in wb.open_plan_decisions(ops.conn)] == [made["ours_decision"]]


def test_a_plan_is_not_approved_in_another_steering_committees_meeting(ops, two_of_kind):
    steering, other, settle = two_of_kind(ops, "steering")
    cid, *_ = small_plan(ops)
    made = _meetings_and_decisions(ops, steering, other)
    settle()
    for how in ({"meeting_id": made["theirs"]}, {"decision_id": made["theirs_decision"]}):
        with pytest.raises(InvalidEdit, match="steering committee meeting"):
            wb.approve_plan(ops, cid, **how)
        assert wb.latest_approval(ops.conn, cid) is None
    wb.approve_plan(ops, cid)  # the latest meeting held: the steering committee's, not theirs
    assert _approved_in(ops, cid) == (steering, "2026-05-01")


def test_with_no_meeting_of_its_own_the_steering_committee_gets_one(ops, two_of_kind):
    steering, other, settle = two_of_kind(ops, "steering")
    cid, *_ = small_plan(ops)
    new_meeting(ops, other, "2026-06-01", {"status": "held"})
    settle()
    wb.approve_plan(ops, cid, when="2026-07-01")
    assert _approved_in(ops, cid) == (steering, "2026-07-01")
