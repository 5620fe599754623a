"""The composition rules about the design committee judge *the* design committee: the first
live body of the kind. A second design committee does not double the findings, and a deleted
one is not judged."""

from __future__ import annotations

from kehila_desktop.core.health import findings
from kehila_desktop.core.structure.edits import set_chosen_channels

DESIGN_CODES = (
    "composition.residents_below_target",
    "composition.sector_missing",
    "composition.focus_area_missing",
    "composition.team_without_representative",
)


def _design(ops) -> str:
    return ops.conn.execute("SELECT id FROM live_body WHERE kind='design'").fetchone()[0]


def _add_design(ops, name: str, position: float) -> str:
    return ops.insert("body", {"kind": "design", "name": name, "position": position})


def _with_a_member(ops, body: str) -> None:
    """An authority member who joined (residents below target, sectors missing), a focus area
    nobody comes from, and a chosen channel whose work team has no representative."""
    with ops.step("setup"):
        person = ops.insert("person", {"name": "דנה", "sector": "authority"})
        ops.insert("membership", {"person_id": person, "body_id": body, "status": "joined"})
        if not ops.conn.execute("SELECT 1 FROM live_area").fetchone():
            ops.insert("area", {"name": "שכונה א", "in_focus": 1})
    set_chosen_channels(ops, ["social"])


def _design_findings(ops) -> list[tuple[str, str]]:
    """(code, the design committee named in the message) of each design-committee finding."""
    names = dict(ops.conn.execute("SELECT id, name FROM live_body WHERE kind='design'"))
    return [
        (f.code, next((n for n in names.values() if n in f.message), ""))
        for f in findings(ops.conn, "en")
        if f.code in DESIGN_CODES
    ]


def test_a_second_design_committee_does_not_double_the_findings(ops):
    first = _design(ops)
    _with_a_member(ops, first)
    alone = _design_findings(ops)
    assert {code for code, _ in alone} == set(DESIGN_CODES)
    second = _add_design(ops, "ועדת עיצוב שנייה", 10)
    _with_a_member(ops, second)
    assert _design_findings(ops) == alone  # once each, about the first one
    (team,) = [f for f in findings(ops.conn, "en") if f.code == DESIGN_CODES[3]]
    assert "ועדת עיצוב שנייה" not in team.message


def test_a_deleted_design_committee_is_not_judged(ops):
    old = _design(ops)
    _with_a_member(ops, old)
    ops.delete("body", old)
    new = _add_design(ops, "ועדת עיצוב חדשה", 1)
    assert _design_findings(ops) == [("composition.team_without_representative", "ועדת עיצוב חדשה")]
    _with_a_member(ops, new)
    assert {code for code, name in _design_findings(ops)} == set(DESIGN_CODES)
    assert {name for code, name in _design_findings(ops)} == {"ועדת עיצוב חדשה"}
