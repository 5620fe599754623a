"""The operations layer: every edit recorded in the history; undo and redo; tombstones."""

from __future__ import annotations

import json

import pytest

from kehila_desktop.core.structure import edits
from kehila_desktop.core.errors import InvalidEdit
from kehila_desktop.core.i18n import tr
from kehila_desktop.core.history.operations import Operations, history as history_rows
from kehila_desktop.core.file.programfile import open_program


def history(conn, row_id):
    return [(r[4], r[5], r[6]) for r in history_rows(conn, "row_id=?", (row_id,))]


def test_every_change_is_recorded_with_copy_and_time(ops):
    pid = ops.insert("person", {"name": "רונית", "phone": "050-1234567"})
    ops.update("person", pid, {"phone": "052-7654321", "name": "רונית"})  # name unchanged
    ops.delete("person", pid)
    rows = history(ops.conn, pid)
    assert rows[0] == (None, None, None)  # the insert: the row holds its values
    assert rows[1] == ("phone", "050-1234567", "052-7654321")
    assert rows[2] == ("deleted", 0, 1)
    assert len(rows) == 3
    mine = history_rows(ops.conn, "row_id=?", (pid,))
    assert {r[8] for r in mine} == {ops.pf.copy_id}
    times = [r[0] for r in ops.conn.execute("SELECT at FROM step ORDER BY n")]
    assert times == sorted(times) and len(set(times)) == len(times)


def test_delete_leaves_a_tombstone(ops):
    pid = ops.insert("person", {"name": "x"})
    ops.delete("person", pid)
    assert ops.conn.execute("SELECT deleted FROM person WHERE id=?", (pid,)).fetchone() == (1,)


def test_undo_and_redo_a_rename_by_its_name(ops):
    design = ops.conn.execute("SELECT id, name FROM body WHERE kind='design'").fetchone()
    edits.rename_body(ops, design[0], "הוועדה המעצבת של העיר")
    assert design[1] in ops.undo_label and ops.undo_label == tr("rename {name}", name=design[1])
    ops.undo()
    assert (
        ops.conn.execute("SELECT name FROM body WHERE id=?", (design[0],)).fetchone()[0]
        == design[1]
    )
    assert ops.redo_label
    ops.redo()
    assert (
        ops.conn.execute("SELECT name FROM body WHERE id=?", (design[0],)).fetchone()[0]
        == "הוועדה המעצבת של העיר"
    )
    kinds = [k for (k,) in ops.conn.execute("SELECT kind FROM step ORDER BY n")]
    assert kinds[-2:] == ["undo", "redo"]


def test_one_step_is_one_undo_and_one_transaction(ops):
    with ops.step("add two"):
        a = ops.insert("person", {"name": "a"})
        b = ops.insert("person", {"name": "b"})
    ops.undo()
    alive = ops.conn.execute("SELECT count(*) FROM person WHERE deleted=0").fetchone()[0]
    assert alive == 0
    with pytest.raises(RuntimeError):
        with ops.step("fails half way"):
            ops.insert("person", {"name": "c"})
            raise RuntimeError
    names = [n for (n,) in ops.conn.execute("SELECT name FROM person")]
    assert sorted(names) == ["a", "b"] and a and b


def test_a_new_edit_clears_redo(ops):
    pid = ops.insert("person", {"name": "a"})
    ops.update("person", pid, {"name": "b"})
    ops.undo()
    assert ops.can_redo
    ops.update("person", pid, {"name": "c"})
    assert not ops.can_redo


def test_invalid_edits_change_nothing(ops):
    count = ops.conn.execute("SELECT count(*) FROM change").fetchone()[0]
    with pytest.raises(InvalidEdit):
        ops.insert("person", {"no_such_field": 1})
    with pytest.raises(InvalidEdit):
        ops.update("person", "missing-id", {"name": "x"})
    with pytest.raises(InvalidEdit):
        ops.insert("sqlite_master", {})
    assert ops.conn.execute("SELECT count(*) FROM change").fetchone()[0] == count


def test_listeners_hear_each_committed_step(ops):
    heard = []
    ops.subscribe(heard.append)
    with ops.step("two people"):
        ops.insert("person", {"name": "a"})
        ops.insert("person", {"name": "b"})
    assert [(c.label, c.tables) for c in heard] == [("two people", {"person"})]


def test_choosing_channels_creates_work_teams_and_keeps_old_ones(ops):
    edits.set_chosen_channels(ops, ["urban", "social"])
    teams = sorted(
        k
        for (k,) in ops.conn.execute(
            "SELECT channel_key FROM body WHERE kind='work_team' AND deleted=0"
        )
    )
    assert teams == ["social", "urban"]
    edits.set_chosen_channels(ops, ["social"])
    chosen = [k for (k,) in ops.conn.execute("SELECT key FROM channel WHERE chosen=1")]
    assert chosen == ["social"]
    assert (
        ops.conn.execute(
            "SELECT count(*) FROM body WHERE kind='work_team' AND deleted=0"
        ).fetchone()[0]
        == 2
    )


def test_a_channels_decision_sets_the_chosen_channels(ops):
    steering = ops.conn.execute("SELECT id FROM body WHERE kind='steering'").fetchone()[0]
    meeting = ops.insert("meeting", {"body_id": steering, "starts_at": "2027-01-10T10:00"})
    decision = ops.insert(
        "decision",
        {
            "meeting_id": meeting,
            "kind": "channels",
            "payload": json.dumps({"channels": ["economic"]}),
        },
    )
    edits.apply_decision(ops, decision)
    chosen = [k for (k,) in ops.conn.execute("SELECT key FROM channel WHERE chosen=1")]
    assert chosen == ["economic"]


def test_edits_survive_reopening(new_file):
    with open_program(new_file) as pf:
        pid = Operations(pf).insert("person", {"name": "אחמד", "email": "a@example.org"})
    with open_program(new_file) as pf:
        assert pf.conn.execute("SELECT name, email FROM person WHERE id=?", (pid,)).fetchone() == (
            "אחמד",
            "a@example.org",
        )


def test_batch_edits_record_what_one_by_one_edits_record(ops):
    """``insert_many``/``update_many`` (used by merge) leave the rows and the history as
    ``insert``/``update`` of each row would: unchanged fields unwritten, old values kept."""
    people = [{"id": f"batch{n}", "name": f"אדם {n}", "phone": f"050-000000{n}"} for n in range(3)]
    with ops.step("batch"):
        ops.insert_many("person", people)
        changed = ops.update_many(
            "person",
            {
                "batch0": {"phone": "052-1111111", "name": "אדם 0"},  # name unchanged
                "batch1": {"title": "רכזת", "deleted": 1},
                "batch2": {"name": "אדם 2"},  # nothing changes
            },
        )
    assert changed == 3
    assert history(ops.conn, "batch0") == [
        (None, None, None),
        ("phone", "050-0000000", "052-1111111"),
    ]
    assert history(ops.conn, "batch1") == [
        (None, None, None),
        ("title", "", "רכזת"),
        ("deleted", 0, 1),
    ]
    assert history(ops.conn, "batch2") == [(None, None, None)]
    rows = ops.conn.execute(
        "SELECT id, name, phone, title, deleted FROM person WHERE id LIKE 'batch%' ORDER BY id"
    ).fetchall()
    assert rows == [
        ("batch0", "אדם 0", "052-1111111", "", 0),
        ("batch1", "אדם 1", "050-0000001", "רכזת", 1),
        ("batch2", "אדם 2", "050-0000002", "", 0),
    ]
    assert ops.undo() == "batch"  # one step, undone as one
    assert ops.conn.execute(
        "SELECT count(*) FROM live_person WHERE id LIKE 'batch%'"
    ).fetchone() == (0,)


def test_batch_edits_refuse_what_update_refuses(ops):
    before = ops.conn.execute("SELECT count(*) FROM change").fetchone()
    with pytest.raises(InvalidEdit):
        with ops.step("bad"):
            ops.update_many("person", {"no-such-row": {"name": "x"}})
    with pytest.raises(InvalidEdit):
        with ops.step("bad"):
            ops.insert_many("person", [{"id": "p1", "no_such_field": 1}])
    assert ops.conn.execute("SELECT count(*) FROM change").fetchone() == before
