"""Platypus flowables that draw pre-laid bidi lines: paragraphs, tables, key/value blocks.

``Para`` wraps logically and splits between pages line by line; ``LineTable`` is a grid whose
cells wrap inside their column, which breaks across pages repeating its header row, and whose
columns run right-to-left on RTL pages. Neither uses reportlab's Paragraph (no markup, no
reportlab bidi). Colours are greys only: handouts are printed in black and white.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.platypus import CondPageBreak, Flowable

from kehila_desktop.printing.engine.page import HEADER, MARGIN

from kehila_desktop.printing.engine.text import (
    TextStyle,
    base_rtl,
    clean,
    draw_lines,
    text_width,
    words,
    wrap,
)


class Para(Flowable):
    """A paragraph of plain user text."""

    def __init__(
        self,
        text: object,
        style: TextStyle,
        space_before: float = 0,
        space_after: float = 4,
        lines: list[str] | None = None,
        base: bool | None = None,
    ):
        super().__init__()
        self.text = text
        self.style = style
        self.spaceBefore = space_before
        self.spaceAfter = space_after
        self._lines = lines
        self._width = 0.0
        self._base = base_rtl(text, style) if base is None else base  # kept across pages

    def wrap(self, availWidth, availHeight):
        if self._lines is None or self._width != availWidth:
            self._lines = wrap(self.text, availWidth, self.style)
            self._width = availWidth
        self.width = availWidth
        self.height = len(self._lines) * self.style.line_height
        return self.width, self.height

    def split(self, availWidth, availHeight):
        self.wrap(availWidth, availHeight)
        fit = int(availHeight // self.style.line_height)
        if fit <= 0 or fit >= len(self._lines):
            return []
        if len(self._lines) >= 4:  # no single orphan/widow line
            fit = max(2, min(fit, len(self._lines) - 2)) if fit >= 2 else 0
            if fit == 0:
                return []
        return [
            Para(None, self.style, self.spaceBefore, 0, self._lines[:fit], self._base),
            Para(None, self.style, 0, self.spaceAfter, self._lines[fit:], self._base),
        ]

    def start_height(self, width: float) -> float:
        """The least of it a page may hold (``split`` keeps two lines together)."""
        self.wrap(width, 10_000)
        return min(len(self._lines or ()), 2) * self.style.line_height

    def draw(self):
        draw_lines(self.canv, 0, self.width, self.height, self._lines, self.style, base=self._base)


class KeepWithNext(CondPageBreak):
    """Before a heading: a page break unless the heading and the start of what follows it
    (two lines of a paragraph, a table's header and first rows) fit on this page, so no
    heading (a calendar's month, a letter's section) is left alone at a page's bottom.
    ``link_headings(story)`` tells each one what follows it."""

    def __init__(self, minimum: float = 40):
        super().__init__(minimum)
        self.minimum = minimum
        self.following: list = []

    def wrap(self, availWidth, availHeight):
        self.height = max(self.minimum, _start_height(self.following, availWidth))
        return super().wrap(availWidth, availHeight)


def _start_height(flowables: list, width: float) -> float:
    """The height of the headings at the start of ``flowables`` and of the first piece
    of the flowable after them that a page break may not separate from them."""
    need = 0.0
    for f in flowables:
        if isinstance(f, CondPageBreak):
            continue
        if isinstance(f, Para) and getattr(f, "is_heading", False):
            need += f.wrap(width, 10_000)[1] + f.spaceBefore + f.spaceAfter
            continue
        if isinstance(f, (Para, LineTable)):
            need += f.start_height(width) + f.spaceBefore
        else:
            h = f.wrap(width, 10_000)[1]
            need += h if h < 300 else 0
        break
    return min(need, FRAME_HEIGHT * 0.6)


def link_headings(story: list) -> None:
    """Tell each ``KeepWithNext`` of ``story`` the flowables that follow it."""
    for i, f in enumerate(story):
        if isinstance(f, KeepWithNext):
            f.following = story[i + 1 : i + 6]


class Rule(Flowable):
    """A thin horizontal line."""

    def __init__(self, thickness: float = 0.6, gray: float = 0, space: float = 4):
        super().__init__()
        self.thickness, self.gray = thickness, gray
        self.spaceBefore = self.spaceAfter = space

    def wrap(self, availWidth, availHeight):
        self.width = availWidth
        return availWidth, self.thickness

    def draw(self):
        self.canv.setLineWidth(self.thickness)
        self.canv.setStrokeGray(self.gray)
        self.canv.line(0, 0, self.width, 0)
        self.canv.setStrokeGray(0)


FRAME_HEIGHT = A4[1] - 2 * MARGIN - HEADER  # the body frame (``document.build_pdf``)


class LineTable(Flowable):
    """A table of plain strings: wrapped cells, repeated header, RTL column order."""

    PAD = 3.0

    def __init__(
        self,
        header: list[str],
        rows: Sequence[Sequence[object]],
        weights: list[float],
        style: TextStyle,
        *,
        header_style: TextStyle | None = None,
        min_row_height: float = 0,
        space_after: float = 8,
        first_column_style: TextStyle | None = None,
        fixed: bool = False,
        sizing_rows: list | None = None,
        _laid: tuple | None = None,
        _spans: tuple | None = None,
    ):
        super().__init__()
        self.header = header
        self.rows: list[Sequence[object]] = list(rows)
        self.weights = weights
        self.style = style
        self.header_style = header_style or style.but(bold=True)
        self.min_row_height = min_row_height
        self.first_style = first_column_style or style
        self.spaceBefore = 2
        self.spaceAfter = space_after
        self.fixed = fixed  # widths from ``weights`` only (forms with empty cells to fill in)
        self.sizing_rows = sizing_rows  # the rows widths come from (tables of one series)
        self._laid = _laid  # (width, header lines, row lines, row heights)
        self._spans = _spans  # (width, column spans): kept by the pieces of a split table

    # layout -----------------------------------------------------------------------------
    def _columns(self, width: float) -> list[tuple[float, float]]:
        """(x_left, x_right) of each column in logical order, laid out from the start side."""
        if self._spans and self._spans[0] == width:
            return self._spans[1]
        widths = self._widths(width)
        spans = []
        x = 0.0
        for cw in widths:
            spans.append((x, x + cw))
            x += cw
        if self.style.rtl:
            spans = [(width - b, width - a) for a, b in spans]
        self._spans = (width, spans)
        return spans

    def _widths(self, width: float) -> list[float]:
        """Column widths from their content, as a word processor's auto-fit does: every
        column at least as wide as its longest word (no word broken inside, short labels on
        one line), the room left shared by how much longer the columns' texts are; ``weights``
        when ``fixed`` or when even the longest words do not fit."""
        total = sum(self.weights)
        by_weight = [width * w / total for w in self.weights]
        if self.fixed:
            return by_weight
        n = len(self.weights)
        pad = 2 * self.PAD + 0.5
        low = [0.0] * n
        high = [0.0] * n
        styles = [self.first_style] + [self.style] * (n - 1)
        cells: list[tuple[int, object, TextStyle]] = [
            (i, h, self.header_style) for i, h in enumerate(self.header[:n])
        ]
        cells += [
            (i, row[i], styles[i])
            for row in (self.sizing_rows or self.rows)
            for i in range(min(n, len(row)))
        ]
        for i, value, style in cells:
            text = clean(value)
            if not text:
                continue
            for line in text.split("\n"):
                pieces = set(words(line))
                if not pieces:
                    continue
                longest = max(text_width(w[:60], style.size, style.bold) for w in pieces)
                low[i] = max(low[i], longest + pad)
                high[i] = max(high[i], text_width(line[:400], style.size, style.bold) + pad)
        low = [min(v, width * 0.4) for v in low]
        for i in range(n):  # an empty column keeps a little room (a signature, a tick)
            if high[i] == 0:
                low[i] = high[i] = by_weight[i] * 0.5
            high[i] = max(high[i], low[i])
        if sum(low) > width:
            return by_weight
        if sum(high) <= width:  # everything on one line: the rest shared by the weights
            extra = width - sum(high)
            return [h + extra * w / total for h, w in zip(high, self.weights)]
        # every column its longest word, then the room left shared by the weights, a column
        # never given more than its longest line needs (what it does not need goes to others)
        widths = list(low)
        room = width - sum(low)
        active = {i for i in range(n) if widths[i] < high[i]}
        while room > 0.5 and active:
            share = sum(self.weights[i] for i in active) or 1
            full = set()
            given = 0.0
            for i in active:
                add = room * self.weights[i] / share
                if widths[i] + add >= high[i]:
                    add = high[i] - widths[i]
                    full.add(i)
                widths[i] += add
                given += add
            room -= given
            if not full:
                break
            active -= full
        if room > 0.5:
            widths = [w + room * wt / total for w, wt in zip(widths, self.weights)]
        return widths

    def _layout(self, width: float):
        if self._laid and self._laid[0] == width:
            return self._laid
        cols = self._columns(width)
        inner = [b - a - 2 * self.PAD for a, b in cols]
        head = [wrap(h, inner[i], self.header_style) for i, h in enumerate(self.header)]
        cells = []
        heights = []
        lh = self.style.line_height
        for row in self.rows:
            lines = [
                wrap(
                    row[i] if i < len(row) else "",
                    inner[i],
                    self.first_style if i == 0 else self.style,
                )
                for i in range(len(cols))
            ]
            cells.append(lines)
            heights.append(max(self.min_row_height, max(len(c) for c in lines) * lh + 2 * self.PAD))
        self._laid = (width, head, cells, heights)
        return self._laid

    def _header_height(self, head) -> float:
        if not self.header:
            return 0.0
        return max(len(h) for h in head) * self.header_style.line_height + 2 * self.PAD

    def start_height(self, width: float) -> float:
        """The least of it a page may hold: its header and first two rows (all of a short
        table), as ``split`` never leaves one row alone."""
        _, head, _, heights = self._layout(width)
        rows = heights if len(heights) <= 3 else heights[:2]
        return self._header_height(head) + sum(rows)

    def wrap(self, availWidth, availHeight):
        _, head, _, heights = self._layout(availWidth)
        self.width = availWidth
        self.height = self._header_height(head) + sum(heights)
        return self.width, self.height

    def split(self, availWidth, availHeight):
        width, head, cells, heights = self._layout(availWidth)
        room = availHeight - self._header_height(head)
        used, n = 0.0, 0
        while n < len(heights) and used + heights[n] <= room:
            used += heights[n]
            n += 1
        if n == len(heights):
            return []
        if heights[n] >= 250 and room - used >= 2 * self.style.line_height + 2 * self.PAD:
            # a row taller than a third of a page is split between its lines, after the
            # rows that fit
            split = self._split_row(width, head, cells, heights, n, room - used)
            if split:
                return split
        if n == 0:
            return []
        if availHeight < FRAME_HEIGHT - 1:  # not at the top of a page: no lone row
            if len(heights) - n == 1 and n > 2:
                n -= 1  # the last row is not left alone on the next page
            if n == 1 or len(heights) - n == 1:
                return []  # rather the whole table on the next page
        kw = {
            "header_style": self.header_style,
            "min_row_height": self.min_row_height,
            "first_column_style": self.first_style,
            "fixed": self.fixed,
            "_spans": self._spans,
        }
        first = LineTable(
            self.header,
            self.rows[:n],
            self.weights,
            self.style,
            space_after=0,
            _laid=(width, head, cells[:n], heights[:n]),
            **kw,
        )
        first.spaceBefore = self.spaceBefore  # the frame gave ``availHeight`` net of it
        rest = LineTable(
            self.header,
            self.rows[n:],
            self.weights,
            self.style,
            space_after=self.spaceAfter,
            _laid=(width, head, cells[n:], heights[n:]),
            **kw,
        )
        rest.spaceBefore = 0
        return [first, rest]

    def _split_row(self, width, head, cells, heights, n, room) -> list:
        """Rows ``:n`` and the lines of row ``n`` that fit in ``room``; then the rest."""
        lh = self.style.line_height
        fit = int((room - 2 * self.PAD) // lh)
        if fit < 2:
            return []
        top = [c[:fit] for c in cells[n]]
        rest = [c[fit:] for c in cells[n]]
        kw: dict[str, Any] = {
            "header_style": self.header_style,
            "first_column_style": self.first_style,
            "fixed": self.fixed,
            "_spans": self._spans,
        }
        h_top = max(len(c) for c in top) * lh + 2 * self.PAD
        h_rest = max(max(len(c) for c in rest) * lh + 2 * self.PAD, self.min_row_height)
        first = LineTable(
            self.header,
            self.rows[:n] + [["\n".join(c) for c in top]],
            self.weights,
            self.style,
            space_after=0,
            min_row_height=0,
            _laid=(width, head, cells[:n] + [top], heights[:n] + [h_top]),
            **kw,
        )
        first.spaceBefore = self.spaceBefore
        later = LineTable(
            self.header,
            [["\n".join(c) for c in rest]] + self.rows[n + 1 :],
            self.weights,
            self.style,
            space_after=self.spaceAfter,
            min_row_height=self.min_row_height,
            _laid=(width, head, [rest] + cells[n + 1 :], [h_rest] + heights[n + 1 :]),
            **kw,
        )
        later.spaceBefore = 0
        return [first, later]

    # drawing ----------------------------------------------------------------------------
    def draw(self):
        width, head, cells, heights = self._layout(self.width)
        canv = self.canv
        cols = self._columns(width)
        top = self.height
        canv.setLineWidth(0.5)
        canv.setStrokeGray(0)
        hh = self._header_height(head)
        if hh:
            canv.setFillGray(0.85)
            canv.rect(0, top - hh, width, hh, stroke=0, fill=1)
            canv.setFillGray(0)
        ops: list[str] = []  # all the text of the table in one PDF text object
        if hh:
            for (a, b), lines in zip(cols, head):
                draw_lines(
                    canv, a + self.PAD, b - self.PAD, top - self.PAD, lines, self.header_style, ops
                )
            top -= hh
        rules = []
        styles = [self.first_style] + [self.style] * (len(cols) - 1)
        for lines_per_cell, h in zip(cells, heights):
            for (a, b), lines, style in zip(cols, lines_per_cell, styles):
                draw_lines(canv, a + self.PAD, b - self.PAD, top - self.PAD, lines, style, ops)
            top -= h
            rules.append((0, top, width, top))
        if ops:
            canv.addLiteral("BT\n" + "\n".join(ops) + "\nET")
        canv.setStrokeGray(0.6)
        canv.lines(rules)
        canv.setStrokeGray(0)
        canv.rect(0, 0, width, self.height, stroke=1, fill=0)
        xs = sorted({a for a, _ in cols} - {min(a for a, _ in cols)})
        for x in xs:
            canv.line(x, 0, x, self.height)
        if hh:
            canv.line(0, self.height - hh, width, self.height - hh)
