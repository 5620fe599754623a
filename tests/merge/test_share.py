"""Copies to send: compact, named, never overwriting, and without contacts when asked."""

from __future__ import annotations

from datetime import date

import pytest

from kehila_desktop.core.file.programfile import open_program
from kehila_desktop.core.history.share import ShareError, share_copy

from kehila_desktop.core.history.operations import history

from .helpers import PEOPLE, open_ops


def _contacts_ever_recorded(path) -> set[str]:
    """Every phone and e-mail the file holds or has ever held (rows and history)."""
    with open_program(path, read_only=True) as pf:
        found = {v for row in pf.conn.execute("SELECT phone, email FROM person") for v in row}
        for row in history(pf.conn, "table_name='person'"):
            if row[4] in ("phone", "email"):
                found.update((row[5], row[6]))
    return {v for v in found if v}


def test_copy_without_contacts_has_no_trace_of_them_in_its_bytes(program, tmp_path):
    original = program
    contacts = _contacts_ever_recorded(original)
    assert "050-0000001" in contacts and "old.dana@example.org" in contacts  # history too
    assert len(contacts) >= 14

    full = share_copy(original, tmp_path / "full.kehila").path
    stripped = share_copy(original, tmp_path / "stripped.kehila", no_contacts=True).path

    full_bytes = full.read_bytes()
    current = {c for p in PEOPLE for c in p[1:]}
    assert current <= contacts and all(c.encode() in full_bytes for c in current)  # the scan sees
    # a shared copy's history keeps which fields changed, not the values they had before
    assert b"050-0000001" not in full_bytes and b"old.dana@example.org" not in full_bytes
    data = stripped.read_bytes()
    leaks = [c for c in contacts if c.encode() in data or c.encode("utf-16-le") in data]
    assert leaks == []
    with open_program(stripped, read_only=True) as pf:
        meta = dict(pf.conn.execute("SELECT key, value FROM meta"))
        assert meta["contacts_stripped"] == "1"
        names = [r[0] for r in pf.conn.execute("SELECT name FROM person ORDER BY name")]
        assert len(names) == 6 and all(names)  # the people are all there, without contacts
        assert pf.conn.execute("PRAGMA freelist_count").fetchone()[0] == 0


def test_copy_is_a_new_copy_of_the_same_program(program, tmp_path):
    original = program
    copy = share_copy(original, tmp_path / "copy.kehila")
    with open_program(original, read_only=True) as a, open_program(copy.path, read_only=True) as b:
        assert a.copy_id != b.copy_id == copy.copy_id
        assert a.program_row()["id"] == b.program_row()["id"]
        assert dict(b.conn.execute("SELECT key, value FROM meta"))["shared_from"] == a.copy_id
        for table in ("person", "change", "step"):
            sql = f"SELECT count(*) FROM {table}"
            assert a.conn.execute(sql).fetchone() == b.conn.execute(sql).fetchone()
        assert b.conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"


def test_copy_into_a_folder_is_named_after_program_and_date_and_never_overwrites(program, tmp_path):
    original = program
    ops = open_ops(original)
    ops.update("program", ops.pf.program_row()["id"], {"name": "קהילה/מיטיבה: צפון"})
    ops.pf.close()
    out = tmp_path / "out"
    out.mkdir()
    first = share_copy(original, out, day=date(2027, 3, 1)).path
    second = share_copy(original, out, day=date(2027, 3, 1)).path
    assert first.name == "קהילה מיטיבה  צפון 2027-03-01.kehila"
    assert second.name == "קהילה מיטיבה  צפון 2027-03-01 (2).kehila"
    before = first.read_bytes()
    with pytest.raises(ShareError):
        share_copy(original, first)
    assert first.read_bytes() == before
    assert sorted(p.name for p in out.iterdir()) == sorted([first.name, second.name])


def test_contacts_in_earlier_merge_reports_are_left_out_too(program, tmp_path):
    from kehila_desktop.core.history.merge import merge_copy

    from .helpers import PEOPLE, snapshot

    a = open_ops(program)
    b = open_ops(share_copy(program, tmp_path / "b.kehila").path)
    noam = b.conn.execute("SELECT id FROM person WHERE name=?", (PEOPLE[5][0],)).fetchone()[0]
    b.update("person", noam, {"phone": "02-9876543", "email": "noam.new@example.com"})
    merge_copy(a, snapshot(b.pf, tmp_path / "back.kehila"))
    b.pf.close()
    assert b"02-9876543" in a.pf.path.read_bytes()  # the report in the file shows it
    stripped = share_copy(a.pf, tmp_path / "stripped.kehila", no_contacts=True).path
    a.pf.close()
    data = stripped.read_bytes()
    assert b"02-9876543" not in data and b"noam.new@example.com" not in data
    assert PEOPLE[5][1].encode() not in data


def test_a_copy_of_a_stripped_copy_is_marked_stripped_too(program, tmp_path):
    stripped = share_copy(program, tmp_path / "s.kehila", no_contacts=True).path
    again = share_copy(stripped, tmp_path / "again.kehila")
    assert again.contacts_stripped
    with open_program(again.path, read_only=True) as pf:
        assert dict(pf.conn.execute("SELECT key, value FROM meta"))["contacts_stripped"] == "1"
