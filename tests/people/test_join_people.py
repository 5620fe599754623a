"""Joining two records of one person (a likely duplicate) through the public API: everything
that pointed at the dropped record points at the kept one, the program's rules still hold,
nothing filled is overwritten, and one Undo brings both records back."""

from __future__ import annotations

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
    with api.create(tmp_path / "p.kehila", name="P", locality="L") as handle:
        yield handle


def _q(program, sql, *params):
    return program._conn.execute(sql, params).fetchall()


def _twins(program):
    """Dana twice: once from the mapping (in two bodies), once from an imported sheet."""
    keep = program.add_person("Dana Levi", sector="authority", phone="050-1234567")
    drop = program.add_person(
        "Dana  Levi", sector="resident", organisation="Municipality", email="dana@example.org"
    )
    return keep, drop


def test_joining_moves_every_reference_and_deletes_the_other_record(program):
    keep, drop = _twins(program)
    steering = program.body_ids("steering")[0]
    design = program.body_ids("design")[0]
    ops = program._ops
    program.add_membership(keep, design, status="proposed")
    program.add_membership(drop, design, status="joined")  # further along: this one stays
    program.add_membership(drop, steering, status="invited")
    program.set_chair(steering, drop)
    with ops.step("set up"):
        meeting = ops.insert("meeting", {"body_id": design, "starts_at": "2026-05-04T18:00"})
        other = ops.insert("meeting", {"body_id": design, "starts_at": "2026-06-01T18:00"})
        ops.insert("attendance", {"meeting_id": meeting, "person_id": keep, "status": "absent"})
        ops.insert("attendance", {"meeting_id": meeting, "person_id": drop, "status": "late"})
        ops.insert("attendance", {"meeting_id": other, "person_id": drop, "status": "present"})
        item = ops.insert("action_item", {"meeting_id": meeting, "owner_person_id": drop})
        channel = _q(program, "SELECT id FROM channel LIMIT 1")[0][0]
        goal = ops.insert("goal", {"channel_id": channel, "title": "g"})
        objective = ops.insert("objective", {"goal_id": goal, "title": "o"})
        action = ops.insert("action", {"objective_id": objective, "owner_person_id": drop})

    program.join_people(keep, drop)

    assert _q(program, "SELECT deleted FROM person WHERE id=?", drop) == [(1,)]
    live = "SELECT {} FROM {} WHERE deleted=0 AND {}=? ORDER BY 1"
    assert _q(program, live.format("body_id, status", "membership", "person_id"), keep) == sorted(
        [(design, "joined"), (steering, "invited")]
    )
    assert program.chair(steering) == keep
    assert [m["role"] for m in program.memberships(steering) if m["person_id"] == keep] == ["chair"]
    assert _q(program, live.format("meeting_id, status", "attendance", "person_id"), keep) == (
        sorted([(meeting, "late"), (other, "present")])
    )
    assert _q(program, "SELECT owner_person_id FROM action_item WHERE id=?", item) == [(keep,)]
    assert _q(program, "SELECT owner_person_id FROM action WHERE id=?", action) == [(keep,)]
    for table, column in (
        ("membership", "person_id"),
        ("attendance", "person_id"),
        ("action_item", "owner_person_id"),
        ("action", "owner_person_id"),
        ("body", "chair_person_id"),
    ):
        assert _q(program, live.format("id", table, column), drop) == [], table


def test_empty_fields_are_filled_and_filled_ones_kept(program):
    keep, drop = _twins(program)
    program.update_person(drop, notes="met at the fair", title="coordinator")
    program.join_people(keep, drop)
    row = _q(
        program,
        "SELECT name, sector, organisation, notes, title, phone, email FROM person WHERE id=?",
        keep,
    )[0]
    # name and sector were filled: kept; organisation, notes, title were empty: filled;
    # no consent on either record: the other's e-mail is not copied
    assert row == (
        "Dana Levi",
        "authority",
        "Municipality",
        "met at the fair",
        "coordinator",
        "050-1234567",
        "",
    )


def test_contacts_are_copied_only_when_both_records_consent(program):
    keep, drop = _twins(program)
    program.update_person(keep, contact_consent=True)
    program.update_person(drop, contact_consent=True)
    program.join_people(keep, drop)
    assert _q(program, "SELECT phone, email FROM person WHERE id=?", keep) == [
        ("050-1234567", "dana@example.org")
    ]


def test_one_undo_brings_both_records_back(program):
    keep, drop = _twins(program)
    design = program.body_ids("design")[0]
    program.add_membership(drop, design, status="joined")
    before = (
        _q(program, "SELECT * FROM membership ORDER BY id"),
        _q(program, "SELECT * FROM person ORDER BY id"),
    )
    program.join_people(keep, drop)
    assert program._ops.undo_label == "join Dana Levi with Dana  Levi"
    assert program.undo() == "join Dana Levi with Dana  Levi"
    after = (
        _q(program, "SELECT * FROM membership ORDER BY id"),
        _q(program, "SELECT * FROM person ORDER BY id"),
    )
    assert after == before


@pytest.mark.parametrize(
    "which, sentence",
    [
        ("same", "A person cannot be joined with themselves; choose another person."),
        ("unknown", "There is no such person."),
        ("deleted", "There is no such person."),
    ],
)
def test_refusals_are_one_sentence_and_change_nothing(program, which, sentence):
    keep, drop = _twins(program)
    if which == "deleted":
        program.delete_person(drop)
    other = {"same": keep, "unknown": "no-such-id", "deleted": drop}[which]
    before = _q(program, "SELECT count(*) FROM change")
    with pytest.raises(api.InvalidEdit) as refused:
        program.join_people(keep, other)
    assert str(refused.value) == sentence
    assert _q(program, "SELECT count(*) FROM change") == before
