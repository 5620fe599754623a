"""Text on the page: wrap logically, then reorder and draw each line.

``wrap`` breaks a text into lines in LOGICAL order (words measured as they will be drawn,
Arabic shaped), so a wrapped paragraph's first printed line holds its first words. Only then
``draw_line`` shapes, reorders (``bidi.visual``) and draws the line run by run in the fonts
that have its glyphs. User text is drawn as plain strings: nothing is ever parsed as markup.
"""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass, replace
from functools import lru_cache

from kehila_desktop.core.direction import text_is_rtl
from kehila_desktop.printing.engine import fonts
from kehila_desktop.printing.engine.bidi import balance_isolates, first_strong_rtl, visual
from kehila_desktop.printing.engine.shaping import shape

NO_BREAK = "\u00a0"  # a space the wrapping never breaks at (drawn as a space)
_SPACES = re.compile(r"([^\S\u00a0\u2007\u202f]+)")  # white space a line may break at


def keep_together(text: str) -> str:
    """``text`` as one unbreakable unit ("Q1 2027 – Q3 2027"): its spaces become no-break
    spaces, so wrapping moves it to the next line whole (a unit wider than its column is
    cut after its dash, as a long word is)."""
    return text.replace(" ", NO_BREAK)


def words(line: str) -> list[str]:
    """The words of a line: the pieces between the spaces a line may break at."""
    return [w for w in _SPACES.split(line.strip()) if w and not w.isspace()]


@dataclass(frozen=True)
class TextStyle:
    size: float = 10
    bold: bool = False
    leading: float = 0  # 0: 1.35 × size
    align: str = "start"  # start | end | center (start is the right edge on RTL pages)
    rtl: bool = False  # the page's direction: alignment, and the base of neutral-only text
    auto: bool = True  # a paragraph's bidi base direction by ``core.direction.text_is_rtl``
    gray: float = 0  # 0 black … 1 white

    @property
    def line_height(self) -> float:
        return self.leading or self.size * 1.35

    def but(self, **changes) -> TextStyle:
        return replace(self, **changes)


def clean(text: object) -> str:
    """A value as one printable string: None → "", tabs → spaces, controls dropped,
    characters no bundled font has → U+FFFD."""
    if text is None:
        return ""
    text = fonts.printable(str(text))
    if text.isprintable():
        return text
    text = text.replace("\t", " ").replace("\r\n", "\n").replace("\r", "\n")
    return "".join(ch for ch in text if ch == "\n" or ch >= " " and ch != "\x7f")


def base_rtl(text: object, style: TextStyle) -> bool:
    """The base direction a paragraph is reordered in. On a right-to-left page: the page's
    if it holds a Hebrew or Arabic letter, else left to right (``core.direction``, the rule
    the screen follows). On a left-to-right page: its first strong letter outside isolates
    (UAX #9 P2–P3), so a Hebrew sentence a user typed, alone in a cell of an English
    handout, keeps its full stop at its end, while an English sentence with a Hebrew name
    isolated inside it stays left to right."""
    return _lines_base((clean(text),), style)


def _lines_base(lines, style: TextStyle) -> bool:
    """``base_rtl`` of the already clean lines of one paragraph."""
    if not style.auto:
        return style.rtl
    if not style.rtl:
        return any(first_strong_rtl(line) for line in lines if not line.isascii())
    return any(text_is_rtl(line, style.rtl) for line in lines)


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Width of a logical string once shaped (reordering does not change the width)."""
    return fonts.width(shape(text), size, bold)


@lru_cache(maxsize=32768)
def _wrap(text: str, width: float, size: float, bold: bool) -> tuple[str, ...]:
    if "\n" not in text and fonts.width(shape(text), size, bold) <= width:
        stripped = " ".join(words(text))
        return (stripped,) if stripped == text else _wrap(stripped, width, size, bold)
    lines: list[str] = []
    space = fonts.width(" ", size, bold)
    for paragraph in text.split("\n"):
        pieces = words(paragraph)
        if not pieces:
            lines.append("")
            continue
        line: list[str] = []
        line_width = 0.0
        for word in pieces:
            w = fonts.width(shape(word), size, bold)
            if line and line_width + space + w <= width:
                line.append(word)
                line_width += space + w
                continue
            if line:
                lines.append(" ".join(line))
                line, line_width = [], 0.0
            while w > width and len(word) > 1:  # a word wider than the column: cut it
                cut = _fit(word, width, size, bold)
                lines.append(word[:cut].rstrip(NO_BREAK))
                word = word[cut:].lstrip(NO_BREAK)
                w = fonts.width(shape(word), size, bold)
            line, line_width = [word], w
        lines.append(" ".join(line))
    return tuple(balance_isolates(lines))


_SOFT_BREAKS = "–-/@._,"


def _fit(word: str, width: float, size: float, bold: bool) -> int:
    """Where to cut a word wider than the column: after a dash, slash, dot or @ if one
    fits (so dates, e-mails and ranges break where a reader expects), else mid-word."""
    lo, hi = 1, len(word) - 1  # the longest prefix that fits (binary search)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if fonts.width(shape(word[:mid]), size, bold) <= width:
            lo = mid
        else:
            hi = mid - 1
    cut = lo
    soft = max((i + 1 for i, ch in enumerate(word[:cut]) if ch in _SOFT_BREAKS), default=0)
    return soft if soft >= max(2, cut // 3) else cut


def wrap(text: object, width: float, style: TextStyle) -> list[str]:
    """``text`` broken into logical lines no wider than ``width`` points."""
    return list(_wrap(clean(text), max(width, 1.0), style.size, style.bold))


def draw_line(
    canvas,
    x_left: float,
    x_right: float,
    y: float,
    line: str,
    style: TextStyle,
    ops: list[str] | None = None,
    base: bool | None = None,
) -> float:
    """Draw one logical line between ``x_left`` and ``x_right`` at baseline ``y``.

    Alignment ``start`` means the right edge on RTL pages. ``base`` is the bidi direction of
    the paragraph the line belongs to (default: the line's own, see ``base_rtl``). With
    ``ops`` the PDF text operators are appended there (the caller wraps them in one
    BT … ET); else they are drawn at once. Returns the drawn width.
    """
    if not line:
        return 0.0
    shown = visual(
        shape(line.replace(NO_BREAK, " ")), _lines_base((line,), style) if base is None else base
    )
    w = fonts.width(shown, style.size, style.bold)
    align = style.align
    if align == "center":
        x = (x_left + x_right - w) / 2
    elif (align == "start") == style.rtl:  # right-aligned
        x = x_right - w
    else:
        x = x_left
    own = ops is None
    out: list[str] = [] if ops is None else ops
    if style.gray:
        out.append(f"{style.gray:.2f} g")
    text_ops(canvas, out, x, y, shown, style.size, style.bold)
    if style.gray:
        out.append("0 g")
    if own:
        canvas.addLiteral("BT\n" + "\n".join(out) + "\nET")
    return w


def text_ops(
    canvas, ops: list[str], x: float, y: float, shown: str, size: float, bold: bool
) -> None:
    """PDF operators drawing ``shown`` (visual order) from ``x`` run by run: the documented
    way to write dynamic (subset) TrueType fonts, as reportlab's ``ttfonts`` describes it,
    without drawString's per-call text object (printing speed; see bench/bench_print.py)."""
    doc = canvas._doc
    cache = _op_cache(doc)
    for name, piece in fonts.runs(shown, bold):
        if fonts.MARKS.search(piece):
            x = _ops_with_marks(canvas, ops, x, y, name, piece, size, bold, cache)
            continue
        ops.append(f"1 0 0 1 {x:.2f} {y:.2f} Tm")
        key = (name, piece, size)
        op = cache.get(key)
        if op is None:
            font = fonts.font(name)
            op = cache[key] = "\n".join(
                f"{font.getSubsetInternalName(subset, doc)} {size:g} Tf "
                f"({canvas._escape(chunk)}) Tj"
                for subset, chunk in font.splitString(piece, doc)
            )
        ops.append(op)
        x += fonts.width(piece, size, bold)


def _ops_with_marks(canvas, ops, x, y, name, piece, size, bold, cache) -> float:
    """Draw a run with combining marks: letters as usual, each mark centred over the letter
    before it (visual order keeps a mark after its letter; shin/sin dots go to the
    letter's right/left edge)."""
    doc = canvas._doc
    font = fonts.font(name)
    base_x, base_w = x, 0.0
    for ch in piece:
        if fonts.MARKS.match(ch):
            x_min, x_max = (v * size / 1000 for v in fonts.mark_box(name, ch))
            if ch == "\u05c1":  # shin dot: upper right
                at = base_x + base_w - x_max
            elif ch == "\u05c2":  # sin dot: upper left
                at = base_x - x_min
            else:
                at = base_x + base_w / 2 - (x_min + x_max) / 2
        else:
            at = x
            base_x, base_w = x, fonts.width(ch, size, bold)
            x += base_w
        key = (name, ch, size)
        op = cache.get(key)
        if op is None:
            op = cache[key] = "\n".join(
                f"{font.getSubsetInternalName(subset, doc)} {size:g} Tf "
                f"({canvas._escape(chunk)}) Tj"
                for subset, chunk in font.splitString(ch, doc)
            )
        ops.append(f"1 0 0 1 {at:.2f} {y:.2f} Tm")
        ops.append(op)
    return x


_OP_CACHES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _op_cache(doc) -> dict:
    """Text operators already made for one PDF document (its font subsets are its own)."""
    try:
        return _OP_CACHES.setdefault(doc, {})
    except TypeError:  # not weak-referenceable: no cache
        return {}


def draw_lines(
    canvas,
    x_left: float,
    x_right: float,
    top: float,
    lines: list[str],
    style: TextStyle,
    ops: list[str] | None = None,
    base: bool | None = None,
) -> float:
    """Draw the lines of one paragraph downward from ``top`` (the top of the first line),
    all in the paragraph's base direction (``base``; default: ``base_rtl`` of all its
    lines); returns the height used."""
    lh = style.line_height
    baseline = top - style.size * 1.05
    own = ops is None
    if own:
        ops = []
    if base is None:
        base = _lines_base(lines, style)
    for line in lines:
        draw_line(canvas, x_left, x_right, baseline, line, style, ops, base)
        baseline -= lh
    if own and ops:
        canvas.addLiteral("BT\n" + "\n".join(ops) + "\nET")
    return lh * len(lines)
