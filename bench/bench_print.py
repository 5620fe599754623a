"""Printing a 5,000-person list, beside a bare reportlab canvas drawing the same strings.

Figures: the ``people`` handout (the partner mapping: all 5,000 people, Hebrew, with
contacts) and the ``roster`` of the biggest body, each built cold (every cache of the
printing engine emptied first), beside a bare ``reportlab`` canvas that draws the same cell
strings with ``drawString`` at fixed positions in one font, with the same number of rows per
page, no wrapping, no bidi, no shaping. Times are CPU time of this process (the machine may
be shared), best of three interleaved rounds. Target: pages per second at least 40% of the
bare canvas's (a time ratio of at most 2.5×).
"""

from __future__ import annotations

import sqlite3
import tempfile
import time
from pathlib import Path

from bench.common import big_program

TARGET_RATE = 0.4
ROUNDS = 3


def _clear_caches() -> None:
    from kehila_desktop.printing.engine import bidi, fonts, shaping, text

    for fn in (
        bidi.visual,
        shaping.shape,
        fonts.runs,
        fonts._unit_width,
        fonts.font_for,
        text._wrap,
    ):
        fn.cache_clear()


def _strings(handout: str, path: Path, body: str | None) -> list[list[str]]:
    """The cells the handout prints, as plain strings (what the bare canvas draws)."""
    from kehila_desktop.printing.handouts import people as handouts_people
    from kehila_desktop.printing.engine.flowables import LineTable
    from kehila_desktop.printing.handouts.source import Source

    src = Source(path, "he")
    try:
        fn = getattr(handouts_people, handout)
        story = fn(src, {"body": body, "contacts": True}).story
    finally:
        src.close()
    tables = [f for f in story if isinstance(f, LineTable)]
    return [[str(c) for c in row] for t in tables for row in [t.header, *t.rows]]


def _bare(rows: list[list[str]], pages: int, out: Path) -> float:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    from kehila_desktop.printing.engine import fonts

    fonts.register()
    per_page = max(1, -(-len(rows) // pages))
    start = time.process_time()
    canvas = Canvas(str(out), pagesize=A4)
    cols = len(rows[0])
    width = (A4[0] - 90) / cols
    for i, row in enumerate(rows):
        if i and i % per_page == 0:
            canvas.showPage()
        y = A4[1] - 60 - (i % per_page) * 11
        canvas.setFont("KHebrew", 9)
        for j, cell in enumerate(row):
            canvas.drawString(45 + j * width, y, cell)
    canvas.showPage()
    canvas.save()
    return time.process_time() - start


def _ours(handout: str, path: Path, out: Path, **options) -> tuple[float, int]:
    from kehila_desktop.printing import build

    _clear_caches()
    start = time.process_time()
    pages = build(handout, path, out, language="he", **options)
    return time.process_time() - start, pages


def run(report) -> None:
    path = big_program(5000)
    conn = sqlite3.connect(path)
    biggest = conn.execute(
        "SELECT body_id, count(*) n FROM membership WHERE deleted=0 AND status IN "
        "('proposed', 'approved', 'invited', 'joined') GROUP BY body_id ORDER BY n DESC"
    ).fetchone()[0]
    people = conn.execute("SELECT count(*) FROM person WHERE deleted=0").fetchone()[0]
    conn.close()
    report.note(f"{people} people")
    with tempfile.TemporaryDirectory(prefix="kehila-bench-print-") as tmp:
        _measure(report, path, Path(tmp), biggest)


def _measure(report, path: Path, folder: Path, biggest: str) -> None:
    _ours("people", path, folder / "warm.pdf")  # imports and font files, not caches
    for handout, options in (("people", {}), ("roster", {"body": biggest})):
        rows = _strings(handout, path, options.get("body"))
        ours_times, bare_times = [], []
        for _ in range(ROUNDS):  # interleaved, so both see the same machine load
            took, pages = _ours(handout, path, folder / f"{handout}.pdf", **options)
            ours_times.append(took)
            bare_times.append(_bare(rows, pages, folder / "bare.pdf"))
        ours, bare = min(ours_times), min(bare_times)
        rate, bare_rate = pages / ours, pages / bare
        report.add(
            f"{handout}: {len(rows) - 1} rows, {pages} pages, cold",
            ours,
            "bare reportlab canvas, same strings",
            bare,
            1 / TARGET_RATE,
        )
        report.note(
            f"  {rate:.1f} pages/s beside {bare_rate:.1f} pages/s bare: "
            f"{100 * rate / bare_rate:.0f}% (target ≥ {100 * TARGET_RATE:.0f}%)"
        )
