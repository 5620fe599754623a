"""A format-2 file (tests/data/v2-sample.kehila, made by the format-2 release) opens, upgrades to
format 3 with a backup kept beside it, keeps every row and gets the program team's cadences."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from kehila_desktop.core.errors import ProgramFileError
from kehila_desktop.core.file import guard
from kehila_desktop.core.file.programfile import FORMAT_VERSION, open_program
from kehila_desktop.core.file.schema import TABLE_CLASSES

DATA = Path(__file__).resolve().parent.parent / "data"
V2_SAMPLE = DATA / "v2-sample.kehila"


def _rows(path, table):
    conn = sqlite3.connect(path)
    try:
        return sorted(conn.execute(f"SELECT * FROM {table}").fetchall())
    finally:
        conn.close()


def test_the_frozen_v2_sample_upgrades_in_place_keeping_every_row(tmp_path):
    path = tmp_path / "old.kehila"
    shutil.copyfile(V2_SAMPLE, path)
    before = {table: _rows(path, table) for table in TABLE_CLASSES()}
    with open_program(path) as pf:
        assert pf.conn.execute("PRAGMA user_version").fetchone()[0] == FORMAT_VERSION == 3
        assert pf.backup_path is not None and pf.backup_path.name.endswith(".v2.bak.kehila")
        assert guard.describe_difference(guard.fingerprint(pf.conn), guard.current()) == []
        team = pf.conn.execute(
            "SELECT training_cadence, team_day_cadence FROM body WHERE kind='program_team'"
        ).fetchone()
        assert team == ("monthly", "quarterly")
    for table, rows in before.items():
        after = _rows(path, table)
        if table == "body":  # the same rows with two more values each
            after = sorted(row[:-2] for row in after)
        assert after == rows, table
    assert _rows(pf.backup_path, "person") == before["person"]
    assert V2_SAMPLE.read_bytes()[60:64] == (2).to_bytes(4, "big")


def test_a_format_1_file_upgrades_straight_to_format_3(tmp_path):
    path = tmp_path / "older.kehila"
    shutil.copyfile(DATA / "v1-sample.kehila", path)
    with open_program(path) as pf:
        assert pf.conn.execute("PRAGMA user_version").fetchone()[0] == 3
        assert guard.describe_difference(guard.fingerprint(pf.conn), guard.current()) == []


def test_a_format_2_file_with_a_changed_table_is_refused(tmp_path):
    path = tmp_path / "odd.kehila"
    shutil.copyfile(V2_SAMPLE, path)
    conn = sqlite3.connect(path)
    conn.execute("ALTER TABLE body ADD COLUMN training_cadence TEXT")
    conn.commit()
    conn.close()
    with pytest.raises(ProgramFileError) as err:
        open_program(path)
    assert err.value.reason == "not_program"
