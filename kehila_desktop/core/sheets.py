"""Spreadsheet files in and out: ``.csv`` (with its encoding found and reported) and ``.xlsx``.

Reading gives a ``Grid``: the rows of one sheet as lists of text, merged cells filled in,
numbers as text without a trailing ``.0``, and the encoding that was used (for a CSV).
Encodings of a CSV, in order: UTF-8 with a byte-order mark (what Excel's "CSV UTF-8"
writes), plain UTF-8, then Windows-1255 (Excel's Hebrew CSV) — but only when the bytes decode
as Windows-1255 *and* give Hebrew letters, none glued to a Latin letter (Latin-1 "café"
would read as "cafי"); anything else is refused, never guessed.

Writing escapes every text that a spreadsheet would take as a formula: a cell starting with
``= + - @``, a tab or a carriage return gets a leading apostrophe, and so does a text that
already starts with an apostrophe followed by one of those (or another apostrophe).
``unescape_cell`` removes exactly that one apostrophe, so export → import gives back the
original text, character for character. CSV files are written UTF-8 with a BOM. Files are
written under a temporary name and moved into place whole.
"""

from __future__ import annotations

import csv
import io
import os
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from kehila_desktop.core.errors import KehilaError

_HEBREW = re.compile("[\u05d0-\u05ea]")
# a Latin letter glued to a Hebrew one ("cafי") means the bytes were not Hebrew (e.g. Latin-1)
_MIXED = re.compile("[A-Za-z][\u05d0-\u05ea]|[\u05d0-\u05ea][A-Za-z]")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_AFTER_APOSTROPHE = FORMULA_STARTS + ("'",)


class SheetReadError(KehilaError):
    """An input sheet that cannot be read: its one-sentence reason."""


def escape_cell(text: str) -> str:
    """``text`` made safe for a spreadsheet cell (never read as a formula)."""
    if not text:
        return text
    if text.startswith(FORMULA_STARTS) or (
            text[0] == "'" and len(text) > 1 and text[1] in _AFTER_APOSTROPHE):
        return "'" + text
    return text


def unescape_cell(text: str) -> str:
    """The inverse of ``escape_cell``: ``unescape_cell(escape_cell(t)) == t`` for every t."""
    if len(text) > 1 and text[0] == "'" and text[1] in _AFTER_APOSTROPHE:
        return text[1:]
    return text


@dataclass
class Grid:
    """One sheet's rows as text; ``encoding`` names how a CSV was decoded ("" for xlsx)."""

    rows: list[list[str]]
    encoding: str = ""
    sheet_name: str = ""
    notes: list[str] = field(default_factory=list)


# --- reading -------------------------------------------------------------------------------
def decode_csv_bytes(data: bytes) -> tuple[str, str]:
    """(text, encoding name) of a CSV file's bytes, or ``SheetReadError`` with the reason."""
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "UTF-8 with BOM"
        except UnicodeDecodeError as exc:
            raise SheetReadError(
                "The file says it is UTF-8 but byte {offset} is not UTF-8; it was not "
                "imported.", offset=exc.start + 3) from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise SheetReadError("The file is saved as UTF-16 (\"Unicode text\"); save it as "
                             "\"CSV UTF-8\" and import it again.")
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1255")
    except UnicodeDecodeError:
        text = ""
    if text and _HEBREW.search(text) and not _MIXED.search(text):
        return text, "Windows-1255 (Hebrew)"
    raise SheetReadError("The file's characters are neither UTF-8 nor Windows-1255 Hebrew; "
                         "save it as \"CSV UTF-8\" and import it again.")


def _sniff_delimiter(text: str) -> str:
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = {d: first.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def read_csv(path: Path) -> Grid:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise SheetReadError("The sheet {path} cannot be read ({error}).", path=path,
                             error=exc.strerror or exc) from None
    text, encoding = decode_csv_bytes(data)
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""),
                               delimiter=_sniff_delimiter(text)))
    except csv.Error as exc:
        raise SheetReadError("The sheet {path} is not a valid CSV file ({error}).",
                             path=path, error=exc) from None
    return Grid([[cell for cell in row] for row in rows], encoding)


# OOXML writes characters XML cannot carry (CR, other control characters) as _xHHHH_, and a
# literal "_xHHHH_" as "_x005F_xHHHH_"; openpyxl leaves both to us.
_OOXML_CODE = re.compile(r"_x([0-9A-Fa-f]{4})_")
_OOXML_LITERAL = re.compile(r"_(x[0-9A-Fa-f]{4}_)")
_XML_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0d\x0e-\x1f]")


def ooxml_escape(text: str) -> str:
    text = _OOXML_LITERAL.sub(r"_x005F_\1", text)
    return _XML_UNSAFE.sub(lambda m: f"_x{ord(m.group()):04X}_", text)


def ooxml_unescape(text: str) -> str:
    return _OOXML_CODE.sub(lambda m: chr(int(m.group(1), 16)), text)


def cell_text(value: object) -> str:
    """A spreadsheet cell's value as text: 501234567.0 → "501234567", dates → ISO."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() \
            else value.isoformat(timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _open_workbook(path, **options):
    """openpyxl's workbook, or one ``SheetReadError`` sentence saying why it can't be read."""
    from zipfile import BadZipFile

    import openpyxl

    try:
        return openpyxl.load_workbook(path, **options)
    except FileNotFoundError:
        raise SheetReadError("The sheet {path} does not exist.", path=path) from None
    except (BadZipFile, KeyError, OSError, ValueError) as exc:
        raise SheetReadError("The file {path} is not a readable .xlsx workbook ({error}).",
                             path=path, error=exc) from None


def read_xlsx(path: Path, sheet: str | None = None) -> Grid:
    book = _open_workbook(path, data_only=True)
    try:
        if sheet:
            if sheet not in book.sheetnames:
                raise SheetReadError("The workbook has no sheet named {sheet}.", sheet=sheet)
            ws = book[sheet]
        else:
            ws = book.worksheets[0]
        rows = [[ooxml_unescape(v) if isinstance(v, str) else cell_text(v) for v in row]
                for row in ws.iter_rows(values_only=True)]
        for merged in ws.merged_cells.ranges:  # fill a merged range's value into every cell
            first = ws.cell(merged.min_row, merged.min_col).value
            value = ooxml_unescape(first) if isinstance(first, str) else cell_text(first)
            for r in range(merged.min_row - 1, min(merged.max_row, len(rows))):
                row = rows[r]
                for c in range(merged.min_col - 1, merged.max_col):
                    while len(row) <= c:
                        row.append("")
                    row[c] = value
        return Grid(rows, "", ws.title)
    finally:
        book.close()


def xlsx_sheet_names(path: str | os.PathLike) -> list[str]:
    """The worksheet names of a workbook, in order (``SheetReadError`` when unreadable)."""
    book = _open_workbook(path, read_only=True)
    try:
        return list(book.sheetnames)
    finally:
        book.close()


def read_sheet(path: str | os.PathLike, sheet: str | None = None) -> Grid:
    """Read a ``.csv`` or ``.xlsx`` file into a ``Grid`` (``SheetReadError`` when it can't)."""
    path = Path(path)
    if not path.exists():
        raise SheetReadError("The sheet {path} does not exist.", path=path)
    if path.is_dir():
        raise SheetReadError("{path} is a folder, not a sheet.", path=path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return read_csv(path)
    if suffix in (".xlsx", ".xlsm"):
        return read_xlsx(path, sheet)
    raise SheetReadError("Only .xlsx and .csv sheets can be imported, not {suffix}.",
                         suffix=suffix or path.name)


# --- writing -------------------------------------------------------------------------------
def _temporary(target: Path) -> Path:
    from kehila_desktop.core.file.programfile import new_id

    return target.with_name(f".{target.name}.writing-{new_id()[:8]}")


def write_csv(path: str | os.PathLike, rows: list[list[object]]) -> None:
    """Write rows as CSV, UTF-8 with BOM, every text cell formula-escaped."""
    path = Path(path)
    tmp = _temporary(path)
    try:
        with open(tmp, "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            for row in rows:
                writer.writerow([escape_cell(v) if isinstance(v, str) else cell_text(v)
                                 for v in row])
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


def write_xlsx(path: str | os.PathLike, sheets: dict[str, list[list[object]]],
               *, right_to_left: bool = True) -> None:
    """Write one worksheet per entry of ``sheets``; text cells are escaped and stored as text."""
    import openpyxl
    from openpyxl.utils import get_column_letter

    path = Path(path)
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        ws = book.create_sheet(title[:31])
        ws.sheet_view.rightToLeft = right_to_left
        widths: dict[int, int] = {}
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                cell = ws.cell(r, c)
                if isinstance(value, str):
                    cell.value = ooxml_escape(escape_cell(value))
                    cell.data_type = "s"  # text, never a formula
                else:
                    cell.value = value
                widths[c] = max(widths.get(c, 8), min(50, len(cell_text(value)) + 2))
        for c, width in widths.items():
            ws.column_dimensions[get_column_letter(c)].width = width
        if rows:
            ws.freeze_panes = "A2"
    tmp = _temporary(path)
    try:
        book.save(tmp)
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
