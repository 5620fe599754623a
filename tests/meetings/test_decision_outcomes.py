"""Decision outcomes and votes, corrections, action items followed up, the meeting clock, and
the work-plan approval dated by its meeting: the rules of the core, without Qt."""

from __future__ import annotations

from datetime import datetime, timedelta, UTC

import pytest

from kehila_desktop.core.errors import InvalidEdit
from kehila_desktop.core.meetings import clock as mclock
from kehila_desktop.core.meetings import records as mt

from .helpers import add_meeting, add_members, body_id


def _chosen(ops):
    return {k for (k,) in ops.conn.execute("SELECT key FROM channel WHERE chosen=1")}


def _steering_meeting(ops, members=4, present=3):
    steering = body_id(ops, "steering")
    people = add_members(ops, steering, [f"חבר {n}" for n in range(members)])
    meeting = add_meeting(ops, steering, "2026-01-04T10:00", status="held")
    for person in people[:present]:
        mt.set_attendance(ops, meeting, person, "present")
    return meeting, people


def test_a_steering_decision_by_consensus_applies_what_it_decides(ops):
    meeting, _people = _steering_meeting(ops)
    mt.record_decision(
        ops,
        meeting,
        "האפיקים: חברתי",
        "channels",
        payload={"channels": ["social"]},
        outcome="passed_consensus",
    )
    assert _chosen(ops) == {"social"}
    decision = mt.decisions(ops.conn, meeting)[0]
    assert (decision["outcome"], decision["votes_for"]) == ("passed_consensus", 0)


def test_rejected_and_deferred_decisions_change_nothing_until_corrected(ops):
    meeting, _people = _steering_meeting(ops)
    first = mt.record_decision(
        ops,
        meeting,
        "אפיק אורבני",
        "channels",
        votes=(1, 2, 0),
        payload={"channels": ["urban"]},
        outcome="rejected",
    )
    mt.record_decision(
        ops,
        meeting,
        "אפיק חינוכי",
        "channels",
        outcome="deferred",
        payload={"channels": ["educational"]},
    )
    assert _chosen(ops) == set()
    mt.correct_decision(ops, first, outcome="passed_vote", votes=(2, 1, 0))
    assert _chosen(ops) == {"urban"}
    ops.undo()
    assert _chosen(ops) == set() and mt.decisions(ops.conn, meeting)[0]["outcome"] == "rejected"


def test_votes_cannot_exceed_the_members_present(ops):
    meeting, _people = _steering_meeting(ops, members=4, present=3)
    before = ops.conn.execute("SELECT count(*) FROM decision").fetchone()[0]
    with pytest.raises(InvalidEdit) as error:
        mt.record_decision(ops, meeting, "תקציב", "budget", votes=(40, 0, 0))
    assert error.value.text() == (
        "40 votes were counted but only 3 members are present; correct the votes or the check-in."
    )
    assert ops.conn.execute("SELECT count(*) FROM decision").fetchone()[0] == before
    with pytest.raises(InvalidEdit):
        mt.record_decision(ops, meeting, "x", votes=(1, 1, 0), outcome="passed_vote")
    with pytest.raises(InvalidEdit):
        mt.record_decision(ops, meeting, "x", outcome="won")
    decision = mt.record_decision(ops, meeting, "x", votes=(2, 1, 0))
    assert mt.decisions(ops.conn, meeting)[-1]["outcome"] == "passed_vote"
    with pytest.raises(InvalidEdit):
        mt.correct_decision(ops, decision, votes=(3, 1, 0))
    mt.remove_decision(ops, decision)
    assert [d["id"] for d in mt.decisions(ops.conn, meeting)] == []


def test_open_action_items_are_followed_up_at_the_next_meeting_of_the_body(ops):
    design = body_id(ops, "design")
    first = add_meeting(ops, design, "2027-01-05T17:30", status="held")
    second = add_meeting(ops, design, "2027-02-02T17:30")
    other = add_meeting(ops, body_id(ops, "steering"), "2027-01-20T10:00")
    a = mt.add_action_item(ops, first, "לשלוח סיכום")
    b = mt.add_action_item(ops, first, "להזמין מרצה")
    mt.add_action_item(ops, other, "של ועדה אחרת")
    assert [i["id"] for i in mt.follow_up_items(ops.conn, second)] == [a, b]
    assert mt.follow_up_items(ops.conn, first) == []
    mt.set_action_item_status(ops, a, "done", second)
    items = {i["id"]: i for i in mt.follow_up_items(ops.conn, second)}
    assert items[a]["done_here"] and not items[b]["done_here"]
    later = add_meeting(ops, design, "2027-03-02T17:30")
    assert [i["id"] for i in mt.follow_up_items(ops.conn, later)] == [b]  # b carried on
    mt.remove_action_item(ops, b)
    assert mt.follow_up_items(ops.conn, later) == []


def test_the_clock_is_kept_in_the_file_and_runs_on_while_nobody_looks(ops):
    meeting = add_meeting(ops, body_id(ops, "design"), "2027-01-05T17:30", minutes=150)
    items = [mt.add_agenda_item(ops, meeting, t, minutes=20) for t in ("א", "ב")]
    t0 = datetime(2027, 1, 5, 15, 40, tzinfo=UTC)
    assert not mclock.clock_of(ops.conn, meeting, t0).started
    mclock.start_meeting(ops, meeting, items[0], now=t0)
    with pytest.raises(InvalidEdit):
        mclock.start_meeting(ops, meeting, items[0], now=t0)
    state = mclock.clock_of(ops.conn, meeting, t0 + timedelta(minutes=7))
    assert (state.elapsed, state.spent, state.running) == (420, {items[0]: 420}, True)
    state.item_id = items[1]
    mclock.keep_clock(ops, meeting, state, now=t0 + timedelta(minutes=7))
    assert not ops.can_undo or ops.undo_label != "meeting clock"  # not an undo step
    state = mclock.clock_of(ops.conn, meeting, t0 + timedelta(minutes=10))
    assert state.spent == {items[0]: 420, items[1]: 180} and state.elapsed == 600
    state.running = False
    mclock.keep_clock(ops, meeting, state, now=t0 + timedelta(minutes=10))
    paused = mclock.clock_of(ops.conn, meeting, t0 + timedelta(hours=3))
    assert paused.elapsed == 600 and not paused.running
    assert mclock.late_from(ops.conn, meeting)[11:16] == (
        t0.astimezone() + timedelta(minutes=10)
    ).strftime("%H:%M")


def test_work_plan_approval_takes_outcome_and_votes_and_is_dated_by_its_meeting(ops):
    from kehila_desktop.core.workplan import budget as wb

    steering = body_id(ops, "steering")
    channel = ops.conn.execute("SELECT id FROM channel WHERE key='social'").fetchone()[0]
    future = add_meeting(ops, steering, "2099-01-01T10:00")
    with pytest.raises(InvalidEdit) as error:
        wb.approve_plan(ops, channel, meeting_id=future)
    assert "has not taken place" in error.value.text()
    past = add_meeting(ops, steering, "2026-01-10T10:00", status="held")
    with pytest.raises(InvalidEdit):
        wb.approve_plan(ops, channel, meeting_id=past, outcome="rejected")
    wb.approve_plan(ops, channel, meeting_id=past, outcome="passed_vote", votes=(5, 1, 1))
    row = ops.conn.execute(
        "SELECT pa.approved_at, d.outcome, d.votes_for, d.votes_against, "
        "d.votes_abstain FROM plan_approval pa JOIN decision d ON "
        "d.id=pa.decision_id"
    ).fetchone()
    assert tuple(row) == ("2026-01-10", "passed_vote", 5, 1, 1)
    # the default meeting is the latest that has taken place, not the planned one of 2099
    other = ops.conn.execute("SELECT id FROM channel WHERE key='urban'").fetchone()[0]
    wb.approve_plan(ops, other)
    assert (
        ops.conn.execute(
            "SELECT d.meeting_id FROM plan_approval pa JOIN decision d ON "
            "d.id=pa.decision_id WHERE pa.channel_id=?",
            (other,),
        ).fetchone()[0]
        == past
    )


def test_the_minutes_print_each_followed_up_item_with_its_meeting_and_status(ops, tmp_path):
    import pdfplumber

    from kehila_desktop.printing import build

    design = body_id(ops, "design")
    first = add_meeting(ops, design, "2027-01-05T17:30", status="held")
    second = add_meeting(ops, design, "2027-02-02T17:30", status="held")
    done = mt.add_action_item(ops, first, "Send the summary")
    mt.add_action_item(ops, first, "Invite a speaker")
    mt.set_action_item_status(ops, done, "done", second)
    out = tmp_path / "minutes.pdf"
    build("minutes", ops.pf, out, language="en", meeting=second)
    with pdfplumber.open(out) as pdf:
        lines = "\n".join(p.extract_text() or "" for p in pdf.pages).splitlines()
    done_row = next(line for line in lines if "Send the summary" in line)
    carried_row = next(line for line in lines if "Invite a speaker" in line)
    # the meeting each came from, and its status (not "from the meeting of" as the status)
    assert "05/01/2027" in done_row and done_row.rstrip().endswith("Done"), done_row
    assert "05/01/2027" in carried_row and carried_row.rstrip().endswith("Open"), carried_row
