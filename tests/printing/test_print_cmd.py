"""``kehila print``: a PDF on success; exit 2 naming what is missing; exit 3 for a file that
is not a program file; never a half-written PDF left behind."""

from __future__ import annotations

import pytest

from kehila_desktop.cli import main


def test_print_agenda_in_arabic(sample_file, tmp_path, capsys):
    import sqlite3

    conn = sqlite3.connect(sample_file)
    meeting = conn.execute("SELECT id FROM meeting WHERE deleted=0 LIMIT 1").fetchone()[0]
    conn.close()
    before = sample_file.read_bytes()
    out = tmp_path / "out" / "agenda.pdf"
    out.parent.mkdir()
    assert (
        main(
            [
                "print",
                str(sample_file),
                "agenda",
                str(out),
                "--language",
                "ar",
                "--meeting",
                meeting,
            ]
        )
        == 0
    )
    assert out.read_bytes().startswith(b"%PDF") and list(out.parent.iterdir()) == [out]
    assert sample_file.read_bytes() == before  # printing never writes to the program file


@pytest.mark.parametrize(
    "argv, named",
    [
        (["nope"], "nope"),
        (["agenda", "--meeting", "no-such-meeting"], "no-such-meeting"),
        (["agenda"], "--meeting"),
        (["roster", "--body", "no-such-body"], "no-such-body"),
        (["role-letter", "--member", "no-such-person"], "no-such-person"),
    ],
)
def test_missing_things_exit_2_naming_them(printed_sample, tmp_path, capsys, argv, named):
    out = tmp_path / "x.pdf"
    code = main(["print", str(printed_sample), argv[0], str(out), *argv[1:]])
    err = capsys.readouterr().err
    assert code == 2
    assert named in err and len(err.strip().splitlines()) == 1
    assert list(tmp_path.iterdir()) == []


def test_not_a_program_file_exits_3(tmp_path, capsys):
    bad = tmp_path / "bad.kehila"
    bad.write_text("not a database")
    out = tmp_path / "x.pdf"
    assert main(["print", str(bad), "people", str(out)]) == 3
    assert not out.exists()


def test_existing_pdf_is_replaced_whole(printed_sample, tmp_path):
    out = tmp_path / "people.pdf"
    out.write_bytes(b"old")
    assert main(["print", str(printed_sample), "people", str(out), "--no-contacts"]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    assert [p.name for p in tmp_path.iterdir()] == ["people.pdf"]
