"""Budgets and approval of the work plan.

Budget totals per channel, per year (an action's budget spread evenly over its quarters, in
whole shekels that add up), per source and per owner, and the part approved by a steering
decision against the part still waiting.

Approval: a steering decision of kind ``work_plan`` is linked to a channel by a
``plan_approval`` row that holds a JSON snapshot of the channel's plan as it was approved.
Comparing the current plan with the latest snapshot tells, item by item, what was added,
changed or removed since (``changes_since_approval``). Reordering siblings is not a change;
moving an item to another parent is.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from kehila_desktop.core.errors import InvalidEdit
from kehila_desktop.core.i18n import format_date, tr
from kehila_desktop.core.history.operations import Operations
from kehila_desktop.core.structure.queries import is_meeting_of, live_body_id
from kehila_desktop.core.workplan.plans import (
    CHANNEL_TEXTS,
    ChannelPlan,
    quarters_between,
    read_plans,
)

SNAPSHOT_FIELDS = {
    "section": ("title", "text", "figure"),
    "goal": ("title", "description", "recommended_by_body_id", "adopted"),
    "objective": ("goal_id", "title", "indicator", "baseline", "target", "target_date"),
    "action": (
        "objective_id",
        "title",
        "owner_body_id",
        "owner_person_id",
        "start_quarter",
        "end_quarter",
        "budget",
        "budget_source",
        "status",
        "area_ids",
    ),
}


# --- snapshots and approval --------------------------------------------------------------
def snapshot(plan: ChannelPlan) -> dict:
    """The plan of one channel as plain data, flat by item id (what an approval keeps)."""
    items: dict[str, dict] = {"channel": {k: getattr(plan, k) for k in CHANNEL_TEXTS}}
    for s in plan.sections:
        items[s.id] = {"kind": "section", **{k: getattr(s, k) for k in SNAPSHOT_FIELDS["section"]}}
    for g in plan.goals:
        items[g.id] = {"kind": "goal", **{k: getattr(g, k) for k in SNAPSHOT_FIELDS["goal"]}}
        for o in g.objectives:
            items[o.id] = {
                "kind": "objective",
                **{k: getattr(o, k) for k in SNAPSHOT_FIELDS["objective"]},
            }
            for a in o.actions:
                values = {k: getattr(a, k) for k in SNAPSHOT_FIELDS["action"]}
                values["area_ids"] = sorted(a.area_ids)
                items[a.id] = {"kind": "action", **values}
    return {"channel_id": plan.id, "channel_key": plan.key, "items": items}


@dataclass
class Approval:
    id: str
    decision_id: str
    approved_at: str
    decision_text: str
    meeting_date: str
    snapshot: dict


def latest_approval(conn: sqlite3.Connection, channel_id: str) -> Approval | None:
    row = conn.execute(
        "SELECT pa.id, pa.decision_id, pa.approved_at, coalesce(d.text, ''), "
        "coalesce(substr(m.starts_at, 1, 10), ''), pa.snapshot FROM live_plan_approval pa "
        "JOIN live_decision d ON d.id=pa.decision_id "
        "LEFT JOIN meeting m ON m.id=d.meeting_id "
        "WHERE pa.channel_id=? ORDER BY pa.approved_at DESC, pa.rowid DESC "
        "LIMIT 1",
        (channel_id,),
    ).fetchone()
    if row is None:
        return None
    try:
        snap = json.loads(row[5] or "{}")
    except ValueError:
        snap = {}
    return Approval(row[0], row[1], row[2], row[3], row[4], snap if isinstance(snap, dict) else {})


def steering_meetings(conn: sqlite3.Connection) -> list[tuple[str, str, str]]:
    """(id, date, status) of the steering committee's meetings (``live_body_id``: not a
    deleted one's, not a second one's), latest first."""
    return conn.execute(
        "SELECT id, substr(starts_at, 1, 10), status FROM live_meeting WHERE body_id=? "
        "AND status != 'cancelled' ORDER BY starts_at DESC",
        (live_body_id(conn, "steering") or "",),
    ).fetchall()


def open_plan_decisions(conn: sqlite3.Connection) -> list[tuple[str, str, str]]:
    """(id, meeting date, text) of the steering committee's decisions of kind ``work_plan``
    that approve no plan yet (recorded in the meeting, to be linked to the plan they
    approved)."""
    return conn.execute(
        "SELECT d.id, substr(m.starts_at, 1, 10), d.text FROM live_decision d "
        "JOIN live_meeting m ON m.id=d.meeting_id "
        "WHERE m.body_id=? AND d.kind='work_plan' "
        "AND NOT EXISTS (SELECT 1 FROM live_plan_approval pa WHERE pa.decision_id=d.id) "
        "ORDER BY m.starts_at DESC, d.position",
        (live_body_id(conn, "steering") or "",),
    ).fetchall()


def approve_plan(
    ops: Operations,
    channel_id: str,
    *,
    meeting_id: str | None = None,
    decision_id: str | None = None,
    text: str | None = None,
    when: str | None = None,
    outcome: str | None = None,
    votes: tuple[int, int, int] = (0, 0, 0),
) -> str:
    """Approve the channel's plan as it is now, through a steering decision; one undo step.

    Uses ``decision_id`` (an existing decision, made kind ``work_plan``) or records a new
    decision (with ``outcome`` and ``votes``, checked as every decision is) in the steering
    meeting ``meeting_id`` (default: the latest one that has taken place; a held steering
    meeting is added on ``when`` (today) when there is none). The approval is dated by its
    meeting; a meeting that has not happened yet is refused. Returns the plan_approval id.
    """
    conn = ops.conn
    found = read_plans(conn, channel_id)
    if not found:
        raise InvalidEdit("There is no such channel.")
    plan = found[0]
    from kehila_desktop.core.i18n import definite

    channel_name = definite("CHANNELS", plan.key)
    today = when or date.today().isoformat()
    real_today = date.today().isoformat()
    created = False  # a meeting added here, on ``when``
    with ops.step(tr("approve the {channel} work plan", channel=channel_name)):
        if decision_id is None:
            if meeting_id is None:
                meetings = [m for m in steering_meetings(conn) if m[1] <= max(today, real_today)]
                if meetings:
                    meeting_id = meetings[0][0]
                else:
                    steering = live_body_id(conn, "steering")
                    if steering is None:
                        raise InvalidEdit("The program has no steering committee.")
                    meeting_id = ops.insert(
                        "meeting",
                        {"body_id": steering, "starts_at": today + "T10:00", "status": "held"},
                    )
                    created = True
            elif not is_meeting_of(conn, meeting_id, "steering"):
                raise InvalidEdit("A work plan is approved in a steering committee meeting.")
            held_on = conn.execute(
                "SELECT substr(starts_at, 1, 10) FROM meeting WHERE id=?", (meeting_id,)
            ).fetchone()[0]
            if held_on > real_today and not created:
                raise InvalidEdit(
                    "The steering meeting of {date} has not taken place yet; a "
                    "plan is approved at a meeting that has.",
                    date=format_date(held_on),
                )
            if outcome is not None and outcome not in ("passed_vote", "passed_consensus"):
                raise InvalidEdit("A work plan is approved only by a decision that passed.")
            from kehila_desktop.core.meetings.records import record_decision

            decision_id = record_decision(
                ops,
                meeting_id,
                text or tr("The {channel} work plan is approved.", channel=channel_name),
                "work_plan",
                votes=votes,
                outcome=outcome or None,
                payload={"channel": plan.key},
            )
            if ops.conn.execute(
                "SELECT outcome FROM decision WHERE id=?", (decision_id,)
            ).fetchone()[0] not in ("passed_vote", "passed_consensus"):
                raise InvalidEdit("A work plan is approved only by a decision that passed.")
            today = held_on or today
        else:
            found_decision = conn.execute(
                "SELECT meeting_id FROM live_decision WHERE id=?", (decision_id,)
            ).fetchone()
            if found_decision is None:
                raise InvalidEdit("That decision does not exist.")
            if not is_meeting_of(conn, found_decision[0], "steering"):
                raise InvalidEdit("A work plan is approved in a steering committee meeting.")
            ops.update("decision", decision_id, {"kind": "work_plan"})
            held_on = conn.execute(
                "SELECT substr(m.starts_at, 1, 10) FROM decision d JOIN "
                "meeting m ON m.id=d.meeting_id WHERE d.id=?",
                (decision_id,),
            ).fetchone()
            today = held_on[0] if held_on and held_on[0] else today
        return ops.insert(
            "plan_approval",
            {
                "decision_id": decision_id,
                "channel_id": channel_id,
                "approved_at": today,
                "snapshot": json.dumps(snapshot(plan), ensure_ascii=False),
            },
        )


def changes_since_approval(plan: ChannelPlan, approval: Approval | None) -> dict[str, str]:
    """Item id → "added" / "changed" / "removed" since the approval ("channel" for its texts).

    Empty when nothing changed; every item is "added" when there is no approval."""
    now = snapshot(plan)["items"]
    before = (approval.snapshot.get("items") if approval else None) or {}
    out: dict[str, str] = {}
    for item_id, values in now.items():
        if item_id not in before:
            if item_id != "channel" or any(values.values()):
                out[item_id] = "added"
        elif before[item_id] != values:
            out[item_id] = "changed"
    for item_id in before:
        if item_id not in now:
            out[item_id] = "removed"
    return out


def approval_status(plan: ChannelPlan, approval: Approval | None) -> str:
    """ "none" (never approved), "approved" (as it is now) or "changed" (since approval)."""
    if approval is None:
        return "none"
    return "changed" if changes_since_approval(plan, approval) else "approved"


# --- budget ------------------------------------------------------------------------------
def spread(amount: int, quarters: Sequence[str]) -> dict[str, int]:
    """Split whole shekels evenly over quarters; the first quarters take the remainder."""
    if not quarters:
        return {"": amount}
    share, rest = divmod(amount, len(quarters))
    return {q: share + (1 if i < rest else 0) for i, q in enumerate(quarters)}


@dataclass
class BudgetTotals:
    total: int = 0
    approved: int = 0
    per_channel: dict[str, int] = field(default_factory=dict)
    approved_per_channel: dict[str, int] = field(default_factory=dict)
    per_year: dict[str, int] = field(default_factory=dict)  # "" = no quarters given
    per_source: dict[str, int] = field(default_factory=dict)  # "" = no source given
    per_owner: dict[str, int] = field(default_factory=dict)  # owner name; "" = no owner

    @property
    def waiting(self) -> int:
        return self.total - self.approved


def budget_totals(conn: sqlite3.Connection, plans: list[ChannelPlan] | None = None) -> BudgetTotals:
    """Budget totals of the given plans (default: every channel's).

    The approved part of an action is its budget in the latest approved snapshot of its
    channel, up to its budget now; the rest is waiting for approval.
    """
    plans = read_plans(conn) if plans is None else plans
    out = BudgetTotals()
    years: dict[str, int] = defaultdict(int)
    sources: dict[str, int] = defaultdict(int)
    owners: dict[str, int] = defaultdict(int)
    for plan in plans:
        approval = latest_approval(conn, plan.id)
        approved_items = (approval.snapshot.get("items") or {}) if approval else {}
        channel_total = channel_approved = 0
        for action in plan.actions():
            channel_total += action.budget
            before = approved_items.get(action.id)
            if before and before.get("kind") == "action":
                channel_approved += min(action.budget, int(before.get("budget") or 0))
            for quarter, amount in spread(
                action.budget, quarters_between(action.start_quarter, action.end_quarter)
            ).items():
                years[quarter[:4]] += amount
            sources[action.budget_source.strip()] += action.budget
            owners[action.owner_name] += action.budget
        out.per_channel[plan.key] = channel_total
        out.approved_per_channel[plan.key] = channel_approved
        out.total += channel_total
        out.approved += channel_approved
    out.per_year = dict(sorted(years.items(), key=lambda kv: (kv[0] == "", kv[0])))
    out.per_source = dict(sorted(sources.items(), key=lambda kv: (-kv[1], kv[0])))
    out.per_owner = dict(sorted(owners.items(), key=lambda kv: (-kv[1], kv[0])))
    return out


def shekels(amount: int) -> str:
    """An amount as people read it: "₪ 12,500"."""
    return f"₪ {amount:,}"
