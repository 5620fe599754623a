"""Files that could hang, fool or corrupt us: refused before their SQL runs, recovered after a
crash, one writer at a time. Real files, the real ``kehila`` command."""

from __future__ import annotations

import hashlib
import json
import os
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from kehila_desktop.cli import main
from kehila_desktop.core.file import guard, recovery
from kehila_desktop.core.file.programfile import explain_sqlite_error, open_program
from kehila_desktop.core.history.share import share_copy

ENDLESS_VIEW = (
    "ALTER TABLE program RENAME TO program_real; "
    "CREATE VIEW program AS WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL "
    "SELECT n+1 FROM r) SELECT p.* FROM program_real p, r;"
)
TRIGGER = (
    "CREATE TRIGGER boom AFTER INSERT ON change BEGIN SELECT RAISE(ABORT, 'trigger ran'); END;"
)
KINDS = {
    "endless view": ENDLESS_VIEW,
    "trigger": TRIGGER,
    "extra table": "CREATE TABLE extra(x);",
    "extra index": "CREATE INDEX ix_extra ON person(phone);",
    "extra column": "ALTER TABLE person ADD COLUMN secret TEXT;",
}


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def spoil(path: Path, script: str) -> None:
    conn = sqlite3.connect(path)
    conn.executescript(script)
    conn.close()


def kehila(
    *args: str, env: dict | None = None, timeout: float = 120
) -> subprocess.CompletedProcess:
    """The real command in its own process (a hang fails by the timeout, not by a clock)."""
    full = {**os.environ, "KEHILA_LANGUAGE": "en", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "kehila_desktop.cli", *args],
        env=full,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@pytest.fixture
def good(sample_file, tmp_path):
    """A program file and a shared copy of it that came back."""
    copy = share_copy(sample_file, tmp_path / "copy.kehila").path
    return sample_file, copy


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_a_schema_not_the_formats_is_refused_by_every_command(
    kind, good, tmp_path, capsys, monkeypatch
):
    monkeypatch.setenv("KEHILA_LANGUAGE", "en")
    program, copy = good
    sheet = tmp_path / "people.csv"
    sheet.write_text("name\nDana\n", encoding="utf-8")
    hostile = tmp_path / "hostile.kehila"
    hostile.write_bytes(program.read_bytes())
    spoil(hostile, KINDS[kind])
    before = digest(hostile)
    runs = [
        ["info", str(hostile)],
        ["check", str(hostile)],
        ["export", str(hostile), "people", str(tmp_path / "out.csv")],
        ["calendar", str(hostile), str(tmp_path / "out.ics")],
        ["share", str(hostile), str(tmp_path / "shared.kehila")],
        ["print", str(hostile), "structure", str(tmp_path / "out.pdf")],
        ["import", str(hostile), str(sheet)],
        ["import", str(hostile), str(sheet), "--dry-run"],
        ["merge", str(hostile), str(copy)],
        ["merge", str(program), str(hostile)],
        ["merge", str(program), str(hostile), "--dry-run"],
    ]
    for argv in runs:
        assert main(argv) == 3, argv
        err = capsys.readouterr().err
        assert "not a program file made by Kehila Desktop" in err, (argv, err)
        assert err.count("\n") == 1
    assert digest(hostile) == before
    assert not (tmp_path / "shared.kehila").exists() and not (tmp_path / "out.pdf").exists()


def test_the_endless_view_is_refused_in_its_own_process(good, tmp_path):
    """The case of the issue, as a user runs it: info, check and merge (both ways) end."""
    program, _copy = good
    hostile = tmp_path / "hostile.kehila"
    hostile.write_bytes(program.read_bytes())
    spoil(hostile, ENDLESS_VIEW)
    for argv in (
        ["info", str(hostile)],
        ["check", str(hostile)],
        ["merge", str(program), str(hostile)],
    ):
        done = kehila(*argv)
        assert done.returncode == 3, done.stderr
        assert "not a program file made by Kehila Desktop" in done.stderr
        assert "Traceback" not in done.stderr


def test_a_fresh_file_and_a_frozen_v1_file_are_accepted(new_file):
    with open_program(new_file, read_only=True) as pf:
        found = guard.fingerprint(pf.conn)
    assert found == guard.current()
    assert guard.frozen(1) is not None and guard.frozen(1)["tables"]
    assert "program" in guard.current()["tables"] and not guard.describe_difference(
        found, guard.current()
    )


def test_the_current_schema_is_cached_beside_nothing_of_the_users(tmp_path, monkeypatch):
    """Derived from the model once, then read from the cache (a changed model changes the
    key, so a stale cache is never used)."""
    monkeypatch.setenv("KEHILA_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(guard, "_cache", {})
    first = guard.current()
    cached = list((tmp_path / "cache").glob("schema-*.json"))
    assert len(cached) == 1 and json.loads(cached[0].read_text()) == first
    monkeypatch.setattr(guard, "_cache", {})
    assert guard.current() == first


def test_a_query_that_runs_too_long_is_stopped_with_one_sentence(new_file):
    with open_program(new_file, read_only=True) as pf:
        guard.install_limit(pf.conn, 0.05)
        with pytest.raises(sqlite3.OperationalError) as stopped:
            pf.conn.execute(
                "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n+1 FROM r) "
                "SELECT count(*) FROM r"
            ).fetchone()
        # short statements after it run as usual: the clock starts again with each one
        assert pf.conn.execute("SELECT count(*) FROM program").fetchone()[0] == 1
    error = explain_sqlite_error(new_file, stopped.value)
    assert error.reason == "too_long" and "took longer than" in error.text()


def _stopped_by_us(conn, statement: str) -> bool:
    """Run an endless statement; True if our own limit stopped it, False if only this
    test's rescue (after 20 s, so a broken limit fails instead of hanging) did."""
    import threading

    rescued = threading.Event()
    rescue = threading.Timer(20, lambda: (rescued.set(), conn.interrupt()))
    rescue.start()
    try:
        with pytest.raises(sqlite3.OperationalError) as stopped:
            conn.execute(statement).fetchone()
    finally:
        rescue.cancel()
    return guard.is_interrupted(stopped.value) and not rescued.is_set()


def test_a_full_check_without_the_python_hooks_is_still_stopped_in_time(new_file, monkeypatch):
    """Full checks (a merge runs one in a worker thread) drop the Python hooks so they do not
    wait for Python's lock; a timer keeps the same limit, and the hooks are back after."""
    endless = "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n+1 FROM r) SELECT count(*) FROM r"
    monkeypatch.setenv("KEHILA_QUERY_LIMIT", "0.05")  # the limit every connection gets
    with open_program(new_file, read_only=True) as pf:
        with guard.limited_without_python(pf.conn):
            assert _stopped_by_us(pf.conn, endless)
        with guard.limited_without_python(pf.conn, 30):
            assert pf.conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert _stopped_by_us(pf.conn, endless)  # the progress hook is back


# --- crash recovery ---------------------------------------------------------------------------

KILLED_WRITER = r"""
import os, sys
from kehila_desktop.core.file.programfile import open_program
from kehila_desktop.core.history.operations import Operations
pf = open_program(sys.argv[1])
pf.conn.execute("PRAGMA cache_size=5")  # pages spill to the file before the commit
ops = Operations(pf)
with ops.step("half"):
    for n in range(300):
        ops.insert("person", {"name": f"half {n}", "notes": "x" * 500})
    os.kill(os.getpid(), 9)
"""


def crash_a_writer(path: Path) -> None:
    done = subprocess.run([sys.executable, "-c", KILLED_WRITER, str(path)], capture_output=True)
    assert done.returncode == -9
    assert path.with_name(path.name + "-journal").stat().st_size > 0  # a hot journal is left


def people(path: Path) -> int:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT count(*) FROM person").fetchone()[0]
    finally:
        conn.close()


def test_a_hot_journal_is_rolled_back_by_reading_commands(sample_file, tmp_path, capsys):
    before = people(sample_file)
    crash_a_writer(sample_file)
    assert main(["info", str(sample_file)]) == 0
    assert "damaged" not in capsys.readouterr().err
    assert not sample_file.with_name(sample_file.name + "-journal").exists()
    assert people(sample_file) == before
    assert main(["check", str(sample_file)]) == 0


def test_a_hot_journal_beside_a_read_only_file_is_read_through_a_copy(sample_file, monkeypatch):
    before = people(sample_file)
    crash_a_writer(sample_file)
    journal = sample_file.with_name(sample_file.name + "-journal")
    kept = digest(sample_file), digest(journal)
    monkeypatch.setattr(recovery, "writable", lambda path: False)  # root ignores chmod
    with open_program(sample_file, read_only=True) as pf:
        assert pf.conn.execute("SELECT count(*) FROM person").fetchone()[0] == before
        copy = pf.recovered_from
        assert copy is not None and copy.exists()
    assert not copy.exists()  # the temporary copy goes with the file's closing
    assert (digest(sample_file), digest(journal)) == kept  # nothing written beside it


def test_a_wal_mode_file_gets_no_side_files_from_reading(sample_file, tmp_path, capsys):
    conn = sqlite3.connect(sample_file)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.close()
    for argv in (
        ["info", str(sample_file)],
        ["check", str(sample_file)],
        ["export", str(sample_file), "people", str(tmp_path / "p.csv")],
    ):
        assert main(argv) == 0, capsys.readouterr().err
        assert not sample_file.with_name(sample_file.name + "-wal").exists()
        assert not sample_file.with_name(sample_file.name + "-shm").exists()


def test_temporary_files_of_killed_commands_are_removed_next_time(new_file, capsys):
    dead = new_file.with_name(
        f".{new_file.name}.creating-999999999-{recovery._host_tag()}-0123abcd.tmp"
    )
    dead.write_bytes(b"half a file")
    dead.with_name(dead.name + "-journal").write_bytes(b"x")
    alive = recovery.temp_name(new_file, "sharing")  # this process: still at work
    alive.write_bytes(b"in use")
    assert main(["info", str(new_file)]) == 0
    assert not dead.exists() and not dead.with_name(dead.name + "-journal").exists()
    assert alive.exists()


def test_a_killed_share_leaves_nothing_after_the_next_run(sample_file, tmp_path):
    script = (
        "import os, sys\nfrom kehila_desktop.core.history import share\n"
        "real = share._place\n"
        "def killed(tmp, target):\n    os.kill(os.getpid(), 9)\n"
        "share._place = killed\n"
        "share.share_copy(sys.argv[1], sys.argv[2])\n"
    )
    out = tmp_path / "sent"
    out.mkdir()
    done = subprocess.run(
        [sys.executable, "-c", script, str(sample_file), str(out)], capture_output=True
    )
    assert done.returncode == -9 and list(out.iterdir())  # hidden files left behind
    share_copy(sample_file, out)
    assert [p.name.startswith(".") for p in out.iterdir()] == [False]


# --- one writer at a time ---------------------------------------------------------------------


def test_a_writer_meets_the_lock_of_another_instance(sample_file, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("KEHILA_LANGUAGE", "en")
    sheet = tmp_path / "people.csv"
    sheet.write_text("name\nDana\n", encoding="utf-8")
    lock = sample_file.with_name(sample_file.name + ".lock")
    lock.write_text(
        json.dumps(
            {
                "pid": os.getppid(),
                "host": socket.gethostname(),
                "user": "rina",
                "program": "Kehila Desktop",
            }
        )
    )
    before = digest(sample_file)
    for argv in (
        ["import", str(sample_file), str(sheet)],
        ["merge", str(sample_file), str(share_copy(sample_file, tmp_path).path)],
    ):
        assert main(argv) == 3
        err = capsys.readouterr().err
        assert err == (
            f"kehila: {sample_file.name} is open in Kehila Desktop on "
            f"{socket.gethostname()} (by rina); try again when it is closed.\n"
        )
    assert digest(sample_file) == before


def test_a_writer_meets_a_file_another_program_is_writing(
    sample_file, tmp_path, capsys, monkeypatch
):
    monkeypatch.setenv("KEHILA_LANGUAGE", "en")
    sheet = tmp_path / "people.csv"
    sheet.write_text("name\nDana\n", encoding="utf-8")
    other = sqlite3.connect(sample_file, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        assert main(["import", str(sample_file), str(sheet)]) == 3
    finally:
        other.execute("ROLLBACK")
        other.close()
    err = capsys.readouterr().err
    assert "is being changed by another program; try again when it is closed." in err
    assert "damaged" not in err and err.count("\n") == 1


def test_two_imports_at_once_leave_one_set_of_people(new_file, tmp_path):
    sheet = tmp_path / "people.csv"
    sheet.write_text(
        "name,email\n" + "".join(f"Person {n},p{n}@example.org\n" for n in range(400)),
        encoding="utf-8",
    )
    env = {**os.environ, "KEHILA_LANGUAGE": "en"}
    runs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "kehila_desktop.cli",
                "import",
                str(new_file),
                str(sheet),
                "--consent",
                "yes",
            ],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    results = [(run.wait(timeout=300), run.stderr.read()) for run in runs]
    for run in runs:
        run.stdout.close()
        run.stderr.close()
    assert all(code in (0, 3) for code, _err in results), results
    assert any(code == 0 for code, _err in results)
    assert all("Traceback" not in err and "damaged" not in err for _c, err in results)
    conn = sqlite3.connect(new_file)
    assert conn.execute("SELECT count(*) FROM person WHERE deleted=0").fetchone()[0] == 400
    conn.close()


def test_merge_into_a_read_only_file_exits_3_and_leaves_no_backup(
    sample_file, tmp_path, capsys, monkeypatch
):
    copy = share_copy(sample_file, tmp_path / "copy.kehila").path
    with open_program(copy) as pf:
        from kehila_desktop.core.history.operations import Operations

        Operations(pf).insert("person", {"name": "New one"})
    monkeypatch.setattr(recovery, "writable", lambda path: False)
    for _try in range(2):
        assert main(["merge", str(sample_file), str(copy)]) == 3
        assert "read-only" in capsys.readouterr().err
    assert not list(tmp_path.glob("*.bak*"))


def test_merge_backups_are_kept_to_the_last_three(sample_file, tmp_path):
    from kehila_desktop.core.history.operations import Operations

    for n in range(5):
        copy = share_copy(sample_file, tmp_path / f"copy{n}.kehila").path
        with open_program(copy) as pf:
            Operations(pf).insert("person", {"name": f"New {n}"})
        assert main(["merge", str(sample_file), str(copy)]) == 0
    backups = sorted(tmp_path.glob("sample.merge.bak*.kehila"))
    assert len(backups) == 3
    with open_program(max(backups, key=lambda p: p.stat().st_mtime_ns), read_only=True) as pf:
        names = {r[0] for r in pf.conn.execute("SELECT name FROM person")}
    assert "New 3" in names and "New 4" not in names  # the newest: just before the last merge


def test_check_groups_repeated_findings(monkeypatch):
    from kehila_desktop.commands.check_cmd import SHOWN, grouped
    from kehila_desktop.core.health import Finding
    from kehila_desktop.core.i18n import set_language

    set_language("en")
    found = [Finding("low_attendance", "warning", f"Person {n} came rarely.") for n in range(50)]
    found.append(Finding("no_picture", "warning", "No situation picture."))
    lines = grouped(found)
    assert lines[0] == "[warning] 50 findings of this kind:"
    assert lines[1 : 1 + SHOWN] == [f"  Person {n} came rarely." for n in range(SHOWN)]
    assert lines[1 + SHOWN] == f"  … and {50 - SHOWN} more (all of them with --all or --json)."
    assert lines[-1] == "[warning] No situation picture."
    assert len(grouped(found, show_all=True)) == 51


def test_a_blob_in_a_text_column_exports_without_a_traceback(sample_file, tmp_path, capsys):
    conn = sqlite3.connect(sample_file)
    with pytest.raises(sqlite3.IntegrityError):  # format 2: STRICT tables refuse it ...
        conn.execute(
            "UPDATE person SET name=?, notes=? WHERE rowid IN (SELECT rowid FROM person LIMIT 1)",
            (b"\x00" * 34000, b"\xff\xfe"),
        )
    conn.execute("PRAGMA writable_schema=ON")  # ... so make the table non-STRICT first
    conn.execute("UPDATE sqlite_master SET sql=replace(sql, ') STRICT', ')') WHERE name='person'")
    conn.commit()
    conn.close()
    conn = sqlite3.connect(sample_file)
    conn.execute(
        "UPDATE person SET name=?, notes=? WHERE rowid IN (SELECT rowid FROM person LIMIT 1)",
        (b"\x00" * 34000, b"\xff\xfe"),
    )
    conn.commit()
    conn.close()
    code = main(["export", str(sample_file), "people", str(tmp_path / "people.csv")])
    err = capsys.readouterr().err
    assert "Traceback" not in err and "\x00" not in err and len(err) < 500
    assert code in (0, 3)
