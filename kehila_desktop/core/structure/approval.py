"""Approval by the steering committee: a membership reaches "approved by steering" only through
a passed steering decision of the composition kind whose payload names it
(``{"approve": [membership ids]}``, applied by ``edits.apply_decision``); a direct move is
refused (``memberships.refuse_direct_approval``).

Named operations (each one undo step): ``decide_composition`` records the decision naming
memberships; ``advance_memberships`` moves several memberships to their next pipeline step,
the design-committee candidates through a decision or to a meeting as the two below do;
``attach_to_decision`` adds memberships to what a passed
composition decision approves and approves them; ``put_forward`` proposes memberships to the
next scheduled steering meeting: they become "proposed" and the meeting's agenda item
"Composition of the design committee" lists them (added when missing), so that the
composition decision recorded there (its editor preselects the proposed) approves them.

Queries: ``composition_decisions``, ``approvals`` (the decision that approved each membership,
derived from the decisions' payloads), ``passed_composition_decisions`` and
``next_steering_meeting``.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import date

from kehila_desktop.core import enums
from kehila_desktop.core.errors import InvalidEdit
from kehila_desktop.core.file import tables as T
from kehila_desktop.core.history.operations import Operations
from kehila_desktop.core.i18n import LANGUAGES, ntr, tr
from kehila_desktop.core.meetings.records import add_agenda_item, record_decision
from kehila_desktop.core.structure import memberships as _memberships
from kehila_desktop.core.structure.memberships import APPROVED, membership
from kehila_desktop.core.structure.queries import is_meeting_of, live_body_id

AWAITING = ("mapped", "proposed")  # what a composition decision approves
AGENDA_TITLE = "Composition of the design committee"


@dataclass(frozen=True)
class Approval:
    decision_id: str
    meeting_id: str
    day: str  # the meeting's date, YYYY-MM-DD
    number: int  # the decision's number in its meeting (1, 2 …)


def _ids(payload: str) -> list[str]:
    try:
        data = json.loads(payload) if payload else {}
    except ValueError:
        data = {}
    ids = data.get("approve") if isinstance(data, dict) else None
    return [i for i in ids if isinstance(i, str)] if isinstance(ids, list) else []


def _steering_decisions(conn: sqlite3.Connection, kind: str | None = None) -> list[tuple]:
    """(id, meeting id, day, number, kind, outcome, payload, text) of the decisions of *the*
    steering committee (``live_body_id``), oldest first; ``number`` counts the decisions of
    its meeting from 1."""
    rows = conn.execute(
        "SELECT d.id, d.meeting_id, substr(m.starts_at, 1, 10), d.kind, d.outcome, d.payload, "
        "d.text FROM live_decision d JOIN live_meeting m ON m.id=d.meeting_id "
        "WHERE m.body_id=? ORDER BY m.starts_at, d.meeting_id, d.position, d.rowid",
        (live_body_id(conn, "steering") or "",),
    ).fetchall()
    out, counts = [], {}  # type: ignore[var-annotated]
    for dec_id, meeting_id, day, dkind, outcome, payload, text in rows:
        counts[meeting_id] = counts.get(meeting_id, 0) + 1
        if kind is None or dkind == kind:
            out.append((dec_id, meeting_id, day, counts[meeting_id], dkind, outcome, payload, text))
    return out


def composition_decisions(conn: sqlite3.Connection) -> list[tuple[str, str, list[str]]]:
    """Steering decisions of the composition kind: (decision id, meeting id, membership ids)."""
    return [(d[0], d[1], _ids(d[6])) for d in _steering_decisions(conn, "composition")]


def approvals(conn: sqlite3.Connection) -> dict[str, Approval]:
    """{membership id: Approval} — the passed steering decision on the composition that
    approved each membership (the latest one naming it)."""
    out: dict[str, Approval] = {}
    for dec_id, meeting_id, day, number, _, outcome, payload, _ in _steering_decisions(
        conn, "composition"
    ):
        if outcome in enums.PASSED_OUTCOMES or not outcome:
            for mid in _ids(payload):
                out[mid] = Approval(dec_id, meeting_id, day, number)
    return out


def passed_composition_decisions(conn: sqlite3.Connection) -> list[dict]:
    """The passed composition decisions of steering meetings, newest first: id, meeting_id,
    day, number, text and ``approve`` (the membership ids it names)."""
    return [
        {
            "id": d[0],
            "meeting_id": d[1],
            "day": d[2],
            "number": d[3],
            "text": d[7],
            "approve": _ids(d[6]),
        }
        for d in reversed(_steering_decisions(conn, "composition"))
        if d[5] in enums.PASSED_OUTCOMES or not d[5]
    ]


def next_steering_meeting(conn: sqlite3.Connection, today: str | None = None) -> dict | None:
    """The next planned meeting of the steering committee from ``today`` on: id, starts_at."""
    row = conn.execute(
        "SELECT id, starts_at FROM live_meeting WHERE body_id=? AND status='planned' "
        "AND substr(starts_at, 1, 10) >= ? ORDER BY starts_at LIMIT 1",
        (live_body_id(conn, "steering") or "", today or date.today().isoformat()),
    ).fetchone()
    return {"id": row[0], "starts_at": row[1]} if row else None


def _steering_meeting(conn: sqlite3.Connection, meeting_id: str) -> None:
    if not is_meeting_of(conn, meeting_id, "steering"):
        raise InvalidEdit("That is not a meeting of the steering committee.")


def _awaiting(conn: sqlite3.Connection, membership_ids: list[str]) -> list[dict]:
    """The memberships, each live, of *the* design committee (``live_body_id``) and not yet
    approved."""
    if not membership_ids:
        raise InvalidEdit("Choose the members the steering committee is to approve.")
    design = live_body_id(conn, "design")
    out = []
    for mid in dict.fromkeys(membership_ids):
        m = membership(conn, mid)
        if m["deleted"] or design is None or m["body_id"] != design:
            raise InvalidEdit(
                "The steering committee decides the composition of the design committee only; "
                "{person} is not a candidate for it.",
                person=m["person"],
            )
        if m["status"] not in AWAITING:
            raise InvalidEdit(
                "{person} is not waiting for approval (the status is already past it).",
                person=m["person"],
            )
        out.append(m)
    return out


def attach_to_decision(ops: Operations, decision_id: str, membership_ids: list[str]) -> None:
    """Add ``membership_ids`` (design-committee candidates) to what the passed composition
    decision ``decision_id`` approves, and approve them: one step."""
    decision = next(
        (d for d in passed_composition_decisions(ops.conn) if d["id"] == decision_id), None
    )
    if decision is None:
        raise InvalidEdit(
            "That is not a passed steering decision on the composition of the design committee."
        )
    chosen = _awaiting(ops.conn, membership_ids)
    payload = {"approve": decision["approve"] + [m["id"] for m in chosen]}
    payload["approve"] = list(dict.fromkeys(payload["approve"]))
    with ops.step(tr("approve by the steering decision")):
        ops.update(T.DECISION, decision_id, {"payload": json.dumps(payload, ensure_ascii=False)})
        for m in chosen:
            ops.update(T.MEMBERSHIP, m["id"], {"status": APPROVED})


def _agenda_item(conn: sqlite3.Connection, meeting_id: str) -> tuple[str, str] | None:
    titles = {tr(AGENDA_TITLE, lang) for lang in LANGUAGES}
    for item_id, title, notes in conn.execute(
        "SELECT id, title, notes FROM live_agenda_item WHERE meeting_id=? ORDER BY position",
        (meeting_id,),
    ):
        if title in titles:
            return item_id, notes
    return None


def put_forward(ops: Operations, membership_ids: list[str], meeting_id: str | None = None) -> str:
    """Put design-committee candidates forward to a steering meeting (the next scheduled one
    unless told): they become "proposed" and its agenda item on the composition lists them.
    Returns the agenda item's id."""
    conn = ops.conn
    if meeting_id is None:
        meeting = next_steering_meeting(conn)
        if meeting is None:
            raise InvalidEdit(
                "No steering meeting is scheduled; schedule one in the Meetings view first."
            )
        meeting_id = meeting["id"]
    else:
        _steering_meeting(conn, meeting_id)
    chosen = _awaiting(conn, membership_ids)
    language = conn.execute(f"SELECT language FROM {T.live(T.PROGRAM)}").fetchone()[0]
    with ops.step(tr("put forward to the steering committee")):
        for m in chosen:
            if m["status"] != "proposed":
                ops.update(T.MEMBERSHIP, m["id"], {"status": "proposed"})
        found = _agenda_item(conn, meeting_id)
        if found is None:
            item_id = add_agenda_item(
                ops, meeting_id, tr(AGENDA_TITLE, language), minutes=20, kind="decision"
            )
            notes = ""
        else:
            item_id, notes = found
        lines = [line for line in notes.splitlines() if line.strip()]
        lines += [m["person"] for m in chosen if m["person"] not in lines]
        ops.update(T.AGENDA_ITEM, item_id, {"notes": "\n".join(lines)})
    return item_id


def advance_memberships(
    ops: Operations,
    membership_ids: list[str],
    *,
    decision_id: str | None = None,
    forward_to: str | None = None,
) -> dict[str, str]:
    """Move several memberships to their next pipeline step in one step; those whose next
    step is "approved" (design-committee candidates) are attached to the passed composition
    decision ``decision_id`` or put forward to the steering meeting ``forward_to``.
    Returns {id: status afterwards} of the memberships that moved or were put forward."""
    ids = list(dict.fromkeys(membership_ids))
    waiting = _memberships.awaiting_approval(ops.conn, ids)
    if waiting and decision_id is None and forward_to is None:
        raise InvalidEdit(_memberships.APPROVAL_ONLY_BY_DECISION)
    others = [mid for mid in ids if mid not in waiting]
    with ops.step(ntr("{n} membership: next step", "{n} memberships: next step", len(ids))):
        moved = _memberships.advance_memberships(ops, others) if others else {}
        if waiting and decision_id is not None:
            attach_to_decision(ops, decision_id, waiting)
            moved.update(dict.fromkeys(waiting, APPROVED))
        elif waiting:
            put_forward(ops, waiting, forward_to)
            moved.update(dict.fromkeys(waiting, "proposed"))
    return moved


def decide_composition(
    ops: Operations,
    meeting_id: str,
    membership_ids: list[str],
    text: str = "",
    *,
    votes: tuple[int, int, int] = (0, 0, 0),
    outcome: str | None = None,
) -> str:
    """Record the steering committee's decision on the design committee's composition at
    ``meeting_id``, approving ``membership_ids`` when it passes; returns the decision's id."""
    conn = ops.conn
    _steering_meeting(conn, meeting_id)
    chosen = _awaiting(conn, membership_ids)
    language = conn.execute(f"SELECT language FROM {T.live(T.PROGRAM)}").fetchone()[0]
    return record_decision(
        ops,
        meeting_id,
        text or tr(AGENDA_TITLE, language),
        "composition",
        votes=votes,
        payload={"approve": [m["id"] for m in chosen]},
        outcome=outcome,
    )
