"""The program file contract (DESIGN §2): pragmas, defensive opening, bad files, upgrades."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import sys

import pytest

from kehila_desktop.core.file import guard, programfile
from kehila_desktop.core.errors import ProgramFileError, ReadOnlyError
from kehila_desktop.core.history.operations import Operations
from kehila_desktop.core.file.programfile import APPLICATION_ID, FORMAT_VERSION, open_program
from kehila_desktop.core.file.create import create_program


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_file_has_the_format_pragmas(new_file):
    conn = sqlite3.connect(new_file)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert conn.execute("PRAGMA user_version").fetchone()[0] == FORMAT_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()


def test_open_sets_rollback_journal_full_sync_and_foreign_keys(new_file):
    with open_program(new_file) as pf:
        assert pf.conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert pf.conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert pf.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert pf.conn.execute("PRAGMA trusted_schema").fetchone()[0] == 0


def test_no_side_files_while_open_so_a_copy_is_complete(new_file, tmp_path):
    with open_program(new_file) as pf:
        ops = Operations(pf)
        ops.insert("person", {"name": "נועה"})
        assert sorted(p.name for p in tmp_path.iterdir()) == ["program.kehila"]
        copy = tmp_path / "copy.kehila"
        copy.write_bytes(new_file.read_bytes())  # what an e-mail client does
    with open_program(copy) as other:
        assert other.conn.execute("SELECT name FROM person").fetchall() == [("נועה",)]


def test_create_never_overwrites(new_file):
    before = digest(new_file)
    with pytest.raises(ProgramFileError) as err:
        create_program(new_file)
    assert err.value.reason == "exists"
    assert digest(new_file) == before


def _other_sqlite_app(path):
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t(x)")
    conn.execute("PRAGMA application_id=1234")
    conn.execute("PRAGMA user_version=1")
    conn.commit()
    conn.close()


BAD_FILES = {
    "empty": (lambda p: p.write_bytes(b""), "empty"),
    "random bytes": (lambda p: p.write_bytes(os.urandom(4096)), "not_program"),
    "text": (lambda p: p.write_text("name,phone\nנועה,050\n", encoding="utf-8"), "not_program"),
    "another sqlite app": (_other_sqlite_app, "not_program"),
}


@pytest.mark.parametrize("kind", sorted(BAD_FILES))
def test_bad_files_are_refused_with_a_reason(tmp_path, kind):
    path = tmp_path / "bad.kehila"
    make, reason = BAD_FILES[kind]
    make(path)
    before = digest(path)
    with pytest.raises(ProgramFileError) as err:
        open_program(path)
    assert err.value.reason == reason
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.kehila"]


def test_truncated_file_is_damaged_and_untouched(sample_file):
    data = sample_file.read_bytes()
    sample_file.write_bytes(data[: len(data) // 2])
    before = digest(sample_file)
    with pytest.raises(ProgramFileError) as err:
        open_program(sample_file)
    assert err.value.reason == "damaged"
    assert digest(sample_file) == before


def test_header_only_file_is_damaged(new_file):
    new_file.write_bytes(new_file.read_bytes()[:60])
    with pytest.raises(ProgramFileError) as err:
        open_program(new_file)
    assert err.value.reason == "damaged"


def test_corrupted_page_fails_quick_check(sample_file):
    data = bytearray(sample_file.read_bytes())
    page = 4096
    for offset in range(page * 3, page * 3 + 2000):  # scribble over a b-tree page
        data[offset] = 0xA5
    sample_file.write_bytes(bytes(data))
    with pytest.raises(ProgramFileError) as err:
        open_program(sample_file)
    assert err.value.reason == "damaged"


def test_directory_and_missing(tmp_path):
    with pytest.raises(ProgramFileError) as err:
        open_program(tmp_path)
    assert err.value.reason == "not_program"
    with pytest.raises(ProgramFileError) as err:
        open_program(tmp_path / "nope.kehila")
    assert err.value.reason == "missing"


@pytest.mark.skipif(
    sys.platform == "win32" or os.geteuid() == 0,
    reason="root (as in CI) reads any file; permissions cannot be tested",
)
def test_no_permission(new_file):
    new_file.chmod(0)
    try:
        with pytest.raises(ProgramFileError) as err:
            open_program(new_file)
        assert err.value.reason == "no_permission"
    finally:
        new_file.chmod(0o644)


def _set_version(path, version):
    data = bytearray(path.read_bytes())
    data[60:64] = version.to_bytes(4, "big")
    path.write_bytes(bytes(data))


def test_newer_format_is_refused_or_opened_read_only(new_file):
    _set_version(new_file, FORMAT_VERSION + 1)
    before = digest(new_file)
    with pytest.raises(ProgramFileError) as err:
        open_program(new_file)
    assert err.value.reason == "newer"
    assert str(FORMAT_VERSION + 1) in err.value.text()
    with open_program(new_file, allow_newer=True) as pf:
        assert pf.read_only
        with pytest.raises(ReadOnlyError):
            Operations(pf).insert("person", {"name": "x"})
    assert digest(new_file) == before


def pretend_frozen(monkeypatch):
    """Pretending the format is one newer: today's schema is then the frozen older one."""
    today, real = guard.current(), guard.frozen
    monkeypatch.setattr(guard, "frozen", lambda v: today if v == FORMAT_VERSION else real(v))


def test_older_format_is_upgraded_after_a_backup(new_file, monkeypatch):
    """Pretend the current format is one newer, with a real upgrade step, and open a v1 file."""

    def add_column(conn):
        conn.execute("ALTER TABLE person ADD COLUMN pronouns TEXT NOT NULL DEFAULT ''")

    monkeypatch.setattr(programfile, "FORMAT_VERSION", FORMAT_VERSION + 1)
    monkeypatch.setitem(programfile.MIGRATIONS, FORMAT_VERSION, add_column)
    # the pretend format's schema: the current one with that column (what its model would say)
    from kehila_desktop.core.file.schema import create_schema

    scratch = sqlite3.connect(":memory:", isolation_level=None)
    create_schema(scratch)
    add_column(scratch)
    pretend_frozen(monkeypatch)
    monkeypatch.setattr(guard, "current", lambda: guard.fingerprint(scratch))
    original = new_file.read_bytes()
    with open_program(new_file) as pf:
        assert pf.backup_path is not None and pf.backup_path.exists()
        assert pf.conn.execute("PRAGMA user_version").fetchone()[0] == FORMAT_VERSION + 1
        cols = [r[1] for r in pf.conn.execute("PRAGMA table_info(person)")]
        assert "pronouns" in cols
    backup = sqlite3.connect(pf.backup_path)
    assert backup.execute("PRAGMA user_version").fetchone()[0] == FORMAT_VERSION
    assert "pronouns" not in [r[1] for r in backup.execute("PRAGMA table_info(person)")]
    backup.close()
    assert len(original) > 0


def test_a_failed_upgrade_changes_nothing(new_file, monkeypatch):
    def broken(conn):
        conn.execute("ALTER TABLE person ADD COLUMN x TEXT")
        raise RuntimeError("upgrade bug")

    monkeypatch.setattr(programfile, "FORMAT_VERSION", FORMAT_VERSION + 1)
    monkeypatch.setitem(programfile.MIGRATIONS, FORMAT_VERSION, broken)
    pretend_frozen(monkeypatch)
    with pytest.raises(RuntimeError):
        open_program(new_file)
    conn = sqlite3.connect(new_file)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == FORMAT_VERSION
    assert "x" not in [r[1] for r in conn.execute("PRAGMA table_info(person)")]
    conn.close()


def test_hostile_schema_does_not_run_on_open(new_file, monkeypatch):
    """A view smuggled into the file never runs: the file is refused before any of its SQL runs
    (the schema is not exactly the format's), and the connection opening uses would not let a
    view call an application function anyway (trusted_schema=OFF)."""
    calls: list[int] = []
    conn = sqlite3.connect(new_file)
    conn.executescript(
        "ALTER TABLE program RENAME TO program_real;"
        "CREATE VIEW program AS SELECT *, spy() AS spied FROM program_real;"
        "CREATE VIEW evil AS SELECT spy() AS boom;"
    )
    conn.close()
    real_connect = programfile._connect

    def connect(path, read_only):
        c = real_connect(path, read_only)
        c.create_function("spy", 0, lambda: calls.append(1) or 1)
        return c

    monkeypatch.setattr(programfile, "_connect", connect)
    before = new_file.read_bytes()
    with pytest.raises(ProgramFileError) as refused:
        open_program(new_file)
    assert refused.value.reason == "not_program"
    assert "not a program file made by Kehila Desktop" in refused.value.text()
    probe = connect(new_file, read_only=True)
    with pytest.raises(sqlite3.OperationalError, match="unsafe use"):
        probe.execute("SELECT * FROM evil").fetchall()
    probe.close()
    assert calls == []
    assert new_file.read_bytes() == before


def test_a_backup_taken_while_holding_the_write_lock_is_the_committed_file(new_file, tmp_path):
    """``copy_held`` (merge's backup) copies the bytes while this process holds the write
    transaction: the copy is the file as committed, opens as a program file, and leaves no
    hidden temporary file behind."""
    with open_program(new_file) as pf:
        ops = Operations(pf)
        ops.insert("person", {"name": "שרה"})
        with ops.step("hold"):  # BEGIN IMMEDIATE: no other writer until we are done
            backup = tmp_path / "held.bak.kehila"
            programfile.copy_held(pf.path, backup)
            ops.insert("person", {"name": "not in the backup"})
        assert digest(backup) != digest(new_file)
    with open_program(backup, read_only=True) as copy:
        names = [n for (n,) in copy.conn.execute("SELECT name FROM live_person")]
    assert "שרה" in names and "not in the backup" not in names
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
