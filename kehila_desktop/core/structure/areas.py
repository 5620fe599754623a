"""The program's neighbourhoods, quarters and areas, and which of them are in its geographic focus.

Named operations (each one undo step, through ``Operations``): ``add_area``,
``rename_area``, ``set_area_kind``, ``set_in_focus``, ``merge_areas`` and ``remove_area``.
What points at an area: a person's ``area_id`` (where they live), an action's focus areas
(``action_area``) and the area ids a steering decision of the "focus" kind names in its
payload. Merging moves all of these to the kept area; removing refuses while any person or
action still points at the area (merge it into another one instead).

Names are unique among live areas, compared without surrounding spaces and case.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

from kehila_desktop.core import enums
from kehila_desktop.core.errors import InvalidEdit
from kehila_desktop.core.history.operations import Operations
from kehila_desktop.core.i18n import tr


@dataclass(frozen=True)
class AreaRow:
    id: str
    name: str
    kind: str
    in_focus: bool
    people: int = 0  # live people who live there
    actions: int = 0  # live actions that serve it

    @property
    def used(self) -> bool:
        return bool(self.people or self.actions)


def list_areas(conn: sqlite3.Connection) -> list[AreaRow]:
    """Every live area with how many people live there and how many actions serve it."""
    return [
        AreaRow(aid, name, kind, bool(focus), people, actions)
        for aid, name, kind, focus, people, actions in conn.execute(
            "SELECT a.id, a.name, a.kind, a.in_focus, "
            "(SELECT count(*) FROM live_person p WHERE p.area_id=a.id ), "
            "(SELECT count(DISTINCT x.action_id) FROM live_action_area x JOIN live_action t "
            " ON t.id=x.action_id WHERE x.area_id=a.id ) "
            "FROM live_area a ORDER BY a.name"
        )
    ]


def get_area(conn: sqlite3.Connection, area_id: str) -> AreaRow:
    for row in list_areas(conn):
        if row.id == area_id:
            return row
    raise InvalidEdit("There is no such neighbourhood, quarter or area.")


def find_area(conn: sqlite3.Connection, name: str) -> str | None:
    """The id of the live area called ``name`` (spaces and case ignored), or None."""
    key = _key(name)
    for aid, aname in conn.execute("SELECT id, name FROM live_area"):
        if _key(aname) == key:
            return aid
    return None


def _key(name: str) -> str:
    return " ".join((name or "").split()).casefold()


def _clean_name(conn: sqlite3.Connection, name: str, *, except_id: str | None = None) -> str:
    clean = " ".join((name or "").split())
    if not clean:
        raise InvalidEdit("An area needs a name.")
    other = find_area(conn, clean)
    if other and other != except_id:
        raise InvalidEdit("There is already an area called {name}.", name=clean)
    return clean


def _check_kind(kind: str) -> None:
    if kind not in enums.AREA_KINDS:
        raise InvalidEdit("Unknown kind of area: {kind}.", kind=kind)


def add_area(
    ops: Operations, name: str, *, kind: str = "neighborhood", in_focus: bool = False
) -> str:
    """Add a neighbourhood, quarter or area; returns its id."""
    _check_kind(kind)
    clean = _clean_name(ops.conn, name)
    return ops.insert(
        "area",
        {"name": clean, "kind": kind, "in_focus": bool(in_focus)},
        label=tr("add area {name}", name=clean),
    )


def add_areas(ops: Operations, names: list[str], *, kind: str = "neighborhood") -> dict[str, str]:
    """Add the areas among ``names`` that do not exist yet, in one step.

    Returns {name as given: area id} for every name (existing ones included)."""
    out: dict[str, str] = {}
    with ops.step(tr("add areas")):
        for name in names:
            if not " ".join((name or "").split()):
                continue
            out[name] = find_area(ops.conn, name) or add_area(ops, name, kind=kind)
    return out


def rename_area(ops: Operations, area_id: str, name: str) -> None:
    old = get_area(ops.conn, area_id)
    clean = _clean_name(ops.conn, name, except_id=area_id)
    ops.update(
        "area",
        area_id,
        {"name": clean},
        label=tr("rename area {old} to {new}", old=old.name, new=clean),
    )


def set_area_kind(ops: Operations, area_id: str, kind: str) -> None:
    _check_kind(kind)
    old = get_area(ops.conn, area_id)
    ops.update("area", area_id, {"kind": kind}, label=tr("edit area {name}", name=old.name))


def set_in_focus(ops: Operations, area_id: str, in_focus: bool) -> None:
    """Put an area in the geographic focus, or take it out."""
    area = get_area(ops.conn, area_id)
    label = (
        tr("put {name} in the geographic focus", name=area.name)
        if in_focus
        else tr("take {name} out of the geographic focus", name=area.name)
    )
    ops.update("area", area_id, {"in_focus": bool(in_focus)}, label=label)


@dataclass(frozen=True)
class MergeResult:
    people: int = 0  # people moved to the kept area
    actions: int = 0  # actions that now serve the kept area
    decisions: int = 0  # focus decisions whose list now names the kept area


def merge_areas(ops: Operations, keep_id: str, merged_ids: str | list[str]) -> MergeResult:
    """Merge ``merged_ids`` into ``keep_id``, in one undo step.

    People living in a merged area move to the kept one; actions serving it serve the kept
    one (once); focus decisions naming it name the kept one; if a merged area was in the
    focus, the kept one is. The merged areas are then removed (tombstoned)."""
    if isinstance(merged_ids, str):
        merged_ids = [merged_ids]
    conn = ops.conn
    keep = get_area(conn, keep_id)
    merged = [get_area(conn, mid) for mid in dict.fromkeys(merged_ids) if mid != keep_id]
    if not merged:
        raise InvalidEdit("Choose another area to merge into {name}.", name=keep.name)
    gone = {m.id for m in merged}
    marks = ",".join("?" * len(gone))
    people = actions = decisions = 0
    label = tr(
        "merge {merged} into {name}", merged=", ".join(m.name for m in merged), name=keep.name
    )
    with ops.step(label):
        for (pid,) in conn.execute(
            f"SELECT id FROM live_person WHERE area_id IN ({marks})", list(gone)
        ).fetchall():
            people += ops.update("person", pid, {"area_id": keep_id})
        served = {
            a
            for (a,) in conn.execute(
                "SELECT action_id FROM live_action_area WHERE area_id=?", (keep_id,)
            )
        }
        for link_id, action_id in conn.execute(
            f"SELECT id, action_id FROM live_action_area WHERE area_id IN ({marks})",
            list(gone),
        ).fetchall():
            if action_id in served:
                ops.delete("action_area", link_id)
            else:
                ops.update("action_area", link_id, {"area_id": keep_id})
                served.add(action_id)
                actions += 1
        for dec_id, payload in conn.execute(
            "SELECT id, payload FROM live_decision WHERE kind='focus' AND payload != ''"
        ).fetchall():
            try:
                data = json.loads(payload)
            except ValueError:
                continue
            ids = data.get("areas") if isinstance(data, dict) else None
            if not isinstance(ids, list) or not gone & set(ids):
                continue
            data["areas"] = list(dict.fromkeys(keep_id if i in gone else i for i in ids))
            ops.update("decision", dec_id, {"payload": json.dumps(data, ensure_ascii=False)})
            decisions += 1
        if any(m.in_focus for m in merged) and not keep.in_focus:
            ops.update("area", keep_id, {"in_focus": True})
        for m in merged:
            ops.delete("area", m.id)
    return MergeResult(people, actions, decisions)


def remove_area(ops: Operations, area_id: str) -> None:
    """Remove an area no one lives in and no action serves (it stays in the history).

    Refuses, with one sentence saying why and what to do, while it is still used."""
    area = get_area(ops.conn, area_id)
    if area.used:
        raise InvalidEdit(
            "{name} is still used ({people} people live there, {actions} actions serve it); "
            "merge it into another area instead.",
            name=area.name,
            people=area.people,
            actions=area.actions,
        )
    ops.delete("area", area_id, label=tr("remove area {name}", name=area.name))


def describe_removal(conn: sqlite3.Connection, area_id: str) -> str:
    """What removing the area would do, in one sentence (for a confirmation)."""
    area = get_area(conn, area_id)
    if area.used:
        return InvalidEdit(
            "{name} is still used ({people} people live there, {actions} actions serve it); "
            "merge it into another area instead.",
            name=area.name,
            people=area.people,
            actions=area.actions,
        ).text(tr)
    return tr(
        "{name} will be removed; no one lives there and no action serves it. Undo brings it back.",
        name=area.name,
    )
