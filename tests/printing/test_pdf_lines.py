"""What is printed reads right: lines extracted from real PDFs (pdfplumber) in FriBidi's
visual order, wrapped paragraphs start with their first words, markup prints literally."""

from __future__ import annotations

import pytest

from kehila_desktop.printing.engine.document import PageInfo, build_pdf, frame_width
from kehila_desktop.printing.engine.flowables import LineTable, Para
from kehila_desktop.printing.engine.text import TextStyle, wrap

from .pdftext import all_segments, fribidi, needs_fribidi, pdf_segments

HEBREW_PARAGRAPH = (
    "הוועדה המעצבת תתכנס ב-15/01/2027 בשעה 17:30 באולם המועצה (קומה 2). "
    "על סדר היום: תמונת המצב של האפיק החברתי, תקציב של ₪45,000 לשנת 2027, "
    'ודיון עם ד"ר Ruth Cohen מ-Tel Aviv University על מדדים. '
    "לפרטים: 050-1234567 או ruth.cohen@example.org."
)
ARABIC_PARAGRAPH = (
    "تجتمع لجنة التصميم يوم 15/01/2027 الساعة 17:30 في قاعة المجلس (الطابق 2). "
    "على جدول الأعمال: صورة الوضع في المسار الاجتماعي، وميزانية بقيمة ₪45,000 لعام 2027، "
    "ونقاش مع الدكتورة Sarah Levi من جامعة حيفا حول المؤشرات. "
    "للتفاصيل: 052-7654321 أو sara.levi@example.org."
)


def _build(tmp_path, story, language="he"):
    out = tmp_path / f"{language}.pdf"
    info = PageInfo(language, "קהילה מיטיבה", "גבעת הדקלים", "ועדה מעצבת", "01/01/2027", "בדיקה")
    build_pdf(story, out, info)
    return out


@needs_fribidi
def test_wrapped_hebrew_and_arabic_paragraphs_read_in_fribidi_order(tmp_path):
    style_he = TextStyle(size=11, rtl=True)
    style_ar = TextStyle(size=11, rtl=True)
    story = [
        LineTable([], [[HEBREW_PARAGRAPH]], [1], style_he),
        LineTable([], [[ARABIC_PARAGRAPH]], [1], style_ar),
    ]
    out = _build(tmp_path, story)
    printed = all_segments(out)
    inner = frame_width() - 2 * LineTable.PAD
    for text, style in ((HEBREW_PARAGRAPH, style_he), (ARABIC_PARAGRAPH, style_ar)):
        lines = wrap(text, inner, style)
        assert len(lines) >= 2
        # the logical lines hold the paragraph's words in order: nothing lost or moved
        assert " ".join(lines).split() == text.split()
        expected = fribidi(lines, rtl=True)
        for line in expected:
            assert line in printed, f"not printed as FriBidi orders it: {line!r}"
        # the first printed line (the topmost) holds the paragraph's first words
        first = min(printed.index(e) for e in expected)
        assert printed[first] == expected[0]


@needs_fribidi
def test_first_printed_line_holds_the_first_words(tmp_path):
    style = TextStyle(size=10, rtl=True)
    out = _build(tmp_path, [Para(HEBREW_PARAGRAPH * 2, style)])
    body = pdf_segments(out)[0][3:]  # after the header (program, date, place)
    first_words = " ".join(HEBREW_PARAGRAPH.split()[:3])
    assert fribidi([first_words], True)[0] in body[0]
    assert "הוועדה"[::-1] in body[0]
    last_words = " ".join(HEBREW_PARAGRAPH.split()[-2:])
    assert fribidi([last_words], True)[0] not in body[0]


@needs_fribidi
@pytest.mark.parametrize("language", ["he", "en"])
def test_mixed_table_cells_read_right_in_hebrew_and_arabic(tmp_path, language):
    rows = [
        ["דנה כהן-לוי (מנהלת)", "050-1234567", "dana@example.org", "₪12,500"],
        ["سارة (Sarah Levi)", "052-7654321", "sara@example.org", "2027Q1–2027Q3"],
        ["ג'ורג' (George) Haddad", "12/03/2027 17:30", "30% תושבים", "x < y & z"],
        ["مُحَمَّد علي", "שָׁלוֹם", "{a} [b]", "«ציטוט»"],
    ]
    rtl = language != "en"
    style = TextStyle(size=9, rtl=rtl)
    out = _build(
        tmp_path, [LineTable(["שם", "טלפון", 'דוא"ל', "סכום"], rows, [4, 3, 4, 3], style)], language
    )
    printed = all_segments(out)
    for cell in [c for row in rows for c in row] + ["שם", "טלפון"]:
        assert fribidi([cell], rtl, auto=True)[0] in printed, cell


def test_markup_like_text_prints_literally(tmp_path):
    names = ["<b>דנה</b> &amp; <font color='red'>", "Tom & Jerry <i>", "&lt;script&gt;"]
    style = TextStyle(size=10, rtl=False)
    out = _build(tmp_path, [Para(n, style) for n in names], language="en")
    printed = all_segments(out)
    assert "Tom & Jerry <i>" in printed
    assert "&lt;script&gt;" in printed
    assert any("<b>" in s and "&amp;" in s and "<font color='red'>" in s for s in printed)


def test_rtl_table_columns_run_from_the_right(tmp_path):
    import pdfplumber

    style = TextStyle(size=9, rtl=True)
    out = _build(tmp_path, [LineTable(["ראשון", "שני"], [["א", "ב"]], [1, 1], style)])
    with pdfplumber.open(out) as pdf:
        words = {w["text"]: w["x0"] for w in pdf.pages[0].extract_words()}
    assert words["ןושאר"] > words["ינש"]  # the first column is on the right


def test_long_table_breaks_across_pages_and_repeats_its_header(tmp_path):
    style = TextStyle(size=9, rtl=True)
    rows = [[f"שורה {i}", "תוכן ארוך " * (i % 7 + 1)] for i in range(100)]
    out = _build(tmp_path, [LineTable(["כותרת א", "כותרת ב"], rows, [1, 3], style)])
    pages = pdf_segments(out)
    assert len(pages) >= 3
    header = "א תרתוכ"
    for page in pages:
        assert header in page
    printed = [s for page in pages for s in page]
    for i in (0, 50, 99):
        assert f"{i} הרוש" in printed


def test_a_cell_taller_than_a_page_continues_on_the_next(tmp_path):
    style = TextStyle(size=9, rtl=True)
    words = [f"מילה{i}" for i in range(1500)]
    out = _build(tmp_path, [LineTable(["הערות", "שם"], [[" ".join(words), "דנה"]], [4, 1], style)])
    pages = pdf_segments(out)
    assert len(pages) >= 2
    text = " ".join(s for page in pages for s in page)
    for i in (0, 700, 1499):
        assert f"{i}הלימ" in text  # "מילה{i}" drawn right to left, number kept


def test_each_paragraph_takes_the_direction_rule(tmp_path):
    """An English sentence on a Hebrew page ends with its full stop on the right (no Hebrew
    letter: left to right); a Hebrew sentence alone on an English page is laid out in its
    own direction, its full stop at its end (on the left), as FriBidi's auto direction
    does."""
    he_page = _build(tmp_path, [Para("John Smith (chair).", TextStyle(rtl=True))])
    assert "John Smith (chair)." in all_segments(he_page)
    en_page = _build(tmp_path, [Para('דנה כהן (יו"ר).', TextStyle(rtl=False))], "en")
    assert '.(ר"וי) ןהכ הנד' in all_segments(en_page)
    assert fribidi(['דנה כהן (יו"ר).'], False, auto=True) == ['.(ר"וי) ןהכ הנד']


def test_a_paragraph_split_between_pages_keeps_its_direction():
    style = TextStyle(size=10, rtl=True)
    text = "John Smith and more English words at the start " * 5 + "שלום " * 30
    para = Para(text, style)
    para.wrap(200, 10_000)
    first, rest = para.split(200, style.line_height * 3)
    assert first._base is True and rest._base is True  # Hebrew in it: RTL on both pages
