"""Composition decided by the steering committee, through the public API: "approved" is reached
only by a passed steering decision on the composition naming the membership; the pipeline
step attaches to such a decision or puts candidates forward to the next steering meeting;
each membership shows the decision that approved it; the guide ticks from it."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from kehila_desktop import api
from kehila_desktop.core import i18n


@pytest.fixture(autouse=True)
def english():
    before = i18n.language()
    api.set_language("en")
    yield
    i18n.set_language(before)


@pytest.fixture
def program(tmp_path):
    with api.create(tmp_path / "town.kehila", name="Kehila Metiva", locality="Lod") as p:
        yield p


def _status(program, body, mid):
    return next(m["status"] for m in program.memberships(body) if m["id"] == mid)


def _soon(days=14):
    return (date.today() + timedelta(days=days)).isoformat()


def test_a_direct_move_to_approved_is_refused_with_one_sentence_that_says_how(program):
    design = program.body_ids("design")[0]
    pid = program.add_person("Rana Nassar", sector="resident")
    mid = program.add_membership(pid, design, status="proposed")
    with pytest.raises(api.InvalidEdit) as refusal:
        program.update_membership(mid, status="approved")
    assert "steering committee" in str(refusal.value) and "composition" in str(refusal.value)
    assert _status(program, design, mid) == "proposed"
    other = program.add_person("Yael Cohen", sector="academia")
    with pytest.raises(api.InvalidEdit):
        program.add_membership(other, design, status="approved")
    assert [m["person"] for m in program.memberships(design)] == ["Rana Nassar"]


def test_a_passed_composition_decision_approves_whom_it_names_and_shows_where(program):
    design, steering = program.body_ids("design")[0], program.body_ids("steering")[0]
    a = program.add_membership(program.add_person("A", sector="resident"), design)
    b = program.add_membership(program.add_person("B", sector="business"), design)
    meeting = program.new_meeting(steering, "2027-02-01")
    program.record_decision(meeting, "Budget", "budget")
    dec = program.decide_composition(meeting, [a], "The composition", outcome="passed_consensus")
    assert _status(program, design, a) == "approved"
    assert _status(program, design, b) == "mapped"
    assert program.approvals() == {
        a: {"decision_id": dec, "meeting_id": meeting, "date": "2027-02-01", "number": 2}
    }
    # a rejected one approves nobody
    program.decide_composition(meeting, [b], "Second try", outcome="rejected")
    assert _status(program, design, b) == "mapped"
    assert b not in program.approvals()
    # the pipeline step then attaches B to the passed decision: one undo step
    program.attach_to_decision(dec, [b])
    assert _status(program, design, b) == "approved"
    assert program.approvals()[b]["decision_id"] == dec
    program.undo()
    assert _status(program, design, b) == "mapped" and b not in program.approvals()
    assert _status(program, design, a) == "approved"


def test_attaching_is_refused_to_anything_but_a_passed_composition_decision(program):
    design, steering = program.body_ids("design")[0], program.body_ids("steering")[0]
    a = program.add_membership(program.add_person("A", sector="resident"), design)
    meeting = program.new_meeting(steering, "2027-02-01")
    budget = program.record_decision(meeting, "Budget", "budget")
    with pytest.raises(api.InvalidEdit):
        program.attach_to_decision(budget, [a])
    dec = program.decide_composition(meeting, [a], outcome="passed_consensus")
    with pytest.raises(api.InvalidEdit):  # already approved: nothing to approve again
        program.attach_to_decision(dec, [a])
    team = program.add_membership(
        program.add_person("T", sector="resident"), program.body_ids("steering")[0]
    )
    with pytest.raises(api.InvalidEdit):  # the composition is the design committee's
        program.attach_to_decision(dec, [team])


def test_put_forward_lists_candidates_on_the_next_steering_meetings_agenda(program, tmp_path):
    design, steering = program.body_ids("design")[0], program.body_ids("steering")[0]
    a = program.add_membership(program.add_person("Rana", sector="resident"), design)
    b = program.add_membership(program.add_person("Omer", sector="academia"), design)
    with pytest.raises(api.InvalidEdit) as refusal:  # no steering meeting scheduled
        program.put_forward([a])
    assert "schedule" in str(refusal.value)
    program.new_meeting(steering, _soon(40))
    nearer = program.new_meeting(steering, _soon(10))
    item = program.put_forward([a])
    again = program.put_forward([b, a])  # the same item, extended
    assert item == again
    assert _status(program, design, a) == "proposed" == _status(program, design, b)
    conn = program._conn
    assert conn.execute(
        "SELECT meeting_id, title, notes FROM agenda_item WHERE deleted=0"
    ).fetchall() == [(nearer, "Composition of the design committee", "Rana\nOmer")]
    # the room decides there: both approved
    program.decide_composition(nearer, [a, b], outcome="passed_consensus")
    assert _status(program, design, a) == "approved" == _status(program, design, b)


def test_the_guide_ticks_from_a_passed_composition_decision_only(program):
    design, steering = program.body_ids("design")[0], program.body_ids("steering")[0]
    a = program.add_membership(program.add_person("A", sector="resident"), design)
    meeting = program.new_meeting(steering, "2027-02-01")

    def ticked():
        return {s["key"]: s["done"] for s in program.setup_guide()}["composition"]

    program.decide_composition(meeting, [a], outcome="deferred")
    assert not ticked()
    program.decide_composition(meeting, [a], outcome="passed_consensus")
    assert ticked()


def test_outside_the_design_committee_next_step_skips_the_steering_approval(tmp_path):
    from kehila_desktop.core.structure import memberships

    with api.create(tmp_path / "t.kehila") as program:
        steering = program.body_ids("steering")[0]
        mid = program.add_membership(
            program.add_person("A", sector="authority"), steering, status="proposed"
        )
        assert program._run(memberships.advance_membership, mid) == "invited"
        design = program.body_ids("design")[0]
        cand = program.add_membership(
            program.add_person("B", sector="resident"), design, status="proposed"
        )
        with pytest.raises(api.InvalidEdit):
            program._run(memberships.advance_membership, cand)


def test_the_guides_composition_step_opens_the_next_steering_meeting_not_a_past_one(program):
    from kehila_desktop.core.structure import guide

    steering = program.body_ids("steering")[0]
    program.new_meeting(steering, "2020-01-05")  # held long ago
    upcoming = program.new_meeting(steering, _soon(20))
    program.new_meeting(steering, _soon(60))  # the one after
    step = {s.key: s for s in guide.steps(program._conn, "en")}["composition"]
    assert step.target == ("meetings", "meeting", upcoming)
