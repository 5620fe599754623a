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
    sheet.write_bytes("שם,טלפון\nדנה,050-1234567\nרע,12\n".encode("cp1255"))
    before = digest(new_file)
    assert main(["import", str(new_file), str(sheet), "--dry-run", "--consent", "yes"]) == 0
    out = capsys.readouterr().out
    assert "Windows-1255 (Hebrew)" in out and "1 to add" in out and "1 rejected" in out
    assert "Row 3 (רע)" in out and "Dry run" in out
    assert digest(new_file) == before
    assert main(["import", str(new_file), str(sheet), "--consent", "yes"]) == 0
    assert count(new_file) == 1


def _q(path, sql):
    from kehila_desktop.core.file.programfile import open_program

    with open_program(path, read_only=True) as pf:
        return pf.conn.execute(sql).fetchall()


PARTNERS = (
    'שם,טלפון,דוא"ל,שכונה\n'
    "דנה,050-1234567,dana@example.org,נווה שאנן\n"
    "סמיר,052-7654321,,רמת אלון\n"
    "נוי,,noy@example.org,נווה  שאנן\n"
    "רון,,,\n"
)


def test_a_sheet_without_consent_column_needs_consent_and_no_keeps_no_contacts(
    new_file, tmp_path, capsys, monkeypatch
):
    monkeypatch.setenv("KEHILA_LANGUAGE", "en")
    sheet = tmp_path / "partners.csv"
    sheet.write_text(PARTNERS, encoding="utf-8")
    before = digest(new_file)
    assert main(["import", str(new_file), str(sheet), "--add-areas"]) == 2
    err = capsys.readouterr().err
    assert "--consent" in err and err.count("\n") == 1 and "Traceback" not in err
    assert digest(new_file) == before
    assert main(["import", str(new_file), str(sheet), "--add-areas", "--consent", "no"]) == 0
    out = capsys.readouterr().out
    assert "Contact details not kept (no consent): 3 people." in out
    assert _q(new_file, "SELECT name, phone, email, contact_consent FROM person ORDER BY name") == [
        ("דנה", "", "", 0),
        ("נוי", "", "", 0),
        ("סמיר", "", "", 0),
        ("רון", "", "", 0),
    ]


def test_consent_yes_keeps_contacts(new_file, tmp_path, capsys):
    sheet = tmp_path / "partners.csv"
    sheet.write_text(PARTNERS, encoding="utf-8")
    assert main(["import", str(new_file), str(sheet), "--add-areas", "--consent", "yes"]) == 0
    assert _q(
        new_file, "SELECT name, phone, email, contact_consent FROM person WHERE name='דנה'"
    ) == [("דנה", "050-1234567", "dana@example.org", 1)]


def test_add_areas_creates_the_areas_the_sheet_names_once(new_file, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("KEHILA_LANGUAGE", "en")
    sheet = tmp_path / "partners.csv"
    sheet.write_text(PARTNERS, encoding="utf-8")
    # without --add-areas the rows naming unknown areas are rejected, saying what to do
    assert main(["import", str(new_file), str(sheet), "--consent", "yes", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "3 rejected" in out and "Areas the program does not have yet" in out
    assert "נווה שאנן, רמת אלון" in out
    assert main(["import", str(new_file), str(sheet), "--consent", "yes", "--add-areas"]) == 0
    out = capsys.readouterr().out
    assert "Areas to add: נווה שאנן, רמת אלון." in out and "Areas added: 2." in out
    assert _q(
        new_file,
        "SELECT a.name, count(p.id) FROM area a JOIN person p ON "
        "p.area_id=a.id WHERE a.deleted=0 GROUP BY a.id ORDER BY a.name",
    ) == [("נווה שאנן", 2), ("רמת אלון", 1)]
    assert _q(new_file, "SELECT kind FROM area") == [("neighborhood",), ("neighborhood",)]
    # one undo step holds the areas and the people
    assert (
        _q(
            new_file,
            "SELECT count(DISTINCT step) FROM change WHERE tbl IN "
            "(SELECT n FROM history_name WHERE text IN ('area', 'person'))",
        )[0][0]
        == 1
    )


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
