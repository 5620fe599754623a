"""Hybrid logical clocks: the times of the change history (docs/HISTORY.md explains the rule).

A time is one integer: milliseconds since 1970 (UTC) shifted left by 16 bits, plus a counter
for steps within the same millisecond (or recorded while the wall clock is behind the
history). Times of one copy strictly increase; no time is ever earlier than a time the copy
has already seen (its own or one merged in), so an edit made after seeing another edit
always comes after it, whatever the wall clocks say.
"""

from __future__ import annotations

import time
from datetime import datetime, timedelta, UTC

SHIFT = 16
COUNTER = (1 << SHIFT) - 1
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def wall_ms() -> int:
    return time.time_ns() // 1_000_000


def pack(ms: int, counter: int = 0) -> int:
    return (ms << SHIFT) | counter


def ms_of(at: int) -> int:
    return at >> SHIFT


def tick(last: int, now_ms: int) -> int:
    """The next time after ``last`` when the (offset) wall clock reads ``now_ms``."""
    if now_ms > ms_of(last):
        return pack(now_ms)
    return last + 1  # same millisecond, or the clock is behind: count on (carries into ms)


def from_iso(text: str) -> int:
    """A format-1 history time (``2026-12-03T11:53:01.123456Z``) as a clock time.

    The microseconds below the millisecond become the counter, so distinct format-1 times
    stay distinct and in the same order."""
    moment = datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
    micros = (moment - _EPOCH) // timedelta(microseconds=1)
    return pack(micros // 1000, micros % 1000)


def to_iso(at: int) -> str:
    """A clock time as UTC ISO 8601 text (to show it; the counter is left out)."""
    ms = ms_of(at)
    moment = datetime.fromtimestamp(ms / 1000, tz=UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{ms % 1000:03d}Z"
