"""Meetings in the domain's words: agenda totals, attendance rates, decisions, action items,
and the check-in helpers of in-room mode. Reads are plain SQL on the connection; every write
is one Operations step (one user action, one undo step, committed at once).
"""

from __future__ import annotations

import json
import sqlite3
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import date

from kehila_desktop.core import enums
from kehila_desktop.core.structure.edits import apply_decision
from kehila_desktop.core.structure.queries import is_meeting_of
from kehila_desktop.core.errors import InvalidEdit
from kehila_desktop.core.i18n import label as vocab_label, tr
from kehila_desktop.core.history.operations import Operations

ATTENDED = ("present", "late")
MEMBER_STATUSES = ("joined",)  # memberships that are expected at meetings
STEERING_DECISIONS = ("scope", "timeline", "focus", "channels", "composition")


# --- agenda ----------------------------------------------------------------------------
@dataclass
class AgendaTotal:
    planned: int  # minutes of all agenda items
    length: int  # the meeting's minutes
    items: int

    @property
    def over(self) -> int:
        """Minutes the agenda runs over the meeting (0 when it fits)."""
        return max(0, self.planned - self.length)

    @property
    def left(self) -> int:
        return max(0, self.length - self.planned)


def agenda_total(conn: sqlite3.Connection, meeting_id: str) -> AgendaTotal:
    length = conn.execute("SELECT minutes FROM meeting WHERE id=?", (meeting_id,)).fetchone()
    total, count = conn.execute(
        "SELECT coalesce(sum(minutes), 0), count(*) FROM live_agenda_item WHERE meeting_id=?",
        (meeting_id,),
    ).fetchone()
    return AgendaTotal(int(total), int(length[0]) if length else 0, int(count))


def agenda(conn: sqlite3.Connection, meeting_id: str) -> list[dict]:
    cur = conn.execute(
        "SELECT id, position, title, presenter, minutes, kind, notes, spent_seconds "
        "FROM live_agenda_item WHERE meeting_id=? ORDER BY position, rowid",
        (meeting_id,),
    )
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur.fetchall()]


def add_agenda_item(
    ops: Operations,
    meeting_id: str,
    title: str,
    *,
    minutes: int = 10,
    kind: str = "discussion",
    presenter: str = "",
) -> str:
    if kind not in enums.AGENDA_KINDS:
        raise InvalidEdit("Unknown agenda item kind {kind}.", kind=kind)
    if int(minutes) < 0:
        raise InvalidEdit("Minutes cannot be negative.")
    last = ops.conn.execute(
        "SELECT coalesce(max(position), 0) FROM live_agenda_item WHERE meeting_id=?",
        (meeting_id,),
    ).fetchone()[0]
    return ops.insert(
        "agenda_item",
        {
            "meeting_id": meeting_id,
            "title": title,
            "minutes": int(minutes),
            "kind": kind,
            "presenter": presenter,
            "position": last + 1,
        },
        label=tr("add agenda item"),
    )


def move_agenda_item(ops: Operations, item_id: str, new_index: int) -> None:
    """Put an item at ``new_index`` of its meeting's agenda (what a drag does)."""
    meeting = ops.conn.execute(
        "SELECT meeting_id FROM agenda_item WHERE id=?", (item_id,)
    ).fetchone()
    if meeting is None:
        raise InvalidEdit("The {table} row {row} does not exist.", table="agenda_item", row=item_id)
    ids = [row["id"] for row in agenda(ops.conn, meeting[0])]
    ids.remove(item_id)
    ids.insert(max(0, min(new_index, len(ids))), item_id)
    with ops.step(tr("reorder agenda")):
        for position, other in enumerate(ids, start=1):
            ops.update("agenda_item", other, {"position": float(position)})


# --- attendance ----------------------------------------------------------------------------
def expected_members(
    conn: sqlite3.Connection, body_id: str, on: str | None = None
) -> list[tuple[str, str, int]]:
    """(person id, name, expected attendance %) of the body's members on a date."""
    on = (on or date.today().isoformat())[:10]
    marks = ",".join("?" * len(MEMBER_STATUSES))
    return conn.execute(
        "SELECT p.id, p.name, m.expected_attendance FROM live_membership m JOIN live_person p "
        "ON p.id=m.person_id WHERE m.body_id=? "
        f"AND m.status IN ({marks}) AND (m.joined_on IS NULL OR m.joined_on<=?) "
        "AND (m.left_on IS NULL OR m.left_on>?) ORDER BY p.name",
        (body_id, *MEMBER_STATUSES, on, on),
    ).fetchall()


def attendance_of(conn: sqlite3.Connection, meeting_id: str) -> dict[str, str]:
    """person id → status for the meeting's members (guests left out)."""
    return dict(
        conn.execute(
            "SELECT person_id, status FROM live_attendance WHERE meeting_id=? "
            "AND person_id IS NOT NULL",
            (meeting_id,),
        ).fetchall()
    )


def guests_of(conn: sqlite3.Connection, meeting_id: str) -> list[tuple[str, str]]:
    return conn.execute(
        "SELECT id, guest_name FROM live_attendance WHERE meeting_id=? "
        "AND person_id IS NULL ORDER BY rowid",
        (meeting_id,),
    ).fetchall()


@dataclass
class MeetingRate:
    attended: int
    expected: int

    @property
    def rate(self) -> float | None:
        return self.attended / self.expected if self.expected else None


def meeting_rate(conn: sqlite3.Connection, meeting_id: str) -> MeetingRate:
    """Members who came (present or late) out of the members expected that day."""
    body_id, starts_at = conn.execute(
        "SELECT body_id, starts_at FROM meeting WHERE id=?", (meeting_id,)
    ).fetchone()
    expected = {pid for pid, _, _ in expected_members(conn, body_id, starts_at)}
    came = {pid for pid, status in attendance_of(conn, meeting_id).items() if status in ATTENDED}
    return MeetingRate(len(came & expected), len(expected))


def _membership_spans(
    conn: sqlite3.Connection, body_id: str | None
) -> dict[str, tuple[list[str], list[str]]]:
    """body id → (sorted joined dates, sorted left dates) of its joined members."""
    where, args = ("AND m.body_id=?", (body_id,)) if body_id else ("", ())
    spans: dict[str, tuple[list[str], list[str]]] = {}
    for body, joined, left in conn.execute(
        "SELECT m.body_id, coalesce(m.joined_on, ''), m.left_on FROM live_membership m "
        "JOIN live_person p ON p.id=m.person_id "
        f"WHERE m.status='joined' {where}",
        args,
    ):
        joins, lefts = spans.setdefault(body, ([], []))
        joins.append(joined)
        if left:
            lefts.append(left)
    for joins, lefts in spans.values():
        joins.sort()
        lefts.sort()
    return spans


def meeting_rates(conn: sqlite3.Connection, body_id: str | None = None) -> dict[str, MeetingRate]:
    """Rates of every held meeting (of one body or all), for lists: members expected that day
    counted by bisecting the members' joined / left dates; those who came counted in SQL."""
    where, args = ("AND body_id=?", (body_id,)) if body_id else ("", ())
    spans = _membership_spans(conn, body_id)
    out: dict[str, MeetingRate] = {}
    held = conn.execute(
        f"SELECT id, body_id, substr(starts_at,1,10) FROM live_meeting WHERE status='held' {where}",
        args,
    ).fetchall()
    came = dict(
        conn.execute(
            "SELECT a.meeting_id, count(*) FROM live_attendance a JOIN live_meeting mt ON mt.id=a.meeting_id "
            "WHERE a.person_id IS NOT NULL AND a.status IN ('present','late') "
            f"AND mt.status='held' {where.replace('body_id', 'mt.body_id')} "
            "GROUP BY a.meeting_id",
            args,
        ).fetchall()
    )
    for mid, body, day in held:
        joins, lefts = spans.get(body, ([], []))
        expected = bisect_right(joins, day) - bisect_right(lefts, day)
        out[mid] = MeetingRate(min(came.get(mid, 0), expected), expected)
    return out


@dataclass
class MemberRate:
    membership_id: str
    person_id: str
    name: str
    body_id: str
    expected_pct: int
    held: int  # held meetings of the body while a member
    attended: int
    excused: int

    @property
    def rate(self) -> float | None:
        return self.attended / self.held if self.held else None

    @property
    def below(self) -> bool:
        return self.rate is not None and self.rate * 100 < self.expected_pct


def member_rates(conn: sqlite3.Connection, body_id: str | None = None) -> list[MemberRate]:
    """Each member's attendance over the held meetings of their body since joining (two
    queries and a pass in Python: fast on bodies with thousands of members)."""
    where, args = ("AND body_id=?", (body_id,)) if body_id else ("", ())
    held_days: dict[str, list[str]] = {}
    for body, day in conn.execute(
        f"SELECT body_id, substr(starts_at,1,10) FROM live_meeting WHERE status='held' {where}",
        args,
    ):
        held_days.setdefault(body, []).append(day)
    for days in held_days.values():
        days.sort()
    marks: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for body, person, day, status in conn.execute(
        "SELECT mt.body_id, a.person_id, substr(mt.starts_at,1,10), a.status "
        "FROM live_attendance a JOIN live_meeting mt ON mt.id=a.meeting_id WHERE "
        "a.person_id IS NOT NULL AND mt.status='held' "
        f"{where.replace('body_id', 'mt.body_id')}",
        args,
    ):
        marks.setdefault((body, person), []).append((day, status))
    out = []
    for mid, pid, name, body, expected, joined, left in conn.execute(
        "SELECT m.id, p.id, p.name, m.body_id, m.expected_attendance, "
        "coalesce(m.joined_on, ''), coalesce(m.left_on, '9999') FROM live_membership m "
        "JOIN live_person p ON p.id=m.person_id "
        f"WHERE m.status='joined' {where.replace('body_id', 'm.body_id')} "
        "ORDER BY p.name",
        args,
    ):
        days = held_days.get(body, [])
        held = bisect_left(days, left) - bisect_left(days, joined)  # joined <= day < left
        attended = excused = 0
        for day, status in marks.get((body, pid), ()):
            if joined <= day < left:
                if status in ATTENDED:
                    attended += 1
                elif status == "excused":
                    excused += 1
        out.append(MemberRate(mid, pid, name, body, expected, held, attended, excused))
    return out


def set_attendance(ops: Operations, meeting_id: str, person_id: str, status: str) -> str:
    """Record a member's attendance (one tap, one step); returns the attendance row id."""
    if status not in enums.ATTENDANCE:
        raise InvalidEdit("Unknown attendance status {status}.", status=status)
    row = ops.conn.execute(
        "SELECT id FROM live_attendance WHERE meeting_id=? AND person_id=?",
        (meeting_id, person_id),
    ).fetchone()
    name = ops.conn.execute("SELECT name FROM person WHERE id=?", (person_id,)).fetchone()
    label = tr(
        "{name}: {status}", name=name[0] if name else "", status=vocab_label("ATTENDANCE", status)
    )
    if row:
        ops.update("attendance", row[0], {"status": status}, label=label)
        return row[0]
    return ops.insert(
        "attendance",
        {"meeting_id": meeting_id, "person_id": person_id, "status": status},
        label=label,
    )


def record_attendance(ops: Operations, meeting_id: str, marks: dict[str, str]) -> dict[str, str]:
    """Record several members' attendance at a meeting ({person id: status}) as one step
    (an attendance sheet); returns {person id: attendance row id}."""
    for status in marks.values():
        if status not in enums.ATTENDANCE:
            raise InvalidEdit("Unknown attendance status {status}.", status=status)
    rows = dict(
        ops.conn.execute(
            "SELECT person_id, id FROM live_attendance WHERE meeting_id=? "
            "AND person_id IS NOT NULL",
            (meeting_id,),
        ).fetchall()
    )
    with ops.step(tr("record attendance")):
        for person_id, status in marks.items():
            if person_id in rows:
                ops.update("attendance", rows[person_id], {"status": status})
            else:
                rows[person_id] = ops.insert(
                    "attendance",
                    {"meeting_id": meeting_id, "person_id": person_id, "status": status},
                )
    return {person_id: rows[person_id] for person_id in marks}


def check_in(ops: Operations, meeting_id: str, person_id: str, *, late: bool = False) -> str:
    """In-room mode: a member arrives (late once the meeting has started)."""
    return set_attendance(ops, meeting_id, person_id, "late" if late else "present")


def add_guest(ops: Operations, meeting_id: str, name: str) -> str:
    name = (name or "").strip()
    if not name:
        raise InvalidEdit("A guest needs a name.")
    return ops.insert(
        "attendance",
        {"meeting_id": meeting_id, "guest_name": name, "status": "present"},
        label=tr("guest {name} arrived", name=name),
    )


def set_status(ops: Operations, meeting_id: str, status: str) -> None:
    if status not in enums.MEETING_STATUSES:
        raise InvalidEdit("Unknown meeting status {status}.", status=status)
    ops.update(
        "meeting",
        meeting_id,
        {"status": status},
        label=tr("meeting {status}", status=vocab_label("MEETING_STATUSES", status)),
    )


# --- decisions and action items ----------------------------------------------------------------
def members_present(conn: sqlite3.Connection, meeting_id: str) -> int | None:
    """Members marked present or late (guests do not vote); None while nobody is marked."""
    marks = attendance_of(conn, meeting_id)
    if not marks:
        return None
    return sum(1 for status in marks.values() if status in ATTENDED)


def _check_votes(
    conn: sqlite3.Connection, meeting_id: str, votes, outcome: str | None
) -> tuple[tuple[int, int, int], str]:
    """The votes as three whole numbers and the outcome, or one clear sentence why not."""
    try:
        v_for, v_against, v_abstain = (int(v) for v in votes)
    except (TypeError, ValueError):
        raise InvalidEdit("Votes must be whole numbers.") from None
    if min(v_for, v_against, v_abstain) < 0:
        raise InvalidEdit("Votes cannot be negative.")
    if outcome is None:  # callers that predate outcomes: what the counts say
        outcome = (
            "passed_consensus"
            if not (v_for or v_against or v_abstain)
            else "passed_vote"
            if v_for > v_against
            else "rejected"
        )
    if outcome not in enums.DECISION_OUTCOMES:
        raise InvalidEdit("Unknown decision outcome {outcome}.", outcome=outcome)
    total = v_for + v_against + v_abstain
    present = members_present(conn, meeting_id)
    if present is not None and total > present:
        raise InvalidEdit(
            "{total} votes were counted but only {present} members are present; "
            "correct the votes or the check-in.",
            total=total,
            present=present,
        )
    if outcome == "passed_vote" and v_for <= v_against:
        raise InvalidEdit(
            "A decision passed by vote needs more votes for than against "
            "({for_} for, {against} against).",
            for_=v_for,
            against=v_against,
        )
    return (v_for, v_against, v_abstain), outcome


def decision_applies(
    conn: sqlite3.Connection, meeting_id: str, kind: str, outcome: str, payload: dict | None
) -> bool:
    """A passed steering decision of a kind the seed gives the steering committee, with what
    it sets, changes the program whatever the vote counts (consensus has none)."""
    return bool(
        payload
        and kind in STEERING_DECISIONS
        and outcome in enums.PASSED_OUTCOMES
        and is_meeting_of(conn, meeting_id, "steering")
    )


def record_decision(
    ops: Operations,
    meeting_id: str,
    text: str,
    kind: str = "other",
    *,
    votes: tuple[int, int, int] = (0, 0, 0),
    payload: dict | None = None,
    outcome: str | None = None,
) -> str:
    """Record a decision (equal weight: one vote each) as one step.

    ``outcome`` is one of ``enums.DECISION_OUTCOMES`` (left out: consensus when there are no
    votes, else what the votes say). The votes together cannot exceed the members present;
    "passed by vote" needs more for than against. A passed steering decision of a kind the
    seed gives it updates the program (``apply_decision``)."""
    if kind not in enums.DECISION_KINDS:
        raise InvalidEdit("Unknown decision kind {kind}.", kind=kind)
    text = (text or "").strip()
    if not text:
        raise InvalidEdit("A decision needs its text.")
    (v_for, v_against, v_abstain), outcome = _check_votes(ops.conn, meeting_id, votes, outcome)
    position = (
        ops.conn.execute(
            "SELECT coalesce(max(position), 0) FROM decision WHERE meeting_id=?", (meeting_id,)
        ).fetchone()[0]
        + 1
    )
    with ops.step(tr("record decision")):
        decision_id = ops.insert(
            "decision",
            {
                "meeting_id": meeting_id,
                "position": position,
                "text": text,
                "kind": kind,
                "votes_for": v_for,
                "votes_against": v_against,
                "votes_abstain": v_abstain,
                "outcome": outcome,
                "payload": json.dumps(payload, ensure_ascii=False) if payload else "",
            },
        )
        if decision_applies(ops.conn, meeting_id, kind, outcome, payload):
            apply_decision(ops, decision_id)
    return decision_id


def correct_decision(
    ops: Operations,
    decision_id: str,
    *,
    text: str | None = None,
    outcome: str | None = None,
    votes: tuple[int, int, int] | None = None,
) -> None:
    """Correct a recorded decision's text, outcome or votes (same checks as recording); a
    steering decision that now passes applies what it decides."""
    row = ops.conn.execute(
        "SELECT meeting_id, text, kind, outcome, votes_for, votes_against, "
        "votes_abstain, payload FROM live_decision WHERE id=?",
        (decision_id,),
    ).fetchone()
    if row is None:
        raise InvalidEdit("That decision does not exist.")
    meeting_id, old_text, kind, old_outcome, *old_votes, payload = row
    text = old_text if text is None else (text or "").strip()
    if not text:
        raise InvalidEdit("A decision needs its text.")
    votes, outcome = _check_votes(
        ops.conn, meeting_id, votes or old_votes, outcome or old_outcome or None
    )
    with ops.step(tr("correct decision")):
        ops.update(
            "decision",
            decision_id,
            {
                "text": text,
                "outcome": outcome,
                "votes_for": votes[0],
                "votes_against": votes[1],
                "votes_abstain": votes[2],
            },
        )
        loaded = json.loads(payload) if payload else None
        if old_outcome not in enums.PASSED_OUTCOMES and decision_applies(
            ops.conn, meeting_id, kind, outcome, loaded
        ):
            apply_decision(ops, decision_id)


def remove_decision(ops: Operations, decision_id: str) -> None:
    """Remove a mis-recorded decision (Undo brings it back; what an applied steering decision
    changed in the program stays until undone or decided again)."""
    if not ops.delete("decision", decision_id, label=tr("remove decision")):
        raise InvalidEdit("That decision does not exist.")


def decisions(conn: sqlite3.Connection, meeting_id: str) -> list[dict]:
    cur = conn.execute(
        "SELECT id, text, kind, votes_for, votes_against, votes_abstain, payload, "
        "outcome FROM live_decision WHERE meeting_id=? ORDER BY position, rowid",
        (meeting_id,),
    )
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur.fetchall()]


def add_action_item(
    ops: Operations,
    meeting_id: str | None,
    text: str,
    *,
    owner_person_id: str | None = None,
    due: str | None = None,
    decision_id: str | None = None,
) -> str:
    text = (text or "").strip()
    if not text:
        raise InvalidEdit("An action item needs its text.")
    if due:
        try:
            date.fromisoformat(due)
        except ValueError:
            raise InvalidEdit("{value} is not a date (YYYY-MM-DD).", value=due) from None
    return ops.insert(
        "action_item",
        {
            "meeting_id": meeting_id,
            "text": text,
            "owner_person_id": owner_person_id,
            "due": due or None,
            "decision_id": decision_id,
        },
        label=tr("add action item"),
    )


def action_items(
    conn: sqlite3.Connection,
    *,
    body_id: str | None = None,
    status: str | None = None,
    today: str | None = None,
) -> list[dict]:
    """Action items across meetings: text, owner, due, status, meeting date and body, overdue."""
    today = today or date.today().isoformat()
    clauses: list[str] = []
    args: list[str] = []
    if body_id:
        clauses.append("mt.body_id=?")
        args.append(body_id)
    if status:
        clauses.append("ai.status=?")
        args.append(status)
    where = "WHERE " + " AND ".join(clauses) if clauses else ""
    cur = conn.execute(
        "SELECT ai.id, ai.text, ai.status, ai.due, ai.owner_person_id, p.name AS owner, "
        "ai.meeting_id, substr(mt.starts_at,1,10) AS meeting_date, b.name AS body, "
        "(ai.status='open' AND ai.due IS NOT NULL AND ai.due<?) AS overdue "
        "FROM live_action_item ai LEFT JOIN person p ON p.id=ai.owner_person_id "
        "LEFT JOIN meeting mt ON mt.id=ai.meeting_id LEFT JOIN body b ON b.id=mt.body_id "
        f"{where} ORDER BY ai.due IS NULL, ai.due, mt.starts_at",
        [today, *args],
    )
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur.fetchall()]


def set_action_item_status(
    ops: Operations, item_id: str, status: str, meeting_id: str | None = None
) -> None:
    """Mark an action item done (at ``meeting_id``, for its minutes), reopen or cancel it."""
    if status not in enums.ACTION_ITEM_STATUSES:
        raise InvalidEdit("Unknown action item status {status}.", status=status)
    changes: dict = {"status": status}
    changes["done_meeting_id"] = meeting_id if status == "done" else None
    if not ops.update(
        "action_item",
        item_id,
        changes,
        label=tr("action item {status}", status=vocab_label("ACTION_ITEM_STATUSES", status)),
    ):
        if ops.conn.execute("SELECT 1 FROM action_item WHERE id=?", (item_id,)).fetchone() is None:
            raise InvalidEdit("That action item does not exist.")


def remove_action_item(ops: Operations, item_id: str) -> None:
    if not ops.delete("action_item", item_id, label=tr("remove action item")):
        raise InvalidEdit("That action item does not exist.")


def follow_up_items(conn: sqlite3.Connection, meeting_id: str) -> list[dict]:
    """The action items a meeting follows up: those of earlier meetings of its body that
    were still open when it met (open now, or marked done at this meeting), oldest first.
    Each has ``done_here`` (marked done at this meeting) and ``meeting_date``."""
    row = conn.execute(
        "SELECT body_id, starts_at FROM meeting WHERE id=?", (meeting_id,)
    ).fetchone()
    if row is None:
        return []
    cur = conn.execute(
        "SELECT ai.id, ai.text, ai.status, ai.due, ai.owner_person_id, p.name AS owner, "
        "ai.meeting_id, substr(mt.starts_at,1,10) AS meeting_date, "
        "(ai.done_meeting_id IS ? AND ai.status='done') AS done_here "
        "FROM live_action_item ai JOIN live_meeting mt ON mt.id=ai.meeting_id "
        "LEFT JOIN person p ON p.id=ai.owner_person_id "
        "WHERE mt.body_id=? AND mt.id<>? AND mt.starts_at<? "
        "AND (ai.status='open' OR ai.done_meeting_id=?) ORDER BY mt.starts_at, ai.rowid",
        (meeting_id, row[0], meeting_id, row[1], meeting_id),
    )
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


def meeting_action_items(conn: sqlite3.Connection, meeting_id: str) -> list[dict]:
    """The action items recorded at a meeting (new there), in the order recorded."""
    cur = conn.execute(
        "SELECT ai.id, ai.text, ai.status, ai.due, ai.owner_person_id, p.name AS owner "
        "FROM live_action_item ai LEFT JOIN person p ON p.id=ai.owner_person_id "
        "WHERE ai.meeting_id=? ORDER BY ai.rowid",
        (meeting_id,),
    )
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]
