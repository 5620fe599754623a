"""The clock of a meeting run in the room, kept in the program file.

"Start meeting" records the real start; from then the meeting's ``clock_elapsed`` seconds
count up to ``clock_mark`` (the wall time the clock has run from, empty while paused), each
agenda item's ``spent_seconds`` likewise, and ``clock_item_id`` names the item the room is on.
The clock is written only when something happens (start, next / previous item, pause,
finish), as steps of kind ``clock`` (in the history, not in the undo stack: Ctrl+Z undoes the
facilitator's edits, not the passing of time). Whoever opens the file later, after a crash
or on a second laptop, reads the clock as it runs now: ``clock_of``.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import datetime, UTC

from kehila_desktop.core.errors import InvalidEdit
from kehila_desktop.core.history.operations import Operations
from kehila_desktop.core.i18n import tr

LATE_AFTER_SECONDS = 10 * 60  # a member checked in later than this after the start is late


def now_utc() -> datetime:
    return datetime.now(UTC)


def _parse(text: str) -> datetime | None:
    try:
        when = datetime.fromisoformat(text) if text else None
    except ValueError:
        return None
    if when is not None and when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when


@dataclass
class Clock:
    """A meeting's clock as it runs at ``now``."""

    started_at: str = ""  # local time the meeting really started ("" before Start meeting)
    item_id: str = ""
    elapsed: int = 0  # seconds since the start, pauses left out
    spent: dict[str, int] = field(default_factory=dict)  # agenda item id → seconds used
    running: bool = False

    @property
    def started(self) -> bool:
        return bool(self.started_at)


def clock_of(conn: sqlite3.Connection, meeting_id: str, now: datetime | None = None) -> Clock:
    row = conn.execute(
        "SELECT started_at, clock_item_id, clock_elapsed, clock_mark FROM meeting WHERE id=?",
        (meeting_id,),
    ).fetchone()
    if row is None:
        return Clock()
    started_at, item_id, elapsed, mark = row
    spent = dict(
        conn.execute(
            "SELECT id, spent_seconds FROM live_agenda_item WHERE meeting_id=? AND spent_seconds>0",
            (meeting_id,),
        ).fetchall()
    )
    since = _parse(mark)
    running = bool(started_at and since is not None)
    if running and since is not None:
        gap = max(0, int(((now or now_utc()) - since).total_seconds()))
        elapsed = int(elapsed) + gap
        if item_id:
            spent[item_id] = spent.get(item_id, 0) + gap
    return Clock(started_at or "", item_id or "", int(elapsed), spent, running)


def start_meeting(
    ops: Operations, meeting_id: str, first_item_id: str = "", *, now: datetime | None = None
) -> None:
    """Start the meeting now: the real start time is kept and the clock runs from zero."""
    now = now or now_utc()
    row = ops.conn.execute(
        "SELECT started_at FROM live_meeting WHERE id=?", (meeting_id,)
    ).fetchone()
    if row is None:
        raise InvalidEdit("The {table} row {row} does not exist.", table="meeting", row=meeting_id)
    if row[0]:
        raise InvalidEdit("This meeting has already started.")
    local = now.astimezone().replace(tzinfo=None, microsecond=0).isoformat()
    with ops.step(tr("start meeting")):
        for (item_id,) in ops.conn.execute(
            "SELECT id FROM agenda_item WHERE meeting_id=? AND spent_seconds<>0", (meeting_id,)
        ).fetchall():
            ops.update("agenda_item", item_id, {"spent_seconds": 0})
        ops.update(
            "meeting",
            meeting_id,
            {
                "started_at": local,
                "clock_item_id": first_item_id,
                "clock_elapsed": 0,
                "clock_mark": now.isoformat(timespec="seconds"),
            },
        )


def keep_clock(
    ops: Operations, meeting_id: str, clock: Clock, *, now: datetime | None = None
) -> None:
    """Write the clock as it stands (elapsed, each item's time, current item, running or
    paused), one step of kind ``clock``."""
    if not clock.started:
        return
    now = now or now_utc()
    with ops.step(tr("meeting clock"), kind="clock"):
        for item_id, seconds in clock.spent.items():
            if ops.conn.execute(
                "SELECT 1 FROM agenda_item WHERE id=? AND meeting_id=?", (item_id, meeting_id)
            ).fetchone():
                ops.update("agenda_item", item_id, {"spent_seconds": int(seconds)})
        ops.update(
            "meeting",
            meeting_id,
            {
                "clock_item_id": clock.item_id,
                "clock_elapsed": int(clock.elapsed),
                "clock_mark": now.isoformat(timespec="seconds") if clock.running else "",
            },
        )


def late_from(conn: sqlite3.Connection, meeting_id: str) -> str:
    """Local time (YYYY-MM-DDTHH:MM:SS) after which a member checking in is late: ten minutes
    after the real start ("" before the meeting has started)."""
    row = conn.execute("SELECT started_at FROM meeting WHERE id=?", (meeting_id,)).fetchone()
    if not row or not row[0]:
        return ""
    try:
        start = datetime.fromisoformat(row[0])
    except ValueError:
        return ""
    from datetime import timedelta

    return (start + timedelta(seconds=LATE_AFTER_SECONDS)).isoformat()
