"""``kehila merge``, ``info``, ``check`` and ``share`` read and write program files without
importing the ORM (sqlmodel, SQLAlchemy, pydantic cost about half a second): only creating
a file needs it."""

from __future__ import annotations

import subprocess
import sys

from .helpers import PEOPLE, open_ops, share_copy

RUN = """
import sys
from kehila_desktop.cli import main
sys.argv = ["kehila", *sys.argv[1:]]
try:
    code = main()
except SystemExit as exc:
    code = exc.code
heavy = sorted(m for m in ("sqlmodel", "sqlalchemy", "pydantic") if m in sys.modules)
print("ORM:", ",".join(heavy) or "none", "exit:", code)
"""


def _kehila(*args) -> str:
    result = subprocess.run(
        [sys.executable, "-c", RUN, *map(str, args)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_merge_and_info_leave_the_orm_out(program, tmp_path):
    copy = share_copy(program, tmp_path / "copy.kehila").path
    b = open_ops(copy)
    pid = b.conn.execute("SELECT id FROM person WHERE name=?", (PEOPLE[1][0],)).fetchone()[0]
    b.update("person", pid, {"title": "רכז"})
    b.insert("area", {"name": "מזרח"})
    b.pf.close()
    assert _kehila("merge", program, copy) == "ORM: none exit: 0"
    assert _kehila("merge", program, copy, "--dry-run") == "ORM: none exit: 0"
    assert _kehila("info", program) == "ORM: none exit: 0"
    assert _kehila("check", program).startswith("ORM: none")
    assert _kehila("share", program, tmp_path / "again.kehila") == "ORM: none exit: 0"
    a = open_ops(program)
    assert a.conn.execute("SELECT title FROM person WHERE id=?", (pid,)).fetchone()[0] == "רכז"
    a.pf.close()
