"""Health rules about the program's settings and its four mechanisms (seed: the steering
committee decides scope, timelines, focus and channels; every chosen channel has a work team;
each body has a chair and members)."""

from __future__ import annotations

import sqlite3

from kehila_desktop.core.health import Finding
from kehila_desktop.core.i18n import definite, ntr, tr


def program_settings(conn: sqlite3.Connection, language: str | None) -> list[Finding]:
    out = []
    pid, scope, start, end, timeline = conn.execute(
        "SELECT id, scope, start_date, end_date, timeline FROM live_program"
    ).fetchone()
    target = ("structure", "program", pid)
    if not scope.strip():
        out.append(
            Finding(
                "no_scope",
                "warning",
                tr("The program's boundaries (scope) have not been set.", language),
                target,
            )
        )
    if not (timeline.strip() or start or end):
        out.append(
            Finding(
                "no_timeline",
                "warning",
                tr("The program's timelines have not been set.", language),
                target,
            )
        )
    focus = conn.execute("SELECT count(*) FROM live_area WHERE in_focus=1").fetchone()[0]
    if not focus:
        out.append(
            Finding(
                "no_focus",
                "warning",
                tr("No neighbourhood, quarter or area is in the geographic focus yet.", language),
                target,
            )
        )
    chosen = conn.execute("SELECT count(*) FROM live_channel WHERE chosen=1").fetchone()[0]
    if chosen == 0:
        out.append(
            Finding(
                "no_channels",
                "problem",
                tr("No channel of action has been chosen.", language),
                target,
            )
        )
    elif chosen > 3:
        out.append(
            Finding(
                "many_channels",
                "advice",
                ntr(
                    "{n} channel is chosen; the program recommends starting with two or three.",
                    "{n} channels are chosen; the program recommends starting with two or three.",
                    chosen,
                    language,
                ),
                target,
                {"count": chosen},
            )
        )
    return out


def bodies(conn: sqlite3.Connection, language: str | None) -> list[Finding]:
    out = []
    rows = conn.execute(
        "SELECT b.id, b.kind, b.name, b.chair_person_id, "
        "(SELECT count(*) FROM live_membership m WHERE m.body_id=b.id "
        " AND m.status='joined') FROM live_body b ORDER BY b.position"
    ).fetchall()
    for body_id, kind, name, chair, members in rows:
        target = ("structure", "body", body_id)
        if kind in ("steering", "design", "work_team") and not chair:
            out.append(
                Finding(
                    "no_chair",
                    "problem" if kind != "work_team" else "warning",
                    tr("{body} has no chair.", language, body=name),
                    target,
                )
            )
        if members == 0:
            out.append(
                Finding(
                    "no_members",
                    "problem",
                    tr("{body} has no members who have joined.", language, body=name),
                    target,
                )
            )
    teams = {k for (k,) in conn.execute("SELECT channel_key FROM live_body WHERE kind='work_team'")}
    for channel_id, key in conn.execute(
        "SELECT id, key FROM live_channel WHERE chosen=1"
    ).fetchall():
        if key not in teams:
            out.append(
                Finding(
                    "channel_without_team",
                    "problem",
                    tr(
                        "The {channel} channel is chosen but has no work team.",
                        language,
                        channel=definite("CHANNELS", key, language),
                    ),
                    ("structure", "channel", channel_id),
                )
            )
    return out


RULES = [program_settings, bodies]
