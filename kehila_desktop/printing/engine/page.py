"""The page's geometry, shared by the document and its flowables: the margins and the
header band every handout page has (A4)."""

from __future__ import annotations

from reportlab.lib.units import mm

MARGIN = 16 * mm
HEADER = 14 * mm
