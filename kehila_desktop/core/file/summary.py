"""What is in a program file, read with plain SQL (fast: no sqlmodel import): the facts that
``kehila info`` prints and the overview shows."""

from __future__ import annotations

import sqlite3

_TABLES = {
    "people": "person",
    "bodies": "body",
    "memberships": "membership",
    "meetings": "meeting",
    "attendance": "attendance",
    "decisions": "decision",
    "goals": "goal",
    "objectives": "objective",
    "actions": "action",
}


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    return {
        key: conn.execute(f"SELECT count(*) FROM live_{table}").fetchone()[0]
        for key, table in _TABLES.items()
    }


def program(conn: sqlite3.Connection) -> dict:
    cur = conn.execute("SELECT * FROM live_program LIMIT 1")
    names = [d[0] for d in cur.description]
    return dict(zip(names, cur.fetchone()))


def bodies(conn: sqlite3.Connection) -> list[dict]:
    """Bodies in display order, each with its number of joined members."""
    rows = conn.execute(
        "SELECT b.id, b.kind, b.name, b.channel_key, b.cadence, b.meeting_minutes, "
        "b.chair_person_id, (SELECT count(*) FROM live_membership m WHERE m.body_id=b.id "
        "AND m.status='joined') FROM live_body b "
        "ORDER BY CASE b.kind WHEN 'steering' THEN 0 WHEN 'design' THEN 1 "
        "WHEN 'work_team' THEN 2 ELSE 3 END, b.position"
    ).fetchall()
    return [
        {
            "id": r[0],
            "kind": r[1],
            "name": r[2],
            "channel": r[3],
            "cadence": r[4],
            "meeting_minutes": r[5],
            "chair_person_id": r[6],
            "members": r[7],
        }
        for r in rows
    ]


def channels(conn: sqlite3.Connection) -> list[dict]:
    order = "CASE key WHEN 'economic' THEN 0 WHEN 'urban' THEN 1 WHEN 'social' THEN 2 ELSE 3 END"
    return [
        {"key": k, "chosen": bool(c)}
        for k, c in conn.execute(f"SELECT key, chosen FROM live_channel ORDER BY {order}")
    ]


def meetings(conn: sqlite3.Connection) -> list[dict]:
    return [
        {"id": r[0], "body_id": r[1], "starts_at": r[2], "minutes": r[3], "status": r[4]}
        for r in conn.execute(
            "SELECT id, body_id, starts_at, minutes, status FROM live_meeting ORDER BY starts_at"
        )
    ]
