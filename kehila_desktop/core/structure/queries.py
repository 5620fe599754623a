"""Reads of the program's structure for the views: bodies, their chairs and members, the
program settings. Plain SQL over the live-row views (``live_<table>``, see
``core/file/tables.py``); views and handouts call these, they hold no SQL themselves.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from kehila_desktop.core.structure.composition import proposed_chairs

KIND_ORDER = (
    "CASE b.kind WHEN 'steering' THEN 0 WHEN 'design' THEN 1 WHEN 'work_team' THEN 2 ELSE 3 END"
)


def _dicts(cur: sqlite3.Cursor) -> list[dict]:
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur.fetchall()]


def _dict(cur: sqlite3.Cursor) -> dict | None:
    row = cur.fetchone()
    return dict(zip([d[0] for d in cur.description], row)) if row else None


@dataclass(frozen=True)
class DiagramBody:
    id: str
    kind: str
    name: str
    chair: str  # the chair's name ("" when none)
    chair_proposed: bool  # the chair's membership has not reached "joined"
    members: int  # joined members
    cadence: str  # the cadence key
    channel_chosen: bool
    principal: bool = True  # *the* body of its kind (``live_body_id``); every work team is


def diagram_bodies(conn: sqlite3.Connection) -> list[DiagramBody]:
    """The bodies as the structure diagram draws them: steering, design, work teams, team;
    ``principal`` marks the one of each kind the rest of the app means (``live_body_id``)."""
    rows = conn.execute(
        "SELECT b.id, b.kind, b.name, coalesce(p.name, ''), "
        " (SELECT count(*) FROM live_membership m WHERE m.body_id=b.id "
        "  AND m.status='joined'), b.cadence, "
        " coalesce((SELECT c.chosen FROM live_channel c WHERE c.key=b.channel_key), 1) "
        "FROM live_body b LEFT JOIN live_person p ON p.id=b.chair_person_id "
        f"ORDER BY {KIND_ORDER}, b.position"
    ).fetchall()
    proposed = proposed_chairs(conn)  # one definition: the handouts and findings use it too
    the = {k: live_body_id(conn, k) for k in {row[1] for row in rows} if k != "work_team"}
    return [
        DiagramBody(i, k, n, c, i in proposed, m, cad, bool(ch), the.get(k, i) == i)
        for i, k, n, c, m, cad, ch in rows
    ]


def bodies(conn: sqlite3.Connection) -> list[tuple[str, str, str]]:
    """(id, name, kind) of every live body, in the program's order."""
    return conn.execute("SELECT id, name, kind FROM live_body ORDER BY position, rowid").fetchall()


def body(conn: sqlite3.Connection, body_id: str) -> dict | None:
    return _dict(conn.execute("SELECT * FROM live_body WHERE id=?", (body_id,)))


def body_name(conn: sqlite3.Connection, body_id: str) -> str:
    row = conn.execute("SELECT name FROM body WHERE id=?", (body_id,)).fetchone()
    return row[0] if row else ""


def first_body_id(conn: sqlite3.Connection) -> str | None:
    row = conn.execute("SELECT id FROM live_body ORDER BY position LIMIT 1").fetchone()
    return row[0] if row else None


def live_body_id(conn: sqlite3.Connection, kind: str) -> str | None:
    """The program's body of ``kind`` (the steering committee, the design committee, the
    program team): the first live one in the program's order. A deleted body of the kind, or
    a second one, is not it; the health rules, the guide, approval by the steering committee
    and the work plan's approval ask for it here."""
    row = conn.execute(
        "SELECT id FROM live_body WHERE kind=? ORDER BY position, rowid LIMIT 1", (kind,)
    ).fetchone()
    return row[0] if row else None


def is_meeting_of(conn: sqlite3.Connection, meeting_id: str, kind: str) -> bool:
    """Whether ``meeting_id`` is a live meeting of *the* body of ``kind`` (``live_body_id``):
    a meeting of a deleted or of a second steering committee is not a steering meeting."""
    body_id = live_body_id(conn, kind)
    return body_id is not None and (
        conn.execute(
            "SELECT 1 FROM live_meeting WHERE id=? AND body_id=?", (meeting_id, body_id)
        ).fetchone()
        is not None
    )


def body_ids(conn: sqlite3.Connection, kind: str) -> list[str]:
    return [
        r[0]
        for r in conn.execute("SELECT id FROM live_body WHERE kind=? ORDER BY position", (kind,))
    ]


def chair_candidates(
    conn: sqlite3.Connection, body_id: str, chair_id: str | None
) -> list[tuple[str, str]]:
    """(id, name) of who may chair a body: its members on the way or joined, and the chair."""
    return conn.execute(
        "SELECT DISTINCT p.id, p.name FROM live_person p JOIN live_membership m "
        "ON m.person_id=p.id WHERE m.body_id=? AND m.status NOT IN ('declined', 'left') "
        "UNION SELECT id, name FROM person WHERE id=? ORDER BY 2",
        (body_id, chair_id or ""),
    ).fetchall()


def member_counts(conn: sqlite3.Connection, body_id: str) -> tuple[int, int]:
    """(joined, on the way) memberships of a body."""
    joined, coming = conn.execute(
        "SELECT sum(status='joined'), sum(status IN ('mapped','proposed','approved',"
        "'invited')) FROM live_membership WHERE body_id=?",
        (body_id,),
    ).fetchone()
    return joined or 0, coming or 0


def program(conn: sqlite3.Connection) -> dict | None:
    return _dict(conn.execute("SELECT * FROM live_program LIMIT 1"))


def chosen_channels(conn: sqlite3.Connection) -> set[str]:
    return {k for (k,) in conn.execute("SELECT key FROM live_channel WHERE chosen=1")}


def areas(conn: sqlite3.Connection) -> list[tuple[str, str, str, bool]]:
    """(id, name, kind, in_focus) of every live area by name."""
    return [
        (i, n, k, bool(f))
        for i, n, k, f in conn.execute(
            "SELECT id, name, kind, in_focus FROM live_area ORDER BY name"
        )
    ]


def area_names(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """(id, name) of every live area by name."""
    return conn.execute("SELECT id, name FROM live_area ORDER BY name").fetchall()


def memberships_of_body(conn: sqlite3.Connection, body_id: str) -> list[dict]:
    """A body's live memberships of live people, with the person's name, by name."""
    return _dicts(
        conn.execute(
            "SELECT m.id, m.person_id, p.name AS person, m.body_id, m.role, m.status, m.source, "
            "m.expected_attendance, m.represents_body_id, m.joined_on, m.left_on "
            "FROM live_membership m JOIN live_person p ON p.id=m.person_id WHERE m.body_id=? "
            "ORDER BY p.name, m.rowid",
            (body_id,),
        )
    )


def memberships_of_person(conn: sqlite3.Connection, person_id: str) -> list[dict]:
    """A person's live memberships in live bodies, with the body's name, in the bodies' order."""
    return _dicts(
        conn.execute(
            "SELECT m.id, m.body_id, m.role, m.role_requirements, m.expected_attendance, "
            "m.responsibilities, m.status, m.source, m.represents_body_id, b.name AS body "
            "FROM live_membership m JOIN live_body b ON b.id=m.body_id WHERE m.person_id=? "
            "ORDER BY b.position",
            (person_id,),
        )
    )


def program_id(conn: sqlite3.Connection) -> str:
    row = conn.execute("SELECT id FROM live_program").fetchone()
    return row[0] if row else ""


def program_name(conn: sqlite3.Connection) -> str:
    row = conn.execute("SELECT name FROM live_program").fetchone()
    return row[0] if row and row[0] else ""


def chosen_channel_keys(conn: sqlite3.Connection) -> list[str]:
    """The chosen channels' keys, in the file's order."""
    return [
        k for (k,) in conn.execute("SELECT key FROM live_channel WHERE chosen=1 ORDER BY rowid")
    ]


def focus_area_names(conn: sqlite3.Connection) -> list[str]:
    return [a for (a,) in conn.execute("SELECT name FROM live_area WHERE in_focus=1 ORDER BY name")]
