"""The line reorder (bidi.visual + Arabic shaping) gives GNU FriBidi's visual order."""

from __future__ import annotations

import pytest

from kehila_desktop.printing.bidi import visual
from kehila_desktop.printing.shaping import shape

from .pdftext import fribidi, needs_fribidi

CASES = [
    "שלום (עולם) 123",
    "مرحبا بالعالم (2026)",
    "פגישה ב-15:30 עם John Smith (050-1234567)",
    "ועדת היגוי: 12/03/2027, חדר 4",
    'טלפון: 050-1234567, דוא"ל: dana.cohen@example.org',
    "התקציב: ₪12,500 (מקור: משרד הפנים)",
    "התקציב: 12,500 ₪ לשנה",
    "היעד: 30% תושבים",
    "لجنة التصميم: 30% من السكان",
    "الهاتف: 052-7654321 (مكتب)",
    "سارة (Sarah Levi) - مديرة",
    "البريد: sara.k@example.org، شكراً",
    "لا إله إلا هو",
    "٣٤٥ عربي 123",
    "רבעון 2027Q1–2027Q3",
    "(abc) שלום",
    "שלום (abc)",
    "שלום [abc] 123 {x} <y>",
    "<b>דנה</b> &amp; <font>",
    "דנה כהן-לוי (מנהלת)",
    "1. פתיחה",
    '12:00–13:30 הצגה ע"י Ruth (מלווה)',
    "Meeting at 17:00 עם דנה",
    "מספר 123.45 ועוד -7",
    "الساعة 17:30 في القاعة 3",
    "x+1=2 שווה",
    "a-b שלום c/d",
    "Kehila Metiva (קהילה מיטיבה) 2026",
    "plain English text, with (brackets) and 42.",
    "גבעת הדקלים · ועדה מעצבת",
    "«ציטוט» ועוד",
    "مُحَمَّد علي (Mohammad Ali)",
    "שָׁלוֹם עולם 5",
]


@needs_fribidi
@pytest.mark.parametrize("rtl", [True, False], ids=["rtl", "ltr"])
def test_lines_match_fribidi(rtl):
    expected = fribidi(CASES, rtl)
    mine = [visual(shape(line), rtl) for line in CASES]
    mismatches = [(c, e, m) for c, e, m in zip(CASES, expected, mine) if e != m]
    assert not mismatches


def test_brackets_are_mirrored_inside_hebrew():
    # logical "שלום (עולם)": drawn left to right, the pair must still read as (עולם)
    assert visual("שלום (עולם)", True) == "(םלוע) םולש"


def test_numbers_and_latin_keep_their_order_in_rtl():
    shown = visual("טלפון 050-1234567 של John", True)
    assert "050-1234567" in shown and "John" in shown
    assert shown.index("John") < shown.index("050")  # John is read after the number


def test_direction_marks_are_not_drawn():
    assert "\u200f" not in visual("abc\u200f שלום", True)


def test_english_line_unchanged():
    assert visual("Steering committee (quarterly) 10:00", False) == \
        "Steering committee (quarterly) 10:00"
