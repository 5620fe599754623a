"""Copies made before format 3 (tests/data/v2-sample.kehila, made by the format-2 release)
upgrade and merge with format-3 copies both ways, losing nothing: an edit made in the old copy
arrives, and the program team's training cadence set in the new copy survives."""

from __future__ import annotations

import shutil
import sqlite3
import uuid
from pathlib import Path

from kehila_desktop.core.file import programfile
from kehila_desktop.core.file.programfile import FORMAT_VERSION, open_program, read_header
from kehila_desktop.core.history.merge import merge_copy
from kehila_desktop.core.history.operations import Operations

from .helpers import program_data, snapshot

V2_SAMPLE = Path(__file__).resolve().parent.parent / "data" / "v2-sample.kehila"


def _v2_copy(target: Path) -> Path:
    """What format-2 ``kehila share`` made: the same file with a copy id of its own."""
    shutil.copyfile(V2_SAMPLE, target)
    conn = sqlite3.connect(target)
    with conn:
        old = conn.execute("SELECT value FROM meta WHERE key='copy_id'").fetchone()[0]
        conn.executemany(
            "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)",
            [("copy_id", uuid.uuid4().hex), ("shared_from", old), ("contacts_stripped", "0")],
        )
    conn.close()
    return target


def _v2_edit(monkeypatch, path: Path, table: str, row: str, changes: dict) -> None:
    """An edit as format-2 Kehila Desktop recorded it: the same write path on the old file."""
    with monkeypatch.context() as m:
        m.setattr(programfile, "FORMAT_VERSION", 2)
        ops = Operations(open_program(path))
        ops.update(table, row, changes)
        ops.pf.close()
    assert read_header(path).format_version == 2


def _one(conn, sql: str):
    return conn.execute(sql).fetchone()[0]


def test_a_format_2_copy_merges_into_an_upgraded_file_and_back(tmp_path, monkeypatch):
    here = tmp_path / "here.kehila"
    shutil.copyfile(V2_SAMPLE, here)
    away = _v2_copy(tmp_path / "away.kehila")
    conn = sqlite3.connect(away)
    person = _one(conn, "SELECT id FROM person ORDER BY name LIMIT 1")
    conn.close()
    _v2_edit(monkeypatch, away, "person", person, {"title": "רכזת שכונה"})

    a = Operations(open_program(here))  # upgraded in place on opening
    assert a.pf.format_version == FORMAT_VERSION == 3
    team = _one(a.conn, "SELECT id FROM body WHERE kind='program_team'")
    a.update("body", team, {"training_cadence": "biweekly", "team_day_cadence": ""})
    before = program_data(a.conn)
    report = merge_copy(a, away)  # the format-2 copy, upgraded in a scratch copy
    assert read_header(away).format_version == 2  # and left as it was
    assert report.counts() == {"added": 0, "changed": 1, "conflicts": 0, "deleted": 0, "kept": 0}
    after = program_data(a.conn)
    assert {r["id"]: r["title"] for r in after["person"]}[person] == "רכזת שכונה"
    assert after["body"] == before["body"]  # the new cadences kept
    for table, rows in before.items():  # nothing lost
        assert len(after[table]) == len(rows)
    assert merge_copy(a, away).nothing_new  # idempotent

    # the other way: the format-2 copy upgraded in place takes this file's copy
    b = Operations(open_program(away))
    merge_copy(b, snapshot(a.pf, tmp_path / "here-copy.kehila"))
    assert program_data(b.conn) == program_data(a.conn)
    assert b.conn.execute(
        "SELECT training_cadence, team_day_cadence FROM body WHERE id=?", (team,)
    ).fetchone() == ("biweekly", "")
    a.pf.close()
    b.pf.close()
