"""File sizes of format 2 (issue 18 item 1), each beside its target or its baseline in the
same run: bytes per 1,000 people of generated samples (1,000, 5,000 and 20,000 people),
bytes of file per recorded single-field change (10,000 edits, each its own step, on the
5,000-person program), the shared copy (``share_copy``) of that program, and the frozen
format-1 sample before and after its upgrade. Sizes are taken after ``VACUUM`` (a file as
it would be sent)."""

from __future__ import annotations

import random
import shutil
import sqlite3
import tempfile
from pathlib import Path

from bench.common import big_program

EDITS = 10_000
MB = 1_000_000


def _vacuumed_size(path: Path) -> int:
    conn = sqlite3.connect(path)
    conn.execute("VACUUM")
    conn.close()
    return path.stat().st_size


def _line(what: str, value: str, baseline: str, ratio: float, target: float | None) -> None:
    verdict = "" if target is None else ("  ok" if ratio <= target else f"  OVER {target:g}")
    print(f"{what:<52} {value:>12}   {baseline:<34} {ratio:7.2f}{verdict}", flush=True)


def run(report) -> None:
    from kehila_desktop.core.file.programfile import open_program
    from kehila_desktop.core.history.operations import Operations
    from kehila_desktop.core.history.share import share_copy

    work = Path(tempfile.mkdtemp(prefix="kehila-bench-format-"))
    try:
        for people in (1000, 5000, 20_000):
            target = work / f"s{people}.kehila"
            shutil.copyfile(big_program(people), target)
            size = _vacuumed_size(target)
            per = size / people * 1000
            _line(
                f"file per 1,000 people ({people:,} people)",
                f"{per / MB:.2f} MB",
                f"target 2.4 MB (file {size / MB:.1f} MB)",
                per / (2.4 * MB),
                1.0,
            )

        edited = work / "s5000.kehila"
        before = _vacuumed_size(edited)
        pf = open_program(edited)
        pf.conn.execute("PRAGMA synchronous=OFF")  # setting up only, not measured
        ops = Operations(pf)
        rng = random.Random(7)
        people = [r[0] for r in pf.conn.execute("SELECT id FROM person WHERE deleted=0")]
        fields = ["title", "organisation", "community", "notes"]
        for n in range(EDITS):  # one user action each: a step and one change
            ops.update(
                "person", rng.choice(people), {rng.choice(fields): f"ערך {n}"}, label="edit person"
            )
        pf.close()
        after = _vacuumed_size(edited)
        per_change = (after - before) / EDITS
        _line(
            f"bytes per single-field change ({EDITS:,} edits)",
            f"{per_change:.0f} B",
            f"target 150 B (+{(after - before) / MB:.2f} MB)",
            per_change / 150,
            1.0,
        )

        shared = share_copy(edited, work / "shared.kehila").path
        size = shared.stat().st_size
        _line(
            "shared copy, 5,000 people + 10,000 edits",
            f"{size / MB:.2f} MB",
            f"target 8 MB (file {after / MB:.1f} MB)",
            size / (8 * MB),
            1.0,
        )

        v1 = Path(__file__).resolve().parent.parent / "tests" / "data" / "v1-sample.kehila"
        old = work / "v1.kehila"
        shutil.copyfile(v1, old)
        old_size = _vacuumed_size(old)
        open_program(old).close()  # upgraded in place
        new_size = _vacuumed_size(old)
        _line(
            "format-1 sample upgraded to format 2",
            f"{new_size / 1000:.0f} KB",
            f"format 1: {old_size / 1000:.0f} KB",
            new_size / old_size,
            None,
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    from bench.common import Report

    run(Report())
