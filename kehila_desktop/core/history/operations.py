"""The operations layer: the one way anything writes to a program file.

Every edit runs inside a *step* (one user action, one undo step, one transaction). Each
field it changes is recorded in the file's change history (``change``: table, row, field,
old, new) and the step itself in ``step`` (its label, kind, the copy it was made on and
when, as a hybrid logical clock time: ``core.history.clock``), so that undo, merging of
e-mailed copies and the audit trail of personal data all stand on one record (the layout
is in docs/HISTORY.md). Deletion is a tombstone (``deleted`` 0 → 1); rows are never removed.

Undo reaches back across sessions: opening a file offers Undo for the last ``UNDO_DEPTH``
steps made on this copy (and Redo for what was undone last), as the history records them.

Views call ``Operations`` (or the named operations of the core built on it) and listen
for ``Changed`` notices to refresh; they never write SQL.
"""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass, field
from collections.abc import Callable, Iterator

from kehila_desktop.core.errors import InvalidEdit, ReadOnlyError
from kehila_desktop.core.file.programfile import ProgramFile, new_row_id
from kehila_desktop.core.file.rowid import inserted_id
from kehila_desktop.core.file.schema import columns_of, domain_tables
from kehila_desktop.core.history import clock

UNDO_DEPTH = 100  # steps of this copy that Undo reaches back to after reopening the file
UNDONE_KINDS = ("edit", "import", "merge")  # kinds of step that can be undone


@dataclass
class Changed:
    """What a committed step touched: views refresh what they show of these tables."""

    label: str
    kind: str
    tables: set[str] = field(default_factory=set)


@dataclass
class _OpenStep:
    label: str
    kind: str
    tables: set[str] = field(default_factory=set)
    count: int = 0
    undoes: int | None = None
    n: int | None = None  # this file's number of the step, once it has recorded a change

    @property
    def id(self) -> int | None:
        return self.n


def _normalise(value: object) -> object:
    return int(value) if isinstance(value, bool) else value


class Operations:
    """Edits of one open program file, with history and undo/redo stacks."""

    def __init__(self, pf: ProgramFile) -> None:
        self.pf = pf
        self.conn = pf.conn
        self._step: _OpenStep | None = None
        self._undo: list[tuple[int, str]] = []  # (step n, label)
        self._redo: list[tuple[int, str]] = []
        self._listeners: list[Callable[[Changed], None]] = []
        self._columns: dict[str, dict[str, object]] = {}
        self._tables: set[str] | None = None
        self._names: dict[str, int] = {}
        self._copy_n: int | None = None
        self._last = self.conn.execute("SELECT coalesce(max(at), 0) FROM step").fetchone()[0]
        row = self.conn.execute("SELECT value FROM meta WHERE key='clock_offset'").fetchone()
        self._offset = int(row[0]) if row else 0
        self._load_undo()

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
        current = _OpenStep(label, kind)
        self._step = current
        last = self._last
        try:
            yield current
            if current.n is not None and current.undoes is not None:
                self.conn.execute("UPDATE step SET undoes=? WHERE n=?", (current.undoes, current.n))
            self.conn.execute("COMMIT")
        except BaseException:
            self._step = None
            self._last = last
            self._names.clear()
            self._copy_n = None
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        self._step = None
        if current.count:
            if kind in UNDONE_KINDS and current.n is not None:
                self._undo.append((current.n, label))
                del self._undo[:-UNDO_DEPTH]
                self._redo.clear()
            self._notify(Changed(label, kind, current.tables))

    def _notify(self, changed: Changed) -> None:
        for listener in list(self._listeners):
            listener(changed)

    # --- the three primitive edits ----------------------------------------------------
    def insert(
        self,
        table: str,
        values: dict | None = None,
        *,
        label: str | None = None,
        row_id: str | None = None,
    ) -> str:
        """Add a row (defaults filled in from the model) and return its id."""
        cols = self._cols(table)
        row = {name: _normalise(default) for name, default in cols.items()}
        for key, value in (values or {}).items():
            if key not in cols or key in ("id", "deleted"):
                raise InvalidEdit("There is no field {field} in {table}.", field=key, table=table)
            row[key] = _normalise(value)
        new_id = row_id or new_row_id()
        row["id"] = new_id
        row["deleted"] = 0
        with self.step(label or f"add {table}") as st:
            names = list(row)
            self.conn.execute(
                f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
                [row[n] for n in names],
            )
            self._record(st, table, new_id, "", None, row)
        return new_id

    def update(self, table: str, row_id: str, changes: dict, *, label: str | None = None) -> int:
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
        diffs = {
            n: _normalise(changes[n])
            for n, old in zip(names, current)
            if _normalise(changes[n]) != old
        }
        if not diffs:
            return 0
        old_values = dict(zip(names, current))
        with self.step(label or f"edit {table}") as st:
            sets = ", ".join(f"{n}=?" for n in diffs)
            self.conn.execute(f"UPDATE {table} SET {sets} WHERE id=?", [*diffs.values(), row_id])
            for name, value in diffs.items():
                self._record(st, table, row_id, name, old_values[name], value)
        return len(diffs)

    def insert_many(self, table: str, rows: list[dict]) -> None:
        """Add rows that carry their own ``id`` (rows of another copy, for ``merge``), as
        ``insert`` would one by one (defaults filled in, each recorded), in one statement.
        Must run inside a step; the rows are added alive."""
        if not rows:
            return
        cols = self._cols(table)
        prepared = []
        for values in rows:
            row = {name: _normalise(default) for name, default in cols.items()}
            for key, value in values.items():
                if key not in cols:
                    raise InvalidEdit(
                        "There is no field {field} in {table}.", field=key, table=table
                    )
                row[key] = _normalise(value)
            row["deleted"] = 0
            prepared.append(row)
        names = list(cols)
        st = self._inside_step()
        self.conn.executemany(
            f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
            [[row[n] for n in names] for row in prepared],
        )
        self._record_many(st, table, [(str(row["id"]), "", None, None) for row in prepared])

    def update_many(self, table: str, changes: dict[str, dict]) -> int:
        """``update`` of many rows (row id → fields to change) in a few statements: only the
        fields whose value differs are written and recorded, in the order given. Must run
        inside a step. Returns how many fields changed."""
        cols = self._cols(table)
        for fields in changes.values():
            for key in fields:
                if key not in cols or key == "id":
                    raise InvalidEdit(
                        "There is no field {field} in {table}.", field=key, table=table
                    )
        wanted = sorted({name for fields in changes.values() for name in fields})
        current = self._current(table, list(changes), wanted)
        records: list[tuple[str, str, object, object]] = []
        by_fields: dict[tuple[str, ...], list[list]] = {}
        for row_id, fields in changes.items():
            old = current.get(row_id)
            if old is None:
                raise InvalidEdit("The {table} row {row} does not exist.", table=table, row=row_id)
            diffs = {n: _normalise(v) for n, v in fields.items() if _normalise(v) != old[n]}
            if not diffs:
                continue
            by_fields.setdefault(tuple(diffs), []).append([*diffs.values(), row_id])
            records.extend((row_id, n, old[n], v) for n, v in diffs.items())
        if not records:
            return 0
        st = self._inside_step()
        for names, params in by_fields.items():
            sets = ", ".join(f"{n}=?" for n in names)
            self.conn.executemany(f"UPDATE {table} SET {sets} WHERE id=?", params)
        self._record_many(st, table, records)
        return len(records)

    def _current(self, table: str, ids: list[str], names: list[str]) -> dict[str, dict]:
        """Row id → the current values of ``names`` (rows that exist)."""
        out: dict[str, dict] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            for row in self.conn.execute(
                f"SELECT id, {', '.join(names)} FROM {table} "
                f"WHERE id IN ({','.join('?' * len(chunk))})",
                chunk,
            ):
                out[row[0]] = dict(zip(names, row[1:]))
        return out

    def _inside_step(self) -> _OpenStep:
        if self._step is None:
            raise RuntimeError("batch edits must run inside a step")
        return self._step

    def _record_many(
        self, st: _OpenStep, table: str, records: list[tuple[str, str, object, object]]
    ) -> None:
        """``_record`` for many ``(row, field, old, new)`` (field "" for a whole-row insert)."""
        if st.n is None:
            st.n = self._open_step_row(st)
        tbl = self._name(table)
        self.conn.executemany(
            "INSERT INTO change(step, tbl, row, field, old, new) VALUES (?,?,?,?,?,?)",
            [
                (st.n, tbl, row_id, self._name(name) if name else None, old, new)
                for row_id, name, old, new in records
            ],
        )
        st.tables.add(table)
        st.count += len(records)

    def delete(self, table: str, row_id: str, *, label: str | None = None) -> bool:
        """Tombstone a row (it stays in the file, marked deleted)."""
        return bool(self.update(table, row_id, {"deleted": 1}, label=label or f"delete {table}"))

    def _record(
        self, st: _OpenStep, table: str, row_id: str, field_name: str, old: object, new: object
    ) -> None:
        if st.n is None:
            st.n = self._open_step_row(st)
        if field_name:
            self.conn.execute(
                "INSERT INTO change(step, tbl, row, field, old, new) VALUES (?,?,?,?,?,?)",
                (st.n, self._name(table), row_id, self._name(field_name), old, new),
            )
        else:  # a whole-row insert: the row holds its values
            self.conn.execute(
                "INSERT INTO change(step, tbl, row) VALUES (?,?,?)",
                (st.n, self._name(table), row_id),
            )
        st.tables.add(table)
        st.count += 1

    def _open_step_row(self, st: _OpenStep) -> int:
        cur = self.conn.execute(
            "INSERT INTO step(origin, at, label, kind) VALUES (?,?,?,?)",
            (self._copy(), self._now(), self._name(st.label), st.kind),
        )
        return inserted_id(cur)

    def _name(self, text: str) -> int:
        """The interned number of a table or field name or a step label."""
        n = self._names.get(text)
        if n is None:
            row = self.conn.execute("SELECT n FROM history_name WHERE text=?", (text,)).fetchone()
            if row is None:
                n = inserted_id(
                    self.conn.execute("INSERT INTO history_name(text) VALUES (?)", (text,))
                )
            else:
                n = row[0]
            self._names[text] = n
        return n

    def _copy(self, uuid: str | None = None) -> int:
        """The interned number of a copy id (this copy's when ``uuid`` is None)."""
        if uuid is None and self._copy_n is not None:
            return self._copy_n
        key = uuid or self.pf.copy_id
        row = self.conn.execute("SELECT n FROM history_copy WHERE uuid=?", (key,)).fetchone()
        n: int = (
            row[0]
            if row
            else inserted_id(self.conn.execute("INSERT INTO history_copy(uuid) VALUES (?)", (key,)))
        )
        if uuid is None:
            self._copy_n = n
        return n

    def import_history(self, steps: list[tuple], changes: list[tuple]) -> list[int]:
        """Copy history of another copy of this program into this file (for ``merge``).

        Must run inside a step. ``steps`` are ``(origin, at, label, kind, undoes)`` (origin a
        copy id; ``undoes`` the ``(origin, at)`` of the step undone, or None), in the order
        to number them here; ``changes`` are ``((origin, at), table, row, field, old, new)``
        (``field`` None for a whole-row insert) in their recording order. Steps already here
        are skipped with their changes. They change no row of the program (the merge writes
        the values with ``update``/``insert``), so undoing the step leaves them in the
        history. Returns this file's numbers of all the given steps (added now or already
        here); the step counts as one edit if any were added.
        """
        if self._step is None:
            raise RuntimeError("import_history must run inside a step")
        have = {
            (uuid, at): n
            for n, uuid, at in self.conn.execute(
                "SELECT s.n, c.uuid, s.at FROM step s JOIN history_copy c ON c.n=s.origin"
            )
        }
        numbers: dict[tuple[str, int], int] = {}
        for origin, at, label, kind, _undoes in steps:
            if (origin, at) in have or (origin, at) in numbers:
                continue
            cur = self.conn.execute(
                "INSERT INTO step(origin, at, label, kind) VALUES (?,?,?,?)",
                (self._copy(origin), at, self._name(label), kind),
            )
            numbers[(origin, at)] = inserted_id(cur)
            self._last = max(self._last, at)
        every = [have.get((o, at)) or numbers[(o, at)] for o, at, *_ in steps]
        if not numbers:
            return every
        for origin, at, _label, _kind, undoes in steps:
            if undoes and (origin, at) in numbers:
                target = numbers.get(tuple(undoes)) or have.get(tuple(undoes))
                if target is not None:
                    self.conn.execute(
                        "UPDATE step SET undoes=? WHERE n=?", (target, numbers[(origin, at)])
                    )
        self.conn.executemany(
            "INSERT INTO change(step, tbl, row, field, old, new) VALUES (?,?,?,?,?,?)",
            [
                (
                    numbers[tuple(key)],
                    self._name(table),
                    row,
                    None if field_name is None else self._name(field_name),
                    old,
                    new,
                )
                for key, table, row, field_name, old, new in changes
                if tuple(key) in numbers
            ],
        )
        self._adopt_clock(max(at for _o, at, *_ in steps))
        self._step.count += 1
        if self._step.n is None:  # the importing step itself comes after what it brought
            self._step.n = self._open_step_row(self._step)
        return every

    def _adopt_clock(self, at: int) -> None:
        """A copy never runs behind a time it has seen: when merged steps are ahead of our
        wall clock, our clock moves forward by the difference for good (docs/HISTORY.md)."""
        ahead = clock.ms_of(at) - (clock.wall_ms() + self._offset)
        if ahead > 0:
            self._offset += ahead
            self.conn.execute(
                "INSERT OR REPLACE INTO meta(key, value) VALUES ('clock_offset', ?)",
                (str(self._offset),),
            )

    # --- undo / redo ------------------------------------------------------------------
    # Step names are shown in the current language (``step_names``, loaded on first use).
    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    @property
    def undo_label(self) -> str:
        """The name of the step Undo takes back, in the current language (``step_names``)."""
        return _shown(self._undo[-1][1]) if self._undo else ""

    @property
    def redo_label(self) -> str:
        return _shown(self._redo[-1][1]) if self._redo else ""

    def undo(self) -> str | None:
        """Undo the last step of this copy; the undo is itself recorded in the history.
        Returns the step's name in the current language."""
        if not self._undo:
            return None
        step_n, label = self._undo[-1]
        self._replay(step_n, label, backwards=True)
        self._undo.pop()
        self._redo.append((step_n, label))
        return _shown(label)

    def redo(self) -> str | None:
        if not self._redo:
            return None
        step_n, label = self._redo[-1]
        self._replay(step_n, label, backwards=False)
        self._redo.pop()
        self._undo.append((step_n, label))
        return _shown(label)

    def forget_undo(self) -> None:
        """Nothing before now can be undone, in this session or after reopening the file."""
        self._undo.clear()
        self._redo.clear()
        if not self.pf.read_only:
            top = self.conn.execute("SELECT coalesce(max(n), 0) FROM step").fetchone()[0]
            with self._transaction():
                self.conn.execute(
                    "INSERT OR REPLACE INTO meta(key, value) VALUES ('undo_floor', ?)", (str(top),)
                )

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        if self._step is not None:
            yield
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
            self.conn.execute("COMMIT")
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise

    def _load_undo(self) -> None:
        """The undo and redo stacks as this copy's steps in the history leave them."""
        row = self.conn.execute(
            "SELECT n FROM history_copy WHERE uuid=?", (self.pf.copy_id,)
        ).fetchone()
        if row is None:
            return
        floor = self.conn.execute("SELECT value FROM meta WHERE key='undo_floor'").fetchone()
        rows = self.conn.execute(
            "SELECT s.n, s.kind, s.undoes, l.text FROM step s JOIN history_name l ON l.n=s.label "
            "WHERE s.origin=? AND s.n>? ORDER BY s.n",
            (row[0], int(floor[0]) if floor else 0),
        )
        labels: dict[int, str] = {}
        for n, kind, undoes, label in rows:
            if kind in UNDONE_KINDS:
                labels[n] = label
                self._undo.append((n, label))
                self._redo.clear()
            elif kind == "undo" and self._undo and self._undo[-1][0] == undoes:
                self._redo.append(self._undo.pop())
            elif kind == "redo" and self._redo and self._redo[-1][0] == undoes:
                self._undo.append(self._redo.pop())
            else:  # an undo/redo this copy's stacks cannot place: nothing older is offered
                self._undo.clear()
                self._redo.clear()
        del self._undo[:-UNDO_DEPTH]

    def _replay(self, step_n: int, label: str, *, backwards: bool) -> None:
        rows = self.conn.execute(
            "SELECT t.text, c.row, f.text, c.old, c.new FROM change c "
            "JOIN history_name t ON t.n=c.tbl LEFT JOIN history_name f ON f.n=c.field "
            "WHERE c.step=? ORDER BY c.n " + ("DESC" if backwards else "ASC"),
            (step_n,),
        ).fetchall()
        with self.step(label, kind="undo" if backwards else "redo") as st:
            for table, row_id, field_name, old, new in rows:
                if field_name is None:  # a whole-row insert: undo tombstones, redo revives
                    self.update(table, row_id, {"deleted": 1 if backwards else 0})
                else:
                    self.update(table, row_id, {field_name: old if backwards else new})
            st.undoes = step_n

    # --- helpers ------------------------------------------------------------------
    def _cols(self, table: str) -> dict[str, object]:
        cols = self._columns.get(table)
        if cols is None:
            if self._tables is None:
                self._tables = set(domain_tables(self.conn))
            if table not in self._tables:
                raise InvalidEdit("There is no table {table}.", table=table)
            cols = self._columns[table] = columns_of(self.conn, table)
        return cols

    def _now(self) -> int:
        """The next history time of this copy (strictly after every time it has seen)."""
        self._last = clock.tick(self._last, clock.wall_ms() + self._offset)
        return self._last


def _shown(label: str) -> str:
    from kehila_desktop.core.history.step_names import shown

    return shown(label)


# The history as readable rows (for the audit, tests and tools): one row per change, with
# its step's label, kind, copy and time. ``field`` is None for a whole-row insert.
HISTORY_SQL = (
    "SELECT c.n AS n, c.step AS step, t.text AS table_name, c.row AS row_id, "
    "f.text AS field, c.old AS old, c.new AS new, s.at AS at, k.uuid AS copy_id, "
    "s.kind AS kind, l.text AS label FROM change c JOIN step s ON s.n=c.step "
    "JOIN history_name t ON t.n=c.tbl LEFT JOIN history_name f ON f.n=c.field "
    "JOIN history_copy k ON k.n=s.origin JOIN history_name l ON l.n=s.label"
)


def history(conn: sqlite3.Connection, where: str = "", params: tuple = ()) -> list[tuple]:
    """Rows of ``HISTORY_SQL`` (filtered by ``where`` over its column names), in order."""
    sql = f"SELECT * FROM ({HISTORY_SQL})" + (f" WHERE {where}" if where else "") + " ORDER BY n"
    return conn.execute(sql, params).fetchall()
