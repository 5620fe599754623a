"""Arabic shaping: letters to their joined presentation forms, in logical order.

arabic_reshaper, configured like FriBidi's shaping (positional forms and the lam-alef
ligatures only; harakat kept: ``bidi.visual`` keeps each after its letter). Runs BEFORE the
bidi reorder (``bidi.visual``), on one logical line.
"""

from __future__ import annotations

import re
from functools import lru_cache

from arabic_reshaper import ArabicReshaper

_reshaper = ArabicReshaper(
    configuration={
        "delete_harakat": False,
        "support_ligatures": True,
        "ARABIC LIGATURE ALLAH": False,
    }
)


_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f]")


def has_arabic(text: str) -> bool:
    return _ARABIC.search(text) is not None


@lru_cache(maxsize=65536)
def shape(text: str) -> str:
    """``text`` with Arabic letters in their joined forms (other text unchanged)."""
    if not has_arabic(text):
        return text
    # hamza joins nothing: FriBidi leaves it as U+0621 where arabic_reshaper writes its
    # "isolated form" U+FE80 (the same glyph); keep the letter itself, as the reference does
    return _reshaper.reshape(text).replace("\ufe80", "\u0621")
