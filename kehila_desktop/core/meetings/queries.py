"""Reads of meetings for the views: the meetings list, one meeting, its action items, the
program values a steering decision starts from. Plain SQL over the live-row views
(``live_<table>``); the records with rules (agenda, attendance, rates, decisions) are in
``records.py``."""

from __future__ import annotations

import sqlite3

from kehila_desktop.core.structure.queries import live_body_id


def _dict(cur: sqlite3.Cursor) -> dict | None:
    row = cur.fetchone()
    return dict(zip([d[0] for d in cur.description], row)) if row else None


def meeting_list(conn: sqlite3.Connection) -> list[tuple]:
    """(id, body id, body name, starts_at, minutes, kind, status, place, schedule note,
    agenda minutes) of every live meeting of a live body, by date."""
    return conn.execute(
        "SELECT m.id, m.body_id, b.name, m.starts_at, m.minutes, m.kind, m.status, m.place, "
        "m.schedule_note, coalesce(a.total, 0) FROM live_meeting m JOIN live_body b "
        "ON b.id=m.body_id LEFT JOIN (SELECT meeting_id, sum(minutes) AS total "
        "FROM live_agenda_item GROUP BY meeting_id) a ON a.meeting_id=m.id "
        "ORDER BY m.starts_at"
    ).fetchall()


def meeting(conn: sqlite3.Connection, meeting_id: str) -> dict | None:
    """A live meeting's fields with its body's name (``body``)."""
    return _dict(
        conn.execute(
            "SELECT m.*, b.name AS body FROM live_meeting m JOIN body b ON b.id=m.body_id "
            "WHERE m.id=?",
            (meeting_id,),
        )
    )


def meeting_body_and_start(conn: sqlite3.Connection, meeting_id: str) -> tuple[str, str]:
    """(body id, starts_at) of a meeting."""
    return conn.execute(
        "SELECT body_id, starts_at FROM meeting WHERE id=?", (meeting_id,)
    ).fetchone()


def meeting_heading(conn: sqlite3.Connection, meeting_id: str) -> tuple[str, str, str]:
    """(body name, starts_at, body id) of a meeting."""
    return conn.execute(
        "SELECT b.name, m.starts_at, m.body_id FROM meeting m JOIN body b "
        "ON b.id=m.body_id WHERE m.id=?",
        (meeting_id,),
    ).fetchone()


def meeting_minutes(conn: sqlite3.Connection, meeting_id: str) -> int:
    row = conn.execute("SELECT minutes FROM meeting WHERE id=?", (meeting_id,)).fetchone()
    return int(row[0] or 0) if row else 0


def meeting_of(conn: sqlite3.Connection, table: str, row_id: str) -> str | None:
    """The meeting an agenda item, attendance, decision or action item belongs to."""
    if table not in ("agenda_item", "attendance", "decision", "action_item"):
        raise ValueError(table)
    row = conn.execute(f"SELECT meeting_id FROM {table} WHERE id=?", (row_id,)).fetchone()
    return row[0] if row else None


def body_of_membership(conn: sqlite3.Connection, membership_id: str) -> str | None:
    row = conn.execute("SELECT body_id FROM membership WHERE id=?", (membership_id,)).fetchone()
    return row[0] if row else None


def body_names(conn: sqlite3.Connection) -> dict[str, str]:
    """id → name of every body, deleted ones too (old meetings still name them)."""
    return dict(conn.execute("SELECT id, name FROM body"))


def bodies_with_cadence(conn: sqlite3.Connection) -> list[tuple[str, str, str, str]]:
    """(body id, meeting kind, body name, cadence) of every schedule there is: each body's
    regular meetings, and the program team's trainings and team days ("" cadence: none)."""
    out = []
    for bid, kind, name, cadence, training, team_day in conn.execute(
        "SELECT id, kind, name, cadence, training_cadence, team_day_cadence FROM live_body "
        "ORDER BY position"
    ).fetchall():
        out.append((bid, "regular", name, cadence))
        if kind == "program_team":
            out += [(bid, "training", name, training), (bid, "team_day", name, team_day)]
    return out


def meeting_action_items(conn: sqlite3.Connection, meeting_id: str) -> list[tuple]:
    """(id, text, owner name, due, status) of a meeting's live action items."""
    return conn.execute(
        "SELECT ai.id, ai.text, p.name, ai.due, ai.status FROM live_action_item ai LEFT JOIN "
        "person p ON p.id=ai.owner_person_id WHERE ai.meeting_id=? ORDER BY ai.rowid",
        (meeting_id,),
    ).fetchall()


def action_item_count(conn: sqlite3.Connection, meeting_id: str) -> int:
    return conn.execute(
        "SELECT count(*) FROM live_action_item WHERE meeting_id=?", (meeting_id,)
    ).fetchone()[0]


def program_dates(conn: sqlite3.Connection) -> dict:
    """The program's scope, start_date, end_date and timeline."""
    return _dict(
        conn.execute("SELECT scope, start_date, end_date, timeline FROM live_program")
    ) or {"scope": "", "start_date": None, "end_date": None, "timeline": ""}


def design_candidates(conn: sqlite3.Connection) -> list[tuple[str, str, str]]:
    """(membership id, person name, status) of the design committee's mapped and proposed
    members: what a steering decision on the composition approves. *The* design committee:
    a deleted one's or a second one's candidates are not listed."""
    design = live_body_id(conn, "design")
    return conn.execute(
        "SELECT m.id, p.name, m.status FROM live_membership m JOIN live_person p ON "
        "p.id=m.person_id WHERE m.body_id=? AND m.status IN ('mapped','proposed') "
        "ORDER BY p.name",
        (design or "",),
    ).fetchall()


def upcoming(conn: sqlite3.Connection, now: str, limit: int) -> list[tuple[str, str, str, str]]:
    """(id, starts_at, body name, place) of the next planned meetings from ``now`` on."""
    return conn.execute(
        "SELECT m.id, m.starts_at, b.name, m.place FROM live_meeting m JOIN live_body b "
        "ON b.id=m.body_id WHERE m.status='planned' AND m.starts_at >= ? "
        "ORDER BY m.starts_at LIMIT ?",
        (now, limit),
    ).fetchall()


def meeting_choices(conn: sqlite3.Connection) -> list[tuple[str, str, str]]:
    """(id, starts_at, body name) of every live meeting, by date then body."""
    return conn.execute(
        "SELECT m.id, m.starts_at, b.name FROM live_meeting m JOIN live_body b "
        "ON b.id=m.body_id ORDER BY m.starts_at, b.position"
    ).fetchall()


def started_at(conn: sqlite3.Connection, meeting_id: str) -> str:
    """When the meeting really started ("" before Start meeting)."""
    row = conn.execute("SELECT started_at FROM meeting WHERE id=?", (meeting_id,)).fetchone()
    return (row[0] or "") if row else ""


def find_meeting(conn: sqlite3.Connection, wanted: str) -> list[str]:
    """The live meetings whose id is ``wanted`` or (four characters or more) starts with it."""
    wanted = (wanted or "").strip()
    return [
        row[0]
        for row in conn.execute(
            "SELECT id FROM live_meeting WHERE id=? OR (length(?)>=4 AND id LIKE ?)",
            (wanted, wanted, wanted.replace("%", "").replace("_", "") + "%"),
        ).fetchall()
    ]
