"""Merging a copy that came back by e-mail into the open program file (``kehila merge``).

The two copies share the history they had when they parted: the steps both hold (a step is
known everywhere by the copy it was made on and its clock time, ``(origin, at)``). What each
did since is the steps only it holds, with their changes. The merge works field by field on
those edits (the rows written by earlier merges, steps of kind ``merge``, are only their
consequences and do not count as edits):

- a field only one side changed takes that side's value (so different fields of one row are
  both kept); a copy stripped of contacts never empties a phone or e-mail;
- a field both changed to different values is a *conflict*: the side whose latest change is
  later wins (the step's hybrid-clock time ``at``, then its copy id, then the change's place
  in the step — the same answer from either side; docs/HISTORY.md);
  the other value is listed in the report and stays in the history, so it can be restored;
- rows only the copy has are added; a row deleted on one side and edited on the other is
  kept, and the report says so.

Every decision depends only on the two sets of edits, so A←B and B←A give the same program,
and merging a copy a second time finds nothing new. The incoming history rows are imported
with their keys (``Operations.import_history``) and the values written with ``Operations`` in
one step of kind ``merge`` (one undo step); a backup of the file is kept first, and the
report is saved in ``meta`` under ``merge_report:<step n>`` (and the numbers of the steps it
brought in, as ``[first, last]``, under ``merge_imported:<step n>``).

Nothing here imports the ORM: tables, columns and foreign keys are read from the files.

Undoing a merge (Edit ▸ Undo) puts the values back and makes the merge count as never made:
merging the same copy again brings its changes again, and the undo is not an edit that would
override the copy's changes elsewhere.
"""

from __future__ import annotations

import json
import sqlite3
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path

from kehila_desktop.core.errors import ProgramFileError
from kehila_desktop.core.i18n import tr
from kehila_desktop.core.history.operations import Operations
from kehila_desktop.core.history.ranges import step_ranges
from kehila_desktop.core.file.guard import is_interrupted
from kehila_desktop.core.file.programfile import (
    FORMAT_VERSION,
    backup_path_for,
    check_before_writing,
    copy_consistent,
    copy_held,
    keep_last_backups,
    open_program,
    read_header,
)
from kehila_desktop.core.file.recovery import is_busy
from kehila_desktop.core.file.schema import domain_tables, references
from kehila_desktop.core.history import clock
from kehila_desktop.core.history.share import CONTACT_FIELDS, is_stripped
from kehila_desktop.core.history.merge_report import MergeReport, field_name, row_label


class MergeRefused(ProgramFileError):
    """The copy cannot be merged into this program (another program, newer format, itself)."""


@dataclass
class _Side:
    """What one copy did since the two parted: the order key ``(at, copy id, place)`` of
    its latest edit of each field, the rows it inserted, and the rows whose fields (other
    than ``deleted``) it edited."""

    latest: dict[tuple[str, str, str], tuple] = field(default_factory=dict)
    inserted: dict[tuple[str, str], tuple] = field(default_factory=dict)
    edited_rows: set[tuple[str, str]] = field(default_factory=set)
    fields: dict[tuple[str, str], set[str]] = field(default_factory=dict)  # row → edited fields

    def add(self, table: str, row_id: str, name: str, order: tuple) -> None:
        if name == "":  # a whole-row insert sets every field (and makes the row alive)
            self.inserted[(table, row_id)] = order
            return
        key = (table, row_id, name)
        if key not in self.latest or order > self.latest[key]:
            self.latest[key] = order
        self.fields.setdefault((table, row_id), set()).add(name)
        if name != "deleted":
            self.edited_rows.add((table, row_id))


@dataclass
class _Plan:
    report: MergeReport
    inserts: list[tuple[str, dict]] = field(default_factory=list)  # (table, incoming row)
    updates: dict[tuple[str, str], dict] = field(default_factory=dict)
    steps: list[tuple] = field(default_factory=list)
    changes: list[tuple] = field(default_factory=list)
    names: dict = field(default_factory=dict)  # names of rows the labels show, read once


# Steps whose changes are consequences of a merge, not edits: the merge itself, and the undo
# or redo of a merge.
_DERIVED_STEPS = (
    "SELECT n FROM step WHERE kind='merge' OR (kind IN ('undo', 'redo') AND "
    "undoes IN (SELECT n FROM step WHERE kind='merge'))"
)


def _forgotten(conn: sqlite3.Connection) -> set[int]:
    """Steps brought in by merges undone since (and not redone): such a merge counts as
    never made, so merging that copy again brings its changes again."""
    undone: set[int] = set()
    standing: set[int] = set()
    for (merge_n,) in conn.execute("SELECT n FROM step WHERE kind='merge'").fetchall():
        row = conn.execute(
            "SELECT value FROM meta WHERE key=?", (f"merge_imported:{merge_n}",)
        ).fetchone()
        if not row:
            continue
        last = conn.execute(
            "SELECT kind FROM step WHERE undoes=? ORDER BY n DESC LIMIT 1", (merge_n,)
        ).fetchone()
        numbers: set[int] = set()
        for first, end in json.loads(row[0]):
            numbers.update(range(first, end + 1))
        (undone if last and last[0] == "undo" else standing).update(numbers)
    return undone - standing


def _steps(conn: sqlite3.Connection) -> dict[tuple[str, int], tuple]:
    """(origin, at) → (n, label, kind, undoes as (origin, at) or None), forgotten ones left out."""
    forgotten = _forgotten(conn)
    rows = conn.execute(
        "SELECT s.n, c.uuid, s.at, l.text, s.kind, s.undoes FROM step s "
        "JOIN history_copy c ON c.n=s.origin JOIN history_name l ON l.n=s.label "
        "ORDER BY s.n"
    ).fetchall()
    keys = {n: (uuid, at) for n, uuid, at, *_ in rows}
    return {
        (uuid, at): (n, label, kind, keys.get(undoes))
        for n, uuid, at, label, kind, undoes in rows
        if n not in forgotten
    }


def _history(
    conn: sqlite3.Connection, steps: dict[tuple[str, int], tuple], wanted: set[tuple[str, int]]
) -> list[tuple]:
    """The changes of the ``wanted`` steps as ``(key, place, table, row, field, old, new,
    kind)``, in recording order; kind is ``merge`` for changes a merge wrote, else ``edit``."""
    if not wanted:
        return []
    derived = {row[0] for row in conn.execute(_DERIVED_STEPS)}
    by_n = {steps[key][0]: key for key in wanted}
    out: list[tuple] = []
    places: dict[int, int] = {}
    for step_n, table, row, name, old, new in conn.execute(
        "SELECT c.step, t.text, c.row, f.text, c.old, c.new FROM change c "
        "JOIN history_name t ON t.n=c.tbl LEFT JOIN history_name f ON f.n=c.field "
        "WHERE c.step >= ? ORDER BY c.step, c.n",
        (min(by_n),),
    ):
        key = by_n.get(step_n)
        if key is None:
            continue
        place = places[step_n] = places.get(step_n, -1) + 1
        out.append(
            (key, place, table, row, name, old, new, "merge" if step_n in derived else "edit")
        )
    return out


_REFERENCES: dict[tuple[str, str], str] = {}


def _references(conn: sqlite3.Connection) -> dict[tuple[str, str], str]:
    """(table, field) → the table a field's id points to (the file's foreign keys)."""
    if not _REFERENCES:
        for table in domain_tables(conn):
            for name, target in references(conn, table).items():
                _REFERENCES[(table, name)] = target
    return _REFERENCES


def _name_ids(report: MergeReport, table: str, name: str, values, conns) -> None:
    """Put a readable label in the report for row ids the report shows as values."""
    target = _references(conns[0]).get((table, name))
    if target is None:
        return
    for value in values:
        if not value or value in report.names:
            continue
        for conn in conns:
            cur = conn.execute(f"SELECT * FROM {target} WHERE id=?", (value,))
            row = cur.fetchone()
            if row is not None:
                row = dict(zip([d[0] for d in cur.description], row))
                report.names[value] = row_label(conn, target, row)
                break


def _rows(conn: sqlite3.Connection, table: str, ids: set[str]) -> dict[str, dict]:
    out: dict[str, dict] = {}
    ids_list = list(ids)
    for start in range(0, len(ids_list), 500):
        chunk = ids_list[start : start + 500]
        cur = conn.execute(
            f"SELECT * FROM {table} WHERE id IN ({','.join('?' * len(chunk))})", chunk
        )
        names = [d[0] for d in cur.description]
        for row in cur:
            out[row[0]] = dict(zip(names, row))
    return out


def _program_id(conn: sqlite3.Connection) -> str | None:
    row = conn.execute("SELECT id FROM program WHERE deleted=0 LIMIT 1").fetchone()
    return row[0] if row else None


def plan_merge(local: sqlite3.Connection, incoming: sqlite3.Connection, source: str = "") -> _Plan:
    """Work out what merging ``incoming`` into ``local`` does, without writing anything."""
    report = MergeReport(source=source)
    stripped = is_stripped(incoming)
    local_steps = _steps(local)
    incoming_steps = _steps(incoming)
    new_keys = set(incoming_steps) - set(local_steps)
    plan = _Plan(report)
    if not new_keys:
        return plan
    new_in = _history(incoming, incoming_steps, new_keys)
    new_here = _history(local, local_steps, set(local_steps) - set(incoming_steps))
    plan.steps = [
        (key[0], key[1], label, kind, undoes)
        for key, (_n, label, kind, undoes) in incoming_steps.items()
        if key in new_keys
    ]
    plan.changes = [row[0:1] + row[2:7] for row in new_in]
    report.history_added = len(plan.changes)

    tables = domain_tables(local)  # parents first
    known = set(tables)
    sides = {"here": _Side(), "copy": _Side()}
    touched: dict[str, set[str]] = {}
    for side, rows in (("here", new_here), ("copy", new_in)):
        for key, place, table, row_id, name, _old, _new, kind in rows:
            if table not in known:
                continue
            if side == "copy":
                touched.setdefault(table, set()).add(row_id)
            if kind != "merge":
                sides[side].add(table, row_id, name or "", (key[1], key[0], place))
    here, copy = sides["here"], sides["copy"]

    for table in tables:
        ids = touched.get(table)
        if not ids:
            continue
        theirs = _rows(incoming, table, ids)
        ours = _rows(local, table, ids)
        for row_id, row in theirs.items():
            if row_id not in ours:
                plan.inserts.append((table, row))
                if not row["deleted"]:
                    report.add_added(table, row_id, row_label(incoming, table, row))
                continue
            _merge_row(
                plan, table, row_id, ours[row_id], row, here, copy, stripped, local, incoming
            )
    return plan


def _merge_row(
    plan: _Plan,
    table: str,
    row_id: str,
    ours: dict,
    theirs: dict,
    here: _Side,
    copy: _Side,
    stripped: bool,
    local: sqlite3.Connection,
    incoming: sqlite3.Connection,
) -> None:
    report = plan.report
    label = row_label(local, table, ours, plan.names)
    result: dict[str, object] = {}
    key = (table, row_id)
    # the copy's insert of a row that is here only through an undone merge: added again
    readded = key in copy.inserted and ours["deleted"]
    inserted = copy.inserted.get(key)  # a row the copy added: every field is its edit
    edited = copy.fields.get(key, ())
    for name, value in theirs.items():
        if name in ("id", "deleted") or (inserted is None and name not in edited):
            continue  # a field only this side may have edited: ours stays
        order_copy = copy.latest.get((table, row_id, name), inserted)
        if order_copy is None or value == ours[name]:
            continue
        if stripped and table == "person" and name in CONTACT_FIELDS and not value:
            continue  # an empty contact in a stripped copy is not an edit
        order_here = here.latest.get((table, row_id, name), here.inserted.get((table, row_id)))
        if name.endswith("_id"):
            _name_ids(report, table, name, (value, ours[name]), (local, incoming))
        if order_here is None:
            result[name] = value
            if not readded:
                report.add_changed(table, row_id, label, name, ours[name], value)
        elif order_copy > order_here:
            result[name] = value
            report.add_conflict(
                table,
                row_id,
                label,
                name,
                kept=value,
                kept_side="copy",
                lost=ours[name],
                lost_side="here",
                lost_at=clock.to_iso(order_here[0]),
            )
        else:
            report.add_conflict(
                table,
                row_id,
                label,
                name,
                kept=ours[name],
                kept_side="here",
                lost=value,
                lost_side="copy",
                lost_at=clock.to_iso(order_copy[0]),
            )
    # deletion: by the usual rule, unless one side edited the row since and still has it
    deleted = ours["deleted"]
    order_copy = copy.latest.get((table, row_id, "deleted"), copy.inserted.get(key))
    order_here = here.latest.get((table, row_id, "deleted"), here.inserted.get(key))
    if order_copy is not None and (order_here is None or order_copy > order_here):
        deleted = theirs["deleted"]
    if deleted:  # a side that edited the row and still has it alive keeps it
        if key in copy.edited_rows and not theirs["deleted"]:
            deleted = 0
            report.add_kept(table, row_id, label, deleted_side="here")
        elif key in here.edited_rows and not ours["deleted"]:
            deleted = 0
            report.add_kept(table, row_id, label, deleted_side="copy")
    elif theirs["deleted"] and not ours["deleted"] and key in here.edited_rows:
        # the copy deleted a row this side edited and brought back later (an undone delete):
        # it stays, and the report says so, as when the edit was the later change
        report.add_kept(table, row_id, label, deleted_side="copy")
    elif ours["deleted"] and not theirs["deleted"] and key in copy.edited_rows:
        report.add_kept(table, row_id, label, deleted_side="here")
    if deleted != ours["deleted"]:
        result["deleted"] = deleted
        if deleted:
            report.add_deleted(table, row_id, label)
        elif readded:
            report.add_added(table, row_id, row_label(local, table, theirs))
    if result:
        plan.updates[key] = result


def _open_incoming(path: Path, workdir: Path):
    """Open the received copy read-only; an older format is upgraded in a scratch copy."""
    header = read_header(path)
    if header.format_version > FORMAT_VERSION:
        raise MergeRefused(
            "newer",
            "The copy {path} was made by a newer Kehila Desktop (format {version}); "
            "merging it needs a Kehila Desktop that reads format {version}.",
            path=path,
            version=header.format_version,
        )
    if header.format_version < FORMAT_VERSION:
        with open_program(path, read_only=True, upgrade=False) as old:
            scratch = workdir / "incoming.kehila"
            copy_consistent(old.conn, scratch)
        upgraded = open_program(scratch)
        upgraded.close()
        return open_program(scratch, read_only=True)
    return open_program(path, read_only=True)


def merge_copy(ops: Operations, incoming_path, *, dry_run: bool = False) -> MergeReport:
    """Merge the copy at ``incoming_path`` into ``ops``' file; ``dry_run`` only reports."""
    incoming_path = Path(incoming_path)
    pf = ops.pf
    try:
        same = incoming_path.resolve() == Path(pf.path).resolve()
    except OSError:
        same = False
    if same:
        raise MergeRefused(
            "itself",
            "{path} is the open program file itself; choose the copy that came back.",
            path=incoming_path,
        )
    if dry_run:
        return _plan_from(pf, incoming_path).report
    label = tr("merge {name}", name=incoming_path.name)
    backup: Path | None = None
    try:
        # check, plan and write in ONE write transaction: no other writer in between
        with ops.step(label, kind="merge"):
            backup = backup_path_for(Path(pf.path), "merge")
            guarding = _CheckAndBackup(pf, backup)  # beside the planning, in a thread
            try:
                plan = _plan_from(pf, incoming_path)
            finally:
                guarding.wait()  # a damaged file is refused before anything is written
            if not plan.changes:
                backup.unlink(missing_ok=True)
                return plan.report
            plan.report.backup = str(backup)
            _apply(ops, plan, label)
    except sqlite3.Error as exc:  # rolled back: the file is as it was
        if backup is not None:
            backup.unlink(missing_ok=True)
        if is_busy(exc) or is_interrupted(exc):
            raise
        raise MergeRefused(
            "damaged",
            "The copy {path} could not be merged ({error}); nothing was changed.",
            path=incoming_path,
            error=exc,
        ) from None
    except BaseException:
        if backup is not None:
            backup.unlink(missing_ok=True)
        raise
    keep_last_backups(Path(pf.path), "merge", KEEP_MERGE_BACKUPS)
    return plan.report


KEEP_MERGE_BACKUPS = 3


def _plan_from(pf, incoming_path: Path) -> _Plan:
    with tempfile.TemporaryDirectory(prefix="kehila-merge-") as workdir:
        other = _open_incoming(incoming_path, Path(workdir))
        try:
            if _program_id(other.conn) != _program_id(pf.conn):
                name = (other.program_row() or {"name": ""})["name"]
                raise MergeRefused(
                    "other_program",
                    "{path} is a copy of another program ({name}), not of "
                    "this one; it cannot be merged. Open it on its own instead.",
                    path=incoming_path,
                    name=name,
                )
            return plan_merge(pf.conn, other.conn, incoming_path.name)
        finally:
            other.close()


class _CheckAndBackup:
    """The full integrity check of the open file and its backup, each in a worker thread
    while the merge is planned (SQLite and the file copy let go of Python's lock while they
    work, so all run side by side). Both run while ``ops`` holds the write transaction and
    has written nothing yet: the check reads through a second connection, which sees exactly
    the file the merge will write to, and the backup copies the file's bytes
    (``copy_held``). ``wait`` re-raises what went wrong; nothing is written before it
    returns."""

    def __init__(self, pf, backup: Path) -> None:
        import threading

        self._pf = pf
        self._errors: list[BaseException] = []
        self._threads = [
            threading.Thread(target=self._guarded, args=(job,), name=name, daemon=True)
            for name, job in (
                ("merge-check", self._check),
                ("merge-backup", lambda: copy_held(Path(pf.path), backup)),
            )
        ]
        for thread in self._threads:
            thread.start()

    def _check(self) -> None:
        from kehila_desktop.core.file.programfile import _connect

        src = _connect(Path(self._pf.path), read_only=True)
        try:
            check_before_writing(replace(self._pf, conn=src))
        finally:
            src.close()

    def _guarded(self, job) -> None:
        try:
            job()
        except BaseException as exc:  # handed to the merging thread by wait()
            self._errors.append(exc)

    def wait(self) -> None:
        for thread in self._threads:
            thread.join()
        if self._errors:
            error, self._errors = self._errors[0], []
            raise error


def _apply(ops: Operations, plan: _Plan, label: str) -> None:
    with ops.step(label, kind="merge") as st:
        ops.conn.execute("PRAGMA defer_foreign_keys=ON")
        imported = ops.import_history(plan.steps, plan.changes)
        # set-based, table by table in the plan's order (parents before the rows that
        # point at them; the foreign keys are checked at the end of the step anyway)
        inserts: dict[str, list[dict]] = {}
        for table, row in plan.inserts:
            inserts.setdefault(table, []).append(row)
        updates: dict[str, dict[str, dict]] = {}
        for (table, row_id), changes in plan.updates.items():
            updates.setdefault(table, {})[row_id] = changes
        for table, rows in inserts.items():
            ops.insert_many(table, [{k: v for k, v in r.items() if k != "deleted"} for r in rows])
            ops.update_many(table, {r["id"]: {"deleted": 1} for r in rows if r["deleted"]})
        for table, changes in updates.items():
            ops.update_many(table, changes)
        keep_rules(ops, plan.report)
        plan.report.step_id = st.id
        ops.conn.executemany(
            "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)",
            [
                (f"merge_report:{st.id}", json.dumps(plan.report.to_dict(), ensure_ascii=False)),
                (f"merge_imported:{st.id}", json.dumps(step_ranges(imported))),
            ],
        )


def keep_rules(ops: Operations, report: MergeReport) -> None:
    """After a merge, the rules every edit keeps hold again (in the merge's own step):

    - no live membership of a deleted person, no live attendance of a deleted person (each
      side may have added one for a person the other deleted): they are deleted too;
    - one live membership per person and body (both sides added the same person to the same
      body): the one with the smallest id stays, so either merge order keeps the same one;
    - people who share an e-mail or a phone (both imported the same sheet) are listed in the
      report as likely duplicates, for a user to join: nothing is joined on a guess.
    """
    conn = ops.conn
    for table in ("membership", "attendance"):
        # from the (few) deleted people to their rows, not a scan of every row
        rows = conn.execute(
            f"SELECT m.id FROM person p CROSS JOIN {table} m ON m.person_id = p.id "
            "WHERE p.deleted=1 AND m.deleted=0 ORDER BY m.id"
        ).fetchall()
        _drop(ops, report, table, [row_id for (row_id,) in rows], "deleted_person")
    twins = conn.execute(
        "SELECT m.id FROM (SELECT person_id, body_id, min(id) AS first FROM membership "
        "WHERE deleted=0 AND person_id IS NOT NULL AND body_id IS NOT NULL "
        "GROUP BY person_id, body_id HAVING count(*) > 1) g JOIN membership m "
        "ON m.person_id=g.person_id AND m.body_id=g.body_id "
        "WHERE m.deleted=0 AND m.id > g.first ORDER BY m.id"
    ).fetchall()
    _drop(ops, report, "membership", [row_id for (row_id,) in twins], "twin")
    report.duplicates = likely_duplicates(conn)


def _drop(ops: Operations, report: MergeReport, table: str, ids: list[str], why: str) -> None:
    """Delete the rows ``ids`` of ``table`` (in that order), listing each in the report."""
    if not ids:
        return
    rows = _rows(ops.conn, table, set(ids))
    names: dict = {}  # the people and bodies the labels name, read once each
    report.repaired.extend(
        {
            "table": table,
            "row": row_id,
            "why": why,
            "label": row_label(ops.conn, table, rows[row_id], names),
        }
        for row_id in ids
    )
    ops.update_many(table, {row_id: {"deleted": 1} for row_id in ids})


def likely_duplicates(conn: sqlite3.Connection) -> list[dict]:
    """Live people who share an e-mail (any case) or a phone (its digits): groups of names."""
    from kehila_desktop.core.people.search import phone_digits

    by_key: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for pid, name, email, phone in conn.execute(
        "SELECT id, name, email, phone FROM person WHERE deleted=0"
    ):
        if email and (email := email.strip()):
            by_key.setdefault(("email", email.casefold()), []).append((pid, name))
        digits = phone_digits(phone)
        if len(digits) >= 7:
            by_key.setdefault(("phone", digits), []).append((pid, name))
    seen: set[tuple[str, ...]] = set()
    out = []
    # each group's people by id (sorting the few groups, not every person)
    groups = sorted((key, sorted(people)) for key, people in by_key.items() if len(people) > 1)
    for (kind, value), people in groups:
        ids = tuple(sorted(p for p, _n in people))
        if ids in seen:
            continue
        seen.add(ids)
        out.append(
            {
                "by": kind,
                "value": value,
                "people": [p for p, _n in people],
                "names": [n for _p, n in people],
            }
        )
    return out


def restore_lost(ops: Operations, conflict: dict) -> bool:
    """Give a field back the value a merge conflict did not keep (one undo step)."""
    return bool(
        ops.update(
            conflict["table"],
            conflict["row"],
            {conflict["field"]: conflict["lost"]},
            label=tr("restore {field}", field=field_name(conflict["table"], conflict["field"])),
        )
    )


def saved_reports(conn: sqlite3.Connection) -> list[MergeReport]:
    """The reports of the merges recorded in this file, oldest first."""
    rows = conn.execute(
        "SELECT m.value FROM meta m JOIN step s ON m.key = 'merge_report:' || s.n ORDER BY s.n"
    ).fetchall()
    return [MergeReport.from_dict(json.loads(value)) for (value,) in rows]


__all__ = [
    "MergeRefused",
    "MergeReport",
    "merge_copy",
    "plan_merge",
    "restore_lost",
    "saved_reports",
]
