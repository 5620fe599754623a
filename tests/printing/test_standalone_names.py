"""English body, channel and vocabulary names begin with a capital where they stand alone (a
heading, a title, a table cell, a list item, a choice) and keep lower case inside sentences;
Hebrew and Arabic are unchanged."""

from __future__ import annotations

import pdfplumber

from kehila_desktop.core.i18n import FSI, PDI, capitalised, label, standalone_label
from kehila_desktop.printing import build

from .pdftext import all_segments


def test_capitalised_forms_for_standalone_use():
    assert standalone_label("BODY_KINDS", "design", "en") == "Design committee"
    assert standalone_label("CADENCES", "monthly", "en") == "Monthly"
    assert label("BODY_KINDS", "design", "en") == "design committee"  # inside a sentence
    assert capitalised(f"{FSI}urban{PDI} work team", "en") == f"{FSI}Urban{PDI} work team"
    assert standalone_label("BODY_KINDS", "design", "he") == label("BODY_KINDS", "design", "he")


def test_structure_handout_headings_and_cells_begin_with_a_capital(printed_sample, tmp_path):
    out = tmp_path / "structure.pdf"
    build("structure", printed_sample, out, language="en")
    printed = all_segments(out)
    assert "Urban work team" in printed and "urban work team" not in printed
    assert "Monthly, 90 minutes each" in printed
    assert not any(s.startswith(("monthly", "quarterly", "every two")) for s in printed)
    with pdfplumber.open(out) as pdf:
        text = " ".join(page.extract_text() or "" for page in pdf.pages)
    assert "(chair)" in text  # a role inside a line stays lower case


def test_open_call_cadence_line_begins_with_a_capital(printed_sample, tmp_path):
    out = tmp_path / "open-call.pdf"
    build("open-call", printed_sample, out, language="en")
    printed = all_segments(out)
    assert any(s.startswith("Monthly in year one") for s in printed), printed
