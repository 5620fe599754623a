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


@dataclass(frozen=True)
class Version:
    changes: int                  # steps after the creating one (0: never changed)
    last_changed: datetime | None  # UTC, None when the history has nothing on the row


def _utc(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(str(text).replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def versions(conn: sqlite3.Connection, table: str, ids: list[str] | None = None,
             *, children: tuple[str, str] | None = None) -> dict[str, Version]:
    """Per row of ``table`` (those of ``ids``, or all): its ``Version``. ``children``
    (child table, its column naming the parent) counts the child rows' changes as the
    parent's too — a meeting's agenda items, say."""
    sql = ("SELECT row_id AS owner, step_id, at FROM change WHERE table_name=?")
    args: list = [table]
    if children:
        child, column = children
        if not (child.isidentifier() and column.isidentifier()):
            raise ValueError("child table and column must be plain names")
        sql += (f" UNION ALL SELECT c.{column}, h.step_id, h.at FROM change h "
                f"JOIN {child} c ON c.id = h.row_id WHERE h.table_name=?")
        args.append(child)
    steps: dict[str, set[str]] = {}
    last: dict[str, str] = {}
    for owner, step_id, at in conn.execute(sql, args):
        steps.setdefault(owner, set()).add(step_id)
        if at and (owner not in last or at > last[owner]):
            last[owner] = at
    wanted = ids if ids is not None else list(steps)
    return {row_id: Version(max(0, len(steps.get(row_id, ())) - 1), _utc(last.get(row_id)))
            for row_id in wanted}
