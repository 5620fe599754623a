"""The meetings health rules judge *the* steering committee and *the* program team: the first
live body of the kind. A deleted one, or a second one, neither satisfies nor doubles a finding."""

from __future__ import annotations

from datetime import date

from kehila_desktop.core.health import findings
from kehila_desktop.core.meetings import records as mt
from kehila_desktop.core.meetings import rules

from .helpers import add_meeting, body_id


def _found(ops, code):
    return [f for f in findings(ops.conn, "en") if f.code == code]


def _add_body(ops, kind: str, name: str, position: float) -> str:
    return ops.insert("body", {"kind": kind, "name": name, "position": position})


def _decide_channels(ops, body: str) -> None:
    m = add_meeting(ops, body, "2027-04-05T10:00", status="held")
    mt.record_decision(ops, m, "ערוצים", "channels", votes=(4, 0, 0), payload={"channels": []})


def test_a_deleted_steering_committees_decisions_do_not_count(ops):
    old = body_id(ops, "steering")
    _decide_channels(ops, old)
    ops.delete("body", old)
    new = _add_body(ops, "steering", "ועדת היגוי חדשה", 0)
    (missing,) = _found(ops, "meetings.steering_decisions_missing")
    assert missing.target == ("meetings", "body", new)
    assert "channels" in missing.details["missing"]


def test_a_second_steering_committees_decisions_do_not_count(ops):
    first = body_id(ops, "steering")
    second = _add_body(ops, "steering", "ועדת היגוי שנייה", 10)
    _decide_channels(ops, second)
    (missing,) = _found(ops, "meetings.steering_decisions_missing")
    assert missing.target == ("meetings", "body", first)
    assert "channels" in missing.details["missing"]
    _decide_channels(ops, first)
    (missing,) = _found(ops, "meetings.steering_decisions_missing")
    assert "channels" not in missing.details["missing"]


def _plan_team_days(ops, team: str) -> None:
    ops.insert("meeting", {"body_id": team, "starts_at": "2027-08-01T09:00", "kind": "training"})
    ops.insert("meeting", {"body_id": team, "starts_at": "2027-09-01T09:00", "kind": "team_day"})


def _not_planned(ops) -> list[tuple[str, str]]:
    return sorted(
        (f.code, f.target[2])
        for f in findings(ops.conn, "en")
        if f.code in ("meetings.training_not_planned", "meetings.team_day_not_planned")
    )


def test_a_deleted_program_teams_trainings_do_not_count(ops, monkeypatch):
    monkeypatch.setattr(rules, "today", lambda: date(2027, 7, 15))
    old = body_id(ops, "program_team")
    _plan_team_days(ops, old)
    ops.delete("body", old)
    new = _add_body(ops, "program_team", "צוות התוכנית החדש", -1)  # first in the order
    assert _not_planned(ops) == [
        ("meetings.team_day_not_planned", new),
        ("meetings.training_not_planned", new),
    ]


def test_two_program_teams_the_first_is_judged_once(ops, monkeypatch):
    monkeypatch.setattr(rules, "today", lambda: date(2027, 7, 15))
    first = body_id(ops, "program_team")
    second = _add_body(ops, "program_team", "צוות תוכנית שני", -1)  # first in the order
    _plan_team_days(ops, first)
    assert _not_planned(ops) == [
        ("meetings.team_day_not_planned", second),
        ("meetings.training_not_planned", second),
    ]
    _plan_team_days(ops, second)
    assert _not_planned(ops) == []
