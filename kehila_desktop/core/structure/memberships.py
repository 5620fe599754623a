"""Who sits in which body: memberships along the mapping pipeline, and the chair of a body.

Named operations (each one undo step): ``add_membership``, ``add_memberships`` (several
people at once: those already in the body are reported, not refused), ``update_membership``,
``advance_membership``, ``advance_memberships``, ``remove_membership`` and ``set_chair``.
The rules:

- a person has at most one live membership in a body: a second one is refused with one
  sentence (edit the one there is);
- moving along the pipeline stamps the dates: ``joined_on`` when a membership becomes
  "joined", ``left_on`` when it becomes "left" (a date already there is kept);
- the chair of a body is a member whose role is chair: naming a chair (``set_chair``)
  creates that person's membership or makes it a chair one, and the previous chair becomes a
  member; giving a membership the chair role names that person the body's chair; a chair
  whose membership is removed, declined or left is no longer the chair. A chair whose
  membership has not reached "joined" is shown (and found by program health) as *proposed*;
- "approved by steering" is reached only through a passed steering decision on the
  composition that names the membership (``core/structure/approval.py``): a direct move there
  is refused; "next step" from "proposed" is that decision in the design committee and
  "invited" in the other bodies (the steering committee decides the design committee's
  composition only).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date

from kehila_desktop.core import enums
from kehila_desktop.core.errors import InvalidEdit
from kehila_desktop.core.file import tables as T
from kehila_desktop.core.history.operations import Operations
from kehila_desktop.core.i18n import label, ntr, tr
from kehila_desktop.core.structure.queries import live_body_id

CHAIR = "chair"
MEMBER = "member"
JOINED = "joined"
GONE = ("declined", "left")  # a membership in these states holds no role in the body
# the pipeline's next step from each status (the panel's "next step" button)
NEXT_STATUS = {
    "mapped": "proposed",
    "proposed": "approved",
    "approved": "invited",
    "invited": "joined",
}


APPROVED = "approved"
APPROVAL_ONLY_BY_DECISION = (
    "Only the steering committee approves members: record its decision on the composition "
    "naming them, or put them forward to its next meeting."
)


def refuse_direct_approval(values: dict, old: dict | None) -> None:
    """A move to "approved" outside a steering decision on the composition is refused."""
    if values.get("status") == APPROVED and (old or {}).get("status") != APPROVED:
        raise InvalidEdit(APPROVAL_ONLY_BY_DECISION)


def next_status(conn: sqlite3.Connection, membership_id: str) -> str | None:
    """The pipeline's next step of a membership ("approved" only in *the* design committee,
    ``live_body_id``: what the steering committee's decision on the composition approves)."""
    m = membership(conn, membership_id)
    nxt = NEXT_STATUS.get(m["status"])
    if nxt == APPROVED and m["body_id"] != live_body_id(conn, "design"):
        return NEXT_STATUS[APPROVED]
    return nxt


def _today() -> str:
    return date.today().isoformat()


def membership(conn: sqlite3.Connection, membership_id: str) -> dict:
    """One membership with its person's and body's names (``person``, ``body``)."""
    cur = conn.execute(
        "SELECT m.*, p.name AS person, b.name AS body FROM membership m "
        "JOIN person p ON p.id=m.person_id JOIN body b ON b.id=m.body_id WHERE m.id=?",
        (membership_id,),
    )
    row = cur.fetchone()
    if row is None:
        raise InvalidEdit(
            "The {table} row {row} does not exist.", table=T.MEMBERSHIP, row=membership_id
        )
    return dict(zip([d[0] for d in cur.description], row))


def live_membership_of(conn: sqlite3.Connection, person_id: str, body_id: str) -> dict | None:
    cur = conn.execute(
        f"SELECT * FROM {T.live(T.MEMBERSHIP)} WHERE person_id=? AND body_id=? "
        "ORDER BY rowid LIMIT 1",
        (person_id, body_id),
    )
    row = cur.fetchone()
    return dict(zip([d[0] for d in cur.description], row)) if row else None


def _names(conn: sqlite3.Connection, person_id: str, body_id: str) -> tuple[str, str]:
    person = conn.execute(
        f"SELECT name FROM {T.live(T.PERSON)} WHERE id=?", (person_id,)
    ).fetchone()
    if person is None:
        raise InvalidEdit("There is no such person.")
    body = conn.execute(f"SELECT name FROM {T.live(T.BODY)} WHERE id=?", (body_id,)).fetchone()
    if body is None:
        raise InvalidEdit("There is no such body.")
    return person[0], body[0]


def _check(values: dict) -> None:
    unknown = set(values) - set(T.MEMBERSHIP_FIELDS)
    if unknown:
        raise InvalidEdit(
            "There is no field {field} in {table}.", field=sorted(unknown)[0], table=T.MEMBERSHIP
        )
    if "role" in values and values["role"] not in enums.ROLES:
        raise InvalidEdit("Unknown role {role}.", role=values["role"])
    if "status" in values and values["status"] not in enums.PIPELINE:
        raise InvalidEdit("Unknown pipeline status {status}.", status=values["status"])


def _chair_of(conn: sqlite3.Connection, body_id: str) -> str | None:
    row = conn.execute("SELECT chair_person_id FROM body WHERE id=?", (body_id,)).fetchone()
    return row[0] if row else None


def _follow_chair_rule(
    ops: Operations, body_id: str, person_id: str, role: str, status: str, deleted: bool = False
) -> None:
    """Keep ``body.chair_person_id`` and the chair memberships telling one story."""
    conn = ops.conn
    holds_chair = role == CHAIR and status not in GONE and not deleted
    chair = _chair_of(conn, body_id)
    if holds_chair and chair != person_id:
        ops.update(T.BODY, body_id, {"chair_person_id": person_id})
        _demote_other_chairs(ops, body_id, person_id)
    elif not holds_chair and chair == person_id:
        ops.update(T.BODY, body_id, {"chair_person_id": None})


def _demote_other_chairs(ops: Operations, body_id: str, person_id: str) -> None:
    for (mid,) in ops.conn.execute(
        f"SELECT id FROM {T.live(T.MEMBERSHIP)} WHERE body_id=? AND role=? AND person_id<>?",
        (body_id, CHAIR, person_id),
    ).fetchall():
        ops.update(T.MEMBERSHIP, mid, {"role": MEMBER})


def _stamp(values: dict, old: dict | None) -> dict:
    """Stamp ``joined_on``/``left_on`` when the status moves to joined/left."""
    values = dict(values)
    old = old or {}
    status = values.get("status")
    if (
        status == JOINED
        and old.get("status") != JOINED
        and not old.get("joined_on")
        and not values.get("joined_on")
    ):
        values["joined_on"] = _today()
    if (
        status == "left"
        and old.get("status") != "left"
        and not old.get("left_on")
        and not values.get("left_on")
    ):
        values["left_on"] = _today()
    return values


def add_membership(
    ops: Operations, person_id: str, body_id: str, values: dict | None = None
) -> str:
    """Add ``person_id`` to ``body_id`` (role, status … in ``values``); returns its id.

    Refused when the person already has a live membership in that body.
    """
    values = dict(values or {})
    values.pop("person_id", None)
    values.pop("body_id", None)
    _check(values)
    refuse_direct_approval(values, None)
    person, body = _names(ops.conn, person_id, body_id)
    there = live_membership_of(ops.conn, person_id, body_id)
    if there is not None:
        raise InvalidEdit(
            "{person} is already in {body} ({status}); edit that membership "
            "instead of adding another.",
            person=person,
            body=body,
            status=label("PIPELINE", there["status"]),
        )
    values = _stamp(values, None)
    with ops.step(tr("add {person} to {body}", person=person, body=body)):
        mid = ops.insert(T.MEMBERSHIP, {"person_id": person_id, "body_id": body_id, **values})
        _follow_chair_rule(
            ops, body_id, person_id, values.get("role", MEMBER), values.get("status", "mapped")
        )
    return mid


@dataclass(frozen=True)
class Added:
    """What ``add_memberships`` did: the new memberships and who was already in the body."""

    body: str
    added: list[str]  # the new memberships' ids
    already: list[str]  # the names of the people who already were in the body

    def report(self) -> str:
        """One sentence (two when some were already there) a user reads after the batch."""
        parts = []
        if self.added or not self.already:
            parts.append(
                ntr(
                    "{n} person added to {body}.",
                    "{n} people added to {body}.",
                    len(self.added),
                    body=self.body,
                )
            )
        if self.already:
            parts.append(
                ntr(
                    "{n} was already in {body}.",
                    "{n} were already in {body}.",
                    len(self.already),
                    body=self.body,
                )
            )
        return " ".join(parts)


def add_memberships(
    ops: Operations,
    person_ids: list[str],
    body_id: str,
    role: str = MEMBER,
    status: str = "mapped",
    values: dict | None = None,
) -> Added:
    """Add each of ``person_ids`` to ``body_id`` with ``role``, ``status`` and the other
    membership fields in ``values`` (source, expected attendance …), one step.

    The people already in the body are left as they are and named in the result (the batch
    is not refused for them); a body has one chair, so the chair role takes one person."""
    ids = list(dict.fromkeys(person_ids))
    if not ids:
        raise InvalidEdit("Choose the people to add to the body.")
    if role == CHAIR and len(ids) > 1:
        raise InvalidEdit("A body has one chair: choose one person to name its chair.")
    values = {**(values or {}), "role": role, "status": status}
    values.pop("person_id", None)
    values.pop("body_id", None)
    _check(values)
    refuse_direct_approval(values, None)
    names = [_names(ops.conn, pid, body_id) for pid in ids]
    body = names[0][1]
    added, already = [], []
    label_ = ntr("add {n} person to {body}", "add {n} people to {body}", len(ids), body=body)
    with ops.step(label_):
        for pid, (person, _) in zip(ids, names):
            if live_membership_of(ops.conn, pid, body_id) is not None:
                already.append(person)
            else:
                added.append(add_membership(ops, pid, body_id, values))
    return Added(body, added, already)


def update_membership(ops: Operations, membership_id: str, changes: dict) -> None:
    """Change a membership (not its person or body): stamps dates, follows the chair rule."""
    changes = dict(changes)
    for key in ("person_id", "body_id"):
        changes.pop(key, None)
    _check(changes)
    m = membership(ops.conn, membership_id)
    refuse_direct_approval(changes, m)
    changes = _stamp(changes, m)
    with ops.step(tr("edit {person} in {body}", person=m["person"], body=m["body"])):
        ops.update(T.MEMBERSHIP, membership_id, changes)
        _follow_chair_rule(
            ops,
            m["body_id"],
            m["person_id"],
            changes.get("role", m["role"]),
            changes.get("status", m["status"]),
        )


def advance_membership(ops: Operations, membership_id: str) -> str | None:
    """Move a membership to the pipeline's next step; returns the new status (None: none).

    In the design committee the step after "proposed" is refused: it is the steering
    committee's decision (``approval.attach_to_decision`` or ``approval.put_forward``)."""
    m = membership(ops.conn, membership_id)
    nxt = next_status(ops.conn, membership_id)
    if nxt is None:
        return None
    refuse_direct_approval({"status": nxt}, m)
    with ops.step(tr("{person}: {status}", person=m["person"], status=label("PIPELINE", nxt))):
        update_membership(ops, membership_id, {"status": nxt})
    return nxt


def awaiting_approval(conn: sqlite3.Connection, membership_ids: list[str]) -> list[str]:
    """Those of ``membership_ids`` whose next step is "approved" (the steering committee's)."""
    return [mid for mid in membership_ids if next_status(conn, mid) == APPROVED]


def advance_memberships(ops: Operations, membership_ids: list[str]) -> dict[str, str]:
    """Move each membership to the pipeline's next step, one step; returns {id: new status}
    (those at the end of the line are left as they are).

    Refused, changing nothing, when one of them would become "approved": that step is the
    steering committee's (``approval.advance_memberships`` takes it with the others)."""
    ids = list(dict.fromkeys(membership_ids))
    if not ids:
        raise InvalidEdit("Choose the memberships to move to their next step.")
    for mid in ids:
        refuse_direct_approval({"status": next_status(ops.conn, mid)}, membership(ops.conn, mid))
    moved: dict[str, str] = {}
    label_ = ntr("{n} membership: next step", "{n} memberships: next step", len(ids))
    with ops.step(label_):
        for mid in ids:
            nxt = advance_membership(ops, mid)
            if nxt is not None:
                moved[mid] = nxt
    return moved


def remove_membership(ops: Operations, membership_id: str) -> None:
    """Remove a membership; a chair removed from the body is no longer its chair."""
    m = membership(ops.conn, membership_id)
    with ops.step(tr("remove {person} from {body}", person=m["person"], body=m["body"])):
        ops.delete(T.MEMBERSHIP, membership_id)
        _follow_chair_rule(ops, m["body_id"], m["person_id"], m["role"], m["status"], deleted=True)


def set_chair(ops: Operations, body_id: str, person_id: str | None) -> None:
    """Name ``person_id`` the chair of ``body_id`` (None: the body has no chair).

    The person's membership becomes a chair one (one is added, at "proposed", when they
    have none, or when theirs was declined or left); the previous chair stays a member.
    """
    conn = ops.conn
    body = conn.execute(
        f"SELECT name, chair_person_id FROM {T.live(T.BODY)} WHERE id=?", (body_id,)
    ).fetchone()
    if body is None:
        raise InvalidEdit("There is no such body.")
    with ops.step(tr("change the chair of {name}", name=body[0])):
        if person_id is None:
            if body[1]:
                ops.update(T.BODY, body_id, {"chair_person_id": None})
            _demote_other_chairs(ops, body_id, "")
            return
        _names(conn, person_id, body_id)
        there = live_membership_of(conn, person_id, body_id)
        if there is None or there["status"] in GONE:
            if there is not None:
                ops.delete(T.MEMBERSHIP, there["id"])
            ops.insert(
                T.MEMBERSHIP,
                {"person_id": person_id, "body_id": body_id, "role": CHAIR, "status": "proposed"},
            )
        elif there["role"] != CHAIR:
            ops.update(T.MEMBERSHIP, there["id"], {"role": CHAIR})
        if body[1] != person_id:
            ops.update(T.BODY, body_id, {"chair_person_id": person_id})
        _demote_other_chairs(ops, body_id, person_id)


def chair_status(conn: sqlite3.Connection, body_id: str) -> tuple[str | None, str | None]:
    """The body's chair and the status of their chair membership (None: they have none)."""
    chair = _chair_of(conn, body_id)
    if not chair:
        return None, None
    row = conn.execute(
        f"SELECT status FROM {T.live(T.MEMBERSHIP)} WHERE body_id=? AND "
        "person_id=? AND role=? ORDER BY status<>'joined' LIMIT 1",
        (body_id, chair, CHAIR),
    ).fetchone()
    return chair, row[0] if row else None
