"""Printing: Hebrew, Arabic and English PDF handouts from a program file (reportlab, no Qt).

``build(handout, pf_or_path, out_path, language=..., **options, progress=..., cancelled=...)``
is the one entry point (the CLI and a GUI worker thread call it). ``HANDOUTS`` names them.
Options: ``meeting``, ``body``, ``member`` (ids) and ``contacts`` (False hides phones and
e-mails). The program file is only read.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from reportlab.platypus.doctemplate import LayoutError

from kehila_desktop.printing.engine.document import Cancelled, PageInfo, build_pdf
from kehila_desktop.printing.handouts.source import Missing, Source

HANDOUTS = (
    "structure",
    "people",
    "roster",
    "composition",
    "agenda",
    "signin",
    "minutes",
    "workplan",
    "calendar",
    "role-letter",
    "open-call",
)
NEEDS_MEETING = ("agenda", "signin", "minutes")
OPTIONS = {  # the ids each handout reads (``meeting`` is required where listed first)
    "structure": (),
    "people": ("contacts",),
    "roster": ("body", "contacts"),
    "composition": ("body",),
    "agenda": ("meeting",),
    "signin": ("meeting",),
    "minutes": ("meeting",),
    "workplan": (),
    "calendar": ("body",),
    "role-letter": ("member", "body"),
    "open-call": ("contacts",),
}
TITLES = {  # message ids of the handouts' names, for menus (translate with core.i18n.tr)
    "structure": "The program's collaborative mechanisms",
    "people": "Partner mapping",
    "roster": "Members of the body",
    "composition": "Composition of the design committee",
    "agenda": "Agenda",
    "signin": "Sign-in sheet",
    "minutes": "Minutes",
    "workplan": "Work plan",
    "calendar": "Meeting calendar",
    "role-letter": "Role letter",
    "open-call": "Open invitation to join the design committee",
}

__all__ = [
    "build",
    "HANDOUTS",
    "NEEDS_MEETING",
    "OPTIONS",
    "TITLES",
    "Cancelled",
    "Missing",
    "UnknownHandout",
    "LayoutFailed",
]


class UnknownHandout(Missing):
    """A handout name that is not one of ``HANDOUTS``."""


class LayoutFailed(Missing):
    """The story could not be put on pages (reportlab's ``LayoutError``): one sentence for
    the user (the CLI exits 2), never a traceback. No input is known to cause it; the
    generated tests in ``tests/printing/test_long_texts.py`` push long texts everywhere."""


def _function(handout: str):
    from kehila_desktop.printing.handouts import meetings as hm, people as hp, program as hg

    return {
        "structure": hg.structure,
        "people": hp.people,
        "roster": hp.roster,
        "composition": hg.composition,
        "agenda": hm.agenda,
        "signin": hp.signin,
        "minutes": hm.minutes,
        "workplan": hg.workplan,
        "calendar": hm.calendar,
        "role-letter": hp.role_letter,
        "open-call": hg.open_call,
    }[handout]


def build(
    handout: str,
    pf_or_path,
    out_path: str | os.PathLike,
    *,
    language: str | None = None,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    **options,
) -> int:
    """Build one handout into ``out_path`` (written whole or not at all); returns its pages.

    Raises ``UnknownHandout`` / ``Missing`` (nothing named exists), ``LayoutFailed`` (the
    pages could not be laid out), ``ProgramFileError`` (the file cannot be read) or
    ``Cancelled``.
    """
    if handout not in HANDOUTS:
        raise UnknownHandout(
            "There is no handout {name}; the handouts are: {names}.",
            name=handout,
            names=", ".join(HANDOUTS),
        )
    src = Source(pf_or_path, language)
    try:
        result = _function(handout)(src, options)
        info = PageInfo(
            src.language,
            src.program.get("name", ""),
            src.program.get("locality", ""),
            src.cap(result.body),
            src.today(),
            result.title,
        )
        try:
            return build_pdf(result.story, out_path, info, progress=progress, cancelled=cancelled)
        except LayoutError:
            raise LayoutFailed(
                "The {handout} handout could not be laid out on its pages; "
                "shorten its longest text and print it again.",
                handout=src.tr(TITLES[handout]),
            ) from None
    finally:
        src.close()
