"""``kehila import`` and ``kehila export … people`` as a user runs them."""

import hashlib

from kehila_desktop.cli import main


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def count(path):
    from kehila_desktop.core.file.programfile import open_program

    with open_program(path, read_only=True) as pf:
        return pf.conn.execute("SELECT count(*) FROM person WHERE deleted=0").fetchone()[0]


def test_dry_run_reports_and_writes_nothing(new_file, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("KEHILA_LANGUAGE", "en")
    sheet = tmp_path / "people.csv"
    sheet.write_bytes('שם,טלפון\nדנה,050-1234567\nרע,12\n'.encode("cp1255"))
    before = digest(new_file)
    assert main(["import", str(new_file), str(sheet), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "Windows-1255 (Hebrew)" in out and "1 to add" in out and "1 rejected" in out
    assert "Row 3 (רע)" in out and "Dry run" in out
    assert digest(new_file) == before
    assert main(["import", str(new_file), str(sheet)]) == 0
    assert count(new_file) == 1


def test_unreadable_sheet_exits_4_and_writes_nothing(new_file, tmp_path, capsys):
    before = digest(new_file)
    bad = tmp_path / "broken.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really a workbook")
    latin = tmp_path / "latin.csv"
    latin.write_bytes("name\nRené\n".encode("latin-1"))
    for sheet in (bad, latin, tmp_path / "missing.csv"):
        assert main(["import", str(new_file), str(sheet)]) == 4
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "Traceback" not in err
    assert digest(new_file) == before


def test_export_people_to_csv_and_xlsx(new_file, tmp_path, capsys):
    sheet = tmp_path / "in.csv"
    sheet.write_text("name,organisation\nדנה,=1+1\n", encoding="utf-8")
    assert main(["import", str(new_file), str(sheet)]) == 0
    out = tmp_path / "people.csv"
    assert main(["export", str(new_file), "people", str(out), "--language", "he"]) == 0
    text = out.read_text("utf-8-sig")
    assert text.splitlines()[0].startswith("שם,ארגון") and "'=1+1" in text
    assert (tmp_path / "people.memberships.csv").exists()
    assert main(["export", str(new_file), "people", str(tmp_path / "people.xlsx")]) == 0
    assert main(["export", str(new_file), "people", str(tmp_path / "people.pdf")]) == 2
