"""What a user does to a person, as named operations (each one undo step): add, edit and
delete a partner of the mapping.

The rules live here, so the People view, the import, the API and the sample share them:
a person has a name, a known sector, an area that exists, a usable phone and e-mail;
deleting a person also removes their memberships and any chair they held, in the same step.
"""

from __future__ import annotations

from kehila_desktop.core import enums
from kehila_desktop.core.errors import InvalidEdit
from kehila_desktop.core.file import tables as T
from kehila_desktop.core.history.operations import Operations
from kehila_desktop.core.i18n import tr


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
