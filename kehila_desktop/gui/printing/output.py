"""From a built PDF to what the user sees and gets: pages rendered to ``QImage`` with
pypdfium2 (PDFium; QtPdf is not part of PySide6-Essentials), pages painted onto a
``QPrinter`` (A4, full page, at the printer's resolution up to 300 dpi), an atomic copy for
"Export PDF…" and the suggested file name.

PDFium is not thread-safe: everything here runs on the GUI thread.
"""

from __future__ import annotations

import os
import re
import shutil
from datetime import date
from pathlib import Path
from collections.abc import Callable

import pypdfium2 as pdfium
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter

MAX_PRINT_DPI = 300  # sharper than any office printer needs; keeps a page under ~30 MB


class PrintFailed(Exception):
    """The printer could not be started."""


def open_pdf(path) -> pdfium.PdfDocument:
    return pdfium.PdfDocument(str(path))


def render_page(doc: pdfium.PdfDocument, index: int, scale: float) -> QImage:
    """Page ``index`` at ``scale`` pixels per point, on white, as an RGB image."""
    page = doc[index]
    try:
        bitmap = page.render(scale=scale, rev_byteorder=True, may_draw_forms=False)
        try:
            fmt = {3: QImage.Format.Format_RGB888, 4: QImage.Format.Format_RGBX8888}[
                bitmap.n_channels
            ]
            image = QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride, fmt)
            return image.copy()  # owns its pixels once the bitmap is gone
        finally:
            bitmap.close()
    finally:
        page.close()


def page_sizes(doc: pdfium.PdfDocument) -> list[tuple[float, float]]:
    """Every page's (width, height) in points."""
    return [tuple(doc.get_page_size(i)) for i in range(len(doc))]


def prepare_printer(printer) -> None:
    """A4 portrait, the PDF's own margins: the page is painted edge to edge."""
    layout = QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Portrait,
        printer.pageLayout().margins(),
    )
    printer.setPageLayout(layout)
    printer.setFullPage(True)


def print_pdf(
    pdf_path,
    printer,
    *,
    pages: list[int] | None = None,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Paint the PDF's pages (all, or the 0-based ``pages``) onto ``printer``; returns how
    many were printed. ``cancelled()`` true aborts the print job."""
    doc = open_pdf(pdf_path)
    painter = QPainter()
    try:
        indexes = list(range(len(doc))) if pages is None else pages
        if not painter.begin(printer):
            raise PrintFailed()
        dpi = min(printer.resolution(), MAX_PRINT_DPI)
        done = 0
        for n, index in enumerate(indexes):
            if cancelled is not None and cancelled():
                _abort(printer, painter)
                break
            if n:
                printer.newPage()
            target = QRectF(printer.pageLayout().fullRectPixels(printer.resolution()))
            image = render_page(doc, index, dpi / 72)
            # keep the page's proportions inside the paper (A4 on A4: the same rectangle)
            scale = min(target.width() / image.width(), target.height() / image.height())
            w, h = image.width() * scale, image.height() * scale
            painter.drawImage(
                QRectF(
                    target.x() + (target.width() - w) / 2,
                    target.y() + (target.height() - h) / 2,
                    w,
                    h,
                ),
                image,
            )
            done += 1
            if progress is not None:
                progress(done)
        return done
    finally:
        if painter.isActive():
            painter.end()
        doc.close()


def _abort(printer, painter) -> None:
    """Stop the print job; printing to a file leaves no half-written file behind."""
    printer.abort()
    if painter.isActive():
        painter.end()
    from PySide6.QtPrintSupport import QPrinter

    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        Path(printer.outputFileName()).unlink(missing_ok=True)


def export_copy(built: Path, target: Path) -> None:
    """Copy the built PDF to ``target``, whole or not at all (temporary file, then rename)."""
    target = Path(target)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.part")
    try:
        shutil.copyfile(built, tmp)
        os.replace(tmp, target)
    finally:
        if tmp.exists():
            tmp.unlink()


def default_name(title: str, program: str, day: date | None = None) -> str:
    """ "<handout> - <program> - <YYYY-MM-DD>.pdf", without characters a file name cannot hold."""
    day = day or date.today()
    parts = [p for p in (title, program, day.isoformat()) if p]
    name = " - ".join(parts)
    name = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", name)
    return re.sub(r"\s+", " ", name).strip() + ".pdf"
