"""Program-health rules about meetings, and the .ics calendar (CLI included)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar

from kehila_desktop.cli import main
from kehila_desktop.core.meetings import records as mt
from kehila_desktop.core.health import findings
from kehila_desktop.core.meetings import rules

from .helpers import add_meeting, add_members, body_id, set_start


def _codes(conn, code):
    return [f for f in findings(conn, "en") if f.code == code]


def test_cadence_attendance_decisions_and_overdue_findings(ops, monkeypatch):
    monkeypatch.setattr(rules, "today", lambda: date(2027, 7, 15))
    set_start(ops, "2027-01-01")
    steering, design = body_id(ops, "steering"), body_id(ops, "design")
    # Steering met in Q1 but not in Q2: its cadence is not kept.
    add_meeting(ops, steering, "2027-01-04T10:00", status="held")
    # Design committee met every month of year one so far.
    members = add_members(ops, design, ["דנה", "יוסי"], expected=80)
    for month in range(1, 7):
        m = add_meeting(ops, design, f"2027-0{month}-08T17:30", status="held")
        mt.check_in(ops, m, members[0])
        if month == 1:
            mt.check_in(ops, m, members[1])
    cadence = _codes(ops.conn, "meetings.cadence_not_kept")
    assert [f.target[2] for f in cadence] == [steering, body_id(ops, "program_team")]
    assert (
        "no meeting was held in 1 of its last 2 periods, the latest from 01/04/2027"
        in cadence[0].message
    )
    below = _codes(ops.conn, "meetings.attendance_below_expected")
    assert len(below) == 1 and below[0].message.startswith("יוסי came to 1 of 6 meetings")
    missing = _codes(ops.conn, "meetings.steering_decisions_missing")[0]
    assert missing.details["missing"] == ["scope", "timeline", "focus", "channels", "composition"]
    m = add_meeting(ops, steering, "2027-04-05T10:00", status="held")
    mt.record_decision(
        ops, m, "ערוצים", "channels", votes=(4, 0, 0), payload={"channels": ["social"]}
    )
    missing = _codes(ops.conn, "meetings.steering_decisions_missing")[0]
    assert "channels" not in missing.details["missing"]
    kinds = [
        ops.conn.execute("SELECT kind FROM body WHERE id=?", (f.target[2],)).fetchone()[0]
        for f in _codes(ops.conn, "meetings.cadence_not_kept")
    ]
    assert kinds == ["program_team", "work_team"]  # the new social team has not met since April
    mt.add_action_item(ops, m, "לזמן את הוועדה", due="2027-06-01")
    overdue = _codes(ops.conn, "meetings.action_items_past_due")
    assert overdue and "1 open action item is past due" in overdue[0].message


def test_ics_parses_back_with_jerusalem_times(ops, tmp_path):
    steering, design = body_id(ops, "steering"), body_id(ops, "design")
    add_meeting(ops, steering, "2027-01-04T10:00", minutes=90)  # winter, +02:00
    add_meeting(ops, design, "2027-07-06T17:30", minutes=150)  # summer, +03:00
    cancelled = add_meeting(ops, design, "2027-08-03T17:30")
    mt.set_status(ops, cancelled, "cancelled")
    out = tmp_path / "all.ics"
    from kehila_desktop.core.meetings.calendar_ics import write_ics

    assert write_ics(ops.conn, out) == 3
    cal = icalendar.Calendar.from_ical(out.read_bytes())
    assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == ["Asia/Jerusalem"]
    events = sorted(cal.walk("VEVENT"), key=lambda e: e.decoded("dtstart"))
    starts = [e.decoded("dtstart") for e in events]
    assert starts[0] == datetime(2027, 1, 4, 10, 0, tzinfo=ZoneInfo("Asia/Jerusalem"))
    assert starts[0].utcoffset() == timedelta(hours=2)
    assert starts[1].astimezone(ZoneInfo("UTC")).hour == 14  # 17:30 IDT = 14:30 UTC
    assert events[1].decoded("dtend") - starts[1] == timedelta(minutes=150)
    assert str(events[0]["summary"]) == "ועדת היגוי"
    assert str(events[2]["status"]) == "CANCELLED"
    assert b"DTSTART;TZID=Asia/Jerusalem:20270104T100000" in out.read_bytes()


def test_calendar_command_one_body(ops, tmp_path, capsys):
    steering = body_id(ops, "steering")
    add_meeting(ops, steering, "2027-01-04T10:00")
    add_meeting(ops, body_id(ops, "design"), "2027-01-05T17:30")
    path = ops.pf.path
    out = tmp_path / "steering.ics"
    assert main(["calendar", str(path), str(out), "--body", steering]) == 0
    cal = icalendar.Calendar.from_ical(out.read_bytes())
    assert len(cal.walk("VEVENT")) == 1
    assert main(["calendar", str(path), str(tmp_path / "x.ics"), "--body", "nobody"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "nobody" in err
    assert not (tmp_path / "x.ics").exists()


def test_design_committee_must_meet_every_month_of_year_one(ops, monkeypatch):
    monkeypatch.setattr(rules, "today", lambda: date(2027, 6, 20))
    set_start(ops, "2027-01-01")
    design = body_id(ops, "design")
    for month in (1, 2, 3, 5):  # April was skipped; June is not over yet
        add_meeting(ops, design, f"2027-0{month}-05T17:30", status="held")
    found = [f for f in _codes(ops.conn, "meetings.cadence_not_kept") if f.target[2] == design]
    assert len(found) == 1 and found[0].details["missed"] == ["2027-04-01"]
    assert "in 1 of its last 5 periods" in found[0].message
    # In year two a quarter is enough: one meeting in Jan–Mar 2028 keeps the cadence.
    monkeypatch.setattr(rules, "today", lambda: date(2028, 5, 10))  # April 2027: > a year ago
    for month in range(6, 13):
        add_meeting(ops, design, f"2027-{month:02d}-07T17:30", status="held")
    add_meeting(ops, design, "2028-02-01T17:30", status="held")
    assert not [f for f in _codes(ops.conn, "meetings.cadence_not_kept") if f.target[2] == design]


def test_a_killed_process_keeps_every_committed_tap(new_file):
    """In-room taps are committed one by one: killing the process loses none of them."""
    import subprocess
    import sys
    import textwrap

    from kehila_desktop.core.file.programfile import open_program

    from .gui_helpers import build_small_program

    ids = build_small_program(new_file)
    script = textwrap.dedent(f"""
        import os, signal
        from kehila_desktop.core.meetings import records as mt
        from kehila_desktop.core.history.operations import Operations
        from kehila_desktop.core.file.programfile import open_program
        ops = Operations(open_program({str(new_file)!r}))
        for pid in {ids["people"][:3]!r}:
            mt.check_in(ops, {ids["meeting"]!r}, pid)
        mt.add_guest(ops, {ids["meeting"]!r}, "אורחת")
        os.kill(os.getpid(), signal.SIGKILL)
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60)
    assert done.returncode == -9
    with open_program(new_file) as pf:
        marks = mt.attendance_of(pf.conn, ids["meeting"])
        assert marks == dict.fromkeys(ids["people"][:3], "present")
        assert [g for _i, g in mt.guests_of(pf.conn, ids["meeting"])] == ["אורחת"]
