"""Program-health rules for the work plan (see ``core.health``).

For each chosen channel: a situation picture, goals, an indicator for every objective, an
owner and a budget for every action, a plan approved by the steering committee, and no
change since that approval went unapproved.
"""

from __future__ import annotations

import sqlite3

from kehila_desktop.core.health import Finding
from kehila_desktop.core.i18n import definite, tr
from kehila_desktop.core.workplan.plans import ChannelPlan, read_plans
from kehila_desktop.core.workplan.budget import approval_status, latest_approval


def _chosen(conn: sqlite3.Connection) -> list[ChannelPlan]:
    """The chosen channels' plans, read once per state of the file (the five rules share
    them; one tuple replaced whole, as the Overview checks health in a worker thread)."""
    global _cache
    state = (conn.total_changes, conn.execute("PRAGMA data_version").fetchone()[0])
    cached = _cache
    if cached is not None and cached[0] is conn and cached[1] == state:
        return cached[2]
    value = [p for p in read_plans(conn) if p.chosen]
    _cache = (conn, state, value)
    return value


_cache: tuple | None = None


def no_situation_picture(conn, language=None) -> list[Finding]:
    out = []
    for plan in _chosen(conn):
        if not plan.situation_picture.strip() and not plan.sections:
            out.append(
                Finding(
                    "plan.no_situation_picture",
                    "warning",
                    tr(
                        "The {channel} channel has no situation picture yet.",
                        language,
                        channel=definite("CHANNELS", plan.key, language),
                    ),
                    ("workplan", "channel", plan.id),
                )
            )
    return out


def no_goals(conn, language=None) -> list[Finding]:
    out = []
    for plan in _chosen(conn):
        if not plan.goals:
            out.append(
                Finding(
                    "plan.no_goals",
                    "warning",
                    tr(
                        "The {channel} channel has no goals in its work plan.",
                        language,
                        channel=definite("CHANNELS", plan.key, language),
                    ),
                    ("workplan", "channel", plan.id),
                )
            )
    return out


def objective_without_indicator(conn, language=None) -> list[Finding]:
    out = []
    for plan in _chosen(conn):
        for goal in plan.goals:
            for objective in goal.objectives:
                if not objective.indicator.strip():
                    out.append(
                        Finding(
                            "plan.objective_without_indicator",
                            "advice",
                            tr(
                                "The objective \u201c{title}\u201d has no indicator.",
                                language,
                                title=objective.title or tr("untitled", language),
                            ),
                            ("workplan", "objective", objective.id),
                        )
                    )
    return out


def action_without_owner_or_budget(conn, language=None) -> list[Finding]:
    out = []
    for plan in _chosen(conn):
        for action in plan.actions():
            title = action.title or tr("untitled", language)
            if not action.owner_name:
                out.append(
                    Finding(
                        "plan.action_without_owner",
                        "warning",
                        tr("The action \u201c{title}\u201d has no owner.", language, title=title),
                        ("workplan", "action", action.id),
                    )
                )
            if action.budget <= 0:
                out.append(
                    Finding(
                        "plan.action_without_budget",
                        "advice",
                        tr("The action \u201c{title}\u201d has no budget.", language, title=title),
                        ("workplan", "action", action.id),
                    )
                )
    return out


def approval(conn, language=None) -> list[Finding]:
    out = []
    for plan in _chosen(conn):
        if not plan.goals:
            continue  # no_goals says it already
        status = approval_status(plan, latest_approval(conn, plan.id))
        channel = definite("CHANNELS", plan.key, language)
        if status == "none":
            out.append(
                Finding(
                    "plan.not_approved",
                    "warning",
                    tr(
                        "The {channel} work plan has not been approved by the steering committee.",
                        language,
                        channel=channel,
                    ),
                    ("workplan", "channel", plan.id),
                )
            )
        elif status == "changed":
            out.append(
                Finding(
                    "plan.changed_after_approval",
                    "advice",
                    tr(
                        "The {channel} work plan changed after the steering committee approved it.",
                        language,
                        channel=channel,
                    ),
                    ("workplan", "channel", plan.id),
                )
            )
    return out


RULES = [
    no_situation_picture,
    no_goals,
    objective_without_indicator,
    action_without_owner_or_budget,
    approval,
]
