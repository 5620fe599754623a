"""``kehila share`` and ``kehila merge`` as a user runs them (in-process, for speed)."""

from __future__ import annotations

import hashlib
import json

from kehila_desktop.cli import main
from kehila_desktop.core.file.create import create_program

from .helpers import PEOPLE, open_ops


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_share_then_merge_dry_run_json_and_for_real(program, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("KEHILA_LANGUAGE", "en")
    copy = tmp_path / "copy.kehila"
    assert main(["share", str(program), str(copy), "--no-contacts"]) == 0
    assert "without phones and e-mails" in capsys.readouterr().out
    ops = open_ops(copy)
    person = ops.conn.execute("SELECT id FROM person WHERE name=?", (PEOPLE[1][0],)).fetchone()[0]
    ops.update("person", person, {"community": "דרוזית"})
    ops.pf.close()

    before = _digest(program)
    assert main(["merge", str(program), str(copy), "--dry-run", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["dry_run"] is True
    assert report["counts"] == {"added": 0, "changed": 1, "conflicts": 0, "deleted": 0, "kept": 0}
    assert report["changed"][0]["new"] == "דרוזית"
    assert _digest(program) == before

    assert main(["merge", str(program), str(copy)]) == 0
    out = capsys.readouterr().out
    assert "Changed by the copy:" in out and "community was (empty), now דרוזית" in out
    assert main(["merge", str(program), str(copy)]) == 0
    assert "nothing that this file does not already have" in capsys.readouterr().out


def test_merging_another_program_exits_3_with_one_line(program, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("KEHILA_LANGUAGE", "he")
    other = create_program(tmp_path / "other.kehila", name="אחרת")
    before = _digest(program)
    assert main(["merge", str(program), str(other)]) == 3
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "תוכנית אחרת (אחרת)" in err
    assert _digest(program) == before


def test_share_refuses_to_overwrite(program, tmp_path, capsys):
    target = tmp_path / "exists.kehila"
    target.write_bytes(b"mine")
    assert main(["share", str(program), str(target)]) == 2
    assert target.read_bytes() == b"mine"
    assert capsys.readouterr().err.startswith("kehila: ")


def test_merge_waits_for_no_one_else_to_have_the_file_open(program, tmp_path, capsys, monkeypatch):
    import json as _json
    import socket

    monkeypatch.setenv("KEHILA_LANGUAGE", "en")
    copy = tmp_path / "copy.kehila"
    assert main(["share", str(program), str(copy)]) == 0
    lock = program.with_name(program.name + ".lock")
    lock.write_text(
        _json.dumps(
            {"pid": 1, "host": socket.gethostname() + "-elsewhere", "user": "rina", "since": ""}
        )
    )
    before = _digest(program)
    assert main(["merge", str(program), str(copy)]) == 3
    assert "rina" in capsys.readouterr().err
    assert _digest(program) == before and lock.exists()


def test_merge_names_the_join_and_kehila_join_does_it(program, tmp_path, capsys, monkeypatch):
    from kehila_desktop.core.history.merge import likely_duplicates

    monkeypatch.setenv("KEHILA_LANGUAGE", "en")
    copy = tmp_path / "copy.kehila"
    assert main(["share", str(program), str(copy)]) == 0
    for path, name in ((program, "Rina Tal"), (copy, "רינה טל")):  # both import Rina
        ops = open_ops(path)
        ops.insert("person", {"name": name, "email": "rina@example.org"})
        ops.pf.close()
    capsys.readouterr()
    assert main(["merge", str(program), str(copy)]) == 0
    out = capsys.readouterr().out
    (hint,) = [line for line in out.splitlines() if line.startswith("To join them: ")]
    command = hint.removeprefix("To join them: kehila ").split()
    assert command[:2] == ["join", str(program)]
    assert main(command) == 0
    assert capsys.readouterr().out.startswith("Joined ")
    ops = open_ops(program)
    assert likely_duplicates(ops.conn) == []
    assert ops.undo_label.startswith("join Rina Tal with ")  # the first added stays
    ops.pf.close()


def test_join_refusals_exit_2_or_3_with_one_line(program, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("KEHILA_LANGUAGE", "en")
    ops = open_ops(program)
    dana = ops.conn.execute("SELECT id FROM person WHERE name=?", (PEOPLE[0][0],)).fetchone()[0]
    ops.pf.close()
    before = _digest(program)
    for args, status, words in (
        ([dana, "zzzzzzzz"], 2, "There is no person zzzzzzzz in this program file."),
        ([dana[:6], dana], 2, "A person cannot be joined with themselves"),
    ):
        assert main(["join", str(program), *args]) == status
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and words in err
    assert _digest(program) == before
    assert main(["join", str(tmp_path / "missing.kehila"), dana, dana]) == 3
    assert capsys.readouterr().err.count("\n") == 1
