"""Bad sheets are refused: one line, exit 4, nothing written — through the core, the CLI (in a
process of its own, as a user runs it) and the app's import."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys

import pytest

from kehila_desktop.core.sheets import SheetReadError, read_sheet
from kehila_desktop.core.people.sheet_io import read_people_sheet

from .bad import BAD
from .make import people_xlsx


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("name", sorted(BAD))
def test_core_refuses_with_one_sentence(tmp_path, name):
    path = BAD[name](tmp_path / name)
    with pytest.raises(SheetReadError) as caught:
        read_people_sheet(path)
    text = caught.value.text()
    assert "\n" not in text and len(text) < 400, text
    assert path.name in text or "row" in text, text


@pytest.mark.parametrize("name", sorted(BAD))
def test_cli_refuses_with_one_line_and_exit_4(new_file, tmp_path, name):
    path = BAD[name](tmp_path / name)
    before, sheet_before = digest(new_file), digest(path)
    env = dict(os.environ, KEHILA_LANGUAGE="en")
    done = subprocess.run(
        [sys.executable, "-m", "kehila_desktop.cli", "import", str(new_file), str(path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 4, (done.stdout, done.stderr)
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("kehila: "), done.stderr
    assert "Traceback" not in done.stderr
    assert digest(new_file) == before and digest(path) == sheet_before


def test_the_good_sheet_they_are_made_from_reads(tmp_path):
    grid = read_sheet(people_xlsx(tmp_path / "people.xlsx"))
    assert grid.rows == [["name", "email"], ["דנה כהן", "dana@example.org"]]
    assert grid.sheet_name == "people"


def test_limits_name_the_reason(tmp_path):
    from kehila_desktop.core.sheets import Limits

    path = people_xlsx(tmp_path / "people.xlsx")
    with pytest.raises(SheetReadError) as caught:
        read_sheet(path, limits=Limits(rows=1))
    assert "reaches row 2 and column 2" in caught.value.text()
    with pytest.raises(SheetReadError) as caught:
        read_sheet(path, limits=Limits(megabytes=0))
    assert "larger than 0 MB" in caught.value.text()


def test_an_ods_with_many_column_styles_and_repeats_reads(tmp_path):
    """Column descriptions and repeated empty rows (LibreOffice writes them to row
    1,048,576) are no worksheets and no cells; a repeated filled row counts each time."""
    from .make import write_zip

    ns = (
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
    )

    def ods(rows_xml):
        content = (
            f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ns}>'
            '<office:body><office:spreadsheet><table:table table:name="אנשים">'
            + "<table:table-column/>" * 60
            + rows_xml
            + "</table:table></office:spreadsheet></office:body></office:document-content>"
        )
        manifest = (
            '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest='
            '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
            '<manifest:file-entry manifest:full-path="/" manifest:media-type='
            '"application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry '
            'manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
            "</manifest:manifest>"
        )
        return {
            "mimetype": "application/vnd.oasis.opendocument.spreadsheet",
            "META-INF/manifest.xml": manifest,
            "content.xml": content,
        }

    row = (
        '<table:table-row{rep}><table:table-cell office:value-type="string"><text:p>{t}'
        "</text:p></table:table-cell><table:table-cell table:number-columns-repeated="
        '"16383"/></table:table-row>'
    )
    good = write_zip(
        tmp_path / "good.ods",
        ods(
            row.format(rep="", t="name")
            + row.format(rep="", t="דנה")
            + '<table:table-row table:number-rows-repeated="1048574"><table:table-cell '
            'table:number-columns-repeated="16384"/></table:table-row>'
        ),
    )
    grid = read_sheet(good)
    assert grid.rows == [["name"], ["דנה"]] and grid.sheet_name == "אנשים"
    bad = write_zip(
        tmp_path / "bad.ods",
        ods(
            row.format(rep="", t="name")
            + row.format(rep=' table:number-rows-repeated="200000"', t="דנה")
        ),
    )
    with pytest.raises(SheetReadError) as caught:
        read_sheet(bad)
    assert "reaches row 200,001" in caught.value.text()
