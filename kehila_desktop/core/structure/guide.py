"""The set-up guide: the seed's order of steps from an empty program to the first meeting of
the design committee, each ticked from what the file holds (derived, never stored, like the
health findings) and each pointing at the place that does it.

1. the steering committee has a chair and members; 2. the program's boundaries (scope) and
timelines are set; 3. the geographic focus has an area; 4. two or three channels are chosen;
5. every chosen channel has a work team with a professional and a resident who joined;
6. partners are mapped for the design committee; 7. the steering committee decided the
design committee's composition (a passed steering decision of the composition kind naming
members);
8. role letters are printed and the approved members invited (invited or joined); 9. the open
call to the public is out (someone joined the design committee's pipeline through it); 10. the
design committee's first meeting is scheduled.

``target`` is (view, table, row id) as in ``health.Finding``; the view "print" opens the print
window with the handout ``table`` for the body ``row id``.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from kehila_desktop.core.i18n import join_list, tr
from kehila_desktop.core.structure.approval import (
    approvals,
    composition_decisions,
    next_steering_meeting,
)
from kehila_desktop.core.structure.composition import RESIDENT_SECTORS
from kehila_desktop.core.structure.composition_rules import PROFESSIONAL_SECTORS
from kehila_desktop.core.structure.queries import live_body_id


@dataclass(frozen=True)
class GuideStep:
    key: str
    title: str
    done: bool
    detail: str
    target: tuple[str, str, str]


def _body(conn: sqlite3.Connection, kind: str) -> str:
    return live_body_id(conn, kind) or ""


def _count(conn: sqlite3.Connection, sql: str, *args) -> int:
    return conn.execute(sql, args).fetchone()[0]


def _has_joined(conn, body_id: str, sectors: tuple[str, ...]) -> bool:
    """Whether someone of ``sectors`` joined the body (stops at the first one found)."""
    marks = ",".join("?" * len(sectors))
    return bool(
        _count(
            conn,
            "SELECT EXISTS (SELECT 1 FROM live_membership m JOIN live_person p ON "
            "p.id=m.person_id WHERE m.body_id=? AND "
            f"m.status='joined' AND p.sector IN ({marks}))",
            body_id,
            *sectors,
        )
    )


def _pipeline(conn, body_id: str) -> tuple[int, int, int, int, int]:
    """The body's mapping pipeline in one pass over its memberships: people mapped (not
    declined or left), memberships approved or further, approved and waiting, invited or
    joined, and come through the open call."""
    row = conn.execute(
        "SELECT count(DISTINCT CASE WHEN m.status NOT IN ('declined', 'left') "
        "AND p.id IS NOT NULL THEN m.person_id END), "
        "coalesce(sum(m.status IN ('approved', 'invited', 'joined')), 0), "
        "coalesce(sum(m.status='approved'), 0), "
        "coalesce(sum(m.status IN ('invited', 'joined')), 0), "
        "coalesce(sum(m.source='open_call'), 0) "
        "FROM live_membership m LEFT JOIN live_person p ON p.id=m.person_id "
        "WHERE m.body_id=? ",
        (body_id,),
    ).fetchone()
    return row[0], row[1], row[2], row[3], row[4]


def steps(conn: sqlite3.Connection, language: str | None = None) -> list[GuideStep]:
    """The ten steps in the seed's order (see the module docstring)."""
    out: list[GuideStep] = []
    pid, scope, start, end, timeline = conn.execute(
        "SELECT id, scope, start_date, end_date, timeline FROM live_program"
    ).fetchone()
    steering, design = _body(conn, "steering"), _body(conn, "design")

    # 1. steering committee and its chair
    chair = conn.execute(
        "SELECT p.name FROM body b JOIN live_person p ON p.id=b.chair_person_id WHERE b.id=?",
        (steering,),
    ).fetchone()
    members = _count(
        conn,
        "SELECT count(DISTINCT person_id) FROM live_membership WHERE body_id=? AND status='joined'",
        steering,
    )
    out.append(
        GuideStep(
            "steering",
            tr("Set up the steering committee and its chair", language),
            bool(chair and members),
            tr(
                "Chair: {chair}; members who joined: {count}.",
                language,
                chair=chair[0] if chair else "—",
                count=members,
            ),
            ("structure", "body", steering),
        )
    )

    # 2. scope and timelines
    has_scope, has_time = bool(scope.strip()), bool(timeline.strip() or start or end)
    out.append(
        GuideStep(
            "scope",
            tr("Decide the program's boundaries (scope) and timelines", language),
            has_scope and has_time,
            tr(
                "Scope: {scope}; timelines: {timelines}.",
                language,
                scope=tr("decided", language) if has_scope else tr("not decided yet", language),
                timelines=tr("decided", language) if has_time else tr("not decided yet", language),
            ),
            ("structure", "program", pid),
        )
    )

    # 3. geographic focus
    focus = [
        n for (n,) in conn.execute("SELECT name FROM live_area WHERE in_focus=1 ORDER BY name")
    ]
    areas = _count(conn, "SELECT count(*) FROM live_area")
    out.append(
        GuideStep(
            "focus",
            tr("Choose the geographic focus (neighbourhoods, quarters, areas)", language),
            bool(focus),
            join_list(focus, language)
            if focus
            else tr(
                "Areas in the program: {count}; none is in the focus yet.", language, count=areas
            ),
            ("structure", "area", ""),
        )
    )

    # 4. chosen channels (two or three)
    chosen = [
        k for (k,) in conn.execute("SELECT key FROM live_channel WHERE chosen=1 ORDER BY rowid")
    ]
    out.append(
        GuideStep(
            "channels",
            tr("Choose two or three channels of action", language),
            len(chosen) in (2, 3),
            tr("Channels chosen: {count}.", language, count=len(chosen)),
            ("structure", "channel", ""),
        )
    )

    # 5. a work team per chosen channel, with professionals and residents
    missing: list[tuple[str, str]] = []  # (team id or "", name)
    for key in chosen:
        team = conn.execute(
            "SELECT id, name FROM live_body WHERE kind='work_team' "
            "AND channel_key=? ORDER BY position LIMIT 1",
            (key,),
        ).fetchone()
        if team is None:
            missing.append(("", key))
        elif not (
            _has_joined(conn, team[0], PROFESSIONAL_SECTORS)
            and _has_joined(conn, team[0], RESIDENT_SECTORS)
        ):
            missing.append(team)
    teams_done = bool(chosen) and not missing
    first_team = next((tid for tid, _ in missing if tid), "")
    out.append(
        GuideStep(
            "work_teams",
            tr(
                "Build a work team for each chosen channel, with professionals and residents",
                language,
            ),
            teams_done,
            tr("Every chosen channel's team has both.", language)
            if teams_done
            else (
                tr(
                    "Teams still missing a professional or a resident: {teams}.",
                    language,
                    teams=join_list((name for _, name in missing), language),
                )
                if chosen
                else tr("Choose the channels first.", language)
            ),
            ("people", "body", first_team) if first_team else ("structure", "channel", ""),
        )
    )

    # 6. partner mapping
    people = _count(conn, "SELECT count(*) FROM live_person")
    mapped, approved, waiting, invited, answered = _pipeline(conn, design)
    out.append(
        GuideStep(
            "mapping",
            tr("Map the partners in the locality for the design committee", language),
            bool(mapped),
            tr(
                "People in the mapping: {people}; candidates for the design committee: {count}.",
                language,
                people=people,
                count=mapped,
            ),
            ("people", "body", design),
        )
    )

    # 7. composition decided by the steering committee
    decisions = composition_decisions(conn)
    named = approvals(conn)
    # where the composition is decided: the next steering meeting, else the latest one
    upcoming = next_steering_meeting(conn)
    steering_meeting = (
        (upcoming["id"],)
        if upcoming
        else conn.execute(
            "SELECT id FROM live_meeting WHERE body_id=? AND status!='cancelled' "
            "ORDER BY starts_at DESC LIMIT 1",
            (steering,),
        ).fetchone()
    )
    out.append(
        GuideStep(
            "composition",
            tr("The steering committee decides the design committee's composition", language),
            bool(named),
            tr(
                "Steering decisions on the composition: {decisions}; members approved: {count}.",
                language,
                decisions=len(decisions),
                count=approved,
            ),
            ("meetings", "decision", decisions[-1][0])
            if decisions
            else (
                ("meetings", "meeting", steering_meeting[0])
                if steering_meeting
                else ("people", "body", design)
            ),
        )
    )

    # 8. role letters printed and invitations sent
    out.append(
        GuideStep(
            "invitations",
            tr("Print the role letters and send the invitations", language),
            bool(invited),
            tr(
                "Invited: {invited}; approved and still waiting for an invitation: {waiting}.",
                language,
                invited=invited,
                waiting=waiting,
            ),
            ("print", "role-letter", design),
        )
    )

    # 9. the open call
    out.append(
        GuideStep(
            "open_call",
            tr("Publish the open invitation to the public", language),
            bool(answered),
            tr(
                "People who came through the open invitation: {count} (ticked when the first is "
                "recorded).",
                language,
                count=answered,
            ),
            ("print", "open-call", design),
        )
    )

    # 10. the first design-committee meeting
    first = conn.execute(
        "SELECT id, starts_at FROM live_meeting WHERE body_id=? AND "
        "status!='cancelled' ORDER BY starts_at LIMIT 1",
        (design,),
    ).fetchone()
    out.append(
        GuideStep(
            "first_meeting",
            tr("Schedule the design committee's first meeting", language),
            first is not None,
            tr("First meeting: {when}.", language, when=first[1].replace("T", " "))
            if first
            else tr("No meeting of the design committee yet.", language),
            ("meetings", "meeting", first[0]) if first else ("meetings", "body", design),
        )
    )
    return out


def is_set_up(conn: sqlite3.Connection) -> bool:
    """Every step is done (the Overview then stops showing the guide)."""
    return all(step.done for step in steps(conn))
