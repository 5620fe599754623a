"""Health rules about who sits on the bodies (seed: a multi-sector design committee with full
representation of all relevant groups, residents at a high level, team representatives on
it, steering and design chaired by the head of the authority or its director-general).

"No chair" and "no members" are structure rules (``rules/structure.py``); these rules look at
the people. Every finding points at the people view (table ``body``) where it is fixed.
"""

from __future__ import annotations

import sqlite3

from kehila_desktop.core.health import Finding
from kehila_desktop.core.i18n import label, tr
from kehila_desktop.core.structure.composition import CHAIRED_BY_AUTHORITY, Composition
from kehila_desktop.core.structure.composition import all_compositions as _read_all
from kehila_desktop.core.structure.queries import live_body_id


def all_compositions(conn: sqlite3.Connection) -> list[Composition]:
    """Every body's composition, read once per state of the file (the five rules share it)."""
    global _cache
    state = (conn.total_changes, conn.execute("PRAGMA data_version").fetchone()[0])
    cached = _cache  # one tuple, replaced whole: the Overview reads health in a worker thread
    if cached is not None and cached[0] is conn and cached[1] == state:
        return cached[2]
    value = _read_all(conn)
    _cache = (conn, state, value)
    return value


_cache: tuple | None = None


def design_committee(conn: sqlite3.Connection) -> list[Composition]:
    """The design committee's composition, as a list of one (none when the program has no
    design committee): the first live body of its kind, so a second one is not judged twice."""
    design_id = live_body_id(conn, "design")
    return [c for c in all_compositions(conn) if c.body_id == design_id]


def _target(comp: Composition) -> tuple[str, str, str]:
    return ("people", "body", comp.body_id)


def residents_share(conn: sqlite3.Connection, language: str | None) -> list[Finding]:
    out = []
    for comp in design_committee(conn):
        if comp.residents_below_target:
            out.append(
                Finding(
                    "composition.residents_below_target",
                    "warning",
                    tr(
                        "Residents are {share}% of {body} ({residents} of {total}); the program's "
                        "target is {target}%.",
                        language,
                        share=round(comp.residents_pct),
                        body=comp.body_name,
                        residents=comp.residents,
                        total=comp.total,
                        target=comp.target_pct,
                    ),
                    _target(comp),
                    {"share": round(comp.residents_pct, 1), "target": comp.target_pct},
                )
            )
    return out


def missing_sectors(conn: sqlite3.Connection, language: str | None) -> list[Finding]:
    out = []
    for comp in design_committee(conn):
        if not comp.total:
            continue
        for sector in comp.missing_sectors:
            out.append(
                Finding(
                    "composition.sector_missing",
                    "warning",
                    tr(
                        "{body} has nobody from {sector}.",
                        language,
                        body=comp.body_name,
                        sector=label("SECTORS", sector, language),
                    ),
                    _target(comp),
                    {"sector": sector},
                )
            )
    return out


def missing_focus_areas(conn: sqlite3.Connection, language: str | None) -> list[Finding]:
    out = []
    for comp in design_committee(conn):
        if not comp.total:
            continue
        for area_id, area in comp.missing_focus_areas:
            out.append(
                Finding(
                    "composition.focus_area_missing",
                    "advice",
                    tr(
                        "{body} has nobody from {area}, an area in the geographic focus.",
                        language,
                        body=comp.body_name,
                        area=area,
                    ),
                    _target(comp),
                    {"area_id": area_id},
                )
            )
    return out


def team_representatives(conn: sqlite3.Connection, language: str | None) -> list[Finding]:
    out = []
    for comp in design_committee(conn):
        for team_id, team in comp.teams_without_representative:
            out.append(
                Finding(
                    "composition.team_without_representative",
                    "warning",
                    tr(
                        "{team} has no representative on {body}.",
                        language,
                        team=team,
                        body=comp.body_name,
                    ),
                    ("people", "body", team_id),
                    {"team_id": team_id},
                )
            )
    return out


PROFESSIONAL_SECTORS = ("authority", "government", "civil_society", "academia", "business")


def work_team_mix(conn: sqlite3.Connection, language: str | None) -> list[Finding]:
    """Seed: work teams are made of professionals and residents — each work team with
    members has at least one professional (authority, government, civil society, academia or
    business) and at least one resident (resident, neighbourhood or community
    representative)."""
    out = []
    for comp in all_compositions(conn):
        if comp.kind != "work_team" or not comp.total:
            continue
        if not any(comp.by_sector.get(s) for s in PROFESSIONAL_SECTORS):
            out.append(
                Finding(
                    "composition.work_team_without_professional",
                    "warning",
                    tr(
                        "{team} has no professional (from the authority, government, civil "
                        "society, academia or business); a work team is made of professionals and "
                        "residents.",
                        language,
                        team=comp.body_name,
                    ),
                    _target(comp),
                )
            )
        if not comp.residents:
            out.append(
                Finding(
                    "composition.work_team_without_resident",
                    "warning",
                    tr(
                        "{team} has no resident (a resident, neighbourhood or community "
                        "representative); a work team is made of professionals and residents.",
                        language,
                        team=comp.body_name,
                    ),
                    _target(comp),
                )
            )
    return out


def chairs(conn: sqlite3.Connection, language: str | None) -> list[Finding]:
    out = []
    for comp in all_compositions(conn):
        if not comp.chair_person_id:
            continue  # "no chair" is a structure finding
        if comp.chair_proposed:
            out.append(
                Finding(
                    "composition.chair_proposed",
                    "advice",
                    tr(
                        "{person} is the proposed chair of {body}: they have not joined it yet.",
                        language,
                        person=comp.chair_name,
                        body=comp.body_name,
                    ),
                    _target(comp),
                )
            )
        elif not comp.chair_has_membership:
            out.append(
                Finding(
                    "composition.chair_not_member",
                    "warning",
                    tr(
                        "{person} chairs {body} but has no joined chair membership in it.",
                        language,
                        person=comp.chair_name,
                        body=comp.body_name,
                    ),
                    _target(comp),
                )
            )
        if comp.kind in CHAIRED_BY_AUTHORITY and comp.chair_sector != "authority":
            out.append(
                Finding(
                    "composition.chair_not_authority",
                    "advice",
                    tr(
                        "{body} should be chaired by the head of the authority or its "
                        "director-general; {person} is listed under {sector}.",
                        language,
                        body=comp.body_name,
                        person=comp.chair_name,
                        sector=label("SECTORS", comp.chair_sector, language),
                    ),
                    _target(comp),
                )
            )
    return out


RULES = [
    residents_share,
    missing_sectors,
    missing_focus_areas,
    team_representatives,
    work_team_mix,
    chairs,
]
