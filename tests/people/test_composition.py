"""Composition of a body and the health findings it feeds."""

from kehila_desktop.core import health
from kehila_desktop.core.structure.composition import RESIDENT_SECTORS, composition

from .helpers import add_person, body_id, join


def codes(conn):
    return {f.code for f in health.findings(conn, "en")}


def test_residents_share_sectors_and_findings(ops):
    conn = ops.conn
    design = body_id(conn, "design")
    program = conn.execute("SELECT id FROM program").fetchone()[0]
    with ops.step("setup"):
        ops.update("program", program, {"residents_target_pct": 50})
        area = ops.insert("area", {"name": "הזיתים", "in_focus": True})
        chair = add_person(ops, "ראש הרשות", sector="authority")
        join(ops, chair, design, role="chair")
        ops.update("body", design, {"chair_person_id": chair})
        prof = add_person(ops, "פרופ'", sector="academia")
        join(ops, prof, design)
        join(ops, add_person(ops, "תושבת", sector="resident"), design)
        join(ops, add_person(ops, "מוזמן", sector="resident"), design, status="invited")
    comp = composition(conn, design)
    assert comp.total == 3 and comp.residents == 1 and comp.in_pipeline == 1
    assert round(comp.residents_pct) == 33 and comp.residents_below_target
    assert "neighborhood" in comp.missing_sectors and "academia" not in comp.missing_sectors
    assert comp.missing_focus_areas == [(area, "הזיתים")]
    found = codes(conn)
    assert {
        "composition.residents_below_target",
        "composition.sector_missing",
        "composition.focus_area_missing",
    } <= found
    assert "composition.chair_not_authority" not in found
    message = next(
        f.message
        for f in health.findings(conn, "en")
        if f.code == "composition.residents_below_target"
    )
    assert "33%" in message and "50%" in message

    with ops.step("two more residents from the focus area"):
        for sector in ("neighborhood", "community"):
            join(ops, add_person(ops, sector, sector=sector, area_id=area), design)
    comp = composition(conn, design)
    assert comp.residents == 3 and comp.residents_pct == 60 and not comp.residents_below_target
    assert set(RESIDENT_SECTORS) <= {s for s, n in comp.by_sector.items() if n}
    assert "composition.residents_below_target" not in codes(conn)
    assert "composition.focus_area_missing" not in codes(conn)


def test_team_representatives_and_chairs(ops):
    from kehila_desktop.core.structure.edits import set_chosen_channels

    conn = ops.conn
    design = body_id(conn, "design")
    set_chosen_channels(ops, ["social", "urban"])
    teams = dict(conn.execute("SELECT channel_key, id FROM body WHERE kind='work_team'"))
    with ops.step("members"):
        rep = add_person(ops, "נציגה", sector="resident")
        join(ops, rep, design, role="team_representative", represents_body_id=teams["social"])
        resident_chair = add_person(ops, 'יו"ר תושב', sector="resident")
        ops.update("body", design, {"chair_person_id": resident_chair})  # no chair membership
    found = {(f.code, f.target[2]) for f in health.findings(conn, "en")}
    assert ("composition.team_without_representative", teams["urban"]) in found
    assert ("composition.team_without_representative", teams["social"]) not in found
    assert ("composition.chair_not_member", design) in found
    assert ("composition.chair_not_authority", design) in found


def test_a_work_team_needs_a_professional_and_a_resident(ops):
    from kehila_desktop.core.structure.edits import set_chosen_channels

    conn = ops.conn
    set_chosen_channels(ops, ["social", "urban"])
    teams = dict(conn.execute("SELECT channel_key, id FROM body WHERE kind='work_team'"))

    def found():
        return {(f.code, f.target[2]) for f in health.findings(conn, "en")}

    with ops.step("residents only"):
        for sector in ("resident", "neighborhood", "community"):
            join(ops, add_person(ops, f"תושב {sector}", sector=sector), teams["social"])
        join(ops, add_person(ops, "מהנדסת", sector="authority"), teams["urban"])
    assert ("composition.work_team_without_professional", teams["social"]) in found()
    assert ("composition.work_team_without_resident", teams["social"]) not in found()
    assert ("composition.work_team_without_resident", teams["urban"]) in found()
    assert ("composition.work_team_without_professional", teams["urban"]) not in found()
    # the initiative team is neither; a proposed member does not count yet
    join(ops, add_person(ops, "מלווה", sector="initiative"), teams["social"])
    join(ops, add_person(ops, "חוקר", sector="academia"), teams["social"], status="proposed")
    assert ("composition.work_team_without_professional", teams["social"]) in found()
    for sector in ("government", "civil_society", "academia", "business"):
        with ops.step("one professional"):
            pid = add_person(ops, sector, sector=sector)
            join(ops, pid, teams["social"])
        assert ("composition.work_team_without_professional", teams["social"]) not in found()
        ops.undo()
    join(ops, add_person(ops, "דייר", sector="resident"), teams["urban"])
    assert not {
        c for c, t in found() if c.startswith("composition.work_team") and t == teams["urban"]
    }
    text = next(
        f.message
        for f in health.findings(conn, "he")
        if f.code == "composition.work_team_without_professional"
    )
    assert "צוות" in text or "אפיק" in text


def test_all_compositions_read_in_a_fixed_number_of_queries(ops):
    """Set-based: the queries do not grow with the bodies (nor with their members)."""
    from kehila_desktop.core.structure.composition import all_compositions

    conn = ops.conn
    design = body_id(conn, "design")
    with ops.step("setup"):
        for n in range(4):
            join(ops, add_person(ops, f"חבר {n}", sector="resident"), design)
    statements: list[str] = []
    conn.set_trace_callback(statements.append)
    try:
        comps = all_compositions(conn)
    finally:
        conn.set_trace_callback(None)
    bodies = conn.execute("SELECT count(*) FROM body WHERE deleted=0").fetchone()[0]
    assert len(comps) == bodies >= 3
    assert len(statements) <= 10  # read per body, it was 5-7 for each of them
    assert {c.body_id: c for c in comps}[design] == composition(conn, design)


def test_the_handout_prints_the_residents_share_the_app_shows(tmp_path):
    """One definition: residents are residents, neighbourhood and community representatives
    among the members who joined — the handout, the People tab and the health list agree."""
    from kehila_desktop.core.file.create import create_program
    from kehila_desktop.core.file.programfile import open_program
    from kehila_desktop.core.sample.build import populate_sample
    from kehila_desktop.printing import build
    import pdfplumber

    path = create_program(tmp_path / "sample.kehila", populate=populate_sample)
    pf = open_program(path, read_only=True)
    try:
        comp = composition(pf.conn, body_id(pf.conn, "design"))
    finally:
        pf.close()
    assert comp.by_sector["neighborhood"] + comp.by_sector["community"] > 0  # the case at issue
    share = round(comp.residents_pct)
    out = tmp_path / "composition.pdf"
    build("composition", path, out, language="en")
    with pdfplumber.open(out) as pdf:
        text = " ".join(" ".join((page.extract_text() or "").split()) for page in pdf.pages)
    assert f"Residents: {share}% of the members" in text, text[:400]
    assert f"of the {comp.total} members who joined" in text
    assert f"{share}%" in text.split("Residents' share against the target", 1)[1]
