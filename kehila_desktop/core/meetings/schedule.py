"""Meeting schedules from a body's cadence: a plan first (what would be added, kept, moved,
removed and why), then applied as one Operations step.

Cadences (``enums.CADENCES``): ``quarterly`` (steering), ``monthly_then_quarterly`` (design
committee: monthly in the program's first year, quarterly after), ``monthly``, ``biweekly``,
``weekly``. Month-based cadences are counted from the program's start month; each slot takes
the first preferred weekday on or after the slot's first day. A slot that falls on a Friday, a
Saturday, an Israeli public holiday (the maintained ``holidays`` package) or, for meetings
from 13:00, a holiday eve, moves to the next free day; the meeting's ``schedule_note`` says
why (a sentence in the program's language).

The program team also has trainings and team days (``kind`` "training" / "team_day"), each with
its own cadence on the body (``training_cadence``, ``team_day_cadence``; "" = none): a
training takes ``TRAINING_MINUTES`` from ``TRAINING_HOUR``, a team day ``TEAM_DAY_MINUTES``
from ``TEAM_DAY_HOUR``, two and three days after the body's usual day (clear of its regular
meetings). Each kind is planned apart: regular meetings neither cover nor remove
trainings, and the other way round.

Regenerating never touches meetings that were held, cancelled, edited by hand or given an
agenda, attendance or decisions: they cover their slot. Untouched planned meetings that no
longer fit the rule are tombstoned; missing slots are added.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from kehila_desktop.core.errors import InvalidEdit
from kehila_desktop.core.i18n import format_date, join_list, tr
from kehila_desktop.core.history.operations import Operations

# Trainings and team days keep clear of the team's regular meetings: two and three days after
# its usual day (an afternoon training, a team day from the morning).
TRAINING_MINUTES = 180  # a training: an afternoon
TRAINING_HOUR = "13:00"
TRAINING_DAY_OFFSET = 2
TEAM_DAY_MINUTES = 360  # a team day: a working day
TEAM_DAY_HOUR = "09:00"
TEAM_DAY_OFFSET = 3
EVE_FROM_HOUR = 13  # a meeting starting at or after this hour avoids holiday eves
MAX_SHIFT_DAYS = 14


@dataclass
class Slot:
    """One meeting the rule asks for: its window, its date after moving, and what happens."""

    window_start: date
    window_end: date  # exclusive
    nominal: date  # the date the rule gives
    day: date  # the date after avoiding weekends and holidays
    starts_at: str  # "YYYY-MM-DDTHH:MM"
    minutes: int
    note: str = ""  # why it moved ("" when it did not)
    action: str = "add"  # add | keep (same untouched meeting exists) | covered (a kept one)
    meeting_id: str | None = None

    @property
    def moved(self) -> bool:
        return self.day != self.nominal


@dataclass
class SchedulePlan:
    body_id: str
    start: date
    end: date
    slots: list[Slot] = field(default_factory=list)
    remove: list[tuple[str, str]] = field(default_factory=list)  # (meeting id, starts_at)
    kind: str = "regular"  # enums.MEETING_KINDS: what the plan's meetings are

    @property
    def to_add(self) -> list[Slot]:
        return [s for s in self.slots if s.action == "add"]


@lru_cache(maxsize=64)
def _holidays(year: int) -> dict[date, str]:
    import holidays

    return dict(holidays.Israel(years=year, language="en_US").items())


def holiday_name(day: date) -> str | None:
    """The English name of the Israeli public holiday on ``day`` (None if none)."""
    return _holidays(day.year).get(day)


def _obstacle(day: date, hour: int, language: str | None) -> str | None:
    """Why a meeting cannot be on ``day`` (a translated phrase), or None."""
    if day.weekday() == 4:
        return tr("Friday", language)
    if day.weekday() == 5:
        return tr("Saturday", language)
    name = holiday_name(day)
    if name:
        return tr(name, language)
    if hour >= EVE_FROM_HOUR:
        eve = holiday_name(day + timedelta(days=1))
        if eve:
            return tr("the eve of {holiday}", language, holiday=tr(eve, language))
    return None


def place_on_free_day(nominal: date, hour: int, language: str | None = None) -> tuple[date, str]:
    """The first day on or after ``nominal`` with no obstacle, and the note saying why it moved."""
    day = nominal
    reasons: list[str] = []
    for _ in range(MAX_SHIFT_DAYS):
        reason = _obstacle(day, hour, language)
        if reason is None:
            break
        if reason not in reasons:
            reasons.append(reason)
        day += timedelta(days=1)
    if day == nominal:
        return day, ""
    return day, tr(
        "Moved from {date} because of {reason}.",
        language,
        date=format_date(nominal.isoformat()),
        reason=join_list(reasons, language),
    )


def _add_months(d: date, months: int) -> date:
    month0 = d.month - 1 + months
    return date(d.year + month0 // 12, month0 % 12 + 1, 1)


def _on_weekday(d: date, weekday: int) -> date:
    return d + timedelta(days=(weekday - d.weekday()) % 7)


def rule_windows(cadence: str, anchor: date, start: date, end: date) -> list[tuple[date, date]]:
    """The windows [from, to) the cadence asks one meeting in, overlapping [start, end]."""
    windows: list[tuple[date, date]] = []
    if cadence in ("weekly", "biweekly"):
        step = timedelta(days=7 if cadence == "weekly" else 14)
        w = anchor
        if w < start:  # keep the rhythm anchored at the program start
            w += step * ((start - w).days // step.days)
        while w <= end:
            windows.append((w, w + step))
            w += step
        return windows
    first_month = date(anchor.year, anchor.month, 1)
    n = 0
    while True:
        if cadence == "monthly":
            span = 1
        elif cadence == "quarterly":
            span = 3
        elif cadence == "monthly_then_quarterly":
            span = 1 if n < 12 else 3
        else:
            raise InvalidEdit("Unknown cadence {cadence}.", cadence=cadence)
        w0, w1 = _add_months(first_month, n), _add_months(first_month, n + span)
        if w0 > end:
            break
        if w1 > start:
            windows.append((w0, w1))
        n += span
    return windows


def _program_start(conn) -> date | None:
    row = conn.execute("SELECT start_date FROM live_program").fetchone()
    try:
        return date.fromisoformat(row[0]) if row and row[0] else None
    except ValueError:
        return None


def _language(conn) -> str:
    row = conn.execute("SELECT language FROM live_program").fetchone()
    return row[0] if row and row[0] else "he"


def protected_meetings(conn, body_id: str) -> set[str]:
    """Meetings of the body that regenerating must not touch (held, cancelled, edited, used)."""
    rows = conn.execute(
        "SELECT m.id FROM live_meeting m WHERE m.body_id=? AND ("
        " m.status!='planned'"
        " OR m.id IN (SELECT c.row FROM change c JOIN history_name t ON t.n=c.tbl"
        "             JOIN history_name f ON f.n=c.field"
        "             WHERE t.text='meeting' AND f.text!='deleted')"
        " OR EXISTS(SELECT 1 FROM live_agenda_item a WHERE a.meeting_id=m.id )"
        " OR EXISTS(SELECT 1 FROM live_attendance t WHERE t.meeting_id=m.id )"
        " OR EXISTS(SELECT 1 FROM live_decision d WHERE d.meeting_id=m.id ))",
        (body_id,),
    ).fetchall()
    return {r[0] for r in rows}


def plan_schedule(
    conn,
    body_id: str,
    start: date,
    end: date,
    *,
    anchor: date | None = None,
    language: str | None = None,
    kind: str = "regular",
) -> SchedulePlan:
    """What generating ``body_id``'s meetings of ``kind`` (regular, training, team_day) from
    ``start`` to ``end`` (inclusive) would do."""
    body = conn.execute(
        "SELECT cadence, meeting_minutes, preferred_weekday, preferred_hour, training_cadence, "
        "team_day_cadence FROM live_body WHERE id=?",
        (body_id,),
    ).fetchone()
    if body is None:
        raise InvalidEdit("The {table} row {row} does not exist.", table="body", row=body_id)
    if end < start:
        raise InvalidEdit("The period ends before it starts.")
    cadence, minutes, weekday, hour_text, training_cadence, team_day_cadence = body
    if kind == "training":
        cadence, minutes, hour_text = training_cadence, TRAINING_MINUTES, TRAINING_HOUR
        weekday = (int(weekday or 0) + TRAINING_DAY_OFFSET) % 7
    elif kind == "team_day":
        cadence, minutes, hour_text = team_day_cadence, TEAM_DAY_MINUTES, TEAM_DAY_HOUR
        weekday = (int(weekday or 0) + TEAM_DAY_OFFSET) % 7
    elif kind != "regular":
        raise InvalidEdit("Unknown meeting kind {kind}.", kind=kind)
    language = language or _language(conn)
    anchor = anchor or _program_start(conn) or start
    try:
        hour = int(hour_text.split(":")[0])
    except (ValueError, AttributeError):
        hour, hour_text = 17, "17:00"
    plan = SchedulePlan(body_id, start, end, kind=kind)
    windows = rule_windows(cadence, anchor, start, end) if cadence else []  # "": none
    lo = min([w0 for w0, _ in windows] + [start]).isoformat()
    hi = max([w1 for _, w1 in windows] + [end]).isoformat()
    existing = conn.execute(
        "SELECT id, starts_at FROM live_meeting WHERE body_id=? AND kind=? AND "
        "substr(starts_at,1,10) BETWEEN ? AND ? ORDER BY starts_at",
        (body_id, kind, lo, hi),
    ).fetchall()
    protected = protected_meetings(conn, body_id)
    first, last = start.isoformat(), end.isoformat()
    untouched: dict[str, str] = {}  # starts_at -> id, inside the period: may be kept or removed
    covering: list[tuple[date, str]] = []  # meetings that fill their window whatever happens
    for mid, starts_at in existing:
        if mid not in protected and first <= starts_at[:10] <= last:
            untouched[starts_at] = mid
        else:
            covering.append((date.fromisoformat(starts_at[:10]), mid))
    used: set[str] = set()
    for w0, w1 in windows:
        nominal = _on_weekday(max(w0, start), weekday)
        if nominal >= w1 or nominal > end:
            continue
        day, note = place_on_free_day(nominal, hour, language)
        slot = Slot(w0, w1, nominal, day, f"{day.isoformat()}T{hour_text}", minutes, note)
        cover = next((mid for d, mid in covering if w0 <= d < w1), None)
        if cover:
            slot.action, slot.meeting_id = "covered", cover
        elif slot.starts_at in untouched:
            slot.action, slot.meeting_id = "keep", untouched[slot.starts_at]
            used.add(slot.meeting_id)
        plan.slots.append(slot)
    plan.remove = [(mid, s) for s, mid in untouched.items() if mid not in used]
    return plan


def apply_schedule(ops: Operations, plan: SchedulePlan, *, label: str | None = None) -> list[str]:
    """Carry out a plan as one undo step; returns the ids of the meetings added."""
    added: list[str] = []
    with ops.step(label or tr("generate meetings")):
        for meeting_id, _ in plan.remove:
            ops.delete("meeting", meeting_id)
        for slot in plan.to_add:
            added.append(
                ops.insert(
                    "meeting",
                    {
                        "body_id": plan.body_id,
                        "kind": plan.kind,
                        "starts_at": slot.starts_at,
                        "minutes": slot.minutes,
                        "status": "planned",
                        "schedule_note": slot.note,
                    },
                )
            )
    return added


def generate(ops: Operations, body_id: str, start: date, end: date, **kw) -> SchedulePlan:
    """Plan and apply at once (for the CLI and tests)."""
    plan = plan_schedule(ops.conn, body_id, start, end, **kw)
    apply_schedule(ops, plan)
    return plan
