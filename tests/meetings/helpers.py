"""Small builders for meetings tests (real program files through Operations)."""

from __future__ import annotations


def body_id(ops, kind: str) -> str:
    return ops.conn.execute("SELECT id FROM body WHERE kind=? AND deleted=0", (kind,)).fetchone()[0]


def set_start(ops, start: str) -> None:
    pid = ops.conn.execute("SELECT id FROM program WHERE deleted=0").fetchone()[0]
    ops.update("program", pid, {"start_date": start})


def add_members(ops, body: str, names: list[str], expected: int = 75) -> list[str]:
    ids = []
    with ops.step("members"):
        for name in names:
            pid = ops.insert("person", {"name": name})
            ops.insert(
                "membership",
                {
                    "person_id": pid,
                    "body_id": body,
                    "status": "joined",
                    "expected_attendance": expected,
                },
            )
            ids.append(pid)
    return ids


def add_meeting(ops, body: str, starts_at: str, status: str = "planned", minutes: int = 90) -> str:
    return ops.insert(
        "meeting", {"body_id": body, "starts_at": starts_at, "status": status, "minutes": minutes}
    )
