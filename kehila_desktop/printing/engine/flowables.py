"""Platypus flowables that draw pre-laid bidi lines: paragraphs, tables, key/value blocks.

``Para`` wraps logically and splits between pages line by line; ``LineTable`` is a grid whose
cells wrap inside their column, which breaks across pages repeating its header row, and whose
columns run right-to-left on RTL pages. Neither uses reportlab's Paragraph (no markup, no
reportlab bidi). Colours are greys only: handouts are printed in black and white.
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from kehila_desktop.printing.engine.text import TextStyle, base_rtl, draw_lines, wrap


class Para(Flowable):
    """A paragraph of plain user text."""

    def __init__(self, text: object, style: TextStyle, space_before: float = 0,
                 space_after: float = 4, lines: list[str] | None = None,
                 base: bool | None = None):
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
        return [Para(None, self.style, self.spaceBefore, 0, self._lines[:fit], self._base),
                Para(None, self.style, 0, self.spaceAfter, self._lines[fit:], self._base)]

    def draw(self):
        draw_lines(self.canv, 0, self.width, self.height, self._lines, self.style,
                   base=self._base)


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


class LineTable(Flowable):
    """A table of plain strings: wrapped cells, repeated header, RTL column order."""

    PAD = 3.0

    def __init__(self, header: list[str], rows: list[list[object]], weights: list[float],
                 style: TextStyle, *, header_style: TextStyle | None = None,
                 min_row_height: float = 0, space_after: float = 8,
                 first_column_style: TextStyle | None = None, _laid: tuple | None = None):
        super().__init__()
        self.header = header
        self.rows = rows
        self.weights = weights
        self.style = style
        self.header_style = header_style or style.but(bold=True)
        self.min_row_height = min_row_height
        self.first_style = first_column_style or style
        self.spaceBefore = 2
        self.spaceAfter = space_after
        self._laid = _laid  # (width, header lines, row lines, row heights)

    # layout -----------------------------------------------------------------------------
    def _columns(self, width: float) -> list[tuple[float, float]]:
        """(x_left, x_right) of each column in logical order, laid out from the start side."""
        total = sum(self.weights)
        spans = []
        x = 0.0
        for w in self.weights:
            cw = width * w / total
            spans.append((x, x + cw))
            x += cw
        if self.style.rtl:
            spans = [(width - b, width - a) for a, b in spans]
        return spans

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
            lines = [wrap(row[i] if i < len(row) else "", inner[i],
                          self.first_style if i == 0 else self.style)
                     for i in range(len(cols))]
            cells.append(lines)
            heights.append(max(self.min_row_height,
                               max(len(c) for c in lines) * lh + 2 * self.PAD))
        self._laid = (width, head, cells, heights)
        return self._laid

    def _header_height(self, head) -> float:
        if not self.header:
            return 0.0
        return max(len(h) for h in head) * self.header_style.line_height + 2 * self.PAD

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
        if n == 0:  # a row taller than a third of a page is split between its lines
            return self._split_row(width, head, cells, heights, room)
        kw = dict(header_style=self.header_style, min_row_height=self.min_row_height,
                  first_column_style=self.first_style)
        first = LineTable(self.header, self.rows[:n], self.weights, self.style,
                          space_after=0, _laid=(width, head, cells[:n], heights[:n]), **kw)
        first.spaceBefore = self.spaceBefore  # the frame gave ``availHeight`` net of it
        rest = LineTable(self.header, self.rows[n:], self.weights, self.style,
                         space_after=self.spaceAfter,
                         _laid=(width, head, cells[n:], heights[n:]), **kw)
        rest.spaceBefore = 0
        return [first, rest]

    def _split_row(self, width, head, cells, heights, room) -> list:
        lh = self.style.line_height
        fit = int((room - 2 * self.PAD) // lh)
        if heights[0] < 250 or fit < 2:
            return []
        top = [c[:fit] for c in cells[0]]
        rest = [c[fit:] for c in cells[0]]
        kw = dict(header_style=self.header_style, min_row_height=0,
                  first_column_style=self.first_style)
        h_top = max(len(c) for c in top) * lh + 2 * self.PAD
        h_rest = max(max(len(c) for c in rest) * lh + 2 * self.PAD, self.min_row_height)
        first = LineTable(self.header, [["\n".join(c) for c in top]], self.weights,
                          self.style, space_after=0, _laid=(width, head, [top], [h_top]), **kw)
        first.spaceBefore = self.spaceBefore
        later = LineTable(self.header, [["\n".join(c) for c in rest]] + self.rows[1:],
                          self.weights, self.style, space_after=self.spaceAfter,
                          _laid=(width, head, [rest] + cells[1:], [h_rest] + heights[1:]),
                          **kw)
        later.min_row_height = self.min_row_height
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
                draw_lines(canv, a + self.PAD, b - self.PAD, top - self.PAD, lines,
                           self.header_style, ops)
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
