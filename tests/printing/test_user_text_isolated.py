"""User text inside a line of the other direction is a bidi isolate (FSI … PDI): on an English
handout a Hebrew name keeps its place in the sentence (the phone number after it), and a
Hebrew sentence a user typed keeps its full stop at its own end. Checked against GNU FriBidi
and by the words' x positions read back from the PDF."""

from __future__ import annotations

import re
import sqlite3

import pdfplumber

from kehila_desktop.printing import build
from kehila_desktop.printing.engine.bidi import visual

from .pdftext import all_segments, fribidi, needs_fribidi

FSI, PDI = "\u2068", "\u2069"

HEBREW = re.compile("[\u0590-\u05ff]")


@needs_fribidi
def test_isolates_reorder_as_fribidi_does():
    lines = [
        f"Contact the program manager: {FSI}דנה כהן{PDI}, 050-1234567, dana@example.org",
        f"Chair: {FSI}אבי מזרחי{PDI} (chair), {FSI}Tom Levi{PDI}.",
        f"יו״ר: {FSI}Tom Levi 3{PDI}, 050-1234567.",
        f"a {FSI}ב (ג) 12{PDI} d {FSI}{PDI} e",
    ]
    for line in lines:
        for rtl in (False, True):
            assert visual(line, rtl) == fribidi([line], rtl)[0], (line, rtl)


def _manager(path):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(
            "SELECT p.name, p.phone FROM membership m JOIN person p ON p.id=m.person_id "
            "WHERE m.role='manager' AND m.deleted=0 AND p.deleted=0 LIMIT 1"
        ).fetchone()
    finally:
        conn.close()


def test_open_call_in_english_prints_the_hebrew_name_before_the_phone(printed_sample, tmp_path):
    name, phone = _manager(printed_sample)
    assert HEBREW.search(name) and phone
    out = tmp_path / "open-call.pdf"
    build("open-call", printed_sample, out, language="en")
    with pdfplumber.open(out) as pdf:
        words = [w for page in pdf.pages for w in page.extract_words()]
    contact = next(w for w in words if w["text"] == "Contact")
    line = [w for w in words if abs(w["top"] - contact["top"]) < 2]
    name_x = min(w["x0"] for w in line if HEBREW.search(w["text"]))
    phone_x = next(w["x0"] for w in line if phone in w["text"])
    assert contact["x0"] < name_x < phone_x, [w["text"] for w in line]


def test_hebrew_sentences_on_english_handouts_end_with_their_full_stop(printed_sample, tmp_path):
    """Structure (areas of responsibility) and every printed Hebrew sentence: the full stop is
    at the sentence's end — its left — never on the right of the Hebrew words."""
    out = tmp_path / "structure.pdf"
    build("structure", printed_sample, out, language="en")
    hebrew = [s for s in all_segments(out) if HEBREW.search(s)]
    assert any(s.startswith(".") for s in hebrew), hebrew
    assert not [s for s in hebrew if s.endswith(".") and HEBREW.search(s[-3:])], hebrew
