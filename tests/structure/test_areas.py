"""Areas: add, rename, merge (what points at the merged area moves), remove, focus — in the core."""

from __future__ import annotations

import json

import pytest

from kehila_desktop.core.errors import InvalidEdit
from kehila_desktop.core.i18n import tr
from kehila_desktop.core.structure import areas


def live(conn):
    return [(a.name, a.kind, a.in_focus) for a in areas.list_areas(conn)]


def test_add_area_kinds_and_focus(ops):
    a = areas.add_area(ops, "  נווה   שאנן ")
    b = areas.add_area(ops, "רובע ג", kind="quarter", in_focus=True)
    assert live(ops.conn) == [("נווה שאנן", "neighborhood", False), ("רובע ג", "quarter", True)]
    assert a != b
    assert ops.undo_label == tr("add area {name}", name="רובע ג")


@pytest.mark.parametrize(
    "name,kind",
    [
        ("", "neighborhood"),
        ("   ", "area"),
        ("נווה שאנן", "neighborhood"),
        ("נווה  שאנן", "area"),
        ("x", "city"),
    ],
)
def test_add_area_refuses_bad_input_and_changes_nothing(ops, name, kind):
    areas.add_area(ops, "נווה שאנן")
    before = ops.conn.execute("SELECT count(*) FROM change").fetchone()[0]
    with pytest.raises(InvalidEdit) as err:
        areas.add_area(ops, name, kind=kind)
    assert err.value.text(tr)  # one sentence, translated
    assert ops.conn.execute("SELECT count(*) FROM change").fetchone()[0] == before
    assert len(areas.list_areas(ops.conn)) == 1


def test_rename_and_kind_and_focus_are_undoable(ops):
    a = areas.add_area(ops, "שכונה א")
    areas.rename_area(ops, a, "שכונת האלון")
    areas.set_area_kind(ops, a, "area")
    areas.set_in_focus(ops, a, True)
    assert live(ops.conn) == [("שכונת האלון", "area", True)]
    ops.undo()
    ops.undo()
    ops.undo()
    assert live(ops.conn) == [("שכונה א", "neighborhood", False)]
    b = areas.add_area(ops, "ב")
    with pytest.raises(InvalidEdit):
        areas.rename_area(ops, b, "שכונה א")
    areas.rename_area(ops, a, "שכונה א")  # renaming to its own name is fine (nothing changes)


def _person(ops, name, area_id):
    return ops.insert("person", {"name": name, "area_id": area_id})


def _action(ops):
    ch = ops.conn.execute("SELECT id FROM channel LIMIT 1").fetchone()[0]
    goal = ops.insert("goal", {"channel_id": ch, "title": "g"})
    obj = ops.insert("objective", {"goal_id": goal, "title": "o"})
    return ops.insert("action", {"objective_id": obj, "title": "a"})


def test_merge_moves_people_actions_decisions_in_one_undo_step(ops):
    keep = areas.add_area(ops, "מרכז")
    gone = areas.add_area(ops, "מרכז העיר", in_focus=True)
    other = areas.add_area(ops, "צפון")
    p1, p2 = _person(ops, "דנה", gone), _person(ops, "סמיר", gone)
    p3 = _person(ops, "נוי", other)
    act1, act2 = _action(ops), _action(ops)
    ops.insert("action_area", {"action_id": act1, "area_id": gone})
    ops.insert("action_area", {"action_id": act2, "area_id": gone})
    ops.insert("action_area", {"action_id": act2, "area_id": keep})  # already served
    body = ops.conn.execute("SELECT id FROM body WHERE kind='steering'").fetchone()[0]
    meeting = ops.insert("meeting", {"body_id": body, "starts_at": "2027-01-10T10:00"})
    dec = ops.insert(
        "decision",
        {
            "meeting_id": meeting,
            "kind": "focus",
            "payload": json.dumps({"areas": [gone, keep, other]}),
        },
    )
    before = live(ops.conn)

    result = areas.merge_areas(ops, keep, gone)

    assert result == areas.MergeResult(people=2, actions=1, decisions=1)
    conn = ops.conn
    assert {
        r[0] for r in conn.execute("SELECT area_id FROM person WHERE id IN (?,?)", (p1, p2))
    } == {keep}
    assert conn.execute("SELECT area_id FROM person WHERE id=?", (p3,)).fetchone()[0] == other
    served = conn.execute(
        "SELECT action_id, area_id FROM action_area WHERE deleted=0 ORDER BY action_id"
    ).fetchall()
    assert sorted(served) == sorted([(act1, keep), (act2, keep)])
    payload = json.loads(
        conn.execute("SELECT payload FROM decision WHERE id=?", (dec,)).fetchone()[0]
    )
    assert payload == {"areas": [keep, other]}
    assert live(conn) == [("מרכז", "neighborhood", True), ("צפון", "neighborhood", False)]
    row = {a.name: a for a in areas.list_areas(conn)}["מרכז"]
    assert (row.people, row.actions) == (2, 2)

    ops.undo()  # one step brings everything back
    assert live(conn) == before
    assert {
        r[0] for r in conn.execute("SELECT area_id FROM person WHERE id IN (?,?)", (p1, p2))
    } == {gone}
    assert len(conn.execute("SELECT 1 FROM action_area WHERE deleted=0").fetchall()) == 3


def test_merge_into_itself_or_missing_is_refused(ops):
    a = areas.add_area(ops, "א")
    with pytest.raises(InvalidEdit):
        areas.merge_areas(ops, a, [a])
    with pytest.raises(InvalidEdit):
        areas.merge_areas(ops, a, ["no-such-id"])


def test_remove_refuses_while_used_and_says_so(ops):
    a = areas.add_area(ops, "דרום")
    pid = _person(ops, "רות", a)
    with pytest.raises(InvalidEdit) as err:
        areas.remove_area(ops, a)
    text = err.value.text(tr)
    assert "דרום" in text and "1" in text
    assert areas.describe_removal(ops.conn, a) == text
    ops.update("person", pid, {"area_id": None})
    assert "דרום" in areas.describe_removal(ops.conn, a)
    areas.remove_area(ops, a)
    assert live(ops.conn) == []
    ops.undo()
    assert live(ops.conn) == [("דרום", "neighborhood", False)]
    # a removed name can be used again
    areas.remove_area(ops, a)
    areas.add_area(ops, "דרום")


def test_add_areas_adds_only_new_names_in_one_step(ops):
    a = areas.add_area(ops, "מזרח")
    got = areas.add_areas(ops, ["מזרח", "מערב", " מערב ", ""])
    assert got["מזרח"] == a and got["מערב"] == got[" מערב "]
    assert [x.name for x in areas.list_areas(ops.conn)] == ["מזרח", "מערב"]
    ops.undo()
    assert [x.name for x in areas.list_areas(ops.conn)] == ["מזרח"]
