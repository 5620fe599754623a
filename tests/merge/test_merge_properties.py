"""Property tests: random edits on two copies of one program, merged both ways."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings, strategies as st

from kehila_desktop.core.history.merge import merge_copy
from kehila_desktop.core.history.operations import HISTORY_SQL

from .helpers import open_ops, program_data, share_copy, snapshot

EDITABLE = [
    ("person", "name", ["דנה", "Samir", "ליילא"]),
    ("person", "phone", ["050-1", "050-2"]),
    ("person", "notes", ["הערה", "note"]),
    ("person", "sector", ["resident", "academia"]),
    ("area", "name", ["צפון", "מרכז"]),
    ("area", "in_focus", [True, False]),
    ("body", "name", ["היגוי", "steering"]),
]

SIDES = st.sampled_from("AB")
# many small files per run: in memory where the system has it (fsync there costs nothing)
SCRATCH = "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else None
UPDATE = st.tuples(
    st.just("update"),
    SIDES,
    st.integers(0, 2),
    st.integers(0, len(EDITABLE) - 1),
    st.integers(0, 2),
)
CLASH = st.tuples(
    st.just("clash"),
    SIDES,
    st.integers(0, 2),  # both sides edit one field
    st.integers(0, len(EDITABLE) - 1),
    st.integers(0, 2),
)
ACTION = st.one_of(  # mostly field edits, on few rows, so that the two sides meet
    UPDATE,
    UPDATE,
    CLASH,
    st.tuples(st.just("delete"), SIDES, st.sampled_from(["person", "area"]), st.integers(0, 3)),
    st.tuples(st.just("insert"), SIDES, st.sampled_from(["חדש", "New", "جديد"])),
    st.tuples(st.just("undo"), SIDES),
)


@pytest.fixture
def base(small_program):
    return small_program


def _live(ops, table):
    """The rows both copies had when they parted (in one order), still alive on this side."""
    return [
        r[0]
        for r in ops.conn.execute(
            f"SELECT id FROM {table} WHERE deleted=0 AND id IN (SELECT row_id FROM ({HISTORY_SQL}) "
            f"WHERE field IS NULL AND copy_id=(SELECT value FROM meta WHERE key='shared_from')) "
            "ORDER BY id"
        )
    ]


def _apply(ops, action) -> None:
    kind = action[0]
    if kind in ("update", "clash"):
        _, _, row, which, value = action
        table, field, values = EDITABLE[which]
        rows = _live(ops, table)
        if rows:
            ops.update(table, rows[row % len(rows)], {field: values[value % len(values)]})
    elif kind == "delete":
        _, _, table, row = action
        rows = _live(ops, table)
        if len(rows) > 1:
            ops.delete(table, rows[row % len(rows)])
    elif kind == "insert":
        ops.insert("person", {"name": action[2], "phone": "03-0000000"})
    else:
        ops.undo()


def _by_id(data):
    return {(t, r["id"]): r for t, rows in data.items() for r in rows}


def _live_rows(data):
    return {k: v for k, v in _by_id(data).items() if not v["deleted"]}


def _conflict_keys(report):
    return {(c["table"], c["row"], c["field"]) for c in report.conflicts}


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(actions=st.lists(ACTION, min_size=1, max_size=10))
@example(
    actions=[
        ("delete", "B", "area", 1),
        ("update", "A", 0, 0, 0),  # found by hypothesis:
        ("delete", "A", "area", 1),
        ("undo", "A"),  # a delete undone on one side
        ("update", "A", 0, 0, 0),
        ("update", "A", 0, 0, 0),
        ("update", "A", 1, 4, 0),
    ]
)
def test_merge_both_ways_agrees_is_idempotent_and_loses_only_reported_conflicts(base, actions):
    with tempfile.TemporaryDirectory(dir=SCRATCH) as folder:
        folder = Path(folder)
        a = open_ops(share_copy(base, folder / "a.kehila").path)
        b = open_ops(share_copy(base, folder / "b.kehila").path)
        try:
            for action in actions:
                first, second = (a, b) if action[1] == "A" else (b, a)
                _apply(first, action)
                if action[0] == "clash":
                    _apply(second, (*action[:4], action[4] + 1))
            base_ops = open_ops(base)
            base_rows = _by_id(program_data(base_ops.conn))
            base_ops.pf.close()
            a_before, b_before = program_data(a.conn), program_data(b.conn)
            a_copy = snapshot(a.pf, folder / "a-sent.kehila")
            b_copy = snapshot(b.pf, folder / "b-sent.kehila")

            into_a = merge_copy(a, b_copy)
            into_b = merge_copy(b, a_copy)
            merged = program_data(a.conn)
            # commutative: both files now hold the same program
            assert merged == program_data(b.conn)
            # the same conflicts are seen from both sides
            assert _conflict_keys(into_a) == _conflict_keys(into_b)

            # nothing lost except same-field conflicts, each in the report
            conflicts = _conflict_keys(into_a)
            kept = {(k["table"], k["row"]) for k in into_a.kept}
            rows_a, rows_b, rows_m = _by_id(a_before), _by_id(b_before), _by_id(merged)
            for key, o in base_rows.items():
                ra, rb, rm = rows_a[key], rows_b[key], rows_m[key]
                for name in o:
                    if name in ("id", "deleted"):
                        continue
                    va, vb, vm = ra[name], rb[name], rm[name]
                    where = (key[0], key[1], name)
                    if va != o[name] and vb != o[name] and va != vb:
                        assert where in conflicts and vm in (va, vb)
                    elif vb != o[name] and va == o[name]:
                        assert vm == vb or where in conflicts
                    elif va != o[name] and vb == o[name]:
                        assert vm == va or where in conflicts
                edited_a = any(ra[n] != o[n] for n in o if n != "deleted")
                edited_b = any(rb[n] != o[n] for n in o if n != "deleted")
                if (ra["deleted"] and not rb["deleted"] and edited_b) or (
                    rb["deleted"] and not ra["deleted"] and edited_a
                ):
                    assert not rm["deleted"] and key in kept
                if not rm["deleted"] and (ra["deleted"] or rb["deleted"]):
                    assert key in kept or not (ra["deleted"] and rb["deleted"])
            # additions on both sides are all there, as their side made them
            for rows in (rows_a, rows_b):
                for key, row in rows.items():
                    if key not in base_rows:
                        assert rows_m[key] == row

            # idempotent: the same copy again changes nothing
            history = a.conn.execute("SELECT count(*) FROM change").fetchone()[0]
            again = merge_copy(a, b_copy)
            assert again.nothing_new
            assert program_data(a.conn) == merged
            assert a.conn.execute("SELECT count(*) FROM change").fetchone()[0] == history

            # one undo step brings back what this file showed before the merge
            if not into_a.nothing_new:
                a.undo()
                assert _live_rows(program_data(a.conn)) == _live_rows(a_before)
                # ...and the undone merge counts as never made: merging again redoes it
                merge_copy(a, b_copy)
                assert _live_rows(program_data(a.conn)) == _live_rows(merged)
        finally:
            a.pf.close()
            b.pf.close()
