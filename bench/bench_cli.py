"""The command line and the full integrity check at size (issue 18 items 4-5), each beside a
baseline measured in the same run:

- ``kehila merge --dry-run`` of two 5,000-person copies in a fresh process beside a bare
  ``python -c pass`` plus the same merge planned in-process; the note says whether the ORM
  (SQLModel/SQLAlchemy/pydantic) was imported (it must not be);
- ``kehila check`` of the 20,000-person program: seconds beside opening it, and the bytes it
  prints (grouped findings; target under 20 kB, the ungrouped output was 1.17 MB);
- ``integrity_check`` (the check before a merge or an import writes) at 20,000 people beside
  four times the same at 5,000 (linear in the file: target ≤ 1.5×).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import best_of, big_program

PROBE = (
    "import sys\n"
    "from kehila_desktop import cli\n"
    "code = cli.main(sys.argv[1:])\n"
    "orm = sorted(m for m in ('sqlmodel', 'sqlalchemy', 'pydantic') if m in sys.modules)\n"
    "print('ORM imported: ' + (', '.join(orm) or 'none'), file=sys.stderr)\n"
)


def _process(args: list[str]) -> tuple[float, str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, timeout=600, env=env
    )
    return time.perf_counter() - start, done.stdout, done.stderr


def _median_process(args: list[str], repeat: int = 3) -> tuple[float, str, str]:
    _process(args)  # warm-up: bytecode and file caches
    runs = sorted((_process(args) for _ in range(repeat)), key=lambda r: r[0])
    return runs[len(runs) // 2]


def run(report) -> None:
    from kehila_desktop.core.file.programfile import integrity_check, open_program

    from kehila_desktop.core.history.share import share_copy

    five, twenty = big_program(5000), big_program(20000)
    work = Path(tempfile.mkdtemp(prefix="kehila-bench-cli-"))
    copy = share_copy(five, work / "copy.kehila").path
    bare, _out, _err = _median_process(["-c", "pass"])
    seconds, out, err = _median_process(["-c", PROBE, "merge", "--dry-run", str(five), str(copy)])
    shutil.rmtree(work, ignore_errors=True)
    report.add("kehila merge --dry-run, 5,000 people", seconds, "bare python -c pass", bare)
    report.note("merge: " + next((line for line in err.splitlines() if "ORM" in line), "?"))

    seconds, out, err = _median_process(["-c", PROBE, "check", str(twenty), "--language", "en"])
    opening, _o, _e = _median_process(["-c", PROBE, "info", str(twenty)])
    report.add("kehila check, 20,000 people", seconds, "kehila info (opens the file)", opening)
    size = len(out.encode("utf-8"))
    verdict = "ok" if size <= 20_000 else "OVER"
    report.note(
        f"kehila check, 20,000 people, prints {size:,} bytes in {len(out.splitlines())} "
        f"lines (target under 20,000 bytes): {verdict}"
    )

    with open_program(five, read_only=True) as small, open_program(twenty, read_only=True) as big:
        at_5k = best_of(lambda: integrity_check(small.conn, small.path), repeat=3)
        at_20k = best_of(lambda: integrity_check(big.conn, big.path), repeat=3)
    ratio_files = twenty.stat().st_size / five.stat().st_size
    report.add(
        "integrity_check, 20,000 people", at_20k, "4 × integrity_check at 5,000", 4 * at_5k, 1.5
    )
    report.note(f"the 20,000-person file is {ratio_files:.1f}× the 5,000-person file")


if __name__ == "__main__":
    from bench.common import Report

    run(Report())
