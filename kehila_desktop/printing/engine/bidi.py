"""One display line, from logical to visual order: the Unicode bidi algorithm (UAX #9).

``visual(line, rtl)`` reorders ONE already-wrapped line (of a paragraph whose base direction
is ``rtl``; ``first_strong_rtl`` finds it, rules P2–P3) for drawing left to right: weak and
neutral types resolved (W1–W7, bracket pairs N0, N1–N2), levels (I1–I2), trailing white space
reset (L1), runs reversed (L2) and mirrored characters swapped (L4). The reference is GNU
FriBidi (``tests/printing`` compares with the ``fribidi`` command); python-bidi is not used
because it joins lines and does not mirror brackets.

Scope: a line is one isolating run sequence at the paragraph level. Explicit embeddings,
overrides and isolates (LRE … PDI) and boundary neutrals are dropped before resolving (the
printed handouts never need them); LRM/RLM act as strong marks and are not drawn.
Combining marks stay after their base letter (L3), so they are drawn over it. Arabic shaping
happens before this (``shaping.shape``) because it needs logical order.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

_EXPLICIT = {"LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI", "BN"}
_INVISIBLE = {"\u200e", "\u200f", "\u061c"}  # LRM, RLM, ALM: direction marks, never drawn

# Bidi_Paired_Bracket (BidiBrackets.txt): opening → closing.
_OPEN_TO_CLOSE = {
    "(": ")", "[": "]", "{": "}", "\u0f3a": "\u0f3b", "\u0f3c": "\u0f3d", "\u169b": "\u169c",
    "\u2045": "\u2046", "\u207d": "\u207e", "\u208d": "\u208e", "\u2308": "\u2309",
    "\u230a": "\u230b", "\u2329": "\u232a", "\u2768": "\u2769", "\u276a": "\u276b",
    "\u276c": "\u276d", "\u276e": "\u276f", "\u2770": "\u2771", "\u2772": "\u2773",
    "\u2774": "\u2775", "\u27c5": "\u27c6", "\u27e6": "\u27e7", "\u27e8": "\u27e9",
    "\u27ea": "\u27eb", "\u27ec": "\u27ed", "\u27ee": "\u27ef", "\u2983": "\u2984",
    "\u2985": "\u2986", "\u2987": "\u2988", "\u2989": "\u298a", "\u298b": "\u298c",
    "\u298d": "\u2990", "\u298f": "\u298e", "\u2991": "\u2992", "\u2993": "\u2994",
    "\u2995": "\u2996", "\u2997": "\u2998", "\u29d8": "\u29d9", "\u29da": "\u29db",
    "\u29fc": "\u29fd", "\u2e22": "\u2e23", "\u2e24": "\u2e25", "\u2e26": "\u2e27",
    "\u2e28": "\u2e29", "\u3008": "\u3009", "\u300a": "\u300b", "\u300c": "\u300d",
    "\u300e": "\u300f", "\u3010": "\u3011", "\u3014": "\u3015", "\u3016": "\u3017",
    "\u3018": "\u3019", "\u301a": "\u301b", "\ufe59": "\ufe5a", "\ufe5b": "\ufe5c",
    "\ufe5d": "\ufe5e", "\uff08": "\uff09", "\uff3b": "\uff3d", "\uff5b": "\uff5d",
    "\uff5f": "\uff60", "\uff62": "\uff63",
}
_CLOSE_TO_OPEN = {c: o for o, c in _OPEN_TO_CLOSE.items()}
_CANONICAL = {"\u2329": "\u3008", "\u232a": "\u3009"}

# Bidi_Mirroring_Glyph (BidiMirroring.txt), the characters handouts can contain.
_MIRROR_PAIRS = (
    "()", "<>", "[]", "{}", "\u00ab\u00bb", "\u2039\u203a", "\u2045\u2046", "\u207d\u207e",
    "\u208d\u208e", "\u2208\u220b", "\u2209\u220c", "\u220a\u220d", "\u2264\u2265",
    "\u2266\u2267", "\u226a\u226b", "\u2282\u2283", "\u2286\u2287", "\u2308\u2309",
    "\u230a\u230b", "\u2329\u232a", "\u2768\u2769", "\u276a\u276b", "\u276c\u276d",
    "\u276e\u276f", "\u2770\u2771", "\u2772\u2773", "\u2774\u2775", "\u27e6\u27e7",
    "\u27e8\u27e9", "\u27ea\u27eb", "\u2983\u2984", "\u2985\u2986", "\u3008\u3009",
    "\u300a\u300b", "\u300c\u300d", "\u300e\u300f", "\u3010\u3011", "\u3014\u3015",
    "\u3016\u3017", "\u3018\u3019", "\u301a\u301b", "\uff08\uff09", "\uff1c\uff1e",
    "\uff3b\uff3d", "\uff5b\uff5d", "\uff5f\uff60", "\uff62\uff63", "\u2215\u29f5",
)
MIRROR = {}
for _a, _b in _MIRROR_PAIRS:
    MIRROR[_a], MIRROR[_b] = _b, _a

_MIRROR_TABLE = str.maketrans(MIRROR)
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
        inside = {_strong(t) for t in types[open_i + 1:close_i]} - {None}
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
                out[i:j + 1] = [out[j]] + out[i:j][::-1]
            i = j + 1
        else:
            i += 1
    return out


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
    kinds = set(original)
    if not kinds & _RIGHT:
        if not rtl or (original[0] == "L" and original[-1] == "L"):
            # all of it resolves to L (W7, N1): left to right as it is
            return "".join(ch for ch in chars if ch not in _INVISIBLE)
    elif rtl and not kinds & _NOT_PLAIN_RTL:
        # only right-to-left letters and neutrals: every character is at level 1
        shown = "".join(ch for ch in reversed(chars) if ch not in _INVISIBLE)
        return shown.translate(_MIRROR_TABLE)
    base = 1 if rtl else 0
    sos = eos = "R" if rtl else "L"
    types = list(original)
    _weak_rules(types, sos)
    if rtl and set(types) <= {"L", "EN"}:  # numbers, dates, phones: all at level 2
        return "".join(ch for ch in chars if ch not in _INVISIBLE)
    _resolve_brackets(chars, types, original, base, sos)
    _neutral_rules(types, sos, eos, base)
    levels = []
    for t in types:  # I1, I2
        if base % 2 == 0:
            levels.append(base + (1 if t == "R" else 2 if t in ("AN", "EN") else 0))
        else:
            levels.append(base + (1 if t in ("L", "EN", "AN") else 0))
    k = len(chars) - 1  # L1: trailing white space goes back to the paragraph level
    while k >= 0 and original[k] in ("WS", "S", "B"):
        levels[k] = base
        k -= 1
    for i, t in enumerate(original):
        if t in ("S", "B"):
            levels[i] = base
            m = i - 1
            while m >= 0 and original[m] == "WS":
                levels[m] = base
                m -= 1
    order = list(range(len(chars)))  # L2
    top = max(levels)
    lowest_odd = min(lv for lv in levels) | 1
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
    if "NSM" in kinds:
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
