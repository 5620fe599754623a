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

RESIDENT_SECTORS = ("resident", "neighborhood", "community")
CHAIRED_BY_AUTHORITY = ("steering", "design")


@dataclass
class Composition:
    body_id: str
    body_name: str
    kind: str
    total: int = 0                                     # joined members (distinct people)
    by_sector: dict[str, int] = field(default_factory=dict)  # every sector, zero included
    residents: int = 0
    target_pct: int = 0
    in_pipeline: int = 0                               # mapped … invited, not yet joined
    missing_sectors: list[str] = field(default_factory=list)
    missing_focus_areas: list[tuple[str, str]] = field(default_factory=list)  # (id, name)
    teams_without_representative: list[tuple[str, str]] = field(default_factory=list)
    chair_person_id: str | None = None
    chair_name: str = ""
    chair_has_membership: bool = False  # a joined chair membership
    chair_proposed: bool = False        # a chair membership on the way (not joined yet)
    chair_sector: str = ""

    @property
    def residents_pct(self) -> float:
        return 100.0 * self.residents / self.total if self.total else 0.0

    def share(self, sector: str) -> float:
        return 100.0 * self.by_sector.get(sector, 0) / self.total if self.total else 0.0

    @property
    def residents_below_target(self) -> bool:
        return self.total > 0 and self.residents_pct < self.target_pct


def composition(conn: sqlite3.Connection, body_id: str) -> Composition:
    """The composition of one body (see the module docstring)."""
    row = conn.execute("SELECT name, kind, chair_person_id FROM body WHERE id=?",
                       (body_id,)).fetchone()
    if row is None:
        raise KeyError(body_id)
    name, kind, chair_id = row
    target = conn.execute("SELECT residents_target_pct FROM program WHERE deleted=0"
                          ).fetchone()
    comp = Composition(body_id, name, kind, target_pct=int(target[0]) if target else 0,
                       chair_person_id=chair_id)
    comp.by_sector = {key: 0 for key in enums.SECTORS}
    members = conn.execute(
        "SELECT DISTINCT p.id, p.sector, p.area_id FROM membership m "
        "JOIN person p ON p.id = m.person_id WHERE m.body_id=? AND m.deleted=0 "
        "AND p.deleted=0 AND m.status='joined'", (body_id,)).fetchall()
    areas = set()
    for _, sector, area_id in members:
        comp.by_sector[sector] = comp.by_sector.get(sector, 0) + 1
        areas.add(area_id)
    comp.total = len(members)
    comp.residents = sum(comp.by_sector.get(s, 0) for s in RESIDENT_SECTORS)
    comp.in_pipeline = conn.execute(
        "SELECT count(DISTINCT m.person_id) FROM membership m JOIN person p ON p.id=m.person_id "
        "WHERE m.body_id=? AND m.deleted=0 AND p.deleted=0 AND m.status IN "
        "('mapped','proposed','approved','invited') AND m.person_id NOT IN (SELECT person_id "
        "FROM membership WHERE body_id=? AND deleted=0 AND status='joined')",
        (body_id, body_id)).fetchone()[0]
    comp.missing_sectors = [s for s in enums.SECTORS if not comp.by_sector.get(s)]
    if kind == "design":
        comp.missing_focus_areas = [
            (aid, aname) for aid, aname in conn.execute(
                "SELECT id, name FROM area WHERE deleted=0 AND in_focus=1 ORDER BY name")
            if aid not in areas]
        represented = {r for (r,) in conn.execute(
            "SELECT m.represents_body_id FROM membership m JOIN person p ON p.id=m.person_id "
            "WHERE m.body_id=? AND m.deleted=0 AND p.deleted=0 AND m.status='joined' "
            "AND m.role='team_representative'", (body_id,))}
        comp.teams_without_representative = [
            (tid, tname) for tid, tname in conn.execute(
                "SELECT b.id, b.name FROM body b LEFT JOIN channel c ON c.key=b.channel_key "
                "AND c.deleted=0 WHERE b.kind='work_team' AND b.deleted=0 "
                "AND coalesce(c.chosen, 1)=1 ORDER BY b.position")
            if tid not in represented]
    if chair_id:
        person = conn.execute("SELECT name, sector FROM person WHERE id=? AND deleted=0",
                              (chair_id,)).fetchone()
        if person:
            comp.chair_name, comp.chair_sector = person
        else:
            comp.chair_person_id = None
        statuses = {s for (s,) in conn.execute(
            "SELECT status FROM live_membership WHERE body_id=? AND person_id=? "
            "AND (role='chair' OR (role='manager' AND ?='program_team'))",
            (body_id, chair_id, kind))} if person else set()
        comp.chair_has_membership = "joined" in statuses
        comp.chair_proposed = not comp.chair_has_membership and bool(
            statuses - {"declined", "left"})
    return comp


def all_compositions(conn: sqlite3.Connection) -> list[Composition]:
    return [composition(conn, bid) for (bid,) in conn.execute(
        "SELECT id FROM body WHERE deleted=0 ORDER BY position").fetchall()]
