"""Reading sheets to import: a 20,000-person workbook, and every kind of bad sheet.

Figures: ``read_sheet`` of a 20,000-row .xlsx (the pre-scan that bounds it, then calamine)
beside python-calamine reading the same file raw, and beside openpyxl (the reader before);
the same for an .ods and an .xls LibreOffice made of it (when ``soffice`` is there); and the
time each bad sheet of ``tests/sheets/bad.py`` takes to be refused (absolute: under 1 s).
Targets: under 3× raw calamine (the bounding pre-scan reads every cell's reference).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import best_of

ROOT = Path(__file__).resolve().parent.parent


def _people_xlsx(path: Path, rows: int = 20_000) -> Path:
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    ws = book.create_sheet("אנשים")
    ws.append(["שם", "ארגון", "תפקיד", "מגזר", "טלפון", 'דוא"ל', "הערות"])
    for i in range(rows):
        ws.append(
            [
                f"אדם {i}",
                'מתנ"ס',
                "רכזת",
                "תושבים / נציגי ציבור",
                f"050{i:07d}",
                f"p{i}@example.org",
                "הערה קצרה",
            ]
        )
    book.save(path)
    return path


def run(report) -> None:
    import openpyxl
    import python_calamine

    from kehila_desktop.core.sheets import SheetReadError, read_sheet

    work = Path(tempfile.mkdtemp(prefix="kehila-bench-sheets-"))
    xlsx = _people_xlsx(work / "people.xlsx")
    files = [xlsx]
    soffice = shutil.which("soffice")
    if soffice:
        for to in ("ods", "xls"):
            subprocess.run(
                [
                    soffice,
                    f"-env:UserInstallation={(work / 'lo').as_uri()}",
                    "--headless",
                    "--convert-to",
                    to,
                    "--outdir",
                    str(work),
                    str(xlsx),
                ],
                capture_output=True,
                timeout=300,
            )
            if (work / f"people.{to}").exists():
                files.append(work / f"people.{to}")
    raws: dict[str, float] = {}
    for path in files:
        raw = best_of(
            lambda path=path: (
                python_calamine.CalamineWorkbook.from_path(str(path))
                .get_sheet_by_index(0)
                .to_python()
            ),
            repeat=3,
        )
        raws[path.suffix] = raw
        report.add(
            f"read_sheet {path.suffix} (20,000 rows)",
            best_of(lambda path=path: read_sheet(path), repeat=3),
            "python-calamine raw",
            raw,
            3,
        )
    report.add(
        "openpyxl (the reader before) .xlsx",
        best_of(
            lambda: list(
                openpyxl.load_workbook(xlsx, read_only=True, data_only=True)
                .worksheets[0]
                .iter_rows(values_only=True)
            ),
            repeat=1,
        ),
        "python-calamine raw .xlsx",
        raws[".xlsx"],
    )

    sys.path.insert(0, str(ROOT))
    from tests.sheets.bad import BAD

    slowest = 0.0
    for name, make in sorted(BAD.items()):
        path = make(work / name)
        start = time.perf_counter()
        try:
            read_sheet(path)
            verdict = "READ (not refused!)"
        except SheetReadError:
            verdict = "refused"
        seconds = time.perf_counter() - start
        slowest = max(slowest, seconds)
        report.note(f"  {name:<28} {seconds * 1000:8.1f} ms  {verdict}")
    report.note(
        f"bad sheets: {len(BAD)} kinds, slowest refusal {slowest * 1000:.0f} ms "
        f"({'ok' if slowest < 1 else 'OVER'} target 1 s)"
    )
    shutil.rmtree(work, ignore_errors=True)
