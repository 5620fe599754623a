"""Plain edits of meetings and their agenda and action items, as named operations (each one
undo step). The meeting's records with rules of their own (attendance, decisions, action
items added, agenda order) are in ``records.py``; the schedule in ``schedule.py``.
"""

from __future__ import annotations

from kehila_desktop.core import enums
from kehila_desktop.core.errors import InvalidEdit
from kehila_desktop.core.file import tables as T
from kehila_desktop.core.history.operations import Operations
from kehila_desktop.core.i18n import tr


def _only(changes: dict, allowed: tuple[str, ...], table: str) -> None:
    unknown = set(changes) - set(allowed)
    if unknown:
        raise InvalidEdit(
            "There is no field {field} in {table}.", field=sorted(unknown)[0], table=table
        )


def _check_meeting(changes: dict) -> None:
    _only(changes, T.MEETING_FIELDS, T.MEETING)
    if "status" in changes and changes["status"] not in enums.MEETING_STATUSES:
        raise InvalidEdit("Unknown meeting status {status}.", status=changes["status"])


def new_meeting(ops: Operations, body_id: str, day: str, values: dict | None = None) -> str:
    """A meeting of ``body_id`` on ``day`` (YYYY-MM-DD) at the body's usual hour and length;
    ``values`` (kind, place, status, another start or length …) are set at once."""
    values = dict(values or {})
    values.pop("body_id", None)
    _check_meeting(values)
    row = ops.conn.execute(
        f"SELECT meeting_minutes, preferred_hour FROM {T.live(T.BODY)} WHERE id=?", (body_id,)
    ).fetchone()
    if row is None:
        raise InvalidEdit("There is no such body.")
    minutes, hour = row
    return ops.insert(
        T.MEETING,
        {"body_id": body_id, "starts_at": f"{day}T{hour or '17:00'}", "minutes": minutes, **values},
        label=tr("new meeting"),
    )


def edit_meeting(ops: Operations, meeting_id: str, changes: dict) -> int:
    _check_meeting(changes)
    return ops.update(T.MEETING, meeting_id, changes, label=tr("edit meeting"))


def delete_meeting(ops: Operations, meeting_id: str) -> None:
    """Tombstone the meeting (its agenda, attendance and decisions stay with it)."""
    ops.delete(T.MEETING, meeting_id, label=tr("delete meeting"))


def edit_agenda_item(ops: Operations, item_id: str, changes: dict) -> int:
    _only(changes, T.AGENDA_ITEM_FIELDS, T.AGENDA_ITEM)
    if "kind" in changes and changes["kind"] not in enums.AGENDA_KINDS:
        raise InvalidEdit("Unknown agenda item kind {kind}.", kind=changes["kind"])
    if "minutes" in changes and int(changes["minutes"] or 0) < 0:
        raise InvalidEdit("Minutes cannot be negative.")
    return ops.update(T.AGENDA_ITEM, item_id, changes, label=tr("edit agenda item"))


def set_agenda_notes(ops: Operations, item_id: str, text: str) -> int:
    """In-room mode: the notes taken on one agenda item."""
    return ops.update(T.AGENDA_ITEM, item_id, {"notes": text}, label=tr("edit agenda item"))


def remove_agenda_item(ops: Operations, item_id: str) -> None:
    ops.delete(T.AGENDA_ITEM, item_id, label=tr("remove agenda item"))
