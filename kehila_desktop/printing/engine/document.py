"""The page: A4, margins, the header (program, locality, body, date) and the footer
"page X of Y" in the handout's language, RTL or LTR; building a story into a PDF file
atomically (temporary file, then rename), with progress and cancellation per page.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from collections.abc import Callable

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from kehila_desktop.printing.engine.page import HEADER, MARGIN

from kehila_desktop.core.i18n import is_rtl, tr
from kehila_desktop.printing.engine import fonts
from kehila_desktop.printing.engine.text import TextStyle, draw_line, text_width, wrap


class Cancelled(Exception):
    """The caller's ``cancelled()`` said stop; no file was written."""


@dataclass
class PageInfo:
    """What every page of one handout shows around its content."""

    language: str
    program: str
    locality: str
    body: str
    date: str
    title: str

    @property
    def rtl(self) -> bool:
        return is_rtl(self.language)


class NewNumbering(Flowable):
    """Placed at the top of a page (after a page break): page numbers start again at 1 there,
    and "page X of Y" counts the pages up to the next ``NewNumbering`` (one role letter)."""

    _ZEROSIZE = True

    def wrap(self, availWidth, availHeight):
        return 0, 0

    def draw(self):
        self.canv._kehila_new_numbering = True


def _canvas_class(info: PageInfo):
    class NumberedCanvas(Canvas):
        """Keeps each page until the end, to print "page X of Y" on it (X of Y within its
        numbering section: the whole document unless ``NewNumbering`` starts new ones)."""

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []
            self._kehila_new_numbering = False

        def showPage(self):
            self._pages.append(dict(self.__dict__))
            self._kehila_new_numbering = False
            self._startPage()

        def save(self):
            sections: list[list[dict]] = []
            for n, state in enumerate(self._pages):
                if not n or state.get("_kehila_new_numbering"):
                    sections.append([])
                sections[-1].append(state)
            for section in sections:
                for page, state in enumerate(section, 1):
                    self.__dict__.update(state)
                    _draw_footer(self, info, page, len(section))
                    super().showPage()
            super().save()

    return NumberedCanvas


def _draw_header(canvas, info: PageInfo) -> None:
    width, height = A4
    left, right = MARGIN, width - MARGIN
    top = height - MARGIN + 4 * mm
    base = TextStyle(size=9, rtl=info.rtl)
    room = (right - left) * 0.78  # the date keeps the other side
    draw_line(
        canvas,
        left,
        right,
        top,
        _fit(info.program, room, base.but(bold=True, size=10)),
        base.but(bold=True, size=10),
    )
    place = " · ".join(p for p in (info.locality, info.body) if p)
    draw_line(canvas, left, right, top - 12, _fit(place, right - left, base), base)
    draw_line(canvas, left, right, top, info.date, base.but(align="end"))
    canvas.setLineWidth(0.6)
    canvas.line(left, top - 17, right, top - 17)


def _fit(text: str, width: float, style: TextStyle) -> str:
    """``text``, cut to its first line with "…" when it is wider than ``width``."""
    lines = wrap(text, width - text_width("…", style.size, style.bold), style)
    if len(lines) <= 1:
        return lines[0] if lines else ""
    return lines[0] + "…"


def _draw_footer(canvas, info: PageInfo, page: int, total: int) -> None:
    width, _ = A4
    text = tr("page {page} of {pages}", info.language, page=page, pages=total)
    style = TextStyle(size=8, rtl=info.rtl, align="center")
    canvas.setLineWidth(0.4)
    canvas.line(MARGIN, MARGIN - 2 * mm, width - MARGIN, MARGIN - 2 * mm)
    draw_line(canvas, MARGIN, width - MARGIN, MARGIN - 6 * mm, text, style)
    draw_line(
        canvas,
        MARGIN,
        width - MARGIN,
        MARGIN - 6 * mm,
        _fit(info.title, (width - 2 * MARGIN) * 0.35, style),
        style.but(align="start", gray=0.3),
    )


def frame_width() -> float:
    return A4[0] - 2 * MARGIN


def build_pdf(
    story: list,
    out_path: str | os.PathLike,
    info: PageInfo,
    *,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Write ``story`` to ``out_path`` (whole or not at all); returns the number of pages.

    ``progress(pages_done)`` is called after each page; when ``cancelled()`` turns true the
    build stops with ``Cancelled`` and nothing is left at ``out_path``.
    """
    fonts.register()
    out_path = Path(out_path)
    tmp = out_path.with_name(f".{out_path.name}.{os.getpid()}.part")
    pages = [0]

    def on_page(canvas, doc):
        if cancelled is not None and cancelled():
            raise Cancelled()
        _draw_header(canvas, info)

    def on_page_end(canvas, doc):
        pages[0] += 1
        if progress is not None:
            progress(pages[0])

    width, height = A4
    frame = Frame(
        MARGIN,
        MARGIN + 2 * mm,
        frame_width(),
        height - 2 * MARGIN - HEADER,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc = BaseDocTemplate(
        str(tmp),
        pagesize=A4,
        title=info.title,
        author=info.program,
        creator="Kehila Desktop",
        lang=info.language,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
    )
    doc.addPageTemplates(
        [PageTemplate(id="page", frames=[frame], onPage=on_page, onPageEnd=on_page_end)]
    )
    from kehila_desktop.printing.engine.flowables import link_headings

    link_headings(story)
    try:
        doc.build(story, canvasmaker=_canvas_class(info))
        os.replace(tmp, out_path)
    finally:
        if tmp.exists():
            tmp.unlink()
    return pages[0]
