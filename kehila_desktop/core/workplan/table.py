"""The plan as rows and columns: the one definition of what the work-plan tree shows and
what the ``.xlsx`` export writes, so both hold exactly the same texts.

``plan_rows(plan, changes)`` yields one ``PlanRow`` per goal, objective and action, in tree
order; ``cells`` follow ``COLUMNS``. Budgets are whole shekels (int), everything else text.
"""

from __future__ import annotations

from dataclasses import dataclass
from collections.abc import Iterator

from kehila_desktop.core.enums import ACTION_STATUSES
from kehila_desktop.core.i18n import join_list, label, tr
from kehila_desktop.core.workplan.plans import ChannelPlan, quarter_label

# column key -> English message id of its header
COLUMNS = {
    "title": "Item",
    "owner": "Owner / recommended by",
    "indicator": "Indicator",
    "baseline": "Baseline",
    "target": "Target",
    "target_date": "Target date",
    "areas": "Focus areas",
    "start": "Start quarter",
    "end": "End quarter",
    "budget": "Budget (₪)",
    "source": "Budget source",
    "status": "Status",
    "since_approval": "Since approval",
}
COLUMN_KEYS = list(COLUMNS)
LEVELS = {"goal": "goal", "objective": "objective", "action": "action"}
CHANGE_WORDS = {"added": "added since approval", "changed": "changed since approval"}


@dataclass
class PlanRow:
    kind: str  # goal / objective / action
    depth: int  # 0 goal, 1 objective, 2 action
    item_id: str
    cells: list  # one value per COLUMNS entry


def header(language: str | None = None) -> list[str]:
    return [tr(text, language) for text in COLUMNS.values()]


def level_name(kind: str, language: str | None = None) -> str:
    return tr(LEVELS[kind], language)


def change_word(item_id: str, changes: dict[str, str] | None, language: str | None = None) -> str:
    if not changes:
        return ""
    word = CHANGE_WORDS.get(changes.get(item_id, ""))
    return tr(word, language) if word else ""


def plan_rows(
    plan: ChannelPlan, changes: dict[str, str] | None = None, language: str | None = None
) -> Iterator[PlanRow]:
    """Goals, objectives and actions of one channel in tree order, as table rows.

    ``changes`` is ``changes_since_approval`` (or None when the plan was never approved:
    then nothing is marked)."""
    statuses = {key: label("ACTION_STATUSES", key, language) for key in ACTION_STATUSES}
    for goal in plan.goals:
        yield PlanRow(
            "goal",
            0,
            goal.id,
            [
                goal.title,
                goal.recommended_by_name,
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                None,
                "",
                tr("adopted" if goal.adopted else "recommended", language),
                change_word(goal.id, changes, language),
            ],
        )
        for objective in goal.objectives:
            yield PlanRow(
                "objective",
                1,
                objective.id,
                [
                    objective.title,
                    "",
                    objective.indicator,
                    objective.baseline,
                    objective.target,
                    objective.target_date or "",
                    "",
                    "",
                    "",
                    None,
                    "",
                    "",
                    change_word(objective.id, changes, language),
                ],
            )
            for action in objective.actions:
                yield PlanRow(
                    "action",
                    2,
                    action.id,
                    [
                        action.title,
                        action.owner_name,
                        "",
                        "",
                        "",
                        "",
                        join_list(action.area_names, language),
                        quarter_label(action.start_quarter, language),
                        quarter_label(action.end_quarter, language),
                        action.budget,
                        action.budget_source,
                        statuses.get(action.status)
                        or label("ACTION_STATUSES", action.status, language),
                        change_word(action.id, changes, language),
                    ],
                )
