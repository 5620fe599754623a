"""Test helpers: the printed lines of a PDF (pdfplumber) and the reference order (fribidi)."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from collections import defaultdict

import pdfplumber
import pytest

FRIBIDI = shutil.which("fribidi")
needs_fribidi = pytest.mark.skipif(
    FRIBIDI is None,
    reason="GNU FriBidi's `fribidi` command is not installed "
    "(Debian: libfribidi-bin); it is the reference",
)


def fribidi(lines: list[str], rtl: bool, auto: bool = False) -> list[str]:
    """The visual order GNU FriBidi gives each line (Arabic shaped, brackets mirrored).

    ``auto``: each line's base direction as the handouts choose it for every paragraph: on
    a right-to-left page the project's one rule (``core.direction``: the page's if the line
    holds a Hebrew/Arabic letter, else left to right); on a left-to-right page FriBidi's own
    (the first strong letter outside isolates, UAX #9 P2–P3); else ``rtl`` forces it.
    Isolate marks (LRI … PDI), which are never drawn, are left out of the result.
    """
    if auto and rtl:
        from kehila_desktop.core.direction import text_is_rtl

        return [fribidi([line], text_is_rtl(line, rtl))[0] for line in lines]
    flag = "--wltr" if auto else "--rtl" if rtl else "--ltr"
    out = subprocess.run(
        [FRIBIDI, "--nopad", "--nobreak", flag],
        input="\n".join(lines) + "\n",
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split("\n")
    marks = dict.fromkeys(map(ord, "\ufeff\u2066\u2067\u2068\u2069"))
    return [line.translate(marks) for line in out[: len(lines)]]


def _y(ch) -> float:
    return round(ch["matrix"][5], 0)


def page_segments(page, gap: float = 6.0) -> list[str]:
    """Each printed line of a page, top to bottom, cut where a gap wider than ``gap`` points
    separates two characters (table cells, header left/right parts), left to right."""
    rows = defaultdict(list)
    for ch in page.chars:  # a combining mark stays with the letter drawn before it
        if unicodedata.category(ch["text"][:1] or "a") == "Mn" and rows[_y(ch)]:
            rows[_y(ch)][-1]["text"] += ch["text"]
        else:
            rows[_y(ch)].append(dict(ch))
    out = []
    for y in sorted(rows, reverse=True):
        chars = sorted(rows[y], key=lambda c: c["x0"])
        text, last = "", None
        for ch in chars:
            if last is not None and ch["x0"] - last > gap:
                out.append(text)
                text = ""
            text += ch["text"]
            last = ch["x1"]
        out.append(text)
    return [s.strip() for s in out if s.strip()]


def pdf_segments(path) -> list[list[str]]:
    with pdfplumber.open(str(path)) as pdf:
        return [page_segments(p) for p in pdf.pages]


def all_segments(path) -> list[str]:
    return [s for page in pdf_segments(path) for s in page]
