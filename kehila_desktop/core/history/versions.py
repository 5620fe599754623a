"""How often, and when last, rows were changed: read from the change history.

``versions(conn, table, ids)`` gives, per row id, the number of steps (user actions, undo and
merge included) that changed the row after the one that created it, and the time of the last
change. A calendar export uses them as an event's SEQUENCE and LAST-MODIFIED, so a re-export
after a meeting moved replaces what a calendar already holds. This is the one place that
reads the history for that purpose.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime, UTC

from kehila_desktop.core.history import clock


@dataclass(frozen=True)
class Version:
    changes: int  # steps after the creating one (0: never changed)
    last_changed: datetime | None  # UTC, None when the history has nothing on the row


def _utc(at: int | None) -> datetime | None:
    if not at:
        return None
    return datetime.fromtimestamp(clock.ms_of(at) / 1000, tz=UTC)


def versions(
    conn: sqlite3.Connection,
    table: str,
    ids: list[str] | None = None,
    *,
    children: tuple[str, str] | None = None,
) -> dict[str, Version]:
    """Per row of ``table`` (those of ``ids``, or all): its ``Version``. ``children``
    (child table, its column naming the parent) counts the child rows' changes as the
    parent's too — a meeting's agenda items, say."""
    sql = (
        "SELECT c.row AS owner, c.step, s.at FROM change c JOIN step s ON s.n=c.step "
        "WHERE c.tbl=(SELECT n FROM history_name WHERE text=?)"
    )
    args: list = [table]
    if children:
        child, column = children
        if not (child.isidentifier() and column.isidentifier()):
            raise ValueError("child table and column must be plain names")
        sql += (
            f" UNION ALL SELECT c.{column}, h.step, s.at FROM change h "
            f"JOIN step s ON s.n=h.step JOIN {child} c ON c.id = h.row "
            f"WHERE h.tbl=(SELECT n FROM history_name WHERE text=?)"
        )
        args.append(child)
    steps: dict[str, set[int]] = {}
    last: dict[str, int] = {}
    for owner, step, at in conn.execute(sql, args):
        steps.setdefault(owner, set()).add(step)
        if at and (owner not in last or at > last[owner]):
            last[owner] = at
    wanted = ids if ids is not None else list(steps)
    return {
        row_id: Version(max(0, len(steps.get(row_id, ())) - 1), _utc(last.get(row_id)))
        for row_id in wanted
    }
