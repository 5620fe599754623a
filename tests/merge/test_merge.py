"""Merging a copy that came back: contacts, deletions, refusals, formats, report, backup."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest

from kehila_desktop.core import i18n
from kehila_desktop.core.history import merge as merge_module
from kehila_desktop.core.file import programfile
from kehila_desktop.core.file.create import create_program
from kehila_desktop.core.file.programfile import FORMAT_VERSION
from kehila_desktop.core.errors import ProgramFileError
from kehila_desktop.core.history.merge import MergeRefused, merge_copy, saved_reports
from kehila_desktop.core.history.operations import history as history_rows

from .helpers import PEOPLE, open_ops, program_data, share_copy, snapshot


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _person(ops, name):
    return ops.conn.execute("SELECT id FROM person WHERE name=?", (name,)).fetchone()[0]


def _value(ops, table, row_id, field):
    return ops.conn.execute(f"SELECT {field} FROM {table} WHERE id=?", (row_id,)).fetchone()[0]


@pytest.fixture
def pair(program, tmp_path):
    """This file (``a``) and a copy sent from it (``b``), both open for editing."""
    a = open_ops(program)
    b = open_ops(share_copy(program, tmp_path / "copy.kehila").path)
    yield a, b
    a.pf.close()
    b.pf.close()


def test_a_stripped_copy_never_erases_contacts(program, tmp_path):
    a = open_ops(program)
    b = open_ops(share_copy(program, tmp_path / "stripped.kehila", no_contacts=True).path)
    dana = _person(a, PEOPLE[0][0])
    b.update("person", dana, {"notes": "מתנדבת"})
    new = b.insert("person", {"name": "חדש", "phone": "077-1234567"})
    b.pf.close()

    report = merge_copy(a, tmp_path / "stripped.kehila")
    for name, phone, email in PEOPLE:
        row = a.conn.execute("SELECT phone, email FROM person WHERE name=?", (name,)).fetchone()
        assert row == (phone, email)
    assert _value(a, "person", dana, "notes") == "מתנדבת"
    assert _value(a, "person", new, "phone") == "077-1234567"
    assert {c["field"] for c in report.changed} == {"notes"}
    a.pf.close()


def test_deleted_here_but_edited_in_the_copy_is_kept_and_said(pair, tmp_path):
    a, b = pair
    samir = _person(a, PEOPLE[1][0])
    a.delete("person", samir)
    b.update("person", samir, {"organisation": 'מתנ"ס'})
    report = merge_copy(a, snapshot(b.pf, tmp_path / "back.kehila"))
    assert _value(a, "person", samir, "deleted") == 0
    assert _value(a, "person", samir, "organisation") == 'מתנ"ס'
    assert [(k["row"], k["deleted_side"]) for k in report.kept] == [(samir, "here")]
    i18n.set_language("en")
    assert "deleted in this file but edited in the copy — kept" in report.text()


def test_deleted_in_the_copy_and_untouched_here_is_deleted(pair, tmp_path):
    a, b = pair
    anna = _person(a, PEOPLE[2][0])
    b.delete("person", anna)
    report = merge_copy(a, snapshot(b.pf, tmp_path / "back.kehila"))
    assert _value(a, "person", anna, "deleted") == 1
    assert [d["row"] for d in report.deleted] == [anna]


def test_merge_is_one_undo_step_with_backup_and_saved_report(pair, tmp_path):
    a, b = pair
    dana, yossi = _person(a, PEOPLE[0][0]), _person(a, PEOPLE[3][0])
    a.update("person", dana, {"name": "דנה כ."})
    b.update("person", dana, {"title": "רכזת"})
    b.update("person", yossi, {"name": "יוסף מזרחי"})
    added = b.insert("area", {"name": "מרכז"})
    before = program_data(a.conn)
    incoming = snapshot(b.pf, tmp_path / "back.kehila")

    history = a.conn.execute("SELECT count(*) FROM change").fetchone()
    undo_before = a.undo_label
    dry = merge_copy(a, incoming, dry_run=True)
    assert program_data(a.conn) == before and a.undo_label == undo_before
    assert a.conn.execute("SELECT count(*) FROM change").fetchone() == history
    assert dry.counts() == {"added": 1, "changed": 2, "conflicts": 0, "deleted": 0, "kept": 0}

    report = merge_copy(a, incoming)
    assert report.counts() == dry.counts()
    assert (_value(a, "person", dana, "name"), _value(a, "person", dana, "title")) == (
        "דנה כ.",
        "רכזת",
    )  # different fields of one person: both kept
    assert _value(a, "area", added, "name") == "מרכז"
    assert [r.counts() for r in saved_reports(a.conn)] == [report.counts()]
    step = a.conn.execute(
        "SELECT s.kind, l.text FROM step s JOIN history_name l "
        "ON l.n=s.label ORDER BY s.n DESC LIMIT 1"
    ).fetchone()
    assert step[0] == "merge" and "back.kehila" in step[1]
    with programfile.open_program(report.backup, read_only=True) as backup:
        assert program_data(backup.conn) == before

    assert a.undo() == step[1]
    assert _value(a, "person", yossi, "name") == PEOPLE[3][0]
    assert _value(a, "area", added, "deleted") == 1
    a.redo()
    assert _value(a, "person", yossi, "name") == "יוסף מזרחי"


def test_conflict_later_edit_wins_and_the_other_is_in_report_and_history(pair, tmp_path):
    a, b = pair
    layla = _person(a, PEOPLE[4][0])
    a.update("person", layla, {"community": "צפון"})
    b.update("person", layla, {"community": "דרום"})  # later
    report = merge_copy(a, snapshot(b.pf, tmp_path / "back.kehila"))
    assert _value(a, "person", layla, "community") == "דרום"
    (conflict,) = report.conflicts
    assert (conflict["kept"], conflict["lost"], conflict["lost_side"]) == ("דרום", "צפון", "here")
    history = [r[6] for r in history_rows(a.conn, "row_id=? AND field='community'", (layla,))]
    assert "צפון" in history  # so it can be restored
    assert merge_module.restore_lost(a, conflict)
    assert _value(a, "person", layla, "community") == "צפון"
    i18n.set_language("ar")
    assert "צפון" in report.text() and "דרום" in report.text()


def test_a_copy_of_another_program_is_refused_and_nothing_changes(program, tmp_path):
    other = tmp_path / "other.kehila"
    create_program(other, name="תוכנית אחרת")
    before = _digest(program)
    a = open_ops(program)
    with pytest.raises(MergeRefused) as caught:
        merge_copy(a, other)
    a.pf.close()
    assert caught.value.reason == "other_program"
    i18n.set_language("en")
    assert "another program (תוכנית אחרת)" in caught.value.text(i18n.tr)
    assert _digest(program) == before
    assert not list(tmp_path.glob("*.bak*"))


def test_a_newer_copy_is_refused_naming_the_version(pair, tmp_path):
    a, b = pair
    b.pf.close()
    conn = sqlite3.connect(b.pf.path)
    conn.execute(f"PRAGMA user_version={FORMAT_VERSION + 1}")
    conn.close()
    with pytest.raises(MergeRefused) as caught:
        merge_copy(a, b.pf.path)
    assert caught.value.reason == "newer" and caught.value.fields["version"] == FORMAT_VERSION + 1
    i18n.set_language("en")
    assert f"format {FORMAT_VERSION + 1}" in caught.value.text(i18n.tr)


def test_the_file_itself_and_non_program_files_are_refused(pair, tmp_path):
    a, _ = pair
    with pytest.raises(MergeRefused):
        merge_copy(a, a.pf.path)
    junk = tmp_path / "notes.kehila"
    junk.write_text("hello")
    with pytest.raises(ProgramFileError):
        merge_copy(a, junk)


def test_an_older_copy_is_upgraded_first_and_left_as_it_was(program, tmp_path, monkeypatch):
    incoming = share_copy(program, tmp_path / "old-copy.kehila").path
    b = open_ops(incoming)
    b.update("person", _person(b, PEOPLE[5][0]), {"title": "מורה"})
    b.pf.close()
    before = _digest(incoming)
    upgraded = []
    version = programfile.FORMAT_VERSION
    monkeypatch.setattr(programfile, "FORMAT_VERSION", version + 1)
    monkeypatch.setattr(merge_module, "FORMAT_VERSION", version + 1)
    monkeypatch.setitem(programfile.MIGRATIONS, version, lambda conn: upgraded.append(conn))
    # the pretend older format's frozen schema: today's (the no-op upgrade keeps it)
    from kehila_desktop.core.file import guard

    today, frozen = guard.current(), guard.frozen
    monkeypatch.setattr(guard, "frozen", lambda v: today if v == version else frozen(v))
    a = open_ops(program)  # this file is upgraded on opening, as any older file
    report = merge_copy(a, incoming)
    assert len(upgraded) == 2
    assert [c["new"] for c in report.changed] == ["מורה"]
    assert _digest(incoming) == before
    a.pf.close()


def test_after_undoing_a_merge_the_same_copy_merges_again(pair, tmp_path):
    a, b = pair
    noam = _person(a, PEOPLE[5][0])
    b.update("person", noam, {"organisation": "עירייה"})
    incoming = snapshot(b.pf, tmp_path / "back.kehila")
    first = merge_copy(a, incoming)
    a.undo()
    assert _value(a, "person", noam, "organisation") == ""
    again = merge_copy(a, incoming)
    assert again.counts() == first.counts() and not again.nothing_new
    assert _value(a, "person", noam, "organisation") == "עירייה"
    assert merge_copy(a, incoming).nothing_new
    # and the copy, taking this file back, keeps its own change
    merge_copy(b, snapshot(a.pf, tmp_path / "a-again.kehila"))
    assert program_data(b.conn) == program_data(a.conn)


def test_the_report_names_the_rows_a_field_points_to(pair, tmp_path):
    a, b = pair
    south = a.conn.execute("SELECT id FROM area WHERE name='דרום'").fetchone()[0]
    b.update("person", _person(b, PEOPLE[4][0]), {"area_id": south})
    report = merge_copy(a, snapshot(b.pf, tmp_path / "back.kehila"))
    i18n.set_language("en")
    assert "focus area was צפון, now דרום" in report.text()
    assert south not in report.text()


def test_a_copy_whose_rows_do_not_hold_together_changes_nothing(pair, tmp_path):
    a, b = pair
    b.pf.close()
    raw = sqlite3.connect(b.pf.path)  # written by something else than Kehila Desktop
    raw.execute(
        "INSERT INTO membership(id, deleted, person_id, body_id, role, "
        "role_requirements, expected_attendance, responsibilities, status, source) "
        "VALUES ('m1', 0, 'no-such-person', 'no-such-body', 'member', '', 75, '', "
        "'mapped', 'mapping')"
    )
    raw.execute("INSERT INTO history_copy(uuid) VALUES ('x')")
    raw.execute("INSERT INTO history_name(text) VALUES ('membership')")
    raw.execute(
        "INSERT INTO step(origin, at, label, kind) SELECT (SELECT max(n) FROM "
        "history_copy), 1 << 60, (SELECT max(n) FROM history_name), 'edit'"
    )
    raw.execute(
        "INSERT INTO change(step, tbl, row) SELECT (SELECT max(n) FROM step), "
        "(SELECT max(n) FROM history_name), 'm1'"
    )
    raw.commit()
    raw.close()
    _refused_changing_nothing(a, b.pf.path, MergeRefused)
    assert not list(tmp_path.glob("*.bak*"))


def _refused_changing_nothing(a, copy, error) -> None:
    """Merging ``copy`` into ``a`` is refused as damaged; no row or history row changed."""
    before = program_data(a.conn)
    history = a.conn.execute("SELECT count(*) FROM change").fetchone()
    with pytest.raises(error) as caught:
        merge_copy(a, copy)
    assert caught.value.reason == "damaged"
    assert program_data(a.conn) == before
    assert a.conn.execute("SELECT count(*) FROM change").fetchone() == history


def test_a_program_file_with_a_damaged_index_is_refused_before_anything_is_written(
    program, tmp_path
):
    # names changed while the index of names was hidden from SQLite: the index no longer
    # matches its table; opening (quick_check) does not notice, the full integrity check
    # the merge runs beside its planning does
    raw = sqlite3.connect(program)
    entry = raw.execute("SELECT * FROM sqlite_master WHERE name='ix_person_name'").fetchone()
    raw.execute("PRAGMA writable_schema=ON")
    raw.execute("DELETE FROM sqlite_master WHERE name='ix_person_name'")
    raw.commit()
    raw.close()
    raw = sqlite3.connect(program)
    raw.execute("UPDATE person SET name = name || ' (שונה)'")
    raw.execute("PRAGMA writable_schema=ON")
    raw.execute("INSERT INTO sqlite_master VALUES (?, ?, ?, ?, ?)", entry)
    raw.commit()
    raw.close()
    a = open_ops(program)
    b = open_ops(share_copy(program, tmp_path / "copy.kehila").path)
    b.insert("person", {"name": "חדש"})
    b.pf.close()
    _refused_changing_nothing(a, b.pf.path, ProgramFileError)
    a.pf.close()
    assert not list(tmp_path.glob("*.bak*"))
