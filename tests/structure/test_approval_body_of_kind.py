"""Approval by the steering committee looks at *the* steering committee and *the* design
committee (the first live body of the kind): a deleted one's or a second one's meetings,
decisions and candidates neither count nor may be used."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from kehila_desktop.core.errors import InvalidEdit
from kehila_desktop.core.meetings.edits import new_meeting
from kehila_desktop.core.meetings.records import record_decision
from kehila_desktop.core.structure import approval
from kehila_desktop.core.structure.memberships import awaiting_approval, next_status


def _candidate(ops, body: str, name: str, status: str = "mapped") -> str:
    with ops.step("candidate"):
        person = ops.insert("person", {"name": name, "sector": "resident"})
        return ops.insert("membership", {"person_id": person, "body_id": body, "status": status})


def _soon(days: int) -> str:
    return (date.today() + timedelta(days=days)).isoformat()


def test_only_the_steering_committees_composition_decisions_approve(ops, two_of_kind):
    steering, other, settle = two_of_kind(ops, "steering")
    design = ops.conn.execute("SELECT id FROM live_body WHERE kind='design'").fetchone()[0]
    a, b = _candidate(ops, design, "אורית"), _candidate(ops, design, "בשאר")
    ours = new_meeting(ops, steering, "2027-02-01", {"status": "held"})
    theirs = new_meeting(ops, other, "2027-03-01", {"status": "held"})
    mine = record_decision(ops, ours, "הרכב", "composition", payload={"approve": [a]})
    record_decision(ops, theirs, "הרכב אחר", "composition", payload={"approve": [b]})
    settle()
    assert [d["id"] for d in approval.passed_composition_decisions(ops.conn)] == [mine]
    assert [(d[0], d[2]) for d in approval.composition_decisions(ops.conn)] == [(mine, [a])]
    assert set(approval.approvals(ops.conn)) == {a}


def test_candidates_go_to_the_steering_committees_next_meeting_only(ops, two_of_kind):
    steering, other, settle = two_of_kind(ops, "steering")
    design = ops.conn.execute("SELECT id FROM live_body WHERE kind='design'").fetchone()[0]
    candidate = _candidate(ops, design, "אורית")
    theirs = new_meeting(ops, other, _soon(3))
    ours = new_meeting(ops, steering, _soon(10))
    settle()
    assert approval.next_steering_meeting(ops.conn)["id"] == ours
    before = ops.conn.execute("SELECT count(*) FROM live_agenda_item").fetchone()[0]
    with pytest.raises(InvalidEdit, match="not a meeting of the steering committee"):
        approval.put_forward(ops, [candidate], theirs)
    with pytest.raises(InvalidEdit, match="not a meeting of the steering committee"):
        approval.decide_composition(ops, theirs, [candidate], outcome="passed_consensus")
    assert ops.conn.execute("SELECT count(*) FROM live_agenda_item").fetchone()[0] == before
    item = approval.put_forward(ops, [candidate])
    assert ops.conn.execute(
        "SELECT meeting_id FROM live_agenda_item WHERE id=?", (item,)
    ).fetchone() == (ours,)


def test_the_steering_committee_approves_the_design_committees_candidates_only(ops, two_of_kind):
    design, other, settle = two_of_kind(ops, "design")
    steering = ops.conn.execute("SELECT id FROM live_body WHERE kind='steering'").fetchone()[0]
    ours = _candidate(ops, design, "אורית", "proposed")
    theirs = _candidate(ops, other, "בשאר", "proposed")
    meeting = new_meeting(ops, steering, "2027-02-01", {"status": "held"})
    settle()
    with pytest.raises(InvalidEdit, match="not a candidate"):
        approval.decide_composition(ops, meeting, [ours, theirs], outcome="passed_consensus")
    assert approval.passed_composition_decisions(ops.conn) == []
    approval.decide_composition(ops, meeting, [ours], outcome="passed_consensus")
    status = dict(ops.conn.execute("SELECT id, status FROM membership"))
    assert (status[ours], status[theirs]) == ("approved", "proposed")


def test_only_the_design_committees_candidates_wait_for_approval(ops, two_of_kind):
    design, other, settle = two_of_kind(ops, "design")
    ours = _candidate(ops, design, "אורית", "proposed")
    theirs = _candidate(ops, other, "בשאר", "proposed")
    settle()
    assert next_status(ops.conn, ours) == "approved"
    assert awaiting_approval(ops.conn, [ours, theirs]) == [ours]
    assert next_status(ops.conn, theirs) == "invited"  # not the design committee's: no approval
