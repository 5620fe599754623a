"""The upgrade of a format-1 program file to format 2.

``STEPS`` are run in order inside the one upgrade transaction (``programfile._upgrade``,
which has kept a backup copy of the file first). Each step takes the open
``sqlite3.Connection`` and brings one part of the schema to what the model
(``core/file/model.py``) defines for format 2: whoever adds a column or table to the model
appends the step that adds it to a format-1 file here. Steps must not commit or roll back.
"""

from __future__ import annotations

import sqlite3
from typing import Callable



def _in_room_clock(conn: sqlite3.Connection) -> None:
    """In-room mode keeps the real start, the running clock and the time each item used;
    decisions get an outcome; an action item names the meeting that marked it done."""
    for table, column, kind in (
            ("meeting", "started_at", "VARCHAR NOT NULL DEFAULT ''"),
            ("meeting", "clock_item_id", "VARCHAR NOT NULL DEFAULT ''"),
            ("meeting", "clock_elapsed", "INTEGER NOT NULL DEFAULT 0"),
            ("meeting", "clock_mark", "VARCHAR NOT NULL DEFAULT ''"),
            ("agenda_item", "spent_seconds", "INTEGER NOT NULL DEFAULT 0"),
            ("decision", "outcome", "VARCHAR NOT NULL DEFAULT ''"),
            ("action_item", "done_meeting_id", "VARCHAR")):
        conn.execute(f"ALTER TABLE {table} ADD COLUMN {column} {kind}")


STEPS: list[Callable[[sqlite3.Connection], None]] = [_in_room_clock]


def upgrade(conn: sqlite3.Connection) -> None:
    """MIGRATIONS[1]: every step, in order."""
    for step in STEPS:
        step(conn)
