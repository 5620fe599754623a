"""Spreadsheet files in and out: ``.csv`` (with its encoding found and reported) and
workbooks — read: ``.xlsx .xlsm .xlsb .xls .ods`` (python-calamine), written: ``.xlsx``.

Reading gives a ``Grid``: the rows of one sheet as lists of text, merged cells filled in,
numbers as text without a trailing ``.0``, and the encoding that was used (for a CSV).
Reading is bounded (``Limits``: size, unpacked size, rows, columns, cells, worksheets,
seconds) and checked before any parser runs: a damaged zip, a part that declares a DTD or a
worksheet reaching past the limits is refused with one sentence (``SheetReadError``); so is
whatever calamine itself refuses (broken XML, a missing part, a bad shared-string index).
Encodings of a CSV, in order: UTF-8 with a byte-order mark (what Excel's "CSV UTF-8"
writes), plain UTF-8, then Windows-1255 (Excel's Hebrew CSV) — but only when the bytes decode
as Windows-1255 *and* give Hebrew letters, none glued to a Latin letter (Latin-1 "café"
would read as "cafי"); anything else is refused, never guessed.

Writing a CSV escapes every text that a spreadsheet would take as a formula: a cell starting
with ``= + - @``, a tab or a carriage return gets a leading apostrophe, and so does a text that
already starts with an apostrophe followed by one of those (or another apostrophe).
``unescape_cell`` removes exactly that one apostrophe, so export → import gives back the
original text, character for character. CSV files are written UTF-8 with a BOM.

Writing an ``.xlsx`` needs no visible apostrophe: every text is a string cell, which no
spreadsheet evaluates, and one that starts like a formula also gets Excel's hidden quote
prefix (so editing it keeps it text). Only a text that itself starts with an apostrophe and a
formula character (or a tab or carriage return) is escaped, so that the same
``unescape_cell`` reads every format. Dates
and numbers are real date and number cells (``put_cell``) in built-in formats that Excel and
LibreOffice show in the reader's own locale; ``finish_sheet`` sizes the columns from their
content, freezes the header, sets A4 printing fitted to the page width and the sheet's
direction. Files are written under a temporary name and moved into place whole.
"""

from __future__ import annotations

import csv
import io
import os
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
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
        text[0] == "'" and len(text) > 1 and text[1] in _AFTER_APOSTROPHE
    ):
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
                "The file says it is UTF-8 but byte {offset} is not UTF-8; it was not imported.",
                offset=exc.start + 3,
            ) from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise SheetReadError(
            'The file is saved as UTF-16 ("Unicode text"); save it as '
            '"CSV UTF-8" and import it again.'
        )
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
    raise SheetReadError(
        "The file's characters are neither UTF-8 nor Windows-1255 Hebrew; "
        'save it as "CSV UTF-8" and import it again.'
    )


def _sniff_delimiter(text: str) -> str:
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = {d: first.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_csv(path: Path, limits: Limits | None = None) -> Grid:
    limits = limits or LIMITS
    _check_size(Path(path), limits)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise SheetReadError(
            "The sheet {path} cannot be read ({error}).", path=path, error=exc.strerror or exc
        ) from None
    text, encoding = decode_csv_bytes(data)
    deadline = _Deadline(Path(path), limits)
    rows: list[list[str]] = []
    try:
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=_sniff_delimiter(text)):
            rows.append(row)
            if len(rows) > limits.rows or len(row) > limits.columns:
                _check_extent(Path(path), None, len(rows), max(len(row), 1), limits)
            if len(rows) % 10_000 == 0:
                deadline.check()
    except csv.Error as exc:
        raise SheetReadError(
            "The sheet {path} is not a valid CSV file ({error}).", path=path, error=_one_line(exc)
        ) from None
    return Grid(rows, encoding)


# OOXML writes characters XML cannot carry (CR, other control characters) as _xHHHH_, and a
# literal "_xHHHH_" as "_x005F_xHHHH_"; openpyxl leaves writing them to us, calamine reads them.
_OOXML_LITERAL = re.compile(r"_(x[0-9A-Fa-f]{4}_)")
_XML_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0d\x0e-\x1f]")


def ooxml_escape(text: str) -> str:
    text = _OOXML_LITERAL.sub(r"_x005F_\1", text)
    return _XML_UNSAFE.sub(lambda m: f"_x{ord(m.group()):04X}_", text)


def cell_text(value: object) -> str:
    """A spreadsheet cell's value as text: 501234567.0 → "501234567", dates → ISO."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime):
        return (
            value.date().isoformat()
            if value.time() == datetime.min.time()
            else value.isoformat(timespec="minutes")
        )
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, timedelta):
        minutes = int(value.total_seconds() // 60)
        return f"{minutes // 60}:{minutes % 60:02d}"
    return str(value)


# --- bounds --------------------------------------------------------------------------------
@dataclass(frozen=True)
class Limits:
    """What a sheet may hold before it is refused (a people sheet of 20,000 is far inside)."""

    megabytes: int = 50  # the file on disk
    unpacked_megabytes: int = 400  # a workbook's parts once unzipped (zip bombs)
    rows: int = 100_000
    columns: int = 250
    cells: int = 3_000_000  # rows × columns of the area a worksheet spans
    worksheets: int = 50
    seconds: float = 20.0


LIMITS = Limits()
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xlsb", ".xls", ".ods")
SHEET_SUFFIXES = (".csv",) + WORKBOOK_SUFFIXES


class _Deadline:
    def __init__(self, path: Path, limits: Limits) -> None:
        self.path, self.seconds = path, limits.seconds
        self.until = _monotonic() + limits.seconds

    def check(self) -> None:
        if _monotonic() > self.until:
            raise SheetReadError(
                "Reading the sheet {path} took longer than {seconds} seconds; it was not imported.",
                path=self.path.name,
                seconds=int(self.seconds),
            )


def _monotonic() -> float:
    import time as _time

    return _time.monotonic()


def _one_line(exc: object, limit: int = 160) -> str:
    text = " ".join(str(exc).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _check_size(path: Path, limits: Limits) -> None:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise SheetReadError(
            "The sheet {path} cannot be read ({error}).", path=path.name, error=exc.strerror or exc
        ) from None
    if size > limits.megabytes * 1_000_000:
        raise SheetReadError(
            "The sheet {path} is larger than {limit} MB; split it and import the parts one by one.",
            path=path.name,
            limit=limits.megabytes,
        )


def _check_extent(path: Path, sheet: str | None, rows: int, columns: int, limits: Limits) -> None:
    """``rows``/``columns``: how far the worksheet reaches (its last row and column number);
    ``sheet`` None for a CSV file."""
    if rows <= limits.rows and columns <= limits.columns and rows * columns <= limits.cells:
        return
    figures = {
        "row": f"{rows:,}",
        "column": f"{columns:,}",
        "rows": f"{limits.rows:,}",
        "columns": f"{limits.columns:,}",
        "cells": f"{limits.cells:,}",
    }
    if sheet is None:
        raise SheetReadError(
            "The sheet {path} reaches row {row} and column {column}; a sheet to import may "
            "have at most {rows} rows, {columns} columns and {cells} cells.",
            path=path.name,
            **figures,
        )
    raise SheetReadError(
        'The worksheet "{sheet}" of {path} reaches row {row} and column {column}; a sheet '
        "to import may have at most {rows} rows, {columns} columns and {cells} cells.",
        sheet=sheet,
        path=path.name,
        **figures,
    )


_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
# a cell with its reference; a self-closing one ("<c r=\"B9\" s=\"1\"/>") is empty: only a style
_CELL_REF = re.compile(rb"<(?:\w+:)?c\s[^>]*?\br=\"([A-Z]{1,4})([0-9]{1,8})\"[^>]*?(/?)>")
_EMPTY_END = re.compile(rb"\s*</(?:\w+:)?c>")
_CELL_FAST = re.compile(rb"<c r=\"([A-Z]{1,4})([0-9]{1,8})\"[^>/]*(/?)>")
_ROW_TAG = re.compile(rb"<(?:\w+:)?row[\s>/]")


def _column_number(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


def _protected(path: Path) -> SheetReadError:
    return SheetReadError(
        "The file {path} is protected by a password; save it without one and import it again.",
        path=path.name,
    )


def _damaged(path: Path, why: object) -> SheetReadError:
    return SheetReadError(
        "The file {path} is damaged and cannot be read ({error}).",
        path=path.name,
        error=_one_line(why),
    )


class _Zip:
    """A workbook's zip, opened with its entries bounded and every XML part free of DTDs."""

    def __init__(self, path: Path, limits: Limits, deadline: _Deadline) -> None:
        import zipfile

        self.path, self.limits, self.deadline = path, limits, deadline
        try:
            self.zip = zipfile.ZipFile(path)
            infos = self.zip.infolist()
        except Exception as exc:
            raise _damaged(path, exc) from None
        if (
            len(infos) > 10_000
            or sum(i.file_size for i in infos) > limits.unpacked_megabytes * 1_000_000
        ):
            raise SheetReadError(
                "The file {path} unpacks to more than {limit} MB; it is not a "
                "sheet that can be imported.",
                path=path.name,
                limit=limits.unpacked_megabytes,
            )
        self.names = {i.filename for i in infos}

    def chunks(self, name: str, first_only: bool = False):
        """The bytes of one part in pieces (a damaged piece is one ``SheetReadError``)."""
        try:
            with self.zip.open(name) as handle:
                while True:
                    self.deadline.check()
                    piece = handle.read(1 << 20)
                    if not piece:
                        return
                    yield piece
                    if first_only:
                        return
        except SheetReadError:
            raise
        except Exception as exc:
            raise _damaged(self.path, exc) from None

    def check_xml_parts(self) -> None:
        """No part may declare a DTD (entities): Excel and LibreOffice never write one."""
        for name in sorted(self.names):
            if not name.endswith((".xml", ".rels")):
                continue
            for piece in self.chunks(name, first_only=True):
                if _DTD.search(piece[:65536]):
                    raise SheetReadError(
                        "The file {path} declares XML entities (a DTD), which sheets from "
                        "Excel or LibreOffice never have; it was not imported.",
                        path=self.path.name,
                    )

    def xlsx_extent(self, part: str) -> tuple[int, int]:
        """(last row, last column) that the filled cells of one worksheet part reach (cells
        that only carry a style, which Excel writes out to XFD1048576, do not count)."""
        rows = columns = tags = refs = 0
        tail = b""
        for piece in self.chunks(part):
            data = tail + piece
            cut = data.rfind(b"<")
            cut = cut if cut > 0 and len(data) - cut < 4096 else len(data)
            block, tail = data[:cut], data[cut:]
            found = _CELL_FAST.findall(block)  # the usual layout: r is a cell's first attribute
            if len(found) != block.count(b"<c ") or any(  # any other: the careful scan
                odd in block for odd in (b"<c>", b"<c/", b"<c\t", b"<c\n", b":c ", b":c>")
            ):
                found = [
                    (
                        m.group(1),
                        m.group(2),
                        m.group(3) or (b"/" if _EMPTY_END.match(block, m.end()) else b""),
                    )
                    for m in _CELL_REF.finditer(block)
                ]
            refs += len(found)
            filled = [(c, r) for c, r, empty in found if not empty]
            if filled:
                columns = max(columns, max(_column_number(c) for c in {c for c, _ in filled}))
                rows = max(rows, max(map(int, {r for _, r in filled})))
            if not refs:  # cells without references: their rows count in order
                tags += len(_ROW_TAG.findall(block))
        return max(rows, 0 if refs else tags), columns

    def close(self) -> None:
        self.zip.close()


_TAG = re.compile(rb"<(?:\w+:)?(sheet|Relationship)\s([^>]*)>")
_ATTRIBUTE = re.compile(rb"([\w:]+)\s*=\s*\"([^\"]*)\"")


def _xlsx_sheet_parts(z: _Zip) -> list[tuple[str, str]]:
    """(worksheet name, part) of every worksheet the workbook names, in order."""
    from html import unescape

    def tags(part: str, kind: bytes) -> list[dict[bytes, str]]:
        data = b"".join(z.chunks(part)) if part in z.names else b""
        return [
            {
                k.split(b":")[-1]: unescape(v.decode("utf-8", "replace"))
                for k, v in _ATTRIBUTE.findall(m.group(2))
            }
            for m in _TAG.finditer(data)
            if m.group(1) == kind
        ]

    targets = {
        t.get(b"Id"): t.get(b"Target", "")
        for t in tags("xl/_rels/workbook.xml.rels", b"Relationship")
    }
    out = []
    for sheet in tags("xl/workbook.xml", b"sheet"):
        target = targets.get(sheet.get(b"id"), "")
        if target:
            part = target.lstrip("/") if target.startswith("/") else "xl/" + target
            out.append((sheet.get(b"name", ""), part))
    return out


def _xlsb_extent(z: _Zip, part: str) -> tuple[int, int]:
    """(last row, last column) of one .xlsb worksheet part, from its binary records."""
    data = b"".join(z.chunks(part))
    rows = columns = 0
    i, n, count = 0, len(data), 0
    while i < n:
        kind = data[i]
        i += 1
        if kind & 0x80:
            kind = (kind & 0x7F) | ((data[i] if i < n else 0) & 0x7F) << 7
            i += 1
        size, shift = 0, 0
        for _ in range(4):
            if i >= n:
                break
            byte = data[i]
            i += 1
            size |= (byte & 0x7F) << shift
            shift += 7
            if not byte & 0x80:
                break
        body = data[i : i + size]
        i += size
        if kind == 0 and len(body) >= 4:  # BrtRowHdr: the row (0-based)
            rows = max(rows, int.from_bytes(body[:4], "little") + 1)
        elif 1 <= kind <= 13 and len(body) >= 4:  # a cell record: its column first
            columns = max(columns, int.from_bytes(body[:4], "little") + 1)
        count += 1
        if count % 100_000 == 0:
            z.deadline.check()
    return rows, columns


_ODS_TAG = re.compile(
    rb"<table:(table-row|table-cell|covered-table-cell|table)(?=[\s/>])"
    rb"([^>]*)>|</table:(table-row)>"
)
_ODS_REPEAT = re.compile(rb"table:number-(?:rows|columns)-repeated=\"([0-9]{1,12})\"")
_ODS_NAME = re.compile(rb"table:name=\"([^\"]*)\"")


def _ods_extent(z: _Zip, path: Path) -> None:
    """Refuse an .ods whose tables are too many, or whose filled cells reach past the limits
    (repeated rows and cells counted as LibreOffice and calamine expand them), from a scan
    of its content.xml in pieces (a DTD in it was refused before)."""
    from html import unescape

    limits = z.limits
    tables = row = rows = columns = col = rep = 0
    row_filled = False
    name = ""
    tail = b""

    def repeat(attrs: bytes) -> int:
        m = _ODS_REPEAT.search(attrs)
        return max(1, int(m.group(1))) if m else 1

    for piece in z.chunks("content.xml"):
        data = tail + piece
        cut = data.rfind(b"<")
        cut = cut if cut > 0 and len(data) - cut < 65536 else len(data)
        block, tail = data[:cut], data[cut:]
        for tag, attrs, end in _ODS_TAG.findall(block):
            closed = attrs.endswith(b"/")
            if tag == b"table-cell" or tag == b"covered-table-cell":
                times = repeat(attrs) if b"repeated" in attrs else 1
                if not closed or b"office:value-type" in attrs:
                    if col + times > columns:
                        columns = col + times
                    row_filled = True
                col += times
            elif tag == b"table-row" or end:
                if tag:  # a row starts (or is one empty tag)
                    rep = repeat(attrs) if b"repeated" in attrs else 1
                    col, row_filled = 0, False
                if end or closed:
                    if row_filled:
                        rows = max(rows, row + rep)
                        if (
                            rows > limits.rows
                            or columns > limits.columns
                            or rows * columns > limits.cells
                        ):
                            _check_extent(path, name, rows, columns, limits)
                    row += rep
            elif tag == b"table":
                tables += 1
                row = rows = columns = 0
                found = _ODS_NAME.search(attrs)
                name = unescape(found.group(1).decode("utf-8", "replace")) if found else ""
                if tables > limits.worksheets:
                    raise SheetReadError(
                        "The file {path} has {count} worksheets; a sheet to "
                        "import may have at most {limit}.",
                        path=path.name,
                        count=f"{limits.worksheets}+",
                        limit=limits.worksheets,
                    )


_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_FREE_SECTORS = 0xFFFFFFFA  # sector numbers at or above: end of chain, free, FAT, DIFAT


def _ole_stream(data: bytes, names: tuple[str, ...]) -> bytes | None:
    """The first stream named one of ``names`` in an OLE2 compound file (an .xls), or None
    when the file is not laid out as expected (calamine then judges it)."""
    import struct

    if len(data) < 512 or not data.startswith(_OLE_SIGNATURE):
        return None
    shift, mini_shift = struct.unpack_from("<HH", data, 0x1E)
    if not 7 <= shift <= 16 or not 2 <= mini_shift < shift:
        return None
    size, mini_size = 1 << shift, 1 << mini_shift
    (fat_count, first_dir, _, cutoff, first_mini, mini_count, first_difat, difat_count) = (
        struct.unpack_from("<IIIIIIII", data, 0x2C)
    )
    count = (len(data) - 512) // size

    def sector(n: int) -> bytes:
        return data[512 + n * size : 512 + (n + 1) * size] if n < count else b""

    fat_sectors = list(struct.unpack_from("<109I", data, 0x4C))
    n, seen = first_difat, 0
    while n < _FREE_SECTORS and seen <= count:
        block = sector(n)
        if len(block) < size:
            return None
        difat = struct.unpack(f"<{size // 4}I", block)
        fat_sectors.extend(difat[:-1])
        n, seen = difat[-1], seen + 1
    fat: list[int] = []
    for n in fat_sectors[:fat_count]:
        block = sector(n)
        if len(block) < size:
            return None
        fat.extend(struct.unpack(f"<{size // 4}I", block))

    def chain(start: int, table: list[int], read, limit: int) -> bytes | None:
        out, n, steps = [], start, 0
        while n < _FREE_SECTORS:
            if n >= len(table) or steps > limit:
                return None
            out.append(read(n))
            n, steps = table[n], steps + 1
        return b"".join(out)

    directory = chain(first_dir, fat, sector, count)
    if directory is None:
        return None
    entries: list[tuple[str, int, int, int]] = []
    for at in range(0, len(directory) - 127, 128):
        length = struct.unpack_from("<H", directory, at + 64)[0]
        name = directory[at : at + max(0, min(length, 64) - 2)].decode("utf-16-le", "replace")
        kind = directory[at + 66]
        start, stream_size = struct.unpack_from("<II", directory, at + 116)
        entries.append((name, kind, start, stream_size))
    if not entries:
        return None
    root = entries[0]
    for name, kind, start, stream_size in entries:
        if kind != 2 or name not in names:
            continue
        if stream_size >= cutoff:
            stream = chain(start, fat, sector, count)
        else:  # a small stream lives in the mini stream, in the root entry's sectors
            container = chain(root[2], fat, sector, count) or b""
            mini_fat = chain(first_mini, fat, sector, count) if mini_count else b""
            table = list(struct.unpack(f"<{len(mini_fat or b'') // 4}I", mini_fat or b""))
            stream = chain(
                start,
                table,
                lambda k, box=container: box[k * mini_size : (k + 1) * mini_size],
                len(container) // mini_size + 1,
            )
        return None if stream is None else stream[:stream_size]
    return None


_XLS_CELLS = {0x0006, 0x00FD, 0x0203, 0x027E, 0x0201, 0x0205, 0x0204, 0x00D6}
_XLS_SPANS = {0x00BD, 0x00BE}  # MULRK, MULBLANK: row, first column … last column


def _xls_extent(path: Path, limits: Limits, deadline: _Deadline) -> None:
    """Refuse an .xls whose worksheets reach past the limits, from its BIFF cell records."""
    import struct

    with open(path, "rb") as handle:
        data = handle.read()
    try:
        stream = _ole_stream(data, ("Workbook", "Book"))
    except Exception:
        stream = None  # not laid out as expected: calamine judges it
    if stream is None:
        return
    sheets = rows = columns = 0
    titles: list[str] = []

    def title() -> str:
        index = sheets - 2  # the first substream is the workbook's globals
        return titles[index] if 0 <= index < len(titles) else str(max(1, index + 1))

    at, n = 0, len(stream)
    header = struct.Struct("<HH").unpack_from
    cells, spans, checked = _XLS_CELLS, _XLS_SPANS, 0
    while at + 4 <= n:
        kind, length = header(stream, at)
        start, at = at + 4, at + 4 + length
        if at > n:
            break  # a cut record: calamine judges the file
        if kind in cells:
            if length >= 4:
                row, column = header(stream, start)
                if row >= rows:
                    rows = row + 1
                if column >= columns:
                    columns = column + 1
            continue
        if kind in spans and length >= 6:
            row = header(stream, start)[0]
            last = header(stream, at - 2)[0]
            rows, columns = max(rows, row + 1), max(columns, last + 1)
        elif kind == 0x0085 and length >= 8:  # BOUNDSHEET: a sheet's name, in order
            chars, wide = stream[start + 6], stream[start + 7] & 1
            raw = stream[start + 8 : start + 8 + chars * (2 if wide else 1)]
            titles.append(raw.decode("utf-16-le" if wide else "latin-1", "replace"))
        elif kind == 0x0809:  # BOF: a new substream (the globals, then one per sheet)
            sheets += 1
            rows = columns = 0
            if sheets > limits.worksheets + 1:
                raise SheetReadError(
                    "The file {path} has {count} worksheets; a sheet to "
                    "import may have at most {limit}.",
                    path=path.name,
                    count=f"{limits.worksheets}+",
                    limit=limits.worksheets,
                )
        elif kind == 0x000A and (rows or columns):  # EOF of a sheet
            _check_extent(path, title(), rows, columns, limits)
        if at - checked > 1 << 20:
            checked = at
            deadline.check()
    if rows or columns:
        _check_extent(path, title(), rows, columns, limits)


def _prescan(path: Path, limits: Limits, deadline: _Deadline) -> None:
    """Refuse, before any parser sees it, a workbook that is damaged, hostile or too big."""
    suffix = path.suffix.lower()
    if suffix == ".xls":  # a binary BIFF file in an OLE2 container
        _xls_extent(path, limits, deadline)
        return
    if suffix in (".xlsx", ".xlsm", ".xlsb"):
        with open(path, "rb") as handle:
            if handle.read(8) == _OLE_SIGNATURE:  # an encrypted OOXML file is an OLE2 container
                raise _protected(path)
    z = _Zip(path, limits, deadline)
    try:
        z.check_xml_parts()
        if suffix in (".xlsx", ".xlsm"):
            for name, part in _xlsx_sheet_parts(z)[: limits.worksheets + 1]:
                if part in z.names:
                    rows, columns = z.xlsx_extent(part)
                    _check_extent(path, name, rows, columns, limits)
        elif suffix == ".ods":
            if "META-INF/manifest.xml" in z.names and b"encryption-data" in b"".join(
                z.chunks("META-INF/manifest.xml")
            ):
                raise _protected(path)
            if "content.xml" not in z.names:
                raise _damaged(path, "content.xml")
            _ods_extent(z, path)
        elif suffix == ".xlsb":
            for part in sorted(
                n for n in z.names if n.startswith("xl/worksheets/") and n.endswith(".bin")
            )[: limits.worksheets + 1]:
                rows, columns = _xlsb_extent(z, part)
                _check_extent(path, part.rsplit("/", 1)[-1], rows, columns, limits)
    finally:
        z.close()


class Workbook:
    """An opened workbook (``open_workbook``): its worksheet names and each one as a ``Grid``.
    Everything that can be checked before parsing was checked; reading a worksheet is
    bounded too. Use it as a context manager."""

    def __init__(self, path: Path, limits: Limits = LIMITS) -> None:
        import python_calamine as calamine

        self.path, self.limits = path, limits
        self.deadline = _Deadline(path, limits)
        _check_size(path, limits)
        _prescan(path, limits, self.deadline)
        try:
            self.book = calamine.CalamineWorkbook.from_path(str(path))
            self.names = [
                m.name for m in self.book.sheets_metadata if str(m.typ).endswith("WorkSheet")
            ] or list(self.book.sheet_names)
        except calamine.PasswordError:
            raise _protected(path) from None
        except BaseException as exc:
            raise self._refusal(exc) from None
        if len(self.names) > limits.worksheets:
            raise SheetReadError(
                "The file {path} has {count} worksheets; a sheet to import may "
                "have at most {limit}.",
                path=path.name,
                count=len(self.names),
                limit=limits.worksheets,
            )

    def _refusal(self, exc: BaseException) -> SheetReadError:
        """calamine's error as one sentence. A panic in its Rust code (pyo3's PanicException,
        a BaseException) is a damaged file too; Ctrl+C and exit stay what they are."""
        if isinstance(exc, (KeyboardInterrupt, SystemExit, GeneratorExit)):
            raise exc
        if isinstance(exc, MemoryError):
            return SheetReadError(
                "The file {path} is too large to import ({error}).",
                path=self.path.name,
                error="memory",
            )
        text = _one_line(exc)
        if "shared strings" in text:
            return SheetReadError(
                "The file {path} is damaged: a cell refers to a text its "
                "table of texts does not have.",
                path=self.path.name,
            )
        if type(exc).__name__ == "WorksheetNotFound":
            return SheetReadError(
                "The file {path} is damaged: its worksheet {sheet} is missing.",
                path=self.path.name,
                sheet=text,
            )
        if "limit" in text.casefold():
            return SheetReadError(
                "The file {path} is too large to import ({error}).", path=self.path.name, error=text
            )
        return _damaged(self.path, exc)

    def grid(self, name: str | None = None) -> Grid:
        """One worksheet (the first when ``name`` is None) as rows of text."""
        if name is None:
            if not self.names:
                raise SheetReadError("The file {path} has no worksheet.", path=self.path.name)
            name = self.names[0]
        elif name not in self.names:
            raise SheetReadError("The workbook has no sheet named {sheet}.", sheet=name)
        self.deadline.check()
        try:
            ws = self.book.get_sheet_by_name(name)
            end = ws.end
            if end is not None:
                _check_extent(self.path, name, end[0] + 1, end[1] + 1, self.limits)
            values = ws.to_python(skip_empty_area=False) if end is not None else []
            merged = ws.merged_cell_ranges or []
        except SheetReadError:
            raise
        except BaseException as exc:
            raise self._refusal(exc) from None
        self.deadline.check()
        rows = [[cell_text(v) for v in row] for row in values]
        for (r0, c0), (r1, c1) in merged:  # fill a merged range's value into every cell
            if r0 >= len(rows) or c0 >= len(rows[r0]):
                continue
            value = rows[r0][c0]
            for r in range(r0, min(r1 + 1, len(rows))):
                row = rows[r]
                for c in range(c0, min(c1 + 1, self.limits.columns)):
                    while len(row) <= c:
                        row.append("")
                    row[c] = value
        while rows and not any(rows[-1]):
            rows.pop()
        return Grid(rows, "", name)

    def close(self) -> None:
        try:
            self.book.close()
        except Exception:
            pass

    def __enter__(self) -> Workbook:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _checked(path: str | os.PathLike) -> Path:
    path = Path(path)
    if not path.exists():
        raise SheetReadError("The sheet {path} does not exist.", path=path)
    if path.is_dir():
        raise SheetReadError("{path} is a folder, not a sheet.", path=path)
    if path.suffix.lower() not in SHEET_SUFFIXES:
        raise SheetReadError(
            "Only .xlsx, .xls, .xlsb, .ods and .csv sheets can be imported, not {suffix}.",
            suffix=path.suffix.lower() or path.name,
        )
    return path


def open_workbook(path: str | os.PathLike, limits: Limits = LIMITS) -> Workbook:
    """A workbook (.xlsx .xlsm .xlsb .xls .ods) opened for reading, or ``SheetReadError``."""
    path = _checked(path)
    if path.suffix.lower() == ".csv":
        raise SheetReadError("{path} is a CSV file, not a workbook.", path=path.name)
    return Workbook(path, limits)


def sheet_names(path: str | os.PathLike) -> list[str]:
    """The worksheet names of a workbook, in order (``SheetReadError`` when unreadable)."""
    with open_workbook(path) as book:
        return list(book.names)


def read_sheet(path: str | os.PathLike, sheet: str | None = None, limits: Limits = LIMITS) -> Grid:
    """Read a ``.csv`` or a workbook's worksheet into a ``Grid`` (``SheetReadError`` when it
    can't: missing, damaged, hostile or beyond ``limits``)."""
    path = _checked(path)
    if path.suffix.lower() == ".csv":
        return read_csv(path, limits)
    with Workbook(path, limits) as book:
        return book.grid(sheet)


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
                writer.writerow(
                    [escape_cell(v) if isinstance(v, str) else cell_text(v) for v in row]
                )
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


# Excel's built-in number formats (openpyxl's names): 14 is the short date of the reader's
# locale (d/m/yyyy in Israel), 3 is a whole number with the locale's thousands separator.
DATE_FORMAT = "mm-dd-yy"
INTEGER_FORMAT = "#,##0"
DECIMAL_FORMAT = "#,##0.00"
PERCENT_FORMAT = "0%"
YEAR_FORMAT = "0"
MONEY_FORMAT = '#,##0 "₪"'
_NUMBER_TEXT = re.compile(r"^-?\d{1,12}(?:\.\d{1,6})?%?$")


def workbook_text(text: str) -> str:
    """A text as an .xlsx string cell holds it: unchanged, except that one starting with an
    apostrophe and a formula character gets one more, and one starting with a tab or a
    carriage return one apostrophe (an import trims other cells; ``unescape_cell`` reads
    both back)."""
    if text.startswith(("\t", "\r")) or (
        len(text) > 1 and text[0] == "'" and text[1] in _AFTER_APOSTROPHE
    ):
        return "'" + text
    return text


def number_or_text(text: str):
    """``text`` as a number when it is one ("12", "3.5", "30%"), else the text itself."""
    text = text.strip() if isinstance(text, str) else text
    if not isinstance(text, str) or not _NUMBER_TEXT.match(text):
        return text
    if text.endswith("%"):
        return float(text[:-1]) / 100, PERCENT_FORMAT
    return (int(text), INTEGER_FORMAT) if "." not in text else (float(text), DECIMAL_FORMAT)


def iso_date(value):
    """An ISO date text ("2026-06-02") as a ``date``; anything else unchanged."""
    if isinstance(value, str) and len(value) == 10:
        try:
            return date.fromisoformat(value)
        except ValueError:
            return value
    return value


def put_cell(
    ws, row: int, column: int, value, *, bold: bool = False, number_format: str | None = None
):
    """Write one typed cell: text as a string cell (never a formula), a date as a date, a
    number as a number (``number_format`` or a whole-number / decimal format)."""
    from openpyxl.styles import Font

    cell = ws.cell(row=row, column=column)
    if isinstance(value, tuple):  # (number, its format) from number_or_text
        value, number_format = value
    if isinstance(value, str):
        cell.value = ooxml_escape(workbook_text(value))
        cell.data_type = "s"
        if value.startswith(FORMULA_STARTS):
            cell.quotePrefix = True
    elif isinstance(value, datetime):
        cell.value = value
        cell.number_format = number_format or "dd/mm/yyyy hh:mm"
    elif isinstance(value, date):
        cell.value = value
        cell.number_format = number_format or DATE_FORMAT
    elif isinstance(value, bool) or value is None:
        cell.value = value
    elif isinstance(value, (int, float)):
        cell.value = value
        cell.number_format = number_format or (
            INTEGER_FORMAT
            if isinstance(value, int) or float(value).is_integer()
            else DECIMAL_FORMAT
        )
    else:
        cell.value = str(value)
        cell.data_type = "s"
    if bold:
        cell.font = Font(bold=True)
    return cell


def _shown_width(cell) -> float:
    """About how many characters wide the cell's value shows."""
    value = cell.value
    if value is None:
        return 0
    if isinstance(value, (date, datetime)):
        return 11 if not isinstance(value, datetime) else 17
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        digits = len(f"{value:,.0f}") + (3 if isinstance(value, float) else 0)
        return digits + (2 if "₪" in (cell.number_format or "") else 0)
    text = str(value)
    longest = max((len(line) for line in text.splitlines()), default=0)
    return longest * (1.15 if cell.font is not None and cell.font.b else 1.0)


def _wrapped_lines(words: list[str], width: float) -> int:
    lines, used = 1, 0.0
    for word in words:
        need = len(word) * 1.15 + (1 if used else 0)
        if used and used + need > width:
            lines, used = lines + 1, len(word) * 1.15
        else:
            used += need
    return lines


def finish_sheet(
    ws,
    *,
    header_row: int | None = 1,
    right_to_left: bool = True,
    widths_from_row: int = 1,
    max_width: int = 60,
    min_width: int = 6,
) -> None:
    """Column widths from content (from ``widths_from_row`` down; longer texts wrap), the
    header frozen and repeated on every printed page, A4 fitted to the page width, the
    sheet's direction."""
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.properties import PageSetupProperties

    widths: dict[int, float] = {}
    for row in ws.iter_rows(min_row=widths_from_row):
        for cell in row:
            if cell.value is None:
                continue
            if cell.row == header_row and isinstance(cell.value, str):
                # a header wraps between its words: its longest word sets the least width
                words = cell.value.split()
                shown = max(map(len, words), default=0) * 1.15
                wrap = True
            else:
                shown = _shown_width(cell)
                wrap = shown > max_width
            cell.alignment = Alignment(wrap_text=wrap, vertical="top")
            if shown:
                widths[cell.column] = max(widths.get(cell.column, min_width), min(shown, max_width))
    for column, width in widths.items():
        ws.column_dimensions[get_column_letter(column)].width = round(width + 2, 1)
    # rows as tall as their wrapped texts (LibreOffice keeps the default height otherwise)
    for row in ws.iter_rows(min_row=widths_from_row):
        lines = 1
        for cell in row:
            if cell.alignment is None or not cell.alignment.wrap_text or cell.value is None:
                continue
            width = max(widths.get(cell.column, min_width), 1)
            text = cell.value if isinstance(cell.value, str) else str(cell.value)
            words = text.split() if cell.row == header_row else []
            if words:
                count = _wrapped_lines(words, width)
            else:
                count = sum(-(-max(len(part), 1) // int(width)) for part in text.splitlines())
            lines = max(lines, count)
        if lines > 1:
            ws.row_dimensions[row[0].row].height = min(409, 15 * lines)
    ws.sheet_view.rightToLeft = right_to_left
    if header_row:
        ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
        ws.print_title_rows = f"{header_row}:{header_row}"
    total = sum(w + 2 for w in widths.values())
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if total > 95 else "portrait"
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages down as it needs
    ws.print_options.gridLines = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6


def save_workbook(book, path: str | os.PathLike) -> None:
    """Save an openpyxl workbook under a temporary name and move it into place whole."""
    path = Path(path)
    tmp = _temporary(path)
    try:
        book.save(tmp)
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


def write_xlsx(
    path: str | os.PathLike, sheets: dict[str, list[list[object]]], *, right_to_left: bool = True
) -> None:
    """Write one worksheet per entry of ``sheets`` (its first row the header, in bold):
    typed cells (``put_cell``) and the set-up of ``finish_sheet``."""
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        ws = book.create_sheet(title[:31])
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                put_cell(ws, r, c, value, bold=r == 1)
        finish_sheet(ws, header_row=1 if rows else None, right_to_left=right_to_left)
    save_workbook(book, path)
