"""Reads of people for the views: one person, who sits where (the matrix). Plain SQL over
the live-row views (``live_<table>``); the people table's rows and search are in
``search.py``, bodies and areas in ``core/structure/queries.py``."""

from __future__ import annotations

import sqlite3


def person(conn: sqlite3.Connection, person_id: str) -> dict | None:
    """Every field of one person (deleted or not: a name in the history still reads)."""
    cur = conn.execute("SELECT * FROM person WHERE id=?", (person_id,))
    row = cur.fetchone()
    return dict(zip([d[0] for d in cur.description], row)) if row else None


def person_name(conn: sqlite3.Connection, person_id: str) -> str:
    row = conn.execute("SELECT name FROM person WHERE id=?", (person_id,)).fetchone()
    return row[0] if row else ""


def person_of_membership(conn: sqlite3.Connection, membership_id: str) -> str | None:
    row = conn.execute("SELECT person_id FROM membership WHERE id=?", (membership_id,)).fetchone()
    return row[0] if row else None


def matrix_bodies(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """(id, name) of the matrix's columns: every live body."""
    return conn.execute("SELECT id, name FROM live_body ORDER BY position, name").fetchall()


def matrix_cells(conn: sqlite3.Connection) -> dict[tuple[str, str], list[tuple[str, str]]]:
    """(person id, body id) → [(role, status)] of every live membership."""
    cells: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for pid, bid, role, status in conn.execute(
        "SELECT person_id, body_id, role, status FROM live_membership ORDER BY rowid"
    ):
        cells.setdefault((pid, bid), []).append((role, status))
    return cells


SEATED = ("approved", "invited", "joined")  # who gets a role letter or is on a roster


def seated_people(conn: sqlite3.Connection, body_id: str) -> list[tuple[str, str]]:
    """(id, name) of the body's people approved, invited or joined, by name."""
    return conn.execute(
        "SELECT DISTINCT p.id, p.name FROM live_person p JOIN live_membership m "
        "ON m.person_id=p.id WHERE m.body_id=? AND m.status IN ('approved', 'invited', "
        "'joined') ORDER BY p.name",
        (body_id,),
    ).fetchall()


def seated_body_of(conn: sqlite3.Connection, person_id: str) -> str | None:
    """A body the person is approved, invited or joined in (the first in the file)."""
    row = conn.execute(
        "SELECT body_id FROM live_membership WHERE person_id=? "
        "AND status IN ('approved', 'invited', 'joined')",
        (person_id,),
    ).fetchone()
    return row[0] if row else None


def membership_body_names(conn: sqlite3.Connection, person_id: str) -> list[str]:
    """The names of the bodies the person has a live membership in, in the bodies' order."""
    return [
        b
        for (b,) in conn.execute(
            "SELECT b.name FROM live_membership m JOIN body b ON b.id=m.body_id WHERE "
            "m.person_id=? ORDER BY b.position",
            (person_id,),
        )
    ]


def chaired_body_names(conn: sqlite3.Connection, person_id: str) -> list[str]:
    """The names of the live bodies the person chairs."""
    return [
        b
        for (b,) in conn.execute(
            "SELECT name FROM live_body WHERE chair_person_id=? ORDER BY position", (person_id,)
        )
    ]


def created_at(conn: sqlite3.Connection, person_id: str) -> tuple[int, int] | None:
    """When the person was added: the history time of their insert and, within one step (an
    import), its place in it; None if not recorded."""
    row = conn.execute(
        "SELECT s.at, c.n FROM change c JOIN step s ON s.n = c.step "
        "JOIN history_name t ON t.n = c.tbl "
        "WHERE t.text = 'person' AND c.row = ? AND c.field IS NULL ORDER BY s.at, c.n LIMIT 1",
        (person_id,),
    ).fetchone()
    return (row[0], row[1]) if row else None


def join_order(conn: sqlite3.Connection, people: list[str]) -> list[tuple[str, str]]:
    """(keep, drop) pairs for joining records of one person: the one in more bodies stays, on a
    tie the one added earlier (then the smaller id, so every copy suggests the same); each of
    the others is joined into it."""

    def key(person_id: str) -> tuple:
        when = created_at(conn, person_id)
        return (-membership_count(conn, person_id), when is None, when or (0, 0), person_id)

    keep, *drops = sorted(dict.fromkeys(people), key=key)
    return [(keep, drop) for drop in drops]


def membership_count(conn: sqlite3.Connection, person_id: str) -> int:
    return conn.execute(
        "SELECT count(*) FROM live_membership WHERE person_id=?", (person_id,)
    ).fetchone()[0]


def find_person(conn: sqlite3.Connection, wanted: str) -> list[str]:
    """The live people whose id is ``wanted`` or (four characters or more) starts with it."""
    wanted = (wanted or "").strip()
    return [
        row[0]
        for row in conn.execute(
            "SELECT id FROM live_person WHERE id=? OR (length(?)>=4 AND id LIKE ?)",
            (wanted, wanted, wanted.replace("%", "").replace("_", "") + "%"),
        ).fetchall()
    ]


def keep_reason(conn: sqlite3.Connection, keep: str, drop: str) -> str:
    """Why ``join_order`` keeps ``keep``: "bodies" (in more bodies) or "earlier" (added first)."""
    return "bodies" if membership_count(conn, keep) > membership_count(conn, drop) else "earlier"


def duplicates_of(conn: sqlite3.Connection, person_id: str) -> list[str]:
    """The live people who share an e-mail or a phone with ``person_id`` (likely the same)."""
    from kehila_desktop.core.history.merge import likely_duplicates

    found: dict[str, None] = {}
    for group in likely_duplicates(conn):
        if person_id in group["people"]:
            found.update(dict.fromkeys(p for p in group["people"] if p != person_id))
    return list(found)


def people(conn: sqlite3.Connection) -> list[dict]:
    """Every live person: id, name, sector, organisation, area_id, contact_consent (by name)."""
    cur = conn.execute(
        "SELECT id, name, sector, organisation, area_id, contact_consent FROM live_person "
        "ORDER BY name, rowid"
    )
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur.fetchall()]
