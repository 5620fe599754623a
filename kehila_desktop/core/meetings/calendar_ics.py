"""Calendar export: a body's meetings (or all of them) as an RFC 5545 ``.ics`` file, built with
the maintained ``icalendar`` package, that a calendar can import again and again.

- Each meeting is one event with a stable UID; SEQUENCE counts the steps that changed the
  meeting or its agenda after it was created (from the change history,
  ``core.history.versions``) and LAST-MODIFIED is the last of them, so a re-export after a
  move or a cancellation replaces the event a calendar already holds. Cancelled meetings stay
  in the file with STATUS:CANCELLED (so calendars that imported them drop them).
- DESCRIPTION holds the place and the agenda (items with their minutes and presenters) and
  the meeting's notes; ORGANIZER is the body (its name; its chair's e-mail when there is one).
- Start times are local times with TZID Asia/Jerusalem, and the file's VTIMEZONE gives
  Israel's rule (since 2013: summer time from the Friday before the last Sunday of March to
  the last Sunday of October) as yearly RRULEs, so it holds for every meeting's year; the
  tests check it against the system's zoneinfo for every meeting exported.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime, timedelta, UTC
from pathlib import Path
from zoneinfo import ZoneInfo

from kehila_desktop.core.file.programfile import new_id
from kehila_desktop.core.i18n import label, tr

TZID = "Asia/Jerusalem"
STATUS = {"planned": "CONFIRMED", "held": "CONFIRMED", "cancelled": "CANCELLED"}


def jerusalem_timezone():
    """The VTIMEZONE of Israel's current rule, as yearly recurrences (valid from 2013 on)."""
    import icalendar

    tz = icalendar.Timezone()
    tz.add("tzid", TZID)
    tz.add("x-lic-location", TZID)
    summer = icalendar.TimezoneDaylight()
    summer.add("tzname", "IDT")
    summer.add("tzoffsetfrom", timedelta(hours=2))
    summer.add("tzoffsetto", timedelta(hours=3))
    summer.add("dtstart", datetime(2013, 3, 29, 2, 0))
    summer.add(
        "rrule",
        {"freq": "yearly", "bymonth": 3, "byday": "FR", "bymonthday": [23, 24, 25, 26, 27, 28, 29]},
    )
    winter = icalendar.TimezoneStandard()
    winter.add("tzname", "IST")
    winter.add("tzoffsetfrom", timedelta(hours=3))
    winter.add("tzoffsetto", timedelta(hours=2))
    winter.add("dtstart", datetime(2013, 10, 27, 2, 0))
    winter.add("rrule", {"freq": "yearly", "bymonth": 10, "byday": "-1SU"})
    tz.add_component(summer)
    tz.add_component(winter)
    return tz


def _description(
    conn: sqlite3.Connection, meeting_id: str, place: str, notes: str, language: str | None
) -> str:
    from kehila_desktop.core.meetings.records import agenda

    parts = []
    if place:
        parts.append(tr("Place: {place}", language, place=place))
    items = agenda(conn, meeting_id)
    if items:
        lines = [tr("Agenda", language) + ":"]
        for n, item in enumerate(items, start=1):
            title = item["title"] + (f" — {item['presenter']}" if item["presenter"] else "")
            lines.append(
                tr(
                    "{n}. {title} ({minutes} min)",
                    language,
                    n=n,
                    title=title,
                    minutes=item["minutes"],
                )
            )
        parts.append("\n".join(lines))
    if notes:
        parts.append(notes)
    return "\n\n".join(parts)


def _organizer(body_id: str, body: str, chair_email: str | None):
    import icalendar

    address = f"mailto:{chair_email}" if chair_email else f"urn:uuid:{_uuid(body_id)}"
    organizer = icalendar.vCalAddress(address)
    organizer.params["cn"] = icalendar.vText(body)
    return organizer


def _uuid(text: str) -> str:
    import uuid

    try:
        return str(uuid.UUID(text))
    except ValueError:
        return str(uuid.uuid5(uuid.NAMESPACE_URL, "kehila-body:" + text))


def meetings_calendar(
    conn: sqlite3.Connection, body_id: str | None = None, language: str | None = None
):
    """The ``icalendar.Calendar`` of the meetings (of one body, or of all bodies)."""
    import icalendar

    from kehila_desktop.core.history.versions import versions

    tz = ZoneInfo(TZID)
    program = conn.execute("SELECT name FROM live_program").fetchone()
    cal = icalendar.Calendar()
    cal.add("prodid", "-//Kehila Desktop//kehila-desktop//HE")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")  # a published calendar: imported, not an invitation
    cal.add("x-wr-calname", program[0] if program else "Kehila")
    cal.add("x-wr-timezone", TZID)
    sql = (
        "SELECT m.id, m.starts_at, m.minutes, m.place, m.status, m.kind, b.id, b.name, "
        "m.notes, p.email FROM live_meeting m JOIN body b ON b.id=m.body_id "
        "LEFT JOIN live_person p ON p.id=b.chair_person_id "
        "WHERE m.starts_at!='' "
    )
    args: tuple = ()
    if body_id:
        sql += "AND m.body_id=? "
        args = (body_id,)
    rows = conn.execute(sql + "ORDER BY m.starts_at", args).fetchall()
    history = versions(
        conn, "meeting", [r[0] for r in rows], children=("agenda_item", "meeting_id")
    )
    stamp = datetime.now(UTC).replace(microsecond=0)
    events = []
    for mid, starts_at, minutes, place, status, kind, bid, body, notes, chair_email in rows:
        try:
            start = datetime.fromisoformat(starts_at).replace(tzinfo=tz)
        except ValueError:
            continue
        version = history[mid]
        event = icalendar.Event()
        event.add("uid", f"{mid}@kehila-desktop")
        event.add("dtstamp", stamp)
        event.add("sequence", version.changes)
        if version.last_changed is not None:
            event.add("last-modified", version.last_changed.replace(microsecond=0))
        event.add("dtstart", start)
        event.add("dtend", start + timedelta(minutes=int(minutes or 0)))
        summary = (
            body
            if kind == "regular"
            else tr(
                "{body}: {kind}", language, body=body, kind=label("MEETING_KINDS", kind, language)
            )
        )
        event.add("summary", summary)
        if place:
            event.add("location", place)
        description = _description(conn, mid, place, notes, language)
        if description:
            event.add("description", description)
        event.add("organizer", _organizer(bid, body, chair_email))
        event.add("status", STATUS.get(status, "CONFIRMED"))
        events.append(event)
    if events:
        cal.add_component(jerusalem_timezone())
    for event in events:
        cal.add_component(event)
    return cal


def write_ics(
    conn: sqlite3.Connection,
    out: str | os.PathLike,
    body_id: str | None = None,
    language: str | None = None,
) -> int:
    """Write the calendar to ``out`` atomically; returns how many meetings it holds."""
    cal = meetings_calendar(conn, body_id, language)
    out = Path(out)
    tmp = out.with_name(f".{out.name}.{new_id()[:8]}.tmp")
    try:
        tmp.write_bytes(cal.to_ical())
        os.replace(tmp, out)
    finally:
        if tmp.exists():
            tmp.unlink()
    return sum(1 for c in cal.walk("VEVENT"))
