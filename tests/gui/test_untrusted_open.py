"""The app's Open meets hostile and crashed files: one dialog, the open program stays open."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest

from kehila_desktop.core.i18n import set_language
from kehila_desktop.gui import dialogs

HOSTILE = {
    "endless view": "ALTER TABLE program RENAME TO program_real; CREATE VIEW program AS WITH "
    "RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n+1 FROM r) SELECT p.* "
    "FROM program_real p, r;",
    "trigger": "CREATE TRIGGER boom AFTER INSERT ON change BEGIN SELECT RAISE(ABORT, 'x'); END;",
}


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_a_hostile_file_is_refused_with_one_dialog(kind, main_window, gui_sample, tmp_path):
    set_language("en")
    hostile = tmp_path / "hostile.kehila"
    hostile.write_bytes(gui_sample.read_bytes())
    conn = sqlite3.connect(hostile)
    conn.executescript(HOSTILE[kind])
    conn.close()
    before = hashlib.sha256(hostile.read_bytes()).hexdigest()
    dialogs.shown.clear()
    assert not main_window.files.open_path(hostile)
    assert len(dialogs.shown) == 1 and dialogs.shown[0][0] == "error"
    assert "not a program file made by Kehila Desktop" in dialogs.shown[0][1]
    assert main_window.context.pf.path == gui_sample  # the open program stays open
    assert hashlib.sha256(hostile.read_bytes()).hexdigest() == before
