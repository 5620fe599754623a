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
    decisions get an outcome; an action item names the meeting that marked it done. (The
    model gives these columns the same DEFAULT, so an upgraded table is exactly a fresh one.)"""
    for table, column, kind in (
            ("meeting", "started_at", "VARCHAR DEFAULT '' NOT NULL"),
            ("meeting", "clock_item_id", "VARCHAR DEFAULT '' NOT NULL"),
            ("meeting", "clock_elapsed", "INTEGER DEFAULT '0' NOT NULL"),
            ("meeting", "clock_mark", "VARCHAR DEFAULT '' NOT NULL"),
            ("agenda_item", "spent_seconds", "INTEGER DEFAULT '0' NOT NULL"),
            ("decision", "outcome", "VARCHAR DEFAULT '' NOT NULL"),
            ("action_item", "done_meeting_id", "VARCHAR")):
        conn.execute(f"ALTER TABLE {table} ADD COLUMN {column} {kind}")


STEPS: list[Callable[[sqlite3.Connection], None]] = [_in_room_clock]


def upgrade(conn: sqlite3.Connection) -> None:
    """MIGRATIONS[1]: every step, in order."""
    for step in STEPS:
        step(conn)
