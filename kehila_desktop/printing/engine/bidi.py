"""One display line, from logical to visual order: the Unicode bidi algorithm (UAX #9).

``visual(line, rtl)`` reorders ONE already-wrapped line (of a paragraph whose base direction
is ``rtl``; ``first_strong_rtl`` finds it, rules P2–P3) for drawing left to right: weak and
neutral types resolved (W1–W7, bracket pairs N0, N1–N2), levels (I1–I2), trailing white space
reset (L1), runs reversed (L2) and mirrored characters swapped (L4). The reference is GNU
FriBidi (``tests/printing`` compares with the ``fribidi`` command); python-bidi is not used
because it joins lines and does not mirror brackets.

The mirroring (L4) and bracket (BD16) tables are generated from the Unicode data files
(``bidi_tables.py``, by ``tools/make_bidi_tables.py``; ``UNICODE_VERSION`` names the version).
``tests/printing/test_bidi_conformance.py`` runs Unicode's BidiTest.txt and
BidiCharacterTest.txt through ``resolve``.

Scope: a line is one isolating run sequence at the paragraph level. Explicit embeddings,
overrides and isolates (LRE … PDI) and boundary neutrals are dropped before resolving (the
printed handouts never need them); LRM/RLM act as strong marks and are not drawn.
Combining marks stay after their base letter (L3), so they are drawn over it. Arabic shaping
happens before this (``shaping.shape``) because it needs logical order.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from kehila_desktop.printing.engine.bidi_tables import (
    CANONICAL,
    MIRROR,
    OPEN_TO_CLOSE,
    UNICODE_VERSION,
)

_EXPLICIT = {"LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI", "BN"}
_INVISIBLE = {"\u200e", "\u200f", "\u061c"}  # LRM, RLM, ALM: direction marks, never drawn

_OPEN_TO_CLOSE = OPEN_TO_CLOSE  # Bidi_Paired_Bracket, generated from the Unicode data
_CLOSE_TO_OPEN = {c: o for o, c in _OPEN_TO_CLOSE.items()}
_CANONICAL = CANONICAL
__all__ = ["MIRROR", "UNICODE_VERSION", "first_strong_rtl", "resolve", "visual"]

_RIGHT = {"R", "AL", "AN"}
_NOT_PLAIN_RTL = {"L", "EN", "AN", "NSM", "ES", "ET", "CS"}
_STRONG_R = {"R", "AL"}
_NEUTRAL = {"B", "S", "WS", "ON"}


def _strong(t: str) -> str | None:
    """Direction a resolved type gives its neighbours in N0/N1 (numbers count as R)."""
    if t == "L":
        return "L"
    if t in ("R", "AL", "EN", "AN"):
        return "R"
    return None


def _weak_rules(types: list[str], sos: str) -> None:
    """W1–W7 in place over one isolating run sequence."""
    n = len(types)
    prev = sos
    for i in range(n):  # W1
        if types[i] == "NSM":
            types[i] = prev
        prev = types[i]
    last_strong = sos
    for i in range(n):  # W2, W3
        t = types[i]
        if t in ("L", "R", "AL"):
            last_strong = t
        elif t == "EN" and last_strong == "AL":
            types[i] = "AN"
    for i in range(n):
        if types[i] == "AL":
            types[i] = "R"
    for i in range(1, n - 1):  # W4
        t = types[i]
        if t == "ES" and types[i - 1] == "EN" and types[i + 1] == "EN":
            types[i] = "EN"
        elif t == "CS" and types[i - 1] == types[i + 1] and types[i - 1] in ("EN", "AN"):
            types[i] = types[i - 1]
    i = 0
    while i < n:  # W5
        if types[i] == "ET":
            j = i
            while j < n and types[j] == "ET":
                j += 1
            if (i > 0 and types[i - 1] == "EN") or (j < n and types[j] == "EN"):
                for k in range(i, j):
                    types[k] = "EN"
            i = j
        else:
            i += 1
    for i in range(n):  # W6
        if types[i] in ("ES", "ET", "CS"):
            types[i] = "ON"
    last_strong = sos
    for i in range(n):  # W7
        t = types[i]
        if t in ("L", "R"):
            last_strong = t
        elif t == "EN" and last_strong == "L":
            types[i] = "L"


def _bracket_pairs(chars: list[str], types: list[str]) -> list[tuple[int, int]]:
    """BD16: the bracket pairs of the line, sorted by their opening position."""
    stack: list[tuple[str, int]] = []
    pairs = []
    for i, ch in enumerate(chars):
        if types[i] != "ON":
            continue
        if ch in _OPEN_TO_CLOSE:
            if len(stack) == 63:
                break
            stack.append((_CANONICAL.get(_OPEN_TO_CLOSE[ch], _OPEN_TO_CLOSE[ch]), i))
        elif ch in _CLOSE_TO_OPEN:
            want = _CANONICAL.get(ch, ch)
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == want:
                    pairs.append((stack[depth][1], i))
                    del stack[depth:]
                    break
    pairs.sort()
    return pairs


def _resolve_brackets(chars, types, original, level: int, sos: str) -> None:
    """N0: a bracket pair takes the direction of the strong text inside (or its context)."""
    embedding = "R" if level % 2 else "L"
    for open_i, close_i in _bracket_pairs(chars, types):
        inside = {_strong(t) for t in types[open_i + 1 : close_i]} - {None}
        if not inside:
            continue
        if embedding in inside:
            direction = embedding
        else:
            before = sos
            for k in range(open_i - 1, -1, -1):
                s = _strong(types[k])
                if s:
                    before = s
                    break
            direction = before if before != embedding else embedding
        for k in (open_i, close_i):
            types[k] = direction
            m = k + 1  # NSMs after a bracket take its new direction
            while m < len(types) and original[m] == "NSM":
                types[m] = direction
                m += 1


def _neutral_rules(types: list[str], sos: str, eos: str, level: int) -> None:
    """N1–N2 in place."""
    embedding = "R" if level % 2 else "L"
    n = len(types)
    i = 0
    while i < n:
        if types[i] in _NEUTRAL:
            j = i
            while j < n and types[j] in _NEUTRAL:
                j += 1
            before = sos if i == 0 else _strong(types[i - 1])
            after = eos if j == n else _strong(types[j])
            direction = before if before == after and before else embedding
            for k in range(i, j):
                types[k] = direction
            i = j
        else:
            i += 1


def first_strong_rtl(text: str) -> bool | None:
    """P2/P3: True if the first strong character is right-to-left, False if it is
    left-to-right, None if there is none (then the page's direction applies)."""
    for ch in text:
        t = unicodedata.bidirectional(ch)
        if t == "L":
            return False
        if t in ("R", "AL"):
            return True
    return None


def _marks_after_base(order: list[int], original: list[str], levels: list[int]) -> list[int]:
    """L3: in a reversed (RTL) run a combining mark would land before its base; put it back
    after the base, so a zero-width mark is drawn over the letter it belongs to."""
    out = list(order)
    i = 0
    while i < len(out):
        if original[out[i]] == "NSM" and levels[out[i]] % 2:
            j = i
            while j < len(out) and original[out[j]] == "NSM" and levels[out[j]] % 2:
                j += 1
            if j < len(out) and levels[out[j]] % 2:
                out[i : j + 1] = [out[j]] + out[i:j][::-1]
            i = j + 1
        else:
            i += 1
    return out


def resolve(line: str, rtl: bool) -> tuple[list[int], list[int], list[int]]:
    """UAX #9 on one line of base direction ``rtl``: ``(kept, levels, order)``.

    ``kept``: the indices into ``line`` of the characters X9 keeps (explicit formatting
    characters and BN are removed); ``levels[i]``: the resolved level of ``line[kept[i]]``
    (after L1); ``order``: positions into ``kept`` in visual order, left to right (L2,
    before the combining-mark placement of L3).
    """
    kept = [i for i, ch in enumerate(line) if unicodedata.bidirectional(ch) not in _EXPLICIT]
    chars = [line[i] for i in kept]
    original = [unicodedata.bidirectional(ch) or "L" for ch in chars]
    levels = _levels(chars, original, rtl)
    return kept, levels, _order(levels)


def _levels(chars: list[str], original: list[str], rtl: bool) -> list[int]:
    """The resolved embedding level of each character (W1–W7, N0–N2, I1–I2, L1)."""
    n = len(chars)
    base = 1 if rtl else 0
    if not n:
        return []
    kinds = set(original)
    if not kinds & _RIGHT:
        if not rtl:  # W7 turns every number L, N1 every neutral: all at level 0
            return [0] * n
        if original[0] == "L" and original[-1] == "L" and not kinds & {"S", "B"}:
            return [2] * n  # left-to-right text on an RTL line: all of it at level 2
    elif rtl and not kinds & _NOT_PLAIN_RTL:
        return [1] * n  # right-to-left letters and neutrals only
    sos = eos = "R" if rtl else "L"
    types = list(original)
    _weak_rules(types, sos)
    if rtl and set(types) <= {"L", "EN"}:  # numbers, dates, phones: all at level 2
        return [2] * n
    _resolve_brackets(chars, types, original, base, sos)
    _neutral_rules(types, sos, eos, base)
    levels = []
    for t in types:  # I1, I2
        if base % 2 == 0:
            levels.append(base + (1 if t == "R" else 2 if t in ("AN", "EN") else 0))
        else:
            levels.append(base + (1 if t in ("L", "EN", "AN") else 0))
    k = n - 1  # L1: trailing white space goes back to the paragraph level
    while k >= 0 and original[k] in ("WS", "S", "B"):
        levels[k] = base
        k -= 1
    for i, t in enumerate(original):  # L1: segment and paragraph separators (a tab) too,
        if t in ("S", "B"):  # with the white space before them
            levels[i] = base
            m = i - 1
            while m >= 0 and original[m] == "WS":
                levels[m] = base
                m -= 1
    return levels


def _order(levels: list[int]) -> list[int]:
    """L2: reverse every run at each level from the highest down to the lowest odd one."""
    order = list(range(len(levels)))
    if not levels:
        return order
    top = max(levels)
    if top == 0:
        return order
    if min(levels) == top and top % 2:
        return order[::-1]
    lowest_odd = min(levels) | 1
    for lv in range(top, lowest_odd - 1, -1):
        i = 0
        while i < len(order):
            if levels[order[i]] >= lv:
                j = i
                while j < len(order) and levels[order[j]] >= lv:
                    j += 1
                order[i:j] = order[i:j][::-1]
                i = j
            else:
                i += 1
    return order


@lru_cache(maxsize=65536)
def visual(line: str, rtl: bool) -> str:
    """``line`` (logical order, one printed line) as drawn from left to right."""
    if not line:
        return line
    if rtl is False and line.isascii():
        return line  # nothing to reorder
    chars = [ch for ch in line if unicodedata.bidirectional(ch) not in _EXPLICIT]
    if not chars:
        return ""
    original = [unicodedata.bidirectional(ch) or "L" for ch in chars]
    levels = _levels(chars, original, rtl)
    order = _order(levels)
    if "NSM" in original:
        order = _marks_after_base(order, original, levels)
    out = []
    for idx in order:  # L4
        ch = chars[idx]
        if ch in _INVISIBLE:
            continue
        if levels[idx] % 2:
            ch = MIRROR.get(ch, ch)
        out.append(ch)
    return "".join(out)
