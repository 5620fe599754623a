"""Hybrid logical clocks: times only go forward, and a clock running ahead is adopted."""

from __future__ import annotations

from kehila_desktop.core.history import clock
from kehila_desktop.core.history.merge import merge_copy
from kehila_desktop.core.history.share import share_copy
from kehila_desktop.core.history.operations import Operations
from kehila_desktop.core.file.programfile import open_program

YEAR_MS = 365 * 24 * 3600 * 1000


def test_times_never_go_back_and_keep_their_order():
    later = clock.pack(2_000_000_000_000, 5)
    assert clock.tick(later, 1_000_000_000_000) == later + 1  # wall clock behind
    assert clock.tick(later, 2_000_000_000_001) == clock.pack(2_000_000_000_001)
    a = clock.from_iso("2026-12-03T11:53:01.123456Z")
    b = clock.from_iso("2026-12-03T11:53:01.123457Z")
    assert a < b and clock.to_iso(a) == "2026-12-03T11:53:01.123Z"


def _title(ops, pid):
    return ops.conn.execute("SELECT title FROM person WHERE id=?", (pid,)).fetchone()[0]


def test_a_copy_whose_clock_runs_ahead_does_not_win_every_conflict(new_file, tmp_path, monkeypatch):
    base = clock.wall_ms()

    def at(ms):  # the wall clock of the laptop in use reads ``ms``
        monkeypatch.setattr(clock, "wall_ms", lambda: ms)

    at(base)
    a = Operations(open_program(new_file))
    pid = a.insert("person", {"name": "נועה"})
    copy = share_copy(a.pf, tmp_path / "fast.kehila").path
    at(base + YEAR_MS + 1000)  # the copy's laptop runs a year ahead
    b = Operations(open_program(copy))
    b.update("person", pid, {"title": "fast 1"})
    b.pf.close()
    at(base + 2000)
    merge_copy(a, copy)
    assert _title(a, pid) == "fast 1"
    a.update("person", pid, {"title": "seen and changed"})  # after seeing it: comes after it
    assert _title(a, pid) == "seen and changed"
    # the next round: both edit again, this file two minutes after the copy (real time)
    at(base + YEAR_MS + 60_000)
    b = Operations(open_program(copy))
    b.update("person", pid, {"title": "fast 2"})
    b.pf.close()
    at(base + 180_000)
    a.update("person", pid, {"title": "later here"})
    merge_copy(a, copy)
    assert _title(a, pid) == "later here"  # format 1 (and a bare HLC) gave "fast 2"
    a.pf.close()
