"""The program file and ``kehila info`` on a 5,000-person program, beside raw sqlite3.

Figures: creating the program (through the operations layer, with history) beside raw
sqlite3 inserting the same number of rows; opening it (header, quick_check, pragmas) beside a
bare sqlite3 connect; ``info`` in-process beside raw sqlite3 reading the same rows; and
``kehila info --json`` as a whole process beside ``python -c "import sqlite3"``.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import best_of, big_program

RAW_QUERIES = [
    "SELECT * FROM program WHERE deleted=0",
    *(f"SELECT count(*) FROM {t} WHERE deleted=0" for t in (
        "person", "body", "membership", "meeting", "attendance", "decision", "goal",
        "objective", "action")),
    "SELECT b.id, b.kind, b.name, b.channel_key, (SELECT count(*) FROM membership m "
    "WHERE m.body_id=b.id AND m.deleted=0 AND m.status='joined') FROM body b WHERE b.deleted=0",
    "SELECT key, chosen FROM channel WHERE deleted=0",
    "SELECT id, body_id, starts_at, minutes, status FROM meeting WHERE deleted=0 "
    "ORDER BY starts_at",
]


def run(report) -> None:
    from kehila_desktop.commands.info_cmd import collect
    from kehila_desktop.core.file.programfile import open_program
    from kehila_desktop.core.file.create import create_program
    from kehila_desktop.core.sample.build import populate_sample

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.kehila"
        start = time.perf_counter()
        create_program(path, populate=lambda ops: populate_sample(ops, people=5000))
        created = time.perf_counter() - start
        conn = sqlite3.connect(path)
        rows = conn.execute("SELECT count(*) FROM change").fetchone()[0]
        conn.close()
        raw_path = Path(tmp) / "raw.db"
        raw = sqlite3.connect(raw_path)
        raw.execute("CREATE TABLE t(id TEXT PRIMARY KEY, a TEXT, b TEXT)")
        start = time.perf_counter()
        with raw:
            raw.executemany("INSERT INTO t VALUES (?,?,?)",
                            ((f"{i:032x}", "x" * 40, "y" * 80) for i in range(rows * 2)))
        raw_insert = time.perf_counter() - start
        raw.close()
        report.add(f"create --people 5000 ({rows} history rows)", created,
                   f"raw sqlite3: insert {rows * 2} rows", raw_insert)

    path = big_program(5000)

    def open_close():
        open_program(path, read_only=True).close()

    def bare_connect():
        c = sqlite3.connect(path)
        c.execute("SELECT 1 FROM program").fetchone()
        c.close()

    report.add("open (header, quick_check, pragmas)", best_of(open_close),
               "raw sqlite3: connect + one read", best_of(bare_connect))

    pf = open_program(path, read_only=True)
    raw_conn = sqlite3.connect(path)
    report.add("info (in process)", best_of(lambda: collect(pf.conn, 1)),
               "raw sqlite3: the same queries",
               best_of(lambda: [raw_conn.execute(q).fetchall() for q in RAW_QUERIES]))
    pf.close()
    raw_conn.close()

    def cli_info():
        subprocess.run([sys.executable, "-m", "kehila_desktop.cli", "info", str(path), "--json"],
                       check=True, capture_output=True)

    def bare_python():
        subprocess.run([sys.executable, "-c", "import sqlite3"], check=True, capture_output=True)

    report.add("kehila info --json (whole process)", best_of(cli_info, 3),
               "python -c 'import sqlite3'", best_of(bare_python, 3))
