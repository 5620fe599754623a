"""After a merge the domain's rules hold as after any edit, whichever way round it is made."""

from __future__ import annotations

import pytest

from kehila_desktop.core.history.merge import merge_copy
from kehila_desktop.core.history.share import share_copy
from kehila_desktop.core.i18n import set_language

from .helpers import PEOPLE, broken_rules, open_ops, snapshot


def _id(ops, table, **where):
    key, value = next(iter(where.items()))
    return ops.conn.execute(f"SELECT id FROM {table} WHERE {key}=?", (value,)).fetchone()[0]


@pytest.fixture
def three(program, tmp_path):
    """The file, a copy of it, and a body and a meeting both know."""
    a = open_ops(program)
    with a.step("set up"):
        body = a.insert("body", {"kind": "design", "name": "ועדה מעצבת"})
        meeting = a.insert("meeting", {"body_id": body, "starts_at": "2026-05-04T18:00"})
    b = open_ops(share_copy(program, tmp_path / "copy.kehila").path)
    yield a, b, body, meeting
    a.pf.close()
    b.pf.close()


@pytest.mark.parametrize("direction", ["copy into file", "file into copy"])
def test_rules_hold_after_merging_either_way(three, tmp_path, direction):
    a, b, body, meeting = three
    dana, samir = _id(a, "person", name=PEOPLE[0][0]), _id(a, "person", name=PEOPLE[1][0])
    a.delete("person", dana)  # deleted here …
    with b.step("the copy adds"):  # … while the copy gives her a membership and attendance
        b.insert("membership", {"person_id": dana, "body_id": body})
        b.insert("attendance", {"meeting_id": meeting, "person_id": dana})
    # both add Samir to the same body
    a.insert("membership", {"person_id": samir, "body_id": body})
    b.insert("membership", {"person_id": samir, "body_id": body})
    # both import the same new person (one e-mail, two rows)
    a.insert("person", {"name": "Rina Tal", "email": "rina@example.org"})
    b.insert("person", {"name": "רינה טל", "email": "Rina@Example.org "})
    target, source = (a, b) if direction == "copy into file" else (b, a)
    report = merge_copy(target, snapshot(source.pf, tmp_path / "back.kehila"))
    assert broken_rules(target.conn) == dict.fromkeys(broken_rules(target.conn), 0)
    assert {r["why"] for r in report.repaired} == {"deleted_person", "twin"}
    assert [d["names"] for d in report.duplicates if d["by"] == "email"] == [
        sorted(["Rina Tal", "רינה טל"], key=lambda n: _id(target, "person", name=n))
    ]
    set_language("en")
    text = report.text()
    assert "Likely the same person" in text and "rina@example.org" in text
    assert "the person was deleted on one side" in text


def test_both_merge_orders_keep_the_same_membership(three, tmp_path):
    a, b, body, _meeting = three
    samir = _id(a, "person", name=PEOPLE[1][0])
    a.insert("membership", {"person_id": samir, "body_id": body})
    b.insert("membership", {"person_id": samir, "body_id": body})
    from_a = snapshot(a.pf, tmp_path / "a.kehila")
    from_b = snapshot(b.pf, tmp_path / "b.kehila")
    merge_copy(a, from_b)
    merge_copy(b, from_a)
    live = "SELECT id FROM membership WHERE deleted=0 AND person_id=? AND body_id=?"
    assert (
        a.conn.execute(live, (samir, body)).fetchall()
        == b.conn.execute(live, (samir, body)).fetchall()
    )
    assert len(a.conn.execute(live, (samir, body)).fetchall()) == 1


def test_the_report_speaks_the_users_words(three, tmp_path):
    a, b, _body, meeting = three
    b.update("meeting", meeting, {"status": "held", "starts_at": "2026-05-11T18:30"})
    report = merge_copy(a, snapshot(b.pf, tmp_path / "back.kehila"))
    set_language("en")
    text = report.text()
    assert "11/05/2026 18:30" in text and "2026-05-11" not in text
    set_language("he")
    assert "held" not in report.text() and "planned" not in report.text()
