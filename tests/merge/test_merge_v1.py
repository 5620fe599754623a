"""Copies made before format 2 (tests/data/v1-sample.kehila, made by the format-1 release)
upgrade and merge with format-2 copies both ways, losing nothing."""

from __future__ import annotations

import shutil
import sqlite3
import uuid
from pathlib import Path

from kehila_desktop.core.file.programfile import FORMAT_VERSION, open_program, read_header
from kehila_desktop.core.history.merge import merge_copy
from kehila_desktop.core.history.operations import Operations, history

from .helpers import program_data, snapshot

V1_SAMPLE = Path(__file__).resolve().parent.parent / "data" / "v1-sample.kehila"


def _v1_copy(target: Path) -> Path:
    """What format-1 ``kehila share`` made: the same file with a copy id of its own."""
    shutil.copyfile(V1_SAMPLE, target)
    conn = sqlite3.connect(target)
    with conn:
        old = conn.execute("SELECT value FROM meta WHERE key='copy_id'").fetchone()[0]
        conn.executemany(
            "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)",
            [("copy_id", uuid.uuid4().hex), ("shared_from", old), ("contacts_stripped", "0")],
        )
    conn.close()
    return target


def _v1_edit(path: Path, person: str, field: str, value: str) -> None:
    """An edit as format-1 Kehila Desktop recorded it (its step and change rows)."""
    conn = sqlite3.connect(path)
    with conn:
        copy_id = conn.execute("SELECT value FROM meta WHERE key='copy_id'").fetchone()[0]
        old = conn.execute(f"SELECT {field} FROM person WHERE id=?", (person,)).fetchone()[0]
        seq = conn.execute("SELECT max(seq) FROM change").fetchone()[0]
        step = uuid.uuid4().hex
        conn.execute(f"UPDATE person SET {field}=? WHERE id=?", (value, person))
        conn.execute(
            "INSERT INTO change(id, seq, step_id, table_name, row_id, field, old, new, "
            "at, copy_id) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (
                uuid.uuid4().hex,
                seq + 1,
                step,
                "person",
                person,
                field,
                f'"{old}"',
                f'"{value}"',
                "2026-12-03T10:00:00.000001Z",
                copy_id,
            ),
        )
        conn.execute(
            "INSERT INTO step(id, seq, label, kind, undoes, at, copy_id) VALUES (?,?,?,?,?,?,?)",
            (step, seq + 2, "edit person", "edit", None, "2026-12-03T10:00:00.000002Z", copy_id),
        )
    conn.close()


def _people(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT id FROM person ORDER BY name")]
    finally:
        conn.close()


def test_a_format_1_copy_merges_into_an_upgraded_file_and_back(tmp_path):
    here = tmp_path / "here.kehila"
    shutil.copyfile(V1_SAMPLE, here)
    away = _v1_copy(tmp_path / "away.kehila")
    first, second = _people(here)[:2]
    _v1_edit(away, second, "title", "רכזת שכונה")
    assert read_header(away).format_version == 1

    a = Operations(open_program(here))  # upgraded in place on opening
    assert a.pf.format_version == FORMAT_VERSION
    a.update("person", first, {"organisation": 'מתנ"ס'})
    before = program_data(a.conn)
    report = merge_copy(a, away)  # the format-1 copy, upgraded in a scratch copy
    assert read_header(away).format_version == 1  # and left as it was
    assert report.counts() == {"added": 0, "changed": 1, "conflicts": 0, "deleted": 0, "kept": 0}
    after = program_data(a.conn)
    title = {r["id"]: r["title"] for r in after["person"]}
    assert title[second] == "רכזת שכונה"
    for table, rows in before.items():  # nothing lost: every row, every other value
        assert len(after[table]) == len(rows)
    assert [r for r in after["person"] if r["id"] != second] == [
        r for r in before["person"] if r["id"] != second
    ]
    assert merge_copy(a, away).nothing_new  # idempotent

    # the other way: the format-1 copy upgraded in place takes this file's copy
    b = Operations(open_program(away))
    merge_copy(b, snapshot(a.pf, tmp_path / "here-copy.kehila"))
    assert program_data(b.conn) == program_data(a.conn)
    # the history of the edit made in format 1 arrived with its values
    rows = history(a.conn, "row_id=? AND field='title'", (second,))
    assert [(r[5], r[6]) for r in rows][-1][1] == "רכזת שכונה"
    a.pf.close()
    b.pf.close()
