"""The tombstone filter (``deleted = 0``) is written once per table, in the ``live_<table>``
views (``core/file/tables.py``); reads go through the views. The few places left that type it
by hand are pinned here, so a new one shows (and moving one off lowers its count)."""

from __future__ import annotations

import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "kehila_desktop"
FILTER = re.compile(r"deleted\s*=\s*0")

HAND_TYPED = {
    "core/file/tables.py": 1,  # the views' definition: the one place per table
    "core/history/merge.py": 7,  # merging reads both copies' rows, tombstones too, on purpose
}


def _counts() -> dict[str, int]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        n = len(FILTER.findall(path.read_text(encoding="utf-8")))
        if n:
            out[str(path.relative_to(PACKAGE))] = n
    return out


def test_the_tombstone_filter_is_typed_only_where_pinned():
    counts = _counts()
    grown = {f: n for f, n in counts.items() if n > HAND_TYPED.get(f, 0)}
    assert not grown, f"read through the live_<table> views (core/file/tables.py): {grown}"
    assert counts == HAND_TYPED, "a filter moved onto the views: lower its count here"
    assert sum(counts.values()) < 10  # it was typed 159 times
