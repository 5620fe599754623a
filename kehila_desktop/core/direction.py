"""The one direction rule for user text, on paper and on screen (no Qt here).

A text that holds any right-to-left letter (Hebrew, Arabic: bidi class R or AL) takes the
page's direction (the language's: right to left in Hebrew and Arabic); a text with none (an
e-mail, a URL, a phone number, an English name) is laid out left to right as a unit.

So in a Hebrew page "IBM ישראל" reads "IBM" first (right to left), and "Haddad Tech Ltd."
keeps its full stop at its end. Printing (``printing.engine.text``) and the GUI (table cells,
multi-line editors: ``gui.direction``) call ``text_is_rtl``; neither decides by itself.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

_RTL_CLASSES = ("R", "AL")
LRI, PDI = "\u2066", "\u2069"  # left-to-right isolate … pop directional isolate

# the rule on the strings that showed it wrong (True: right to left on a Hebrew/Arabic page);
# the printing and the GUI tests pin both on these
EXAMPLES = {
    "IBM ישראל": True,
    "David Cohen שלום,": True,
    "Haddad Tech Ltd.": False,
    "batya@example.org": False,
    "שלום עולם": True,
    "050-1234567": False,
}


@lru_cache(maxsize=8192)
def _has_rtl_letter(text: str) -> bool:
    return any(unicodedata.bidirectional(ch) in _RTL_CLASSES for ch in text)


def has_rtl_letter(text: object) -> bool:
    """True if ``text`` holds a Hebrew, Arabic or other right-to-left letter."""
    if text is None:
        return False
    text = str(text)
    if text.isascii():
        return False
    return (
        _has_rtl_letter(text)
        if len(text) <= 2000
        else any(unicodedata.bidirectional(ch) in _RTL_CLASSES for ch in text)
    )


def text_is_rtl(text: object, page_rtl: bool) -> bool:
    """The base direction ``text`` is laid out in on a page (or screen) whose direction is
    ``page_rtl``: the page's when it holds a right-to-left letter, else left to right."""
    return page_rtl and has_rtl_letter(text)
