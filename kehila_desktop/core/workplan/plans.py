"""The work plan of each channel: reading the plan tree and editing it.

The tree of a channel is its situation picture (free text plus sections with a key figure),
its problem and solution space, then goals → objectives → actions. Reading costs a handful of
queries whatever the size of the plan (``read_plans``). Every edit here is one Operations step
(one undo step): adding, changing, deleting (with the items below it), moving within and
across parents, duplicating an action, setting an action's focus areas. Siblings are ordered
by a float ``position``; an item moved or inserted between two neighbours takes the middle
value, and the siblings are renumbered only when the gap runs out.

Budgets and approval are in ``core.workplan_budget``.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field
from functools import lru_cache

from kehila_desktop.core import enums
from kehila_desktop.core.errors import InvalidEdit
from kehila_desktop.core.i18n import tr
from kehila_desktop.core.history.operations import Operations

# kind -> (table, parent field)
KINDS = {
    "section": ("situation_section", "channel_id"),
    "goal": ("goal", "channel_id"),
    "objective": ("objective", "goal_id"),
    "action": ("action", "objective_id"),
}
CHILD_KIND = {"goal": "objective", "objective": "action"}
CHANNEL_TEXTS = ("situation_picture", "problem_space", "solution_space")
QUARTER = re.compile(r"^(\d{4})Q([1-4])$")
MIN_GAP = 1e-6


@dataclass
class Action:
    id: str
    objective_id: str
    position: float
    title: str
    owner_body_id: str | None
    owner_person_id: str | None
    owner_name: str
    start_quarter: str
    end_quarter: str
    budget: int
    budget_source: str
    status: str
    area_ids: list[str] = field(default_factory=list)
    area_names: list[str] = field(default_factory=list)

    kind = "action"


@dataclass
class Objective:
    id: str
    goal_id: str
    position: float
    title: str
    indicator: str
    baseline: str
    target: str
    target_date: str | None
    actions: list[Action] = field(default_factory=list)

    kind = "objective"


@dataclass
class Goal:
    id: str
    channel_id: str
    position: float
    title: str
    description: str
    recommended_by_body_id: str | None
    recommended_by_name: str
    adopted: bool
    adopted_decision_id: str | None
    objectives: list[Objective] = field(default_factory=list)

    kind = "goal"


@dataclass
class Section:
    id: str
    channel_id: str
    position: float
    title: str
    text: str
    figure: str

    kind = "section"


@dataclass
class ChannelPlan:
    id: str
    key: str
    chosen: bool
    situation_picture: str
    problem_space: str
    solution_space: str
    sections: list[Section] = field(default_factory=list)
    goals: list[Goal] = field(default_factory=list)

    def actions(self) -> list[Action]:
        return [a for g in self.goals for o in g.objectives for a in o.actions]


# --- reading ---------------------------------------------------------------------------
def channel_rows(conn: sqlite3.Connection) -> list[tuple[str, str, bool]]:
    """(id, key, chosen) of the four channels, in the seed's order."""
    order = {k: i for i, k in enumerate(enums.CHANNELS)}
    rows = conn.execute("SELECT id, key, chosen FROM live_channel").fetchall()
    return sorted(((i, k, bool(c)) for i, k, c in rows), key=lambda r: order.get(r[1], 99))


def read_plans(conn: sqlite3.Connection, channel_id: str | None = None) -> list[ChannelPlan]:
    """The plan of every channel (or of one), in the seed's order, items in their order."""
    plans: dict[str, ChannelPlan] = {}
    for cid, key, chosen in channel_rows(conn):
        if channel_id and cid != channel_id:
            continue
        texts = conn.execute(
            "SELECT situation_picture, problem_space, solution_space FROM channel WHERE id=?",
            (cid,),
        ).fetchone()
        plans[cid] = ChannelPlan(cid, key, chosen, *texts)
    where = "" if channel_id is None else " WHERE channel_id=?"
    args = () if channel_id is None else (channel_id,)
    for row in conn.execute(
        "SELECT id, channel_id, position, title, text, figure FROM live_situation_section"
        f"{where} ORDER BY position, rowid",
        args,
    ):
        if row[1] in plans:
            plans[row[1]].sections.append(Section(*row))
    goals: dict[str, Goal] = {}
    for row in conn.execute(
        "SELECT g.id, g.channel_id, g.position, g.title, g.description, "
        "g.recommended_by_body_id, coalesce(b.name, ''), g.adopted, g.adopted_decision_id "
        "FROM live_goal g LEFT JOIN body b ON b.id=g.recommended_by_body_id"
        f"{where.replace('channel_id', 'g.channel_id')} "
        "ORDER BY g.position, g.rowid",
        args,
    ):
        if row[1] in plans:
            goal = Goal(
                row[0], row[1], row[2], row[3], row[4], row[5], row[6], bool(row[7]), row[8]
            )
            goals[goal.id] = goal
            plans[row[1]].goals.append(goal)
    objectives: dict[str, Objective] = {}
    for row in conn.execute(
        "SELECT id, goal_id, position, title, indicator, baseline, target, target_date "
        "FROM live_objective ORDER BY position, rowid"
    ):
        parent_goal = goals.get(row[1])
        if parent_goal is not None:
            objective = Objective(*row)
            objectives[objective.id] = objective
            parent_goal.objectives.append(objective)
    actions: dict[str, Action] = {}
    for row in conn.execute(
        "SELECT a.id, a.objective_id, a.position, a.title, a.owner_body_id, "
        "a.owner_person_id, coalesce(b.name, p.name, ''), a.start_quarter, a.end_quarter, "
        "a.budget, a.budget_source, a.status FROM live_action a "
        "LEFT JOIN live_body b ON b.id=a.owner_body_id "
        "LEFT JOIN live_person p ON p.id=a.owner_person_id "
        " ORDER BY a.position, a.rowid"
    ):
        parent_objective = objectives.get(row[1])
        if parent_objective is not None:
            action = Action(
                row[0],
                row[1],
                row[2],
                row[3],
                row[4],
                row[5],
                row[6],
                row[7],
                row[8],
                int(row[9] or 0),
                row[10],
                row[11],
            )
            actions[action.id] = action
            parent_objective.actions.append(action)
    for action_id, area_id, name in conn.execute(
        "SELECT aa.action_id, aa.area_id, ar.name FROM live_action_area aa "
        "JOIN live_area ar ON ar.id=aa.area_id "
        " ORDER BY ar.name"
    ):
        area_action = actions.get(action_id)
        if area_action is not None:
            area_action.area_ids.append(area_id)
            area_action.area_names.append(name)
    return list(plans.values())


def read_plan(conn: sqlite3.Connection, channel_id: str) -> ChannelPlan:
    plans = read_plans(conn, channel_id)
    if not plans:
        raise InvalidEdit("There is no such channel.")
    return plans[0]


def quarter_label(code: str | None, language: str | None = None) -> str:
    """A stored quarter ("2027Q1") as people read it: "Q1 2027", "רבעון 1 2027", "الربع 1 2027".
    Anything that is not a quarter code is returned as it is."""
    found = QUARTER.match(code or "")
    if not found:
        return code or ""
    return tr("Q{quarter} {year}", language, quarter=int(found[2]), year=int(found[1]))


def quarter_short(code: str | None, language: str | None = None) -> str:
    """The quarter without its year ("Q1", "רבעון 1"), for headings under a year."""
    found = QUARTER.match(code or "")
    return tr("Q{quarter}", language, quarter=int(found[2])) if found else (code or "")


@lru_cache(maxsize=4096)
def quarters_between(start: str, end: str) -> tuple[str, ...]:
    """Every quarter from ``start`` to ``end`` ("2027Q1" … "2027Q4"); one if ``end`` is empty."""
    a = QUARTER.match(start or "")
    if not a:
        return ()
    b = QUARTER.match(end or "") or a
    y, q = int(a.group(1)), int(a.group(2))
    y2, q2 = int(b.group(1)), int(b.group(2))
    out: list[str] = []
    while (y, q) <= (y2, q2) and len(out) < 400:
        out.append(f"{y}Q{q}")
        y, q = (y + 1, 1) if q == 4 else (y, q + 1)
    return tuple(out)


# --- editing ---------------------------------------------------------------------------
def _table(kind: str) -> tuple[str, str]:
    if kind not in KINDS:
        raise InvalidEdit("There is no kind of plan item called {kind}.", kind=kind)
    return KINDS[kind]


def _siblings(
    conn, kind: str, parent_id: str, exclude: str | None = None
) -> list[tuple[str, float]]:
    table, parent = _table(kind)
    rows = conn.execute(
        f"SELECT id, position FROM live_{table} WHERE {parent}=? ORDER BY position, rowid",
        (parent_id,),
    ).fetchall()
    return [(i, p) for i, p in rows if i != exclude]


def _position_at(
    ops: Operations, kind: str, parent_id: str, index: int | None, exclude: str | None = None
) -> float:
    """The position for an item placed at ``index`` among its siblings (end when None).

    Renumbers the siblings (inside the caller's step) when the gap is too small."""
    table, _ = _table(kind)
    siblings = _siblings(ops.conn, kind, parent_id, exclude)
    n = len(siblings)
    index = n if index is None else max(0, min(int(index), n))
    before = siblings[index - 1][1] if index > 0 else None
    after = siblings[index][1] if index < n else None
    if before is None:
        return 0.0 if after is None else after - 1.0
    if after is None:
        return before + 1.0
    if after - before > MIN_GAP:
        return (before + after) / 2
    for i, (sid, _pos) in enumerate(siblings):  # renumber: 0, 1, 2 … leaving a gap at index
        ops.update(table, sid, {"position": float(i if i < index else i + 1)})
    return float(index)


def _parent_exists(conn, kind: str, parent_id: str) -> None:
    parent_table = {
        "section": "channel",
        "goal": "channel",
        "objective": "goal",
        "action": "objective",
    }[kind]
    row = conn.execute(f"SELECT 1 FROM live_{parent_table} WHERE id=?", (parent_id,)).fetchone()
    if row is None:
        raise InvalidEdit("The place for this item no longer exists.")


def add_item(
    ops: Operations,
    kind: str,
    parent_id: str,
    values: dict | None = None,
    *,
    index: int | None = None,
) -> str:
    """Add a section, goal, objective or action under ``parent_id`` (at ``index`` or last)."""
    table, parent = _table(kind)
    values = dict(values or {})
    _parent_exists(ops.conn, kind, parent_id)
    _validate(ops.conn, kind, values)
    with ops.step(tr(f"add {kind if kind != 'section' else 'situation section'}")):
        values[parent] = parent_id
        values["position"] = _position_at(ops, kind, parent_id, index)
        return ops.insert(table, values)


def update_item(ops: Operations, kind: str, item_id: str, changes: dict) -> int:
    """Change fields of a plan item (checked first: bad input changes nothing)."""
    table, _ = _table(kind)
    _validate(ops.conn, kind, changes, item_id)
    title = _title(ops.conn, table, item_id)
    return ops.update(table, item_id, changes, label=tr("edit {title}", title=title))


def set_channel_texts(ops: Operations, channel_id: str, changes: dict) -> int:
    bad = set(changes) - set(CHANNEL_TEXTS)
    if bad:
        raise InvalidEdit(
            "There is no field {field} in {table}.", field=sorted(bad)[0], table="channel"
        )
    return ops.update("channel", channel_id, changes, label=tr("edit situation picture"))


def delete_item(ops: Operations, kind: str, item_id: str) -> None:
    """Delete an item and everything below it, as one undo step."""
    table, _ = _table(kind)
    with ops.step(tr("delete {title}", title=_title(ops.conn, table, item_id))):
        _delete_tree(ops, kind, item_id)


def _delete_tree(ops: Operations, kind: str, item_id: str) -> None:
    table, _ = _table(kind)
    child = CHILD_KIND.get(kind)
    if child:
        for cid, _pos in _siblings(ops.conn, child, item_id):
            _delete_tree(ops, child, cid)
    if kind == "action":
        links = ops.conn.execute(
            "SELECT id FROM live_action_area WHERE action_id=?", (item_id,)
        ).fetchall()
        for (link_id,) in links:
            ops.delete("action_area", link_id)
    ops.delete(table, item_id)


def move_item(
    ops: Operations, kind: str, item_id: str, index: int, parent_id: str | None = None
) -> bool:
    """Put an item at ``index`` among the children of ``parent_id`` (default: its own parent).

    ``index`` counts the siblings without the item itself. Returns False when nothing moved.
    """
    table, parent = _table(kind)
    row = ops.conn.execute(
        f"SELECT {parent}, position, title FROM live_{table} WHERE id=?", (item_id,)
    ).fetchone()
    if row is None:
        raise InvalidEdit("This item no longer exists.")
    old_parent, _old_pos, title = row
    parent_id = parent_id or old_parent
    if parent_id != old_parent:
        _parent_exists(ops.conn, kind, parent_id)
    current = [i for i, _p in _siblings(ops.conn, kind, old_parent)].index(item_id)
    if parent_id == old_parent and index == current:
        return False
    with ops.step(tr("move {title}", title=title)):
        position = _position_at(ops, kind, parent_id, index, exclude=item_id)
        ops.update(table, item_id, {parent: parent_id, "position": position})
    return True


def shift_item(ops: Operations, kind: str, item_id: str, delta: int) -> bool:
    """Move an item up (-1) or down (+1) among its siblings (the keyboard's reorder)."""
    table, parent = _table(kind)
    row = ops.conn.execute(f"SELECT {parent} FROM {table} WHERE id=?", (item_id,)).fetchone()
    if row is None:
        raise InvalidEdit("This item no longer exists.")
    ids = [i for i, _p in _siblings(ops.conn, kind, row[0])]
    target = ids.index(item_id) + delta
    if target < 0 or target >= len(ids):
        return False
    return move_item(ops, kind, item_id, target)


def move_objective(
    ops: Operations, objective_id: str, goal_id: str, index: int | None = None
) -> bool:
    """Move an objective (with its actions) to another goal, last there unless ``index``."""
    n = len(_siblings(ops.conn, "objective", goal_id, exclude=objective_id))
    return move_item(ops, "objective", objective_id, n if index is None else index, goal_id)


def duplicate_action(ops: Operations, action_id: str) -> str:
    """A copy of an action (with its focus areas) right after it; returns the copy's id."""
    cur = ops.conn.execute("SELECT * FROM live_action WHERE id=?", (action_id,))
    row = cur.fetchone()
    if row is None:
        raise InvalidEdit("This item no longer exists.")
    values = dict(zip([d[0] for d in cur.description], row))
    ids = [i for i, _p in _siblings(ops.conn, "action", values["objective_id"])]
    with ops.step(tr("duplicate {title}", title=values["title"])):
        for key in ("id", "deleted"):
            values.pop(key)
        values["position"] = _position_at(
            ops, "action", values["objective_id"], ids.index(action_id) + 1
        )
        new_id = ops.insert("action", values)
        for (area_id,) in ops.conn.execute(
            "SELECT area_id FROM live_action_area WHERE action_id=?", (action_id,)
        ).fetchall():
            ops.insert("action_area", {"action_id": new_id, "area_id": area_id})
    return new_id


def set_action_areas(ops: Operations, action_id: str, area_ids: list[str]) -> None:
    """Make exactly ``area_ids`` the focus areas of an action."""
    wanted = list(dict.fromkeys(area_ids))
    known = {i for (i,) in ops.conn.execute("SELECT id FROM live_area")}
    if set(wanted) - known:
        raise InvalidEdit("That area does not exist.")
    links = ops.conn.execute(
        "SELECT id, area_id FROM live_action_area WHERE action_id=?", (action_id,)
    ).fetchall()
    have = {a for _i, a in links}
    if have == set(wanted):
        return
    with ops.step(tr("set focus areas of {title}", title=_title(ops.conn, "action", action_id))):
        for link_id, area_id in links:
            if area_id not in wanted:
                ops.delete("action_area", link_id)
        for area_id in wanted:
            if area_id not in have:
                ops.insert("action_area", {"action_id": action_id, "area_id": area_id})


# --- checks ----------------------------------------------------------------------------
def _title(conn, table: str, item_id: str) -> str:
    row = conn.execute(f"SELECT title FROM {table} WHERE id=?", (item_id,)).fetchone()
    return (row[0] if row else "") or tr("untitled")


def _validate(conn, kind: str, values: dict, item_id: str | None = None) -> None:
    """Raise InvalidEdit (one clear sentence) for a value the plan cannot hold."""
    if kind != "action":
        if "target_date" in values and values["target_date"]:
            if not re.match(r"^\d{4}-\d{2}-\d{2}$", str(values["target_date"])):
                raise InvalidEdit("A date is written as YYYY-MM-DD.")
        return
    if "budget" in values:
        budget = values["budget"]
        if isinstance(budget, str):
            text = budget.replace(",", "").replace("₪", "").strip() or "0"
            if not text.isdigit():
                raise InvalidEdit("A budget is a whole number of shekels, 0 or more.")
            budget = values["budget"] = int(text)
        if not isinstance(budget, int) or isinstance(budget, bool) or budget < 0:
            raise InvalidEdit("A budget is a whole number of shekels, 0 or more.")
    for name in ("start_quarter", "end_quarter"):
        if name in values:
            values[name] = (values[name] or "").strip().upper()
            if values[name] and not QUARTER.match(values[name]):
                raise InvalidEdit("A quarter is written like 2027Q1.")
    if "status" in values and values["status"] not in enums.ACTION_STATUSES:
        raise InvalidEdit("There is no action status {status}.", status=values["status"])
    current = {"start_quarter": "", "end_quarter": ""}
    if item_id:
        row = conn.execute(
            "SELECT start_quarter, end_quarter FROM action WHERE id=?", (item_id,)
        ).fetchone()
        if row:
            current = {"start_quarter": row[0], "end_quarter": row[1]}
    start = values.get("start_quarter", current["start_quarter"])
    end = values.get("end_quarter", current["end_quarter"])
    if start and end and end < start:
        raise InvalidEdit("An action cannot end before it starts.")
    for name, table in (("owner_body_id", "body"), ("owner_person_id", "person")):
        if values.get(name):
            if (
                conn.execute(f"SELECT 1 FROM live_{table} WHERE id=?", (values[name],)).fetchone()
                is None
            ):
                raise InvalidEdit("That owner does not exist.")
