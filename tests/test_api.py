"""The public API (kehila_desktop.api): its documented example runs as written, and the
domain's rules hold through it — the same operations the views call."""

from __future__ import annotations

import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from kehila_desktop import api
from kehila_desktop.core import i18n

DOC = Path(__file__).resolve().parent.parent / "docs" / "API.md"


@pytest.fixture(autouse=True)
def english():
    before = i18n.language()
    api.set_language("en")
    yield
    i18n.set_language(before)


def _blocks(kind: str) -> list[str]:
    return re.findall(rf"```{kind}\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)


def test_the_example_in_api_md_runs_and_prints_what_the_page_says(tmp_path):
    code = _blocks("python")[0]
    assert (DOC.parent / "api_example.py").read_text(encoding="utf-8") == code
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == _blocks("text")[0]


def _dump(path: Path) -> list:
    conn = sqlite3.connect(path)
    try:
        return [
            (t, sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr))
            for (t,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name"
            )
        ]
    finally:
        conn.close()


@pytest.fixture
def program(tmp_path):
    with api.create(tmp_path / "p.kehila", name="P", locality="L") as handle:
        yield handle


def test_naming_a_chair_makes_them_a_chair_member_and_the_old_chair_a_member(program):
    steering = program.body_ids("steering")[0]
    a = program.add_person("A", sector="authority")
    b = program.add_person("B", sector="authority")
    program.add_membership(a, steering, status="joined")
    program.set_chair(steering, a)
    assert program.chair(steering) == a
    assert [(m["person"], m["role"]) for m in program.memberships(steering)] == [("A", "chair")]
    assert not any(f["code"].startswith("composition.chair") for f in program.findings())

    program.set_chair(steering, b)  # B has no membership: one is added, at "proposed"
    roles = {m["person"]: (m["role"], m["status"]) for m in program.memberships(steering)}
    assert roles == {"A": ("member", "joined"), "B": ("chair", "proposed")}
    codes = [f["code"] for f in program.findings()]
    assert "composition.chair_proposed" in codes and "composition.chair_not_member" not in codes

    mid = next(m["id"] for m in program.memberships(steering) if m["person"] == "B")
    program.update_membership(mid, status="joined")
    assert next(m for m in program.memberships(steering) if m["person"] == "B")["joined_on"]
    assert "composition.chair_proposed" not in [f["code"] for f in program.findings()]


def test_giving_a_membership_the_chair_role_names_the_chair_and_removing_it_clears_it(program):
    design = program.body_ids("design")[0]
    a = program.add_person("A", sector="authority")
    mid = program.add_membership(a, design, role="member", status="joined")
    assert program.chair(design) is None
    program.update_membership(mid, role="chair")
    assert program.chair(design) == a
    program.update_membership(mid, status="left")
    assert program.chair(design) is None
    assert next(m for m in program.memberships(design))["left_on"]


def test_a_second_membership_in_the_same_body_is_refused_and_changes_nothing(program):
    design = program.body_ids("design")[0]
    a = program.add_person("Rana", sector="resident")
    program.add_membership(a, design)
    before = _dump(program.path)
    with pytest.raises(
        api.InvalidEdit,
        match=r"^Rana is already in design committee "
        r"\(mapped\); edit that membership",
    ):
        program.add_membership(a, design, role="chair")
    assert _dump(program.path) == before
    assert len(program.memberships(design)) == 1


def test_refused_edits_change_nothing(program):
    a = program.add_person("A", sector="resident")
    before = _dump(program.path)
    for refused in (
        lambda: program.add_person("  ", sector="resident"),
        lambda: program.add_person("B", sector="martian"),
        lambda: program.update_person(a, phone="12"),
        lambda: program.update_person(a, email="a@b"),
        lambda: program.add_membership(a, "no such body"),
        lambda: program.add_membership(a, program.body_ids("design")[0], role="king"),
    ):
        with pytest.raises(api.InvalidEdit) as caught:
            refused()
        assert str(caught.value) and "{" not in str(caught.value)
    assert _dump(program.path) == before


def test_deleting_a_person_takes_their_memberships_and_chair_and_one_undo_brings_them_back(program):
    steering, design = program.body_ids("steering")[0], program.body_ids("design")[0]
    a = program.add_person("A", sector="authority")
    program.add_membership(a, design, status="joined")
    program.set_chair(steering, a)
    program.delete_person(a)
    assert program.memberships(steering) == program.memberships(design) == []
    assert program.chair(steering) is None
    assert program.undo() == "delete A"
    assert len(program.memberships(steering)) == len(program.memberships(design)) == 1
    assert program.chair(steering) == a


def test_the_refusal_is_the_apps_sentence_in_the_apps_language(program):
    api.set_language("he")
    with pytest.raises(api.InvalidEdit) as caught:
        program.add_person("", sector="resident")
    assert str(caught.value) == i18n.tr("A person needs a name.", "he") != "A person needs a name."


def test_closing_releases_the_lock_and_read_only_refuses_edits(tmp_path):
    path = tmp_path / "x.kehila"
    from kehila_desktop.core.file.lock import lock_path, read_lock

    with api.create(path) as first:
        assert read_lock(path) is not None  # the app would offer read-only now
        first.add_area("North")
    assert not lock_path(path).exists()
    with api.open(path) as again:
        assert again.body_ids("work_team") == []
    with api.open(path, read_only=True) as reader:
        with pytest.raises(api.InvalidEdit):
            reader.add_area("South")
