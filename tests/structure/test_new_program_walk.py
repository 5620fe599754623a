"""From an empty file to the first design-committee meeting, as a locality does it without the
sample: through the public API and the ``kehila`` command (import with --add-areas and
--consent, print the role letters and the open call), following the set-up guide step by
step until every step is ticked. The sheet: 20 partners from four neighbourhoods, as a
locality's mapping hands it over (Hebrew headers and sector labels, no consent column)."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from kehila_desktop import api
from kehila_desktop.core import i18n


NEIGHBOURHOODS = ("הזיתים", "נווה שאנן", "רמת אלון", "גבעת הרקפות")
# (name, organisation, sector key, neighbourhood index)
PARTNERS = (
    ("רונית אזולאי", "עירייה", "authority", 0),
    ("יוסי מזרחי", "מחלקת הרווחה", "authority", 1),
    ("סמאח חטיב", "", "resident", 0),
    ("דוד כהן", "", "resident", 1),
    ("מרים לוי", "", "resident", 2),
    ("אחמד נסאר", "", "resident", 3),
    ("תמר פרץ", "ועד שכונת הזיתים", "neighborhood", 0),
    ("עומר חדד", "ועד נווה שאנן", "neighborhood", 1),
    ("לאה ביטון", "קהילת יוצאי אתיופיה", "community", 2),
    ("נאדיה עבאס", "מרכז קהילתי", "community", 3),
    ("אבי שושן", "משרד הרווחה", "government", 0),
    ("רחל אברהם", "משרד החינוך", "government", 1),
    ("חנה גבאי", "עמותת יחד", "civil_society", 2),
    ("מוחמד דראושה", "עמותת גשר", "civil_society", 3),
    ("שרה דהן", "המכללה האזורית", "academia", 0),
    ("יעל רוזן", "האוניברסיטה", "academia", 1),
    ("משה אוחיון", "בנק הפועלים", "business", 2),
    ("עדי גולן", "חברת הבנייה", "business", 3),
    ("נועם שרעבי", "צוות היוזמה", "initiative", 0),
    ("ליאור בן דוד", "", "resident", 2),
)


def write_partners_sheet(path: Path) -> Path:
    """Write the sheet (.xlsx) to ``path``; returns it."""
    from openpyxl import Workbook

    from kehila_desktop.core.i18n import label

    book = Workbook()
    sheet = book.active
    sheet.title = "מיפוי שותפים"
    sheet.append(["שם", "ארגון", "מגזר", "שכונה", "טלפון", 'דוא"ל'])
    for n, (name, org, sector, area) in enumerate(PARTNERS):
        sheet.append(
            [
                name,
                org,
                label("SECTORS", sector, "he"),
                NEIGHBOURHOODS[area],
                f"052-{1000000 + n:07d}",
                f"partner{n + 1}@example.org",
            ]
        )
    book.save(path)
    return path


PASSED = "passed_consensus"
PROFESSIONAL = ("authority", "government", "civil_society", "academia", "business")


@pytest.fixture(autouse=True)
def english():
    before = i18n.language()
    api.set_language("en")
    yield
    i18n.set_language(before)


def kehila(*args):
    env = dict(os.environ, KEHILA_LANGUAGE="en")
    result = subprocess.run(
        [sys.executable, "-m", "kehila_desktop.cli", *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr + result.stdout
    return result.stdout


def _done(program) -> dict[str, bool]:
    return {s["key"]: s["done"] for s in program.setup_guide()}


def _day(days: int) -> str:
    return (date.today() + timedelta(days=days)).isoformat()


def test_a_new_program_follows_the_guide_to_the_first_design_committee_meeting(tmp_path):
    path = tmp_path / "town.kehila"
    with api.create(path, name="Kehila Metiva", locality="Givat Hadekalim") as program:
        assert not any(_done(program).values())
        # 1. the steering committee and its chair (the head of the authority)
        steering = program.body_ids("steering")[0]
        head = program.add_person("Head of the authority", sector="authority")
        program.set_chair(steering, head)
        chair = program.memberships(steering)[0]["id"]
        program.update_membership(chair, status="joined")
        for name, sector in (("Director-general", "authority"), ("Welfare", "government")):
            mid = program.add_membership(program.add_person(name, sector=sector), steering)
            program.update_membership(mid, status="joined")
        assert _done(program)["steering"]
        # 2. the steering committee's first meeting decides scope, timelines and channels
        first = program.new_meeting(steering, _day(-7))
        program.record_decision(
            first, "Scope", "scope", payload={"scope": "Three old neighbourhoods"}, outcome=PASSED
        )
        program.record_decision(
            first,
            "Timelines",
            "timeline",
            payload={"start_date": _day(-7), "end_date": _day(3 * 365), "timeline": "3 years"},
            outcome=PASSED,
        )
        program.record_decision(
            first,
            "Channels",
            "channels",
            payload={"channels": ["social", "urban"]},
            outcome=PASSED,
        )
        assert _done(program)["scope"] and _done(program)["channels"]

    # 3. the mapping: a sheet of 20 partners naming four neighbourhoods, by the command
    sheet = write_partners_sheet(tmp_path / "partners.xlsx")
    kehila("import", path, sheet, "--add-areas", "--consent", "yes")

    with api.open(path) as program:
        people = {p["name"]: p for p in program.people()}
        assert all(name in people for name, *_ in PARTNERS)
        areas = {a["name"]: a["id"] for a in program.areas()}
        assert sorted(areas) == sorted(NEIGHBOURHOODS)
        assert all(people[name]["contact_consent"] for name, *_ in PARTNERS)
        # the geographic focus: two of the four, by a steering decision
        focus = [areas[NEIGHBOURHOODS[0]], areas[NEIGHBOURHOODS[1]]]
        program.record_decision(
            program.new_meeting(program.body_ids("steering")[0], _day(-1)),
            "Focus",
            "focus",
            payload={"areas": focus},
            outcome=PASSED,
        )
        assert _done(program)["focus"]
        # 4. a work team per chosen channel, with professionals and residents
        teams = program.body_ids("work_team")
        assert len(teams) == 2
        partners = [people[name] for name, *_ in PARTNERS]
        pros = [p for p in partners if p["sector"] in PROFESSIONAL]
        residents = [p for p in partners if p["sector"] == "resident"]
        for n, team in enumerate(teams):
            for person in (pros[n], residents[n]):
                mid = program.add_membership(person["id"], team)
                program.update_membership(mid, status="joined")
        assert _done(program)["work_teams"]
        # 5. every partner is a candidate for the design committee
        design = program.body_ids("design")[0]
        candidates = [program.add_membership(p["id"], design) for p in partners]
        assert _done(program)["mapping"] and not _done(program)["composition"]
        # 6. put forward to the next steering meeting; the room decides the composition
        meeting = program.new_meeting(program.body_ids("steering")[0], _day(10))
        program.put_forward(candidates)
        decision = program.decide_composition(meeting, candidates, outcome=PASSED)
        assert {m["status"] for m in program.memberships(design)} == {"approved"}
        assert {a["decision_id"] for a in program.approvals().values()} == {decision}
        assert _done(program)["composition"] and not _done(program)["invitations"]

    # 7. role letters and the open call, printed by the command
    letters = tmp_path / "letters.pdf"
    kehila("print", path, "role-letter", letters, "--body", design)
    call = tmp_path / "open-call.pdf"
    kehila("print", path, "open-call", call, "--body", design)
    pages = subprocess.run(
        ["pdfinfo", str(letters)], capture_output=True, text=True, check=True
    ).stdout
    assert int(next(line.split()[-1] for line in pages.splitlines() if line.startswith("Pages")))
    assert call.stat().st_size > 0

    with api.open(path) as program:
        for m in program.memberships(design):
            program.update_membership(m["id"], status="invited")
        assert _done(program)["invitations"]
        # someone answers the open call
        walk_in = program.add_person("Walk-in resident", sector="resident")
        mid = program.add_membership(walk_in, design, status="proposed")
        program.update_membership(mid, source="open_call")
        assert _done(program)["open_call"]
        # 8. the first meeting of the design committee
        program.new_meeting(design, _day(30))
        assert all(_done(program).values()), program.setup_guide()
