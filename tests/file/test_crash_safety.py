"""A process killed in the middle of a stream of edits leaves a file that opens, passes
quick_check and holds every edit committed before the kill."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

from kehila_desktop.core.file.programfile import open_program

WRITER = r"""
import sys
from kehila_desktop.core.history.operations import Operations
from kehila_desktop.core.file.programfile import open_program
pf = open_program(sys.argv[1])
ops = Operations(pf)
i = 0
while True:
    with ops.step("edit"):
        ops.insert("person", {"name": f"person {i}", "notes": "x" * 2000})
    print(i, flush=True)   # committed: tell the parent
    i += 1
"""


def test_kill_during_edits_loses_nothing_committed(new_file):
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(new_file)], stdout=subprocess.PIPE, text=True
    )
    committed = -1
    while committed < 150:  # the writer's own pace, whatever the machine's speed
        line = proc.stdout.readline()
        if not line:
            break
        committed = int(line)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert committed >= 150
    with open_program(new_file) as pf:  # opening runs quick_check and rolls back the journal
        assert pf.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        names = {n for (n,) in pf.conn.execute("SELECT name FROM person")}
        assert {f"person {i}" for i in range(committed + 1)} <= names
        steps = pf.conn.execute(
            "SELECT count(*) FROM step s JOIN history_name l ON l.n=s.label WHERE l.text='edit'"
        ).fetchone()[0]
        assert steps == len(names)  # every person arrived with its history step
