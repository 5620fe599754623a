"""Layout like a document: column widths from their content (no word broken inside, short
labels on one line), headings kept with what follows, no table split leaving one row."""

from __future__ import annotations

import pytest
from reportlab.platypus import Spacer

from kehila_desktop.printing.engine.document import PageInfo, build_pdf, frame_width
from kehila_desktop.printing.engine.flowables import FRAME_HEIGHT, LineTable
from kehila_desktop.printing.engine.kit import Kit
from kehila_desktop.printing.engine.text import TextStyle
from kehila_desktop.printing.handouts.source import Source

from .pdftext import pdf_segments

LONG = "Community development organisation working with residents and partners " * 4


@pytest.mark.parametrize("rtl", [False, True])
def test_columns_fit_their_content(rtl):
    style = TextStyle(size=9, rtl=rtl)
    rows = [
        [day, "Regular meeting", LONG, "Planned"] for day in ("Wednesday", "Thursday", "Saturday")
    ]
    table = LineTable(["Day", "Meeting", "Place", "Status"], rows, [1, 1, 1, 1], style)
    _, head, cells, _ = table._layout(frame_width())
    for row in cells:
        day, kind, place, status = row
        assert len(day) == 1 and len(kind) == 1 and len(status) == 1  # one line each
        assert " ".join(place) == " ".join(LONG.split())  # wrapped between words only
    assert all(len(h) == 1 for h in head)


def test_forms_keep_their_weights():
    style = TextStyle(size=9)
    table = LineTable(
        ["No.", "Name", "Signature"], [["", "", ""]] * 3, [1, 4, 4], style, fixed=True
    )
    spans = table._columns(450)
    assert [round(b - a) for a, b in spans] == [50, 200, 200]


def _build(tmp_path, story):
    out = tmp_path / "t.pdf"
    build_pdf(story, out, PageInfo("en", "Program", "", "", "1/1/2027", "Test"))
    return pdf_segments(out)


@pytest.fixture
def kit(printed_sample):
    src = Source(printed_sample, "en")
    yield Kit(src)
    src.close()


@pytest.mark.parametrize("room", range(20, 140, 6))
def test_a_heading_is_never_alone_at_the_bottom_of_a_page(tmp_path, kit, room):
    rows = [[f"Row {i}", "text"] for i in range(6)]
    story = (
        [Spacer(1, FRAME_HEIGHT - room)]
        + kit.heading("March 2027")
        + kit.table(["Date", "Place"], rows, [1, 1])
    )
    pages = _build(tmp_path, story)
    for page in pages:
        if "March 2027" in page:
            assert "Row 0" in page and "Row 1" in page, (room, page)


@pytest.mark.parametrize("room", range(40, 200, 5))
def test_a_table_split_never_leaves_one_row(tmp_path, kit, room):
    rows = [[f"Row {i}", "text"] for i in range(8)]
    story = [Spacer(1, FRAME_HEIGHT - room)] + kit.table(["No.", "Name"], rows, [1, 4])
    pages = _build(tmp_path, story)
    counts = [sum(1 for s in page if s.startswith("Row ")) for page in pages]
    assert sum(counts) == 8
    assert all(c == 0 or c >= 2 for c in counts), (room, counts)
