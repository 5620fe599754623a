"""Several people or memberships at once, through the public API: adding a batch to a body is
one step (one undo) that reports who was already there instead of refusing the batch; the
next pipeline step of several memberships is one step too."""

from __future__ import annotations

import pytest

from kehila_desktop import api

import test_approval as approval_tests  # this folder is on the path (no package)


english, program = approval_tests.english, approval_tests.program  # the same fixtures


def _people(program, n):
    return [program.add_person(f"Partner {i:02}", sector="resident") for i in range(n)]


def _in(program, body):
    return sorted(m["person"] for m in program.memberships(body))


def test_adding_twenty_people_at_once_is_one_step_and_names_those_already_there(program):
    design = program.body_ids("design")[0]
    people = _people(program, 20)
    for pid in people[:3]:
        program.add_membership(pid, design, status="proposed")
    done = program.add_memberships(people, design, status="mapped")
    assert len(done["added"]) == 17
    assert done["already"] == ["Partner 00", "Partner 01", "Partner 02"]
    assert done["report"] == (
        "17 people added to design committee. 3 were already in design committee."
    )
    assert _in(program, design) == [f"Partner {i:02}" for i in range(20)]
    statuses = {m["person"]: m["status"] for m in program.memberships(design)}
    assert statuses["Partner 00"] == "proposed"  # the ones already there are left as they were
    assert statuses["Partner 19"] == "mapped"
    program.undo()  # one undo takes the whole batch away
    assert _in(program, design) == ["Partner 00", "Partner 01", "Partner 02"]


def test_the_report_counts_in_the_plural_forms_of_each_language(program):
    design = program.body_ids("design")[0]
    a, b = _people(program, 2)
    program.add_membership(a, design)
    assert program.add_memberships([a, b], design)["report"] == (
        "1 person added to design committee. 1 was already in design committee."
    )
    api.set_language("he")
    c, d, e = _people(program, 3)
    report = program.add_memberships([c, d, e], design)["report"]
    assert report.startswith("3 אנשים נוספו") and "{" not in report
    api.set_language("ar")
    report = program.add_memberships([a, b], design)["report"]
    assert "شخصان" in report and "{" not in report


def test_a_batch_with_the_chair_role_or_no_one_is_refused_and_changes_nothing(program):
    steering = program.body_ids("steering")[0]
    people = _people(program, 2)
    with pytest.raises(api.InvalidEdit, match="one chair"):
        program.add_memberships(people, steering, role="chair")
    with pytest.raises(api.InvalidEdit):
        program.add_memberships([], steering)
    with pytest.raises(api.InvalidEdit, match="steering committee"):
        program.add_memberships(people, program.body_ids("design")[0], status="approved")
    assert program.memberships(steering) == []
