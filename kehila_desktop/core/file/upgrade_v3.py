"""The upgrade of a format-2 program file to format 3 (run by ``programfile._upgrade`` in one
transaction, after a backup copy of the file was kept, right after ``upgrade_v2`` when the
file was of format 1).

Format 3 gives every body the cadence of its trainings and of its team days (used for the
program team). ``STEPS`` run in order; each adds what is missing with ``ALTER TABLE … ADD
COLUMN`` and the same DEFAULT the model gives, so an upgraded table is exactly a fresh one (a
format-1 file's tables were already rebuilt from the current model by ``upgrade_v2``: a step
skips a column that is there). Steps must not commit or roll back. The history is untouched:
the new columns hold their defaults on every copy, so copies upgraded apart still merge.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable


def _add_columns(conn: sqlite3.Connection, table: str, columns: list[tuple[str, str]]) -> None:
    have = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
    for column, kind in columns:
        if column not in have:
            conn.execute(f"ALTER TABLE {table} ADD COLUMN {column} {kind}")


def _trainings_and_team_days(conn: sqlite3.Connection) -> None:
    _add_columns(
        conn,
        "body",
        [
            ("training_cadence", "TEXT NOT NULL DEFAULT 'monthly'"),
            ("team_day_cadence", "TEXT NOT NULL DEFAULT 'quarterly'"),
        ],
    )


STEPS: list[Callable[[sqlite3.Connection], None]] = [_trainings_and_team_days]


def upgrade(conn: sqlite3.Connection) -> None:
    """MIGRATIONS[2]: the steps, in order."""
    for step in STEPS:
        step(conn)
