"""Small builders for the people tests: people, areas and memberships through Operations."""

from __future__ import annotations


def body_id(conn, kind: str) -> str:
    return conn.execute("SELECT id FROM body WHERE kind=? AND deleted=0", (kind,)).fetchone()[0]


def add_person(ops, name: str, **values) -> str:
    return ops.insert("person", {"name": name, **values})


def join(
    ops, person_id: str, body: str, role: str = "member", status: str = "joined", **values
) -> str:
    return ops.insert(
        "membership",
        {"person_id": person_id, "body_id": body, "role": role, "status": status, **values},
    )


def people(conn) -> list[tuple]:
    return conn.execute(
        "SELECT name, organisation, sector, phone, email FROM person WHERE deleted=0 ORDER BY name"
    ).fetchall()
