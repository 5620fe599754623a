"""A chair who has not joined yet prints as the app shows them: "Proposed chair", in the
structure handout (diagram and facts), a member's role letter and a meeting's agenda, in
Hebrew, Arabic and English; a chair who joined still prints as "Chair"."""

from __future__ import annotations

import pytest

from kehila_desktop import api
from kehila_desktop.core.i18n import tr
from kehila_desktop.printing import build

from .pdftext import all_segments, fribidi, needs_fribidi


@pytest.fixture(scope="module")
def program(tmp_path_factory):
    """Steering: Dana named chair, still proposed; Riva invited. Design: Omar, chair, joined."""
    path = tmp_path_factory.mktemp("chair") / "chair.kehila"
    with api.create(path, name="Chair test") as prog:
        steering = prog.body_ids("steering")[0]
        design = prog.body_ids("design")[0]
        dana = prog.add_person("Dana Levi", sector="authority")
        omar = prog.add_person("Omar Haddad", sector="authority")
        riva = prog.add_person("Riva Cohen", sector="resident")
        prog.set_chair(steering, dana)
        prog.add_membership(omar, design, status="joined")
        prog.set_chair(design, omar)
        prog.add_membership(riva, steering, status="invited")
        meeting = prog.new_meeting(steering, "2027-01-10")
    return {"path": path, "steering": steering, "riva": riva, "meeting": meeting}


def _shown(text: str, language: str) -> str:
    """``text`` as pdfplumber reads it back from a handout in ``language``."""
    return text if language == "en" else fribidi([text], rtl=True)[0]


LANGUAGES = [
    "en",
    pytest.param("he", marks=needs_fribidi),
    pytest.param("ar", marks=needs_fribidi),
]


@pytest.mark.parametrize("language", LANGUAGES)
def test_structure_handout_says_proposed_chair(program, tmp_path, language):
    out = tmp_path / f"structure-{language}.pdf"
    build("structure", program["path"], out, language=language)
    printed = all_segments(out)
    proposed = tr("Proposed chair: {name}", language, name="Dana Levi")
    assert _shown(proposed, language) in printed  # the diagram's box
    assert _shown(tr("Chair: {name}", language, name="Dana Levi"), language) not in printed
    assert _shown(tr("Chair: {name}", language, name="Omar Haddad"), language) in printed
    assert _shown(tr("Proposed chair", language), language) in printed  # the steering facts
    assert printed.count(_shown(tr("Chair", language), language)) == 1  # the design's, only


@pytest.mark.parametrize("language", LANGUAGES)
def test_role_letter_and_agenda_say_proposed_chair(program, tmp_path, language):
    for handout, options in (
        ("role-letter", {"body": program["steering"], "member": program["riva"]}),
        ("agenda", {"meeting": program["meeting"]}),
    ):
        out = tmp_path / f"{handout}-{language}.pdf"
        build(handout, program["path"], out, language=language, **options)
        printed = all_segments(out)
        assert _shown(tr("Proposed chair", language), language) in printed, handout
        assert _shown(tr("Chair", language), language) not in printed, handout
        assert "Dana Levi" in printed, handout
