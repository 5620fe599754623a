"""The program team's trainings and team days: their cadences, the schedule generator, the
sample, and the finding that none is planned."""

from __future__ import annotations

from datetime import date

import pytest

from kehila_desktop.core.errors import InvalidEdit
from kehila_desktop.core.health import findings
from kehila_desktop.core.history.operations import Operations
from kehila_desktop.core.file.programfile import open_program
from kehila_desktop.core.meetings import rules, schedule
from kehila_desktop.core.structure.edits import edit_body

from .helpers import add_meeting, body_id, set_start


def _meetings(ops, body, kind):
    return [
        (r[0], r[1])
        for r in ops.conn.execute(
            "SELECT starts_at, minutes FROM meeting WHERE body_id=? AND kind=? AND deleted=0 "
            "ORDER BY starts_at",
            (body, kind),
        )
    ]


def test_trainings_monthly_and_team_days_quarterly_beside_the_regular_meetings(ops):
    set_start(ops, "2027-01-01")
    team = body_id(ops, "program_team")  # regular: every two weeks, Sunday 09:00
    schedule.generate(ops, team, date(2027, 1, 1), date(2027, 12, 31))
    regular = _meetings(ops, team, "regular")
    schedule.generate(ops, team, date(2027, 1, 1), date(2027, 12, 31), kind="training")
    schedule.generate(ops, team, date(2027, 1, 1), date(2027, 12, 31), kind="team_day")
    trainings = _meetings(ops, team, "training")
    team_days = _meetings(ops, team, "team_day")
    assert [date.fromisoformat(s[:10]).month for s, _ in trainings] == list(range(1, 13))
    assert [date.fromisoformat(s[:10]).month for s, _ in team_days] == [1, 4, 7, 10]
    assert {m for _, m in trainings} == {schedule.TRAINING_MINUTES}
    assert {s[11:] for s, _ in team_days} == {"09:00"}
    # clear of the team's regular meetings: never on the same day
    regular_days = {s[:10] for s, _ in regular}
    assert not regular_days & {s[:10] for s, _ in trainings + team_days}
    assert {s[11:] for s, _ in trainings} == {"13:00"}
    assert {m for _, m in team_days} == {schedule.TEAM_DAY_MINUTES}
    # the regular meetings are neither covered nor removed by the others, nor the other way
    assert _meetings(ops, team, "regular") == regular
    again = schedule.plan_schedule(ops.conn, team, date(2027, 1, 1), date(2027, 12, 31))
    assert not again.to_add and not again.remove
    training_again = schedule.plan_schedule(
        ops.conn, team, date(2027, 1, 1), date(2027, 12, 31), kind="training"
    )
    assert not training_again.to_add and not training_again.remove


def test_the_cadences_are_edited_and_none_removes_the_untouched_plan(ops):
    set_start(ops, "2027-01-01")
    team = body_id(ops, "program_team")
    edit_body(ops, team, {"training_cadence": "quarterly"})
    schedule.generate(ops, team, date(2027, 1, 1), date(2027, 12, 31), kind="training")
    assert len(_meetings(ops, team, "training")) == 4
    edit_body(ops, team, {"training_cadence": ""})
    plan = schedule.plan_schedule(
        ops.conn, team, date(2027, 1, 1), date(2027, 12, 31), kind="training"
    )
    assert not plan.slots and len(plan.remove) == 4
    with pytest.raises(InvalidEdit):
        edit_body(ops, team, {"team_day_cadence": "yearly"})
    assert ops.conn.execute(
        "SELECT training_cadence, team_day_cadence FROM body WHERE id=?", (team,)
    ).fetchone() == ("", "quarterly")


def _codes(conn):
    return {f.code: f for f in findings(conn, "en") if f.code.endswith("_not_planned")}


def test_a_finding_says_when_no_training_or_team_day_is_planned(ops, monkeypatch):
    monkeypatch.setattr(rules, "today", lambda: date(2027, 3, 10))
    set_start(ops, "2027-01-01")
    team = body_id(ops, "program_team")
    found = _codes(ops.conn)
    assert set(found) == {"meetings.training_not_planned", "meetings.team_day_not_planned"}
    assert "no training planned in the coming 3 months (until 10/06/2027)" in (
        found["meetings.training_not_planned"].message
    )
    assert found["meetings.team_day_not_planned"].target == ("meetings", "body", team)
    # a regular meeting is not a training; a training held in the past does not count
    add_meeting(ops, team, "2027-04-04T09:00")
    ops.insert(
        "meeting",
        {"body_id": team, "kind": "training", "starts_at": "2027-02-02T13:00", "status": "held"},
    )
    assert "meetings.training_not_planned" in _codes(ops.conn)
    schedule.generate(ops, team, date(2027, 3, 10), date(2027, 12, 31), kind="training")
    schedule.generate(ops, team, date(2027, 3, 10), date(2027, 12, 31), kind="team_day")
    assert _codes(ops.conn) == {}


def test_the_sample_has_trainings_and_team_days_planned(sample_file):
    with open_program(sample_file) as pf:
        ops = Operations(pf)
        team = body_id(ops, "program_team")
        kinds = dict(
            ops.conn.execute(
                "SELECT kind, count(*) FROM meeting WHERE body_id=? AND deleted=0 GROUP BY kind",
                (team,),
            ).fetchall()
        )
        assert kinds["training"] >= 12 and kinds["team_day"] >= 4
        assert _codes(pf.conn) == {}
