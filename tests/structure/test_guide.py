"""The set-up guide: the seed's steps, in order, each ticked from what the file holds."""

from __future__ import annotations

import json

from kehila_desktop.core.structure import areas, edits, guide


def done(conn):
    return {s.key: s.done for s in guide.steps(conn, "en")}


def body(conn, kind, channel=None):
    sql = "SELECT id FROM body WHERE kind=? AND deleted=0"
    args = [kind]
    if channel:
        sql += " AND channel_key=?"
        args.append(channel)
    return conn.execute(sql, args).fetchone()[0]


def person(ops, name, sector):
    return ops.insert("person", {"name": name, "sector": sector})


def join(ops, pid, body_id, **values):
    return ops.insert(
        "membership", {"person_id": pid, "body_id": body_id, "status": "joined", **values}
    )


def test_an_empty_program_has_nothing_ticked_in_the_seeds_order(ops):
    got = guide.steps(ops.conn, "en")
    assert [s.key for s in got] == [
        "steering",
        "scope",
        "focus",
        "channels",
        "work_teams",
        "mapping",
        "composition",
        "invitations",
        "open_call",
        "first_meeting",
    ]
    assert not any(s.done for s in got)
    assert all(s.title and s.detail and s.target[0] for s in got)
    assert not guide.is_set_up(ops.conn)
    he = guide.steps(ops.conn, "he")
    assert all(a.title != b.title for a, b in zip(got, he))  # translated


def test_following_the_steps_ticks_each_one(ops):
    conn = ops.conn
    steering, design = body(conn, "steering"), body(conn, "design")
    mayor = person(ops, "ראש הרשות", "authority")
    join(ops, mayor, steering, role="chair")
    assert not done(conn)["steering"]
    ops.update("body", steering, {"chair_person_id": mayor})
    assert done(conn)["steering"]
    pid = conn.execute("SELECT id FROM program").fetchone()[0]
    ops.update("program", pid, {"scope": "כל העיר"})
    assert not done(conn)["scope"]
    ops.update("program", pid, {"start_date": "2027-01-01"})
    assert done(conn)["scope"]
    a = areas.add_area(ops, "נווה שאנן")
    assert not done(conn)["focus"]
    areas.set_in_focus(ops, a, True)
    assert done(conn)["focus"]
    edits.set_chosen_channels(ops, ["social"])
    assert not done(conn)["channels"]
    edits.set_chosen_channels(ops, ["social", "urban", "economic", "educational"])
    assert not done(conn)["channels"]
    edits.set_chosen_channels(ops, ["social", "urban"])
    assert done(conn)["channels"]
    social, urban = body(conn, "work_team", "social"), body(conn, "work_team", "urban")
    join(ops, person(ops, 'עו"ס', "authority"), social)
    join(ops, person(ops, "תושבת", "resident"), social)
    join(ops, person(ops, "מתכנן", "business"), urban)
    step = {s.key: s for s in guide.steps(conn, "en")}["work_teams"]
    assert not step.done and step.target == ("people", "body", urban)
    join(ops, person(ops, "נציג שכונה", "neighborhood"), urban)
    assert done(conn)["work_teams"]
    candidate = person(ops, "מועמדת", "community")
    m = join(ops, candidate, design, status="mapped")
    assert done(conn)["mapping"] and not done(conn)["composition"]
    meeting = ops.insert("meeting", {"body_id": steering, "starts_at": "2027-02-01T10:00"})
    dec = ops.insert(
        "decision",
        {"meeting_id": meeting, "kind": "composition", "payload": json.dumps({"approve": [m]})},
    )
    step = {s.key: s for s in guide.steps(conn, "en")}["composition"]
    assert step.done and step.target == ("meetings", "decision", dec)
    edits.apply_decision(ops, dec)
    step = {s.key: s for s in guide.steps(conn, "en")}["invitations"]
    assert not step.done and step.target == ("print", "role-letter", design)
    ops.update("membership", m, {"status": "invited"})
    assert done(conn)["invitations"] and not done(conn)["open_call"]
    join(
        ops, person(ops, "תושב מההזמנה", "resident"), design, status="proposed", source="open_call"
    )
    assert done(conn)["open_call"] and not done(conn)["first_meeting"]
    ops.insert("meeting", {"body_id": design, "starts_at": "2027-03-01T17:30"})
    assert guide.is_set_up(conn)


def test_the_sample_program_is_set_up(sample_file):
    from kehila_desktop.core.file.programfile import open_program

    with open_program(sample_file, read_only=True) as pf:
        assert [s.key for s in guide.steps(pf.conn) if not s.done] == []


def test_the_design_committee_steps_count_its_pipeline(ops):
    conn = ops.conn
    design = body(conn, "design")
    statuses = ["mapped", "proposed", "approved", "approved", "invited", "joined", "declined"]
    for n, status in enumerate(statuses):
        pid = person(ops, f"שותף {n}", "resident")
        source = "open_call" if n % 3 == 0 else "mapping"
        ops.insert(
            "membership", {"person_id": pid, "body_id": design, "status": status, "source": source}
        )
    gone = person(ops, "נמחק", "resident")
    ops.insert("membership", {"person_id": gone, "body_id": design, "status": "joined"})
    ops.delete("person", gone)
    details = {s.key: s.detail for s in guide.steps(conn, "en")}
    assert "candidates for the design committee: 6." in details["mapping"]  # not declined
    assert "members approved: 5." in details["composition"]  # approved, invited, joined
    assert details["invitations"] == (
        "Invited: 3; approved and still waiting for an invitation: 2."
    )
    assert details["open_call"].startswith("People who came through the open invitation: 3 ")
