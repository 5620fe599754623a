"""Calendar export: a body's meetings (or all of them) as an RFC 5545 ``.ics`` file, built with
the maintained ``icalendar`` package; start times in TZID Asia/Jerusalem with its VTIMEZONE,
so Outlook and Google Calendar place them right. Cancelled meetings are exported with
STATUS:CANCELLED (so calendars that imported them before drop them)."""

from __future__ import annotations

import os
import sqlite3
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from kehila_desktop.core.i18n import label, tr
from kehila_desktop.core.file.programfile import new_id

TZID = "Asia/Jerusalem"
STATUS = {"planned": "CONFIRMED", "held": "CONFIRMED", "cancelled": "CANCELLED"}


def meetings_calendar(conn: sqlite3.Connection, body_id: str | None = None,
                      language: str | None = None):
    """The ``icalendar.Calendar`` of the meetings (of one body, or of all bodies)."""
    import icalendar

    tz = ZoneInfo(TZID)
    program = conn.execute("SELECT name FROM program WHERE deleted=0").fetchone()
    cal = icalendar.Calendar()
    cal.add("prodid", "-//Kehila Desktop//kehila-desktop//HE")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")  # a published calendar: imported, not an invitation
    cal.add("x-wr-calname", program[0] if program else "Kehila")
    cal.add("x-wr-timezone", TZID)
    sql = ("SELECT m.id, m.starts_at, m.minutes, m.place, m.status, m.kind, b.name, m.notes "
           "FROM meeting m JOIN body b ON b.id=m.body_id WHERE m.deleted=0 AND m.starts_at!='' ")
    args: tuple = ()
    if body_id:
        sql += "AND m.body_id=? "
        args = (body_id,)
    stamp = datetime.now(timezone.utc).replace(microsecond=0)
    first = last = None
    for mid, starts_at, minutes, place, status, kind, body, notes in conn.execute(
            sql + "ORDER BY m.starts_at", args):
        try:
            start = datetime.fromisoformat(starts_at).replace(tzinfo=tz)
        except ValueError:
            continue
        event = icalendar.Event()
        event.add("uid", f"{mid}@kehila-desktop")
        event.add("dtstamp", stamp)
        event.add("dtstart", start)
        event.add("dtend", start + timedelta(minutes=int(minutes or 0)))
        summary = body if kind == "regular" else tr("{body}: {kind}", language, body=body,
                                                     kind=label("MEETING_KINDS", kind, language))
        event.add("summary", summary)
        if place:
            event.add("location", place)
        if notes:
            event.add("description", notes)
        event.add("status", STATUS.get(status, "CONFIRMED"))
        cal.add_component(event)
        first = first or start.date()
        last = start.date()
    if first is not None:
        cal.add_missing_timezones(first_date=date(first.year, 1, 1),
                                  last_date=date(last.year + 1, 1, 1))
    return cal


def write_ics(conn: sqlite3.Connection, out: str | os.PathLike, body_id: str | None = None,
              language: str | None = None) -> int:
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
