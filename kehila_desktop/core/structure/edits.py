"""Domain edits built on the operations layer: what a user does, in the domain's words.

Each function is one undo step (its ``label`` names it in the Edit menu). Views and the CLI
call these, or ``Operations`` directly for a plain field edit.
"""

from __future__ import annotations

import json

from kehila_desktop.core import enums
from kehila_desktop.core.i18n import label as vocab_label, tr
from kehila_desktop.core.history.operations import Operations

DEFAULT_BODIES = (
    # kind, cadence, minutes, weekday (Mon=0), hour
    ("steering", "quarterly", 90, 0, "10:00"),
    ("design", "monthly_then_quarterly", 150, 1, "17:30"),
    ("program_team", "biweekly", 60, 6, "09:00"),
)

WORK_TEAM_DEFAULT = ("work_team", "monthly", 90, 2, "17:00")


def init_program(
    ops: Operations, *, name: str = "", locality: str = "", language: str = "he"
) -> str:
    """The rows every program has: the program, its four channels and its standing bodies."""
    with ops.step(tr("new program", language)):
        program_id = ops.insert(
            "program",
            {
                "name": name or tr("Kehila Metiva", language),
                "locality": locality,
                "language": language,
            },
        )
        for key in enums.CHANNELS:
            ops.insert("channel", {"key": key})
        for position, (kind, cadence, minutes, weekday, hour) in enumerate(DEFAULT_BODIES):
            ops.insert(
                "body",
                {
                    "kind": kind,
                    "name": vocab_label("BODY_KINDS", kind, language),
                    "cadence": cadence,
                    "meeting_minutes": minutes,
                    "preferred_weekday": weekday,
                    "preferred_hour": hour,
                    "position": position,
                },
            )
    return program_id


def work_team_name(channel_key: str, language: str | None = None) -> str:
    return tr(
        "{channel} work team", language, channel=vocab_label("CHANNELS", channel_key, language)
    )


def set_chosen_channels(
    ops: Operations, keys: list[str], *, when: str | None = None, label: str | None = None
) -> None:
    """Choose exactly ``keys`` among the four channels; each chosen one gets a work team.

    Work teams of channels no longer chosen are kept (their members and history matter).
    """
    unknown = set(keys) - set(enums.CHANNELS)
    if unknown:
        raise ValueError(f"unknown channels: {sorted(unknown)}")
    conn = ops.conn
    with ops.step(label or tr("choose channels")):
        for channel_id, key, chosen in conn.execute(
            "SELECT id, key, chosen FROM live_channel"
        ).fetchall():
            want = key in keys
            changes: dict[str, object] = {"chosen": want}
            if want and not chosen and when:
                changes["chosen_on"] = when
            ops.update("channel", channel_id, changes)
        teams = {
            k for (k,) in conn.execute("SELECT channel_key FROM live_body WHERE kind='work_team'")
        }
        language = conn.execute("SELECT language FROM live_program").fetchone()[0]
        position = conn.execute("SELECT coalesce(max(position), 0) FROM body").fetchone()[0]
        for key in keys:
            if key not in teams:
                position += 1
                kind, cadence, minutes, weekday, hour = WORK_TEAM_DEFAULT
                ops.insert(
                    "body",
                    {
                        "kind": kind,
                        "channel_key": key,
                        "name": work_team_name(key, language),
                        "cadence": cadence,
                        "meeting_minutes": minutes,
                        "preferred_weekday": weekday,
                        "preferred_hour": hour,
                        "position": position,
                    },
                )


def rename_body(ops: Operations, body_id: str, name: str) -> None:
    old = ops.conn.execute("SELECT name FROM body WHERE id=?", (body_id,)).fetchone()
    ops.update(
        "body", body_id, {"name": name}, label=tr("rename {name}", name=old[0] if old else "")
    )


def apply_decision(ops: Operations, decision_id: str) -> None:
    """Carry out what a steering decision sets (its ``payload``) in the program.

    - ``channels``: {"channels": [keys]} chooses those channels;
    - ``focus``: {"areas": [area ids]} puts exactly those areas in the geographic focus;
    - ``scope``: {"scope": text}; ``timeline``: {"start_date", "end_date", "timeline"};
    - ``composition``: {"approve": [membership ids]} moves them to "approved by steering".
    """
    row = ops.conn.execute(
        "SELECT kind, payload, meeting_id FROM decision WHERE id=?", (decision_id,)
    ).fetchone()
    if row is None or not row[1]:
        return
    kind, payload = row[0], json.loads(row[1])
    date = ops.conn.execute(
        "SELECT substr(starts_at, 1, 10) FROM meeting WHERE id=?", (row[2],)
    ).fetchone()
    when = date[0] if date else None
    conn = ops.conn
    program_id = conn.execute("SELECT id FROM live_program").fetchone()[0]
    with ops.step(tr("apply decision")):
        if kind == "channels" and "channels" in payload:
            set_chosen_channels(ops, list(payload["channels"]), when=when)
        elif kind == "focus" and "areas" in payload:
            wanted = set(payload["areas"])
            for (area_id,) in conn.execute("SELECT id FROM live_area").fetchall():
                ops.update("area", area_id, {"in_focus": area_id in wanted})
        elif kind == "scope" and "scope" in payload:
            ops.update("program", program_id, {"scope": payload["scope"]})
        elif kind == "timeline":
            changes = {
                k: payload[k] for k in ("start_date", "end_date", "timeline") if k in payload
            }
            if changes:
                ops.update("program", program_id, changes)
        elif kind == "composition" and "approve" in payload:
            for membership_id in payload["approve"]:
                status = conn.execute(
                    "SELECT status FROM membership WHERE id=?", (membership_id,)
                ).fetchone()
                if status and status[0] in ("mapped", "proposed"):
                    ops.update("membership", membership_id, {"status": "approved"})


def edit_body(ops: Operations, body_id: str, changes: dict) -> int:
    """Change a body's details; naming its chair follows the chair rule (``set_chair``)."""
    from kehila_desktop.core.errors import InvalidEdit
    from kehila_desktop.core.file import tables as T
    from kehila_desktop.core.structure.memberships import set_chair

    unknown = set(changes) - set(T.BODY_FIELDS)
    if unknown:
        raise InvalidEdit(
            "There is no field {field} in {table}.", field=sorted(unknown)[0], table=T.BODY
        )
    changes = dict(changes)
    if "name" in changes:
        changes["name"] = (changes["name"] or "").strip()
        if not changes["name"]:
            raise InvalidEdit("A body needs a name; the name was not changed.")
    if "cadence" in changes and changes["cadence"] not in enums.CADENCES:
        raise InvalidEdit("Unknown cadence {cadence}.", cadence=changes["cadence"])
    for key in ("training_cadence", "team_day_cadence"):  # "" = none planned
        if key in changes and changes[key] not in ("", *enums.CADENCES):
            raise InvalidEdit("Unknown cadence {cadence}.", cadence=changes[key])
    name = ops.conn.execute(f"SELECT name FROM {T.live(T.BODY)} WHERE id=?", (body_id,)).fetchone()
    if name is None:
        raise InvalidEdit("There is no such body.")
    with ops.step(tr("edit {name}", name=name[0])) as st:
        count = 0
        if "chair_person_id" in changes:
            before = st.count
            set_chair(ops, body_id, changes.pop("chair_person_id") or None)
            count += st.count - before
        if changes:
            count += ops.update(T.BODY, body_id, changes)
    return count


def edit_program(ops: Operations, changes: dict) -> int:
    """Change the program's settings (names, scope, dates, residents' share …)."""
    from kehila_desktop.core.errors import InvalidEdit
    from kehila_desktop.core.file import tables as T

    unknown = set(changes) - set(T.PROGRAM_FIELDS)
    if unknown:
        raise InvalidEdit(
            "There is no field {field} in {table}.", field=sorted(unknown)[0], table=T.PROGRAM
        )
    program_id = ops.conn.execute(f"SELECT id FROM {T.live(T.PROGRAM)}").fetchone()[0]
    return ops.update(T.PROGRAM, program_id, changes, label=tr("edit the program"))
