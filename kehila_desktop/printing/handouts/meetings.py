"""Handouts about meetings: ``agenda`` (items with clock times from the start and the standing
follow-up on open action items), ``minutes`` (attendance of everyone, the agenda items with
notes and time used, decisions with outcome and votes, action items new / done / carried) and ``calendar`` (the year's
meetings of every body)."""

from __future__ import annotations

from datetime import datetime, timedelta

from kehila_desktop.core.i18n import month_name

from kehila_desktop.printing.handouts.people import _meeting_from
from kehila_desktop.printing.engine.kit import Handout, Kit
from kehila_desktop.printing.handouts.source import Source


def _meeting_head(src: Source, kit: Kit, title: str, meeting: dict) -> tuple[str, list]:
    body = src.body(meeting["body_id"])
    name = src.body_name(body)
    when = src.tr(
        "{date} at {time}", date=src.date(meeting["starts_at"]), time=src.time(meeting["starts_at"])
    )
    story = kit.title(title, f"{name} · {when}")
    story += kit.facts(
        [
            (src.tr("Meeting"), src.cap_label("MEETING_KINDS", meeting["kind"])),
            (src.tr("Place"), meeting["place"]),
            (src.tr("Length"), src.minutes(meeting["minutes"])),
            src.chair_fact(body),
        ]
    )
    return name, story


def agenda(src: Source, opts: dict) -> Handout:
    from kehila_desktop.core.meetings.records import agenda as agenda_items

    kit = Kit(src)
    meeting = _meeting_from(src, opts)
    title = src.tr("Agenda")
    name, story = _meeting_head(src, kit, title, meeting)
    items = agenda_items(src.conn, meeting["id"])
    try:
        clock = datetime.fromisoformat(meeting["starts_at"])
    except ValueError:
        clock = None
    rows = []
    offset = 0
    for i, item in enumerate(items, 1):
        if clock is not None:
            a = (clock + timedelta(minutes=offset)).strftime("%H:%M")
            b = (clock + timedelta(minutes=offset + item["minutes"])).strftime("%H:%M")
            span = f"{a}–{b}"
        else:
            span = ""
        rows.append(
            [
                str(i),
                span,
                item["title"],
                src.cap_label("AGENDA_KINDS", item["kind"]),
                item["presenter"],
                str(item["minutes"]),
            ]
        )
        offset += item["minutes"] or 0
    header = [
        src.tr("No."),
        src.tr("Time"),
        src.ptr("agenda", "Item"),
        src.tr("Kind"),
        src.tr("Presenter"),
        src.ptr("duration", "Minutes"),
    ]
    story += kit.table(header, rows, [0.8, 2.4, 6.6, 2.2, 3.2, 1.8])
    story += kit.para(
        src.tr(
            "Total: {minutes} of {planned} planned.",
            minutes=src.minutes(offset),
            planned=src.minutes(meeting["minutes"]),
        )
    )
    story += _follow_up(src, kit, meeting)
    for item in items:
        if item["notes"]:
            story += kit.subheading(item["title"])
            story += kit.para(item["notes"])
    return Handout(title, name, story)


def _duration(src: Source, seconds: int) -> str:
    return src.minutes(round((seconds or 0) / 60))


def _follow_up(src: Source, kit: Kit, meeting: dict) -> list:
    """The standing section of every agenda: the body's action items still open from earlier
    meetings (what the meeting follows up)."""
    from kehila_desktop.core.meetings.records import follow_up_items

    items = follow_up_items(src.conn, meeting["id"])
    story = kit.heading(src.tr("Follow-up on action items"))
    if not items:
        return story + kit.para(src.tr("No open action items from earlier meetings."))
    rows = [
        [
            str(i),
            a["text"],
            src.person_name(a["owner_person_id"]),
            src.date(a["due"]),
            src.date(a["meeting_date"]),
        ]
        for i, a in enumerate(items, 1)
    ]
    return story + kit.table(
        [
            src.tr("No."),
            src.tr("Task"),
            src.tr("Owner"),
            src.tr("Due"),
            src.tr("From the meeting of"),
        ],
        rows,
        [0.8, 7.6, 3.2, 2.2, 2.4],
    )


def minutes(src: Source, opts: dict) -> Handout:
    """Everything the room recorded, ready to sign and send the same evening: attendance of
    every member (present, late, excused, absent, not marked) and the guests; each agenda
    item with its notes and the time it used; the decisions with outcome and votes; the
    action items new at the meeting, done at it and carried on."""
    from kehila_desktop.core.meetings.records import (
        agenda as agenda_items,
        decisions as meeting_decisions,
        expected_members,
        follow_up_items,
        meeting_action_items,
    )

    kit = Kit(src)
    meeting = _meeting_from(src, opts)
    title = src.tr("Minutes")
    name, story = _meeting_head(src, kit, title, meeting)
    if meeting.get("started_at"):
        story += kit.para(
            src.tr(
                "The meeting started at {time} (scheduled {scheduled}).",
                time=src.time(meeting["started_at"]),
                scheduled=src.time(meeting["starts_at"]),
            )
        )
    # attendance: every member expected that day, marked or not, then the guests
    story += kit.heading(src.tr("Attendance"))
    marks = dict(
        src.conn.execute(
            "SELECT person_id, status FROM live_attendance WHERE meeting_id=? AND "
            "person_id IS NOT NULL",
            (meeting["id"],),
        ).fetchall()
    )
    members = expected_members(src.conn, meeting["body_id"], meeting["starts_at"])
    groups: dict[str, list[str]] = {}
    for pid, person, _expected in members:
        groups.setdefault(marks.pop(pid, ""), []).append(person)
    for pid, status in marks.items():  # marked, though not (or no longer) a member that day
        groups.setdefault(status, []).append(src.person_name(pid))
    guests = [
        g
        for (g,) in src.conn.execute(
            "SELECT guest_name FROM live_attendance WHERE meeting_id=? AND "
            "person_id IS NULL ORDER BY rowid",
            (meeting["id"],),
        )
    ]
    rows = [
        [
            src.cap_label("ATTENDANCE", status),
            str(len(groups[status])),
            src.join(sorted(groups[status])),
        ]
        for status in ("present", "late", "excused", "absent")
        if status in groups
    ]
    if "" in groups:
        rows.append(
            [src.cap(src.tr("not marked")), str(len(groups[""])), src.join(sorted(groups[""]))]
        )
    if guests:
        rows.append([src.tr("Guests"), str(len(guests)), src.join(guests)])
    if rows:
        story += kit.table(
            [src.tr("Attendance"), src.tr("Count"), src.tr("Names")], rows, [2.2, 1, 10]
        )
    else:
        story += kit.para(src.tr("No attendance was recorded."))
    # the agenda items as they were taken: time used and notes
    story += kit.heading(src.tr("Agenda"))
    items = agenda_items(src.conn, meeting["id"])
    if items:
        rows = [
            [
                str(i),
                it["title"],
                src.minutes(it["minutes"]),
                _duration(src, it.get("spent_seconds") or 0) if meeting.get("started_at") else "—",
            ]
            for i, it in enumerate(items, 1)
        ]
        story += kit.table(
            [src.tr("No."), src.ptr("agenda", "Item"), src.tr("Planned"), src.tr("Time used")],
            rows,
            [0.8, 9.6, 2.2, 2.2],
        )
        for i, it in enumerate(items, 1):
            if it["notes"]:
                story += kit.subheading(f"{i}. {it['title']}")
                story += kit.para(it["notes"])
    else:
        story += kit.para(src.tr("No agenda items."))
    story += kit.heading(src.tr("Decisions"))
    decisions = meeting_decisions(src.conn, meeting["id"])
    if decisions:
        rows = [
            [
                str(i),
                d["text"],
                src.cap_label("DECISION_KINDS", d["kind"]),
                src.cap_label("DECISION_OUTCOMES", d.get("outcome")) or "—",
                str(d["votes_for"]),
                str(d["votes_against"]),
                str(d["votes_abstain"]),
            ]
            for i, d in enumerate(decisions, 1)
        ]
        story += kit.table(
            [
                src.tr("No."),
                src.tr("Decision"),
                src.tr("Kind"),
                src.tr("Outcome"),
                src.tr("For"),
                src.tr("Against"),
                src.tr("Abstain"),
            ],
            rows,
            [0.8, 6.6, 2.4, 2.6, 1.2, 1.3, 1.5],
        )
    else:
        story += kit.para(src.tr("No decisions were recorded."))
    story += kit.heading(src.tr("Action items"))
    new = meeting_action_items(src.conn, meeting["id"])
    earlier = follow_up_items(src.conn, meeting["id"])
    rows = [
        [
            src.cap(src.tr("new")),
            a["text"],
            a["owner"] or "",
            src.date(a["due"]),
            "",
            src.cap_label("ACTION_ITEM_STATUSES", a["status"]),
        ]
        for a in new
    ]
    rows += [
        [
            src.cap(src.tr("done")),
            a["text"],
            a["owner"] or "",
            src.date(a["due"]),
            src.date(a["meeting_date"]),
            src.cap_label("ACTION_ITEM_STATUSES", a["status"]),
        ]
        for a in earlier
        if a["done_here"]
    ]
    rows += [
        [
            src.cap(src.tr("carried")),
            a["text"],
            a["owner"] or "",
            src.date(a["due"]),
            src.date(a["meeting_date"]),
            src.cap_label("ACTION_ITEM_STATUSES", a["status"]),
        ]
        for a in earlier
        if not a["done_here"]
    ]
    if rows:
        story += kit.table(
            [
                src.tr("Action item"),
                src.tr("Task"),
                src.tr("Owner"),
                src.tr("Due"),
                src.tr("Meeting"),  # the meeting an item came from (blank: this one)
                src.tr("Status"),
            ],
            rows,
            [1.6, 6.2, 2.8, 2.1, 2.1, 2.0],
        )
    else:
        story += kit.para(src.tr("No action items were recorded."))
    if meeting.get("notes"):
        story += kit.heading(src.tr("Notes"))
        story += kit.para(meeting["notes"])
    story += kit.space(18)
    story += kit.para(src.tr("Chair's signature: ____________    Date: ____________"))
    return Handout(title, name, story)


def calendar(src: Source, opts: dict) -> Handout:
    kit = Kit(src)
    bodies = {b["id"]: b for b in src.bodies()}
    where, args = "", ()  # type: tuple[str, tuple[object, ...]]
    if opts.get("body"):
        src.body(opts["body"])
        where, args = " WHERE body_id=?", (opts["body"],)
    meetings = src.all(f"SELECT * FROM live_meeting{where} ORDER BY starts_at", args)
    title = src.tr("Meeting calendar")
    years = sorted({m["starts_at"][:4] for m in meetings if m["starts_at"]})
    span = "–".join(dict.fromkeys([years[0], years[-1]])) if years else ""
    story = kit.title(
        title,
        src.ntr("{n} meeting", "{n} meetings", len(meetings)) + (f" · {span}" if span else ""),
    )
    month = None
    rows: list[list[str]] = []
    header = [
        src.tr("Date"),
        src.tr("Day"),
        src.tr("Time"),
        src.tr("Body"),
        src.tr("Meeting"),
        src.tr("Place"),
        src.tr("Status"),
    ]
    weights = [2.2, 1.8, 1.3, 4, 2.4, 4, 1.8]

    every_row: list[list[str]] = []  # all months' tables share their column widths

    def flush():
        if rows:
            story.extend(kit.subheading(month_label))
            story.extend(kit.table(header, list(rows), weights, sizing_rows=every_row))
            rows.clear()

    month_label = ""
    for m in meetings:
        key = m["starts_at"][:7]
        if key != month:
            flush()
            month = key
            month_label = _month_name(src, key)
        body = bodies.get(m["body_id"])
        rows.append(
            [
                src.date(m["starts_at"]),
                src.weekday(m["starts_at"]),
                src.time(m["starts_at"]),
                src.cap(src.body_name(body)) if body else "",
                src.cap(src.label("MEETING_KINDS", m["kind"])),
                m["place"],
                src.cap(src.label("MEETING_STATUSES", m["status"])),
            ]
        )
        every_row.append(rows[-1])
    flush()
    if not meetings:
        story += kit.para(src.tr("No meetings are planned."))
    body_label = src.body_name(src.body(opts["body"])) if opts.get("body") else ""
    return Handout(title, body_label, story)


def _month_name(src: Source, key: str) -> str:
    try:
        year, month = key.split("-")
        return f"{month_name(int(month), src.language)} {year}"
    except (ValueError, IndexError):
        return key
