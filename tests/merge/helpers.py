"""Helpers for the merge tests: a small program, copies of it, and its data as plain rows."""

from __future__ import annotations

from pathlib import Path

from kehila_desktop.core.history.operations import Operations
from kehila_desktop.core.file.programfile import copy_consistent, open_program
from kehila_desktop.core.file.create import create_program
from kehila_desktop.core.file.schema import TABLE_CLASSES
from kehila_desktop.core.history.share import share_copy

PEOPLE = [
    ("דנה כהן", "050-1234567", "dana@example.org"),
    ("סמיר חורי", "052-7654321", "samir@example.org"),
    ("Anna Levi", "054-1111222", "anna.levi@example.net"),
    ("יוסי מזרחי", "053-9998887", "yossi.m@example.com"),
    ("ליילא עודה", "058-3334445", "layla@example.org"),
    ("Noam Bar", "050-5556667", "noam.bar@example.com"),
]


def populate_small(ops: Operations) -> None:
    with ops.step("people"):
        north = ops.insert("area", {"name": "צפון"})
        ops.insert("area", {"name": "דרום"})
        for name, phone, email in PEOPLE:
            ops.insert("person", {"name": name, "phone": phone, "email": email, "area_id": north})
        pid = ops.conn.execute("SELECT id FROM person WHERE name=?", (PEOPLE[0][0],)).fetchone()[0]
        ops.update("person", pid, {"phone": "050-0000001", "email": "old.dana@example.org"})
        ops.update("person", pid, {"phone": PEOPLE[0][1], "email": PEOPLE[0][2]})


def make_program(folder: Path, name: str = "base.kehila", program: str = "תוכנית") -> Path:
    return create_program(folder / name, name=program, locality="עין גדי", populate=populate_small)


def program_data(conn) -> dict:
    """Every row of every domain table (tombstones included), as comparable values."""
    out = {}
    for table in sorted(TABLE_CLASSES()):
        cur = conn.execute(f"SELECT * FROM {table} ORDER BY id")
        names = [d[0] for d in cur.description]
        out[table] = [dict(zip(names, row)) for row in cur]
    return out


def snapshot(pf, target: Path) -> Path:
    copy_consistent(pf.conn, target)
    return target


def open_ops(path: Path) -> Operations:
    return Operations(open_program(path))


def broken_rules(conn) -> dict:
    """The domain rules a merge (and a join) must leave whole: each count is 0 when they hold."""
    return {
        "membership of a deleted person": conn.execute(
            "SELECT count(*) FROM membership m JOIN person p ON p.id=m.person_id "
            "WHERE m.deleted=0 AND p.deleted=1"
        ).fetchone()[0],
        "attendance of a deleted person": conn.execute(
            "SELECT count(*) FROM attendance t JOIN person p ON p.id=t.person_id "
            "WHERE t.deleted=0 AND p.deleted=1"
        ).fetchone()[0],
        "two memberships of one person in one body": conn.execute(
            "SELECT count(*) FROM (SELECT person_id, body_id FROM membership WHERE deleted=0 "
            "GROUP BY person_id, body_id HAVING count(*) > 1)"
        ).fetchone()[0],
    }


__all__ = [
    "broken_rules",
    "make_program",
    "program_data",
    "snapshot",
    "open_ops",
    "share_copy",
    "PEOPLE",
]
