"""The upgrade of a format-1 program file to format 2 (run by ``programfile._upgrade`` in one
transaction, after a backup copy of the file was kept, with foreign keys off).

1. ``STEPS`` run in order on the format-1 tables. Whoever adds a column or table to the model
   (``core/file/model.py``) appends a small function ``(conn) -> None`` here that adds it to
   a format-1 file (and fills it, if it needs more than its default). Steps must not commit
   or roll back.
2. ``rebuild`` then writes every table as the model defines it for format 2 (``STRICT``,
   defaults in the schema), copying each column the old table has (values brought to the
   column's type), so the file's schema is exactly the one a new file gets.
3. ``convert_history`` turns the format-1 history (text ids, names and ISO times on every
   row, JSON values) into the compact one (docs/HISTORY.md). Every copy that upgrades the
   same format-1 history gets the same step keys ``(origin, at)``, so copies upgraded
   apart still merge: what both had before is still known as shared.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable


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
        ("action_item", "done_meeting_id", "VARCHAR"),
    ):
        conn.execute(f"ALTER TABLE {table} ADD COLUMN {column} {kind}")


STEPS: list[Callable[[sqlite3.Connection], None]] = [_in_room_clock]


def upgrade(conn: sqlite3.Connection) -> None:
    """MIGRATIONS[1]: the steps, then the STRICT tables, then the compact history."""
    for step in STEPS:
        step(conn)
    rebuild(conn)
    convert_history(conn)


def _tables(conn: sqlite3.Connection) -> list[str]:
    return [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
        )
    ]


_CASTS = {"INTEGER": "INTEGER", "REAL": "REAL", "TEXT": "TEXT"}


def rebuild(conn: sqlite3.Connection) -> None:
    """Every table as the model defines it (STRICT), keeping the old tables' columns."""
    from kehila_desktop.core.file.schema import statements

    old = set(_tables(conn))
    for name, kind in conn.execute(
        "SELECT name, type FROM sqlite_master WHERE type IN "
        "('index', 'trigger', 'view') AND sql IS NOT NULL"
    ).fetchall():
        conn.execute(f'DROP {kind} IF EXISTS "{name}"')
    history = {"change", "step"}  # converted by convert_history from _v1_change/_v1_step
    for name in old:
        conn.execute(f'ALTER TABLE "{name}" RENAME TO "_v1_{name}"')
    for statement in statements():
        conn.execute(statement)
    for name in _tables(conn):
        if name.startswith("_v1_") or name not in old or name in history:
            continue
        have = {r[1] for r in conn.execute(f'PRAGMA table_info("_v1_{name}")')}
        picks, targets = [], []
        for _cid, col, kind, notnull, default, _pk in conn.execute(
            f"PRAGMA table_info({name})"
        ).fetchall():
            if col not in have:
                continue
            value = f'"{col}"'
            if kind in _CASTS:
                value = f"CASE WHEN {value} IS NULL THEN NULL ELSE CAST({value} AS {kind}) END"
            if notnull and default is not None:
                value = f"coalesce({value}, {default})"
            picks.append(value)
            targets.append(col)
        conn.execute(
            f'INSERT INTO {name} ({", ".join(targets)}) SELECT {", ".join(picks)} FROM "_v1_{name}"'
        )
    for name in old - history:
        conn.execute(f'DROP TABLE "_v1_{name}"')


def convert_history(conn: sqlite3.Connection) -> None:
    """The format-1 ``_v1_step``/``_v1_change`` rows into the compact history."""
    from kehila_desktop.core.file.rowid import inserted_id
    from kehila_desktop.core.history.clock import from_iso

    names: dict[str, int] = {}
    copies: dict[str, int] = {}

    def name(text: str) -> int:
        if text not in names:
            names[text] = inserted_id(
                conn.execute("INSERT INTO history_name(text) VALUES (?)", (text,))
            )
        return names[text]

    def copy(uuid: str) -> int:
        if uuid not in copies:
            copies[uuid] = inserted_id(
                conn.execute("INSERT INTO history_copy(uuid) VALUES (?)", (uuid,))
            )
        return copies[uuid]

    steps = conn.execute(
        "SELECT id, seq, label, kind, undoes, at, copy_id FROM _v1_step"
    ).fetchall()
    known = {s[0] for s in steps}
    # changes whose step was never recorded get a step of their own (the same on every copy)
    for step_id, seq, at, copy_id in conn.execute(
        "SELECT step_id, min(seq), max(at), min(copy_id) FROM _v1_change GROUP BY step_id"
    ).fetchall():
        if step_id not in known:
            steps.append((step_id, seq, "", "edit", None, at, copy_id))
    # keys (origin, at): distinct format-1 times stay distinct; a clash (a clock set back
    # to the same microsecond) moves the later step on by one tick, in an order every copy
    # agrees on
    keys: dict[str, tuple[str, int]] = {}
    used: set[tuple[str, int]] = set()
    for step_id, _seq, _label, _kind, _undoes, at, copy_id in sorted(
        steps, key=lambda s: (s[6] or "", s[5] or "", s[0])
    ):
        key = (copy_id or "", from_iso(at) if at else 0)
        while key in used:
            key = (key[0], key[1] + 1)
        used.add(key)
        keys[step_id] = key
    numbers: dict[str, int] = {}
    for step_id, _seq, label, kind, _undoes, _at, _copy in sorted(steps, key=lambda s: s[1]):
        origin, at = keys[step_id]
        numbers[step_id] = inserted_id(
            conn.execute(
                "INSERT INTO step(origin, at, label, kind) VALUES (?,?,?,?)",
                (copy(origin), at, name(label or ""), kind or "edit"),
            )
        )
    conn.executemany(
        "UPDATE step SET undoes=? WHERE n=?",
        [(numbers[s[4]], numbers[s[0]]) for s in steps if s[4] in numbers],
    )
    step_of: dict[str, int] = {}
    rows: list[tuple[int, int, object, int | None, object, object]] = []
    for cid, step_id, table, row_id, field, old, new in conn.execute(
        "SELECT id, step_id, table_name, row_id, field, old, new FROM _v1_change ORDER BY seq"
    ):
        step_of[cid] = numbers[step_id]
        if field:
            rows.append(
                (numbers[step_id], name(table), row_id, name(field), _value(old), _value(new))
            )
        else:  # a whole-row insert: the row holds its values
            rows.append((numbers[step_id], name(table), row_id, None, None, None))
    conn.executemany(
        "INSERT INTO change(step, tbl, row, field, old, new) VALUES (?,?,?,?,?,?)", rows
    )
    _convert_meta(conn, numbers, step_of)
    conn.execute("DROP TABLE _v1_change")
    conn.execute("DROP TABLE _v1_step")
    # Undo after reopening reaches back to the upgrade, not before it
    top = conn.execute("SELECT coalesce(max(n), 0) FROM step").fetchone()[0]
    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('undo_floor', ?)", (str(top),))


def _value(text: str | None) -> object:
    """A format-1 JSON history value as the plain value format 2 stores."""
    if text is None:
        return None
    try:
        value = json.loads(text)
    except ValueError:
        return text
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return value


def _convert_meta(
    conn: sqlite3.Connection, numbers: dict[str, int], step_of: dict[str, int]
) -> None:
    """Merge reports and the record of what each merge brought in, keyed by step number."""
    from kehila_desktop.core.history.ranges import step_ranges

    for key, value in conn.execute(
        "SELECT key, value FROM meta WHERE key LIKE 'merge_%:%'"
    ).fetchall():
        kind, _, step_id = key.partition(":")
        n = numbers.get(step_id)
        conn.execute("DELETE FROM meta WHERE key=?", (key,))
        if n is None:
            continue
        if kind == "merge_imported":
            try:
                ids = json.loads(value)
            except ValueError:
                ids = []
            value = json.dumps(step_ranges({step_of[c] for c in ids if c in step_of}))
        elif kind == "merge_report":
            try:
                report = json.loads(value)
                report["step_id"] = n
                value = json.dumps(report, ensure_ascii=False)
            except (ValueError, TypeError):
                pass
        conn.execute(
            "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (f"{kind}:{n}", value)
        )
