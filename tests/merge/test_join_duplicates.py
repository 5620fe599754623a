"""A merge lists likely duplicates (both copies imported the same person); joining a listed
pair leaves the program's rules whole, a later merge of the same copy keeps the join, and one
Undo takes the join back."""

from __future__ import annotations

import pytest

from kehila_desktop.core.history.merge import likely_duplicates, merge_copy
from kehila_desktop.core.history.share import share_copy
from kehila_desktop.core.i18n import set_language
from kehila_desktop.core.people.edits import join_people
from kehila_desktop.core.people.queries import join_order

from .helpers import broken_rules, open_ops, snapshot


def _marks(conn) -> int:
    """Two live marks of one person at one meeting (the join must not leave any)."""
    return conn.execute(
        "SELECT count(*) FROM (SELECT person_id, meeting_id FROM attendance WHERE deleted=0 "
        "AND person_id IS NOT NULL GROUP BY person_id, meeting_id HAVING count(*) > 1)"
    ).fetchone()[0]


@pytest.fixture
def merged(program, tmp_path):
    """The file after merging a copy back: Rina was added on both, each with a membership in
    one body and a mark at one meeting."""
    set_language("en")
    a = open_ops(program)
    with a.step("set up"):
        body = a.insert("body", {"kind": "design", "name": "ועדה מעצבת"})
        meeting = a.insert("meeting", {"body_id": body, "starts_at": "2026-05-04T18:00"})
    b = open_ops(share_copy(program, tmp_path / "copy.kehila").path)
    with a.step("here"):
        rina = a.insert("person", {"name": "Rina Tal", "email": "rina@example.org"})
        a.insert("membership", {"person_id": rina, "body_id": body, "status": "proposed"})
        a.insert("attendance", {"meeting_id": meeting, "person_id": rina, "status": "absent"})
    with b.step("there"):
        other = b.insert("person", {"name": "רינה טל", "email": "Rina@Example.org"})
        b.insert("membership", {"person_id": other, "body_id": body, "status": "joined"})
        b.insert("attendance", {"meeting_id": meeting, "person_id": other, "status": "present"})
    incoming = snapshot(b.pf, tmp_path / "back.kehila")
    report = merge_copy(a, incoming)
    yield a, report, incoming, body, meeting
    a.pf.close()
    b.pf.close()


def test_joining_a_listed_pair_keeps_the_rules_and_clears_the_list(merged):
    ops, report, _incoming, body, meeting = merged
    (pair,) = report.duplicates
    ((keep, drop),) = join_order(ops.conn, pair["people"])
    join_people(ops, keep, drop)
    assert broken_rules(ops.conn) == dict.fromkeys(broken_rules(ops.conn), 0)
    assert _marks(ops.conn) == 0
    assert likely_duplicates(ops.conn) == []
    live = ops.conn.execute(
        "SELECT m.status, t.status FROM membership m JOIN attendance t ON t.person_id=m.person_id "
        "WHERE m.deleted=0 AND t.deleted=0 AND m.body_id=? AND t.meeting_id=?",
        (body, meeting),
    ).fetchall()
    assert live == [("joined", "present")]  # the further status, the better mark


def test_a_later_merge_of_the_same_copy_keeps_the_join(merged):
    ops, report, incoming, _body, _meeting = merged
    ((keep, drop),) = join_order(ops.conn, report.duplicates[0]["people"])
    join_people(ops, keep, drop)
    again = merge_copy(ops, incoming)
    assert again.nothing_new
    assert likely_duplicates(ops.conn) == []
    assert broken_rules(ops.conn) == dict.fromkeys(broken_rules(ops.conn), 0)


def test_one_undo_takes_the_join_back(merged):
    ops, report, _incoming, _body, _meeting = merged
    ((keep, drop),) = join_order(ops.conn, report.duplicates[0]["people"])
    names = dict(zip(report.duplicates[0]["people"], report.duplicates[0]["names"]))
    join_people(ops, keep, drop)
    assert ops.undo_label == f"join {names[keep]} with {names[drop]}"
    ops.undo()
    assert [d["people"] for d in likely_duplicates(ops.conn)] == [report.duplicates[0]["people"]]
    assert broken_rules(ops.conn) == dict.fromkeys(broken_rules(ops.conn), 0)
