"""Small plans built through the operations layer, shared by the work-plan tests."""

from __future__ import annotations

from kehila_desktop.core.workplan import plans as wp
from kehila_desktop.core.structure.edits import set_chosen_channels


def channel_id(ops, key="social"):
    return ops.conn.execute("SELECT id FROM channel WHERE key=?", (key,)).fetchone()[0]


def small_plan(ops, key="social"):
    """A chosen channel with one goal, one objective and two actions; returns their ids."""
    set_chosen_channels(ops, [key])
    cid = channel_id(ops, key)
    team = ops.conn.execute(
        "SELECT id FROM body WHERE kind='work_team' AND channel_key=?", (key,)
    ).fetchone()[0]
    goal = wp.add_item(ops, "goal", cid, {"title": "חוסן קהילתי", "recommended_by_body_id": team})
    objective = wp.add_item(
        ops,
        "objective",
        goal,
        {
            "title": "מתנדבים בכל שכונה",
            "indicator": "מספר מתנדבים",
            "baseline": "40",
            "target": "120",
        },
    )
    first = wp.add_item(
        ops,
        "action",
        objective,
        {
            "title": "סדנת הכשרה",
            "owner_body_id": team,
            "start_quarter": "2027Q1",
            "end_quarter": "2027Q2",
            "budget": 10000,
            "budget_source": "הרשות",
        },
    )
    second = wp.add_item(
        ops,
        "action",
        objective,
        {
            "title": "יום התנדבות",
            "owner_body_id": team,
            "start_quarter": "2027Q4",
            "end_quarter": "2028Q1",
            "budget": 5001,
            "budget_source": "משרד הרווחה",
        },
    )
    return cid, goal, objective, first, second
