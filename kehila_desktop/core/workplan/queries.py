"""Reads of the work plan for the views: who may recommend a goal or own an action, the
areas an action may serve, the channel an item belongs to, the program's dates. Plain SQL
over the live-row views (``live_<table>``); the plans themselves are read in ``plans.py``."""

from __future__ import annotations

import sqlite3


def recommending_bodies(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """(id, name) of the bodies that recommend goals: work teams, design, program team."""
    return conn.execute(
        "SELECT id, name FROM live_body WHERE kind IN ('work_team', 'design', 'program_team') "
        "ORDER BY position, name"
    ).fetchall()


def owner_bodies(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    return conn.execute("SELECT id, name FROM live_body ORDER BY position, name").fetchall()


def owner_people(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    return conn.execute("SELECT id, name FROM live_person ORDER BY name").fetchall()


def action_areas(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """(id, name) of every live area, those in the focus first."""
    return conn.execute("SELECT id, name FROM live_area ORDER BY in_focus DESC, name").fetchall()


_CHANNEL_OF = {
    "goal": "SELECT channel_id FROM goal WHERE id=?",
    "objective": "SELECT g.channel_id FROM objective o JOIN goal g ON g.id=o.goal_id WHERE o.id=?",
    "action": "SELECT g.channel_id FROM action a JOIN objective o ON o.id=a.objective_id "
    "JOIN goal g ON g.id=o.goal_id WHERE a.id=?",
    "situation_section": "SELECT channel_id FROM situation_section WHERE id=?",
}


def channel_of(conn: sqlite3.Connection, kind: str, item_id: str) -> str | None:
    """The channel a goal, objective, action or situation section belongs to."""
    row = conn.execute(_CHANNEL_OF[kind], (item_id,)).fetchone()
    return row[0] if row else None


def program_dates(conn: sqlite3.Connection) -> tuple[str | None, str | None] | None:
    """(start_date, end_date) of the program."""
    return conn.execute("SELECT start_date, end_date FROM live_program").fetchone()
