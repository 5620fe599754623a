"""Generating a body's meetings from its cadence, around weekends and Israeli holidays."""

from __future__ import annotations

from datetime import date

from kehila_desktop.core.meetings import schedule
from kehila_desktop.core.meetings.records import add_agenda_item

from .helpers import add_meeting, body_id, set_start


def _dates(ops, body):
    return [
        r[0]
        for r in ops.conn.execute(
            "SELECT starts_at FROM meeting WHERE body_id=? AND deleted=0 ORDER BY starts_at",
            (body,),
        )
    ]


def test_design_committee_meets_monthly_in_year_one_then_quarterly(ops):
    set_start(ops, "2027-01-01")
    design = body_id(ops, "design")  # Tuesday 17:30, 150 minutes
    plan = schedule.generate(ops, design, date(2027, 1, 1), date(2028, 12, 31))
    days = [date.fromisoformat(s[:10]) for s in _dates(ops, design)]
    first_year = [d for d in days if d.year == 2027]
    second_year = [d for d in days if d.year == 2028]
    assert [d.month for d in first_year] == list(range(1, 13))
    assert [d.month for d in second_year] == [1, 4, 7, 10]
    assert all(d.weekday() not in (4, 5) for d in days)
    assert all(m[0] == 150 for m in ops.conn.execute("SELECT minutes FROM meeting"))
    assert len(plan.to_add) == 16


def test_steering_quarterly_on_its_weekday_and_hour(ops):
    set_start(ops, "2027-01-01")
    steering = body_id(ops, "steering")  # Monday 10:00
    schedule.generate(ops, steering, date(2027, 1, 1), date(2027, 12, 31))
    assert _dates(ops, steering) == [
        "2027-01-04T10:00",
        "2027-04-05T10:00",
        "2027-07-05T10:00",
        "2027-10-04T10:00",
    ]


def test_rosh_hashana_2027_moves_the_meeting_and_says_why(ops):
    set_start(ops, "2027-09-19")  # a Sunday
    team = body_id(ops, "program_team")  # every two weeks, Sunday 09:00
    plan = schedule.plan_schedule(
        ops.conn, team, date(2027, 9, 19), date(2027, 10, 31), language="en"
    )
    by_nominal = {s.nominal.isoformat(): s for s in plan.slots}
    rosh = by_nominal["2027-10-03"]  # second day of Rosh Hashana
    assert rosh.day == date(2027, 10, 4) and rosh.starts_at == "2027-10-04T09:00"
    assert rosh.note == "Moved from 03/10/2027 because of Rosh Hashanah."
    assert not by_nominal["2027-09-19"].moved


def test_yom_kippur_and_holiday_eve_with_hebrew_note(ops):
    set_start(ops, "2027-10-10")
    steering = body_id(ops, "steering")  # Monday 10:00 → Yom Kippur 2027-10-11
    schedule.generate(ops, steering, date(2027, 10, 10), date(2027, 12, 31))
    starts, note = ops.conn.execute(
        "SELECT starts_at, schedule_note FROM meeting WHERE body_id=?", (steering,)
    ).fetchone()
    assert starts == "2027-10-12T10:00"
    assert "יום כיפור" in note and "11/10/2027" in note
    # An evening meeting avoids the eve of Pesach, Pesach itself and the weekend after it.
    day, why = schedule.place_on_free_day(date(2027, 4, 21), 17, "en")
    assert day == date(2027, 4, 25)
    assert why == ("Moved from 21/04/2027 because of the eve of Pesach, Pesach, Friday, Saturday.")
    # … but a morning meeting on the eve is fine.
    assert schedule.place_on_free_day(date(2027, 4, 21), 9, "en") == (date(2027, 4, 21), "")


def test_regenerating_keeps_held_and_edited_meetings_and_is_one_undo_step(ops):
    set_start(ops, "2027-01-01")
    design = body_id(ops, "design")
    schedule.generate(ops, design, date(2027, 1, 1), date(2027, 6, 30))
    ids = [
        r[0]
        for r in ops.conn.execute(
            "SELECT id FROM meeting WHERE body_id=? ORDER BY starts_at", (design,)
        )
    ]
    ops.update("meeting", ids[0], {"status": "held"})
    ops.update("meeting", ids[1], {"starts_at": "2027-02-10T18:00"})  # moved by hand
    add_agenda_item(ops, ids[2], "פתיחה")
    # The rule changes: the committee now meets on Wednesdays.
    ops.update("body", design, {"preferred_weekday": 2})
    plan = schedule.plan_schedule(ops.conn, design, date(2027, 1, 1), date(2027, 6, 30))
    assert [s.action for s in plan.slots] == ["covered", "covered", "covered", "add", "add", "add"]
    assert {m for m, _ in plan.remove} == set(ids[3:])
    schedule.apply_schedule(ops, plan)
    after = _dates(ops, design)
    assert after[:3] == ["2027-01-05T17:30", "2027-02-10T18:00", "2027-03-02T17:30"]
    assert all(date.fromisoformat(s[:10]).weekday() == 2 for s in after[3:])
    assert len(after) == 6
    ops.undo()
    assert len(_dates(ops, design)) == 6 and _dates(ops, design)[3][:10] == "2027-04-06"
    # Running the same plan twice adds nothing.
    again = schedule.plan_schedule(ops.conn, design, date(2027, 1, 1), date(2027, 6, 30))
    ops.update("body", design, {"preferred_weekday": 1})
    again = schedule.plan_schedule(ops.conn, design, date(2027, 1, 1), date(2027, 6, 30))
    assert not again.to_add and not again.remove


def test_a_manual_meeting_outside_the_rule_is_kept(ops):
    set_start(ops, "2027-01-01")
    steering = body_id(ops, "steering")
    extra = add_meeting(ops, steering, "2027-02-15T10:00", status="held")
    plan = schedule.generate(ops, steering, date(2027, 1, 1), date(2027, 6, 30))
    assert extra not in {m for m, _ in plan.remove}
    # The held February meeting covers the first quarter's slot.
    assert plan.slots[0].action == "covered"
    assert _dates(ops, steering) == ["2027-02-15T10:00", "2027-04-05T10:00"]


def test_a_meeting_earlier_in_the_same_quarter_covers_it(ops):
    """Generating from mid-quarter does not add a second steering meeting to that quarter."""
    set_start(ops, "2025-12-01")
    steering = body_id(ops, "steering")
    add_meeting(ops, steering, "2026-09-14T10:00", status="held")
    plan = schedule.plan_schedule(ops.conn, steering, date(2026, 11, 27), date(2027, 6, 30))
    assert plan.slots[0].action == "covered"  # Sep–Nov 2026
    assert [s.starts_at for s in plan.to_add] == [
        "2026-12-07T10:00",
        "2027-03-01T10:00",
        "2027-06-07T10:00",
    ]
