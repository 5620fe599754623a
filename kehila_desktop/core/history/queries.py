"""The file's history as a user reads it: its steps, newest first, each named in the
current language (``step_names``), whatever language the copy that made it spoke."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from kehila_desktop.core.history.clock import ms_of
from kehila_desktop.core.history.step_names import shown


@dataclass(frozen=True)
class Step:
    n: int
    at_ms: int  # the step's clock time, milliseconds since 1970 (UTC)
    kind: str  # edit, undo, redo, import, merge, clock
    copy_id: str  # the copy it was made on
    stored: str  # its name as stored
    name: str  # its name in the language asked for


def steps(
    conn: sqlite3.Connection, *, limit: int | None = None, language_code: str | None = None
) -> list[Step]:
    """The steps of the history, newest first (the last ``limit`` of them)."""
    rows = conn.execute(
        "SELECT s.n, s.at, s.kind, c.uuid, l.text FROM step s "
        "JOIN history_copy c ON c.n=s.origin JOIN history_name l ON l.n=s.label "
        "ORDER BY s.n DESC LIMIT ?",
        (-1 if limit is None else limit,),
    )
    return [
        Step(n, ms_of(at), kind, copy_id, text, shown(text, language_code))
        for n, at, kind, copy_id, text in rows
    ]
