"""What a user does to a person, as named operations (each one undo step): add, edit and
delete a partner of the mapping (or several at once), and join two records of one person.

The rules live here, so the People view, the import, the API and the sample share them:
a person has a name, a known sector, an area that exists, a usable phone and e-mail;
deleting a person also removes their memberships and any chair they held, in the same step.

Joining (``join_people``) keeps one of two records of the same person: everything that points
at the dropped one (memberships, attendance, action-item and work-plan action owners, a body's
chair) points at the kept one; where both sit in one body the membership further along the
pipeline stays (a chair one first), where both have a mark at one meeting the better mark
stays, so "one live membership per person and body" and one mark per meeting still hold. Empty
fields of the kept person are filled from the dropped one (a filled one is never overwritten;
phone and e-mail only when both records say the person consented to keeping them); then the
dropped person is deleted. One undo step.
"""

from __future__ import annotations

from kehila_desktop.core import enums
from kehila_desktop.core.errors import InvalidEdit
from kehila_desktop.core.file import tables as T
from kehila_desktop.core.history.operations import Operations
from kehila_desktop.core.i18n import ntr, tr


def _check(ops: Operations, values: dict, *, new: bool) -> dict:
    from kehila_desktop.core.people.contacts import validate_email, validate_phone

    unknown = set(values) - set(T.PERSON_FIELDS)
    if unknown:
        raise InvalidEdit(
            "There is no field {field} in {table}.", field=sorted(unknown)[0], table=T.PERSON
        )
    out = dict(values)
    if "name" in out or new:
        out["name"] = (out.get("name") or "").strip()
        if not out["name"]:
            raise InvalidEdit("A person needs a name.")
    if "sector" in out and out["sector"] not in enums.SECTORS:
        raise InvalidEdit("Unknown sector {sector}.", sector=out["sector"])
    if out.get("area_id"):
        if (
            ops.conn.execute("SELECT 1 FROM live_area WHERE id=?", (out["area_id"],)).fetchone()
            is None
        ):
            raise InvalidEdit("There is no such neighbourhood, quarter or area.")
    for key, check in (("phone", validate_phone), ("email", validate_email)):
        if key in out:
            out[key] = (out[key] or "").strip()
            problem = check(out[key])
            if problem:
                raise InvalidEdit(problem)
    return out


def person_name(ops_or_conn, person_id: str) -> str:
    conn = getattr(ops_or_conn, "conn", ops_or_conn)
    row = conn.execute("SELECT name FROM person WHERE id=?", (person_id,)).fetchone()
    if row is None:
        raise InvalidEdit("There is no such person.")
    return row[0]


def add_person(ops: Operations, values: dict) -> str:
    """Add a person to the mapping; returns their id."""
    values = _check(ops, values, new=True)
    return ops.insert(T.PERSON, values, label=tr("add {person}", person=values["name"]))


def update_person(ops: Operations, person_id: str, changes: dict) -> int:
    """Change fields of a person; returns how many changed (0: nothing to do)."""
    name = person_name(ops, person_id)
    changes = _check(ops, changes, new=False)
    return ops.update(
        T.PERSON, person_id, changes, label=tr("edit {person}", person=changes.get("name") or name)
    )


def delete_person(ops: Operations, person_id: str) -> None:
    """Delete a person with their memberships and any chair they hold: one undo step."""
    name = person_name(ops, person_id)
    conn = ops.conn
    with ops.step(tr("delete {person}", person=name)):
        for (mid,) in conn.execute(
            "SELECT id FROM live_membership WHERE person_id=?", (person_id,)
        ).fetchall():
            ops.delete(T.MEMBERSHIP, mid)
        for (bid,) in conn.execute(
            "SELECT id FROM live_body WHERE chair_person_id=?", (person_id,)
        ).fetchall():
            ops.update(T.BODY, bid, {"chair_person_id": None})
        ops.delete(T.PERSON, person_id)


def delete_people(ops: Operations, person_ids: list[str]) -> int:
    """Delete several people, each with their memberships and chairs, in one undo step;
    returns how many. Refused (nothing deleted) when one of them does not exist."""
    ids = list(dict.fromkeys(person_ids))
    if not ids:
        raise InvalidEdit("Choose the people to delete.")
    if len(ids) == 1:
        delete_person(ops, ids[0])
        return 1
    for pid in ids:  # every one exists before anything is deleted
        person_name(ops, pid)
    with ops.step(ntr("delete {n} person", "delete {n} people", len(ids))):
        for pid in ids:
            delete_person(ops, pid)  # (its own step joins this one)
    return len(ids)


# Joining two records of one person: which of two rows of one thing stays.
_PIPELINE_ORDER = tuple(enums.PIPELINE)  # mapped … joined, declined, left: further is later
_MARK_ORDER = ("absent", "excused", "late", "present")  # the better attendance mark is later
_CONTACTS = ("phone", "email")
# every field of another table that names a person: moved to the kept one
_OWNERS = (
    (T.BODY, "chair_person_id"),
    (T.ACTION_ITEM, "owner_person_id"),
    (T.ACTION, "owner_person_id"),
)


def _live_rows(ops: Operations, table: str, person_id: str) -> list[dict]:
    cur = ops.conn.execute(
        f"SELECT * FROM {T.live(table)} WHERE person_id=? ORDER BY id", (person_id,)
    )
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur.fetchall()]


def _membership_rank(row: dict) -> tuple[bool, int]:
    status = row["status"]
    return row["role"] == "chair", (
        _PIPELINE_ORDER.index(status) if status in _PIPELINE_ORDER else -1
    )


def _mark_rank(row: dict) -> int:
    return _MARK_ORDER.index(row["status"]) if row["status"] in _MARK_ORDER else -1


def _fill(ops: Operations, table: str, kept: dict, other: dict, fields) -> None:
    """Give ``kept``'s empty fields the values ``other`` has (a filled field is never changed)."""
    empty = {
        f: other[f] for f in fields if kept.get(f) in (None, "") and other.get(f) not in (None, "")
    }
    if empty:
        ops.update(table, kept["id"], empty)


def _move_rows(ops: Operations, table: str, keep_id: str, drop_id: str, key: str, rank, fields):
    """Move the dropped person's rows of ``table`` to the kept one; where both have one for
    the same ``key`` (a body, a meeting), the one ``rank`` puts higher stays (the kept
    person's on a tie) with its empty ``fields`` filled from the other, which is deleted."""
    mine = {row[key]: row for row in _live_rows(ops, table, keep_id)}
    for row in _live_rows(ops, table, drop_id):
        twin = mine.get(row[key])
        if twin is None:
            ops.update(table, row["id"], {"person_id": keep_id})
            continue
        best, worse = (row, twin) if rank(row) > rank(twin) else (twin, row)
        ops.delete(table, worse["id"])
        if best is row:
            ops.update(table, row["id"], {"person_id": keep_id})
        _fill(ops, table, best, worse, fields)


def _live_person(ops: Operations, person_id: str) -> dict:
    cur = ops.conn.execute(f"SELECT * FROM {T.live(T.PERSON)} WHERE id=?", (person_id,))
    row = cur.fetchone()
    if row is None:
        raise InvalidEdit("There is no such person.")
    return dict(zip([d[0] for d in cur.description], row))


def join_people(ops: Operations, keep_id: str, drop_id: str) -> str:
    """Join two records of one person into ``keep_id`` (one undo step); returns ``keep_id``.

    See the module's docstring for what moves and what stays."""
    if keep_id == drop_id:
        raise InvalidEdit("A person cannot be joined with themselves; choose another person.")
    keep, drop = _live_person(ops, keep_id), _live_person(ops, drop_id)
    conn = ops.conn
    with ops.step(tr("join {person} with {other}", person=keep["name"], other=drop["name"])):
        _move_rows(
            ops,
            T.MEMBERSHIP,
            keep_id,
            drop_id,
            "body_id",
            _membership_rank,
            T.MEMBERSHIP_FIELDS,
        )
        _move_rows(ops, T.ATTENDANCE, keep_id, drop_id, "meeting_id", _mark_rank, ())
        for table, column in _OWNERS:
            for (row_id,) in conn.execute(
                f"SELECT id FROM {T.live(table)} WHERE {column}=? ORDER BY id", (drop_id,)
            ).fetchall():
                ops.update(table, row_id, {column: keep_id})
        fields = [f for f in T.PERSON_FIELDS if f not in ("name", "contact_consent")]
        if not (keep["contact_consent"] and drop["contact_consent"]):
            fields = [f for f in fields if f not in _CONTACTS]
        _fill(ops, T.PERSON, keep, drop, fields)
        ops.delete(T.PERSON, drop_id)
    return keep_id
