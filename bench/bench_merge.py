"""Merging two copies of a 5,000-person program with 1,000 changes each, beside a plain
``VACUUM INTO`` of the same file (what sharing a copy costs at the least).

Both copies are made from the same program with ``share_copy``; each then gets 1,000
recorded changes (field edits of people, new people, deletions; some fields edited on both
sides, so there are conflicts). The figure is ``merge_copy`` as the user runs it: open and
check the copy, plan, keep a backup, import the history and write the values in one step.
Target: under 3 s.
"""

from __future__ import annotations

import random
import shutil
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from bench.common import best_of, big_program

CHANGES = 1000


def _edit(ops, seed: int, shared: list[str]) -> int:
    """About ``CHANGES`` recorded changes; returns how many were recorded."""
    rng = random.Random(seed)
    people = [r[0] for r in ops.conn.execute("SELECT id FROM person WHERE deleted=0")]
    before = ops.conn.execute("SELECT count(*) FROM change").fetchone()[0]
    done = 0
    n = 0
    while done < CHANGES:
        with ops.step(f"bench {n}"):
            for _ in range(50):
                roll = rng.random()
                if roll < 0.1:
                    ops.insert("person", {"name": f"חדש {seed}-{n}", "phone": "050-0000000"})
                elif roll < 0.15:
                    ops.delete("person", rng.choice(people))
                elif roll < 0.25:  # the same people on both sides: some conflicts
                    ops.update("person", rng.choice(shared), {"notes": f"הערה {seed}-{n}"})
                else:
                    ops.update(
                        "person",
                        rng.choice(people),
                        {rng.choice(["title", "organisation", "community"]): f"ערך {seed}-{n}"},
                    )
                n += 1
        done = ops.conn.execute("SELECT count(*) FROM change").fetchone()[0] - before
    return done


def run(report) -> None:
    from kehila_desktop.core.history.merge import merge_copy
    from kehila_desktop.core.history.operations import Operations
    from kehila_desktop.core.file.programfile import open_program
    from kehila_desktop.core.history.share import share_copy

    source = big_program(5000)
    work = Path(tempfile.mkdtemp(prefix="kehila-bench-merge-"))
    try:
        copies = {}
        with open_program(source, read_only=True) as pf:
            shared = [
                r[0]
                for r in pf.conn.execute(
                    "SELECT id FROM person WHERE deleted=0 ORDER BY id LIMIT 200"
                )
            ]
        for side, seed in (("a", 1), ("b", 2)):
            path = share_copy(source, work / f"{side}.kehila").path
            pf = open_program(path)
            pf.conn.execute("PRAGMA synchronous=OFF")  # setting up only, not measured
            copies[side] = _edit(Operations(pf), seed, shared)
            pf.close()
        a, b = work / "a.kehila", work / "b.kehila"
        with open_program(a, read_only=True) as pf:
            rows = pf.conn.execute("SELECT count(*) FROM change").fetchone()[0]
        report.note(
            f"copies with {copies['a']} and {copies['b']} changes; "
            f"{rows} history rows; {a.stat().st_size / 1e6:.1f} MB"
        )

        raw = sqlite3.connect(a)

        def vacuum_into():
            target = work / "vacuum.kehila"
            if target.exists():
                target.unlink()
            raw.execute("VACUUM INTO ?", (str(target),))

        baseline = best_of(vacuum_into, repeat=3)
        raw.close()

        def copy_both():
            for side in ("a", "b"):
                shutil.copyfile(work / f"{side}.kehila", work / f"plain-{side}.kehila")

        copying = best_of(copy_both, repeat=3)

        times, last = [], None
        for attempt in range(3):
            target = work / f"merge-{attempt}.kehila"
            shutil.copyfile(a, target)
            pf = open_program(target)
            ops = Operations(pf)
            start = time.perf_counter()
            last = merge_copy(ops, b)
            times.append(time.perf_counter() - start)
            pf.close()
        report.note("report: " + ", ".join(f"{k} {v}" for k, v in last.counts().items()))
        seconds = statistics.median(times)
        report.add(
            "merge 1,000 changes into 1,000 (5,000 people)",
            seconds,
            "VACUUM INTO of the same file",
            baseline,
        )
        report.add(
            "merge 1,000 changes into 1,000 (5,000 people)",
            seconds,
            "copying the two files",
            copying,
            5.0,
        )
        report.note(
            f"merge target under 3 s: {'ok' if seconds < 3 else 'OVER'} "
            f"({seconds:.2f} s; runs {', '.join(f'{t:.2f}' for t in times)})"
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    from bench.common import Report

    run(Report())
