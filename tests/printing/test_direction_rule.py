"""One direction rule on paper (``core.direction``): a text with a Hebrew/Arabic letter takes
the page's direction, one without is laid out left to right as a unit; the GUI's tests
(tests/gui/test_direction_rule.py) pin the screen on the same strings."""

from __future__ import annotations

import pytest

from kehila_desktop.core.direction import EXAMPLES, has_rtl_letter, text_is_rtl
from kehila_desktop.printing.engine.document import PageInfo, build_pdf
from kehila_desktop.printing.engine.flowables import LineTable, Para
from kehila_desktop.printing.engine.text import TextStyle

from .pdftext import all_segments, fribidi, needs_fribidi


@pytest.mark.parametrize("text, rtl", EXAMPLES.items())
def test_the_rule(text, rtl):
    assert text_is_rtl(text, True) is rtl
    assert text_is_rtl(text, False) is False  # an English page is left to right
    assert has_rtl_letter(text) is ("ש" in text or "ל" in text)


def test_arabic_letters_count():
    assert text_is_rtl("شركة حداد Haddad", True) and not text_is_rtl("Haddad 2024 (Ltd.)", True)


@needs_fribidi
@pytest.mark.parametrize("language", ["he", "ar"])
def test_paragraphs_and_cells_print_by_the_rule(tmp_path, language):
    style = TextStyle(size=10, rtl=True)
    texts = list(EXAMPLES)
    story = [Para(t, style) for t in texts]
    story.append(LineTable(["א"], [[t] for t in texts], [1], style))
    out = tmp_path / "rule.pdf"
    build_pdf(story, out, PageInfo(language, "Program", "", "", "1/1/2027", "Test"))
    printed = all_segments(out)
    for text, rtl in EXAMPLES.items():
        shown = fribidi([text], rtl)[0]
        assert printed.count(shown) == 2, (text, shown, printed)
    assert "Haddad Tech Ltd." in printed and "לארשי IBM" in printed
