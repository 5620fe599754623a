"""The reliability suite: kill -9 while writing, bad files with every command, merges of three
copies in every order. Sized for CI (well under a minute); ``KEHILA_LONG=1`` runs it longer.
No assertion depends on timing: a kill comes after a commit was seen, not after a delay."""

from __future__ import annotations

import hashlib
import itertools
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from kehila_desktop.cli import main
from kehila_desktop.core.file.programfile import integrity_check, open_program
from kehila_desktop.core.history.merge import merge_copy
from kehila_desktop.core.history.share import share_copy

from tests.merge.helpers import make_program, open_ops, program_data

LONG = os.environ.get("KEHILA_LONG") == "1"
KILLS = 40 if LONG else 3
STEP = 20  # people per committed step of the writer

WRITER = r"""
import sys
from kehila_desktop.core.file.programfile import open_program
from kehila_desktop.core.history.operations import Operations
pf = open_program(sys.argv[1])
pf.conn.execute("PRAGMA cache_size=5")  # pages reach the file before each commit
ops = Operations(pf)
n = 0
while True:
    with ops.step("batch"):
        for _ in range({step}):
            ops.insert("person", {"name": f"p{n}", "notes": "x" * 300})
            n += 1
    print(n, flush=True)
""".replace("{step}", str(STEP))


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("kill", range(KILLS))
def test_kill_9_while_writing_loses_no_committed_step(new_file, kill):
    """Killed after its (kill+1)-th commit was seen: every committed step is there, whole."""
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(new_file)], stdout=subprocess.PIPE, text=True
    )
    seen = 0
    for _ in range(kill + 1):
        seen = int(writer.stdout.readline())
    writer.send_signal(signal.SIGKILL)
    writer.wait()
    writer.stdout.close()
    with open_program(new_file, read_only=True) as pf:  # the hot journal is rolled back
        people = pf.conn.execute("SELECT count(*) FROM person").fetchone()[0]
        assert integrity_check(pf.conn, pf.path) == ["ok"]
    assert people >= seen and people % STEP == 0
    assert main(["check", str(new_file)]) == 0


def _bad_files(good: Path, folder: Path) -> dict[str, Path]:
    data = good.read_bytes()
    kinds = {
        "empty": b"",
        "text": "שלום, not a program".encode(),
        "cut in half": data[: len(data) // 2],
        "only the header": data[:100],
        "scribbled pages": data[:4096] + b"\x55" * 8192 + data[4096 + 8192 :],
    }
    out = {}
    for name, content in kinds.items():
        path = folder / f"{name.replace(' ', '-')}.kehila"
        path.write_bytes(content)
        out[name] = path
    for name, script in {
        "endless view": "ALTER TABLE program RENAME TO program_real; CREATE VIEW program AS "
        "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n+1 FROM r) "
        "SELECT p.* FROM program_real p, r;",
        "trigger": "CREATE TRIGGER t AFTER INSERT ON person BEGIN SELECT 1; END;",
        "extra view": "CREATE VIEW v AS SELECT 1;",
    }.items():
        path = folder / f"{name.replace(' ', '-')}.kehila"
        path.write_bytes(data)
        conn = sqlite3.connect(path)
        conn.executescript(script)
        conn.close()
        out[name] = path
    return out


def test_bad_files_with_every_command(sample_file, tmp_path, capsys):
    sheet = tmp_path / "people.csv"
    sheet.write_text("name\nDana\n", encoding="utf-8")
    tried = 0
    for kind, bad in _bad_files(sample_file, tmp_path).items():
        before = _digest(bad)
        out = tmp_path / "out"
        out.mkdir(exist_ok=True)
        for argv in (
            ["info", str(bad)],
            ["check", str(bad)],
            ["info", str(bad), "--json"],
            ["export", str(bad), "people", str(out / "p.csv")],
            ["export", str(bad), "workplan", str(out / "w.xlsx")],
            ["calendar", str(bad), str(out / "c.ics")],
            ["share", str(bad), str(out / "s.kehila")],
            ["print", str(bad), "structure", str(out / "s.pdf")],
            ["import", str(bad), str(sheet)],
            ["import", str(bad), str(sheet), "--dry-run"],
            ["merge", str(bad), str(sample_file)],
            ["merge", str(sample_file), str(bad)],
        ):
            code = main(argv)
            err = capsys.readouterr().err
            assert code == 3, (kind, argv, err)
            assert err.count("\n") == 1 and "Traceback" not in err, (kind, argv, err)
            tried += 1
        assert _digest(bad) == before, kind
        assert not any(out.iterdir()), kind
    assert tried == 8 * 12


def test_merges_of_three_copies_agree_in_every_order(tmp_path):
    base = make_program(tmp_path)
    copies = []
    for n in range(3):
        copy = share_copy(base, tmp_path / f"copy{n}.kehila").path
        ops = open_ops(copy)
        ops.insert("person", {"name": f"New {n}"})
        person = ops.conn.execute(
            "SELECT id FROM person WHERE deleted=0 ORDER BY id LIMIT 1"
        ).fetchone()[0]
        ops.update("person", person, {"notes": f"note from copy {n}", "title": f"t{n}"})
        ops.pf.close()
        copies.append(copy)
    results = []
    for order in itertools.permutations(range(3)):
        target = tmp_path / ("merged-" + "".join(map(str, order)) + ".kehila")
        target.write_bytes(base.read_bytes())
        ops = open_ops(target)
        for n in order:
            merge_copy(ops, copies[n])
        again = merge_copy(ops, copies[order[0]])
        assert again.nothing_new  # idempotent
        results.append(_comparable(program_data(ops.conn)))
        ops.pf.close()
    assert all(r == results[0] for r in results)


def _comparable(data: dict) -> dict:
    return {t: sorted(map(repr, rows)) for t, rows in data.items()}
