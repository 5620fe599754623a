"""The building blocks handouts are made of, in one language and direction: titles,
headings, paragraphs, key/value blocks and tables, with the house text styles."""

from __future__ import annotations

from collections.abc import Sequence

from dataclasses import dataclass, field

from reportlab.platypus import KeepTogether, PageBreak, Spacer

from kehila_desktop.printing.engine.flowables import KeepWithNext, LineTable, Para, Rule
from kehila_desktop.printing.handouts.source import Source
from kehila_desktop.printing.engine.text import TextStyle


@dataclass
class Handout:
    """What a handout function returns: its title, the body it is about, the story."""

    title: str
    body: str = ""
    story: list = field(default_factory=list)


def _heading(para: Para) -> Para:
    para.is_heading = True  # kept with what follows (``flowables.KeepWithNext``)
    return para


class Kit:
    def __init__(self, src: Source):
        self.src = src
        rtl = src.rtl
        self.body_style = TextStyle(size=10, rtl=rtl)
        self.small_style = TextStyle(size=8.5, rtl=rtl)
        self.table_style = TextStyle(size=9, rtl=rtl)
        self.title_style = TextStyle(size=17, bold=True, rtl=rtl)
        self.heading_style = TextStyle(size=12.5, bold=True, rtl=rtl)
        self.subheading_style = TextStyle(size=10.5, bold=True, rtl=rtl)

    def title(self, text: str, subtitle: str = "") -> list:
        text = self.src.cap(text)  # English titles and headings begin with a capital
        out = [Para(text, self.title_style, space_after=2)]
        if subtitle:
            out.append(Para(self.src.cap(subtitle), self.body_style.but(size=11), space_after=2))
        out.append(Rule(1.2, space=5))
        return out

    def heading(self, text: str) -> list:
        return [
            KeepWithNext(60),
            _heading(Para(self.src.cap(text), self.heading_style, space_before=8, space_after=3)),
        ]

    def subheading(self, text: str) -> list:
        return [
            KeepWithNext(40),
            _heading(
                Para(self.src.cap(text), self.subheading_style, space_before=4, space_after=2)
            ),
        ]

    def para(self, text: object, **kw) -> list:
        return [Para(text, self.body_style, **kw)] if text not in (None, "") else []

    def small(self, text: object) -> list:
        return [Para(text, self.small_style.but(gray=0.25))] if text else []

    def table(
        self, header: list[str], rows: Sequence[Sequence[object]], weights: list[float], **kw
    ) -> list:
        return [LineTable(header, rows, weights, self.table_style, **kw)]

    def facts(self, pairs: list[tuple[str, object]]) -> list:
        """A two-column block: bold label, value (empty values are left out)."""
        rows = [[k, v] for k, v in pairs if v not in (None, "")]
        if not rows:
            return []
        table = LineTable(
            [],
            rows,
            [1, 3],
            self.table_style,
            space_after=6,
            first_column_style=self.table_style.but(bold=True),
        )
        return [table]

    def space(self, height: float = 6) -> list:
        return [Spacer(1, height)]

    def page_break(self) -> list:
        return [PageBreak()]

    def keep_together(self, flowables: list) -> list:
        """``flowables`` on one page (a closing and its signature)."""
        return [KeepTogether(flowables)] if flowables else []
