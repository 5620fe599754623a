"""Meetings look at *the* steering committee and *the* design committee (the first live body
of the kind): the candidates a composition decision lists, and whether a passed decision
changes the program, ignore a deleted one and a second one."""

from __future__ import annotations

from kehila_desktop.core.meetings import queries as mq
from kehila_desktop.core.meetings.edits import new_meeting
from kehila_desktop.core.meetings.records import record_decision
from kehila_desktop.core.structure.queries import chosen_channels, is_meeting_of

from .helpers import body_id


def _candidate(ops, body: str, name: str, status: str) -> str:
    with ops.step("candidate"):
        person = ops.insert("person", {"name": name, "sector": "resident"})
        return ops.insert("membership", {"person_id": person, "body_id": body, "status": status})


def test_a_composition_decision_lists_the_design_committees_candidates_only(ops, two_of_kind):
    design, other, settle = two_of_kind(ops, "design")
    ours = _candidate(ops, design, "אורית", "mapped")
    _candidate(ops, other, "בשאר", "proposed")
    settle()
    assert mq.design_candidates(ops.conn) == [(ours, "אורית", "mapped")]


def test_only_the_steering_committees_passed_decision_chooses_the_channels(ops, two_of_kind):
    steering, other, settle = two_of_kind(ops, "steering")
    design = body_id(ops, "design")
    theirs = new_meeting(ops, other, "2027-03-01", {"status": "held"})
    designs = new_meeting(ops, design, "2027-03-02", {"status": "held"})
    ours = new_meeting(ops, steering, "2027-04-01", {"status": "held"})
    settle()
    assert [is_meeting_of(ops.conn, m, "steering") for m in (theirs, designs, ours)] == [
        False,
        False,
        True,
    ]
    for meeting in (theirs, designs):
        record_decision(ops, meeting, "ערוצים", "channels", payload={"channels": ["urban"]})
    assert chosen_channels(ops.conn) == set()
    record_decision(ops, ours, "ערוצים", "channels", payload={"channels": ["social"]})
    assert chosen_channels(ops.conn) == {"social"}
