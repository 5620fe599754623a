"""A format-1 file made by the release before format 2 opens, upgrades and keeps its data."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from kehila_desktop.core.file.programfile import FORMAT_VERSION, open_program

V1_SAMPLE = Path(__file__).resolve().parent.parent / "data" / "v1-sample.kehila"


def _rows(path, table):
    conn = sqlite3.connect(path)
    try:
        return sorted(conn.execute(f"SELECT * FROM {table}").fetchall())
    finally:
        conn.close()


def test_the_frozen_v1_sample_upgrades_in_place_with_a_backup(tmp_path):
    path = tmp_path / "old.kehila"
    shutil.copyfile(V1_SAMPLE, path)
    people = _rows(path, "person")
    with open_program(path) as pf:
        assert pf.conn.execute("PRAGMA user_version").fetchone()[0] == FORMAT_VERSION == 3
        assert pf.backup_path is not None and pf.backup_path.exists()
    assert _rows(path, "person") == people
    assert V1_SAMPLE.read_bytes()[60:64] == (1).to_bytes(4, "big")
