"""Reading CSV files in Excel's three encodings, saying which one was used, never guessing."""

import pytest

from kehila_desktop.core.people.sheet_io import plan_import
from kehila_desktop.core.sheets import SheetReadError, read_sheet

ROWS = 'שם,טלפון,דוא"ל,מגזר,ארגון,שכונה\nדנה כהן,050-1234567,dana@example.org,תושבים,ועד השכונה,\n'


@pytest.mark.parametrize(
    "encoding, data, reported",
    [
        ("utf-8-sig", ROWS.encode("utf-8-sig"), "UTF-8 with BOM"),
        ("utf-8", ROWS.encode("utf-8"), "UTF-8"),
        ("cp1255", ROWS.encode("cp1255"), "Windows-1255 (Hebrew)"),
    ],
)
def test_each_encoding_reads_the_same_people(ops, tmp_path, encoding, data, reported):
    path = tmp_path / f"people-{encoding}.csv"
    path.write_bytes(data)
    grid = read_sheet(path)
    assert grid.encoding == reported
    plan = plan_import(ops.conn, grid, path.name, consent=True)
    [row] = plan.rows
    assert row.action == "add"
    assert row.values == {
        "name": "דנה כהן",
        "organisation": "ועד השכונה",
        "phone": "050-1234567",
        "email": "dana@example.org",
        "sector": "resident",
        "contact_consent": True,
    }
    # the preview tells the user (in Hebrew) which encoding was used
    from kehila_desktop.core.i18n import tr

    assert tr(reported) in plan.summary() and plan.summary().startswith("נקרא בקידוד")


def test_latin1_bytes_are_refused_not_guessed_as_hebrew(tmp_path):
    path = tmp_path / "latin.csv"
    path.write_bytes("name,organisation\nRené,Café Noir\n".encode("latin-1"))
    with pytest.raises(SheetReadError) as err:
        read_sheet(path)
    assert "CSV UTF-8" in err.value.text()


def test_utf16_and_wrong_suffix_are_refused(tmp_path):
    path = tmp_path / "unicode.csv"
    path.write_bytes("name\nדנה\n".encode("utf-16"))
    with pytest.raises(SheetReadError):
        read_sheet(path)
    other = tmp_path / "people.ods"
    other.write_bytes(b"whatever")
    with pytest.raises(SheetReadError):
        read_sheet(other)


def test_semicolon_separated_csv(ops, tmp_path):
    path = tmp_path / "semi.csv"
    path.write_text("name;email\nDana;dana@example.org\n", encoding="utf-8")
    plan = plan_import(ops.conn, read_sheet(path), consent=True)
    assert [r.values["email"] for r in plan.rows] == ["dana@example.org"]
