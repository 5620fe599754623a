"""Drawn figures, in greys, mirrored for RTL pages: the structure of the four mechanisms,
a horizontal bar chart (composition by sector against the target) and the quarter timeline
of a work plan."""

from __future__ import annotations

from reportlab.platypus import Flowable

from kehila_desktop.core.workplan.plans import quarter_short
from kehila_desktop.printing.engine.text import TextStyle, draw_line, draw_lines, wrap


class Box:
    """One mechanism in the structure diagram."""

    def __init__(self, title: str, lines: list[str], weight: float = 1.0):
        self.title, self.lines, self.weight = title, lines, weight


class StructureDiagram(Flowable):
    """Steering on top, the design committee below it with the program team beside it,
    the work teams in a row at the bottom; lines show who reports to whom."""

    BOX_H = 74.0
    GAP = 26.0

    def __init__(
        self, steering: Box, design: Box, program_team: Box | None, work_teams: list[Box], rtl: bool
    ):
        super().__init__()
        self.steering, self.design, self.program_team = steering, design, program_team
        self.work_teams, self.rtl = work_teams, rtl
        self.spaceBefore, self.spaceAfter = 6, 10

    def wrap(self, availWidth, availHeight):
        self.width = availWidth
        self.height = 3 * self.BOX_H + 2 * self.GAP
        return self.width, self.height

    def _x(self, x: float, w: float) -> float:
        """Mirror a box's left edge on RTL pages."""
        return self.width - x - w if self.rtl else x

    def _box(self, box: Box, x: float, y: float, w: float, h: float, fill: float) -> None:
        c = self.canv
        c.setFillGray(fill)
        c.setStrokeGray(0)
        c.setLineWidth(1)
        c.roundRect(x, y, w, h, 5, stroke=1, fill=1)
        c.setFillGray(0)
        title = TextStyle(size=10, bold=True, rtl=self.rtl, align="center")
        body = TextStyle(size=8, rtl=self.rtl, align="center")
        lines = wrap(box.title, w - 8, title)[:2]
        used = draw_lines(c, x + 4, x + w - 4, y + h - 4, lines, title)
        rest = []
        for line in box.lines:
            rest += wrap(line, w - 8, body)
        room = int((h - used - 8) // body.line_height)
        draw_lines(c, x + 4, x + w - 4, y + h - 6 - used, rest[:room], body)

    def draw(self):
        c = self.canv
        W, H, G = self.width, self.BOX_H, self.GAP
        top_y = self.height - H
        mid_y = top_y - G - H
        low_y = 0
        main_w = W * 0.46
        main_x = (W - main_w) / 2
        c.setLineWidth(1)
        c.line(W / 2, top_y, W / 2, mid_y + H)
        self._box(self.steering, self._x(main_x, main_w), top_y, main_w, H, 0.88)
        self._box(self.design, self._x(main_x, main_w), mid_y, main_w, H, 0.93)
        if self.program_team:
            pw = W * 0.24
            px = self._x(W - pw, pw)
            c.setDash(3, 2)
            a = self._x(main_x + main_w, 0)
            b = px if not self.rtl else px + pw
            c.line(a, mid_y + H / 2, b, mid_y + H / 2)
            c.setDash()
            self._box(self.program_team, px, mid_y, pw, H, 1)
        n = max(len(self.work_teams), 1)
        tw = (W - (n - 1) * 10) / n
        if self.work_teams:
            bus = low_y + H + G / 2
            c.line(W / 2, mid_y, W / 2, bus)
            centres = [self._x(i * (tw + 10), tw) + tw / 2 for i in range(n)]
            c.line(min(centres), bus, max(centres), bus)
            for i, box in enumerate(self.work_teams):
                c.line(centres[i], bus, centres[i], low_y + H)
                self._box(box, self._x(i * (tw + 10), tw), low_y, tw, H, 1)


class BarChart(Flowable):
    """Horizontal bars: a label, a bar from the start side, and the value printed."""

    ROW = 16.0

    def __init__(
        self,
        rows: list[tuple[str, float, str]],
        rtl: bool,
        *,
        target: float | None = None,
        target_label: str = "",
        maximum: float = 0,
    ):
        super().__init__()
        self.rows, self.rtl, self.target, self.target_label = rows, rtl, target, target_label
        self.maximum = maximum or max([v for _, v, _ in rows] + [target or 0, 1])
        self.spaceBefore, self.spaceAfter = 4, 8

    def wrap(self, availWidth, availHeight):
        self.width = availWidth
        self.height = self.ROW * len(self.rows) + (14 if self.target is not None else 4)
        return self.width, self.height

    def draw(self):
        c = self.canv
        W = self.width
        label_w = W * 0.34
        value_w = 44
        bar_w = W - label_w - value_w - 10
        style = TextStyle(size=8.5, rtl=self.rtl)
        y = self.height - self.ROW
        for label, value, shown in self.rows:
            lines = wrap(label, label_w - 6, style)[:1]
            if self.rtl:
                draw_line(c, W - label_w, W - 4, y + 4, lines[0] if lines else "", style)
            else:
                draw_line(c, 0, label_w - 4, y + 4, lines[0] if lines else "", style)
            length = bar_w * value / self.maximum
            x0 = (W - label_w - length) if self.rtl else label_w
            c.setFillGray(0.45)
            c.rect(x0, y + 2, length, self.ROW - 5, stroke=0, fill=1)
            c.setFillGray(0)
            vx = x0 - value_w - 2 if self.rtl else x0 + length + 3
            draw_line(c, vx, vx + value_w, y + 4, shown, style.but(align="start"))
            y -= self.ROW
        if self.target is not None:
            x = (
                W - label_w - bar_w * self.target / self.maximum
                if self.rtl
                else label_w + bar_w * self.target / self.maximum
            )
            c.setDash(3, 2)
            c.setLineWidth(1.2)
            c.line(x, 12, x, self.height)
            c.setDash()
            draw_line(
                c,
                x - 120,
                x + 120,
                2,
                self.target_label,
                TextStyle(size=8, bold=True, rtl=self.rtl, align="center"),
            )


class Timeline(Flowable):
    """Actions × quarters: a filled cell for each quarter an action runs. The heading is two
    rows: the year (where it changes) above the quarter's short label, in ``language``."""

    ROW = 15.0
    HEAD = 2  # heading rows

    def __init__(
        self,
        quarters: list[str],
        rows: list[tuple[str, set[str]]],
        rtl: bool,
        language: str | None = None,
    ):
        super().__init__()
        self.quarters, self.rows, self.rtl = quarters, rows, rtl
        self.language = language
        self.spaceBefore, self.spaceAfter = 4, 8

    def wrap(self, availWidth, availHeight):
        self.width = availWidth
        self.height = self.ROW * (len(self.rows) + self.HEAD)
        return self.width, self.height

    def split(self, availWidth, availHeight):
        fit = int(availHeight // self.ROW) - self.HEAD
        if fit < 2 or fit >= len(self.rows):
            return []
        return [
            Timeline(self.quarters, self.rows[:fit], self.rtl, self.language),
            Timeline(self.quarters, self.rows[fit:], self.rtl, self.language),
        ]

    def draw(self):
        c = self.canv
        W = self.width
        label_w = W * 0.38
        n = max(len(self.quarters), 1)
        qw = (W - label_w) / n
        style = TextStyle(size=7.5, rtl=self.rtl)
        head = style.but(bold=True, align="center")

        def qx(i):  # left edge of quarter column i (time runs with the reading direction)
            return (W - label_w - (i + 1) * qw) if self.rtl else label_w + i * qw

        y = self.height - self.ROW
        c.setLineWidth(0.4)
        previous_year = None
        for i, q in enumerate(self.quarters):
            if q[:4] != previous_year:
                draw_line(c, qx(i), qx(i) + qw, y + 4, q[:4], head)
                previous_year = q[:4]
        y -= self.ROW
        for i, q in enumerate(self.quarters):
            draw_line(
                c, qx(i), qx(i) + qw, y + 4, quarter_short(q, self.language), head.but(bold=False)
            )
        for title, active in self.rows:
            y -= self.ROW
            line = (wrap(title, label_w - 6, style) or [""])[0]
            if self.rtl:
                draw_line(c, W - label_w + 2, W - 2, y + 4, line, style)
            else:
                draw_line(c, 2, label_w - 2, y + 4, line, style)
            for i, q in enumerate(self.quarters):
                if q in active:
                    c.setFillGray(0.35)
                    c.rect(qx(i) + 1, y + 3, qw - 2, self.ROW - 6, stroke=0, fill=1)
                    c.setFillGray(0)
            c.setStrokeGray(0.7)
            c.line(0, y, W, y)
            c.setStrokeGray(0)
        c.setStrokeGray(0.7)
        for x in sorted(
            {round(qx(i), 2) for i in range(n)} | {round(qx(i) + qw, 2) for i in range(n)}
        ):
            c.line(x, 0, x, self.height)
        c.setStrokeGray(0)
