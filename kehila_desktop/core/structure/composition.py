"""Who sits on a body: counts and shares by sector, residents' share, gaps in representation.

Members are memberships with status "joined" (the people who actually sit on the body; the
pipeline before that — mapped, proposed, approved, invited — is counted separately as
``in_pipeline``). Each person counts once per body.

**Residents.** The seed asks that residents be "expressed at a high level" in the design
committee and lists public representatives / residents, neighbourhood representatives and
community representatives as distinct groups — all three speak for residents rather than for
an institution, so all three count toward the residents' share (``RESIDENT_SECTORS``).
Authority professionals, government, civil-society organisations, academia, business and the
initiative team do not. The share is compared with ``program.residents_target_pct``.

Gaps reported for a body: sectors with nobody; for the design committee also focus areas
(``area.in_focus``) with nobody living there, and work teams with no *team representative*
(a membership with role ``team_representative`` whose ``represents_body_id`` is the team).
Chairs: steering and design committees are chaired by the head of the authority or its
director-general — ``body.chair_person_id`` is set, that person has a joined "chair"
membership (the program team: its manager), and (as the seed names authority heads) their
sector is "authority".
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from kehila_desktop.core import enums
from kehila_desktop.core.i18n import join_list, label, ntr

RESIDENT_SECTORS = ("resident", "neighborhood", "community")
MEMBER_STATUSES = ("joined",)  # who counts as a member in the shares (the pipeline does not)
CHAIRED_BY_AUTHORITY = ("steering", "design")
# Which bodies a query reads: (table or view, condition on ``b``, its arguments).
Bodies = tuple[str, str, tuple[str, ...]]


@dataclass
class Composition:
    body_id: str
    body_name: str
    kind: str
    total: int = 0  # joined members (distinct people)
    by_sector: dict[str, int] = field(default_factory=dict)  # every sector, zero included
    residents: int = 0
    target_pct: int = 0
    in_pipeline: int = 0  # mapped … invited, not yet joined
    missing_sectors: list[str] = field(default_factory=list)
    missing_focus_areas: list[tuple[str, str]] = field(default_factory=list)  # (id, name)
    teams_without_representative: list[tuple[str, str]] = field(default_factory=list)
    chair_person_id: str | None = None
    chair_name: str = ""
    chair_has_membership: bool = False  # a joined chair membership
    chair_proposed: bool = False  # a chair membership on the way (not joined yet)
    chair_sector: str = ""

    @property
    def residents_pct(self) -> float:
        return 100.0 * self.residents / self.total if self.total else 0.0

    def share(self, sector: str) -> float:
        return 100.0 * self.by_sector.get(sector, 0) / self.total if self.total else 0.0

    @property
    def residents_below_target(self) -> bool:
        return self.total > 0 and self.residents_pct < self.target_pct


def residents_definition(total: int, language: str | None = None) -> str:
    """The residents' share in words, as every place that shows it states it (People tab,
    Structure view, health finding, handout): who is counted and out of whom."""
    sectors = join_list((label("SECTORS", s, language) for s in RESIDENT_SECTORS), language)
    return ntr(
        "Residents' share: of the {n} member who joined, those who are {sectors}; people "
        "still mapped, proposed, approved or invited are not counted.",
        "Residents' share: of the {n} members who joined, those who are {sectors}; people "
        "still mapped, proposed, approved or invited are not counted.",
        total,
        language,
        sectors=sectors,
    )


def composition(conn: sqlite3.Connection, body_id: str) -> Composition:
    """The composition of one body (see the module docstring)."""
    found = _compositions(conn, body_id)
    if not found:
        raise KeyError(body_id)
    return found[0]


def all_compositions(conn: sqlite3.Connection) -> list[Composition]:
    """Every live body's composition, in the bodies' order."""
    return _compositions(conn, None)


def _compositions(conn: sqlite3.Connection, body_id: str | None) -> list[Composition]:
    # A fixed handful of set-based queries for all the bodies at once (none per body or
    # per member): the health rules read every body of a 20,000-person program.
    # All bodies: the live ones. One body: asked for by its id (also when it was deleted).
    bodies_of: Bodies = (
        ("live_body", "1", ()) if body_id is None else ("body", "b.id=?", (body_id,))
    )
    table, where, args = bodies_of
    bodies = conn.execute(
        f"SELECT b.id, b.name, b.kind, b.chair_person_id FROM {table} b "
        f"WHERE {where} ORDER BY b.position",
        args,
    ).fetchall()
    if not bodies:
        return []
    target = conn.execute("SELECT residents_target_pct FROM live_program").fetchone()
    target_pct = int(target[0]) if target else 0
    comps = {
        bid: Composition(bid, name, kind, target_pct=target_pct, chair_person_id=chair)
        for bid, name, kind, chair in bodies
    }
    for comp in comps.values():
        comp.by_sector = dict.fromkeys(enums.SECTORS, 0)
    joined = (
        f"FROM live_membership m JOIN live_person p ON p.id=m.person_id JOIN {table} b "
        f"ON b.id=m.body_id WHERE {where} "
        f"AND m.status IN ({','.join(repr(s) for s in MEMBER_STATUSES)})"
    )
    for bid, sector, n in conn.execute(
        f"SELECT m.body_id, p.sector, count(DISTINCT p.id) {joined} GROUP BY m.body_id, p.sector",
        args,
    ):
        comps[bid].by_sector[sector] = n
    for comp in comps.values():
        comp.total = sum(comp.by_sector.values())  # one sector a person: distinct people
        comp.residents = sum(comp.by_sector.get(s, 0) for s in RESIDENT_SECTORS)
        comp.missing_sectors = [s for s in enums.SECTORS if not comp.by_sector.get(s)]
    for bid, n in conn.execute(
        "SELECT m.body_id, count(DISTINCT m.person_id) FROM live_membership m JOIN live_person p "
        f"ON p.id=m.person_id JOIN {table} b ON b.id=m.body_id "
        f"WHERE {where} AND m.status IN "
        "('mapped','proposed','approved','invited') AND NOT EXISTS (SELECT 1 FROM "
        "live_membership j WHERE j.body_id=m.body_id AND j.person_id=m.person_id "
        "AND j.status='joined') GROUP BY m.body_id",
        args,
    ):
        comps[bid].in_pipeline = n
    design = [c for c in comps.values() if c.kind == "design"]
    if design:
        focus = conn.execute(
            "SELECT id, name FROM live_area WHERE in_focus=1 ORDER BY name"
        ).fetchall()
        teams = conn.execute(
            "SELECT b.id, b.name FROM live_body b LEFT JOIN live_channel c ON c.key=b.channel_key "
            "WHERE b.kind='work_team' "
            "AND coalesce(c.chosen, 1)=1 ORDER BY b.position"
        ).fetchall()
        areas: dict[str, set] = {}
        represented: dict[str, set] = {}
        for bid, area_id, role, represents in conn.execute(
            f"SELECT DISTINCT m.body_id, p.area_id, m.role, m.represents_body_id {joined} "
            "AND b.kind='design'",
            args,
        ):
            areas.setdefault(bid, set()).add(area_id)
            if role == "team_representative":
                represented.setdefault(bid, set()).add(represents)
        for comp in design:
            comp.missing_focus_areas = [
                (aid, aname) for aid, aname in focus if aid not in areas.get(comp.body_id, ())
            ]
            comp.teams_without_representative = [
                (tid, tname) for tid, tname in teams if tid not in represented.get(comp.body_id, ())
            ]
    statuses = _chair_statuses(conn, bodies_of)
    for bid, pname, sector in conn.execute(
        f"SELECT b.id, p.name, p.sector FROM {table} b LEFT JOIN live_person p "
        "ON p.id=b.chair_person_id "
        f"WHERE {where} AND b.chair_person_id IS NOT NULL AND b.chair_person_id != ''",
        args,
    ):
        comp = comps[bid]
        if pname is None:
            comp.chair_person_id = None
            continue
        comp.chair_name, comp.chair_sector = pname, sector
        found = statuses.get(bid, set())
        comp.chair_has_membership = "joined" in found
        comp.chair_proposed = _is_proposed(found)
    return list(comps.values())


def proposed_chairs(conn: sqlite3.Connection) -> set[str]:
    """The ids of the bodies whose chair is still *proposed*: their chair membership is on
    the way along the pipeline (mapped … invited) and has not reached "joined". The app, the
    health findings and the handouts all say "proposed chair" for these."""
    statuses = _chair_statuses(conn, ("live_body", "1", ()))
    named = {
        bid
        for (bid,) in conn.execute(
            "SELECT b.id FROM live_body b JOIN live_person p ON p.id=b.chair_person_id"
        )
    }
    return {bid for bid, found in statuses.items() if bid in named and _is_proposed(found)}


def _is_proposed(chair_statuses: set[str]) -> bool:
    """A chair is proposed when none of their chair memberships has joined and one is still
    on the way (not declined, not left)."""
    return "joined" not in chair_statuses and bool(chair_statuses - {"declined", "left"})


def _chair_statuses(conn: sqlite3.Connection, bodies_of: Bodies) -> dict[str, set[str]]:
    """The statuses of each body's chair's own chair memberships (the program team's
    manager is its chair), by body id."""
    table, where, args = bodies_of
    statuses: dict[str, set[str]] = {}
    for bid, status in conn.execute(
        f"SELECT b.id, m.status FROM {table} b JOIN live_membership m ON m.body_id=b.id "
        "AND m.person_id=b.chair_person_id AND (m.role='chair' OR (m.role='manager' "
        f"AND b.kind='program_team')) WHERE {where}",
        args,
    ):
        statuses.setdefault(bid, set()).add(status)
    return statuses
