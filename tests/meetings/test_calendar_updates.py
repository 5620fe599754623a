"""A calendar exported, a meeting moved and another cancelled, exported again: both files
parsed by two independent parsers (icalendar and vobject) say the same events (UID), newer
versions (SEQUENCE, LAST-MODIFIED) and the right times in every year."""

from __future__ import annotations

from datetime import datetime, timedelta, UTC
from zoneinfo import ZoneInfo

import icalendar
import vobject

from kehila_desktop.core.meetings import records as mt
from kehila_desktop.core.meetings.calendar_ics import write_ics

from .helpers import add_meeting, body_id

JERUSALEM = ZoneInfo("Asia/Jerusalem")
UTC = UTC


def parse_icalendar(path):
    out = {}
    for e in icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT"):
        out[str(e["uid"])] = {
            "sequence": int(e["sequence"]),
            "start": e.decoded("dtstart").astimezone(UTC),
            "end": e.decoded("dtend").astimezone(UTC),
            "status": str(e["status"]),
            "modified": e.decoded("last-modified"),
            "description": str(e.get("description", "")),
            "organizer": str(e["organizer"].params["cn"]),
        }
    return out


def parse_vobject(path):
    """vobject builds its time zone from the file's own VTIMEZONE block."""
    out = {}
    for e in vobject.readOne(path.read_text("utf-8")).vevent_list:
        out[e.uid.value] = {
            "sequence": int(e.sequence.value),
            "start": e.dtstart.value.astimezone(UTC),
            "end": e.dtend.value.astimezone(UTC),
            "status": e.status.value,
            "modified": e.last_modified.value,
            "description": e.description.value if hasattr(e, "description") else "",
            "organizer": e.organizer.params["CN"][0],
        }
    return out


def local(text):
    return datetime.fromisoformat(text).replace(tzinfo=JERUSALEM).astimezone(UTC)


def test_a_moved_and_a_cancelled_meeting_update_the_same_events(ops, tmp_path):
    steering, design = body_id(ops, "steering"), body_id(ops, "design")
    with ops.step("meetings"):
        moved = add_meeting(ops, steering, "2027-03-25T17:00")  # the day before summer time
        cancelled = add_meeting(ops, design, "2029-10-28T17:30")  # the day winter time returns
        kept = add_meeting(ops, design, "2031-07-01T09:00")
        ops.update("meeting", moved, {"place": "אולם המועצה"})
    mt.add_agenda_item(ops, moved, "אישור תוכנית העבודה", minutes=30, presenter="דנה")
    old = tmp_path / "old.ics"
    write_ics(ops.conn, old)

    with ops.step("move"):
        ops.update("meeting", moved, {"starts_at": "2027-03-29T18:00"})  # into summer time
    mt.set_status(ops, cancelled, "cancelled")
    new = tmp_path / "new.ics"
    write_ics(ops.conn, new)

    for parse in (parse_icalendar, parse_vobject):
        before, after = parse(old), parse(new)
        uid = {m: f"{m}@kehila-desktop" for m in (moved, cancelled, kept)}
        assert set(before) == set(after) == set(uid.values())
        a, b = before[uid[moved]], after[uid[moved]]
        assert b["sequence"] > a["sequence"]
        assert b["modified"] >= a["modified"]
        assert a["start"] == local("2027-03-25T17:00") == datetime(2027, 3, 25, 15, 0, tzinfo=UTC)
        assert b["start"] == local("2027-03-29T18:00") == datetime(2027, 3, 29, 15, 0, tzinfo=UTC)
        assert b["end"] - b["start"] == timedelta(minutes=90)
        assert "אולם המועצה" in b["description"] and "אישור תוכנית העבודה" in b["description"]
        assert "דנה" in b["description"] and "30" in b["description"]
        assert b["organizer"] == "ועדת היגוי"
        c0, c1 = before[uid[cancelled]], after[uid[cancelled]]
        assert (c0["status"], c1["status"]) == ("CONFIRMED", "CANCELLED")
        assert c1["sequence"] == c0["sequence"] + 1
        assert (
            c1["start"] == local("2029-10-28T17:30") == datetime(2029, 10, 28, 15, 30, tzinfo=UTC)
        )
        assert before[uid[kept]]["sequence"] == after[uid[kept]]["sequence"] == 0
        assert after[uid[kept]]["start"] == datetime(2031, 7, 1, 6, 0, tzinfo=UTC)


def test_the_time_zone_holds_for_every_year(ops, tmp_path):
    """Meetings around each switch of 2026-2040: the file's VTIMEZONE (read by vobject) and
    icalendar both give the instant the system's zoneinfo gives."""
    from datetime import date

    design = body_id(ops, "design")
    starts = []
    for year in range(2026, 2041):
        for month in (3, 10):
            for day in range(22, 32):
                when = date(year, month, day)
                if when.weekday() in (3, 4, 6, 0):  # Thursday, Friday, Sunday, Monday
                    starts.append(f"{when.isoformat()}T10:00")
    with ops.step("meetings"):
        for start in starts:
            add_meeting(ops, design, start)
    out = tmp_path / "years.ics"
    assert write_ics(ops.conn, out) == len(starts)
    want = sorted(local(s) for s in starts)
    for parse in (parse_icalendar, parse_vobject):
        assert sorted(e["start"] for e in parse(out).values()) == want
