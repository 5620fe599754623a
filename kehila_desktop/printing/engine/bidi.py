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

Isolates (LRI, RLI, FSI … PDI, rules X5a–X6a, BD13) are honoured: user text inside a line
of the other direction is wrapped in FSI … PDI by the handouts and is laid out in its own
direction as one unit (a Hebrew name in an English sentence keeps the phone number after it).
The isolate marks themselves are not drawn. Explicit embeddings and overrides (LRE … PDF)
and boundary neutrals are dropped before resolving (the printed handouts never need them);
LRM/RLM act as strong marks and are not drawn.
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

_EXPLICIT = {"LRE", "RLE", "LRO", "RLO", "PDF", "BN"}  # removed by X9 (isolates are kept)
_OPENERS = {"LRI", "RLI", "FSI"}
_ISOLATES = _OPENERS | {"PDI"}
LRI, RLI, FSI, PDI = "\u2066", "\u2067", "\u2068", "\u2069"
# LRM, RLM, ALM: direction marks, and the isolate marks: never drawn
_INVISIBLE = {"\u200e", "\u200f", "\u061c", LRI, RLI, FSI, PDI}

_OPEN_TO_CLOSE = OPEN_TO_CLOSE  # Bidi_Paired_Bracket, generated from the Unicode data
_CLOSE_TO_OPEN = {c: o for o, c in _OPEN_TO_CLOSE.items()}
_CANONICAL = CANONICAL
__all__ = [
    "FSI",
    "LRI",
    "MIRROR",
    "PDI",
    "RLI",
    "UNICODE_VERSION",
    "balance_isolates",
    "first_strong_rtl",
    "resolve",
    "visual",
]

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
    left-to-right, None if there is none (then the page's direction applies). Text inside
    an isolate (FSI … PDI) is skipped, as the rule says."""
    depth = 0
    for ch in text:
        t = unicodedata.bidirectional(ch)
        if t in _OPENERS:
            depth += 1
        elif t == "PDI":
            depth = max(0, depth - 1)
        elif depth:
            continue
        elif t == "L":
            return False
        elif t in ("R", "AL"):
            return True
    return None


def _matching_pdi(original: list[str]) -> dict[int, int]:
    """BD9: each isolate initiator's matching PDI (initiators without one are left out)."""
    match: dict[int, int] = {}
    open_at: list[int] = []
    for i, t in enumerate(original):
        if t in _OPENERS:
            open_at.append(i)
        elif t == "PDI" and open_at:
            match[open_at.pop()] = i
    return match


def _first_strong_in(original: list[str], start: int, end: int, match: dict[int, int]) -> bool:
    """P2/P3 over ``original[start:end]`` skipping nested isolates: True for R/AL first."""
    j = start
    while j < end:
        t = original[j]
        if t in _OPENERS:
            j = match.get(j, end)
        elif t == "L":
            return False
        elif t in ("R", "AL"):
            return True
        j += 1
    return False


def balance_isolates(lines: list[str]) -> list[str]:
    """The lines of one wrapped paragraph, each with its isolates whole: an FSI becomes the
    LRI/RLI its whole content asks for, an isolate a line break cuts is closed (PDI) at the
    line's end and opened again at the next line's start, so every printed line keeps the
    user text's direction."""
    text = "\n".join(lines)
    if not any(ch in text for ch in (LRI, RLI, FSI)):
        return lines
    original = [unicodedata.bidirectional(ch) for ch in text]
    match = _matching_pdi(original)
    chars = list(text)
    for i, t in enumerate(original):
        if t == "FSI":
            chars[i] = (
                RLI if _first_strong_in(original, i + 1, match.get(i, len(text)), match) else LRI
            )
    out: list[str] = []
    still_open: list[str] = []
    for line in "".join(chars).split("\n"):
        opened = list(still_open)
        for ch in line:
            if ch in (LRI, RLI):
                still_open.append(ch)
            elif ch == PDI and still_open:
                still_open.pop()
        out.append("".join(opened) + line + PDI * len(still_open))
    return out


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
    if kinds & _ISOLATES:
        return _isolated_levels(chars, original, rtl)
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


def _isolated_levels(chars: list[str], original: list[str], rtl: bool) -> list[int]:
    """``_levels`` of a line that holds isolates: embedding levels (X5a–X6a), isolating
    run sequences (BD13, X10), each resolved by W1–W7, N0–N2 with its own sos/eos, then
    I1–I2 and L1."""
    n = len(chars)
    base = 1 if rtl else 0
    match = _matching_pdi(original)
    embedding = [base] * n
    stack = [base]
    overflow = 0
    for i, t in enumerate(original):
        if t in _OPENERS:
            embedding[i] = stack[-1]
            if t == "FSI":
                t = "RLI" if _first_strong_in(original, i + 1, match.get(i, n), match) else "LRI"
            level = (stack[-1] + 1) | 1 if t == "RLI" else (stack[-1] + 2) & ~1
            if level <= 125 and not overflow:
                stack.append(level)
            else:
                overflow += 1
        elif t == "PDI":
            if overflow:
                overflow -= 1
            elif len(stack) > 1:
                stack.pop()
            embedding[i] = stack[-1]
        else:
            embedding[i] = stack[-1]
    runs: list[tuple[int, int]] = []  # level runs (start, end exclusive)
    start = 0
    for i in range(1, n + 1):
        if i == n or embedding[i] != embedding[start]:
            runs.append((start, i))
            start = i
    run_at = {a: (a, b) for a, b in runs}
    continued = {match[k] for k in match}  # a run starting with a matched PDI continues one
    resolved = list(original)
    for a, b in runs:
        if a in continued and original[a] == "PDI":
            continue
        seq = list(range(a, b))
        while original[seq[-1]] in _OPENERS and seq[-1] in match and match[seq[-1]] in run_at:
            na, nb = run_at[match[seq[-1]]]
            seq += range(na, nb)
        level = embedding[seq[0]]
        before = embedding[seq[0] - 1] if seq[0] > 0 else base
        last = seq[-1]
        after = base if original[last] in _OPENERS or last + 1 >= n else embedding[last + 1]
        sos = "R" if max(level, before) % 2 else "L"
        eos = "R" if max(level, after) % 2 else "L"
        seq_original = [original[i] for i in seq]
        types = ["ON" if t in _ISOLATES else t for t in seq_original]
        seq_chars = [chars[i] for i in seq]
        _weak_rules(types, sos)
        _resolve_brackets(seq_chars, types, seq_original, level, sos)
        _neutral_rules(types, sos, eos, level)
        for i, t in zip(seq, types):
            resolved[i] = t
    levels = []
    for lv, t in zip(embedding, resolved):  # I1, I2
        if lv % 2 == 0:
            levels.append(lv + (1 if t == "R" else 2 if t in ("AN", "EN") else 0))
        else:
            levels.append(lv + (1 if t in ("L", "EN", "AN") else 0))
    trailing = {"WS", "S", "B"} | _ISOLATES
    k = n - 1  # L1: trailing white space and isolate marks go back to the paragraph level
    while k >= 0 and original[k] in trailing:
        levels[k] = base
        k -= 1
    for i, t in enumerate(original):
        if t in ("S", "B"):
            levels[i] = base
            m = i - 1
            while m >= 0 and original[m] in ("WS", *_ISOLATES):
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
