"""The bundled fonts and which one draws each character.

Noto Sans Hebrew has no digits or Latin letters and Noto Sans has no Hebrew or Arabic, so a
drawn string is split into runs, each in the first font (Noto Sans, then Noto Sans Hebrew,
then Noto Sans Arabic) whose cmap has a glyph for the character. Widths are measured the same
way, so what is measured is what is drawn.
"""

from __future__ import annotations

import re
import struct
from functools import lru_cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont, TTFontFile

from kehila_desktop.core.paths import resource

FILES = {
    ("KSans", False): "NotoSans-Regular.ttf",
    ("KSans", True): "NotoSans-Bold.ttf",
    ("KHebrew", False): "NotoSansHebrew-Regular.ttf",
    ("KHebrew", True): "NotoSansHebrew-Bold.ttf",
    ("KArabic", False): "NotoSansArabic-Regular.ttf",
    ("KArabic", True): "NotoSansArabic-Bold.ttf",
}
ORDER = ("KSans", "KHebrew", "KArabic")

# bidi isolates and marks: kept in the text for the reordering, never drawn, no width
BIDI_MARKS = frozenset("\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
_NO_WIDTH = {ord(ch): None for ch in BIDI_MARKS}

_cmaps: dict[str, frozenset[int]] = {}
_chars: dict[str, frozenset[str]] = {}
_all_chars: set[str] = set()


def font_name(family: str, bold: bool) -> str:
    return family + ("-Bold" if bold else "")


def register() -> None:
    """Register the six fonts with reportlab (once per process)."""
    if _cmaps:
        return
    for (family, bold), filename in FILES.items():
        name = font_name(family, bold)
        font = TTFont(name, str(resource("fonts", filename)))
        pdfmetrics.registerFont(font)
        _cmaps[name] = frozenset(font.face.charToGlyph)
        _chars[name] = frozenset(map(chr, _cmaps[name]))
        _all_chars.update(_chars[name])


def printable(text: str) -> str:
    """``text`` with every character no bundled font can draw (an emoji, a CJK letter)
    replaced by U+FFFD, so nothing prints as an empty box."""
    register()
    if set(text) <= _all_chars:
        return text
    spare = "\ufffd" if ord("\ufffd") in _cmaps["KSans"] else "?"
    return "".join(
        ch if ch in _all_chars or ch in BIDI_MARKS or MARKS.match(ch) else spare for ch in text
    )


def has_glyph(name: str, ch: str) -> bool:
    register()
    return ord(ch) in _cmaps[name]


@lru_cache(maxsize=4096)
def font_for(ch: str, bold: bool = False) -> str:
    """The font that draws ``ch``: the first in ORDER with a glyph for it."""
    register()
    code = ord(ch)
    for family in ORDER:
        name = font_name(family, bold)
        if code in _cmaps[name]:
            return name
    return font_name("KSans", bold)


def font(name: str):
    """The registered reportlab font object."""
    register()
    return pdfmetrics.getFont(name)


@lru_cache(maxsize=65536)
def runs(text: str, bold: bool = False) -> tuple[tuple[str, str], ...]:
    """``text`` cut into (font name, piece) runs, in the order given (visual or logical).

    A character the current run's font has (a space, a comma, a digit in Arabic) stays in
    that run; otherwise it goes to the first font in ORDER that has it.
    """
    if not text:
        return ()
    first = font_for(text[0], bold)
    if set(text) <= _chars[first]:
        return ((first, text),)
    out: list[tuple[str, str]] = []
    current = None
    start = 0
    for i, ch in enumerate(text):
        if current is not None and ord(ch) in _cmaps[current]:
            continue
        name = font_for(ch, bold)
        if name != current:
            if current is not None:
                out.append((current, text[start:i]))
            current, start = name, i
    if current is not None:
        out.append((current, text[start:]))
    return tuple(out)


@lru_cache(maxsize=65536)
def _unit_width(text: str, bold: bool) -> float:
    """Width at size 1000, from the fonts' advance widths (as reportlab's stringWidth)."""
    if not text.isascii():
        text = text.translate(_NO_WIDTH)
    total = 0.0
    for name, piece in runs(text, bold):
        face = pdfmetrics.getFont(name).face
        get, default = face.charWidths.get, face.defaultWidth
        total += sum(get(code, default) for code in map(ord, piece))
    return total


def width(text: str, size: float, bold: bool = False) -> float:
    """Width in points of ``text`` (already shaped) drawn at ``size``."""
    return _unit_width(text, bold) * size / 1000


MARKS = re.compile(
    "[\u0300-\u036f\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7"
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4"
    "\u06e7\u06e8\u06ea-\u06ed]"
)


@lru_cache(maxsize=16)
def _font_file(name: str) -> TTFontFile:
    family, bold = name.split("-")[0], name.endswith("-Bold")
    return TTFontFile(str(resource("fonts", FILES[family, bold])))


@lru_cache(maxsize=1024)
def mark_box(name: str, ch: str) -> tuple[float, float]:
    """(xMin, xMax) of a combining mark's outline, in 1/1000 em, from the font's glyf table.

    Without OpenType positioning a mark's outline sits right of the pen; the drawing code
    uses this box to centre it over its letter instead.
    """
    face = _font_file(name)
    glyph = face.charToGlyph.get(ord(ch))
    if glyph is None:
        return (0.0, 0.0)
    start = face.get_table_pos("glyf")[0] + face.glyphPos[glyph]
    if face.glyphPos[glyph + 1] == face.glyphPos[glyph]:
        return (0.0, 0.0)  # an empty glyph
    x_min, _, x_max = struct.unpack(">hhh", face._ttf_data[start + 2 : start + 8])
    scale = 1000 / face.unitsPerEm
    return (x_min * scale, x_max * scale)
