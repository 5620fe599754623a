"""The operations layer: the one way anything writes to a program file.

Every edit runs inside a *step* (one user action, one undo step, one transaction). Each
field it changes is recorded in the file's change history (``change``: table, row, field,
old, new, when, on which copy) and the step itself in ``step`` with its label, so that undo,
merging of e-mailed copies and the audit trail of personal data all stand on one record.
Deletion is a tombstone (``deleted`` 0 → 1); rows are never removed.

Views call ``Operations`` (or the domain helpers in ``core.edits`` built on it) and listen
for ``Changed`` notices to refresh; they never write SQL.
"""

from __future__ import annotations

import json
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Callable, Iterator

from kehila_desktop.core.errors import InvalidEdit, ReadOnlyError
from kehila_desktop.core.file.programfile import ProgramFile, bump_time, new_id, now_utc
from kehila_desktop.core.file.schema import TABLE_CLASSES, columns


@dataclass
class Changed:
    """What a committed step touched: views refresh what they show of these tables."""

    label: str
    kind: str
    tables: set[str] = field(default_factory=set)


@dataclass
class _OpenStep:
    id: str
    label: str
    kind: str
    tables: set[str] = field(default_factory=set)
    count: int = 0
    undoes: str | None = None


def _encode(value: object) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)


def _decode(text: str | None) -> object:
    return None if text is None else json.loads(text)


def _normalise(value: object) -> object:
    return int(value) if isinstance(value, bool) else value


class Operations:
    """Edits of one open program file, with history and a session's undo/redo stacks."""

    def __init__(self, pf: ProgramFile) -> None:
        self.pf = pf
        self.conn = pf.conn
        self._step: _OpenStep | None = None
        self._undo: list[tuple[str, str]] = []  # (step id, label)
        self._redo: list[tuple[str, str]] = []
        self._listeners: list[Callable[[Changed], None]] = []
        self._seq = self._max_seq()
        self._last_at = ""
        self._columns: dict[str, dict[str, object]] = {}

    # --- listening ------------------------------------------------------------------
    def subscribe(self, listener: Callable[[Changed], None]) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Callable[[Changed], None]) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    # --- steps ------------------------------------------------------------------------
    @contextmanager
    def step(self, label: str, kind: str = "edit") -> Iterator[_OpenStep]:
        """Group edits into one transaction and one undo step; nested steps join the outer."""
        if self._step is not None:
            yield self._step
            return
        if self.pf.read_only:
            raise ReadOnlyError("This program file is open read-only; changes cannot be saved.")
        self.conn.execute("BEGIN IMMEDIATE")
        current = _OpenStep(new_id(), label, kind)
        self._step = current
        try:
            yield current
            if current.count:
                self._seq += 1
                self.conn.execute(
                    "INSERT INTO step(id, seq, label, kind, undoes, at, copy_id) "
                    "VALUES (?,?,?,?,?,?,?)",
                    (current.id, self._seq, label, kind, current.undoes, self._now(),
                     self.pf.copy_id))
            self.conn.execute("COMMIT")
        except BaseException:
            self._step = None
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            self._seq = self._max_seq()
            raise
        self._step = None
        if current.count:
            if kind in ("edit", "import", "merge"):
                self._undo.append((current.id, label))
                self._redo.clear()
            self._notify(Changed(label, kind, current.tables))

    def _notify(self, changed: Changed) -> None:
        for listener in list(self._listeners):
            listener(changed)

    # --- the three primitive edits ----------------------------------------------------
    def insert(self, table: str, values: dict | None = None, *, label: str | None = None,
               row_id: str | None = None) -> str:
        """Add a row (defaults filled in from the model) and return its id."""
        cols = self._cols(table)
        row = {name: _normalise(default) for name, default in cols.items()}
        for key, value in (values or {}).items():
            if key not in cols or key in ("id", "deleted"):
                raise InvalidEdit("There is no field {field} in {table}.", field=key, table=table)
            row[key] = _normalise(value)
        row["id"] = row_id or new_id()
        row["deleted"] = 0
        with self.step(label or f"add {table}") as st:
            names = list(row)
            self.conn.execute(
                f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
                [row[n] for n in names])
            self._record(st, table, row["id"], "", None, row)
        return row["id"]

    def update(self, table: str, row_id: str, changes: dict, *,
               label: str | None = None) -> int:
        """Change fields of a row; only fields whose value differs are written and recorded.

        Returns how many fields changed.
        """
        cols = self._cols(table)
        for key in changes:
            if key not in cols or key == "id":
                raise InvalidEdit("There is no field {field} in {table}.", field=key, table=table)
        names = list(changes)
        cur = self.conn.execute(f"SELECT {', '.join(names)} FROM {table} WHERE id=?", (row_id,))
        current = cur.fetchone()
        if current is None:
            raise InvalidEdit("The {table} row {row} does not exist.", table=table, row=row_id)
        diffs = {n: _normalise(changes[n]) for n, old in zip(names, current)
                 if _normalise(changes[n]) != old}
        if not diffs:
            return 0
        old_values = dict(zip(names, current))
        with self.step(label or f"edit {table}") as st:
            sets = ", ".join(f"{n}=?" for n in diffs)
            self.conn.execute(f"UPDATE {table} SET {sets} WHERE id=?", [*diffs.values(), row_id])
            for name, value in diffs.items():
                self._record(st, table, row_id, name, old_values[name], value)
        return len(diffs)

    def delete(self, table: str, row_id: str, *, label: str | None = None) -> bool:
        """Tombstone a row (it stays in the file, marked deleted)."""
        return bool(self.update(table, row_id, {"deleted": 1}, label=label or f"delete {table}"))

    def _record(self, st: _OpenStep, table: str, row_id: str, field_name: str,
                old: object, new: object) -> None:
        self._seq += 1
        self.conn.execute(
            "INSERT INTO change(id, seq, step_id, table_name, row_id, field, old, new, at, "
            "copy_id) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (new_id(), self._seq, st.id, table, row_id, field_name, _encode(old), _encode(new),
             self._now(), self.pf.copy_id))
        st.tables.add(table)
        st.count += 1

    def import_history(self, steps: list[tuple], changes: list[tuple]) -> int:
        """Copy history rows of another copy of this program into this file (for ``merge``).

        Must run inside a step. ``steps`` are ``(id, label, kind, undoes, at, copy_id)`` and
        ``changes`` are ``(id, step_id, table_name, row_id, field, old, new, at, copy_id)``,
        kept with their ids, times and copy ids (rows already here are skipped) and numbered
        in this file's ``seq`` order. They change no row of the program (the merge writes the
        values with ``update``/``insert``), so undoing the step leaves them in the history.
        Returns how many rows were added; the step counts as one edit if any were.
        """
        if self._step is None:
            raise RuntimeError("import_history must run inside a step")
        have = {r[0] for r in self.conn.execute("SELECT id FROM step")} if steps else set()
        steps = [s for s in steps if s[0] not in have]
        have = {r[0] for r in self.conn.execute("SELECT id FROM change")} if changes else set()
        changes = [c for c in changes if c[0] not in have]
        first = self._seq + 1
        self.conn.executemany(
            "INSERT INTO step(id, seq, label, kind, undoes, at, copy_id) VALUES (?,?,?,?,?,?,?)",
            [(row[0], first + n, *row[1:6]) for n, row in enumerate(steps)])
        first += len(steps)
        self.conn.executemany(
            "INSERT INTO change(id, seq, step_id, table_name, row_id, field, old, new, at, "
            "copy_id) VALUES (?,?,?,?,?,?,?,?,?,?)",
            [(row[0], first + n, *row[1:9]) for n, row in enumerate(changes)])
        added = len(steps) + len(changes)
        self._seq += added
        if added:
            self._step.count += 1
        return added

    # --- undo / redo ------------------------------------------------------------------
    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    @property
    def undo_label(self) -> str:
        return self._undo[-1][1] if self._undo else ""

    @property
    def redo_label(self) -> str:
        return self._redo[-1][1] if self._redo else ""

    def undo(self) -> str | None:
        """Undo the last step of this session; the undo is itself recorded in the history."""
        if not self._undo:
            return None
        step_id, label = self._undo[-1]
        self._replay(step_id, label, backwards=True)
        self._undo.pop()
        self._redo.append((step_id, label))
        return label

    def redo(self) -> str | None:
        if not self._redo:
            return None
        step_id, label = self._redo[-1]
        self._replay(step_id, label, backwards=False)
        self._redo.pop()
        self._undo.append((step_id, label))
        return label

    def forget_undo(self) -> None:
        self._undo.clear()
        self._redo.clear()

    def _replay(self, step_id: str, label: str, *, backwards: bool) -> None:
        rows = self.conn.execute(
            "SELECT table_name, row_id, field, old, new FROM change WHERE step_id=? "
            "ORDER BY seq " + ("DESC" if backwards else "ASC"), (step_id,)).fetchall()
        with self.step(label, kind="undo" if backwards else "redo") as st:
            for table, row_id, field_name, old, new in rows:
                if field_name == "":  # a whole-row insert: undo tombstones, redo revives
                    self.update(table, row_id, {"deleted": 1 if backwards else 0})
                else:
                    value = _decode(old if backwards else new)
                    self.update(table, row_id, {field_name: value})
            st.undoes = step_id

    # --- helpers ------------------------------------------------------------------
    def _cols(self, table: str) -> dict[str, object]:
        cols = self._columns.get(table)
        if cols is None:
            if table not in TABLE_CLASSES():
                raise InvalidEdit("There is no table {table}.", table=table)
            cols = self._columns[table] = columns(table)
        return cols

    def _max_seq(self) -> int:
        a = self.conn.execute("SELECT coalesce(max(seq), 0) FROM change").fetchone()[0]
        b = self.conn.execute("SELECT coalesce(max(seq), 0) FROM step").fetchone()[0]
        return max(a, b)

    def _now(self) -> str:
        at = now_utc()
        if at <= self._last_at:  # keep time strictly increasing within this copy
            at = bump_time(self._last_at)
        self._last_at = at
        return at

