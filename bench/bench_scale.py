"""The people table and program health at 5,000 and 20,000 people, beside raw sqlite3.

Figures (issue 18 items 2-3): reading the people table (``people_rows``) beside raw sqlite3
fetching the same query, at 5k and 20k (target ≤ 2×); the 20k read beside four times the 5k
read (linear growth: target ≤ 1.5×); the composition of every body (``all_compositions``, a
fixed number of set-based queries) beside raw sqlite3 fetching the joined members it counts;
every health rule (``health.findings``, what the Overview computes in its worker thread) at
20k beside raw sqlite3 fetching the attendance marks and memberships the rules judge.
The machine is shared: figures vary by up to 2× between runs; compare ratios of one run (the
people read and its raw baseline are timed in turn, ``paired``, so both meet the same load).
"""

from __future__ import annotations

import sqlite3

from kehila_desktop.core.file.tables import create_live_views

from bench.common import best_of, big_program, paired

MARKS_SQL = (
    "SELECT mt.body_id, a.person_id, mt.starts_at, a.status FROM attendance a JOIN "
    "meeting mt ON mt.id=a.meeting_id WHERE a.deleted=0 AND mt.deleted=0 "
    "AND mt.status='held'"
)
MEMBERS_SQL = (
    "SELECT m.body_id, p.id, p.sector, p.area_id FROM membership m JOIN person p "
    "ON p.id=m.person_id WHERE m.deleted=0 AND p.deleted=0 AND m.status='joined'"
)


def run(report) -> None:
    from kehila_desktop.core import health
    from kehila_desktop.core.file.programfile import open_program
    from kehila_desktop.core.people.search import PEOPLE_SQL, people_rows
    from kehila_desktop.core.structure.composition import all_compositions

    from kehila_desktop.core.structure import composition_rules
    from kehila_desktop.core.workplan import rules as plan_rules

    def fresh_findings(conn):
        composition_rules._cache = plan_rules._cache = None  # as after an edit: read anew
        return health.findings(conn, "he")

    reads = {}
    for people in (5000, 20000):
        path = big_program(people)
        pf = open_program(path, read_only=True)
        raw = sqlite3.connect(path)
        create_live_views(raw)  # PEOPLE_SQL reads the live_<table> views
        reads[people], raw_read = paired(
            lambda: people_rows(pf.conn), lambda: raw.execute(PEOPLE_SQL).fetchall()
        )
        report.add(
            f"people table at {people // 1000}k: people_rows",
            reads[people],
            "raw sqlite3: the same query",
            raw_read,
            2,
        )
        report.add(
            f"compositions at {people // 1000}k: all bodies",
            best_of(lambda: all_compositions(pf.conn)),
            "raw sqlite3: the joined members",
            best_of(lambda: raw.execute(MEMBERS_SQL).fetchall()),
        )
        if people == 20000:
            report.add(
                "health at 20k: every rule (health.findings)",
                best_of(lambda: fresh_findings(pf.conn), 3),
                "raw sqlite3: marks + memberships",
                best_of(
                    lambda: (
                        raw.execute(MARKS_SQL).fetchall(),
                        raw.execute(MEMBERS_SQL).fetchall(),
                    ),
                    3,
                ),
            )
        raw.close()
        pf.close()
    report.add(
        "people table: 20k read", reads[20000], "4 × the 5k read (linear)", 4 * reads[5000], 1.5
    )
