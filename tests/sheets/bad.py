"""Every kind of bad sheet the import must refuse, each made from a good one by one change."""

from __future__ import annotations

import zipfile
from pathlib import Path

from .make import PEOPLE, sheet_xml, write_zip, xlsx_parts


def _people_parts() -> dict:
    return xlsx_parts({"people": sheet_xml(PEOPLE)})


def far_cell(path: Path) -> Path:
    """One cell at XFD1048576 (the last cell Excel has)."""
    return write_zip(path, xlsx_parts({"people": sheet_xml({"XFD1048576": "x"})}))


def far_cell_and_names(path: Path) -> Path:
    """A real header and a cell at XFD1048576: the area between is 17 billion cells."""
    return write_zip(path, xlsx_parts({"people": sheet_xml({**PEOPLE, "XFD1048576": "x"})}))


def far_cell_reference_not_first(path: Path) -> Path:
    """The far cell with its reference after another attribute (the careful scan's case)."""
    parts = xlsx_parts({"people": sheet_xml({**PEOPLE, "XFD1048576": "x"})})
    sheet = parts["xl/worksheets/sheet1.xml"]
    parts["xl/worksheets/sheet1.xml"] = sheet.replace(
        '<c r="XFD1048576" t="inlineStr">', '<c t="inlineStr" r="XFD1048576">'
    )
    assert parts["xl/worksheets/sheet1.xml"] != sheet
    return write_zip(path, parts)


def many_worksheets(path: Path) -> Path:
    return write_zip(path, xlsx_parts({f"empty {i}": sheet_xml({}) for i in range(200)}))


def broken_xml(path: Path) -> Path:
    parts = _people_parts()
    parts["xl/worksheets/sheet1.xml"] = parts["xl/worksheets/sheet1.xml"][:-40]
    return write_zip(path, parts)


def dtd_entity(path: Path) -> Path:
    parts = _people_parts()
    sheet = parts["xl/worksheets/sheet1.xml"]
    parts["xl/worksheets/sheet1.xml"] = sheet.replace(
        "<worksheet",
        '<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;'
        '&a;&a;&a;&a;&a;&a;">]><worksheet',
        1,
    ).replace("דנה כהן", "&b;")
    return write_zip(path, parts)


def missing_sheet_part(path: Path) -> Path:
    parts = _people_parts()
    del parts["xl/worksheets/sheet1.xml"]
    return write_zip(path, parts)


def bad_shared_string(path: Path) -> Path:
    cells = {"A1": "0", "B1": "1", "A2": "2", "B2": "99"}
    return write_zip(
        path, xlsx_parts({"people": sheet_xml(cells, shared=[])}, shared=["name", "email", "דנה"])
    )


def damaged_zip(path: Path) -> Path:
    """The sheet part's compressed bytes overwritten in the middle."""
    write_zip(path, _people_parts())
    with zipfile.ZipFile(path) as z:
        info = z.getinfo("xl/worksheets/sheet1.xml")
    data = bytearray(path.read_bytes())
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for i in range(start + 2, start + info.compress_size - 2):
        data[i] ^= 0x5A
    path.write_bytes(bytes(data))
    return path


def truncated_zip(path: Path) -> Path:
    write_zip(path, _people_parts())
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def zip_bomb(path: Path) -> Path:
    """A sheet part that unpacks to 500 MB of spaces."""
    parts = _people_parts()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in parts.items():
            if name == "xl/worksheets/sheet1.xml":
                with out.open(name, "w", force_zip64=True) as handle:
                    chunk = b" " * (1 << 20)
                    for _ in range(500):
                        handle.write(chunk)
            else:
                out.writestr(name, data)
    return path


def wide_csv(path: Path) -> Path:
    path.write_text("name," + ",".join(f"c{i}" for i in range(1000)) + "\nדנה\n", "utf-8")
    return path


def long_csv(path: Path) -> Path:
    with open(path, "w", encoding="utf-8") as out:
        out.write("name\n")
        out.write("x\n" * 200_001)
    return path


def huge_csv_field(path: Path) -> Path:
    path.write_text('name\n"' + "x" * 200_000 + '"\n', "utf-8")
    return path


def not_a_zip(path: Path) -> Path:
    path.write_bytes(b"PK\x03\x04 not really a workbook")
    return path


def ods_with_dtd(path: Path) -> Path:
    content = (
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "e">]>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:'
        'office:1.0"/>'
    )
    return write_zip(
        path, {"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": content}
    )


DATA = Path(__file__).resolve().parent.parent / "data"


def far_cell_xls(path: Path) -> Path:
    """LibreOffice's .xls with "name" in A1 and a cell at IV65536 (the last .xls cell)."""
    path.write_bytes((DATA / "far-cell-libreoffice.xls").read_bytes())
    return path


def truncated_xls(path: Path) -> Path:
    data = (DATA / "people-libreoffice.xls").read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def not_an_xls(path: Path) -> Path:
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\xff" * 600)
    return path


BAD = {  # file name → how it is made
    "far-cell.xlsx": far_cell,
    "far-cell-and-names.xlsx": far_cell_and_names,
    "far-cell-reference-second.xlsx": far_cell_reference_not_first,
    "200-worksheets.xlsx": many_worksheets,
    "broken-xml.xlsx": broken_xml,
    "dtd-entity.xlsx": dtd_entity,
    "missing-sheet.xlsx": missing_sheet_part,
    "bad-shared-string.xlsx": bad_shared_string,
    "damaged-zip.xlsx": damaged_zip,
    "truncated-zip.xlsx": truncated_zip,
    "zip-bomb.xlsx": zip_bomb,
    "not-a-zip.xlsx": not_a_zip,
    "dtd.ods": ods_with_dtd,
    "far-cell.xls": far_cell_xls,
    "truncated.xls": truncated_xls,
    "garbage.xls": not_an_xls,
    "wide.csv": wide_csv,
    "long.csv": long_csv,
    "huge-field.csv": huge_csv_field,
}
