"""The row number an ``INSERT`` gave (``sqlite3`` types ``lastrowid`` as ``int | None``)."""

from __future__ import annotations

import sqlite3


def inserted_id(cur: sqlite3.Cursor) -> int:
    """The ``lastrowid`` of a cursor that has just run an ``INSERT`` (then never None)."""
    rowid = cur.lastrowid
    assert rowid is not None, "lastrowid is read only after an INSERT"
    return rowid
