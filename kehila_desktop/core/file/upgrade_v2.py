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

STEPS: list[Callable[[sqlite3.Connection], None]] = []


def upgrade(conn: sqlite3.Connection) -> None:
    """MIGRATIONS[1]: every step, in order."""
    for step in STEPS:
        step(conn)
