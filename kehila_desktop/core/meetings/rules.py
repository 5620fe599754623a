"""Program-health rules about meetings: cadence kept, members' attendance, the decisions the
steering committee owes, and action items past due. See ``core.health``."""

from __future__ import annotations

import sqlite3
from datetime import date

from kehila_desktop.core.health import Finding
from kehila_desktop.core.i18n import body_in_sentence, format_date, join_list, label, ntr, tr
from kehila_desktop.core.meetings.records import STEERING_DECISIONS, action_items, member_rates
from kehila_desktop.core.meetings.schedule import rule_windows
from kehila_desktop.core.structure.queries import live_body_id

MIN_HELD_FOR_ATTENDANCE = 3  # judge a member's attendance after this many held meetings
LOOKBACK_DAYS = 366


def today() -> date:
    """Today (a function so tests can fix the date)."""
    return date.today()


def _program_start(conn: sqlite3.Connection) -> date | None:
    row = conn.execute("SELECT start_date FROM live_program").fetchone()
    try:
        return date.fromisoformat(row[0]) if row and row[0] else None
    except ValueError:
        return None


def cadence_not_kept(conn: sqlite3.Connection, language: str | None) -> list[Finding]:
    """Every body meets as its cadence says: each past period of the last year had a held
    meeting (steering: a quarter; design committee: each month of year one, then quarters)."""
    start, now = _program_start(conn), today()
    if start is None or start >= now:
        return []
    out: list[Finding] = []
    since = max(start, date.fromordinal(now.toordinal() - LOOKBACK_DAYS))
    held_by_body: dict[str, list[date]] = {}  # one read for every body, not one per body
    for body_id, day in conn.execute(
        "SELECT body_id, substr(starts_at,1,10) FROM live_meeting "
        "WHERE status='held' AND kind='regular' AND starts_at>=?",
        (start.isoformat(),),
    ):
        held_by_body.setdefault(body_id, []).append(date.fromisoformat(day))
    for body_id, name, cadence, chosen, chosen_on in conn.execute(
        "SELECT b.id, b.name, b.cadence, c.chosen, c.chosen_on FROM live_body b LEFT JOIN live_channel c "
        "ON b.kind='work_team' AND c.key=b.channel_key "
        " ORDER BY b.position"
    ).fetchall():
        body_since = since
        if chosen is not None:  # a work team: judged from when its channel was chosen
            if not chosen:
                continue
            try:
                body_since = max(since, date.fromisoformat(chosen_on)) if chosen_on else since
            except ValueError:
                pass
        held = held_by_body.get(body_id, [])
        try:
            windows = [
                w
                for w in rule_windows(cadence, start, body_since, now)
                if w[1] <= now and w[1] > body_since
            ]
        except Exception:
            continue
        missed = [w for w in windows if not any(w[0] <= d < w[1] for d in held)]
        if missed:
            out.append(
                Finding(
                    "meetings.cadence_not_kept",
                    "warning",
                    ntr(
                        "{body} has not kept its cadence ({cadence}): no meeting was held in {missed} "
                        "of its last {n} period, the latest from {since}.",
                        "{body} has not kept its cadence ({cadence}): no meeting was held in {missed} "
                        "of its last {n} periods, the latest from {since}.",
                        len(windows),
                        language,
                        body=name,
                        cadence=label("CADENCES", cadence, language),
                        missed=len(missed),
                        since=format_date(missed[-1][0].isoformat()),
                    ),
                    ("meetings", "body", body_id),
                    {"missed": [w[0].isoformat() for w in missed]},
                )
            )
    return out


def members_below_expected(conn: sqlite3.Connection, language: str | None) -> list[Finding]:
    out = []
    names = {
        bid: body_in_sentence(name, kind, language)  # one read, not one per finding
        for bid, name, kind in conn.execute("SELECT id, name, kind FROM body")
    }
    for r in member_rates(conn):
        if r.held >= MIN_HELD_FOR_ATTENDANCE and r.below:
            out.append(
                Finding(
                    "meetings.attendance_below_expected",
                    "warning",
                    tr(
                        "{name} came to {attended} of {held} meetings of {body} ({rate}%), below the "
                        "expected {expected}%.",
                        language,
                        name=r.name,
                        attended=r.attended,
                        held=r.held,
                        body=names.get(r.body_id, ""),
                        rate=round((r.rate or 0) * 100),
                        expected=r.expected_pct,
                    ),
                    ("meetings", "membership", r.membership_id),
                    {"rate": r.rate, "expected": r.expected_pct},
                )
            )
    return out


def steering_decisions_missing(conn: sqlite3.Connection, language: str | None) -> list[Finding]:
    """The steering committee decides scope, timeline, focus, channels and composition."""
    steering = live_body_id(conn, "steering")
    if steering is None:
        return []
    taken = {  # the decisions of that committee, not of a deleted or a second one
        k
        for (k,) in conn.execute(
            "SELECT DISTINCT d.kind FROM live_decision d JOIN live_meeting m ON m.id=d.meeting_id "
            "WHERE m.body_id=? AND (d.outcome IN ('passed_vote', 'passed_consensus') OR "
            "(d.outcome='' AND d.votes_for>d.votes_against))",
            (steering,),
        )
    }
    missing = [k for k in STEERING_DECISIONS if k not in taken]
    if not missing:
        return []
    return [
        Finding(
            "meetings.steering_decisions_missing",
            "advice",
            tr(
                "The steering committee has not yet decided: {kinds}.",
                language,
                kinds=join_list((label("DECISION_KINDS", k, language) for k in missing), language),
            ),
            ("meetings", "body", steering),
            {"missing": missing},
        )
    ]


def action_items_past_due(conn: sqlite3.Connection, language: str | None) -> list[Finding]:
    overdue = [
        a for a in action_items(conn, status="open", today=today().isoformat()) if a["overdue"]
    ]
    if not overdue:
        return []
    first = overdue[0]
    return [
        Finding(
            "meetings.action_items_past_due",
            "warning",
            ntr(
                "{n} open action item is past due: \u201c{text}\u201d, due {due}.",
                "{n} open action items are past due; the oldest: \u201c{text}\u201d, due {due}.",
                len(overdue),
                language,
                text=first["text"],
                due=format_date(first["due"]),
            ),
            ("meetings", "action_item", first["id"]),
            {"ids": [a["id"] for a in overdue]},
        )
    ]


# How far ahead the program team should have its next training / team day planned: a monthly
# training is planned a quarter ahead, a quarterly team day two quarters ahead.
PLANNED_AHEAD_MONTHS = {"training": 3, "team_day": 6}


def _months_ahead(day: date, months: int) -> date:
    y, m = divmod(day.month - 1 + months, 12)
    last = [31, 29 if (day.year + y) % 4 == 0 else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    return date(day.year + y, m + 1, min(day.day, last[m]))


def team_trainings_not_planned(conn: sqlite3.Connection, language: str | None) -> list[Finding]:
    """The program team works through regular meetings, trainings and team days: a training is
    planned in the coming three months and a team day in the coming six."""
    team = live_body_id(conn, "program_team")
    if team is None:
        return []
    now = today()
    out = []
    for kind, months in PLANNED_AHEAD_MONTHS.items():
        until = _months_ahead(now, months)
        planned = conn.execute(
            "SELECT count(*) FROM live_meeting WHERE body_id=? AND kind=? AND "
            "status='planned' AND substr(starts_at,1,10) BETWEEN ? AND ?",
            (team, kind, now.isoformat(), until.isoformat()),
        ).fetchone()[0]
        if planned:
            continue
        until_text = format_date(until.isoformat())  # months is 3 or 6: one plural form
        if kind == "training":
            message = tr(
                "The program team has no training planned in the coming {months} months "
                "(until {until}); generate trainings from the cadence in Meetings.",
                language,
                months=months,
                until=until_text,
            )
        else:
            message = tr(
                "The program team has no team day planned in the coming {months} months "
                "(until {until}); generate team days from the cadence in Meetings.",
                language,
                months=months,
                until=until_text,
            )
        out.append(
            Finding(
                f"meetings.{kind}_not_planned",
                "warning",
                message,
                ("meetings", "body", team),
                {"kind": kind, "until": until.isoformat()},
            )
        )
    return out


RULES = [
    cadence_not_kept,
    team_trainings_not_planned,
    members_below_expected,
    steering_decisions_missing,
    action_items_past_due,
]
