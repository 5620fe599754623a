"""The line reorder (bidi.visual + Arabic shaping) gives GNU FriBidi's visual order."""

from __future__ import annotations

import pytest

from kehila_desktop.printing.engine.bidi import visual
from kehila_desktop.printing.engine.shaping import shape

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
    assert (
        visual("Steering committee (quarterly) 10:00", False)
        == "Steering committee (quarterly) 10:00"
    )


def _random_lines(seed: int, count: int) -> list[str]:
    """Lines of Hebrew (with niqqud), Arabic (with harakat), Latin, digits, punctuation,
    brackets and direction marks, mixed at random."""
    import random
    import re

    he, ar = "אבגדהוזחטיכלמנסעפצקרשת", "ابتثجحخدذرزسشصضطظعغفقكلمنهويةءأإآى"
    niqqud, harakat = "\u05b0\u05b4\u05b7\u05b8\u05bc\u05c1", "\u064e\u064f\u0650\u0651\u0652"
    punct = list(" .,:;-+/%₪@()[]{}<>«»\"'!?&=–") + [" \u200f", "\u200e "]
    rng = random.Random(seed)

    def word():
        k = rng.random()
        if k < 0.3:
            return "".join(
                rng.choice(he) + (rng.choice(niqqud) if rng.random() < 0.2 else "")
                for _ in range(rng.randint(1, 6))
            )
        if k < 0.6:
            return "".join(
                rng.choice(ar) + (rng.choice(harakat) if rng.random() < 0.2 else "")
                for _ in range(rng.randint(1, 6))
            )
        if k < 0.75:
            return "".join(rng.choice("abcXYZ") for _ in range(rng.randint(1, 6)))
        if k < 0.9:
            return "".join(rng.choice("0123456789") for _ in range(rng.randint(1, 4)))
        return rng.choice(punct)

    # known, deliberate difference: arabic_reshaper makes the lam-alef ligature across a
    # haraka on the lam (as Arabic typesetting does); FriBidi does not
    lam_mark_alef = re.compile("ل[\u064b-\u0652]+[اأإآ]")
    lines = []
    while len(lines) < count:
        line = "".join(
            word() + rng.choice([" ", "", " ", rng.choice(punct)]) for _ in range(rng.randint(1, 6))
        ).strip()
        if line and not lam_mark_alef.search(line):
            lines.append(line)
    return lines


@needs_fribidi
@pytest.mark.parametrize("rtl", [True, False], ids=["rtl", "ltr"])
def test_random_mixed_lines_match_fribidi(rtl):
    lines = _random_lines(7, 1500)
    expected = [e.replace("\u200f", "").replace("\u200e", "") for e in fribidi(lines, rtl)]
    mismatches = [
        (line, e, visual(shape(line), rtl))
        for line, e in zip(lines, expected)
        if visual(shape(line), rtl) != e
    ]
    assert not mismatches[:5], f"{len(mismatches)} of {len(lines)} differ"


def test_every_mirrored_pair_of_unicode_is_mirrored():
    """BidiMirroring.txt's 428 characters (the module once knew 96): ≮ in a Hebrew line."""
    from kehila_desktop.printing.engine.bidi import MIRROR

    assert len(MIRROR) == 428
    assert visual("א ≮ ב", True) == "ב ≯ א"


def test_a_tab_goes_back_to_the_paragraph_level():
    """L1: a segment separator (tab) in an RTL line of Latin letters is at level 1, so the
    two words around it are ordered right to left."""
    assert visual("ab\tcd", True) == "cd\tab"
    assert visual("ab\tcd", False) == "ab\tcd"
