"""One definition of a proposed chair: the Structure diagram, the composition (health) and the
handouts agree on who is still "proposed chair" — named, their chair membership not joined."""

from __future__ import annotations

from kehila_desktop import api
from kehila_desktop.core.file.programfile import open_program
from kehila_desktop.core.structure.composition import composition, proposed_chairs
from kehila_desktop.core.structure.queries import diagram_bodies


def _proposed_everywhere(path, body_id) -> tuple[bool, bool, bool]:
    pf = open_program(path, read_only=True)
    try:
        drawn = {b.id: b.chair_proposed for b in diagram_bodies(pf.conn)}[body_id]
        return (
            drawn,
            composition(pf.conn, body_id).chair_proposed,
            body_id in proposed_chairs(pf.conn),
        )
    finally:
        pf.close()


def test_the_diagram_the_composition_and_the_handouts_agree(tmp_path):
    path = tmp_path / "p.kehila"
    with api.create(path) as prog:
        program_team = prog.body_ids("program_team")[0]
        design = prog.body_ids("design")[0]
        dana = prog.add_person("Dana", sector="authority")
        omar = prog.add_person("Omar", sector="authority")
        prog.set_chair(design, dana)  # a chair membership at "proposed"
        # the program team's chair is its manager: an invited manager is a proposed chair
        prog.add_membership(omar, program_team, role="manager", status="invited")
        prog.set_chair(program_team, omar)
    assert _proposed_everywhere(path, design) == (True, True, True)
    assert _proposed_everywhere(path, program_team) == (True, True, True)
    with api.open(path) as prog:
        (m,) = [m for m in prog.memberships(program_team) if m["person_id"] == omar]
        prog.update_membership(m["id"], status="joined")
        (d,) = prog.memberships(design)
        prog.update_membership(d["id"], status="declined")  # declined: no longer on the way
    assert _proposed_everywhere(path, program_team) == (False, False, False)
    assert _proposed_everywhere(path, design) == (False, False, False)
