"""No text makes printing fail: a table cell taller than a page breaks across pages, at every
position a page break can fall; every handout builds with 600-900 character texts in every
free-text field in he/ar/en; a layout error that is left becomes one sentence (exit 2)."""

from __future__ import annotations

import shutil
import sqlite3

import pdfplumber
import pytest
from reportlab.platypus import Spacer

from kehila_desktop.cli import main
from kehila_desktop.printing import HANDOUTS, build
from kehila_desktop.printing.engine.document import PageInfo, build_pdf
from kehila_desktop.printing.engine.flowables import LineTable, Para
from kehila_desktop.printing.engine.text import TextStyle

# every column a user types text into, per table (enum and id columns are not user text)
FREE_TEXT = {
    "area": ["name"],
    "channel": ["situation_picture", "problem_space", "solution_space"],
    "program": ["name", "locality", "authority"],
    "person": ["name", "organisation", "title", "community", "phone", "email"],
    "situation_section": ["title", "text", "figure"],
    "body": ["name", "responsibilities"],
    "meeting": ["place", "notes"],
    "membership": ["role_requirements", "responsibilities"],
    "agenda_item": ["title", "presenter", "notes"],
    "attendance": ["guest_name"],
    "decision": ["text"],
    "action_item": ["text"],
    "goal": ["title", "description"],
    "objective": ["title", "indicator", "baseline", "target"],
    "action": ["title", "budget_source"],
}
WORDS = {
    "he": "ארגון קהילתי לפיתוח ושיתוף IBM ישראל בע״מ (חברה לתועלת הציבור) ",
    "ar": "جمعية تطوير المجتمع والشراكة Haddad Tech Ltd. (شركة للمنفعة العامة) ",
    "en": "Community development organisation and partnership batya@example.org ",
}


def _long(words: str, length: int) -> str:
    return (words * (length // len(words) + 1))[:length]


@pytest.mark.parametrize("rtl", [True, False])
def test_a_row_taller_than_a_page_breaks_at_every_position(tmp_path, rtl):
    """A spacer of 0 … a full page before the table moves the page break through every
    point of every row: short rows, a row of ~1.5 pages, a row just under a page."""
    style = TextStyle(size=9, rtl=rtl)
    words = WORDS["he" if rtl else "en"]
    rows = [
        ["1", "short", "short"],
        ["2", _long(words, 9000), "x"],
        ["3", "short", _long(words, 2500)],
        ["4", "a", "b"],
        ["5", "a", "b"],
    ]
    info = PageInfo("he" if rtl else "en", "Program", "Locality", "", "1/1/2026", "Test")
    for offset in range(0, 700, 5):  # the frame is 711 points high
        story = [
            Spacer(1, offset),
            Para("Heading", style.but(bold=True)),
            LineTable(["No.", "Organisation", "Requirements"], rows, [1, 5, 5], style),
        ]
        pages = build_pdf(story, tmp_path / "t.pdf", info)
        assert pages >= 4, offset
    with pdfplumber.open(str(tmp_path / "t.pdf")) as pdf:  # nothing lost: row 5 is printed
        assert pdf.pages[-1].extract_text().count("5") >= 1


@pytest.fixture(scope="module")
def long_program(printed_sample, tmp_path_factory):
    """The sample with 600-900 characters in every free-text field (each row a different
    length, so tall cells fall at many different places on the pages)."""
    path = tmp_path_factory.mktemp("long") / "long.kehila"
    shutil.copy(printed_sample, path)
    conn = sqlite3.connect(path)
    words = WORDS["he"] + WORDS["ar"] + WORDS["en"]
    for table, columns in FREE_TEXT.items():
        for column in columns:
            conn.execute(
                f"UPDATE {table} SET {column} = substr(?, 1, 600 + (rowid * 37) % 300)",
                (_long(words, 900),),
            )
    conn.execute("UPDATE person SET organisation = ? WHERE rowid % 7 = 0", ("ש" * 700,))
    conn.commit()
    design = conn.execute("SELECT id FROM body WHERE kind='design'").fetchone()[0]
    meeting = conn.execute(
        "SELECT id FROM meeting WHERE body_id=? AND status='held' ORDER BY starts_at LIMIT 1",
        (design,),
    ).fetchone()[0]
    conn.close()
    return path, {"body": design, "meeting": meeting}


@pytest.mark.parametrize("language", ["he", "ar", "en"])
def test_every_handout_builds_with_long_texts(long_program, tmp_path, language):
    path, ids = long_program
    for handout in HANDOUTS:
        out = tmp_path / f"{handout}.pdf"
        pages = build(handout, path, out, language=language, **ids)
        assert pages >= 1 and out.stat().st_size > 1000, handout


def test_a_layout_error_is_one_sentence_and_exit_2(printed_sample, tmp_path, capsys, monkeypatch):
    from reportlab.platypus.doctemplate import LayoutError

    from kehila_desktop import printing

    def fail(*args, **kwargs):
        raise LayoutError("Splitting error(n==2) on page 4 in <LineTable>")

    monkeypatch.setattr(printing, "build_pdf", fail)
    out = tmp_path / "x.pdf"
    code = main(["print", str(printed_sample), "people", str(out), "--language", "en"])
    err = capsys.readouterr().err
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert "Partner mapping" in err and "could not be laid out" in err
    assert not out.exists()
